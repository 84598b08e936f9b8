"""Read-only queries of the event log: where a salon's numbering stands, and its events."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from domain.errors import NotFoundError
from domain.events import Event, parse_event


async def latest_event_id(conn: asyncpg.Connection, *, tenant_id: UUID) -> int | None:
    value: int | None = await conn.fetchval(
        "SELECT last_event_id FROM tenant WHERE id = $1", tenant_id
    )
    return value


async def data_version(conn: asyncpg.Connection, *, tenant_id: UUID, lock: bool = False) -> int:
    """The salon's `data_version` (migration 0017); `lock`: hold its row until the transaction
    ends, so no other writer moves it meanwhile."""
    query = "SELECT data_version FROM tenant WHERE id = $1" + (" FOR UPDATE" if lock else "")
    value: int | None = await conn.fetchval(query, tenant_id)
    if value is None:
        raise NotFoundError(f"tenant {tenant_id} not found")
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
