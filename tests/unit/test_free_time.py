"""Free slots and gaps, checked against hand-computed starts (2026-03-10 is a Tuesday)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from domain.free_time import Busy, Slot, busy_from, find_free_slots, free_gaps
from domain.models import AppointmentStatus, WorkingHours
from tests.factories import make_appointment, make_hours

SAO_PAULO = "America/Sao_Paulo"
TUESDAY = 1
CAROL = uuid4()
RAFAEL = uuid4()


def local(hour: int, minute: int = 0, *, day: int = 10, zone: str = SAO_PAULO) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=ZoneInfo(zone))


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def tuesday(start: time, end: time, professional_id: UUID = CAROL) -> WorkingHours:
    return make_hours(professional_id, weekday=TUESDAY, start=start, end=end)


def make_busy(starts_at: datetime, ends_at: datetime, professional_id: UUID = CAROL) -> Busy:
    return Busy(professional_id=professional_id, starts_at=starts_at, ends_at=ends_at)


def slots(**overrides: Any) -> list[Slot]:
    """find_free_slots for Carol over all of Tuesday in São Paulo, 60 min, unless overridden."""
    values: dict[str, Any] = {
        "hours": [tuesday(time(9), time(12))],
        "busy": [],
        "professional_id": CAROL,
        "start": local(0),
        "end": local(0, day=11),
        "duration_min": 60,
        "time_zone": SAO_PAULO,
    }
    return find_free_slots(**(values | overrides))


def starts(found: list[Slot]) -> list[datetime]:
    return [s.starts_at for s in found]


def every_quarter(first: datetime, last: datetime) -> list[datetime]:
    count = int((last - first) / timedelta(minutes=15)) + 1
    return [first + timedelta(minutes=15 * i) for i in range(count)]


def test_plain_morning_offers_every_quarter_hour_that_fits() -> None:
    assert starts(slots()) == every_quarter(local(9), local(11))


def test_slot_ends_after_its_duration_for_its_professional() -> None:
    assert slots()[0] == Slot(professional_id=CAROL, starts_at=local(9), ends_at=local(10))


def test_no_slot_crosses_the_lunch_break() -> None:
    hours = [tuesday(time(9), time(12)), tuesday(time(13), time(18))]
    expected = every_quarter(local(9), local(11)) + every_quarter(local(13), local(17))
    assert starts(slots(hours=hours)) == expected


def test_back_to_back_bookings_leave_only_the_edges() -> None:
    busy = [make_busy(local(10), local(11)), make_busy(local(11), local(12))]
    found = slots(hours=[tuesday(time(9), time(13))], busy=busy)
    assert starts(found) == [local(9), local(12)]


def test_slots_touch_a_booking_on_both_sides() -> None:
    found = slots(busy=[make_busy(local(10), local(11))])
    assert [(s.starts_at, s.ends_at) for s in found] == [
        (local(9), local(10)),
        (local(11), local(12)),
    ]


def test_booking_ending_off_the_quarter_hour_rounds_next_start_up() -> None:
    found = slots(busy=[make_busy(local(10), local(10, 50))], duration_min=30)
    expected = [local(9), local(9, 15), local(9, 30), local(11), local(11, 15), local(11, 30)]
    assert starts(found) == expected


def test_window_starting_mid_interval_begins_at_next_quarter_hour() -> None:
    found = slots(start=local(10, 7))
    assert starts(found) == [local(10, 15), local(10, 30), local(10, 45), local(11)]


def test_evening_slots_crossing_midnight_utc_have_the_right_instants() -> None:
    found = slots(hours=[tuesday(time(20), time(23))], start=utc(10, 12), end=utc(11, 12))
    # 20:00-22:00 local starts are 23:00 UTC on the 10th to 01:00 UTC on the 11th.
    assert starts(found) == every_quarter(utc(10, 23), utc(11, 1))


def test_window_opening_after_midnight_utc_still_uses_the_local_tuesday() -> None:
    # 00:30 UTC on Wednesday the 11th is 21:30 on Tuesday in São Paulo.
    found = slots(hours=[tuesday(time(20), time(23))], start=utc(11, 0, 30), end=utc(11, 12))
    assert starts(found) == [utc(11, 0, 30), utc(11, 0, 45), utc(11, 1)]


def test_manaus_salon_hours_are_utc_minus_four() -> None:
    found = slots(
        hours=[tuesday(time(9), time(10))],
        start=utc(10, 0),
        end=utc(11, 12),
        time_zone="America/Manaus",
    )
    assert found == [Slot(professional_id=CAROL, starts_at=utc(10, 13), ends_at=utc(10, 14))]


def test_noronha_salon_hours_are_utc_minus_two() -> None:
    found = slots(
        hours=[tuesday(time(9), time(10))],
        start=utc(10, 0),
        end=utc(11, 12),
        time_zone="America/Noronha",
    )
    assert found == [Slot(professional_id=CAROL, starts_at=utc(10, 11), ends_at=utc(10, 12))]


def test_other_professionals_bookings_are_ignored() -> None:
    found = slots(busy=[make_busy(local(9), local(12), professional_id=RAFAEL)])
    assert starts(found) == every_quarter(local(9), local(11))


def test_other_professionals_hours_are_ignored() -> None:
    assert slots(hours=[tuesday(time(9), time(12), professional_id=RAFAEL)]) == []


def test_closed_weekday_gives_no_slot() -> None:
    assert slots(start=local(0, day=11), end=local(0, day=12)) == []


def test_service_longer_than_the_interval_gives_no_slot() -> None:
    assert slots(duration_min=240) == []


def test_cancelled_appointment_does_not_block_time() -> None:
    cancelled = make_appointment(
        professional_id=CAROL, starts_at=local(10), status=AppointmentStatus.CANCELLED
    )
    booked = make_appointment(professional_id=CAROL, starts_at=local(11))
    assert busy_from([cancelled, booked]) == [make_busy(local(11), local(12))]


def gaps(**overrides: Any) -> list[Slot]:
    values: dict[str, Any] = {
        "hours": [tuesday(time(9), time(18))],
        "busy": [],
        "professional_id": CAROL,
        "start": local(0),
        "end": local(0, day=11),
        "time_zone": SAO_PAULO,
    }
    return free_gaps(**(values | overrides))


def spans(found: list[Slot]) -> list[tuple[datetime, datetime]]:
    return [(g.starts_at, g.ends_at) for g in found]


def test_free_gaps_split_around_bookings() -> None:
    busy = [make_busy(local(14), local(14, 50)), make_busy(local(10), local(11))]
    assert spans(gaps(busy=busy)) == [
        (local(9), local(10)),
        (local(11), local(14)),
        (local(15), local(18)),
    ]


def test_free_gaps_stop_at_the_lunch_break() -> None:
    hours = [tuesday(time(9), time(12)), tuesday(time(13), time(18))]
    busy = [make_busy(local(11, 30), local(13, 30))]
    assert spans(gaps(hours=hours, busy=busy)) == [
        (local(9), local(11, 30)),
        (local(13, 30), local(18)),
    ]


def test_free_gaps_vanish_when_fully_booked() -> None:
    assert gaps(busy=[make_busy(local(8), local(19))]) == []


def test_free_gaps_are_cut_by_the_window() -> None:
    assert spans(gaps(start=local(10, 7), end=local(16))) == [(local(10, 15), local(16))]
