"""A salon's stamp: the version of what its actor holds in memory, and which activation of it
may commit (migrations 0017 and 0018)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import asyncpg

from domain.errors import NotFoundError
from domain.models import Tenant


@dataclass(frozen=True)
class Activation:
    """What taking an activation answers: the epoch now this activation's, the salon's
    `data_version` when it was taken, and the salon itself."""

    epoch: int
    version: int
    tenant: Tenant


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


async def take_activation(conn: asyncpg.Connection, *, tenant_id: UUID) -> Activation:
    """The next activation epoch of the salon, now its own, with the salon's version and row
    (one round trip: taking the epoch leaves `data_version` alone, migration 0018). The
    version is the latest committed one, even when the UPDATE waited for another writer's
    lock: read before the agenda's own queries, as `SalonCore.reload` reads it."""
    row = await conn.fetchrow(
        "UPDATE tenant SET active_epoch = active_epoch + 1 WHERE id = $1"
        " RETURNING active_epoch, data_version, id, name, time_zone",
        tenant_id,
    )
    if row is None:
        raise NotFoundError(f"tenant {tenant_id} not found")
    tenant = Tenant(id=row["id"], name=row["name"], time_zone=row["time_zone"])
    return Activation(epoch=row["active_epoch"], version=row["data_version"], tenant=tenant)
