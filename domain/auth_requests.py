"""Auth requests, pure: what one proposes (the card's data, priced with its offer), and what
approving (an appointment) or rejecting it makes of it. The commands' decisions that use these:
domain/approvals.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.agenda import Agenda
from domain.commands import (
    CreateAuthRequest,
    DecideAuthRequest,
)
from domain.errors import (
    AlreadyDecidedError,
    InvalidCommandError,
)
from domain.events import (
    AppointmentCreatedData,
    AuthRequestCreatedData,
    AuthRequestRejectedData,
    AuthRequestUpdatedData,
    AuthRequestView,
)
from domain.models import (
    Appointment,
    AppointmentData,
    AppointmentStatus,
    AuthRequest,
    AuthRequestStatus,
    Client,
    ClientState,
    Offer,
    Professional,
    Service,
)


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
    client_state: ClientState = ClientState.PROPOSED,
    expires_at: datetime | None = None,
) -> tuple[AuthRequest, AuthRequestCreatedData]:
    request = AuthRequest(
        id=request_id,
        status=AuthRequestStatus.PENDING,
        created_by_agent=command.created_by_agent,
        appointment_data=data,
        created_at=now,
        command_id=command.command_id,
        campaign_run_id=campaign_run_id,
        client_state=client_state,
        client_state_at=now,
        expires_at=expires_at,
        replaces_appointment_id=command.replaces_appointment_id,
    )
    event = AuthRequestCreatedData(
        auth_request=AuthRequestView(
            id=request.id,
            appointment_data=data,
            created_by_agent=request.created_by_agent,
            created_at=now,
            client_state=client_state.value,
            expires_at=expires_at,
            campaign_run_id=campaign_run_id,
            replaces_appointment_id=command.replaces_appointment_id,
        )
    )
    return request, event


def with_client_state(
    request: AuthRequest, state: ClientState, *, now: datetime
) -> tuple[AuthRequest, AuthRequestUpdatedData]:
    """The client's side moved; a declined, expired or withdrawn request closes."""
    closed = state.closes
    changed = request.model_copy(
        update={
            "client_state": state,
            "client_state_at": now,
            "status": AuthRequestStatus.CLOSED if closed else request.status,
        }
    )
    return changed, updated_event(changed)


def updated_event(request: AuthRequest) -> AuthRequestUpdatedData:
    return AuthRequestUpdatedData(
        auth_request_id=request.id,
        status=request.status.value,
        client_state=request.client_state.value,
        preapproved=request.preapproved,
        expires_at=request.expires_at,
    )


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


def approved(
    request: AuthRequest,
    *,
    decided_by: UUID | None,
    notes: str | None,
    appointment_id: UUID,
    now: datetime,
) -> AuthRequest:
    """The request as approved, pointing at the appointment it booked (or moved)."""
    return request.model_copy(
        update={
            "status": AuthRequestStatus.APPROVED,
            "decided_at": now,
            "decided_by": decided_by,
            "notes": notes,
            "appointment_id": appointment_id,
        }
    )


def approve(
    request: AuthRequest,
    *,
    decided_by: UUID | None,
    notes: str | None,
    appointment_id: UUID,
    now: datetime,
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
    decided = approved(
        request, decided_by=decided_by, notes=notes, appointment_id=appointment_id, now=now
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


def request_for(
    agenda: Agenda,
    command: CreateAuthRequest,
    *,
    request_id: UUID,
    now: datetime,
    campaign_run_id: UUID | None = None,
    client_state: ClientState = ClientState.PROPOSED,
    expires_at: datetime | None = None,
) -> tuple[AuthRequest, AuthRequestCreatedData]:
    """The pending request for what `command` proposes, with the card's data from the agenda."""
    client, service, professional = agenda.booking_parts(
        command.client_id, command.service_id, command.professional_id
    )
    data = build_appointment_data(
        client=client,
        service=service,
        professional=professional,
        starts_at=command.starts_at,
        time_zone=agenda.time_zone,
        offer=command.offer,
    )
    return new_request(
        command,
        data=data,
        request_id=request_id,
        now=now,
        campaign_run_id=campaign_run_id,
        client_state=client_state,
        expires_at=expires_at,
    )
