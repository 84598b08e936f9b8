"""Read-only queries of the event log: where a salon's numbering stands."""

from __future__ import annotations

from uuid import UUID

import asyncpg


async def latest_event_id(conn: asyncpg.Connection, *, tenant_id: UUID) -> int | None:
    value: int | None = await conn.fetchval(
        "SELECT last_event_id FROM tenant WHERE id = $1", tenant_id
    )
    return value
