"""Time rules of an agenda: overlap of half-open intervals and working-hours containment."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.errors import OutsideWorkingHoursError, SlotTakenError
from domain.models import Appointment, WorkingHours


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
) -> None:
    """Raise the domain error that says why a slot cannot be booked, if it cannot."""
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
