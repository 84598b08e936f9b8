"""When a professional is free: overlap of half-open intervals, working hours in the salon's zone,
open slots and free stretches clear of bookings, and the check that a slot can be booked."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.errors import OutsideWorkingHoursError, SalonClosedError, SlotTakenError
from domain.models import Appointment, Value, WorkingHours

STEP_MIN = 15


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open intervals [start, end): back-to-back appointments do not overlap."""
    return a_start < b_end and b_start < a_end


def find_conflict(
    appointments: Iterable[Appointment],
    *,
    professional_id: UUID,
    starts_at: datetime,
    ends_at: datetime,
) -> Appointment | None:
    for appointment in appointments:
        if (
            appointment.professional_id == professional_id
            and appointment.blocks_time
            and overlaps(appointment.starts_at, appointment.ends_at, starts_at, ends_at)
        ):
            return appointment
    return None


def within_working_hours(
    hours: Iterable[WorkingHours],
    *,
    professional_id: UUID,
    starts_at: datetime,
    ends_at: datetime,
    time_zone: str,
) -> bool:
    """True when [starts_at, ends_at) fits inside one working interval, in the salon's zone."""
    zone = ZoneInfo(time_zone)
    local_start = starts_at.astimezone(zone)
    local_end = ends_at.astimezone(zone)
    if (
        local_end - local_start > timedelta(hours=24)
        or local_start.date() != (local_end - timedelta(microseconds=1)).date()
    ):
        return False
    for interval in hours:
        if interval.professional_id != professional_id:
            continue
        if interval.weekday != local_start.weekday():
            continue
        end_of_slot = (local_end - timedelta(microseconds=1)).time()
        if interval.start <= local_start.time() and end_of_slot < interval.end:
            return True
    return False


def check_slot_open(
    *,
    appointments: Iterable[Appointment],
    hours: Iterable[WorkingHours],
    professional_id: UUID,
    starts_at: datetime,
    ends_at: datetime,
    time_zone: str,
    closed_days: Collection[date] = (),
) -> None:
    """Raise the domain error that says why a slot cannot be booked, if it cannot."""
    day = starts_at.astimezone(ZoneInfo(time_zone)).date()
    if day in closed_days:
        raise SalonClosedError(f"the salon is closed on {day.isoformat()}")
    if not within_working_hours(
        hours,
        professional_id=professional_id,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone,
    ):
        raise OutsideWorkingHoursError(
            f"{starts_at.isoformat()} is outside the professional's working hours"
        )
    conflict = find_conflict(
        appointments, professional_id=professional_id, starts_at=starts_at, ends_at=ends_at
    )
    if conflict is not None:
        raise SlotTakenError(
            f"the professional already has appointment {conflict.id} from "
            f"{conflict.starts_at.isoformat()} to {conflict.ends_at.isoformat()}"
        )


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


def closed_busy(
    closed_days: Iterable[date], professional_ids: Iterable[UUID], time_zone: str
) -> list[Busy]:
    """The salon's closed days as whole local days nobody can be offered."""
    zone = ZoneInfo(time_zone)
    ids = list(professional_ids)
    busy: list[Busy] = []
    for day in closed_days:
        opens = datetime.combine(day, time(0), zone)
        closes = datetime.combine(day + timedelta(days=1), time(0), zone)
        busy.extend(Busy(professional_id=p, starts_at=opens, ends_at=closes) for p in ids)
    return busy
