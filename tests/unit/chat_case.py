"""One row of the chat tables: a client's message and what a receptionist reads in it."""

from __future__ import annotations

from datetime import date, time
from typing import NamedTuple

TODAY = date(2026, 3, 11)  # a Wednesday


def mar(day: int) -> date:
    return date(2026, 3, day)


def apr(day: int) -> date:
    return date(2026, 4, day)


class Case(NamedTuple):
    text: str
    intent: str
    service: str | None = None
    professional: str | None = None
    day: date | None = None
    at: time | None = None
    part: str | None = None
    opt_out: bool = False
    affirmative: bool = False
    negative: bool = False
    # What a salon_info question asks about, in the order asked (address, hours, payment, parking,
    # cancellation, about); and what a late/arrival message tells (late, arrived, on_the_way).
    topics: tuple[str, ...] = ()
    notice: str | None = None
    minutes: int | None = None  # how late, when said ("uns 10 min", "meia hora")
    opt_in: bool = False  # asks to receive the salon's offers again


T = time
