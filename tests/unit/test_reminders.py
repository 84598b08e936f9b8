"""Reminders before a booking and the client's answers to them (pure). It is Monday 09/03 noon in
São Paulo; Carol does the corte on Tuesdays 09:00-18:00; Ana is booked Tuesday 14:00."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.agenda import AppointmentUpdate
from domain.approvals import book, propose_booking
from domain.chat_answer import ChatAnswer, answer_message
from domain.chat_reading import Reading
from domain.chat_rules import understand
from domain.chat_situation import InboundMessage
from domain.commands import CreateAuthRequest
from domain.errors import IllegalTransitionError, InvalidCommandError
from domain.events import AppointmentUpdatedData, AuthRequestUpdatedData, event_type_of
from domain.models import Agent, Appointment, AppointmentStatus, AuthRequestStatus, ClientState
from domain.reminders import latest_open, reminder_times, reminders_for
from domain.salon_settings import SalonSettings
from tests.factories import make_client
from tests.unit.domain_factories import (
    NOW,
    SP,
    Salon,
    id_counter,
    local,
    make_booking,
    make_pending,
    make_salon_agenda,
    slot_of,
)

DEFAULTS = SalonSettings()  # 24 h before, window 09:00-20:00
WINDOW = (time(9), time(20))
OWNER = uuid4()


def times(starts_at: datetime, now: datetime = NOW, **settings: Any) -> list[datetime]:
    return reminder_times(
        starts_at, settings=DEFAULTS.model_copy(update=settings), zone=SP, now=now
    )


# --- when reminders leave -------------------------------------------------------------------------
def test_one_reminder_a_day_before() -> None:
    assert times(local(10, 14)) == [local(9, 14)]


def test_a_reminder_never_leaves_while_the_window_is_closed() -> None:
    assert latest_open(local(10, 7), WINDOW, SP) == local(9, 19, 59)  # the evening before
    assert latest_open(local(10, 21), WINDOW, SP) == local(10, 19, 59)  # earlier that evening
    assert latest_open(local(10, 12), WINDOW, SP) == local(10, 12)
    assert times(local(11, 8)) == [local(9, 19, 59)]  # 08:00 Wednesday: Monday 19:59, not 08:00


def test_a_second_reminder_nearer_the_visit() -> None:
    assert times(local(10, 14), second_reminder_lead_h=2) == [local(9, 14), local(10, 12)]


def test_two_reminders_clamped_to_one_minute_leave_once() -> None:
    # 12 h and 10 h before 08:00 Thursday: 20:00 and 22:00 Wednesday, both after the window
    leads = {"reminder_lead_h": 12, "second_reminder_lead_h": 10}
    assert times(local(12, 8), **leads) == [local(11, 19, 59)]
    assert times(local(12, 8), second_reminder_lead_h=2) == [local(10, 19, 59), local(11, 19, 59)]


def test_no_reminder_within_the_hour_after_booking_nor_when_off() -> None:
    assert times(local(9, 16)) == []  # today 16:00: its 24 h reminder is in the past
    assert times(local(10, 12, 30)) == []  # 24 h before is 12:30 today: 30 min after booking
    assert times(local(10, 14), reminder_lead_h=0) == []


def test_reminder_text_in_portuguese_on_the_day_it_leaves() -> None:
    salon = make_salon_agenda()
    visit = make_booking(salon, local(10, 14), client_id=salon.client.id)
    [reminder] = reminders_for(salon.agenda, visit, now=NOW, new_id=id_counter())
    assert (reminder.kind, reminder.related_id, reminder.not_before) == (
        "reminder",
        visit.id,
        local(9, 14),
    )
    assert reminder.body == (
        "Olá, Ana! Lembrete do Salão Teste: seu horário de Corte feminino é amanhã (10/03) às"
        " 14:00 com Carol. Responda CONFIRMO para confirmar, CANCELAR se não puder vir ou"
        " REMARCAR para mudar o horário."
    )


def test_approving_a_booking_queues_its_reminders() -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, local(10, 14), agent=Agent.CHAT)
    salon.agenda.pending[request.id] = request
    outcome = book(salon.agenda, request, decided_by=OWNER, notes=None, now=NOW, new_id=uuid4)
    assert [m.kind for m in outcome.messages] == ["transactional", "reminder"]
    assert outcome.messages[1].related_id == outcome.result.appointment_id


# --- the client's answers -------------------------------------------------------------------------
def ana_booked(at: datetime | None = None, **overrides: Any) -> tuple[Salon, Appointment]:
    salon = make_salon_agenda()
    visit = make_booking(salon, at or local(10, 14), client_id=salon.client.id, **overrides)
    salon.agenda.upcoming[visit.id] = visit
    return salon, visit


def answer(salon: Salon, text: str, proposed: list[Any] | None = None) -> ChatAnswer:
    """The rules' reading of `text` (what the chat does without Gemini), answered."""
    inbound = InboundMessage(
        message_id=uuid4(),
        conversation_id=uuid4(),
        client_id=salon.client.id,
        body=text,
        proposed=[p.model_dump(mode="json") for p in proposed or []],
    )
    reading = Reading(
        understand(
            text,
            services=list(salon.agenda.services.values()),
            professionals=list(salon.agenda.professionals.values()),
            today=NOW.date(),
        ),
        "rules",
    )
    return answer_message(salon.agenda, inbound, reading, now=NOW, new_id=id_counter())


def visit_event(reply: ChatAnswer) -> AppointmentUpdatedData:
    [event] = [e for e in reply.outcome.events if isinstance(e, AppointmentUpdatedData)]
    return event


@pytest.mark.parametrize("text", ["Confirmo!", "sim", "Vou estar aí, pode contar comigo"])
def test_confirmo_confirms_the_coming_visit(text: str) -> None:
    salon, visit = ana_booked()
    reply = answer(salon, text)
    [update] = reply.outcome.change.appointments_updated
    assert update == AppointmentUpdate(visit, visit.model_copy(update={"client_confirmed_at": NOW}))
    event = visit_event(reply)
    assert (event.by_client, event.client_confirmed_at, event.status) == (True, NOW, "booked")
    assert reply.reply.decision.reply == (
        "Obrigado, Ana! Seu horário de Corte feminino amanhã (10/03) às 14:00 com Carol está"
        " confirmado. Até lá!"
    )


def test_confirming_twice_changes_nothing_the_second_time() -> None:
    salon, _visit = ana_booked(client_confirmed_at=NOW)
    reply = answer(salon, "confirmo")
    assert reply.outcome.change.appointments_updated == ()
    assert "está confirmado" in reply.reply.decision.reply


@pytest.mark.parametrize("text", ["CANCELAR", "cancela por favor"])
def test_cancelar_answering_the_reminder_cancels_the_visit_and_frees_its_time(text: str) -> None:
    salon, visit = ana_booked()
    reply = answer(salon, text)
    [update] = reply.outcome.change.appointments_updated
    assert update.after.status == AppointmentStatus.CANCELLED
    assert update.after.status_reason == "cancelado pelo cliente no WhatsApp"
    assert visit_event(reply).by_client is True
    salon.agenda.apply(reply.outcome.change)
    assert visit.id not in salon.agenda.upcoming
    assert reply.reply.decision.reply.startswith(
        "Pronto, Ana! Cancelei seu horário de Corte feminino de amanhã (10/03) às 14:00 com Carol."
    )


def test_cancelling_in_other_words_names_the_visit_and_asks_to_confirm() -> None:
    salon, visit = ana_booked()
    reply = answer(salon, "não vou poder ir, pode desmarcar")
    assert reply.outcome.change.appointments_updated == ()
    assert reply.reply.decision.reply == (
        "Ana, você quer cancelar seu horário de Corte feminino de amanhã (10/03) às 14:00 com"
        " Carol? Responda SIM para cancelar ou NÃO para manter."
    )
    assert reply.reply.awaiting == {"kind": "cancel_confirm", "appointment_ids": [str(visit.id)]}


def test_nao_quero_cancelar_cancels_nothing() -> None:
    salon, _visit = ana_booked()
    reply = answer(salon, "não quero cancelar não, só perguntando o endereço")
    assert reply.outcome.change.appointments_updated == ()


def test_a_bare_no_asks_whether_to_cancel_or_reschedule() -> None:
    salon, _visit = ana_booked()
    reply = answer(salon, "não")
    assert reply.outcome.change.appointments_updated == ()
    assert reply.reply.decision.reply.endswith("Responda CANCELAR ou REMARCAR.")


def test_a_visit_beyond_the_reminder_horizon_is_not_what_sim_answers() -> None:
    salon, _visit = ana_booked(local(17, 14))  # a week away: no reminder yet
    reply = answer(salon, "confirmo")
    assert reply.outcome.change.appointments_updated == ()


def test_sim_answers_an_open_offer_first_and_confirmo_the_visit() -> None:
    salon, visit = ana_booked(local(10, 9))
    offer = make_pending(salon, local(10, 15))  # Prazo Certo's offer to Ana, sent
    salon.agenda.pending[offer.id] = offer
    sim = answer(salon, "sim")
    confirmo = answer(salon, "confirmo")
    assert [r.client_state for r in sim.outcome.change.requests_updated] == [ClientState.ACCEPTED]
    assert sim.outcome.change.appointments_updated == ()
    assert [u.after.id for u in confirmo.outcome.change.appointments_updated] == [visit.id]


def test_remarcar_proposes_the_nearest_times_for_that_visit() -> None:
    salon, visit = ana_booked()
    reply = answer(salon, "preciso remarcar")
    proposed = reply.reply.decision.proposed
    assert [p.starts_at for p in proposed] == [local(10, 12), local(10, 13), local(10, 15)]
    assert {p.replaces_appointment_id for p in proposed} == {visit.id}
    assert reply.reply.decision.reply.startswith(
        "Claro, Ana! Para remarcar seu horário de Corte feminino de amanhã (10/03) às 14:00 com"
        " Carol, tenho estes horários:"
    )
    assert reply.outcome.change.appointments_updated == ()  # nothing moves before the salon says


def test_picking_a_reschedule_asks_the_salon_to_move_the_visit() -> None:
    salon, visit = ana_booked()
    offered = [
        slot_of(salon, local(10, 16)).model_copy(update={"replaces_appointment_id": visit.id})
    ]
    reply = answer(salon, "1", proposed=offered)
    [request] = reply.outcome.change.requests_added
    assert (request.replaces_appointment_id, request.client_state) == (
        visit.id,
        ClientState.REQUESTED,
    )
    assert "Até a confirmação, seu horário atual continua marcado" in reply.reply.decision.reply


def test_approving_a_reschedule_moves_the_booking_instead_of_booking_twice() -> None:
    salon, visit = ana_booked()
    request = make_pending(salon, local(10, 16), agent=Agent.CHAT).model_copy(
        update={"replaces_appointment_id": visit.id}
    )
    salon.agenda.pending[request.id] = request
    outcome = book(salon.agenda, request, decided_by=OWNER, notes=None, now=NOW, new_id=uuid4)
    assert outcome.result.appointment_id == visit.id
    assert outcome.change.appointments_added == ()
    [update] = outcome.change.appointments_updated
    assert (update.before, update.after.starts_at) == (visit, local(10, 16))
    assert [r.status for r in outcome.change.requests_decided] == [AuthRequestStatus.APPROVED]
    assert [event_type_of(e) for e in outcome.events] == [
        "auth_request_updated",
        "appointment_updated",
    ]
    assert isinstance(outcome.events[0], AuthRequestUpdatedData)
    assert [m.kind for m in outcome.messages] == ["transactional", "reminder"]
    assert outcome.messages[0].body == (
        "Olá, Ana! Tudo certo: seu horário de Corte feminino agora é 10/03/2026 às 16:00 com"
        " Carol. Até lá!"
    )


def test_a_reschedule_of_a_visit_cancelled_meanwhile_is_refused() -> None:
    salon, visit = ana_booked()
    request = make_pending(salon, local(10, 16), agent=Agent.CHAT).model_copy(
        update={"replaces_appointment_id": visit.id}
    )
    del salon.agenda.upcoming[visit.id]
    with pytest.raises(IllegalTransitionError, match="no longer a coming booking"):
        book(salon.agenda, request, decided_by=OWNER, notes=None, now=NOW, new_id=uuid4)


def test_an_agent_may_not_move_another_clients_booking() -> None:
    salon, visit = ana_booked()
    bruno = make_client(name="Bruno Lima")
    salon.agenda.clients[bruno.id] = bruno
    command = CreateAuthRequest(
        command_id="x",
        created_by_agent=Agent.MANUAL,
        client_id=bruno.id,
        service_id=salon.service.id,
        professional_id=salon.professional.id,
        starts_at=local(10, 16),
        replaces_appointment_id=visit.id,
    )
    with pytest.raises(InvalidCommandError, match="not a coming booking of this client"):
        propose_booking(salon.agenda, command, request_id=UUID(int=1), now=NOW)
