"""What the chat agent decides from: the client's situation (`ChatContext`: their coming bookings,
the offer they may answer, the slots proposed to them, the question the agent asked last, the
salon's profile) and what it decides (`ChatDecision`), with the Portuguese labels of a slot."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Literal, Protocol, TypeVar
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.chat_rules import Understanding
from domain.models import Service, Value
from domain.salon_profile import OpeningPeriod, SalonProfile
from domain.vocabulary import HandoffReason, Intent, NoticeKind, SalonTopic
from domain.whatsapp_texts import WEEKDAYS_PT

MAX_PROPOSED = 3
ORDINALS = {"primeiro": 0, "1": 0, "segundo": 1, "2": 1, "terceiro": 2, "3": 2}


class ProposedSlot(Value):
    service_id: UUID
    professional_id: UUID
    starts_at: datetime
    service_name: str
    professional_name: str
    # Proposed to move this coming booking ("remarcar"): picking it asks the salon to move it.
    replaces_appointment_id: UUID | None = None


class OpenOffer(Value):
    """A campaign suggestion the client received and has not answered yet."""

    auth_request_id: UUID
    service_name: str
    professional_name: str
    starts_at: datetime
    preapproved: bool = False  # the owner said yes already: a "sim" books it at once


class ComingVisit(Value):
    """The client's next booking, soon enough for a reminder's answer to be about it."""

    appointment_id: UUID
    service_id: UUID
    professional_id: UUID
    service_name: str
    professional_name: str
    starts_at: datetime
    confirmed: bool = False


class Awaiting(Value):
    """A question the agent asked about the client's bookings and waits for the answer to:
    confirm cancelling one, or pick which one to cancel or to move."""

    kind: Literal["cancel_confirm", "cancel_pick", "reschedule_pick"]
    appointment_ids: tuple[UUID, ...]


class Flag(Value):
    """What the salon should know of a client's message (a `client_notice` event)."""

    kind: NoticeKind | Literal["missing_fact", "media"]
    visit: ComingVisit | None = None  # the booking it is about
    minutes: int | None = None
    topics: tuple[SalonTopic, ...] = ()
    media_kind: str | None = None


class ChatContext(Value):
    salon_name: str
    time_zone: str
    client_first_name: str
    today: date
    now: datetime
    services: tuple[Service, ...]
    proposed: tuple[ProposedSlot, ...] = ()
    open_offer: OpenOffer | None = None
    visit: ComingVisit | None = None  # the next booking, if a reminder may have named it
    # The client's bookings from two hours ago on (those under way too), in time order.
    bookings: tuple[ComingVisit, ...] = ()
    awaiting: Awaiting | None = None
    profile: SalonProfile = SalonProfile()
    hours: tuple[OpeningPeriod, ...] = ()  # the salon's opening hours (set or derived)
    closed_days: tuple[date, ...] = ()


class SlotSource(Protocol):
    """The salon's open slots, as the decision needs them (computed only when it asks)."""

    def for_request(
        self, understanding: Understanding, proposed: Sequence[ProposedSlot]
    ) -> list[ProposedSlot]: ...

    def is_open(self, slot: ProposedSlot) -> bool: ...

    def nearest(
        self, service_id: UUID, professional_id: UUID, around: datetime
    ) -> list[ProposedSlot]: ...


class ChatDecision(Value):
    reply: str
    intent: Intent
    opt_out: bool = False
    complaint: bool = False
    # The agent hands the conversation to the salon's people (a complaint does too).
    handoff: HandoffReason | None = None
    book: ProposedSlot | None = None
    accept_offer: UUID | None = None
    decline_offer: UUID | None = None
    proposed: tuple[ProposedSlot, ...] = ()
    confirm_visit: UUID | None = None  # the client confirms their coming booking
    cancel_visit: UUID | None = None  # the client cancels it (its time is free again)
    opt_in: bool = False  # the client receives the salon's offers again
    awaiting: Awaiting | None = None  # the question this reply asks about the client's bookings
    flag: Flag | None = None


def slot_label(slot: ProposedSlot | OpenOffer | ComingVisit, context: ChatContext) -> str:
    return slot_label_on(slot, time_zone=context.time_zone, today=context.today)


def slot_label_on(
    slot: ProposedSlot | OpenOffer | ComingVisit, *, time_zone: str, today: date
) -> str:
    return when_label(slot.starts_at, slot.professional_name, time_zone=time_zone, today=today)


def when_label(starts_at: datetime, professional_name: str, *, time_zone: str, today: date) -> str:
    """'amanhã (06/12) às 15:00 com Carol', as the client reads it on `today`."""
    local = starts_at.astimezone(ZoneInfo(time_zone))
    days = (local.date() - today).days
    day = {0: "hoje", 1: "amanhã"}.get(days, WEEKDAYS_PT[local.weekday()])
    return f"{day} ({local:%d/%m}) às {local:%H:%M} com {professional_name}"


def alternatives_phrase(slots: Sequence[ProposedSlot], *, time_zone: str, today: date) -> str:
    """The slots offered instead of one the client cannot have, and how to pick one (the
    conversation keeps them as its proposed slots, so "1" or "sim" asks for it)."""
    if not slots:
        return ""
    if len(slots) == 1:
        only = slots[0]
        label = slot_label_on(only, time_zone=time_zone, today=today)
        return (
            f"Tenho um horário de {only.service_name} {label}. Responda SIM para pedir esse"
            " horário."
        )
    options = "; ".join(
        f"{i + 1}) {slot_label_on(s, time_zone=time_zone, today=today)}"
        for i, s in enumerate(slots)
    )
    return (
        f"Tenho estes horários próximos para {slots[0].service_name}: {options}."
        " Responda com o número para pedir um deles."
    )


class _HasStart(Protocol):
    @property
    def starts_at(self) -> datetime: ...


Option = TypeVar("Option", bound=_HasStart)


def pick(
    text: str, understanding: Understanding, options: Sequence[Option], *, time_zone: str
) -> Option | None:
    """The option the client picked among those listed to them: by its time (and day), by its
    number ("o segundo"; a bare digit only as the whole answer, so "somos 2 pessoas" picks
    nothing), or the only one when they say yes."""
    if not options:
        return None
    zone = ZoneInfo(time_zone)
    if understanding.at is not None or understanding.day is not None:
        same_time = [
            o
            for o in options
            if (understanding.at is None or o.starts_at.astimezone(zone).time() == understanding.at)
            and (
                understanding.day is None
                or o.starts_at.astimezone(zone).date() == understanding.day
            )
        ]
        if len(same_time) == 1 and (understanding.at is not None or len(options) > 1):
            return same_time[0]
    words = [w.strip(".,!?") for w in text.lower().split()]
    for word, index in ORDINALS.items():
        bare_digit = word.isdigit() and len(words) <= 2
        if word in words and (not word.isdigit() or bare_digit) and index < len(options):
            return options[index]
    if understanding.affirmative and len(options) == 1:
        return options[0]
    return None
