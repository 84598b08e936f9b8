"""Prazo Certo computes the nearest start of each free gap to the client's usual weekday and time of
day (`FreeTime.best_start`) instead of ranking every quarter hour: the best must be the one a scan
of every start finds, on days when the clocks change too, and after a slot was taken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

from hypothesis import example, given, settings
from hypothesis import strategies as st

from domain.campaigns import FreeTime, time_rank
from domain.free_time import Busy, Slot
from domain.models import Professional, WorkingHours

PROFESSIONAL = Professional(id=uuid4(), name="Carol")
# Santiago changes its UTC offset (DST) on 2026-04-05 and 2026-09-06; São Paulo does not.
ZONES = ("America/Sao_Paulo", "America/Santiago", "Europe/Lisbon")


def lisbon_night() -> FreeTime:
    return FreeTime(
        hours=[
            WorkingHours(professional_id=PROFESSIONAL.id, weekday=6, start="00:00", end="04:00")
        ],
        busy=[],
        professionals=[PROFESSIONAL],
        start=datetime(2026, 3, 28, 12, tzinfo=UTC),
        end=datetime(2026, 3, 30, tzinfo=UTC),
        time_zone="Europe/Lisbon",
    )


@st.composite
def free_times(draw: st.DrawFn) -> tuple[FreeTime, str]:
    zone = draw(st.sampled_from(ZONES))
    opens = draw(st.integers(0, 12))
    closes = draw(st.integers(opens + 1, 24))
    hours = [
        WorkingHours(
            professional_id=PROFESSIONAL.id,
            weekday=weekday,
            start=f"{opens:02d}:00",
            end="23:59" if closes == 24 else f"{closes:02d}:00",
        )
        for weekday in draw(st.sets(st.integers(0, 6), min_size=1))
    ]
    start = datetime(2026, 4, 2, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 60 * 48)))
    busy = [
        Busy(
            professional_id=PROFESSIONAL.id,
            starts_at=start + timedelta(minutes=at),
            ends_at=start + timedelta(minutes=at + length),
        )
        for at, length in draw(
            st.lists(st.tuples(st.integers(0, 60 * 24 * 6), st.integers(10, 240)), max_size=12)
        )
    ]
    free = FreeTime(
        hours=hours,
        busy=busy,
        professionals=[PROFESSIONAL],
        start=start,
        end=start + timedelta(days=draw(st.integers(1, 8))),
        time_zone=zone,
    )
    return free, zone


@settings(max_examples=300, deadline=None)
@example(  # Lisbon's clocks go forward at 01:00 on 2026-03-29, inside a 00:00-04:00 gap
    (lisbon_night(), "Europe/Lisbon"), 120, 6, 60
)
@given(
    free_times(),
    st.integers(0, 24 * 60 - 1),
    st.integers(0, 6),
    st.sampled_from((15, 30, 45, 50, 60, 90, 240)),
)
def test_the_computed_best_start_is_the_best_of_every_start(
    free_and_zone: tuple[FreeTime, str], minute: int, weekday: int, duration_min: int
) -> None:
    free, zone_name = free_and_zone
    zone = ZoneInfo(zone_name)
    every = [
        time_rank(start, weekday=weekday, minute=minute, zone=zone)
        for start in free.starts(PROFESSIONAL.id, duration_min)
    ]
    found = free.best_start(PROFESSIONAL.id, duration_min, weekday=weekday, minute=minute)
    assert found == min(every, default=None)
    if found is not None:  # and again once a slot was taken (the local gaps are recomputed)
        free.take(
            Slot(
                professional_id=PROFESSIONAL.id,
                starts_at=found[2],
                ends_at=found[2] + timedelta(minutes=duration_min),
            )
        )
        every = [
            time_rank(start, weekday=weekday, minute=minute, zone=zone)
            for start in free.starts(PROFESSIONAL.id, duration_min)
        ]
        found = free.best_start(PROFESSIONAL.id, duration_min, weekday=weekday, minute=minute)
        assert found == min(every, default=None)
