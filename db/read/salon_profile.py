"""Read-only query of a salon's profile (the facts the chat tells clients)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from domain.models import WorkingHours
from domain.salon_profile import OpeningPeriod, SalonProfile, opening_hours

PROFILE_COLUMNS = (
    "address, maps_url, opening_hours, payment_methods, payment_notes, parking,"
    " cancellation_policy, cancellation_window_h, about"
)


async def get_salon_profile(conn: asyncpg.Connection, *, tenant_id: UUID) -> SalonProfile:
    """The salon's profile; an empty one when the owner never set it."""
    row = await conn.fetchrow(
        f"SELECT {PROFILE_COLUMNS} FROM salon_profile WHERE tenant_id = $1", tenant_id
    )
    return SalonProfile() if row is None else SalonProfile.model_validate(dict(row))


async def opening_hours_in_use(
    conn: asyncpg.Connection, *, tenant_id: UUID, profile: SalonProfile
) -> tuple[OpeningPeriod, ...]:
    """The owner's opening hours, else those of the professionals working here."""
    if profile.opening_hours is not None:
        return opening_hours(profile, (), ())
    rows = await conn.fetch(
        """SELECT h.professional_id, h.weekday, h.start_time AS start, h.end_time AS end
           FROM working_hours h
           JOIN professional p ON p.tenant_id = h.tenant_id AND p.id = h.professional_id
           WHERE h.tenant_id = $1 AND p.active""",
        tenant_id,
    )
    hours = [WorkingHours(**dict(r)) for r in rows]
    return opening_hours(profile, hours, {h.professional_id for h in hours})
