"""What the chat desk looks at before it answers: the client's situation in the salon's agenda.

Plain functions over the agenda snapshot, so the actor stays a thin sequence of steps.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from db.agenda import AgendaSnapshot
from db.chat import PendingInbound
from domain import auth_requests
from domain.chat_agent import ChatContext, ChatDecision, OpenOffer, ProposedSlot
from domain.chat_rules import Understanding
from domain.chat_slots import propose_slots
from domain.commands import CreateAuthRequest
from domain.errors import OutsideWorkingHoursError, SlotTakenError
from domain.events import AuthRequestCreatedData
from domain.free_slots import Busy, busy_from
from domain.models import Agent, AuthRequest
from domain.slots import check_slot_open, overlaps

CAMPAIGN_AGENTS = {Agent.PRAZO_CERTO, Agent.ENCHER_AGENDA}


def agenda_busy(state: AgendaSnapshot) -> list[Busy]:
    """Time that cannot be offered: bookings, and slots already proposed to someone."""
    return busy_from(state.upcoming.values()) + [
        Busy(
            professional_id=r.appointment_data.professional_id,
            starts_at=r.appointment_data.starts_at,
            ends_at=r.appointment_data.ends_at,
        )
        for r in state.pending.values()
    ]


def chat_context(state: AgendaSnapshot, inbound: PendingInbound, now: datetime) -> ChatContext:
    client = state.clients[inbound.client_id]
    offers = [
        r
        for r in state.pending.values()
        if r.appointment_data.client_id == client.id and r.created_by_agent in CAMPAIGN_AGENTS
    ]
    offer = max(offers, key=lambda r: r.created_at, default=None)
    zone = ZoneInfo(state.tenant.time_zone)
    return ChatContext(
        salon_name=state.tenant.name,
        time_zone=state.tenant.time_zone,
        client_first_name=client.name.split(" ")[0],
        today=now.astimezone(zone).date(),
        services=tuple(sorted(state.services.values(), key=lambda s: s.name)),
        proposed=tuple(ProposedSlot.model_validate(p) for p in inbound.proposed),
        open_offer=None
        if offer is None
        else OpenOffer(
            auth_request_id=offer.id,
            service_name=offer.appointment_data.service_name,
            professional_name=offer.appointment_data.professional_name,
            starts_at=offer.appointment_data.starts_at,
        ),
    )


def free_slots_for(
    state: AgendaSnapshot, understanding: Understanding, context: ChatContext, now: datetime
) -> list[ProposedSlot]:
    """Open slots for the service asked (or the one of the slots proposed last)."""
    service_id = understanding.service_id or (
        context.proposed[0].service_id if context.proposed else None
    )
    service = state.services.get(service_id) if service_id else None
    if service is None:
        return []
    return propose_slots(
        understanding,
        service=service,
        professionals=state.professionals.values(),
        hours=state.working_hours,
        busy=agenda_busy(state),
        now=now,
        time_zone=context.time_zone,
    )


def chat_booking(
    state: AgendaSnapshot,
    decision: ChatDecision,
    inbound: PendingInbound,
    *,
    request_id: UUID,
    now: datetime,
) -> tuple[AuthRequest, AuthRequestCreatedData] | None:
    """The auth request for the slot the client picked, unless it was taken meanwhile."""
    slot = decision.book
    if slot is None:
        return None
    service = state.services[slot.service_id]
    create = CreateAuthRequest(
        command_id=f"chat:{inbound.message_id}",
        created_by_agent=Agent.CHAT,
        client_id=inbound.client_id,
        service_id=slot.service_id,
        professional_id=slot.professional_id,
        starts_at=slot.starts_at,
    )
    data = auth_requests.build_appointment_data(
        client=state.clients[inbound.client_id],
        service=service,
        professional=state.professionals[slot.professional_id],
        starts_at=slot.starts_at,
        time_zone=state.tenant.time_zone,
        offer=None,
    )
    ends_at = data.starts_at + timedelta(minutes=service.duration_min)
    # Bookings and slots already proposed to someone else (two clients saying "sim" to one slot).
    if any(
        b.professional_id == slot.professional_id
        and overlaps(b.starts_at, b.ends_at, data.starts_at, ends_at)
        for b in agenda_busy(state)
    ):
        return None
    try:
        check_slot_open(
            appointments=state.upcoming.values(),
            hours=state.working_hours,
            professional_id=slot.professional_id,
            starts_at=data.starts_at,
            ends_at=data.starts_at + timedelta(minutes=service.duration_min),
            time_zone=state.tenant.time_zone,
        )
    except (SlotTakenError, OutsideWorkingHoursError):
        return None
    return auth_requests.propose(create, data=data, request_id=request_id, now=now)
