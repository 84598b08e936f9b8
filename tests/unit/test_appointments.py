"""Appointments after booking: marked, cancelled, moved, completed by themselves (pure)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.agenda import AppointmentUpdate
from domain.appointments import complete_ended, mark_appointment, move_appointment
from domain.commands import MarkAppointment, MoveAppointment
from domain.errors import (
    AppointmentNotStartedError,
    IllegalTransitionError,
    InvalidCommandError,
    OutsideWorkingHoursError,
    SlotTakenError,
)
from domain.models import Appointment, AppointmentStatus
from tests.factories import make_appointment, make_professional
from tests.unit.domain_factories import NOW, Salon, id_counter, local, make_salon_agenda, works

OWNER = uuid4()
TUESDAY_10 = local(10, 10)  # Tuesday 10/03/2026 10:00 in São Paulo; NOW is Monday noon


def booking(salon: Salon, starts_at: Any = TUESDAY_10, **overrides: Any) -> Appointment:
    values: dict[str, Any] = {
        "client_id": salon.client.id,
        "professional_id": salon.professional.id,
        "service_id": salon.service.id,
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(minutes=60),
    }
    return make_appointment(**(values | overrides))


def mark(status: str, **overrides: Any) -> MarkAppointment:
    values: dict[str, Any] = {"appointment_id": uuid4(), "status": status, "changed_by": OWNER}
    return MarkAppointment(**(values | overrides))


def move(starts_at: Any, **overrides: Any) -> MoveAppointment:
    values: dict[str, Any] = {
        "appointment_id": uuid4(),
        "starts_at": starts_at,
        "changed_by": OWNER,
    }
    return MoveAppointment(**(values | overrides))


def test_a_visit_that_started_is_marked_completed() -> None:
    salon = make_salon_agenda()
    visit = booking(salon)
    outcome = mark_appointment(
        salon.agenda, visit, mark("completed"), now=local(10, 11), new_id=id_counter()
    )
    assert outcome.result.status == AppointmentStatus.COMPLETED
    (event,) = outcome.events
    assert (event.status, event.previous_status, event.changed_by) == (  # type: ignore[attr-defined]
        "completed",
        "booked",
        OWNER,
    )
    assert outcome.messages == ()
    (update,) = outcome.change.appointments_updated
    assert (update.before, update.after.status, update.changed_by) == (
        visit,
        AppointmentStatus.COMPLETED,
        OWNER,
    )


def test_a_visit_is_not_marked_completed_before_it_starts() -> None:
    salon = make_salon_agenda()
    with pytest.raises(AppointmentNotStartedError):
        mark_appointment(salon.agenda, booking(salon), mark("no_show"), now=NOW, new_id=uuid4)


@pytest.mark.parametrize(
    ("was", "wanted"),
    [("cancelled", "completed"), ("cancelled", "no_show"), ("completed", "cancelled")],
)
def test_illegal_transitions_are_refused(was: str, wanted: str) -> None:
    salon = make_salon_agenda()
    visit = booking(salon, status=AppointmentStatus(was))
    with pytest.raises(IllegalTransitionError, match="cannot be marked"):
        mark_appointment(salon.agenda, visit, mark(wanted), now=local(11, 9), new_id=uuid4)


def test_the_salon_corrects_a_completed_visit_to_no_show() -> None:
    salon = make_salon_agenda()
    visit = booking(salon, status=AppointmentStatus.COMPLETED)
    outcome = mark_appointment(
        salon.agenda, visit, mark("no_show", reason="não veio"), now=local(11, 9), new_id=uuid4
    )
    assert (outcome.result.status, outcome.result.status_reason) == ("no_show", "não veio")


def test_the_same_mark_again_changes_nothing() -> None:
    salon = make_salon_agenda()
    visit = booking(salon, status=AppointmentStatus.CANCELLED)
    outcome = mark_appointment(salon.agenda, visit, mark("cancelled"), now=NOW, new_id=uuid4)
    assert outcome.changes_nothing
    assert outcome.result.status == AppointmentStatus.CANCELLED


def test_cancelling_a_coming_booking_tells_the_client_in_portuguese() -> None:
    salon = make_salon_agenda()
    visit = booking(salon)
    outcome = mark_appointment(
        salon.agenda,
        visit,
        mark("cancelled", reason="profissional doente"),
        now=NOW,
        new_id=id_counter(),
    )
    (message,) = outcome.messages
    assert message.kind == "transactional" and message.related_id == visit.id
    assert message.body == (
        "Olá, Ana! Seu horário de Corte feminino com Carol em 10/03/2026 às 10:00 foi cancelado"
        " pelo salão. Tenho estes horários próximos para Corte feminino: 1) amanhã (10/03) às"
        " 09:00 com Carol; 2) amanhã (10/03) às 11:00 com Carol; 3) amanhã (10/03) às 12:00 com"
        " Carol. Responda com o número para pedir um deles."
    )
    assert [p.starts_at for p in message.proposed] == [local(10, 9), local(10, 11), local(10, 12)]
    assert "doente" not in message.body  # the salon's reason stays with the salon
    assert outcome.result.status_reason == "profissional doente"


def test_a_cancellation_the_client_asked_for_need_not_be_told() -> None:
    salon = make_salon_agenda()
    outcome = mark_appointment(
        salon.agenda,
        booking(salon),
        mark("cancelled", notify_client=False),
        now=NOW,
        new_id=uuid4,
    )
    assert outcome.messages == ()
    assert len(outcome.events) == 1


def test_a_booking_moves_to_a_free_time_and_the_client_is_told() -> None:
    salon = make_salon_agenda()
    visit = booking(salon)
    outcome = move_appointment(
        salon.agenda, visit, move(local(10, 15)), now=NOW, new_id=id_counter()
    )
    assert (outcome.result.date, outcome.result.time) == ("2026-03-10", "15:00")
    assert outcome.result.ends_at - outcome.result.starts_at == timedelta(minutes=60)
    (event,) = outcome.events
    assert event.moved_from == TUESDAY_10  # type: ignore[attr-defined]
    message, reminder = outcome.messages
    assert message.body == (
        "Olá, Ana! Seu horário de Corte feminino foi remarcado para 10/03/2026 às 15:00 com"
        " Carol. Se não puder nesse horário, é só responder por aqui."
    )
    # the new time's reminder, 24 h before it (the old time's are skipped when stored)
    assert (reminder.kind, reminder.related_id, reminder.not_before) == (
        "reminder",
        visit.id,
        local(9, 15),
    )


def test_a_booking_does_not_move_over_another() -> None:
    salon = make_salon_agenda()
    visit = booking(salon)
    other = booking(salon, local(10, 15), client_id=uuid4())
    salon.agenda.upcoming.update({visit.id: visit, other.id: other})
    with pytest.raises(SlotTakenError):
        move_appointment(salon.agenda, visit, move(local(10, 15, 30)), now=NOW, new_id=uuid4)


def test_a_booking_moves_over_its_own_old_time() -> None:
    salon = make_salon_agenda()
    visit = booking(salon)
    salon.agenda.upcoming[visit.id] = visit
    outcome = move_appointment(salon.agenda, visit, move(local(10, 10, 30)), now=NOW, new_id=uuid4)
    assert outcome.result.time == "10:30"


def test_a_booking_does_not_move_outside_working_hours() -> None:
    salon = make_salon_agenda()
    with pytest.raises(OutsideWorkingHoursError):
        move_appointment(salon.agenda, booking(salon), move(local(10, 18)), now=NOW, new_id=uuid4)


def test_a_booking_moves_to_another_professional_who_performs_it() -> None:
    bia = make_professional(name="Bia")
    salon = make_salon_agenda(professionals=[bia], hours=[])
    salon.agenda.working_hours.extend([works(bia.id, 1, 9, 18)])
    outcome = move_appointment(
        salon.agenda,
        booking(salon),
        move(local(10, 11), professional_id=bia.id),
        now=NOW,
        new_id=uuid4,
    )
    assert outcome.result.professional_id == bia.id


@pytest.mark.parametrize(
    ("status", "starts_at", "to"),
    [
        ("completed", TUESDAY_10, local(10, 15)),
        ("booked", local(9, 11), local(10, 15)),  # started an hour before NOW
    ],
    ids=["not-a-booking", "started"],
)
def test_only_a_booking_that_has_not_started_moves(status: str, starts_at: Any, to: Any) -> None:
    salon = make_salon_agenda()
    visit = booking(salon, starts_at, status=AppointmentStatus(status))
    with pytest.raises(IllegalTransitionError):
        move_appointment(salon.agenda, visit, move(to), now=NOW, new_id=uuid4)


def test_a_booking_does_not_move_into_the_past() -> None:
    salon = make_salon_agenda()
    with pytest.raises(InvalidCommandError):
        move_appointment(salon.agenda, booking(salon), move(local(9, 8)), now=NOW, new_id=uuid4)


def test_moving_to_the_same_time_changes_nothing() -> None:
    salon = make_salon_agenda()
    outcome = move_appointment(
        salon.agenda, booking(salon), move(TUESDAY_10), now=NOW, new_id=uuid4
    )
    assert outcome.changes_nothing


def test_ended_bookings_complete_by_themselves_without_an_author_or_a_message() -> None:
    salon = make_salon_agenda()
    ended = [booking(salon), booking(salon, local(10, 11), status=AppointmentStatus.CANCELLED)]
    outcome = complete_ended(salon.agenda, ended)
    assert outcome.result.completed == 1
    (event,) = outcome.events
    assert (event.status, event.changed_by) == ("completed", None)  # type: ignore[attr-defined]
    assert outcome.messages == ()
    assert outcome.change.appointments_updated == (
        AppointmentUpdate(
            ended[0], ended[0].model_copy(update={"status": AppointmentStatus.COMPLETED})
        ),
    )
