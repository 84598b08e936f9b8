"""Writes of a salon's profile (one row per salon, created when first set)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from db.read.salon_profile import PROFILE_COLUMNS
from domain.salon_profile import SalonProfile

STORE_PROFILE = f"""
INSERT INTO salon_profile (tenant_id, {PROFILE_COLUMNS})
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT (tenant_id) DO UPDATE SET
    address = EXCLUDED.address, maps_url = EXCLUDED.maps_url,
    opening_hours = EXCLUDED.opening_hours, payment_methods = EXCLUDED.payment_methods,
    payment_notes = EXCLUDED.payment_notes, parking = EXCLUDED.parking,
    cancellation_policy = EXCLUDED.cancellation_policy,
    cancellation_window_h = EXCLUDED.cancellation_window_h, about = EXCLUDED.about,
    updated_at = now()
"""


async def store_profile(
    conn: asyncpg.Connection, *, tenant_id: UUID, profile: SalonProfile
) -> None:
    """The whole profile, as the owner stated it."""
    hours = profile.opening_hours
    await conn.execute(
        STORE_PROFILE,
        tenant_id,
        profile.address,
        profile.maps_url,
        None if hours is None else [p.model_dump(mode="json") for p in hours],
        list(profile.payment_methods),
        profile.payment_notes,
        profile.parking,
        profile.cancellation_policy,
        profile.cancellation_window_h,
        profile.about,
    )
