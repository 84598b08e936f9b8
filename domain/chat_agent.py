"""The chat agent's decision, pure: what to answer, what to book, what to flag.

Input is an `Understanding` of the client's message (from Gemini or the Portuguese rules), the
client's situation and the salon's open slots (`SlotSource`, domain/chat_situation.py); output is
the reply in Brazilian Portuguese and the actions: propose slots, book one (an auth request for
the owner), accept an open campaign offer, opt the client out of marketing, or flag a complaint
(never answered with a sale). A slot picked but taken meanwhile is said so, with others offered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.chat_rules import Understanding
from domain.models import Service, Value
from domain.vocabulary import HandoffReason, Intent
from domain.whatsapp_texts import WEEKDAYS_PT, format_brl

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


class ChatContext(Value):
    salon_name: str
    time_zone: str
    client_first_name: str
    today: date
    now: datetime
    services: tuple[Service, ...]
    proposed: tuple[ProposedSlot, ...] = ()
    open_offer: OpenOffer | None = None
    visit: ComingVisit | None = None


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
        return f"Tenho {only.service_name} {label}. Responda SIM para pedir esse horário."
    options = "; ".join(
        f"{i + 1}) {slot_label_on(s, time_zone=time_zone, today=today)}"
        for i, s in enumerate(slots)
    )
    return (
        f"Tenho estes horários próximos para {slots[0].service_name}: {options}."
        " Responda com o número para pedir um deles."
    )


def chosen_slot(
    text: str, understanding: Understanding, context: ChatContext
) -> ProposedSlot | None:
    """The proposed slot the client picked: by its time, by its order, or the only one."""
    proposed = context.proposed
    if not proposed:
        return None
    zone = ZoneInfo(context.time_zone)
    if understanding.at is not None:
        same_time = [
            s
            for s in proposed
            if s.starts_at.astimezone(zone).time() == understanding.at
            and (
                understanding.day is None
                or s.starts_at.astimezone(zone).date() == understanding.day
            )
        ]
        if len(same_time) == 1:
            return same_time[0]
    words = [w.strip(".,!?") for w in text.lower().split()]
    for word, index in ORDINALS.items():
        # "o segundo" anywhere; a bare digit only as the whole answer ("2", "o 2", "opção 2"),
        # so "somos 2 pessoas" books nothing.
        bare_digit = word.isdigit() and len(words) <= 2
        if word in words and (not word.isdigit() or bare_digit) and index < len(proposed):
            return proposed[index]
    if understanding.affirmative and len(proposed) == 1:
        return proposed[0]
    return None


def decide(
    text: str,
    understanding: Understanding,
    context: ChatContext,
    *,
    openings: SlotSource,
    llm_reply: str | None = None,
) -> ChatDecision:
    name = context.client_first_name
    if understanding.opt_out:
        return ChatDecision(
            reply=f"Tudo certo, {name}! Você não vai mais receber ofertas do {context.salon_name}."
            " Se quiser agendar, é só chamar por aqui.",
            intent=understanding.intent,
            opt_out=True,
        )
    if understanding.intent == "complaint":
        return ChatDecision(
            reply=f"Sinto muito pelo ocorrido, {name}. Já avisei a equipe do"
            f" {context.salon_name}, que vai falar com você pessoalmente o quanto antes.",
            intent="complaint",
            complaint=True,
            handoff="complaint",
        )
    if understanding.wants_person:
        return ChatDecision(
            reply=f"Claro, {name}! Já avisei a equipe: uma pessoa do salão continua esta"
            " conversa com você por aqui assim que puder.",
            intent="inquiry",
            handoff="client_asked",
        )
    picked = chosen_slot(text, understanding, context)
    if picked is not None and not openings.is_open(picked):
        return _slot_gone(understanding, context, picked, openings)
    if picked is not None and picked.replaces_appointment_id is not None:
        return ChatDecision(
            reply=f"Perfeito, {name}! Pedi ao salão para remarcar seu {picked.service_name} para"
            f" {slot_label(picked, context)}. Até confirmarem, seu horário atual continua"
            " marcado; te aviso por aqui.",
            intent="booking",
            book=picked,
        )
    if picked is not None:
        return ChatDecision(
            reply=f"Perfeito, {name}! Pedi ao salão a confirmação de {picked.service_name}"
            f" {slot_label(picked, context)}. Te aviso por aqui assim que confirmarem.",
            intent="booking",
            book=picked,
        )
    visit = context.visit
    if visit is not None:
        answered = _about_visit(understanding, context, visit, openings)
        if answered is not None:
            return answered
    offer = context.open_offer
    if offer is not None and understanding.affirmative and not context.proposed:
        when = f"{offer.service_name} {slot_label(offer, context)}"
        reply = (
            f"Perfeito, {name}! Seu horário de {when} está confirmado. Até lá!"
            if offer.preapproved
            else f"Ótimo, {name}! O horário de {when} foi enviado para confirmação do salão."
            " Te aviso assim que confirmarem."
        )
        return ChatDecision(reply=reply, intent="booking", accept_offer=offer.auth_request_id)
    if offer is not None and understanding.negative and not context.proposed:
        return ChatDecision(
            reply=f"Sem problemas, {name}! Quando quiser outro horário, é só chamar.",
            intent=understanding.intent,
            decline_offer=offer.auth_request_id,
        )
    plain_answer = not context.proposed and not _asks_something_new(understanding)
    if visit is not None and plain_answer and understanding.affirmative:
        return _confirm_visit(context, visit)
    if visit is not None and plain_answer and understanding.negative:
        return ChatDecision(
            reply=f"Sem problema, {name}. Quer cancelar seu horário de {visit.service_name}"
            f" {slot_label(visit, context)} ou prefere remarcar? Responda CANCELAR ou REMARCAR.",
            intent="booking",
        )
    if context.proposed and understanding.affirmative and not _asks_something_new(understanding):
        options = "; ".join(
            f"{i + 1}) {slot_label(s, context)}" for i, s in enumerate(context.proposed)
        )
        return ChatDecision(
            reply=f"Combinado, {name}! Qual destes horários? {options}. Responda com o número.",
            intent="booking",
            proposed=context.proposed,
        )
    if understanding.intent == "booking":
        free_slots = openings.for_request(understanding, context.proposed)
        return _booking_reply(understanding, context, free_slots)
    if llm_reply:
        return ChatDecision(reply=llm_reply, intent=understanding.intent)
    return ChatDecision(reply=_plain_reply(understanding, context), intent=understanding.intent)


def _booking_reply(
    understanding: Understanding, context: ChatContext, free_slots: Sequence[ProposedSlot]
) -> ChatDecision:
    name = context.client_first_name
    if understanding.service_id is None and not context.proposed:
        menu = ", ".join(f"{s.name} ({format_brl(s.price_cents)})" for s in context.services[:8])
        return ChatDecision(
            reply=f"Claro, {name}! Qual serviço você quer agendar? Temos: {menu}.",
            intent="booking",
        )
    exact = [s for s in free_slots if _starts_at(s, understanding, context)]
    offered = tuple(exact[:1]) if exact else tuple(free_slots[:MAX_PROPOSED])
    if not offered:
        return ChatDecision(
            reply=f"Poxa, {name}, não encontrei horário livre para isso nos próximos dias."
            " Quer tentar outro dia ou outro profissional?",
            intent="booking",
        )
    if len(offered) == 1:
        only = offered[0]
        return ChatDecision(
            reply=f"Tenho {only.service_name} {slot_label(only, context)}. Posso pedir a"
            " confirmação ao salão? Responda SIM para reservar.",
            intent="booking",
            proposed=offered,
        )
    options = "; ".join(f"{i + 1}) {slot_label(s, context)}" for i, s in enumerate(offered))
    return ChatDecision(
        reply=f"Tenho estes horários para {offered[0].service_name}: {options}."
        " Qual você prefere? Responda com o número ou o horário.",
        intent="booking",
        proposed=offered,
    )


def _slot_gone(
    understanding: Understanding, context: ChatContext, taken: ProposedSlot, openings: SlotSource
) -> ChatDecision:
    """The slot the client picked was taken meanwhile: say so and offer the nearest others."""
    local = taken.starts_at.astimezone(ZoneInfo(context.time_zone))
    gone = "já passou" if taken.starts_at <= context.now else "acabou de ser reservado"
    wanted = understanding.model_copy(
        update={
            "intent": "booking",
            "service_id": taken.service_id,
            "day": local.date(),
            "at": local.time(),
            "affirmative": False,
        }
    )
    fresh = context.model_copy(update={"proposed": ()})
    others = _booking_reply(wanted, fresh, openings.for_request(wanted, ()))
    return others.model_copy(update={"reply": f"Poxa, esse horário {gone}. {others.reply}"})


def _about_visit(
    understanding: Understanding, context: ChatContext, visit: ComingVisit, openings: SlotSource
) -> ChatDecision | None:
    """A reminder's explicit answers: CANCELAR, REMARCAR, CONFIRMO (a bare "sim" or "não" is
    the open offer's first, when there is one)."""
    name = context.client_first_name
    when = f"{visit.service_name} {slot_label(visit, context)}"
    if understanding.cancels:
        return ChatDecision(
            reply=f"Tudo certo, {name}. Cancelei seu horário de {when}. Quando quiser marcar"
            " outro, é só chamar por aqui.",
            intent="booking",
            cancel_visit=visit.appointment_id,
        )
    if understanding.reschedules:
        return _reschedule_visit(understanding, context, visit, openings)
    if understanding.confirms:
        return _confirm_visit(context, visit)
    return None


def _confirm_visit(context: ChatContext, visit: ComingVisit) -> ChatDecision:
    return ChatDecision(
        reply=f"Obrigado, {context.client_first_name}! Seu horário de {visit.service_name}"
        f" {slot_label(visit, context)} está confirmado. Até lá!",
        intent="booking",
        confirm_visit=None if visit.confirmed else visit.appointment_id,
    )


def _reschedule_visit(
    understanding: Understanding, context: ChatContext, visit: ComingVisit, openings: SlotSource
) -> ChatDecision:
    """Other times for the client's booking: those asked for ("remarcar para sexta"), else the
    nearest; picking one asks the salon to move the booking."""
    name = context.client_first_name
    if _asks_something_new(understanding):
        wanted = understanding.model_copy(
            update={"intent": "booking", "service_id": visit.service_id}
        )
        found = openings.for_request(wanted, ())
    else:
        found = openings.nearest(visit.service_id, visit.professional_id, visit.starts_at)
    slots = tuple(
        s.model_copy(update={"replaces_appointment_id": visit.appointment_id})
        for s in found[:MAX_PROPOSED]
    )
    current = slot_label(visit, context)
    if not slots:
        return ChatDecision(
            reply=f"Poxa, {name}, não encontrei outro horário livre para {visit.service_name}"
            f" nos próximos dias. Seu horário {current} continua marcado; quer tentar outro dia?",
            intent="booking",
        )
    options = "; ".join(f"{i + 1}) {slot_label(s, context)}" for i, s in enumerate(slots))
    return ChatDecision(
        reply=f"Claro, {name}! Para remarcar seu {visit.service_name} de {current}, tenho:"
        f" {options}. Responda com o número.",
        intent="booking",
        proposed=slots,
    )


def _asks_something_new(understanding: Understanding) -> bool:
    return any(
        value is not None
        for value in (
            understanding.service_id,
            understanding.day,
            understanding.at,
            understanding.part_of_day,
            understanding.professional_id,
        )
    )


def _starts_at(slot: ProposedSlot, understanding: Understanding, context: ChatContext) -> bool:
    """The slot is exactly the day and time the client asked for."""
    if understanding.at is None:
        return False
    local = slot.starts_at.astimezone(ZoneInfo(context.time_zone))
    return local.time() == understanding.at and (
        understanding.day is None or local.date() == understanding.day
    )


def _plain_reply(understanding: Understanding, context: ChatContext) -> str:
    name = context.client_first_name
    if understanding.intent == "inquiry":
        wanted = [s for s in context.services if s.id == understanding.service_id]
        listed = wanted or list(context.services[:8])
        prices = "; ".join(
            f"{s.name}: {format_brl(s.price_cents)} ({s.duration_min} min)" for s in listed
        )
        return f"{prices}. Quer agendar, {name}? Me diga o serviço, o dia e o horário."
    if understanding.intent == "hello":
        return (
            f"Olá, {name}! Aqui é do {context.salon_name}. Quer agendar um horário? Me diga o"
            " serviço e o dia que prefere."
        )
    return (
        f"Desculpe, {name}, não entendi. Quer agendar um horário? Me diga o serviço, o dia e o"
        " horário que prefere."
    )
