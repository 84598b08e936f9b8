"""A client's data under the LGPD: everything held about one client (export), its erasure, the
audit trail of both, and the salons' chat retention.

Erasing keeps the appointment rows (the salon's books) and their client row, anonymised; it
deletes the client's conversations, messages not yet sent, the texts of those sent, and the
client's name, phone and words from the salon's stored events.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from domain.client_rights import ERASED_NAME

# Keys of an event's data that hold what the client wrote or who they are.
PERSONAL_EVENT_KEYS = ("client_name", "message", "phone", "phone_e164", "whatsapp_id")


def scrubbed(value: Any) -> Any:
    """`value` with the client's name replaced and their words and numbers blanked."""
    if isinstance(value, dict):  # keys stay: stored events must still parse when replayed
        return {
            key: ERASED_NAME
            if key == "client_name"
            else ("" if item is not None else None)
            if key in PERSONAL_EVENT_KEYS
            else scrubbed(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [scrubbed(item) for item in value]
    return value


async def record_request(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    client_id: UUID,
    action: str,
    requested_by: UUID | None,
    at: datetime,
) -> None:
    await conn.execute(
        """INSERT INTO client_data_request (tenant_id, client_id, action, requested_by, at)
           VALUES ($1, $2, $3, $4, $5)""",
        tenant_id,
        client_id,
        action,
        requested_by,
        at,
    )


async def erase_client_data(
    conn: asyncpg.Connection, *, tenant_id: UUID, client_id: UUID, by: UUID, at: datetime
) -> None:
    """Inside the erase command's transaction, before its own events are stored."""
    await conn.execute(
        """UPDATE client SET name = $3, phone_e164 = NULL, whatsapp_id = NULL,
               last_inbound_at = NULL, marketing_opt_out = true, marketing_consent_at = NULL,
               erased_at = $4, updated_at = $4
           WHERE tenant_id = $1 AND id = $2""",
        tenant_id,
        client_id,
        ERASED_NAME,
        at,
    )
    # The consent history stays (when, how), without the client's words.
    await conn.execute(
        "UPDATE client_consent SET text = NULL WHERE tenant_id = $1 AND client_id = $2",
        tenant_id,
        client_id,
    )
    await conn.execute(
        """DELETE FROM chat_message m USING conversation c
           WHERE m.tenant_id = $1 AND c.tenant_id = $1 AND m.conversation_id = c.id
             AND c.client_id = $2""",
        tenant_id,
        client_id,
    )
    await conn.execute(
        "DELETE FROM conversation WHERE tenant_id = $1 AND client_id = $2", tenant_id, client_id
    )
    await conn.execute(
        "DELETE FROM outbound_message WHERE tenant_id = $1 AND client_id = $2"
        " AND status = 'queued'",
        tenant_id,
        client_id,
    )
    await conn.execute(
        "UPDATE outbound_message SET body = '' WHERE tenant_id = $1 AND client_id = $2",
        tenant_id,
        client_id,
    )
    await conn.execute(
        """UPDATE auth_request
           SET appointment_data = jsonb_set(appointment_data, '{client_name}', to_jsonb($3::text))
           WHERE tenant_id = $1 AND client_id = $2""",
        tenant_id,
        client_id,
        ERASED_NAME,
    )
    # Events name the client at any depth (an auth request's appointment_data): scrubbed whole.
    rows = await conn.fetch(
        "SELECT event_id, data FROM event WHERE tenant_id = $1 AND data::text LIKE $2",
        tenant_id,
        f"%{client_id}%",
    )
    await conn.executemany(
        "UPDATE event SET data = $3 WHERE tenant_id = $1 AND event_id = $2",
        [(tenant_id, row["event_id"], scrubbed(row["data"])) for row in rows],
    )
    await record_request(
        conn, tenant_id=tenant_id, client_id=client_id, action="erase", requested_by=by, at=at
    )


# Each salon's cutoff: rows older than its chat retention (the deployment's default unless set).
_PAST_RETENTION = """
    tenant t LEFT JOIN salon_settings s ON s.tenant_id = t.id
    WHERE ($3::uuid[] IS NULL OR t.id = ANY($3::uuid[]))
      AND {at} < $1::timestamptz - make_interval(months => coalesce(s.chat_retention_months, $2))
"""


async def purge_old_chat_messages(
    conn: asyncpg.Connection,
    *,
    now: datetime,
    default_months: int,
    tenant_ids: list[UUID] | None = None,
) -> int:
    """Past each salon's chat retention (set-based, every salon at once): chat messages are
    deleted (one still waiting for its answer is kept), and the words kept elsewhere are blanked
    — the text and template values of messages sent to clients (not those still queued), and
    the `message` of stored events (keys stay: sockets replaying them still parse). How many
    chat messages were deleted."""
    args = (now, default_months, tenant_ids)
    async with conn.transaction():
        deleted = await conn.fetchval(
            """WITH gone AS (
                   DELETE FROM chat_message m USING """
            + _PAST_RETENTION.format(at="m.created_at")
            + """ AND m.tenant_id = t.id AND m.status <> 'pending'
                   RETURNING 1
               )
               SELECT count(*) FROM gone""",
            *args,
        )
        await conn.execute(
            "UPDATE outbound_message o SET body = '', template_params = '{}' FROM "
            + _PAST_RETENTION.format(at="o.created_at")
            + " AND o.tenant_id = t.id AND o.status <> 'queued'"
            " AND (o.body <> '' OR o.template_params <> '{}')",
            *args,
        )
        await conn.execute(
            """UPDATE event e SET data = jsonb_set(e.data, '{message}', '""') FROM """
            + _PAST_RETENTION.format(at="e.occurred_at")
            + " AND e.tenant_id = t.id AND e.data ->> 'message' <> ''",
            *args,
        )
    return int(deleted)
