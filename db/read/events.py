"""Read-only queries of the event log: where a salon's numbering stands, and its events."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from domain.events import Event, parse_event


async def latest_event_id(conn: asyncpg.Connection, *, tenant_id: UUID) -> int | None:
    value: int | None = await conn.fetchval(
        "SELECT last_event_id FROM tenant WHERE id = $1", tenant_id
    )
    return value


async def events_between(
    conn: asyncpg.Connection, *, tenant_id: UUID, after: int, up_to: int
) -> list[Event]:
    """The salon's events after `after` up to `up_to`, in order, as stored (the truth: a stream
    that lost some is refilled from here)."""
    rows = await conn.fetch(
        """SELECT event_id, event_type, tenant_id, occurred_at, data FROM event
           WHERE tenant_id = $1 AND event_id > $2 AND event_id <= $3 ORDER BY event_id""",
        tenant_id,
        after,
        up_to,
    )
    return [parse_event(dict(row)) for row in rows]
