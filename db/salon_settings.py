"""Writes of a salon's own settings (one row per salon, created when first changed)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from domain.salon_settings import SalonSettings


async def store_salon_settings(
    conn: asyncpg.Connection, *, tenant_id: UUID, settings: SalonSettings
) -> None:
    await conn.execute(
        """INSERT INTO salon_settings (tenant_id, auto_complete, auto_complete_after_h,
               offer_expiry_h)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id) DO UPDATE
             SET auto_complete = $2, auto_complete_after_h = $3, offer_expiry_h = $4,
                 updated_at = now()""",
        tenant_id,
        settings.auto_complete,
        settings.auto_complete_after_h,
        settings.offer_expiry_h,
    )
