"""The approvals part's decisions, pure: an agent's proposal, the owner's approval or rejection.

Each returns the command's `Outcome` (result, events, WhatsApp messages, the change to the
agenda); the salon's actor stores it in one transaction (actors/approvals.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from domain.agenda import Agenda, AgendaChange, AppointmentUpdate
from domain.appointments import updated_event as appointment_updated
from domain.auth_requests import (
    approve,
    approved,
    ensure_pending,
    reject,
    request_for,
    updated_event,
)
from domain.chat_situation import alternatives_for
from domain.commands import (
    AuthRequestCreatedResult,
    CreateAuthRequest,
    DecideAuthRequest,
    DecisionResult,
)
from domain.errors import (
    DuplicateCommandError,
    IllegalTransitionError,
    InvalidCommandError,
    OfferClosedError,
    SalonClosedError,
    SlotPassedError,
    SlotTakenError,
)
from domain.free_time import check_slot_open, find_conflict
from domain.models import (
    AppointmentData,
    AppointmentStatus,
    AuthRequest,
    AuthRequestStatus,
    ClientState,
)
from domain.offers import withdraw_overlapping
from domain.outcome import OutboundMessage, Outcome, whatsapp_message
from domain.reminders import reminders_for
from domain.whatsapp_texts import (
    booking_confirmation_text,
    booking_rejected_text,
    reschedule_approved_text,
    reschedule_rejected_text,
)


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
    if command.replaces_appointment_id is not None:
        moving = agenda.upcoming.get(command.replaces_appointment_id)
        if (
            moving is None
            or moving.client_id != command.client_id
            or moving.status != AppointmentStatus.BOOKED
        ):
            raise InvalidCommandError(
                f"appointment {command.replaces_appointment_id} is not a coming booking of"
                " this client"
            )
    request, event = request_for(agenda, command, request_id=request_id, now=now)
    check_slot_open(
        appointments=agenda.upcoming.values(),
        hours=agenda.working_hours,
        professional_id=professional.id,
        starts_at=request.appointment_data.starts_at,
        ends_at=request.appointment_data.ends_at,
        time_zone=agenda.time_zone,
        closed_days=agenda.settings.closed_days,
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
    """Approve or reject a pending request.

    Approving books the slot and confirms it to the client — except an offer the client has not
    answered: that is pre-approved, and booked when the client says "sim" (`book`). A request
    the client's side closed, or whose time has passed, is not approved (409, its own code).
    """
    if request.status == AuthRequestStatus.CLOSED:
        raise OfferClosedError(
            f"auth request {request.id} is closed: the client's side is {request.client_state}"
        )
    if command.decision == "reject":
        return _reject(agenda, request, command, now=now, new_id=new_id)
    ensure_pending(request)
    if request.appointment_data.starts_at <= now:
        raise SlotPassedError(
            f"auth request {request.id} was for {request.appointment_data.date}"
            f" {request.appointment_data.time}, which has passed"
        )
    if request.client_state == ClientState.OFFERED:
        return _preapprove(request, command, now=now)
    return book(
        agenda, request, decided_by=command.decided_by, notes=command.notes, now=now, new_id=new_id
    )


def book(
    agenda: Agenda,
    request: AuthRequest,
    *,
    decided_by: UUID | None,
    notes: str | None,
    now: datetime,
    new_id: Callable[[], UUID],
    confirm: bool = True,
) -> Outcome[DecisionResult]:
    """Book the request's slot and confirm it to the client (unless the caller's own reply
    does); other pending requests for an overlapping time of the same professional are
    withdrawn (a client who had said "sim" is told it was filled)."""
    data = request.appointment_data
    day = data.starts_at.astimezone(agenda.zone).date()
    if agenda.settings.is_closed(day):
        raise SalonClosedError(
            f"the salon is closed on {day.isoformat()}; the request stays pending"
        )
    if request.replaces_appointment_id is not None:
        return _reschedule(
            agenda,
            request,
            request.replaces_appointment_id,
            decided_by=decided_by,
            notes=notes,
            now=now,
            new_id=new_id,
        )
    ensure_free(agenda, data)
    approval = approve(
        request, decided_by=decided_by, notes=notes, appointment_id=new_id(), now=now
    )
    confirmation = whatsapp_message(
        message_id=new_id(),
        client_id=data.client_id,
        kind="transactional",
        text=booking_confirmation_text(data, agenda.tenant.name),
        related_id=request.id,
    )
    withdrawn, notices = withdraw_overlapping(agenda, request, now=now, new_id=new_id)
    reminders = reminders_for(agenda, approval.appointment, now=now, new_id=new_id)
    return Outcome(
        # The WhatsApp sender delivers the confirmation later: nothing was sent yet.
        result=DecisionResult(
            decision="approve",
            auth_request_id=request.id,
            appointment_id=approval.appointment.id,
            client_notification_sent=False,
        ),
        events=(approval.event, *(updated_event(r) for r in withdrawn)),
        messages=((confirmation,) if confirm else ()) + (*notices, *reminders),
        change=AgendaChange(
            requests_decided=(approval.request, *withdrawn),
            appointments_added=(approval.appointment,),
        ),
    )


def ensure_free(agenda: Agenda, data: AppointmentData, *, moving: UUID | None = None) -> None:
    """SlotTakenError when the professional is booked over the request's time (`moving`: the
    booking the request would move, which does not count)."""
    conflict = find_conflict(
        (a for a in agenda.upcoming.values() if a.id != moving),
        professional_id=data.professional_id,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
    )
    if conflict is not None:
        raise SlotTakenError(
            f"{data.professional_name} is already booked at {data.date} {data.time}"
            f" (appointment {conflict.id}); the request stays pending"
        )


def _reschedule(
    agenda: Agenda,
    request: AuthRequest,
    appointment_id: UUID,
    *,
    decided_by: UUID | None,
    notes: str | None,
    now: datetime,
    new_id: Callable[[], UUID],
) -> Outcome[DecisionResult]:
    """A client's "remarcar", approved: their booking moves to the request's time (no second
    booking), its reminders with it, and the client is told the new time."""
    data = request.appointment_data
    old = agenda.upcoming.get(appointment_id)
    if old is None or old.status != AppointmentStatus.BOOKED or old.starts_at <= now:
        raise IllegalTransitionError(
            f"appointment {appointment_id} is no longer a coming booking:"
            " the request cannot move it"
        )
    ensure_free(agenda, data, moving=old.id)
    moved = old.model_copy(
        update={
            "starts_at": data.starts_at,
            "ends_at": data.ends_at,
            "professional_id": data.professional_id,
            "client_confirmed_at": None,
        }
    )
    decided = approved(request, decided_by=decided_by, notes=notes, appointment_id=old.id, now=now)
    told = whatsapp_message(
        message_id=new_id(),
        client_id=data.client_id,
        kind="transactional",
        text=reschedule_approved_text(
            client_name=data.client_name,
            service_name=data.service_name,
            professional_name=data.professional_name,
            date=data.date,
            time=data.time,
            salon_name=agenda.tenant.name,
        ),
        related_id=request.id,
    )
    withdrawn, notices = withdraw_overlapping(agenda, request, now=now, new_id=new_id)
    return Outcome(
        result=DecisionResult(
            decision="approve",
            auth_request_id=request.id,
            appointment_id=old.id,
            client_notification_sent=False,
        ),
        events=(
            updated_event(decided),
            appointment_updated(agenda, moved, old, changed_by=decided_by),
            *(updated_event(r) for r in withdrawn),
        ),
        messages=(told, *notices, *reminders_for(agenda, moved, now=now, new_id=new_id)),
        change=AgendaChange(
            requests_decided=(decided, *withdrawn),
            appointments_updated=(AppointmentUpdate(old, moved, decided_by),),
        ),
    )


def _preapprove(
    request: AuthRequest, command: DecideAuthRequest, *, now: datetime
) -> Outcome[DecisionResult]:
    result = DecisionResult(
        decision="approve",
        auth_request_id=request.id,
        appointment_id=None,
        client_notification_sent=False,
        preapproved=True,
    )
    if request.preapproved:
        return Outcome(result=result)  # pre-approved already: the same answer, no change
    preapproved = request.model_copy(
        update={"preapproved_at": now, "preapproved_by": command.decided_by, "notes": command.notes}
    )
    return Outcome(
        result=result,
        events=(updated_event(preapproved),),
        change=AgendaChange(requests_updated=(preapproved,)),
    )


def _reject(
    agenda: Agenda,
    request: AuthRequest,
    command: DecideAuthRequest,
    *,
    now: datetime,
    new_id: Callable[[], UUID],
) -> Outcome[DecisionResult]:
    """Reject; a client who asked for it (or said "sim") is told, with the nearest open slots."""
    rejection = reject(request, command, now=now)
    messages: tuple[OutboundMessage, ...] = ()
    if request.client_state in (ClientState.REQUESTED, ClientState.ACCEPTED):
        instead = alternatives_for(agenda, request.appointment_data, now)
        moving = request.replaces_appointment_id
        text = reschedule_rejected_text if moving is not None else booking_rejected_text
        told = whatsapp_message(
            message_id=new_id(),
            client_id=request.appointment_data.client_id,
            kind="transactional",
            text=text(request.appointment_data, instead.phrase, salon_name=agenda.tenant.name),
            related_id=request.id,
            # Picking one of these asks again to move the same booking.
            proposed=tuple(
                s.model_copy(update={"replaces_appointment_id": moving}) for s in instead.slots
            ),
        )
        messages = (told,)
    return Outcome(
        result=DecisionResult(
            decision="reject",
            auth_request_id=request.id,
            appointment_id=None,
            client_notification_sent=False,
        ),
        events=(rejection.event,),
        messages=messages,
        change=AgendaChange(requests_decided=(rejection.request,)),
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
