"""Read-only query of a salon's own settings (the deployment's defaults where it has none)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from domain.salon_settings import SalonSettings


async def get_salon_settings(
    conn: asyncpg.Connection, *, tenant_id: UUID, defaults: SalonSettings
) -> SalonSettings:
    row = await conn.fetchrow(
        "SELECT auto_complete, auto_complete_after_h, offer_expiry_h FROM salon_settings"
        " WHERE tenant_id = $1",
        tenant_id,
    )
    return defaults if row is None else SalonSettings(**dict(row))
