"""A salon's stamp: the version of what its actor holds in memory, and which activation of it
may commit (migrations 0017 and 0018)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from domain.errors import NotFoundError


async def salon_stamp(
    conn: asyncpg.Connection, *, tenant_id: UUID, lock: bool = False
) -> tuple[int, int]:
    """The salon's (`data_version`, `active_epoch`) (migrations 0017, 0018); `lock`: hold its
    row until the transaction ends, so no other writer moves either meanwhile."""
    query = "SELECT data_version, active_epoch FROM tenant WHERE id = $1"
    row = await conn.fetchrow(query + (" FOR UPDATE" if lock else ""), tenant_id)
    if row is None:
        raise NotFoundError(f"tenant {tenant_id} not found")
    return row["data_version"], row["active_epoch"]


async def take_activation(conn: asyncpg.Connection, *, tenant_id: UUID) -> int:
    """The next activation epoch of the salon, now its own."""
    epoch: int | None = await conn.fetchval(
        "UPDATE tenant SET active_epoch = active_epoch + 1 WHERE id = $1 RETURNING active_epoch",
        tenant_id,
    )
    if epoch is None:
        raise NotFoundError(f"tenant {tenant_id} not found")
    return epoch
