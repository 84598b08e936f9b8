"""A client's data under the LGPD: everything held about one client (export), its erasure, the
audit trail of both, and the salons' chat retention.

Erasing keeps the appointment rows (the salon's books) and their client row, anonymised; it
deletes the client's conversations, messages not yet sent, the texts of those sent, and the
client's name, phone and words from the salon's stored events.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Purged:
    """What a purge did: chat messages deleted, sent messages and events blanked; `complete`
    when nothing past retention is left (False: it stopped after its rounds)."""

    chat_messages: int
    sent_messages: int
    events: int
    complete: bool


def _past_retention(table: str, at: str, rows: str, still: str) -> str:
    """The condition on `table`'s rows past their salon's retention (the deployment's default
    unless the salon chose one) that `rows` (on `r`) says still hold words: found salon by
    salon, oldest first, at most $4 a salon and $5 in all, in the index on (tenant_id, `at`)
    whose condition `rows` implies (migration 0021), and fetched by address (a TID scan), so a
    pass reads its own work, not the table. A row another writer changed meanwhile has a new
    address and waits for the next round; `still` checks again what such a writer may undo
    (older PostgreSQL releases did not check the address again on the new row)."""
    return f"""ctid = ANY(ARRAY(
        SELECT found.ctid
        FROM tenant t LEFT JOIN salon_settings s ON s.tenant_id = t.id
        CROSS JOIN LATERAL (
            SELECT r.ctid FROM {table} r
            WHERE r.tenant_id = t.id AND {rows} AND r.{at} < $1::timestamptz
                - make_interval(months => coalesce(s.chat_retention_months, $2))
            ORDER BY r.{at}
            LIMIT $4
        ) found
        WHERE $3::uuid[] IS NULL OR t.id = ANY($3::uuid[])
        LIMIT $5))
      AND {still}"""


# A chat message still waiting for its answer is kept.
_DELETE_CHAT = "DELETE FROM chat_message WHERE " + _past_retention(
    "chat_message", "created_at", "r.status <> 'pending'", still="status <> 'pending'"
)
# The text and template values of messages sent (not those still queued: a failed message
# requeued meanwhile goes out with its words).
_BLANK_SENT = "UPDATE outbound_message SET body = '', template_params = '{}' WHERE " + (
    _past_retention(
        "outbound_message",
        "created_at",
        "r.status <> 'queued' AND (r.body <> '' OR r.template_params <> '{}')",
        still="status <> 'queued'",
    )
)
# The `message` of stored events (keys stay: sockets replaying them still parse). Nothing
# writes words back into an event.
_BLANK_EVENTS = """UPDATE event SET data = jsonb_set(data, '{message}', '""') WHERE """ + (
    _past_retention("event", "occurred_at", "r.data ->> 'message' <> ''", still="true")
)
PURGE_STATEMENTS = (_DELETE_CHAT, _BLANK_SENT, _BLANK_EVENTS)
# A salon's oldest rows in the index's order, stopping at the bound: for a custom plan
# PostgreSQL picks a bitmap scan, which reads the whole of a salon's backlog (and sorts it) in
# every round — 100,000 rows for 1,000 kept, 94–155 ms a round against 22–36 ms.
PURGE_PLAN = "SET LOCAL enable_bitmapscan = off"
# A round of the purge changes at most this many rows a salon and in all, per statement (one
# transaction each); a pass stops after PURGE_ROUNDS rounds and goes on at the next.
PURGE_PER_SALON = 1_000
PURGE_ROUND_ROWS = 20_000
PURGE_ROUNDS = 10


async def purge_past_retention(
    conn: asyncpg.Connection,
    *,
    now: datetime,
    default_months: int,
    tenant_ids: list[UUID] | None = None,
    per_salon: int = PURGE_PER_SALON,
    round_rows: int = PURGE_ROUND_ROWS,
    rounds: int = PURGE_ROUNDS,
) -> Purged:
    """Past each salon's chat retention (every salon at once, or `tenant_ids`): chat messages
    are deleted (one still waiting for its answer is kept), and the words kept elsewhere are
    blanked — the text and template values of messages sent to clients, and the `message` of
    stored events. In rounds of bounded size, each statement its own transaction, until
    nothing is left or `rounds` ran (then `complete` is False)."""
    args = (now, default_months, tenant_ids, per_salon, round_rows)
    chats = sent = events = 0
    for _ in range(rounds):
        counts = []
        for statement in PURGE_STATEMENTS:
            async with conn.transaction():
                await conn.execute(PURGE_PLAN)
                counts.append(_count(await conn.execute(statement, *args)))
        chats, sent, events = chats + counts[0], sent + counts[1], events + counts[2]
        if max(counts) < min(per_salon, round_rows):  # no statement stopped at a bound
            return Purged(chats, sent, events, complete=True)
    return Purged(chats, sent, events, complete=False)


def _count(status: str) -> int:
    """The rows a DELETE or UPDATE changed, from its status ("UPDATE 12")."""
    return int(status.rsplit(" ", 1)[1])
