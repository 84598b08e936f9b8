"""Slot rules: half-open overlap, working hours in the salon's own time zone."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest

from domain.errors import OutsideWorkingHoursError, SlotTakenError
from domain.free_time import check_slot_open, find_conflict, overlaps, within_working_hours
from domain.models import AppointmentStatus
from tests.factories import make_appointment, make_hours

SP = ZoneInfo("America/Sao_Paulo")
MANAUS = ZoneInfo("America/Manaus")


def at(hour: int, minute: int = 0, zone: ZoneInfo = SP, day: int = 10) -> datetime:
    # 2026-03-10 is a Tuesday (weekday 1)
    return datetime(2026, 3, day, hour, minute, tzinfo=zone)


def test_overlapping_intervals_overlap() -> None:
    assert overlaps(at(10), at(11), at(10, 30), at(11, 30))


def test_back_to_back_intervals_do_not_overlap() -> None:
    assert not overlaps(at(10), at(11), at(11), at(12))


def test_contained_interval_overlaps() -> None:
    assert overlaps(at(10), at(12), at(10, 30), at(11))


def test_conflict_found_for_same_professional() -> None:
    professional = uuid4()
    booked = make_appointment(professional_id=professional, starts_at=at(10))
    conflict = find_conflict(
        [booked], professional_id=professional, starts_at=at(10, 30), ends_at=at(11, 30)
    )
    assert conflict == booked


def test_no_conflict_for_other_professional() -> None:
    booked = make_appointment(starts_at=at(10))
    conflict = find_conflict([booked], professional_id=uuid4(), starts_at=at(10), ends_at=at(11))
    assert conflict is None


def test_cancelled_appointment_frees_its_time() -> None:
    professional = uuid4()
    cancelled = make_appointment(
        professional_id=professional, starts_at=at(10), status=AppointmentStatus.CANCELLED
    )
    assert (
        find_conflict([cancelled], professional_id=professional, starts_at=at(10), ends_at=at(11))
        is None
    )


def test_slot_inside_working_hours_fits() -> None:
    professional = uuid4()
    hours = [make_hours(professional, weekday=1, start=time(9), end=time(18))]
    assert within_working_hours(
        hours,
        professional_id=professional,
        starts_at=at(17),
        ends_at=at(18),
        time_zone="America/Sao_Paulo",
    )


def test_slot_running_past_closing_does_not_fit() -> None:
    professional = uuid4()
    hours = [make_hours(professional, weekday=1, start=time(9), end=time(18))]
    assert not within_working_hours(
        hours,
        professional_id=professional,
        starts_at=at(17, 30),
        ends_at=at(18, 30),
        time_zone="America/Sao_Paulo",
    )


def test_slot_across_lunch_break_does_not_fit() -> None:
    professional = uuid4()
    hours = [
        make_hours(professional, weekday=1, start=time(9), end=time(12)),
        make_hours(professional, weekday=1, start=time(13), end=time(18)),
    ]
    assert not within_working_hours(
        hours,
        professional_id=professional,
        starts_at=at(11, 30),
        ends_at=at(12, 30),
        time_zone="America/Sao_Paulo",
    )


def test_weekday_is_taken_in_salon_time_not_utc() -> None:
    # 22:00 Tuesday in São Paulo is 01:00 Wednesday UTC: Tuesday's hours apply.
    professional = uuid4()
    hours = [make_hours(professional, weekday=1, start=time(9), end=time(23))]
    starts = at(22).astimezone(UTC)
    assert starts.weekday() == 2
    assert within_working_hours(
        hours,
        professional_id=professional,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        time_zone="America/Sao_Paulo",
    )


def test_other_brazilian_time_zone_shifts_hours() -> None:
    # 09:00 in Manaus is 10:00 in São Paulo: a 09:00–18:00 salon in Manaus opens at 13:00 UTC.
    professional = uuid4()
    hours = [make_hours(professional, weekday=1, start=time(9), end=time(18))]
    opening_utc = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)
    assert within_working_hours(
        hours,
        professional_id=professional,
        starts_at=opening_utc,
        ends_at=opening_utc + timedelta(hours=1),
        time_zone="America/Manaus",
    )
    assert not within_working_hours(
        hours,
        professional_id=professional,
        starts_at=opening_utc - timedelta(minutes=30),
        ends_at=opening_utc + timedelta(minutes=30),
        time_zone="America/Manaus",
    )


def test_check_slot_open_says_outside_hours() -> None:
    professional = uuid4()
    with pytest.raises(OutsideWorkingHoursError):
        check_slot_open(
            appointments=[],
            hours=[make_hours(professional)],
            professional_id=professional,
            starts_at=at(7),
            ends_at=at(8),
            time_zone="America/Sao_Paulo",
        )


def test_check_slot_open_says_slot_taken() -> None:
    professional = uuid4()
    booked = make_appointment(professional_id=professional, starts_at=at(10))
    with pytest.raises(SlotTakenError):
        check_slot_open(
            appointments=[booked],
            hours=[make_hours(professional)],
            professional_id=professional,
            starts_at=at(10, 30),
            ends_at=at(11, 30),
            time_zone="America/Sao_Paulo",
        )
