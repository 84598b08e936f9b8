"""Read-only: everything the salon holds about one client (the LGPD export)."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

import asyncpg


async def client_export(
    conn: asyncpg.Connection, *, tenant_id: UUID, client_id: UUID
) -> dict[str, Any] | None:
    """Everything the salon holds about one client; None if not this salon's client."""
    client = await conn.fetchrow(
        """SELECT id, name, phone_e164, whatsapp_id, marketing_opt_out, marketing_consent_at,
                  last_inbound_at, created_at, updated_at, erased_at
           FROM client WHERE tenant_id = $1 AND id = $2""",
        tenant_id,
        client_id,
    )
    if client is None:
        return None
    appointments = await conn.fetch(
        """SELECT a.id, a.starts_at, a.ends_at, a.status, a.status_reason, a.price_cents,
                  s.name AS service_name, p.name AS professional_name
           FROM appointment a
           LEFT JOIN service s ON s.tenant_id = a.tenant_id AND s.id = a.service_id
           LEFT JOIN professional p ON p.tenant_id = a.tenant_id AND p.id = a.professional_id
           WHERE a.tenant_id = $1 AND a.client_id = $2 ORDER BY a.starts_at""",
        tenant_id,
        client_id,
    )
    requests = await conn.fetch(
        """SELECT id, status, client_state, created_by_agent, appointment_data, created_at
           FROM auth_request WHERE tenant_id = $1 AND client_id = $2 ORDER BY created_at""",
        tenant_id,
        client_id,
    )
    messages = await conn.fetch(
        """SELECT m.id, m.direction, m.author, m.body, m.kind, m.transcript, m.intent,
                  m.created_at
           FROM chat_message m JOIN conversation c
             ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
           WHERE m.tenant_id = $1 AND c.client_id = $2 ORDER BY m.created_at, m.id""",
        tenant_id,
        client_id,
    )
    sent = await conn.fetch(
        """SELECT id, kind, body, status, created_at FROM outbound_message
           WHERE tenant_id = $1 AND client_id = $2 ORDER BY created_at""",
        tenant_id,
        client_id,
    )
    consent = await conn.fetch(
        """SELECT purpose, granted, at, source, text, recorded_by FROM client_consent
           WHERE tenant_id = $1 AND client_id = $2 ORDER BY at, recorded_at""",
        tenant_id,
        client_id,
    )
    requests_made = await conn.fetch(
        """SELECT action, requested_by, at FROM client_data_request
           WHERE tenant_id = $1 AND client_id = $2 ORDER BY at""",
        tenant_id,
        client_id,
    )
    return {
        "client": dict(client),
        "appointments": [dict(r) for r in appointments],
        "offers_and_requests": [dict(r) for r in requests],
        "chat_messages": [dict(r) for r in messages],
        "whatsapp_messages_sent": [dict(r) for r in sent],
        "marketing_consent": {
            "marketing_opt_out": client["marketing_opt_out"],
            "opted_in_since": client["marketing_consent_at"],
            "history": [dict(r) for r in consent],
        },
        "data_requests": [dict(r) for r in requests_made],
    }


def as_json(value: Any) -> Any:
    """The export as JSON values (datetimes ISO 8601, UUIDs as text)."""
    return json.loads(json.dumps(value, default=str))
