"""A salon's live agenda: how a committed change lands in memory, and what the agenda answers
(busy time, who is booked or has a pending proposal, who has a phone, a booking's parts)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from domain.agenda import AgendaChange, AppointmentUpdate, ConsentChange
from domain.errors import NotFoundError
from domain.free_time import Busy
from domain.models import AppointmentStatus, AuthRequestStatus, Tenant
from tests.factories import make_agenda, make_appointment, make_client
from tests.unit.domain_factories import local, make_pending, make_salon_agenda


# --- apply --------------------------------------------------------------------------------------
def test_apply_adds_new_clients() -> None:
    agenda = make_agenda()
    newcomer = make_client(name="Maria")
    agenda.apply(AgendaChange(clients_added=(newcomer,)))
    assert agenda.clients == {newcomer.id: newcomer}


def test_apply_adds_proposed_requests_to_pending() -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, local(10, 10))
    salon.agenda.apply(AgendaChange(requests_added=(request,)))
    assert salon.agenda.pending == {request.id: request}


def test_apply_removes_decided_requests_from_pending() -> None:
    salon = make_salon_agenda()
    kept = make_pending(salon, local(10, 9))
    decided = make_pending(salon, local(10, 10))
    salon.agenda.pending = {kept.id: kept, decided.id: decided}
    approved = decided.model_copy(update={"status": AuthRequestStatus.APPROVED})
    salon.agenda.apply(AgendaChange(requests_decided=(approved,)))
    assert salon.agenda.pending == {kept.id: kept}


def test_apply_adds_appointments_to_upcoming() -> None:
    agenda = make_agenda()
    appointment = make_appointment()
    agenda.apply(AgendaChange(appointments_added=(appointment,)))
    assert agenda.upcoming == {appointment.id: appointment}


def test_apply_opts_a_known_client_out_of_marketing_keeping_the_rest() -> None:
    ana = make_client(name="Ana Souza", whatsapp_id="5511987654321")
    agenda = make_agenda(clients=[ana])
    agenda.apply(AgendaChange(consents=(ConsentChange(ana.id, granted=False, source="chat"),)))
    assert agenda.clients[ana.id] == ana.model_copy(update={"marketing_opt_out": True})


def test_apply_ignores_opt_out_of_an_unknown_client() -> None:
    ana = make_client()
    agenda = make_agenda(clients=[ana])
    agenda.apply(AgendaChange(consents=(ConsentChange(uuid4(), granted=False, source="chat"),)))
    assert agenda.clients == {ana.id: ana}


def test_apply_opts_out_a_client_added_by_the_same_change() -> None:
    newcomer = make_client()
    agenda = make_agenda()
    opted_out = ConsentChange(newcomer.id, granted=False, source="chat")
    agenda.apply(AgendaChange(clients_added=(newcomer,), consents=(opted_out,)))
    assert agenda.clients[newcomer.id].marketing_opt_out is True


def test_apply_records_an_opt_in_as_consent() -> None:
    ana = make_client(marketing_opt_out=True)
    agenda = make_agenda(clients=[ana])
    agenda.apply(AgendaChange(consents=(ConsentChange(ana.id, granted=True, source="owner"),)))
    assert (agenda.clients[ana.id].marketing_opt_out, agenda.clients[ana.id].marketing_consent) == (
        False,
        True,
    )


# --- busy time and who is taken -------------------------------------------------------------------
def test_busy_is_bookings_and_pending_proposals() -> None:
    salon = make_salon_agenda()
    carol = salon.professional.id
    booked = make_appointment(professional_id=carol, starts_at=local(10, 9), ends_at=local(10, 10))
    proposed = make_pending(salon, local(10, 14))
    salon.agenda.upcoming = {booked.id: booked}
    salon.agenda.pending = {proposed.id: proposed}
    assert salon.agenda.busy() == [
        Busy(professional_id=carol, starts_at=local(10, 9), ends_at=local(10, 10)),
        Busy(professional_id=carol, starts_at=local(10, 14), ends_at=local(10, 15)),
    ]


def test_cancelled_appointment_does_not_block_time() -> None:
    cancelled = make_appointment(status=AppointmentStatus.CANCELLED)
    agenda = make_agenda(upcoming=[cancelled])
    assert agenda.busy() == []


@pytest.mark.parametrize("status", [AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW])
def test_appointments_that_were_not_cancelled_block_time(status: AppointmentStatus) -> None:
    appointment = make_appointment(status=status)
    agenda = make_agenda(upcoming=[appointment])
    assert [b.starts_at for b in agenda.busy()] == [appointment.starts_at]


def test_booked_client_ids_leave_out_cancelled_appointments() -> None:
    booked = make_appointment()
    cancelled = make_appointment(status=AppointmentStatus.CANCELLED)
    agenda = make_agenda(upcoming=[booked, cancelled])
    assert agenda.booked_client_ids() == frozenset({booked.client_id})


def test_pending_client_ids_are_the_clients_of_pending_requests() -> None:
    bruno = make_client(name="Bruno Lima")
    salon = make_salon_agenda(clients=[bruno])
    requests = [make_pending(salon, local(10, 9), client=bruno)]
    salon.agenda.pending = {r.id: r for r in requests}
    assert salon.agenda.pending_client_ids() == frozenset({bruno.id})


# --- who has this phone ---------------------------------------------------------------------------
def test_client_is_found_by_e164_phone() -> None:
    ana = make_client(phone_e164="+5511987654321")
    agenda = make_agenda(clients=[make_client(), ana])
    assert agenda.client_with_phone("+5511987654321", "5511987654321") == ana


def test_client_is_found_by_the_whatsapp_id_as_received() -> None:
    # An old WhatsApp id without the ninth digit: its E.164 form differs from the stored phone.
    ana = make_client(phone_e164="+5511912345678", whatsapp_id="551187654321")
    agenda = make_agenda(clients=[ana])
    assert agenda.client_with_phone("+5511987654321", "551187654321") == ana


def test_client_without_whatsapp_id_is_not_found_by_an_empty_id() -> None:
    agenda = make_agenda(clients=[make_client(whatsapp_id=None), make_client(whatsapp_id="")])
    assert agenda.client_with_phone("+5511900000000", "") is None


def test_unknown_phone_finds_nobody() -> None:
    agenda = make_agenda(clients=[make_client(phone_e164="+5511987654321")])
    assert agenda.client_with_phone("+5511912345678", "5511912345678") is None


def test_client_stored_without_the_ninth_digit_is_found() -> None:
    # Another writer stored the mobile's old 8-digit form; the message's E.164 has the ninth digit.
    ana = make_client(phone_e164="+551187654321")
    agenda = make_agenda(clients=[make_client(), ana])
    assert agenda.client_with_phone("+5511987654321", "5511987654321") == ana


def test_nine_digit_phone_is_found_before_its_old_form() -> None:
    old = make_client(phone_e164="+551187654321")
    nine = make_client(phone_e164="+5511987654321")
    agenda = make_agenda(clients=[old, nine])
    assert agenda.client_with_phone("+5511987654321", "551187654321") == nine


def test_phone_is_found_before_the_whatsapp_id() -> None:
    moved = make_client(phone_e164="+5511912345678", whatsapp_id="551187654321")
    ana = make_client(phone_e164="+5511987654321")
    agenda = make_agenda(clients=[moved, ana])
    assert agenda.client_with_phone("+5511987654321", "551187654321") == ana


def test_landline_is_not_a_mobile_without_its_ninth_digit() -> None:
    agenda = make_agenda(clients=[make_client(phone_e164="+551134567890")])
    assert agenda.client_with_phone("+5511934567890", "5511934567890") is None


# --- a booking's parts ----------------------------------------------------------------------------
def test_booking_parts_are_the_client_service_and_professional() -> None:
    salon = make_salon_agenda()
    parts = salon.agenda.booking_parts(salon.client.id, salon.service.id, salon.professional.id)
    assert parts == (salon.client, salon.service, salon.professional)


@pytest.mark.parametrize("missing", ["client", "service", "professional"])
def test_booking_parts_name_what_is_missing(missing: str) -> None:
    salon = make_salon_agenda()
    ids = {
        "client": salon.client.id,
        "service": salon.service.id,
        "professional": salon.professional.id,
    } | {missing: uuid4()}
    with pytest.raises(NotFoundError, match=f"^{missing} not found"):
        salon.agenda.booking_parts(ids["client"], ids["service"], ids["professional"])


# --- the salon's day ------------------------------------------------------------------------------
def test_local_date_is_the_day_in_sao_paulo() -> None:
    agenda = make_agenda()
    # 01:30 UTC on the 10th is still 22:30 on the 9th in São Paulo.
    assert agenda.local_date(datetime(2026, 3, 10, 1, 30, tzinfo=UTC)) == date(2026, 3, 9)


def test_local_date_follows_the_salon_time_zone() -> None:
    agenda = make_agenda(tenant=Tenant(id=uuid4(), name="Salão Tóquio", time_zone="Asia/Tokyo"))
    assert agenda.local_date(datetime(2026, 3, 9, 16, 0, tzinfo=UTC)) == date(2026, 3, 10)


def test_a_cancelled_appointment_leaves_memory_and_frees_its_time() -> None:
    booked = make_appointment()
    agenda = make_agenda(upcoming=[booked])
    cancelled = booked.model_copy(update={"status": AppointmentStatus.CANCELLED})
    agenda.apply(AgendaChange(appointments_updated=(AppointmentUpdate(booked, cancelled),)))
    assert agenda.upcoming == {} and agenda.busy() == []


def test_a_moved_booking_replaces_its_old_time() -> None:
    booked = make_appointment(starts_at=datetime(2026, 3, 10, 13, tzinfo=UTC))
    agenda = make_agenda(upcoming=[booked])
    moved = booked.model_copy(update={"starts_at": datetime(2026, 3, 10, 18, tzinfo=UTC)})
    agenda.apply(AgendaChange(appointments_updated=(AppointmentUpdate(booked, moved),)))
    assert agenda.upcoming == {booked.id: moved}


def test_an_old_visit_marked_later_does_not_enter_memory() -> None:
    old = make_appointment(starts_at=datetime(2026, 1, 10, 13, tzinfo=UTC))
    agenda = make_agenda()
    done = old.model_copy(update={"status": AppointmentStatus.COMPLETED})
    agenda.apply(AgendaChange(appointments_updated=(AppointmentUpdate(old, done),)))
    assert agenda.upcoming == {}


def test_a_completed_visit_does_not_count_its_client_as_booked() -> None:
    done = make_appointment(status=AppointmentStatus.COMPLETED)
    assert make_agenda(upcoming=[done]).booked_client_ids() == frozenset()
