"""A salon file's working hours follow the rules of the owner's working-hours page: two periods of
one day that overlap or touch, or more than four in a day, refuse the file, naming the
professional and the periods; a lunch break (two periods apart) is accepted."""

from __future__ import annotations

from datetime import time

import pytest
from pydantic import ValidationError

from domain.salon_import import ProfessionalPart, WorkingHoursPart


def professional(*periods: tuple[int, str, str]) -> ProfessionalPart:
    hours = [
        WorkingHoursPart(weekday=day, start=time.fromisoformat(a), end=time.fromisoformat(b))
        for day, a, b in periods
    ]
    return ProfessionalPart(key="carol", name="Carol", services=["corte"], working_hours=hours)


@pytest.mark.parametrize(
    ("periods", "said"),
    [
        ([(1, "09:00", "12:00"), (1, "11:00", "18:00")], "weekday 1: 09:00-12:00 and 11:00-18:00"),
        ([(2, "09:00", "12:00"), (2, "12:00", "18:00")], "weekday 2: 09:00-12:00 and 12:00-18:00"),
        (
            [(3, f"{h:02d}:00", f"{h:02d}:30") for h in (8, 10, 12, 14, 16)],
            "weekday 3: 5 periods, at most 4 a day",
        ),
    ],
    ids=["overlapping", "touching", "five-a-day"],
)
def test_a_week_the_working_hours_page_refuses_refuses_the_file(
    periods: list[tuple[int, str, str]], said: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        professional(*periods)
    assert "working hours of carol" in str(refused.value)
    assert said in str(refused.value)


def test_a_lunch_break_and_the_same_hours_on_other_days_are_accepted() -> None:
    week = professional(
        (1, "09:00", "12:00"),
        (1, "13:00", "19:00:30"),
        (2, "09:00", "12:00"),
        (2, "13:00", "19:00"),
    )
    assert len(week.working_hours) == 4
