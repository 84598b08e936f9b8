"""A professional's week of working hours as the owner states it: periods per weekday (HH:MM,
start before end, no two overlapping or touching, at most four a day; a weekday without one is a
day off), and which coming bookings fall outside them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time
from typing import Annotated, Self
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from domain.free_time import within_working_hours
from domain.models import Appointment, AppointmentStatus, Value, WorkingHours

MAX_PERIODS_PER_DAY = 4  # a morning, a lunch break, an afternoon, an evening: more is a mistake
MAX_OUTSIDE_LISTED = 20  # bookings outside the hours named one by one (all are counted)
HHMM = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
HHMM_WORDS = "a time of the salon's day as HH:MM, e.g. 09:30"


def _clock_time(value: object) -> object:
    """'09:30' (or a whole-minute time without an offset); anything else is refused."""
    if isinstance(value, str):
        if not HHMM.match(value):
            raise ValueError(HHMM_WORDS)
        return time.fromisoformat(value)
    if isinstance(value, time) and value.tzinfo is None and not value.second + value.microsecond:
        return value
    raise ValueError(HHMM_WORDS)


# A whole minute of the salon's day, "HH:MM" both ways (the last minute of a day is 23:59).
ClockTime = Annotated[
    time,
    BeforeValidator(_clock_time),
    PlainSerializer(lambda moment: f"{moment:%H:%M}", return_type=str),
    WithJsonSchema({"type": "string", "pattern": HHMM.pattern, "examples": ["09:30"]}),
]


class WorkingPeriod(Value):
    """One period of a weekday's work: from `start` until `end` (a booking may end at `end`)."""

    weekday: int = Field(ge=0, le=6, description="0 = Monday … 6 = Sunday")
    start: ClockTime
    end: ClockTime

    @model_validator(mode="after")
    def check_order(self) -> Self:
        if self.end <= self.start:
            raise ValueError(f"a period must end after it starts ({_span(self)})")
        return self


def _span(period: WorkingPeriod) -> str:
    return f"{period.start:%H:%M}-{period.end:%H:%M}"


def _in_order(periods: Iterable[WorkingPeriod]) -> tuple[WorkingPeriod, ...]:
    return tuple(sorted(periods, key=lambda p: (p.weekday, p.start)))


class WeekHours(Value):
    """A professional's whole week: every period, any order; a weekday without one is a day off."""

    periods: tuple[WorkingPeriod, ...] = Field(
        max_length=7 * MAX_PERIODS_PER_DAY,
        description=f"at most {MAX_PERIODS_PER_DAY} a day, none overlapping or touching another",
    )

    @field_validator("periods")
    @classmethod
    def check_days(cls, periods: tuple[WorkingPeriod, ...]) -> tuple[WorkingPeriod, ...]:
        problems = week_problems(periods)
        if problems:
            raise ValueError("; ".join(problems))
        return _in_order(periods)


def week_problems(periods: Iterable[WorkingPeriod]) -> list[str]:
    """What is wrong with a week's periods (each one well-formed already), in weekday order: too
    many in a day, or two that overlap or touch (a booking must fit inside one period, so
    09:00-12:00 and 12:00-18:00 are one period, 09:00-18:00)."""
    problems: list[str] = []
    in_order = _in_order(periods)
    for weekday in range(7):
        day = [p for p in in_order if p.weekday == weekday]
        if len(day) > MAX_PERIODS_PER_DAY:
            problems.append(
                f"weekday {weekday}: {len(day)} periods, at most {MAX_PERIODS_PER_DAY} a day"
            )
        for before, after in zip(day, day[1:], strict=False):
            if after.start <= before.end:
                problems.append(
                    f"weekday {weekday}: {_span(before)} and {_span(after)} overlap or touch"
                    " (make them one period)"
                )
    return problems


def hours_of(professional_id: UUID, week: WeekHours) -> tuple[WorkingHours, ...]:
    """The agenda's rows for a professional's week."""
    return tuple(
        WorkingHours(professional_id=professional_id, weekday=p.weekday, start=p.start, end=p.end)
        for p in week.periods
    )


def week_of(professional_id: UUID, hours: Iterable[WorkingHours]) -> WeekHours:
    """A professional's week as the agenda holds it, taken as stored: the salon import and other
    writers may have left periods these rules refuse (touching ones, seconds); the owner sees
    them and replaces them with a week that passes."""
    return WeekHours.model_construct(
        periods=_in_order(
            WorkingPeriod.model_construct(weekday=h.weekday, start=h.start, end=h.end)
            for h in hours
            if h.professional_id == professional_id
        )
    )


class BookingOutside(Value):
    """A coming booking that no longer fits the professional's hours (kept: the owner decides)."""

    appointment_id: UUID
    client_id: UUID
    client_name: str
    starts_at: datetime
    date: str = Field(description="YYYY-MM-DD, the salon's time zone")
    time: str = Field(description="HH:MM, the salon's time zone")


class WorkingHoursView(Value):
    """A professional's week, and the coming bookings outside it (counted; the first listed)."""

    professional_id: UUID
    professional_name: str
    periods: tuple[WorkingPeriod, ...]
    bookings_outside_count: int = Field(ge=0)
    bookings_outside: tuple[BookingOutside, ...] = Field(
        description=f"the first {MAX_OUTSIDE_LISTED}, soonest first"
    )


def bookings_outside(
    appointments: Iterable[Appointment],
    hours: Iterable[WorkingHours],
    *,
    professional_id: UUID,
    client_names: Mapping[UUID, str],
    time_zone: str,
    now: datetime,
) -> list[BookingOutside]:
    """The professional's bookings starting from `now` that do not fit inside one of `hours`,
    soonest first (a visit under way is left alone: it started in the hours it was booked in)."""
    zone = ZoneInfo(time_zone)
    own = [h for h in hours if h.professional_id == professional_id]
    outside = []
    for a in sorted(appointments, key=lambda a: (a.starts_at, a.id)):
        if a.professional_id != professional_id or a.status != AppointmentStatus.BOOKED:
            continue
        if a.starts_at < now or within_working_hours(
            own,
            professional_id=professional_id,
            starts_at=a.starts_at,
            ends_at=a.ends_at,
            time_zone=time_zone,
        ):
            continue
        local = a.starts_at.astimezone(zone)
        outside.append(
            BookingOutside(
                appointment_id=a.id,
                client_id=a.client_id,
                client_name=client_names.get(a.client_id, ""),
                starts_at=a.starts_at.astimezone(UTC),
                date=local.date().isoformat(),
                time=f"{local:%H:%M}",
            )
        )
    return outside


def working_hours_view(
    professional_id: UUID,
    professional_name: str,
    week: WeekHours,
    outside: list[BookingOutside],
) -> WorkingHoursView:
    return WorkingHoursView(
        professional_id=professional_id,
        professional_name=professional_name,
        periods=week.periods,
        bookings_outside_count=len(outside),
        bookings_outside=tuple(outside[:MAX_OUTSIDE_LISTED]),
    )
