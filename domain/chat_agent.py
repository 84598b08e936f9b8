"""The chat agent's decision, pure: what to answer, what to book, what to flag.

Input is an `Understanding` of the client's message (from Gemini or the Portuguese rules), the
client's situation and the salon's open slots (`SlotSource`, domain/chat_situation.py); output is
the reply in Brazilian Portuguese and the actions: propose slots, book one (an auth request for
the owner), accept an open campaign offer, opt the client out of marketing, or flag a complaint
(never answered with a sale). A slot picked but taken meanwhile is said so, with others offered.
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID
from zoneinfo import ZoneInfo

from domain import chat_visits as visits
from domain.chat_context import (
    MAX_PROPOSED,
    ChatContext,
    ChatDecision,
    ComingVisit,
    Flag,
    OpenOffer,
    ProposedSlot,
    SlotSource,
    alternatives_phrase,
    pick,
    slot_label,
    slot_label_on,
    when_label,
)
from domain.chat_rules import Understanding
from domain.salon_profile import facts_answer
from domain.whatsapp_texts import format_brl, of_salon

__all__ = [
    "ChatContext",
    "ChatDecision",
    "ComingVisit",
    "OpenOffer",
    "ProposedSlot",
    "alternatives_phrase",
    "decide",
    "slot_label",
    "slot_label_on",
    "when_label",
]


def chosen_slot(
    text: str, understanding: Understanding, context: ChatContext
) -> ProposedSlot | None:
    """The proposed slot the client picked: by its time, by its order, or the only one."""
    return pick(text, understanding, context.proposed, time_zone=context.time_zone)


def decide(
    text: str,
    understanding: Understanding,
    context: ChatContext,
    *,
    openings: SlotSource,
    llm_reply: str | None = None,
) -> ChatDecision:
    decision = _decide(text, understanding, context, openings=openings, llm_reply=llm_reply)
    if understanding.opt_out and not decision.opt_out:  # "cancela meu horário e para de mandar"
        also = f" E pode deixar: você não vai mais receber ofertas {of_salon(context.salon_name)}."
        return decision.model_copy(update={"opt_out": True, "reply": decision.reply + also})
    return decision


def _decide(
    text: str,
    understanding: Understanding,
    context: ChatContext,
    *,
    openings: SlotSource,
    llm_reply: str | None,
) -> ChatDecision:
    first = (
        _about_consent(understanding, context)
        or _for_a_person(understanding, context)
        or visits.answer_awaiting(text, understanding, context, openings)
        or _picked(text, understanding, context, openings)
        or _about_visits(text, understanding, context, openings, llm_reply)
        or _answer_to_offer(understanding, context, openings)
    )
    if first is not None:
        return first
    return _the_rest(understanding, context, openings, llm_reply)


def _about_consent(understanding: Understanding, context: ChatContext) -> ChatDecision | None:
    """A stop, a restart, or a doubt about the salon's messages (asked, nothing offered)."""
    name, intent = context.client_first_name, understanding.intent
    if understanding.opt_out and intent != "cancel":
        return ChatDecision(
            reply=f"Tudo certo, {name}! Você não vai mais receber ofertas"
            f" {of_salon(context.salon_name)}. Se quiser agendar, é só chamar por aqui.",
            intent=intent,
            opt_out=True,
        )
    if understanding.opt_in:
        return ChatDecision(
            reply=f"Pronto, {name}! Você vai receber as ofertas {of_salon(context.salon_name)}"
            " por aqui. Se quiser parar, é só responder SAIR.",
            intent=intent,
            opt_in=True,
        )
    if understanding.maybe_opt_out and intent in ("unknown", "hello", "inquiry", "booking"):
        # Unsure: ask, and offer nothing (an opt-out must never be answered with an offer; a
        # real booking request is only one message away).
        booking = " Se quiser marcar um horário, me diga o dia." if intent == "booking" else ""
        return ChatDecision(reply=f"{name}, {_asks_to_stop(context)}{booking}", intent=intent)
    return None


def _for_a_person(understanding: Understanding, context: ChatContext) -> ChatDecision | None:
    """A complaint or a wish to talk to someone: the salon's people take over."""
    name = context.client_first_name
    if understanding.intent == "complaint":
        return ChatDecision(
            reply=f"Sinto muito pelo ocorrido, {name}. Já avisei a equipe"
            f" {of_salon(context.salon_name)}, que vai entrar em contato com você o quanto"
            " antes.",
            intent="complaint",
            complaint=True,
            handoff="complaint",
        )
    if understanding.intent == "handoff" or understanding.wants_person:
        return ChatDecision(
            reply=f"Claro, {name}! Já avisei a equipe: alguém do salão vai continuar a conversa"
            " com você por aqui assim que possível.",
            intent="handoff",
            handoff="client_asked",
        )
    return None


def _picked(
    text: str, understanding: Understanding, context: ChatContext, openings: SlotSource
) -> ChatDecision | None:
    """One of the proposed slots picked: asked for (or said taken, with others)."""
    name = context.client_first_name
    picked = chosen_slot(text, understanding, context)
    if picked is None:
        return None
    if not openings.is_open(picked):
        return _slot_gone(understanding, context, picked, openings)
    if picked.replaces_appointment_id is not None:
        return ChatDecision(
            reply=f"Perfeito, {name}! Pedi ao salão para passar seu horário de"
            f" {picked.service_name} para {slot_label(picked, context)}. Até a confirmação, seu"
            " horário atual continua marcado; te aviso por aqui.",
            intent="booking",
            book=picked,
        )
    return ChatDecision(
        reply=f"Perfeito, {name}! Pedi ao salão a confirmação do seu horário de"
        f" {picked.service_name} {slot_label(picked, context)}. Te aviso por aqui assim que"
        " confirmarem.",
        intent="booking",
        book=picked,
    )


def _about_visits(
    text: str,
    understanding: Understanding,
    context: ChatContext,
    openings: SlotSource,
    llm_reply: str | None,
) -> ChatDecision | None:
    """The client's own bookings (cancel, move, late, confirm) and the salon's facts."""
    intent, visit = understanding.intent, context.visit
    if intent == "cancel":
        return visits.cancel_request(text, understanding, context)
    if visit is not None and understanding.reschedules and intent != "booking":
        return visits.reschedule(understanding, context, visit, openings)  # REMARCAR
    if intent == "reschedule":
        return visits.reschedule_request(understanding, context, openings)
    if intent == "late":
        return visits.arrival_notice(understanding, context)
    if intent == "salon_info":
        return _salon_facts(understanding, context, llm_reply)
    if visit is not None and understanding.confirms:
        return _confirm_visit(context, visit)
    return None


def _answer_to_offer(
    understanding: Understanding, context: ChatContext, openings: SlotSource
) -> ChatDecision | None:
    """The client's "sim" or "não" to the open campaign offer. A "não" that asks for another
    booking ("não quero a progressiva, só um corte sexta") is left to the booking answer, which
    declines the offer too (`_declined`)."""
    name, offer = context.client_first_name, _offer_in_question(context)
    if offer is None:
        return None
    if understanding.affirmative:
        when = f"{offer.service_name} {slot_label(offer, context)}"
        reply = (
            f"Perfeito, {name}! Seu horário de {when} está confirmado. Até lá!"
            if offer.preapproved
            else f"Ótimo, {name}! Pedi ao salão a confirmação do seu horário de {when}."
            " Te aviso por aqui assim que confirmarem."
        )
        return ChatDecision(reply=reply, intent="booking", accept_offer=offer.auth_request_id)
    if not understanding.negative:
        return None
    booking = understanding.intent == "booking"
    if (
        understanding.service_id is None
        and understanding.asks
        and (understanding.another_time or booking)
    ):
        # "não posso nesse dia, tem outro?": other times of the offer's service.
        return _other_times(understanding, context, openings, offer)
    if booking and understanding.asks:
        return None
    # A long "no" says more than was read: "não, ela faleceu", "não, me mudei de cidade".
    more = f" {_stop_hint(context)}" if understanding.words > PLAIN_WORDS else ""
    return ChatDecision(
        reply=f"Sem problema, {name}! Quando quiser outro horário, é só chamar.{more}",
        intent=understanding.intent,
        decline_offer=offer.auth_request_id,
    )


def _offer_in_question(context: ChatContext) -> OpenOffer | None:
    """The open campaign offer a "sim" or "não" answers — unless slots proposed in the chat are
    the question now."""
    return None if context.proposed else context.open_offer


def _declined(understanding: Understanding, context: ChatContext) -> UUID | None:
    """The open offer a "não" that asks for another booking declines."""
    offer = _offer_in_question(context)
    if offer is None or not understanding.negative:
        return None
    return offer.auth_request_id


def _the_rest(
    understanding: Understanding,
    context: ChatContext,
    openings: SlotSource,
    llm_reply: str | None,
) -> ChatDecision:
    """Plain answers about the coming visit, a yes to proposed slots, a booking, small talk."""
    name, visit, offer = context.client_first_name, context.visit, context.open_offer
    plain_answer = not context.proposed and not _asks_something_new(understanding)
    if visit is not None and plain_answer and understanding.affirmative:
        return _confirm_visit(context, visit)
    if visit is not None and plain_answer and understanding.negative:
        return ChatDecision(
            reply=f"Sem problema, {name}. Quer cancelar seu horário de {visit.service_name}"
            f" {slot_label(visit, context)} ou prefere remarcar? Responda CANCELAR ou REMARCAR.",
            intent="cancel",
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
    if understanding.named_only and not context.proposed:
        # A service named in a message that asks nothing, with no day and no time, may say
        # anything ("a escova eu faço em casa agora"): ask, offer nothing yet.
        named = next((s.name for s in context.services if s.id == understanding.service_id), "")
        hint = f" {_stop_hint(context)}" if offer is not None else ""
        return ChatDecision(
            reply=f"{name}, quer marcar um horário{f' de {named}' if named else ''}? Me diga o"
            f" dia e o horário que prefere.{hint}",
            intent="booking",
        )
    if understanding.intent == "booking":
        free_slots = openings.for_request(understanding, context.proposed)
        answer = _booking_reply(understanding, context, free_slots)
        declined = _declined(understanding, context)
        return answer.model_copy(update={"decline_offer": declined}) if declined else answer
    if llm_reply:
        return ChatDecision(reply=llm_reply, intent=understanding.intent)
    if offer is not None and understanding.intent == "unknown":
        # An answer to an offer that was not understood may be a "stop" in words the rules do
        # not know: ask (the rule: when unsure, ask; never answer with an offer).
        return ChatDecision(
            reply=f"Desculpe, {name}, não entendi. Se quiser agendar, me diga o serviço e o dia."
            f" {_stop_hint(context)}",
            intent=understanding.intent,
        )
    return ChatDecision(reply=_plain_reply(understanding, context), intent=understanding.intent)


# A "não" to an offer is plain up to this many words; longer, it may say why ("ela faleceu").
PLAIN_WORDS = 8


def _asks_to_stop(context: ChatContext) -> str:
    return (
        f"quer parar de receber as ofertas {of_salon(context.salon_name)}? Responda SAIR e eu"
        " tiro seu número da lista."
    )


def _stop_hint(context: ChatContext) -> str:
    return (
        f"Se quiser parar de receber as ofertas {of_salon(context.salon_name)}, responda SAIR e eu"
        " tiro seu número da lista."
    )


def _other_times(
    understanding: Understanding, context: ChatContext, openings: SlotSource, offer: OpenOffer
) -> ChatDecision:
    """The offer declined and other free times of its service proposed."""
    service = next((s for s in context.services if s.name == offer.service_name), None)
    wanted = understanding.model_copy(
        update={"intent": "booking", "service_id": service.id if service else None}
    )
    free = [s for s in openings.for_request(wanted, ()) if s.starts_at != offer.starts_at]
    answer = _booking_reply(wanted, context, free)
    return answer.model_copy(update={"decline_offer": offer.auth_request_id})


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
            reply=f"Poxa, {name}, não encontrei horário livre para esse serviço"
            f" {'nesse dia' if understanding.day else 'nos próximos dias'}. Quer tentar outro dia"
            " ou outro profissional?",
            intent="booking",
        )
    if len(offered) == 1:
        only = offered[0]
        return ChatDecision(
            reply=f"{name}, tenho um horário de {only.service_name} {slot_label(only, context)}."
            " Posso pedir a confirmação ao salão? Responda SIM para pedir esse horário.",
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
    head = f"Poxa, {context.client_first_name}, esse horário {gone}."
    if not others.proposed:
        tail = " E não encontrei outro horário livre perto dele. Quer tentar outro dia?"
        return others.model_copy(update={"reply": head + tail})
    return others.model_copy(update={"reply": f"{head} {others.reply}"})


def _confirm_visit(context: ChatContext, visit: ComingVisit) -> ChatDecision:
    return ChatDecision(
        reply=f"Obrigado, {context.client_first_name}! Seu horário de {visit.service_name}"
        f" {slot_label(visit, context)} está confirmado. Até lá!",
        intent="booking",
        confirm_visit=None if visit.confirmed else visit.appointment_id,
    )


def _salon_facts(
    understanding: Understanding, context: ChatContext, llm_reply: str | None
) -> ChatDecision:
    """The salon's profile answers; a fact it lacks is checked with the salon (who is told)."""
    topics = understanding.topics or (() if llm_reply else ("address", "hours"))
    answer = facts_answer(
        context.profile,
        context.hours,
        topics,
        day=understanding.day,
        closed_days=context.closed_days,
        today=context.today,
    )
    flag = Flag(kind="missing_fact", topics=answer.missing) if answer.missing else None
    closed = understanding.day is not None and understanding.day in context.closed_days
    if llm_reply and not answer.missing and not closed:  # Gemini answered from the same profile
        return ChatDecision(reply=llm_reply, intent="salon_info")
    opening = "Boa pergunta" if len(answer.missing) == len(set(topics)) else "Claro"
    return ChatDecision(
        reply=f"{opening}, {context.client_first_name}! {answer.text}",
        intent="salon_info",
        flag=flag,
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
        asks = "o dia e o horário" if wanted else "o serviço, o dia e o horário"
        return f"{prices}. Quer agendar, {name}? Me diga {asks} que prefere."
    if understanding.intent == "hello":
        return (
            f"Olá, {name}! Aqui é o atendimento {of_salon(context.salon_name)}. Quer agendar um"
            " horário? Me diga o serviço e o dia que prefere."
        )
    return (
        f"Desculpe, {name}, não entendi. Quer agendar um horário? Me diga o serviço, o dia e o"
        " horário que prefere."
    )
