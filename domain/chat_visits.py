"""The chat agent on the client's own bookings, pure: cancel one (named, confirmed, then
cancelled), move one (real open slots for the same service and professional; the pick becomes a
request linked to the booking it replaces), tell the salon the client is late, on the way or
there, and answer the question the agent asked about them ("qual deles?", "confirma?").

The client is the sender: only their own bookings are ever listed, cancelled or moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from zoneinfo import ZoneInfo

from domain.chat_context import (
    MAX_PROPOSED,
    Awaiting,
    ChatContext,
    ChatDecision,
    ComingVisit,
    Flag,
    SlotSource,
    pick,
    slot_label,
)
from domain.chat_rules import Understanding, normalize
from domain.salon_profile import sentence

# "Vou atrasar" is about a booking under way or starting within this time.
ARRIVAL_HORIZON = timedelta(hours=6)
# A reminder's answer made of nothing but these words cancels at once: the reminder named the
# booking and asked "CANCELAR?" (any other wording is named back and confirmed first).
BARE_CANCEL_WORDS = frozenset(
    {"cancelar", "cancela", "cancelo", "quero", "pode", "por", "favor", "o", "meu", "horario", "|"}
)


def visit_label(visit: ComingVisit, context: ChatContext) -> str:
    """'Corte feminino amanhã (06/12) às 15:00 com Carol'."""
    return f"{visit.service_name} {slot_label(visit, context)}"


def visit_phrase(visit: ComingVisit, context: ChatContext) -> str:
    """'Corte feminino de amanhã (06/12) às 15:00 com Carol', inside a sentence."""
    return f"{visit.service_name} de {slot_label(visit, context)}"


def _numbered(visits: Sequence[ComingVisit], context: ChatContext) -> str:
    return "; ".join(f"{i + 1}) {visit_label(v, context)}" for i, v in enumerate(visits))


def _policy_note(visit: ComingVisit, context: ChatContext) -> str:
    """The salon's cancellation policy, when cancelling this booking now falls under it."""
    hours_before = (visit.starts_at - context.now).total_seconds() / 3600
    if not context.profile.within_cancellation_window(hours_before):
        return ""
    return f" Atenção: {sentence(context.profile.cancellation_policy or '')}"


def _matching(
    understanding: Understanding, context: ChatContext, *, by_time: bool
) -> list[ComingVisit]:
    """The client's bookings that fit what the message names (service, professional and, for a
    cancel, the day and time of the booking)."""
    zone = ZoneInfo(context.time_zone)
    found = []
    for visit in coming(context):
        local = visit.starts_at.astimezone(zone)
        if understanding.service_id not in (None, visit.service_id):
            continue
        if understanding.professional_id not in (None, visit.professional_id):
            continue
        if by_time and understanding.day not in (None, local.date()):
            continue
        if by_time and understanding.at not in (None, local.time()):
            continue
        found.append(visit)
    return found


def coming(context: ChatContext) -> list[ComingVisit]:
    """The client's bookings still ahead (those under way can no longer be cancelled or moved)."""
    return [v for v in context.bookings if v.starts_at > context.now]


def _no_booking(context: ChatContext, action: str) -> ChatDecision:
    return ChatDecision(
        reply=f"{context.client_first_name}, não encontrei nenhum horário marcado no seu nome"
        f" para {action}. Se quiser agendar um novo, me diga o serviço e o dia que prefere.",
        intent="cancel" if action == "cancelar" else "reschedule",
    )


# --- cancel -------------------------------------------------------------------------------------
def cancel_request(text: str, understanding: Understanding, context: ChatContext) -> ChatDecision:
    """Name the booking and ask to confirm; several: ask which."""
    name = context.client_first_name
    if not coming(context):
        return _no_booking(context, "cancelar")
    visit = context.visit
    bare = set(normalize(text).split()) <= BARE_CANCEL_WORDS
    if visit is not None and bare and understanding.cancels:
        return cancelled(visit, context)
    candidates = _matching(understanding, context, by_time=True)
    if len(candidates) == 1:
        return confirm_cancel(candidates[0], context)
    listed = candidates or coming(context)
    if len(listed) == 1:  # the one named is not theirs; they have one other
        only = listed[0]
        return confirm_cancel(
            only, context, opening=f"{name}, não encontrei esse horário, mas você tem"
        )
    opening = f"{name}, você tem" if candidates else f"{name}, não encontrei esse horário. Você tem"
    return ChatDecision(
        reply=f"{opening} estes horários marcados: {_numbered(listed, context)}."
        " Qual deles você quer cancelar? Responda com o número.",
        intent="cancel",
        awaiting=Awaiting(
            kind="cancel_pick", appointment_ids=tuple(v.appointment_id for v in listed)
        ),
    )


def confirm_cancel(
    visit: ComingVisit, context: ChatContext, *, opening: str | None = None
) -> ChatDecision:
    name = context.client_first_name
    question = (
        f"{opening} um horário de {visit_phrase(visit, context)}. É esse que você quer cancelar?"
        if opening
        else f"{name}, você quer cancelar seu horário de {visit_phrase(visit, context)}?"
    )
    return ChatDecision(
        reply=f"{question}{_policy_note(visit, context)} Responda SIM para cancelar ou NÃO para"
        " manter.",
        intent="cancel",
        awaiting=Awaiting(kind="cancel_confirm", appointment_ids=(visit.appointment_id,)),
    )


def cancelled(visit: ComingVisit, context: ChatContext) -> ChatDecision:
    note = _policy_note(visit, context).replace(" Atenção:", " Lembrando:")
    return ChatDecision(
        reply=f"Pronto, {context.client_first_name}! Cancelei seu horário de"
        f" {visit_phrase(visit, context)}.{note} Quando quiser marcar outro, é só chamar por"
        " aqui.",
        intent="cancel",
        cancel_visit=visit.appointment_id,
    )


# --- reschedule ---------------------------------------------------------------------------------
def reschedule_request(
    understanding: Understanding, context: ChatContext, openings: SlotSource
) -> ChatDecision:
    """Open slots to move the booking to; several bookings: ask which first. With none, no new
    booking starts (a move never books the client twice)."""
    if not coming(context):
        return _no_booking(context, "remarcar")
    candidates = _matching(understanding, context, by_time=False) or coming(context)
    if len(candidates) == 1:
        return reschedule(understanding, context, candidates[0], openings)
    return ChatDecision(
        reply=f"{context.client_first_name}, você tem estes horários marcados:"
        f" {_numbered(candidates, context)}. Qual deles você quer remarcar? Responda com o número.",
        intent="reschedule",
        awaiting=Awaiting(
            kind="reschedule_pick", appointment_ids=tuple(v.appointment_id for v in candidates)
        ),
    )


def reschedule(
    understanding: Understanding, context: ChatContext, visit: ComingVisit, openings: SlotSource
) -> ChatDecision:
    """Other times for the booking: those asked for ("remarcar para sexta"), else the nearest,
    with the same professional first; picking one asks the salon to move the booking."""
    name = context.client_first_name
    asks = any(
        v is not None for v in (understanding.day, understanding.at, understanding.part_of_day)
    )
    if asks:
        wanted = understanding.model_copy(
            update={
                "intent": "booking",
                "service_id": visit.service_id,
                "professional_id": understanding.professional_id or visit.professional_id,
            }
        )
        found = openings.for_request(wanted, ())
        if not found and understanding.professional_id is None:  # anyone else then
            found = openings.for_request(wanted.model_copy(update={"professional_id": None}), ())
    else:
        found = openings.nearest(visit.service_id, visit.professional_id, visit.starts_at)
    slots = tuple(
        s.model_copy(update={"replaces_appointment_id": visit.appointment_id})
        for s in found[:MAX_PROPOSED]
        if s.starts_at != visit.starts_at or s.professional_id != visit.professional_id
    )
    current = slot_label(visit, context)
    where = "nesse dia" if understanding.day else "nesse horário" if asks else "nos próximos dias"
    if not slots:
        return ChatDecision(
            reply=f"Poxa, {name}, não encontrei outro horário livre para {visit.service_name}"
            f" {where}. Seu horário de {current} continua marcado; quer tentar outro dia?",
            intent="reschedule",
        )
    options = "; ".join(f"{i + 1}) {slot_label(s, context)}" for i, s in enumerate(slots))
    return ChatDecision(
        reply=f"Claro, {name}! Para remarcar seu horário de {visit.service_name} de {current},"
        f" tenho estes horários: {options}. Responda com o número.",
        intent="reschedule",
        proposed=slots,
    )


# --- the answer to the agent's question ---------------------------------------------------------
def answer_awaiting(
    text: str, understanding: Understanding, context: ChatContext, openings: SlotSource
) -> ChatDecision | None:
    """The client's answer to "quer mesmo cancelar?" or "qual deles?"; None: they moved on."""
    awaiting = context.awaiting
    if awaiting is None:
        return None
    asked = [v for v in coming(context) if v.appointment_id in awaiting.appointment_ids]
    if not asked:
        return None  # cancelled or moved meanwhile
    if awaiting.kind == "cancel_confirm":
        visit = asked[0]
        if understanding.affirmative or understanding.cancels:
            return cancelled(visit, context)
        if understanding.negative:
            return ChatDecision(
                reply=f"Combinado, {context.client_first_name}! Seu horário de"
                f" {visit_phrase(visit, context)} continua marcado.",
                intent="cancel",
            )
        return None
    chosen = pick(text, understanding, asked, time_zone=context.time_zone)
    if chosen is None:
        return None
    if awaiting.kind == "cancel_pick":
        return cancelled(chosen, context)
    plain = understanding.model_copy(update={"day": None, "at": None, "part_of_day": None})
    return reschedule(plain, context, chosen, openings)


# --- late, on the way, arrived ------------------------------------------------------------------
def arrival_notice(understanding: Understanding, context: ChatContext) -> ChatDecision:
    """Acknowledge it and tell the salon, tied to the client's booking today if they have one."""
    name = context.client_first_name
    zone = ZoneInfo(context.time_zone)
    soon = [v for v in context.bookings if v.starts_at <= context.now + ARRIVAL_HORIZON]
    visit = min(soon, key=lambda v: abs((v.starts_at - context.now).total_seconds()), default=None)
    kind = understanding.notice or "late"
    minutes = understanding.late_min
    flag = Flag(kind=kind, visit=visit, minutes=minutes)
    at = (
        f" para o seu horário de {visit.service_name} das {visit.starts_at.astimezone(zone):%H:%M}"
        if visit
        else ""
    )
    if kind == "arrived":
        reply = f"Que bom, {name}! Já avisei o salão que você chegou{at}. Em instantes te chamam."
    elif kind == "on_the_way":
        reply = f"Combinado, {name}! Já avisei o salão que você está a caminho{at}. Até já!"
    else:
        late = f" uns {minutes} minutos" if minutes and minutes > 1 else ""
        reply = (
            f"Obrigado por avisar, {name}! Já passei o recado para o salão: você vai se"
            f" atrasar{late}{at}. Se não der mais para vir, me avise por aqui."
        )
    return ChatDecision(reply=reply, intent="late", flag=flag)
