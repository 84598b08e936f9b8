"""An appointment after it is booked, pure: marked completed, no-show or cancelled, moved, or
completed by itself once it ended. Each returns the command's `Outcome`.

Transitions: booked → completed | no_show (once started) | cancelled; completed ↔ no_show (the
salon corrects itself); nothing leaves cancelled, and a visit that happened is not cancelled.
Only a booking that has not started moves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from uuid import UUID

from domain.agenda import Agenda, AgendaChange, AppointmentUpdate
from domain.chat_agent import ProposedSlot
from domain.chat_situation import alternatives_to
from domain.commands import (
    AppointmentsCompleted,
    AppointmentView,
    MarkAppointment,
    MoveAppointment,
)
from domain.errors import (
    AppointmentNotStartedError,
    IllegalTransitionError,
    InvalidCommandError,
)
from domain.events import AppointmentUpdatedData
from domain.free_time import check_slot_open
from domain.models import Appointment, AppointmentStatus
from domain.outcome import OutboundMessage, Outcome, whatsapp_message
from domain.reminders import reminders_for
from domain.whatsapp_texts import (
    WhatsAppText,
    appointment_cancelled_text,
    appointment_moved_text,
)

BOOKED, COMPLETED, NO_SHOW, CANCELLED = (
    AppointmentStatus.BOOKED,
    AppointmentStatus.COMPLETED,
    AppointmentStatus.NO_SHOW,
    AppointmentStatus.CANCELLED,
)
ALLOWED: dict[AppointmentStatus, frozenset[AppointmentStatus]] = {
    BOOKED: frozenset({COMPLETED, NO_SHOW, CANCELLED}),
    COMPLETED: frozenset({NO_SHOW}),
    NO_SHOW: frozenset({COMPLETED}),
    CANCELLED: frozenset(),
}
STATUS_PT = {
    BOOKED: "agendado",
    COMPLETED: "concluído",
    NO_SHOW: "falta",
    CANCELLED: "cancelado",
}


def view_of(agenda: Agenda, appointment: Appointment) -> AppointmentView:
    local = appointment.starts_at.astimezone(agenda.zone)
    client = agenda.clients.get(appointment.client_id)
    return AppointmentView(
        **appointment.model_dump(exclude={"status_reason"}),
        status_reason=appointment.status_reason,
        client_name=client.name if client else "",
        date=local.date().isoformat(),
        time=local.strftime("%H:%M"),
    )


def mark_appointment(
    agenda: Agenda,
    appointment: Appointment,
    command: MarkAppointment,
    *,
    now: datetime,
    new_id: Callable[[], UUID],
) -> Outcome[AppointmentView]:
    """The salon's mark; the same mark again is the stored result and changes nothing."""
    wanted = AppointmentStatus(command.status)
    if appointment.status == wanted:
        return Outcome(result=view_of(agenda, appointment))
    if wanted not in ALLOWED[appointment.status]:
        raise IllegalTransitionError(
            f"appointment {appointment.id} is {STATUS_PT[appointment.status]}: it cannot be"
            f" marked {STATUS_PT[wanted]}"
        )
    if wanted in (COMPLETED, NO_SHOW) and appointment.starts_at > now:
        raise AppointmentNotStartedError(
            f"appointment {appointment.id} starts at {appointment.starts_at.isoformat()}:"
            " it is marked completed or no-show once it has started"
        )
    marked = appointment.model_copy(update={"status": wanted, "status_reason": command.reason})
    messages: tuple[OutboundMessage, ...] = ()
    if wanted == CANCELLED and command.notify_client and appointment.starts_at > now:
        # The cancelled time is still busy in `agenda`: the others offered are really other.
        instead = alternatives_to(
            agenda,
            service_id=appointment.service_id,
            professional_id=appointment.professional_id,
            around=appointment.starts_at,
            now=now,
        )
        messages = (
            _tell_client(
                agenda,
                marked,
                new_id(),
                partial(appointment_cancelled_text, alternatives=instead.phrase),
                proposed=instead.slots,
            ),
        )
    return Outcome(
        result=view_of(agenda, marked),
        events=(updated_event(agenda, marked, appointment, changed_by=command.changed_by),),
        messages=messages,
        change=AgendaChange(
            appointments_updated=(AppointmentUpdate(appointment, marked, command.changed_by),)
        ),
    )


def move_appointment(
    agenda: Agenda,
    appointment: Appointment,
    command: MoveAppointment,
    *,
    now: datetime,
    new_id: Callable[[], UUID],
) -> Outcome[AppointmentView]:
    """A booking that has not started, moved to a free time inside working hours."""
    professional_id = command.professional_id or appointment.professional_id
    if appointment.status != BOOKED:
        raise IllegalTransitionError(
            f"appointment {appointment.id} is {STATUS_PT[appointment.status]}: only a booking moves"
        )
    if appointment.starts_at <= now:
        raise IllegalTransitionError(f"appointment {appointment.id} has started: it cannot move")
    if command.starts_at <= now:
        raise InvalidCommandError("an appointment moves to a time in the future")
    if (command.starts_at, professional_id) == (appointment.starts_at, appointment.professional_id):
        return Outcome(result=view_of(agenda, appointment))
    professional = agenda.professionals.get(professional_id)
    if professional is None or not professional.active:
        raise InvalidCommandError(f"professional {professional_id} does not work in this salon")
    if professional.service_ids and appointment.service_id not in professional.service_ids:
        raise InvalidCommandError(f"{professional.name} does not perform this service")
    moved = appointment.model_copy(
        update={
            "starts_at": command.starts_at,
            "ends_at": command.starts_at + (appointment.ends_at - appointment.starts_at),
            "professional_id": professional_id,
        }
    )
    check_slot_open(
        appointments=[a for a in agenda.upcoming.values() if a.id != appointment.id],
        hours=agenda.working_hours,
        professional_id=professional_id,
        starts_at=moved.starts_at,
        ends_at=moved.ends_at,
        time_zone=agenda.time_zone,
        closed_days=agenda.settings.closed_days,
    )
    moved = moved.model_copy(update={"client_confirmed_at": None})  # confirmed the old time
    messages: tuple[OutboundMessage, ...] = ()
    if command.notify_client:
        messages = (_tell_client(agenda, moved, new_id(), appointment_moved_text),)
    # The old time's reminders are skipped when the move is stored; the new time's are queued.
    messages += reminders_for(agenda, moved, now=now, new_id=new_id)
    return Outcome(
        result=view_of(agenda, moved),
        events=(updated_event(agenda, moved, appointment, changed_by=command.changed_by),),
        messages=messages,
        change=AgendaChange(
            appointments_updated=(AppointmentUpdate(appointment, moved, command.changed_by),)
        ),
    )


def complete_ended(agenda: Agenda, ended: Sequence[Appointment]) -> Outcome[AppointmentsCompleted]:
    """Bookings that ended and nobody marked: completed by themselves (no author, no message)."""
    booked = [a for a in ended if a.status == BOOKED]
    completed = tuple(a.model_copy(update={"status": COMPLETED}) for a in booked)
    updates = tuple(
        AppointmentUpdate(before, after) for before, after in zip(booked, completed, strict=True)
    )
    return Outcome(
        result=AppointmentsCompleted(completed=len(completed)),
        events=tuple(updated_event(agenda, u.after, u.before, changed_by=None) for u in updates),
        change=AgendaChange(appointments_updated=updates),
    )


def updated_event(
    agenda: Agenda,
    after: Appointment,
    before: Appointment,
    *,
    changed_by: UUID | None,
    by_client: bool = False,
) -> AppointmentUpdatedData:
    """The `appointment_updated` event of one change (a mark, a move, a client's answer)."""
    view = view_of(agenda, after)
    professional = agenda.professionals.get(after.professional_id)
    service = agenda.services.get(after.service_id)
    return AppointmentUpdatedData(
        appointment_id=after.id,
        status=after.status.value,
        previous_status=before.status.value,
        reason=after.status_reason,
        changed_by=changed_by,
        client_id=after.client_id,
        client_name=view.client_name,
        professional_id=after.professional_id,
        professional_name=professional.name if professional else "",
        service_id=after.service_id,
        service_name=service.name if service else "",
        date=view.date,
        time=view.time,
        starts_at=after.starts_at,
        ends_at=after.ends_at,
        moved_from=before.starts_at if before.starts_at != after.starts_at else None,
        price_cents=after.price_cents,
        client_confirmed_at=after.client_confirmed_at,
        by_client=by_client,
    )


def _tell_client(
    agenda: Agenda,
    appointment: Appointment,
    message_id: UUID,
    text: Callable[..., WhatsAppText],
    proposed: tuple[ProposedSlot, ...] = (),
) -> OutboundMessage:
    event = updated_event(agenda, appointment, appointment, changed_by=None)
    body = text(
        client_name=event.client_name,
        service_name=event.service_name,
        professional_name=event.professional_name,
        date=event.date,
        time=event.time,
        salon_name=agenda.tenant.name,
    )
    return whatsapp_message(
        message_id=message_id,
        client_id=appointment.client_id,
        kind="transactional",
        text=body,
        related_id=appointment.id,
        proposed=proposed,
    )
