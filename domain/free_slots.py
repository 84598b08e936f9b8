"""Open slots of a professional: inside working hours, in the salon's zone, clear of bookings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.models import Appointment, Value, WorkingHours
from domain.slots import overlaps

STEP_MIN = 15


class Busy(Value):
    """Time a professional cannot be offered: a booking, or a slot already proposed."""

    professional_id: UUID
    starts_at: datetime
    ends_at: datetime


class Slot(Value):
    professional_id: UUID
    starts_at: datetime
    ends_at: datetime


def busy_from(appointments: Iterable[Appointment]) -> list[Busy]:
    return [
        Busy(professional_id=a.professional_id, starts_at=a.starts_at, ends_at=a.ends_at)
        for a in appointments
        if a.blocks_time
    ]


def working_intervals(
    hours: Iterable[WorkingHours],
    *,
    professional_id: UUID,
    start: datetime,
    end: datetime,
    time_zone: str,
) -> list[tuple[datetime, datetime]]:
    """The professional's working intervals between start and end, as aware datetimes."""
    zone = ZoneInfo(time_zone)
    own = [h for h in hours if h.professional_id == professional_id]
    day = start.astimezone(zone).date()
    last_day = end.astimezone(zone).date()
    intervals = []
    while day <= last_day:
        for h in sorted((h for h in own if h.weekday == day.weekday()), key=lambda h: h.start):
            opens = datetime.combine(day, h.start, zone)
            closes = datetime.combine(day, h.end, zone)
            if closes > start and opens < end:
                intervals.append((max(opens, start), min(closes, end)))
        day += timedelta(days=1)
    return intervals


def round_up_to_step(moment: datetime, time_zone: str) -> datetime:
    """The next local quarter hour at or after `moment`."""
    local = moment.astimezone(ZoneInfo(time_zone))
    floor = local.replace(minute=local.minute - local.minute % STEP_MIN, second=0, microsecond=0)
    return floor if floor == local else floor + timedelta(minutes=STEP_MIN)


def find_free_slots(
    *,
    hours: Iterable[WorkingHours],
    busy: Iterable[Busy],
    professional_id: UUID,
    start: datetime,
    end: datetime,
    duration_min: int,
    time_zone: str,
) -> list[Slot]:
    """Every start on the quarter hour where `duration_min` fits, in time order."""
    duration = timedelta(minutes=duration_min)
    taken = sorted(
        ((b.starts_at, b.ends_at) for b in busy if b.professional_id == professional_id),
    )
    slots = []
    for opens, closes in working_intervals(
        hours, professional_id=professional_id, start=start, end=end, time_zone=time_zone
    ):
        candidate = round_up_to_step(opens, time_zone)
        while candidate + duration <= closes:
            finish = candidate + duration
            clash = next((t for t in taken if overlaps(t[0], t[1], candidate, finish)), None)
            if clash is None:
                slots.append(
                    Slot(professional_id=professional_id, starts_at=candidate, ends_at=finish)
                )
                candidate += timedelta(minutes=STEP_MIN)
            else:
                candidate = max(
                    candidate + timedelta(minutes=STEP_MIN), round_up_to_step(clash[1], time_zone)
                )
    return slots


def free_gaps(
    *,
    hours: Iterable[WorkingHours],
    busy: Iterable[Busy],
    professional_id: UUID,
    start: datetime,
    end: datetime,
    time_zone: str,
) -> list[Slot]:
    """Maximal free stretches inside working hours (each starts on a quarter hour)."""
    taken = sorted(
        ((b.starts_at, b.ends_at) for b in busy if b.professional_id == professional_id),
    )
    gaps = []
    for opens, closes in working_intervals(
        hours, professional_id=professional_id, start=start, end=end, time_zone=time_zone
    ):
        cursor = round_up_to_step(opens, time_zone)
        for busy_start, busy_end in taken:
            if busy_end <= cursor or busy_start >= closes:
                continue
            if busy_start > cursor:
                gaps.append(
                    Slot(professional_id=professional_id, starts_at=cursor, ends_at=busy_start)
                )
            cursor = max(cursor, round_up_to_step(busy_end, time_zone))
        if cursor < closes:
            gaps.append(Slot(professional_id=professional_id, starts_at=cursor, ends_at=closes))
    return gaps
