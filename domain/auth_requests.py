"""Decisions over auth requests: propose, approve, reject. Pure: each returns the command's
`Outcome` (result, events, WhatsApp messages, the change to the agenda); the actor stores it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.agenda import Agenda, AgendaChange
from domain.commands import (
    AuthRequestCreatedResult,
    CreateAuthRequest,
    DecideAuthRequest,
    DecisionResult,
)
from domain.errors import (
    AlreadyDecidedError,
    DuplicateCommandError,
    InvalidCommandError,
    SlotTakenError,
)
from domain.events import (
    AppointmentCreatedData,
    AuthRequestCreatedData,
    AuthRequestRejectedData,
    AuthRequestView,
)
from domain.free_time import check_slot_open, find_conflict
from domain.models import (
    Appointment,
    AppointmentData,
    AppointmentStatus,
    AuthRequest,
    AuthRequestStatus,
    Client,
    Offer,
    Professional,
    Service,
)
from domain.outcome import OutboundMessage, Outcome
from domain.whatsapp_texts import booking_confirmation_text


def apply_offer(price_cents: int, offer: Offer | None) -> int:
    if offer is None:
        return price_cents
    if offer.type == "percent":
        if offer.value > 100:
            raise InvalidCommandError("a percent offer cannot exceed 100")
        return price_cents - (price_cents * offer.value + 50) // 100
    if offer.value > price_cents:
        raise InvalidCommandError("an amount offer cannot exceed the service price")
    return price_cents - offer.value


def build_appointment_data(
    *,
    client: Client,
    service: Service,
    professional: Professional,
    starts_at: datetime,
    time_zone: str,
    offer: Offer | None,
) -> AppointmentData:
    local = starts_at.astimezone(ZoneInfo(time_zone))
    ends_at = starts_at + timedelta(minutes=service.duration_min)
    return AppointmentData(
        client_id=client.id,
        client_name=client.name,
        service_id=service.id,
        service_name=service.name,
        professional_id=professional.id,
        professional_name=professional.name,
        date=local.date().isoformat(),
        time=local.strftime("%H:%M"),
        starts_at=starts_at,
        ends_at=ends_at,
        duration_min=service.duration_min,
        price_cents=service.price_cents,
        final_price_cents=apply_offer(service.price_cents, offer),
        offer=offer,
    )


def new_request(
    command: CreateAuthRequest,
    *,
    data: AppointmentData,
    request_id: UUID,
    now: datetime,
    campaign_run_id: UUID | None = None,
) -> tuple[AuthRequest, AuthRequestCreatedData]:
    request = AuthRequest(
        id=request_id,
        status=AuthRequestStatus.PENDING,
        created_by_agent=command.created_by_agent,
        appointment_data=data,
        created_at=now,
        command_id=command.command_id,
        campaign_run_id=campaign_run_id,
    )
    event = AuthRequestCreatedData(
        auth_request=AuthRequestView(
            id=request.id,
            appointment_data=data,
            created_by_agent=request.created_by_agent,
            created_at=now,
        )
    )
    return request, event


@dataclass(frozen=True)
class Approval:
    request: AuthRequest
    appointment: Appointment
    event: AppointmentCreatedData


@dataclass(frozen=True)
class Rejection:
    request: AuthRequest
    event: AuthRequestRejectedData


def repeats_decision(request: AuthRequest, command: DecideAuthRequest) -> bool:
    """A decision already taken, asked again: the caller returns the stored result."""
    wanted = (
        AuthRequestStatus.APPROVED
        if command.decision == "approve"
        else (AuthRequestStatus.REJECTED)
    )
    return request.status == wanted


def ensure_pending(request: AuthRequest) -> None:
    if request.status != AuthRequestStatus.PENDING:
        raise AlreadyDecidedError(f"auth request {request.id} was already {request.status.value}")


def approve(
    request: AuthRequest, command: DecideAuthRequest, *, appointment_id: UUID, now: datetime
) -> Approval:
    ensure_pending(request)
    data = request.appointment_data
    appointment = Appointment(
        id=appointment_id,
        client_id=data.client_id,
        professional_id=data.professional_id,
        service_id=data.service_id,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        status=AppointmentStatus.BOOKED,
        price_cents=data.final_price_cents,
        auth_request_id=request.id,
    )
    decided = request.model_copy(
        update={
            "status": AuthRequestStatus.APPROVED,
            "decided_at": now,
            "decided_by": command.decided_by,
            "notes": command.notes,
            "appointment_id": appointment_id,
        }
    )
    event = AppointmentCreatedData(
        appointment_id=appointment_id,
        auth_request_id=request.id,
        client_id=data.client_id,
        client_name=data.client_name,
        professional_id=data.professional_id,
        professional_name=data.professional_name,
        service_id=data.service_id,
        service_name=data.service_name,
        date=data.date,
        time=data.time,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        price_cents=data.final_price_cents,
    )
    return Approval(request=decided, appointment=appointment, event=event)


def reject(request: AuthRequest, command: DecideAuthRequest, *, now: datetime) -> Rejection:
    ensure_pending(request)
    decided = request.model_copy(
        update={
            "status": AuthRequestStatus.REJECTED,
            "decided_at": now,
            "decided_by": command.decided_by,
            "notes": command.notes,
        }
    )
    return Rejection(
        request=decided,
        event=AuthRequestRejectedData(auth_request_id=request.id, notes=command.notes),
    )


def propose_booking(
    agenda: Agenda, command: CreateAuthRequest, *, request_id: UUID, now: datetime
) -> Outcome[AuthRequestCreatedResult]:
    """An agent's proposal for a real open slot of this salon, pending the owner's decision."""
    client, service, professional = agenda.booking_parts(
        command.client_id, command.service_id, command.professional_id
    )
    if professional.service_ids and service.id not in professional.service_ids:
        raise InvalidCommandError(f"{professional.name} does not perform {service.name}")
    if command.starts_at <= now:
        raise InvalidCommandError("a proposed appointment must start in the future")
    data = build_appointment_data(
        client=client,
        service=service,
        professional=professional,
        starts_at=command.starts_at,
        time_zone=agenda.time_zone,
        offer=command.offer,
    )
    check_slot_open(
        appointments=agenda.upcoming.values(),
        hours=agenda.working_hours,
        professional_id=professional.id,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        time_zone=agenda.time_zone,
    )
    request, event = new_request(command, data=data, request_id=request_id, now=now)
    return Outcome(
        result=AuthRequestCreatedResult(auth_request_id=request.id, created=True),
        events=(event,),
        change=AgendaChange(requests_added=(request,)),
    )


def repeated_proposal(
    existing: AuthRequest, command: CreateAuthRequest
) -> AuthRequestCreatedResult:
    """The same command id again: the first result, unless it asked for something else."""
    data = existing.appointment_data
    same = (
        data.client_id == command.client_id
        and data.service_id == command.service_id
        and data.professional_id == command.professional_id
        and data.starts_at == command.starts_at
    )
    if not same:
        raise DuplicateCommandError(
            f"command id {command.command_id} was already used for another auth request"
        )
    return AuthRequestCreatedResult(auth_request_id=existing.id, created=False)


def decide_request(
    agenda: Agenda,
    request: AuthRequest,
    command: DecideAuthRequest,
    *,
    new_id: Callable[[], UUID],
    now: datetime,
) -> Outcome[DecisionResult]:
    """Approve (book the slot, confirm to the client) or reject a pending request."""
    if command.decision == "reject":
        rejection = reject(request, command, now=now)
        return Outcome(
            result=DecisionResult(
                decision="reject",
                auth_request_id=request.id,
                appointment_id=None,
                client_notification_sent=False,
            ),
            events=(rejection.event,),
            change=AgendaChange(requests_decided=(rejection.request,)),
        )
    ensure_pending(request)
    data = request.appointment_data
    conflict = find_conflict(
        agenda.upcoming.values(),
        professional_id=data.professional_id,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
    )
    if conflict is not None:
        raise SlotTakenError(
            f"{data.professional_name} is already booked at {data.date} {data.time}"
            f" (appointment {conflict.id}); the request stays pending"
        )
    approval = approve(request, command, appointment_id=new_id(), now=now)
    confirmation = OutboundMessage(
        message_id=new_id(),
        client_id=data.client_id,
        kind="transactional",
        body=booking_confirmation_text(data, agenda.tenant.name),
        related_id=request.id,
    )
    return Outcome(
        # The WhatsApp sender delivers the confirmation later: nothing was sent yet.
        result=DecisionResult(
            decision="approve",
            auth_request_id=request.id,
            appointment_id=approval.appointment.id,
            client_notification_sent=False,
        ),
        events=(approval.event,),
        messages=(confirmation,),
        change=AgendaChange(
            requests_decided=(approval.request,), appointments_added=(approval.appointment,)
        ),
    )


def stored_decision(
    request: AuthRequest, command: DecideAuthRequest, *, notification_sent: bool
) -> DecisionResult:
    """A decision asked again: the stored result (and whether the client was told by now)."""
    return DecisionResult(
        decision=command.decision,
        auth_request_id=request.id,
        appointment_id=request.appointment_id,
        client_notification_sent=notification_sent,
    )
