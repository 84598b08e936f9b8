"""Read-only query of one professional's working hours, and their coming bookings outside them."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import asyncpg

from db.read.agenda import APPOINTMENT_COLUMNS, client_names, get_tenant
from domain.errors import NotFoundError
from domain.models import Appointment, WorkingHours
from domain.working_hours import WorkingHoursView, bookings_outside, week_of, working_hours_view


async def get_working_hours(
    conn: asyncpg.Connection, *, tenant_id: UUID, professional_id: UUID, now: datetime
) -> WorkingHoursView:
    """The professional's week; NotFoundError when the salon has no such professional."""
    name = await conn.fetchval(
        "SELECT name FROM professional WHERE tenant_id = $1 AND id = $2", tenant_id, professional_id
    )
    if name is None:
        raise NotFoundError("professional not found in this salon")
    tenant = await get_tenant(conn, tenant_id=tenant_id)
    rows = await conn.fetch(
        """SELECT professional_id, weekday, start_time AS start, end_time AS end
           FROM working_hours WHERE tenant_id = $1 AND professional_id = $2""",
        tenant_id,
        professional_id,
    )
    hours = [WorkingHours(**dict(r)) for r in rows]
    booked = await conn.fetch(
        f"""SELECT {APPOINTMENT_COLUMNS} FROM appointment
            WHERE tenant_id = $1 AND professional_id = $2 AND status = 'booked'
              AND starts_at >= $3""",
        tenant_id,
        professional_id,
        now,
    )
    appointments = [Appointment(**dict(r)) for r in booked]
    names = await client_names(
        conn, tenant_id=tenant_id, client_ids=list({a.client_id for a in appointments})
    )
    outside = bookings_outside(
        appointments,
        hours,
        professional_id=professional_id,
        client_names=names,
        time_zone=tenant.time_zone,
        now=now,
    )
    return working_hours_view(professional_id, name, week_of(professional_id, hours), outside)
