"""A professional's week as the owner states it: what is refused (and why), what the agenda holds
after it, and which coming bookings fall outside the new hours (kept, reported) (pure)."""

from __future__ import annotations

from datetime import time
from typing import Any
from uuid import uuid4

import pytest
from pydantic import ValidationError

from domain.commands import SetWorkingHours
from domain.errors import NotFoundError, OutsideWorkingHoursError
from domain.events import WorkingHoursUpdatedData
from domain.free_time import check_slot_open
from domain.hours_change import replace_working_hours
from domain.models import AppointmentStatus
from domain.working_hours import WeekHours, WorkingPeriod, week_of, week_problems
from tests.factories import make_appointment
from tests.unit.domain_factories import NOW, TUESDAY, Salon, local, make_salon_agenda, works

WEDNESDAY = 2


def period(weekday: int = TUESDAY, start: Any = "09:00", end: Any = "18:00") -> dict[str, Any]:
    return {"weekday": weekday, "start": start, "end": end}


def week(*periods: dict[str, Any]) -> WeekHours:
    return WeekHours.model_validate({"periods": list(periods)})


def refusal(*periods: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as refused:
        week(*periods)
    return str(refused.value)


def set_week(salon: Salon, *periods: dict[str, Any]) -> SetWorkingHours:
    return SetWorkingHours(professional_id=salon.professional.id, week=week(*periods))


def test_a_week_is_kept_in_weekday_and_time_order_as_hh_mm() -> None:
    stated = week(
        period(WEDNESDAY), period(TUESDAY, "14:00", "19:00"), period(TUESDAY, "08:00", "12:00")
    )
    assert [(p.weekday, p.start) for p in stated.periods] == [
        (TUESDAY, time(8)),
        (TUESDAY, time(14)),
        (WEDNESDAY, time(9)),
    ]
    assert stated.model_dump(mode="json")["periods"][0] == period(TUESDAY, "08:00", "12:00")


def test_no_period_at_all_is_a_week_off_but_a_missing_list_is_refused() -> None:
    assert week().periods == ()
    with pytest.raises(ValidationError, match="periods"):
        WeekHours.model_validate({})


@pytest.mark.parametrize("bad", ["9:00", "09:00:30", "24:00", "09h00", "", 900, None])
def test_a_time_that_is_not_hh_mm_is_refused(bad: Any) -> None:
    assert "HH:MM" in refusal(period(start=bad))


def test_a_whole_minute_time_value_is_taken() -> None:
    assert week(period(start=time(9, 30))).periods[0].start == time(9, 30)


@pytest.mark.parametrize(("start", "end"), [("18:00", "09:00"), ("09:00", "09:00")])
def test_a_period_must_end_after_it_starts(start: str, end: str) -> None:
    assert f"a period must end after it starts ({start}-{end})" in refusal(
        period(start=start, end=end)
    )


@pytest.mark.parametrize("weekday", [-1, 7])
def test_a_weekday_is_0_to_6(weekday: int) -> None:
    assert "weekday" in refusal(period(weekday))


def test_overlapping_periods_on_a_day_are_refused_with_the_day_and_times() -> None:
    words = refusal(period(start="09:00", end="13:00"), period(start="12:00", end="18:00"))
    assert "weekday 1: 09:00-13:00 and 12:00-18:00 overlap or touch" in words


def test_touching_periods_are_refused_as_one_period_written_twice() -> None:
    # A booking must fit inside one period: 11:30-12:30 would fit neither half.
    assert "make them one period" in refusal(period(end="12:00"), period(start="12:00"))


def test_the_same_times_on_two_days_are_fine() -> None:
    assert len(week(period(TUESDAY), period(WEDNESDAY)).periods) == 2


def test_more_than_four_periods_a_day_are_refused() -> None:
    five = [period(start=f"{h:02d}:00", end=f"{h:02d}:30") for h in range(8, 13)]
    assert "weekday 1: 5 periods, at most 4 a day" in refusal(*five)
    assert week(*five[:4])


def test_more_periods_than_a_full_week_holds_are_refused() -> None:
    many = [period(d % 7, f"{8 + d // 7:02d}:00", f"{8 + d // 7:02d}:30") for d in range(29)]
    assert "at most 28 items" in refusal(*many)


def test_week_problems_name_every_bad_day() -> None:
    periods = [
        WorkingPeriod.model_validate(p)
        for p in (period(0, "09:00", "12:00"), period(0, "11:00", "13:00"), period(6, end="10:00"))
    ]
    periods.append(WorkingPeriod.model_validate(period(6, "09:30", "11:00")))
    assert [p.split(":")[0] for p in week_problems(periods)] == ["weekday 0", "weekday 6"]


def test_a_new_week_replaces_only_that_professionals_hours_and_is_reported() -> None:
    rafael = uuid4()
    salon = make_salon_agenda(hours=None)
    salon.agenda.working_hours.append(works(rafael, TUESDAY, 8, 12))
    outcome = replace_working_hours(
        salon.agenda, set_week(salon, period(WEDNESDAY, "10:00", "16:00")), now=NOW
    )
    [event] = outcome.events
    assert isinstance(event, WorkingHoursUpdatedData)
    assert (event.professional_name, event.bookings_outside_count) == ("Carol", 0)
    salon.agenda.apply(outcome.change)
    assert week_of(salon.professional.id, salon.agenda.working_hours) == week(
        period(WEDNESDAY, "10:00", "16:00")
    )
    assert week_of(rafael, salon.agenda.working_hours) == week(period(TUESDAY, "08:00", "12:00"))


def test_the_same_week_again_changes_nothing() -> None:
    salon = make_salon_agenda()  # Carol: Tuesdays 09:00-18:00
    outcome = replace_working_hours(salon.agenda, set_week(salon, period()), now=NOW)
    assert outcome.changes_nothing
    assert outcome.result.periods == week(period()).periods


def test_a_professional_of_no_salon_here_is_not_found() -> None:
    salon = make_salon_agenda()
    command = SetWorkingHours(professional_id=uuid4(), week=week(period()))
    with pytest.raises(NotFoundError, match="professional not found"):
        replace_working_hours(salon.agenda, command, now=NOW)


def test_bookings_outside_the_new_hours_are_kept_and_reported_soonest_first() -> None:
    salon = make_salon_agenda()
    carol, ana = salon.professional.id, salon.client.id

    def booked(starts_at: Any, **overrides: Any) -> Any:
        values = {"professional_id": carol, "client_id": ana, "starts_at": starts_at} | overrides
        return make_appointment(**values)

    late = booked(local(17, 16))  # Tuesday 16:00-17:00: after the new 15:00
    early = booked(local(10, 9))  # Tuesday 09:00-10:00: before the new 10:00
    kept = [
        booked(local(10, 11)),  # inside
        booked(local(10, 16), status=AppointmentStatus.CANCELLED),
        booked(local(10, 16), professional_id=uuid4()),  # someone else's
        booked(local(9, 10)),  # Monday 10:00 (a day off): it started before NOW, Monday noon
    ]
    for appointment in (late, early, *kept):
        salon.agenda.upcoming[appointment.id] = appointment
    outcome = replace_working_hours(
        salon.agenda, set_week(salon, period(start="10:00", end="15:00")), now=NOW
    )
    view = outcome.result
    assert view.bookings_outside_count == 2
    assert [b.appointment_id for b in view.bookings_outside] == [early.id, late.id]
    assert (view.bookings_outside[0].date, view.bookings_outside[0].time) == ("2026-03-10", "09:00")
    assert view.bookings_outside[0].client_name == "Ana Souza"
    assert outcome.events[0].bookings_outside_count == 2  # type: ignore[union-attr]
    assert outcome.change.appointments_updated == ()  # nothing cancelled


def test_slots_follow_the_new_hours_once_applied() -> None:
    salon = make_salon_agenda()
    outcome = replace_working_hours(
        salon.agenda, set_week(salon, period(WEDNESDAY, "09:00", "18:00")), now=NOW
    )
    salon.agenda.apply(outcome.change)

    def check(day: int) -> None:
        check_slot_open(
            appointments=(),
            hours=salon.agenda.working_hours,
            professional_id=salon.professional.id,
            starts_at=local(day, 10),
            ends_at=local(day, 11),
            time_zone=salon.agenda.time_zone,
        )

    check(11)  # Wednesday: now a working day
    with pytest.raises(OutsideWorkingHoursError):
        check(10)  # Tuesday: a day off now


def test_stored_hours_these_rules_refuse_are_still_read_and_can_be_replaced() -> None:
    salon = make_salon_agenda(hours=None)
    carol = salon.professional.id
    salon.agenda.working_hours[:] = [  # as an older salon file imported them: touching
        works(carol, TUESDAY, 9, 12),
        works(carol, TUESDAY, 12, 18),
    ]
    stored = week_of(carol, salon.agenda.working_hours)
    assert stored.model_dump(mode="json")["periods"] == [
        period(end="12:00"),
        period(start="12:00"),
    ]
    outcome = replace_working_hours(salon.agenda, set_week(salon, period()), now=NOW)
    salon.agenda.apply(outcome.change)
    assert week_of(carol, salon.agenda.working_hours) == week(period())
