"""The chat agent's answer to one message, pure: the decision over the salon's current agenda,
and everything it stores — the reply, the booking it asks for, the flags, the events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from domain import auth_requests
from domain.agenda import Agenda, AgendaChange, AppointmentUpdate, ConsentChange
from domain.appointments import updated_event as appointment_updated
from domain.approvals import book
from domain.auth_requests import with_client_state
from domain.chat_agent import ChatDecision, decide
from domain.chat_context import Flag
from domain.chat_media import media_answer, media_flag, reads_as_text
from domain.chat_reading import Reading
from domain.chat_situation import InboundMessage, Openings, alternatives_for, chat_context
from domain.commands import CreateAuthRequest
from domain.errors import SalonClosedError, SlotTakenError
from domain.events import (
    AiResponseData,
    AuthRequestCreatedData,
    ClientNoticeData,
    ClientOptedInData,
    ClientOptedOutData,
    ComplaintReceivedData,
    ConversationPausedData,
    EventData,
)
from domain.models import Agent, AppointmentStatus, AuthRequest, ClientState
from domain.outcome import OutboundMessage, Outcome, whatsapp_message
from domain.vocabulary import SEED_INTENT, Engine
from domain.whatsapp_texts import offer_filled_text, salon_message_text


@dataclass(frozen=True)
class AgentReply:
    """The rows an answer writes besides the agenda's change: the client's message answered,
    the agent's reply, and the slots now proposed in the conversation."""

    inbound: InboundMessage
    reply_id: UUID
    decision: ChatDecision
    engine: Engine
    auth_request_id: UUID | None  # the booking created, or the campaign offer accepted
    at: datetime
    paused_until: datetime | None = None  # handed over to the salon's people until then

    @property
    def proposed(self) -> list[dict[str, Any]]:
        return [p.model_dump(mode="json", exclude_none=True) for p in self.decision.proposed]

    @property
    def awaiting(self) -> dict[str, Any] | None:
        awaiting = self.decision.awaiting
        return None if awaiting is None else awaiting.model_dump(mode="json")

    @property
    def silent(self) -> bool:
        """Nothing to answer (a sticker): the message is only marked seen."""
        return not self.decision.reply


@dataclass(frozen=True)
class ChatAnswer:
    outcome: Outcome[None]
    reply: AgentReply


def answer_message(
    agenda: Agenda,
    inbound: InboundMessage,
    reading: Reading,
    *,
    now: datetime,
    new_id: Callable[[], UUID],
) -> ChatAnswer:
    context = chat_context(agenda, inbound, now)
    if reads_as_text(inbound.kind, inbound.body, inbound.transcript):
        decision = decide(
            inbound.text,
            reading.understanding,
            context,
            openings=Openings(agenda, now),
            llm_reply=reading.llm_reply,
        )
    else:
        decision = media_answer(inbound.kind, context)
    client = agenda.clients[inbound.client_id]
    events: list[EventData] = []
    booking = _booking(agenda, inbound, decision, request_id=new_id(), now=now)
    if booking is not None:
        request, created = booking
        events.append(created)
    # What the client says is stored even when memory already agrees: another writer (an
    # import, the customer's services) may have changed the row behind the salon's memory.
    # The owner is told only of a change.
    if decision.opt_out and not client.marketing_opt_out:
        events.append(ClientOptedOutData(client_id=client.id, source="chat"))
    # Asking for offers is consent: from a client who had stopped them, or never gave it.
    if decision.opt_in and (client.marketing_opt_out or not client.marketing_consent):
        events.append(ClientOptedInData(client_id=client.id, source="chat"))
    consent = (
        (
            ConsentChange(
                client.id, granted=decision.opt_in, source="chat", text=inbound.body[:1000]
            ),
        )
        if decision.opt_out or decision.opt_in
        else ()
    )
    if decision.complaint:
        events.append(
            ComplaintReceivedData(
                conversation_id=inbound.conversation_id,
                client_id=client.id,
                client_name=client.name,
                message=inbound.body,
            )
        )
    offer_change, offer_events, offer_messages, decision = _answer_to_offer(
        agenda, decision, now, new_id
    )
    events.extend(offer_events)
    visit_change, visit_events = _answer_to_visit(agenda, decision, now)
    events.extend(visit_events)
    linked = booking[0].id if booking is not None else decision.accept_offer
    paused_until = None
    if decision.handoff is not None:
        paused_until = now + timedelta(hours=agenda.settings.handoff_resume_h)
        events.append(
            ConversationPausedData(
                conversation_id=inbound.conversation_id,
                client_id=client.id,
                client_name=client.name,
                reason=decision.handoff,
                paused_until=paused_until,
            )
        )
    for flag in (decision.flag, media_flag(inbound.kind)):
        if flag is not None:
            events.append(_notice(agenda, inbound, client.name, flag))
    reply = AgentReply(
        inbound=inbound,
        reply_id=new_id(),
        decision=decision,
        engine=reading.engine,
        auth_request_id=linked,
        at=now,
        paused_until=paused_until,
    )
    replies: tuple[OutboundMessage, ...] = ()
    if not reply.silent:
        events.append(
            AiResponseData(
                conversation_id=inbound.conversation_id,
                message_id=reply.reply_id,
                client_id=client.id,
                message=decision.reply,
                intent=SEED_INTENT[decision.intent],
                intent_detail=decision.intent,
                booking_created=booking is not None,
                auth_request_id=linked,
                engine=reading.engine,
            )
        )
        # A reply to a client's own message is never held by the marketing send window.
        replies = (
            whatsapp_message(
                message_id=new_id(),
                client_id=client.id,
                kind="transactional",
                text=salon_message_text(
                    decision.reply, client_name=client.name, salon_name=agenda.tenant.name
                ),
                related_id=reply.reply_id,
            ),
        )
    change = (
        AgendaChange(
            requests_added=(booking[0],) if booking is not None else (),
            consents=consent,
        )
        .plus(offer_change)
        .plus(visit_change)
    )
    messages = (*replies, *offer_messages)
    outcome = Outcome(result=None, events=tuple(events), messages=messages, change=change)
    return ChatAnswer(outcome=outcome, reply=reply)


def _notice(
    agenda: Agenda, inbound: InboundMessage, client_name: str, flag: Flag
) -> ClientNoticeData:
    visit = flag.visit
    local = visit.starts_at.astimezone(agenda.zone) if visit else None
    return ClientNoticeData(
        conversation_id=inbound.conversation_id,
        client_id=inbound.client_id,
        client_name=client_name,
        kind=flag.kind,
        message=inbound.text,
        message_id=inbound.message_id,
        appointment_id=visit.appointment_id if visit else None,
        starts_at=visit.starts_at if visit else None,
        service_name=visit.service_name if visit else None,
        professional_name=visit.professional_name if visit else None,
        date=f"{local:%Y-%m-%d}" if local else None,
        time=f"{local:%H:%M}" if local else None,
        minutes=flag.minutes,
        topics=list(flag.topics),
        media_kind=flag.media_kind,
    )


def _answer_to_offer(
    agenda: Agenda, decision: ChatDecision, now: datetime, new_id: Callable[[], UUID]
) -> tuple[AgendaChange, list[EventData], list[OutboundMessage], ChatDecision]:
    """The client's "sim" or "não" to an open campaign offer.

    "não" closes it (its time and the client are free again); "sim" marks it accepted, for the
    owner to approve — or, when the owner pre-approved it, books it at once (the chat's reply is
    the confirmation).
    """
    answered = decision.accept_offer or decision.decline_offer
    offer = agenda.pending.get(answered) if answered else None
    if offer is None:
        return AgendaChange(), [], [], decision
    if decision.decline_offer:
        declined, event = with_client_state(offer, ClientState.DECLINED, now=now)
        return AgendaChange(requests_decided=(declined,)), [event], [], decision
    accepted, event = with_client_state(offer, ClientState.ACCEPTED, now=now)
    if not offer.preapproved:
        return AgendaChange(requests_updated=(accepted,)), [event], [], decision
    try:
        booked = book(
            agenda,
            accepted,
            decided_by=offer.preapproved_by,
            notes=offer.notes,
            now=now,
            new_id=new_id,
            confirm=False,
        )
    except (SlotTakenError, SalonClosedError):  # booked meanwhile, or the salon closed that day
        withdrawn, event = with_client_state(offer, ClientState.WITHDRAWN, now=now)
        instead = alternatives_for(agenda, offer.appointment_data, now)
        filled = decision.model_copy(
            update={
                "reply": offer_filled_text(
                    offer.appointment_data, instead.phrase, salon_name=agenda.tenant.name
                ).text,
                "accept_offer": None,
                "proposed": instead.slots,
            }
        )
        return AgendaChange(requests_decided=(withdrawn,)), [event], [], filled
    return booked.change, [event, *booked.events], list(booked.messages), decision


def _answer_to_visit(
    agenda: Agenda, decision: ChatDecision, now: datetime
) -> tuple[AgendaChange, list[EventData]]:
    """The client's CONFIRMO or CANCELAR about their coming booking (the chat's reply says it
    to the client; the salon sees `appointment_updated` with `by_client`)."""
    visit_id = decision.confirm_visit or decision.cancel_visit
    visit = agenda.upcoming.get(visit_id) if visit_id else None
    if visit is None or visit.status != AppointmentStatus.BOOKED:
        return AgendaChange(), []
    if decision.cancel_visit:
        after = visit.model_copy(
            update={
                "status": AppointmentStatus.CANCELLED,
                "status_reason": "cancelado pelo cliente no WhatsApp",
            }
        )
    else:
        after = visit.model_copy(update={"client_confirmed_at": now})
    event = appointment_updated(agenda, after, visit, changed_by=None, by_client=True)
    return AgendaChange(appointments_updated=(AppointmentUpdate(visit, after),)), [event]


def _booking(
    agenda: Agenda,
    inbound: InboundMessage,
    decision: ChatDecision,
    *,
    request_id: UUID,
    now: datetime,
) -> tuple[AuthRequest, AuthRequestCreatedData] | None:
    """The auth request for the slot the client picked (the decision checked it is open)."""
    slot = decision.book
    if slot is None:
        return None
    create = CreateAuthRequest(
        command_id=f"chat:{inbound.message_id}",
        created_by_agent=Agent.CHAT,
        client_id=inbound.client_id,
        service_id=slot.service_id,
        professional_id=slot.professional_id,
        starts_at=slot.starts_at,
        replaces_appointment_id=slot.replaces_appointment_id,
    )
    return auth_requests.request_for(
        agenda, create, request_id=request_id, now=now, client_state=ClientState.REQUESTED
    )
