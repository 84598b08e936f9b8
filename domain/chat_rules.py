"""The understanding half of the deterministic Portuguese engine: what a client's message asks.

`understand` reads one WhatsApp message (informal, typos, no accents, emojis) and returns the
intent, the answer flags and the booking fields, resolved against the salon's own services and
professionals and the salon's local `today`. The words live in `domain.chat_lexicon`.

Rules for the ambiguous cases (the tests pin each one):
- A weekday ("sexta", "próxima sexta", "sexta que vem") is the next one strictly after today; it
  is today only with "hoje" ("hoje, sexta"). "sexta da semana que vem": the Friday of next
  Monday-to-Sunday week. "agora" is today when no day is named.
- "dia 12": this month if 12 >= today's day, else next month; "12/03", "12 de março": this year
  if not past, else next year. A date that does not exist (31/02, "dia 31" in April) is None.
  Moving a booking ("remarcar de quinta pra sexta") takes the last day named.
- Hours 1-7 with no part of the day are p.m. ("às 3" is 15:00; salons open about 9-20); "da
  tarde/noite", here or elsewhere in the message, adds 12 up to 11. "15.30" is a time only for
  :00/:15/:30/:45. "depois das 18h"/"antes das 10" are limits: no `at`, but their part of the
  day. "demora 2h" is a duration. `part_of_day` is only what is said (manhã, tarde, noite, cedo,
  not "boa tarde" nor "mais tarde"), never inferred from a clock time.
- Several days, times, services or people: the first wins from a clause that asks and is not
  negated ("tenho festa sexta à noite, tem como sexta de tarde?" -> tarde), else from a clause
  not negated ("hoje não dá, pode ser amanhã?"), else the first ("não posso sexta" -> sexta).
- Everyday words pick a service by name keywords; "corte" is the men's cut when the message
  speaks of a man (barba, masculino, meu filho, ele...), else the women's one; "pé e mão" is
  the first named, pedicure.
- People: a first or full name as whole words; a short form only after "com"/"pro"/"para" that
  starts exactly one first name, 4+ letters ("com Rafa") or 2+ after an article ("com a Ju").
  A first name two people share matches nobody; "aqui é a X", "sou a X" is the client.
- Flags are independent ("não quero mais receber": opt-out and negative); "pode?" asks, "pode
  ser" accepts. Intent: complaint > booking words, or an answer with a service or time > a slot
  word (horário, vaga) > opt-out ("unknown") > inquiry > cancelling or running late ("unknown":
  the owner handles it) > a service, day, time or "semana que vem" named (booking) > greetings,
  thanks and farewells ("hello") > "unknown".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Literal, TypeVar
from uuid import UUID

from domain import chat_lexicon as lx
from domain.chat_lexicon import PartOfDay
from domain.models import Professional, Service, Value

Intent = Literal["booking", "inquiry", "complaint", "hello", "unknown"]
T = TypeVar("T")


class Understanding(Value):
    intent: Intent
    opt_out: bool  # stop marketing messages
    affirmative: bool  # says yes to an offer
    negative: bool  # says no to an offer
    service_id: UUID | None
    professional_id: UUID | None
    day: date | None
    at: time | None
    part_of_day: PartOfDay | None


def cue_pattern(cues: Iterable[str]) -> re.Pattern[str]:
    """One regex for a list of cues, each matched as whole words; `*` ends a word freely."""
    alternatives = [cue.replace("*", r"\w*") for cue in cues]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


_LAUGHTER = re.compile(rf"(?:{lx.LAUGHTER})")
_OPT_OUT = cue_pattern(lx.OPT_OUT_PHRASES)
_AFFIRM = cue_pattern(lx.AFFIRM_ANYWHERE)
_NOT_AFFIRM = cue_pattern(lx.NOT_AFFIRM_PHRASES)
_NEGATIVE = cue_pattern(lx.NEGATIVE_PHRASES)
_NOT_NEGATIVE = cue_pattern(lx.NOT_NEGATIVE_PHRASES)
_COMPLAINT = cue_pattern(lx.COMPLAINT_CUES)
_NOT_COMPLAINT = cue_pattern(lx.NOT_COMPLAINT_PHRASES)
_BOOKING = cue_pattern(lx.BOOKING_CUES)
_NOT_BOOKING = cue_pattern(lx.NOT_BOOKING_PHRASES)
_SLOT = cue_pattern(lx.SLOT_WORDS)
_OPENING_HOURS = cue_pattern(lx.OPENING_HOURS_CUES)
_CANCEL = cue_pattern(lx.CANCEL_CUES + lx.ARRIVAL_CUES)
_REQUEST = cue_pattern(lx.REQUEST_CUES + lx.BOOKING_CUES + lx.SLOT_WORDS)
_FAREWELL = re.compile(lx.FAREWELL_CLAUSE.format(weekday="|".join(lx.WEEKDAYS)))
_RESCHEDULE = cue_pattern(lx.RESCHEDULE_CUES)
_NOT_SERVICE = cue_pattern(lx.NOT_SERVICE_PHRASES)
_PAST = cue_pattern(lx.PAST_CUES)
_VAGUE_WHEN = cue_pattern(lx.VAGUE_WHEN)
_INQUIRY = cue_pattern(lx.INQUIRY_CUES)
_HELLO = cue_pattern(lx.HELLO_CUES)
_MALE = cue_pattern(lx.MALE_CUES)
_SERVICE_WORDS = {key: cue_pattern(words) for key, words in lx.SERVICE_WORDS.items()}
_NEGATED_CLAUSE = cue_pattern(("nao", "nem", "ruim", "negativo"))
_SELF_NAME = re.compile(r"(?:" + "|".join(lx.SELF_NAME_CUES) + r")\s*$")
_CLAUSE_SPLIT = re.compile(r"\s*\|\s*|\s+(?:mas|porem)\s+")


def normalize(text: str) -> str:
    """Lowercase, no accents, no emojis, slang expanded; " | " marks where a clause ends."""
    for symbol, word in lx.EMOJI_WORDS.items():
        text = text.replace(symbol, f" {word} ")
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"(?<=\d)-(?=\d)", "/", text)  # 12-03 is a date
    text = re.sub(r"\bc/", "com ", text)  # "c/ a Carol"
    text = re.sub(r"\?+", " ? | ", text)  # a question: "pode?" asks, "pode" answers
    text = re.sub(r"(?<!\d)\.|\.(?!\d)|[!;,\n()]", " | ", text)
    text = re.sub(r"(?<!\d)[/:]|[/:](?!\d)", " ", text)
    text = re.sub(r"[^a-z0-9|/:.? ]", " ", text)
    text = re.sub(r"([a-z])\1{2,}", r"\1", text)  # "simmm", "oiii", "booom"
    text = re.sub(r"([a-dfgh-npqt-z])\1", r"\1", text)  # doubled letters but rr, ss, ee, oo
    words = " ".join(lx.SLANG.get(token, token) for token in text.split()).split()
    words = [word for word in words if not _LAUGHTER.fullmatch(word)]
    return re.sub(r"(?:\|\s+)+", "| ", " ".join(words) + " ").strip(" |").replace(" |", " |")


def split_clauses(normalized: str) -> list[str]:
    return [clause for clause in _CLAUSE_SPLIT.split(normalized) if clause]


def first_preferred(clauses: Sequence[str], find: Callable[[str], T | None]) -> T | None:
    """The first value found in a clause that asks for something and is not negated, else in
    one that is not negated, else anywhere."""
    found = [(clause, value) for clause in clauses if (value := find(clause)) is not None]
    plain = [(clause, value) for clause, value in found if not _NEGATED_CLAUSE.search(clause)]
    asking = [(clause, value) for clause, value in plain if _REQUEST.search(clause)]
    return next((value for _, value in asking + plain + found), None)


# --- when -------------------------------------------------------------------------------------
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
    clause = _DAY.sub(" ", clause)
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
            return None, _part_of_hour(hour - 1 if before_limit else hour)
        return time(hour, clock[1]), None
    return None, None


def find_part_of_day(clause: str) -> PartOfDay | None:
    found = _PART.search(_NOT_PART.sub(" ", clause))
    return lx.PART_OF_DAY_WORDS[found.group()] if found else None


# --- what and who -------------------------------------------------------------------------------
def _name_pattern(normalized_name: str) -> re.Pattern[str]:
    """A name as whole words; "corte barba" (from "Corte + Barba") also matches "corte e barba"."""
    words = [re.escape(word) for word in normalized_name.split()]
    return re.compile(r"(?<!\w)" + r"\s+(?:(?:e|com)\s+)?".join(words) + r"(?!\w)")


_SHORT_NAME_AFTER = re.compile(
    r"(?<!\w)(?:com|pro|para)\s+(?:(?P<article>o|a)\s+)?(?P<word>[a-z]{2,})\b"
)
_NOT_NAMES = frozenset(
    lx.MONTHS + lx.WEEKDAYS + tuple(w for words in lx.SERVICE_WORDS.values() for w in words)
)
Mention = tuple[int, int, UUID]  # (where, minus its length: the longer wins a tie, what)


class _Salon:
    """The salon's service and professional names, normalised once per message."""

    def __init__(self, services: Sequence[Service], professionals: Sequence[Professional]):
        def named(values: Iterable[Service | Professional]) -> list[tuple[UUID, str]]:
            names = [(value.id, " ".join(normalize(value.name).split(" | "))) for value in values]
            return [(some_id, name) for some_id, name in names if name.strip(" ?")]

        self.services = named(services)
        self.people = named(professionals)
        self.firsts = [name.split()[0] for _, name in self.people]
        self.shared = {first for first in self.firsts if self.firsts.count(first) > 1}

    def service_of(self, category: str, male: bool) -> UUID | None:
        """The salon's service for an everyday word: the men's or women's one when both exist,
        else the one with the shortest name."""
        keywords = set(lx.SERVICE_NAME_KEYWORDS[category])
        candidates = [(i, set(n.split())) for i, n in self.services if set(n.split()) & keywords]
        male_words, female_words = set(lx.MALE_SERVICE_WORDS), set(lx.FEMALE_SERVICE_WORDS)
        if male:
            preferred = [c for c in candidates if c[1] & male_words]
        else:
            preferred = [c for c in candidates if c[1] & female_words] or [
                c for c in candidates if not c[1] & male_words
            ]
        ranked = sorted(preferred or candidates, key=lambda candidate: len(candidate[1]))
        return ranked[0][0] if ranked else None

    def service_finder(self, male: bool) -> Callable[[str], UUID | None]:
        named = [(_name_pattern(name), some_id) for some_id, name in self.services]
        by_category = [(p, self.service_of(key, male)) for key, p in _SERVICE_WORDS.items()]

        def find(clause: str) -> UUID | None:
            clause = _NOT_SERVICE.sub(lambda match: " " * len(match.group()), clause)
            mentions: list[Mention] = [
                (match.start(), -len(match.group()), some_id)
                for pattern, some_id in named
                for match in pattern.finditer(clause)
            ]
            mentions += [
                (match.start(), 0, some_id)
                for pattern, some_id in by_category
                if some_id is not None
                for match in pattern.finditer(clause)
            ]
            return min(mentions)[2] if mentions else None

        return find

    def short_names(self, clause: str) -> Iterable[tuple[int, str]]:
        """ "com o Rafa", "com a Ju": a word after "com" starting exactly one first name (four
        letters or more without the article, two with it)."""
        for match in _SHORT_NAME_AFTER.finditer(clause):
            word = match.group("word")
            starting = {first for first in self.firsts if first.startswith(word) and first != word}
            long_enough = len(word) >= (2 if match.group("article") else 4)
            if long_enough and len(starting) == 1 and word not in _NOT_NAMES:
                yield match.start("word"), starting.pop()

    def find_professional(self, clause: str) -> UUID | None:
        mentions: list[Mention] = []
        for some_id, full in self.people:
            first = full.split()[0]
            for pattern in {_name_pattern(full), _name_pattern(first)}:
                for match in pattern.finditer(clause):
                    if match.group() != first or first not in self.shared:
                        mentions.append((match.start(), -len(match.group()), some_id))
        for start, first in self.short_names(clause):
            if first not in self.shared:
                some_id = next(i for i, name in self.people if name.split()[0] == first)
                mentions.append((start, 0, some_id))
        own = [m for m in mentions if not _SELF_NAME.search(clause[: m[0]])]
        return min(own)[2] if own else None


# --- flags and intent ---------------------------------------------------------------------------
def is_opt_out(normalized: str) -> bool:
    words = [w for w in normalized.split() if w not in ("|", "?", *lx.OPT_OUT_FILLERS)]
    if words and all(word in lx.OPT_OUT_COMMANDS for word in words):
        return True
    return _OPT_OUT.search(normalized) is not None


def is_affirmative(clauses: Sequence[str]) -> bool:
    for clause in clauses:
        clause = _NOT_AFFIRM.sub(" ", clause)
        if any(not clause[: m.start()].endswith("nao ") for m in _AFFIRM.finditer(clause)):
            return True
        words = clause.split()
        allowed = set(lx.ANSWER_FILLERS) | set(lx.AFFIRM_SHORT)
        if words and words[0] in lx.AFFIRM_SHORT and all(word in allowed for word in words[1:]):
            return True
    return False


def is_negative(normalized: str, clauses: Sequence[str]) -> bool:
    if _NEGATIVE.search(_NOT_NEGATIVE.sub(" ", normalized)):
        return True
    for clause in clauses:
        words = clause.split() or [""]
        if words[0] == "nao" and all(word in lx.NEGATIVE_FILLERS for word in words[1:]):
            return True
        if words[-1] == "nao" and not clause.endswith(("porque nao", "por que nao")):
            return True
    return False


def decide_intent(normalized: str, *, affirmative: bool, opt_out: bool, wants: bool) -> Intent:
    """Complaint > booking > opt-out > inquiry > booking by a named service or time > hello.

    `wants`: a service, day, time or part of the day is named in a clause that is not negated.
    """
    if _COMPLAINT.search(_NOT_COMPLAINT.sub(" ", normalized)):
        return "complaint"
    text = _NOT_BOOKING.sub(" ", normalized)
    if _BOOKING.search(text) or (affirmative and wants):
        return "booking"
    cancels = _CANCEL.search(text) is not None  # cancelling or running late asks for no slot
    if _SLOT.search(text) and not _OPENING_HOURS.search(text) and not cancels:
        return "booking"
    if opt_out:  # "pare de mandar promoção" asks nothing: no offer and no small talk
        return "unknown"
    if _INQUIRY.search(normalized):
        return "inquiry"
    if cancels:  # the owner handles cancellations and late arrivals; no greeting back
        return "unknown"
    if wants and not _PAST.search(text):
        return "booking"
    return "hello" if _HELLO.search(normalized) else "unknown"


# --- the whole message --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Found:
    service_id: UUID | None
    professional_id: UUID | None
    day: date | None
    at: time | None
    part_of_day: PartOfDay | None


def _find_all(clauses: Sequence[str], normalized: str, salon: _Salon, today: date) -> _Found:
    says_today = re.search(r"\bhoje\b", normalized) is not None
    male = _MALE.search(normalized) is not None
    asks_duration = _DURATION_QUESTION.search(normalized) is not None
    part: PartOfDay | None = first_preferred(clauses, find_part_of_day)

    def clock(clause: str) -> tuple[time | None, PartOfDay | None] | None:
        found = find_time(clause, part, asks_duration)
        return found if found != (None, None) else None

    at, limit_part = first_preferred(clauses, clock) or (None, None)
    return _Found(
        service_id=first_preferred(clauses, salon.service_finder(male)),
        professional_id=first_preferred(clauses, salon.find_professional),
        day=first_preferred(clauses, lambda clause: find_day(clause, today, says_today))
        or (today if any(_NOW.search(clause) for clause in clauses) else None),
        at=at,
        part_of_day=part or limit_part,
    )


def _wants(clauses: Sequence[str], normalized: str, salon: _Salon, today: date) -> bool:
    """A service, day, time or part of the day named outside a negation or a farewell ("até
    sábado"), a vague time ("semana que vem"), or a professional asked for ("prefiro o Rafael",
    not "Oi Carol")."""
    wanted = [c for c in clauses if not _NEGATED_CLAUSE.search(c) and not _FAREWELL.fullmatch(c)]
    if any(_VAGUE_WHEN.search(clause) for clause in wanted):
        return True
    found = _find_all(wanted, normalized, salon, today)
    if any(v is not None for v in (found.service_id, found.day, found.at, found.part_of_day)):
        return True
    asking = [clause for clause in wanted if _REQUEST.search(clause)]
    return first_preferred(asking, salon.find_professional) is not None


def understand(
    text: str,
    *,
    services: Sequence[Service],
    professionals: Sequence[Professional],
    today: date,
) -> Understanding:
    """What one client message says, against the salon's services, people and local date."""
    normalized = normalize(text)
    clauses = split_clauses(normalized)
    salon = _Salon(services, professionals)
    found = _find_all(clauses, normalized, salon, today)
    wants = _wants(clauses, normalized, salon, today)
    affirmative = is_affirmative(clauses)
    opt_out = is_opt_out(normalized)
    return Understanding(
        intent=decide_intent(normalized, affirmative=affirmative, opt_out=opt_out, wants=wants),
        opt_out=opt_out,
        affirmative=affirmative,
        negative=is_negative(normalized, clauses),
        service_id=found.service_id,
        professional_id=found.professional_id,
        day=found.day,
        at=found.at,
        part_of_day=found.part_of_day,
    )
