"""Outbox of WhatsApp messages to clients (delivered by the n8n sender)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal
from uuid import UUID

import asyncpg

from domain.commands import DeliveryOutcome


async def queue_message(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    message_id: UUID,
    client_id: UUID,
    kind: Literal["marketing", "transactional"],
    body: str,
    related_id: UUID | None,
) -> None:
    await conn.execute(
        """INSERT INTO outbound_message (tenant_id, id, client_id, kind, body, related_id)
           VALUES ($1, $2, $3, $4, $5, $6)""",
        tenant_id,
        message_id,
        client_id,
        kind,
        body,
        related_id,
    )


async def notification_sent_for(
    conn: asyncpg.Connection, *, tenant_id: UUID, related_id: UUID
) -> bool:
    """Whether the client was told about `related_id` (a decided auth request)."""
    sent: bool | None = await conn.fetchval(
        "SELECT bool_or(status = 'sent') FROM outbound_message"
        " WHERE tenant_id = $1 AND related_id = $2",
        tenant_id,
        related_id,
    )
    return bool(sent)


async def record_outcomes(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    outcomes: Sequence[DeliveryOutcome],
    at: datetime,
) -> list[tuple[UUID, UUID, Literal["marketing", "transactional"]]]:
    """Move still-queued messages to their final status; return (id, client_id, kind) moved.

    Rows already final are left alone, so reporting an outcome twice records it once.
    """
    rows = await conn.fetch(
        """
        UPDATE outbound_message AS m
        SET status = o.status, attempts = greatest(m.attempts, o.attempts),
            last_error = o.reason, claimed_until = NULL,
            sent_at = CASE WHEN o.status = 'sent' THEN $2::timestamptz END
        FROM unnest($3::uuid[], $4::text[], $5::int[], $6::text[])
             AS o(id, status, attempts, reason)
        WHERE m.tenant_id = $1 AND m.id = o.id AND m.status = 'queued'
        RETURNING m.id, m.client_id, m.kind
        """,
        tenant_id,
        at,
        [o.message_id for o in outcomes],
        [o.status for o in outcomes],
        [o.attempts for o in outcomes],
        [o.reason for o in outcomes],
    )
    return [(row["id"], row["client_id"], row["kind"]) for row in rows]
