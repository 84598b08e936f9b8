"""The understanding half of the deterministic Portuguese engine: what a client's message asks.

`understand` reads one WhatsApp message (informal, typos, no accents, emojis) and returns the
intent, the answer flags and the booking fields, resolved against the salon's own services and
professionals and the salon's local `today`. The words live in `domain.chat_lexicon`; the
readers of text, days and times, and names in `domain.chat_text`, `chat_when` and `chat_names`.

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
- The conversation's own intents: asking for a person (handoff) > moving a booking (reschedule:
  remarcar, mudar o horário; the new day and time are its fields) > cancelling one (cancel; not
  "cancelar as mensagens", an opt-out) > late, on the way or arrived (late; `notice` says which,
  arrived > late > on the way, `late_min` how many minutes when said). Questions about the salon
  itself (address, opening hours, payment, parking, cancellation policy, about) are
  `salon_info`, below booking; their `topics`, in the order asked, are kept whatever the intent.
- People: a first or full name as whole words; a short form only after "com"/"pro"/"para" that
  starts exactly one first name, 4+ letters ("com Rafa") or 2+ after an article ("com a Ju").
  A first name two people share matches nobody; "aqui é a X", "sou a X" is the client.
- Flags are independent ("não quero mais receber": opt-out and negative); "pode?" asks, "pode
  ser" accepts. Intent: complaint > handoff > reschedule > cancel (unless opting out) > late >
  booking words, or an answer with a service or time > a slot word (horário, vaga) > opt-out
  ("unknown") > salon_info > inquiry > a service, day, time or "semana que vem" named
  (booking) > greetings, thanks and farewells ("hello") > "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from uuid import UUID

from domain import chat_lexicon as lx
from domain.chat_consent import is_maybe_opt_out, is_opt_out, read_consent, without_opt_outs
from domain.chat_lexicon import PartOfDay
from domain.chat_names import SalonNames, find_names
from domain.chat_text import (
    cue_pattern,
    first_preferred,
    is_negated,
    is_request,
    normalize,
    split_clauses,
)
from domain.chat_when import (
    DayAndTime,
    find_day,
    find_day_and_time,
    find_part_of_day,
    find_time,
)
from domain.models import Professional, Service, Value
from domain.vocabulary import SALON_TOPICS, Intent, NoticeKind, SalonTopic

# Callers import the engine's public names from this module, wherever they are defined.
__all__ = [
    "ABOUT_A_BOOKING",
    "Intent",
    "Understanding",
    "cue_pattern",
    "decide_intent",
    "find_day",
    "find_part_of_day",
    "find_time",
    "first_preferred",
    "is_affirmative",
    "is_negative",
    "is_maybe_opt_out",
    "is_opt_out",
    "normalize",
    "split_clauses",
    "understand",
]


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
    # Answers about the client's coming booking (a reminder's CONFIRMO / CANCELAR / REMARCAR).
    confirms: bool = False
    cancels: bool = False
    reschedules: bool = False
    wants_person: bool = False  # asks for a person of the salon (the agent hands over)
    opt_in: bool = False  # asks to receive the salon's offers again
    maybe_opt_out: bool = False  # unhappy with the salon's messages, not clearly a "stop"
    # What the client asks about the salon itself, in the order asked.
    topics: tuple[SalonTopic, ...] = ()
    notice: NoticeKind | None = None  # late, on the way or arrived
    late_min: int | None = None  # how late (or how far), when said
    # A booking read only from a service, day or time named, with no request, no "sim" and no
    # question ("a escova eu faço em casa agora"): the weakest reading of a booking.
    # (A bare name, "escova", answers a question; longer, it may say anything.)
    named_only: bool = False
    asks: bool = False  # a question, or something asked for that is not negated
    another_time: bool = False  # asks for another day or time ("tem outro?", "outro dia")
    words: int = 0  # a long "não" says more than "não"


_NEGATED_WORD = re.compile(r"(?<!\w)(?:nao|nem)(?!\w)(?: \w+)?")  # "não quero", "nem preciso"
_ANOTHER_TIME = cue_pattern(lx.ANOTHER_TIME_CUES)
BARE_ANSWER_WORDS = 3  # "escova", "a escova", "corte feminino": the answer to "qual serviço?"
ABOUT_A_BOOKING = frozenset({"booking", "reschedule", "cancel"})
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
_CANCELS = cue_pattern(lx.CANCEL_CUES)
_RESCHEDULE_INTENT = cue_pattern(lx.RESCHEDULE_INTENT_CUES)
_NOTICES: tuple[tuple[NoticeKind, re.Pattern[str]], ...] = (
    ("arrived", cue_pattern(lx.ARRIVED_CUES)),
    ("late", cue_pattern(lx.LATE_CUES)),
    ("on_the_way", cue_pattern(lx.ON_THE_WAY_CUES)),
)
_TOPICS = {topic: cue_pattern(lx.TOPIC_CUES[topic]) for topic in SALON_TOPICS}
_MINUTES = re.compile(r"(?<!\w)(\d{1,3}|" + "|".join(lx.MINUTE_WORDS) + r") ?(?:min\w*|m)(?!\w)")
_HALF_HOUR = re.compile(r"(?<!\w)meia hor\w*")
_AN_HOUR = re.compile(r"(?<!\w)(?:uma|1) ?h(?:ora)?(?!\w)")
_NOT_CANCEL = cue_pattern(lx.NOT_CANCEL_PHRASES)
_CONFIRMS = cue_pattern(lx.CONFIRM_CUES)
_RESCHEDULES = cue_pattern(lx.RESCHEDULE_REPLY_CUES)
_FAREWELL = re.compile(lx.FAREWELL_CLAUSE.format(weekday="|".join(lx.WEEKDAYS)))
_PAST = cue_pattern(lx.PAST_CUES)
_VAGUE_WHEN = cue_pattern(lx.VAGUE_WHEN)
_INQUIRY = cue_pattern(lx.INQUIRY_CUES)
_HELLO = cue_pattern(lx.HELLO_CUES)
_HANDOFF = cue_pattern(lx.HANDOFF_CUES)
_TALK_TO = re.compile(r"(?<!\w)" + lx.TALK_TO)


# --- flags and intent ---------------------------------------------------------------------------
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


def decide_intent(
    normalized: str,
    *,
    affirmative: bool,
    opt_out: bool,
    wants: bool,
    about: About,
    opt_in: bool = False,
) -> Intent:
    """Complaint > handoff > reschedule > cancel > late > booking > opt-out > salon_info >
    inquiry > booking by a named service or time > hello.

    `wants`: a service, day, time or part of the day is named in a clause that is not negated;
    `about`: what the message says of the client's own booking and of the salon.
    """
    if _COMPLAINT.search(_NOT_COMPLAINT.sub(" ", normalized)):
        return "complaint"
    if about.wants_person:
        return "handoff"
    if about.moves:
        return "reschedule"
    if about.cancels:  # opt-out words ("cancela essas mensagens") are no cancel
        return "cancel"
    if about.notice is not None:
        return "late"
    text = _NOT_BOOKING.sub(" ", normalized)
    if _BOOKING.search(text) or (affirmative and wants):
        return "booking"
    if _SLOT.search(text) and not _OPENING_HOURS.search(text) and not about.cancels:
        return "booking"
    if opt_out or opt_in:  # "pare de mandar promoção" asks nothing: no offer, no small talk
        return "unknown"
    if about.topics:
        return "salon_info"
    if _INQUIRY.search(normalized):
        return "inquiry"
    if wants and not _PAST.search(text):
        return "booking"
    return "hello" if _HELLO.search(normalized) else "unknown"


@dataclass(frozen=True)
class About:
    """What a message says of the client's own booking and of the salon (beside booking words)."""

    wants_person: bool = False
    moves: bool = False  # move their booking (the intent)
    cancels: bool = False
    notice: NoticeKind | None = None
    late_min: int | None = None
    topics: tuple[SalonTopic, ...] = ()


def read_about(normalized: str, clauses: Sequence[str], salon: SalonNames, today: date) -> About:
    # "cancela essas mensagens" opts out; "não quero cancelar", "se eu cancelar" cancel nothing.
    without_no_cancel = _NOT_CANCEL.sub(" ", without_opt_outs(normalized))
    cancels = _CANCELS.search(without_no_cancel) is not None
    soon = re.sub(r"\bja ja\b", "jaja", normalized)  # "já já tô aí": on the way, not there
    notice = next((kind for kind, cue in _NOTICES if cue.search(soon)), None)
    found = [(m.start(), t) for t, cue in _TOPICS.items() if (m := cue.search(normalized))]
    return About(
        wants_person=_HANDOFF.search(normalized) is not None
        or _asks_for_someone(normalized, salon),
        moves=_RESCHEDULE_INTENT.search(without_no_cancel) is not None
        or (cancels and _asks_another_time(without_no_cancel, today)),
        cancels=cancels,
        notice=notice,
        late_min=minutes_said(normalized) if notice is not None else None,
        topics=tuple(topic for _, topic in sorted(found)),
    )


def _asks_for_someone(normalized: str, salon: SalonNames) -> bool:
    """ "quero falar com a Juliana": a person of the salon, by name."""
    return any(
        salon.find_professional(normalized[m.end() : m.end() + 40]) is not None
        for m in _TALK_TO.finditer(normalized)
    )


def _asks_another_time(normalized: str, today: date) -> bool:
    """ "não vou poder ir sexta, pode ser semana que vem?": a clause after the cancelling one
    asks for another time (a cancel that asks for another time is a move)."""
    clauses = split_clauses(normalized)
    cancelling = next((i for i, c in enumerate(clauses) if _CANCELS.search(c)), len(clauses))
    return any(
        not is_negated(clause)
        and is_request(clause)
        and (_VAGUE_WHEN.search(clause) or _names_when(clause, today))
        for clause in clauses[cancelling + 1 :]
    )


def _names_when(clause: str, today: date) -> bool:
    when = find_day_and_time([clause], clause, today)
    return any(v is not None for v in (when.day, when.at, when.part_of_day))


def minutes_said(normalized: str) -> int | None:
    """'uns 10 min' -> 10, 'quinze minutos' -> 15, 'meia hora' -> 30, 'uma hora' -> 60."""
    if (found := _MINUTES.search(normalized)) is not None:
        amount = found.group(1)
        return int(amount) if amount.isdigit() else lx.MINUTE_WORDS[amount]
    if _HALF_HOUR.search(normalized):
        return 30
    if _AN_HOUR.search(normalized):
        return 60
    return None


# --- the whole message --------------------------------------------------------------------------
def _wants(clauses: Sequence[str], normalized: str, salon: SalonNames, today: date) -> bool:
    """A service, day, time or part of the day named outside a negation or a farewell ("até
    sábado"), a vague time ("semana que vem"), or a professional asked for ("prefiro o Rafael",
    not "Oi Carol")."""
    wanted = [c for c in clauses if not is_negated(c) and not _FAREWELL.fullmatch(c)]
    if any(_VAGUE_WHEN.search(clause) for clause in wanted):
        return True
    service_id, _ = find_names(wanted, normalized, salon)
    when = find_day_and_time(wanted, normalized, today)
    if any(v is not None for v in (service_id, when.day, when.at, when.part_of_day)):
        return True
    asking = [clause for clause in wanted if is_request(clause)]
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
    salon = SalonNames(services, professionals)
    service_id, professional_id = find_names(clauses, normalized, salon)
    wants = _wants(clauses, normalized, salon, today)
    affirmative = is_affirmative(clauses)
    consent = read_consent(normalized)
    opt_out = consent.opt_out
    about = read_about(normalized, clauses, salon, today)
    opt_in = consent.opt_in
    intent = decide_intent(
        normalized,
        affirmative=affirmative,
        opt_out=opt_out,
        wants=wants,
        about=about,
        opt_in=opt_in,
    )
    if intent in ABOUT_A_BOOKING:
        # Consent must be unambiguous (LGPD): a message about a booking that also seems to ask
        # for offers ("pode mandar a promoção de escova pra sexta?") is not taken as consent.
        opt_in = False
    when = find_day_and_time(clauses, normalized, today)
    asks = _asks(clauses)
    words = sum(1 for word in normalized.split() if word not in ("|", "?"))
    if about.moves:  # the new time: what is said from where the move is asked
        moving = next((i for i, c in enumerate(clauses) if _RESCHEDULE_INTENT.search(c)), 0)
        moved = find_day_and_time(clauses[moving:], normalized, today)
        if any(v is not None for v in (moved.day, moved.at, moved.part_of_day)):
            when = DayAndTime(moved.day or when.day, moved.at, moved.part_of_day)
    return Understanding(
        intent=intent,
        opt_out=opt_out,
        affirmative=affirmative,
        negative=is_negative(normalized, clauses),
        service_id=service_id,
        professional_id=professional_id,
        day=when.day,
        at=when.at,
        part_of_day=when.part_of_day,
        wants_person=about.wants_person,
        opt_in=opt_in,
        maybe_opt_out=not (opt_out or opt_in) and consent.maybe_opt_out,
        topics=about.topics,
        notice=about.notice,
        late_min=about.late_min,
        named_only=intent == "booking"
        and words > BARE_ANSWER_WORDS
        and not (affirmative or asks)
        and _names_only(clauses, when, today),
        asks=asks,
        another_time=asks and _ANOTHER_TIME.search(normalized) is not None,
        words=words,
        **about_booking(normalized),
    )


def _asks(clauses: Sequence[str]) -> bool:
    """A question, or something asked for that is not negated ("quero saber se tem horário ou
    não" asks; "não quero mais manicure" and "a escova eu faço em casa agora" do not)."""
    return any("?" in c or is_request(_NEGATED_WORD.sub(" ", c)) for c in clauses)


def _names_only(clauses: Sequence[str], when: DayAndTime, today: date) -> bool:
    """A service (or a bare "agora") named, but no time, no part of the day, no other day."""
    if when.at is not None or when.part_of_day is not None:
        return False
    return when.day is None or not any(find_day(c, today, False) for c in clauses)


def about_booking(normalized: str) -> dict[str, bool]:
    """Whether the message confirms, cancels or moves the client's coming booking."""
    reschedules = _RESCHEDULES.search(normalized) is not None
    cancels = _CANCELS.search(_NOT_CANCEL.sub(" ", normalized)) is not None and not reschedules
    confirms = (
        _CONFIRMS.search(normalized) is not None
        and _NEGATIVE.search(normalized) is None
        and not (cancels or reschedules)
    )
    return {"confirms": confirms, "cancels": cancels, "reschedules": reschedules}
