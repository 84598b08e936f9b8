"""Writes of professionals' working hours: a week replaced whole, rows and all."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from domain.agenda import WeekReplaced

INSERT_HOURS = """
INSERT INTO working_hours (tenant_id, professional_id, weekday, start_time, end_time)
SELECT $1, h.professional_id, h.weekday, h.start_time, h.end_time
FROM unnest($2::uuid[], $3::smallint[], $4::time[], $5::time[])
     AS h (professional_id, weekday, start_time, end_time)
"""


async def replace_weeks(
    conn: asyncpg.Connection, *, tenant_id: UUID, weeks: Sequence[WeekReplaced]
) -> None:
    """Each professional's rows replaced by their new week (the last week given for one holds)."""
    last = {week.professional_id: week for week in weeks}
    await conn.execute(
        "DELETE FROM working_hours WHERE tenant_id = $1 AND professional_id = ANY($2::uuid[])",
        tenant_id,
        list(last),
    )
    hours = [h for week in last.values() for h in week.hours]
    if hours:
        await conn.execute(
            INSERT_HOURS,
            tenant_id,
            [h.professional_id for h in hours],
            [h.weekday for h in hours],
            [h.start for h in hours],
            [h.end for h in hours],
        )
