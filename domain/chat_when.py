"""When a client's message asks for: the day, the clock time and the part of the day it names,
resolved against the salon's local `today` (the rules are in `domain.chat_rules`' docstring)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from domain import chat_lexicon as lx
from domain.chat_lexicon import PartOfDay
from domain.chat_text import cue_pattern, first_preferred

# --- days ---------------------------------------------------------------------------------------
_MONTHS = "|".join(lx.MONTHS)
_DAY = re.compile(
    r"(?<![\w/])(?:"
    r"(?P<rel>depois de amanha|amanha|hoje)"
    r"|(?:dia\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?"
    rf"|(?:dia\s+)?(?P<dn>\d{{1,2}})\s+de\s+(?P<mn>{_MONTHS})(?:\s+de\s+(?P<yn>\d{{4}}))?"
    r"|dia\s+(?P<dd>\d{1,2})"
    rf"|(?P<wd>{'|'.join(lx.WEEKDAYS)})(?:\s+feira)?(?!\s+vez)"
    r"|(?P<wn>[2-6])a\s+feira"
    r")(?![\w/])"
)
# "agora" is today only when no day is named ("agora eu queria sexta" is Friday).
_NOW = re.compile(r"(?<!ate )(?<!por )(?<!so )\bagora\b(?! nao)")
_NEXT_WEEK = re.compile(r"\b(?:semana que vem|proxima semana)\b")
_SAID_NEXT = re.compile(r"\bproxim[ao]\s+$")
_THAT_COMES = re.compile(r"\s+que vem\b")
_RELATIVE_DAYS = {"hoje": 0, "amanha": 1, "depois de amanha": 2}
_RESCHEDULE = cue_pattern(lx.RESCHEDULE_CUES + lx.RESCHEDULE_INTENT_CUES)


def _calendar_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_of_month(today: date, month: int, day: int, year: str | None) -> date | None:
    if year is not None:
        return _calendar_date(int(year) + (2000 if len(year) == 2 else 0), month, day)
    found = _calendar_date(today.year, month, day)
    return found if found is None or found >= today else _calendar_date(today.year + 1, month, day)


def _weekday(match: re.Match[str], clause: str, today: date, says_today: bool) -> date:
    weekday = lx.WEEKDAYS.index(match["wd"]) if match["wd"] else int(match["wn"]) - 2
    if _NEXT_WEEK.search(clause):
        return today + timedelta(days=7 - today.weekday() + weekday)
    ahead = (weekday - today.weekday()) % 7
    said_next = _SAID_NEXT.search(clause[: match.start()]) or _THAT_COMES.match(clause, match.end())
    return today + timedelta(days=ahead or (0 if says_today and not said_next else 7))


def _resolve_day(match: re.Match[str], clause: str, today: date, says_today: bool) -> date | None:
    group = match.group
    if group("rel"):
        return today + timedelta(days=_RELATIVE_DAYS[group("rel")])
    if group("d"):
        return _day_of_month(today, int(group("m")), int(group("d")), group("y"))
    if group("dn"):
        month = lx.MONTHS.index(group("mn")) + 1
        return _day_of_month(today, month, int(group("dn")), group("yn"))
    if group("dd"):
        day = int(group("dd"))
        if day >= today.day:
            return _calendar_date(today.year, today.month, day)
        month_after = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        return _calendar_date(month_after.year, month_after.month, day)
    return _weekday(match, clause, today, says_today)


def find_day(clause: str, today: date, says_today: bool) -> date | None:
    """The first day named in a clause; the last one when moving a booking ("de quinta pra
    sexta")."""
    days = [_resolve_day(match, clause, today, says_today) for match in _DAY.finditer(clause)]
    valid = [day for day in days if day is not None]
    if len(valid) > 1 and _RESCHEDULE.search(clause):
        return valid[-1]
    return valid[0] if valid else None


# --- times --------------------------------------------------------------------------------------
_HOUR_WORDS = "|".join(lx.HOUR_WORDS)
_AT = r"(?:as|a|pelas|umas|das|por volta das)\s+"
_PART_AFTER = r"\s+(?:e\s+meia\s+)?(?:da|de)\s+(?:manha|tarde|noite)"
_TIME = re.compile(
    r"(?<![\w/:.])(?:"
    r"(?P<noon>meio dia|meia noite)"
    rf"|(?:{_AT})?(?P<h1>\d{{1,2}})(?::(?P<m1>\d{{2}})|\.(?P<m2>00|15|30|45)"
    r"|\s*(?:h|horas?)\s*(?P<m3>\d{2})?)"
    rf"|{_AT}(?P<h2>\d{{1,2}})"
    rf"|(?:{_AT})?(?P<h3>{_HOUR_WORDS})(?={_PART_AFTER}|\s+horas?\b|\s+e\s+meia\b)"
    rf"|{_AT}(?P<h4>{_HOUR_WORDS})$"
    rf"|(?P<h5>\d{{1,2}})(?={_PART_AFTER}|\s+e\s+meia\b)"
    r")(?:\s+e\s+(?P<half>meia))?(?![\w/:])"
)
_PART_SUFFIX = re.compile(r"\s+(?:e\s+meia\s+)?(?:da|de)\s+(?P<part>manha|tarde|noite)")
_BOUND = re.compile(
    rf"(?P<word>{'|'.join(lx.TIME_BOUND_BEFORE + lx.TIME_BOUND_AFTER)})"
    r"(?:\s+(?:de|das|da|as|a))?\s*$"
)
_CLOCK_PREFIX = re.compile(r"(?:as|a|pelas|das|por volta das)\s")  # "umas 2h" may be a duration
_DURATION_QUESTION = cue_pattern(lx.DURATION_QUESTIONS)
_DURATION = re.compile(rf"(?:{'|'.join(lx.DURATION_CUES)})\s*$")
_NOT_PART = cue_pattern(lx.NOT_PART_OF_DAY)
_PART = cue_pattern(lx.PART_OF_DAY_WORDS)


def _clock(match: re.Match[str]) -> tuple[int, int] | None:
    if noon := match.group("noon"):
        hour = 12 if noon == "meio dia" else 0
    else:
        said = next(h for h in (match.group(f"h{n}") for n in range(1, 6)) if h is not None)
        hour = lx.HOUR_WORDS[said] if said in lx.HOUR_WORDS else int(said)
    minutes = match.group("m1") or match.group("m2") or match.group("m3")
    minute = 30 if match.group("half") else int(minutes or 0)
    return (hour, minute) if hour <= 23 and minute <= 59 else None


def _afternoon(hour: int, part: PartOfDay | None) -> int:
    """Hours 1-7 without a part of the day, and hours up to 11 "da tarde/noite", are p.m."""
    if part in ("tarde", "noite") and 1 <= hour <= 11:
        return hour + 12
    return hour + 12 if part is None and 1 <= hour <= 7 else hour


def _part_of_hour(hour: int) -> PartOfDay:
    return "manha" if hour < 12 else "tarde" if hour < 18 else "noite"


def find_time(
    clause: str, said_part: PartOfDay | None, asks_duration: bool = False
) -> tuple[time | None, PartOfDay | None]:
    """The clock time said in a clause, or (None, the part of the day of a limit such as
    "depois das 18h"). When the message asks how long something takes, "2h" is a duration."""
    moving = _RESCHEDULE.search(clause) is not None  # "das 14h pras 16h": the last one
    clause = _DAY.sub(" ", clause)
    found: tuple[time | None, PartOfDay | None] = (None, None)
    for match in _TIME.finditer(clause):
        clock = _clock(match)
        before = clause[: match.start()]
        duration = asks_duration and not _CLOCK_PREFIX.match(match.group())
        if clock is None or duration or _DURATION.search(before):
            continue
        suffix = _PART_SUFFIX.match(clause, match.end())
        part = lx.PART_OF_DAY_WORDS[suffix.group("part")] if suffix else said_part
        hour = _afternoon(clock[0], part) if match.group("noon") is None else clock[0]
        if bound := _BOUND.search(before):
            before_limit = bound.group("word") in lx.TIME_BOUND_BEFORE
            found = None, _part_of_hour(hour - 1 if before_limit else hour)
        else:
            found = time(hour, clock[1]), None
        if not moving:
            return found
    return found


def find_part_of_day(clause: str) -> PartOfDay | None:
    found = _PART.search(_NOT_PART.sub(" ", clause))
    return lx.PART_OF_DAY_WORDS[found.group()] if found else None


# --- the whole message --------------------------------------------------------------------------
@dataclass(frozen=True)
class DayAndTime:
    """The day, clock time and part of the day one message asks for; None where it names none."""

    day: date | None
    at: time | None
    part_of_day: PartOfDay | None


def find_day_and_time(clauses: Sequence[str], normalized: str, today: date) -> DayAndTime:
    """The day, time and part of the day of a message's clauses, each from the clause that
    `first_preferred` picks; `normalized` is the whole message (for "hoje" and duration questions,
    which apply to every clause)."""
    says_today = re.search(r"\bhoje\b", normalized) is not None
    asks_duration = _DURATION_QUESTION.search(normalized) is not None
    part: PartOfDay | None = first_preferred(clauses, find_part_of_day)

    def clock(clause: str) -> tuple[time | None, PartOfDay | None] | None:
        found = find_time(clause, part, asks_duration)
        return found if found != (None, None) else None

    at, limit_part = first_preferred(clauses, clock) or (None, None)
    return DayAndTime(
        day=first_preferred(clauses, lambda clause: find_day(clause, today, says_today))
        or (today if any(_NOW.search(clause) for clause in clauses) else None),
        at=at,
        part_of_day=part or limit_part,
    )
