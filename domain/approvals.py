"""The approvals part's decisions, pure: an agent's proposal, the owner's approval or rejection.

Each returns the command's `Outcome` (result, events, WhatsApp messages, the change to the
agenda); the salon's actor stores it in one transaction (actors/approvals.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from domain.agenda import Agenda, AgendaChange
from domain.auth_requests import (
    approve,
    ensure_pending,
    reject,
    request_for,
)
from domain.commands import (
    AuthRequestCreatedResult,
    CreateAuthRequest,
    DecideAuthRequest,
    DecisionResult,
)
from domain.errors import DuplicateCommandError, InvalidCommandError, SlotTakenError
from domain.free_time import check_slot_open, find_conflict
from domain.models import AuthRequest
from domain.outcome import OutboundMessage, Outcome
from domain.whatsapp_texts import booking_confirmation_text


def propose_booking(
    agenda: Agenda, command: CreateAuthRequest, *, request_id: UUID, now: datetime
) -> Outcome[AuthRequestCreatedResult]:
    """An agent's proposal for a real open slot of this salon, pending the owner's decision."""
    _client, service, professional = agenda.booking_parts(
        command.client_id, command.service_id, command.professional_id
    )
    if professional.service_ids and service.id not in professional.service_ids:
        raise InvalidCommandError(f"{professional.name} does not perform {service.name}")
    if command.starts_at <= now:
        raise InvalidCommandError("a proposed appointment must start in the future")
    request, event = request_for(agenda, command, request_id=request_id, now=now)
    check_slot_open(
        appointments=agenda.upcoming.values(),
        hours=agenda.working_hours,
        professional_id=professional.id,
        starts_at=request.appointment_data.starts_at,
        ends_at=request.appointment_data.ends_at,
        time_zone=agenda.time_zone,
    )
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
