"""The approvals' decisions on plain data: an agent proposes a slot, the owner approves (a booking
and a WhatsApp confirmation) or rejects it, and repeats answer what was stored."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.agenda import AgendaChange
from domain.approvals import (
    book,
    decide_request,
    propose_booking,
    repeated_proposal,
    stored_decision,
)
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
    NotFoundError,
    OfferClosedError,
    OutsideWorkingHoursError,
    SlotPassedError,
    SlotTakenError,
)
from domain.events import (
    AppointmentCreatedData,
    AuthRequestCreatedData,
    AuthRequestRejectedData,
    AuthRequestUpdatedData,
    event_type_of,
)
from domain.models import (
    Agent,
    Appointment,
    AppointmentStatus,
    AuthRequest,
    AuthRequestStatus,
    ClientState,
    Offer,
)
from domain.outcome import OutboundMessage
from tests.factories import make_appointment, make_client, make_professional, make_service
from tests.unit.domain_factories import (
    NOW,
    TUESDAY,
    Salon,
    id_counter,
    local,
    make_pending,
    make_salon_agenda,
    preapproved,
    works,
)

TUESDAY_10AM = local(10, 10)
OWNER = uuid4()
TEN_PERCENT = Offer(type="percent", value=10)


def proposal(salon: Salon, **overrides: Any) -> CreateAuthRequest:
    values: dict[str, Any] = {
        "command_id": "prazo:1",
        "created_by_agent": Agent.PRAZO_CERTO,
        "client_id": salon.client.id,
        "service_id": salon.service.id,
        "professional_id": salon.professional.id,
        "starts_at": TUESDAY_10AM,
    }
    return CreateAuthRequest(**(values | overrides))


def decision(request: AuthRequest, decision: str, notes: str | None = None) -> DecideAuthRequest:
    return DecideAuthRequest.model_validate(
        {"request_id": request.id, "decision": decision, "decided_by": OWNER, "notes": notes}
    )


def booking_of(salon: Salon, starts_at: datetime, **overrides: Any) -> Appointment:
    """An appointment with Carol (60 minutes) at `starts_at`."""
    return make_appointment(
        professional_id=salon.professional.id,
        service_id=salon.service.id,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=60),
        **overrides,
    )


# --- propose_booking ------------------------------------------------------------------------------
def test_proposal_result_names_the_new_request() -> None:
    salon = make_salon_agenda()
    request_id = uuid4()
    outcome = propose_booking(salon.agenda, proposal(salon), request_id=request_id, now=NOW)
    assert outcome.result == AuthRequestCreatedResult(auth_request_id=request_id, created=True)


def test_proposal_reports_one_auth_request_created_with_the_card() -> None:
    salon = make_salon_agenda()
    request_id = uuid4()
    outcome = propose_booking(salon.agenda, proposal(salon), request_id=request_id, now=NOW)
    assert [event_type_of(e) for e in outcome.events] == ["auth_request_created"]
    event = outcome.events[0]
    assert isinstance(event, AuthRequestCreatedData)
    card = event.auth_request
    assert (card.id, card.created_by_agent, card.created_at) == (request_id, Agent.PRAZO_CERTO, NOW)
    data = card.appointment_data
    assert (data.client_name, data.service_name, data.professional_name) == (
        "Ana Souza",
        "Corte feminino",
        "Carol",
    )
    assert (data.date, data.time, data.ends_at) == ("2026-03-10", "10:00", local(10, 11))


def test_proposal_adds_the_request_to_pending_and_sends_nothing() -> None:
    salon = make_salon_agenda()
    request_id = uuid4()
    outcome = propose_booking(salon.agenda, proposal(salon), request_id=request_id, now=NOW)
    [request] = outcome.change.requests_added
    assert outcome.change == AgendaChange(requests_added=(request,))
    assert (request.id, request.status, request.command_id, request.created_at) == (
        request_id,
        AuthRequestStatus.PENDING,
        "prazo:1",
        NOW,
    )
    assert outcome.messages == ()


def test_proposal_prices_its_offer() -> None:
    salon = make_salon_agenda()
    command = proposal(salon, offer=TEN_PERCENT)
    outcome = propose_booking(salon.agenda, command, request_id=uuid4(), now=NOW)
    data = outcome.change.requests_added[0].appointment_data
    assert (data.price_cents, data.final_price_cents, data.offer) == (12000, 10800, TEN_PERCENT)


@pytest.mark.parametrize("unknown", ["client_id", "service_id", "professional_id"])
def test_proposal_naming_something_unknown_is_refused(unknown: str) -> None:
    salon = make_salon_agenda()
    with pytest.raises(NotFoundError):
        propose_booking(
            salon.agenda, proposal(salon, **{unknown: uuid4()}), request_id=uuid4(), now=NOW
        )


def test_proposal_with_a_professional_who_does_not_perform_the_service_is_refused() -> None:
    salon = make_salon_agenda()
    barba = make_service(name="Barba", duration_min=30)
    salon.agenda.services[barba.id] = barba  # Carol performs only the corte
    with pytest.raises(InvalidCommandError, match="Carol does not perform Barba"):
        propose_booking(
            salon.agenda, proposal(salon, service_id=barba.id), request_id=uuid4(), now=NOW
        )


def test_professional_without_a_service_list_performs_every_service() -> None:
    salon = make_salon_agenda()
    bia = make_professional(name="Bia", service_ids=frozenset())
    salon.agenda.professionals[bia.id] = bia
    salon.agenda.working_hours.append(works(bia.id, TUESDAY, 9, 18))
    command = proposal(salon, professional_id=bia.id)
    outcome = propose_booking(salon.agenda, command, request_id=uuid4(), now=NOW)
    assert outcome.change.requests_added[0].appointment_data.professional_name == "Bia"


@pytest.mark.parametrize("starts_at", [local(10, 12), local(10, 10)], ids=["now", "this_morning"])
def test_proposal_that_does_not_start_in_the_future_is_refused(starts_at: datetime) -> None:
    salon = make_salon_agenda()  # open on Tuesdays 09:00-18:00: only the past is wrong
    tuesday_noon = local(10, 12)
    with pytest.raises(InvalidCommandError, match="future"):
        propose_booking(
            salon.agenda, proposal(salon, starts_at=starts_at), request_id=uuid4(), now=tuesday_noon
        )


@pytest.mark.parametrize(
    "starts_at",
    [local(10, 8), local(10, 17, 30), local(11, 10)],
    ids=["before_opening", "ends_after_closing", "a_day_off"],
)
def test_proposal_outside_working_hours_is_refused(starts_at: datetime) -> None:
    salon = make_salon_agenda()
    with pytest.raises(OutsideWorkingHoursError):
        propose_booking(
            salon.agenda, proposal(salon, starts_at=starts_at), request_id=uuid4(), now=NOW
        )


def test_proposal_over_a_booking_is_refused() -> None:
    salon = make_salon_agenda()
    booked = booking_of(salon, local(10, 10, 30))
    salon.agenda.upcoming = {booked.id: booked}
    with pytest.raises(SlotTakenError):
        propose_booking(salon.agenda, proposal(salon), request_id=uuid4(), now=NOW)


def test_proposal_right_after_a_booking_is_accepted() -> None:
    salon = make_salon_agenda()
    booked = booking_of(salon, local(10, 9))
    salon.agenda.upcoming = {booked.id: booked}
    outcome = propose_booking(salon.agenda, proposal(salon), request_id=uuid4(), now=NOW)
    assert outcome.result.created is True


def test_proposal_over_a_cancelled_booking_is_accepted() -> None:
    salon = make_salon_agenda()
    cancelled = booking_of(salon, TUESDAY_10AM, status=AppointmentStatus.CANCELLED)
    salon.agenda.upcoming = {cancelled.id: cancelled}
    outcome = propose_booking(salon.agenda, proposal(salon), request_id=uuid4(), now=NOW)
    assert outcome.result.created is True


# --- decide_request: approve ----------------------------------------------------------------------
def approved(offer: Offer | None = TEN_PERCENT) -> tuple[Salon, AuthRequest, Any]:
    """A salon with one pending offer of 10% off for Ana, approved by the owner."""
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM, offer=offer, client_state=ClientState.PROPOSED)
    salon.agenda.pending = {request.id: request}
    outcome = decide_request(
        salon.agenda, request, decision(request, "approve"), new_id=id_counter(), now=NOW
    )
    return salon, request, outcome


def test_approval_books_the_slot_at_the_final_price() -> None:
    salon, request, outcome = approved()
    assert outcome.change.appointments_added == (
        Appointment(
            id=UUID(int=1),
            client_id=salon.client.id,
            professional_id=salon.professional.id,
            service_id=salon.service.id,
            starts_at=TUESDAY_10AM,
            ends_at=local(10, 11),
            status=AppointmentStatus.BOOKED,
            price_cents=10800,
            auth_request_id=request.id,
        ),
    )


def test_approval_decides_the_request() -> None:
    _salon, request, outcome = approved()
    assert outcome.change.requests_decided == (
        request.model_copy(
            update={
                "status": AuthRequestStatus.APPROVED,
                "decided_at": NOW,
                "decided_by": OWNER,
                "appointment_id": UUID(int=1),
            }
        ),
    )
    assert outcome.change.requests_added == ()


def test_approval_reports_appointment_created() -> None:
    salon, request, outcome = approved()
    assert [event_type_of(e) for e in outcome.events] == ["appointment_created"]
    event = outcome.events[0]
    assert isinstance(event, AppointmentCreatedData)
    assert (event.appointment_id, event.auth_request_id, event.client_id) == (
        UUID(int=1),
        request.id,
        salon.client.id,
    )
    assert (event.date, event.time, event.price_cents) == ("2026-03-10", "10:00", 10800)


def test_approval_queues_one_transactional_confirmation_about_the_request() -> None:
    salon, request, outcome = approved()
    [message] = outcome.messages
    assert (message.client_id, message.kind, message.related_id) == (
        salon.client.id,
        "transactional",
        request.id,
    )
    assert message.message_id == UUID(int=2)
    assert (message.not_before, message.campaign_run_id) == (None, None)


def test_confirmation_names_service_professional_date_time_and_price_in_portuguese() -> None:
    _salon, _request, outcome = approved()
    assert outcome.messages[0].body == (
        "Olá, Ana! Seu horário no Salão Teste está confirmado: Corte feminino com Carol em"
        " 10/03/2026 às 10:00, valor R$\u00a0108,00. Até lá!"
    )


def test_approval_result_says_the_client_was_not_notified_yet() -> None:
    _salon, request, outcome = approved()
    assert outcome.result == DecisionResult(
        decision="approve",
        auth_request_id=request.id,
        appointment_id=UUID(int=1),
        client_notification_sent=False,
    )


def test_approval_next_to_a_cancelled_booking_books_the_slot() -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM, client_state=ClientState.PROPOSED)
    cancelled = booking_of(salon, TUESDAY_10AM, status=AppointmentStatus.CANCELLED)
    salon.agenda.upcoming = {cancelled.id: cancelled}
    outcome = decide_request(
        salon.agenda, request, decision(request, "approve"), new_id=id_counter(), now=NOW
    )
    assert len(outcome.change.appointments_added) == 1


def test_approval_over_an_overlapping_booking_is_refused_and_changes_nothing() -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM, client_state=ClientState.PROPOSED)
    booked = booking_of(salon, local(10, 9, 30))
    salon.agenda.pending = {request.id: request}
    salon.agenda.upcoming = {booked.id: booked}
    before = copy.deepcopy(salon.agenda)
    with pytest.raises(SlotTakenError, match="stays pending"):
        decide_request(
            salon.agenda, request, decision(request, "approve"), new_id=id_counter(), now=NOW
        )
    assert salon.agenda == before


# --- decide_request: reject -----------------------------------------------------------------------
def rejected() -> tuple[AuthRequest, Any]:
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM, client_state=ClientState.PROPOSED)
    command = decision(request, "reject", notes="Carol está de folga")
    return request, decide_request(salon.agenda, request, command, new_id=id_counter(), now=NOW)


def test_rejection_reports_auth_request_rejected_with_the_notes() -> None:
    request, outcome = rejected()
    assert outcome.events == (
        AuthRequestRejectedData(auth_request_id=request.id, notes="Carol está de folga"),
    )


def test_rejection_books_nothing_and_sends_nothing() -> None:
    request, outcome = rejected()
    assert outcome.messages == ()
    assert outcome.change.appointments_added == ()
    assert outcome.result == DecisionResult(
        decision="reject",
        auth_request_id=request.id,
        appointment_id=None,
        client_notification_sent=False,
    )


def test_rejection_decides_the_request() -> None:
    request, outcome = rejected()
    [decided] = outcome.change.requests_decided
    assert (decided.id, decided.status, decided.decided_by, decided.decided_at) == (
        request.id,
        AuthRequestStatus.REJECTED,
        OWNER,
        NOW,
    )
    assert decided.notes == "Carol está de folga"


@pytest.mark.parametrize("status", [AuthRequestStatus.APPROVED, AuthRequestStatus.REJECTED])
@pytest.mark.parametrize("answer", ["approve", "reject"])
def test_deciding_a_decided_request_is_refused(status: AuthRequestStatus, answer: str) -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM, client_state=ClientState.PROPOSED).model_copy(
        update={"status": status}
    )
    with pytest.raises(AlreadyDecidedError):
        decide_request(
            salon.agenda, request, decision(request, answer), new_id=id_counter(), now=NOW
        )


# --- decide_request: the client's side of the request ---------------------------------------------
@pytest.mark.parametrize(
    "state", [ClientState.DECLINED, ClientState.EXPIRED, ClientState.WITHDRAWN], ids=str
)
@pytest.mark.parametrize("answer", ["approve", "reject"])
def test_deciding_a_request_the_client_side_closed_is_refused_as_offer_closed(
    state: ClientState, answer: str
) -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM).model_copy(
        update={"status": AuthRequestStatus.CLOSED, "client_state": state}
    )
    with pytest.raises(OfferClosedError, match=str(state)):
        decide_request(
            salon.agenda, request, decision(request, answer), new_id=id_counter(), now=NOW
        )


@pytest.mark.parametrize(
    "starts_at", [NOW, NOW - timedelta(hours=1)], ids=["starting_now", "an_hour_ago"]
)
def test_approving_a_request_whose_time_has_passed_is_refused(starts_at: datetime) -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, starts_at, agent=Agent.CHAT, created_at=NOW - timedelta(days=1))
    salon.agenda.pending = {request.id: request}
    before = copy.deepcopy(salon.agenda)
    with pytest.raises(SlotPassedError, match="has passed"):
        decide_request(
            salon.agenda, request, decision(request, "approve"), new_id=id_counter(), now=NOW
        )
    assert salon.agenda == before


def preapproving(
    request_of: Callable[[AuthRequest], AuthRequest] | None = None,
) -> tuple[Salon, AuthRequest, Any]:
    """A salon with Ana's campaign offer for Tuesday 10:00, not answered yet, approved by the
    owner (`request_of` may change the offer first)."""
    salon = make_salon_agenda()
    offer = make_pending(salon, TUESDAY_10AM, expires_at=local(10, 8))
    if request_of is not None:
        offer = request_of(offer)
    salon.agenda.pending = {offer.id: offer}
    command = decision(offer, "approve", notes="pode confirmar")
    outcome = decide_request(salon.agenda, offer, command, new_id=id_counter(), now=NOW)
    return salon, offer, outcome


def test_approving_an_offer_the_client_has_not_answered_preapproves_it() -> None:
    _salon, offer, outcome = preapproving()
    assert outcome.result == DecisionResult(
        decision="approve",
        auth_request_id=offer.id,
        appointment_id=None,
        client_notification_sent=False,
        preapproved=True,
    )


def test_preapproval_keeps_the_offer_pending_marked_preapproved() -> None:
    _salon, offer, outcome = preapproving()
    expected = offer.model_copy(
        update={"preapproved_at": NOW, "preapproved_by": OWNER, "notes": "pode confirmar"}
    )
    assert outcome.change == AgendaChange(requests_updated=(expected,))
    assert expected.preapproved
    assert (expected.status, expected.client_state) == (
        AuthRequestStatus.PENDING,
        ClientState.OFFERED,
    )


def test_preapproval_reports_one_auth_request_updated() -> None:
    _salon, offer, outcome = preapproving()
    assert outcome.events == (
        AuthRequestUpdatedData(
            auth_request_id=offer.id,
            status="pending",
            client_state="offered",
            preapproved=True,
            expires_at=local(10, 8),
        ),
    )


def test_preapproval_books_nothing_and_tells_the_client_nothing() -> None:
    _salon, _offer, outcome = preapproving()
    assert outcome.change.appointments_added == ()
    assert outcome.change.requests_decided == ()
    assert outcome.messages == ()


def test_preapproving_again_changes_nothing() -> None:
    _salon, _offer, outcome = preapproving(lambda r: preapproved(r, OWNER, at=local(9, 10)))
    assert outcome.result.preapproved is True
    assert outcome.result.appointment_id is None
    assert outcome.changes_nothing


@pytest.mark.parametrize(
    "state", [ClientState.PROPOSED, ClientState.REQUESTED, ClientState.ACCEPTED], ids=str
)
def test_approving_a_request_not_waiting_for_the_client_books_and_confirms_it(
    state: ClientState,
) -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM, client_state=state)
    salon.agenda.pending = {request.id: request}
    outcome = decide_request(
        salon.agenda, request, decision(request, "approve"), new_id=id_counter(), now=NOW
    )
    assert outcome.result.appointment_id == UUID(int=1)
    assert [a.auth_request_id for a in outcome.change.appointments_added] == [request.id]
    assert [m.body for m in outcome.messages] == [
        "Olá, Ana! Seu horário no Salão Teste está confirmado: Corte feminino com Carol em"
        " 10/03/2026 às 10:00, valor R$\u00a0120,00. Até lá!"
    ]


def test_booking_without_confirmation_queues_no_message() -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM, client_state=ClientState.ACCEPTED)
    salon.agenda.pending = {request.id: request}
    outcome = book(
        salon.agenda,
        request,
        decided_by=OWNER,
        notes=None,
        now=NOW,
        new_id=id_counter(),
        confirm=False,
    )
    assert [a.auth_request_id for a in outcome.change.appointments_added] == [request.id]
    assert outcome.messages == ()


def test_booking_without_confirmation_still_tells_a_client_whose_offer_was_filled() -> None:
    bruno = make_client(name="Bruno Lima", phone_e164="+5511912345678")
    salon = make_salon_agenda(clients=[bruno])
    request = make_pending(salon, TUESDAY_10AM, client_state=ClientState.ACCEPTED)
    bruno_offer = make_pending(salon, TUESDAY_10AM, client=bruno, client_state=ClientState.ACCEPTED)
    salon.agenda.pending = {r.id: r for r in (request, bruno_offer)}
    outcome = book(
        salon.agenda,
        request,
        decided_by=OWNER,
        notes=None,
        now=NOW,
        new_id=id_counter(),
        confirm=False,
    )
    assert [(m.client_id, m.related_id) for m in outcome.messages] == [(bruno.id, bruno_offer.id)]
    assert outcome.messages[0].body.startswith("Olá, Bruno! O horário de Corte feminino em")


# --- decide_request: rejecting tells a client who was waiting -------------------------------------
def rejecting(state: ClientState) -> tuple[AuthRequest, Any]:
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM, client_state=state)
    command = decision(request, "reject", notes="Carol está de folga")
    return request, decide_request(salon.agenda, request, command, new_id=id_counter(), now=NOW)


@pytest.mark.parametrize("state", [ClientState.REQUESTED, ClientState.ACCEPTED], ids=str)
def test_rejecting_a_request_the_client_asked_for_or_accepted_tells_them(
    state: ClientState,
) -> None:
    request, outcome = rejecting(state)
    assert outcome.messages == (
        OutboundMessage(
            message_id=UUID(int=1),
            client_id=request.appointment_data.client_id,
            kind="transactional",
            body="Olá, Ana! O salão não conseguiu confirmar Corte feminino em 10/03/2026 às 10:00."
            " Tenho estes horários próximos para Corte feminino: 1) amanhã (10/03) às 09:00 com"
            " Carol; 2) amanhã (10/03) às 11:00 com Carol; 3) amanhã (10/03) às 12:00 com Carol."
            " Responda com o número para pedir um deles.",
            related_id=request.id,
            proposed=outcome.messages[0].proposed,
            template=outcome.messages[0].template,
        ),
    )
    template = outcome.messages[0].template
    assert template is not None and template.key == "booking_rejected"
    assert template.value("next_step").startswith("Tenho estes horários próximos")
    # The client's "1" asks for the first: the slots become the conversation's proposed ones.
    assert [p.starts_at for p in outcome.messages[0].proposed] == [
        local(10, 9),
        local(10, 11),
        local(10, 12),
    ]


@pytest.mark.parametrize("state", [ClientState.REQUESTED, ClientState.ACCEPTED], ids=str)
def test_rejecting_a_request_the_client_was_waiting_for_still_decides_it(
    state: ClientState,
) -> None:
    request, outcome = rejecting(state)
    [decided] = outcome.change.requests_decided
    assert (decided.id, decided.status) == (request.id, AuthRequestStatus.REJECTED)
    assert [event_type_of(e) for e in outcome.events] == ["auth_request_rejected"]
    assert outcome.result.client_notification_sent is False


@pytest.mark.parametrize("state", [ClientState.OFFERED, ClientState.PROPOSED], ids=str)
def test_rejecting_an_offer_or_proposal_the_client_did_not_answer_tells_nobody(
    state: ClientState,
) -> None:
    _request, outcome = rejecting(state)
    assert outcome.messages == ()
    assert [r.status for r in outcome.change.requests_decided] == [AuthRequestStatus.REJECTED]


# --- repeats --------------------------------------------------------------------------------------
def test_same_proposal_again_answers_the_first_request() -> None:
    salon = make_salon_agenda()
    existing = make_pending(salon, TUESDAY_10AM, command_id="prazo:1")
    result = repeated_proposal(existing, proposal(salon))
    assert result == AuthRequestCreatedResult(auth_request_id=existing.id, created=False)


@pytest.mark.parametrize(
    "change",
    [
        {"starts_at": local(10, 11)},
        {"client_id": uuid4()},
        {"service_id": uuid4()},
        {"professional_id": uuid4()},
    ],
    ids=["another_time", "another_client", "another_service", "another_professional"],
)
def test_same_command_id_for_another_booking_is_refused(change: dict[str, Any]) -> None:
    salon = make_salon_agenda()
    existing = make_pending(salon, TUESDAY_10AM, command_id="prazo:1")
    with pytest.raises(DuplicateCommandError, match="prazo:1"):
        repeated_proposal(existing, proposal(salon, **change))


def test_stored_approval_answers_its_appointment() -> None:
    salon = make_salon_agenda()
    appointment_id = uuid4()
    request = make_pending(salon, TUESDAY_10AM, client_state=ClientState.PROPOSED).model_copy(
        update={"status": AuthRequestStatus.APPROVED, "appointment_id": appointment_id}
    )
    result = stored_decision(request, decision(request, "approve"), notification_sent=True)
    assert result == DecisionResult(
        decision="approve",
        auth_request_id=request.id,
        appointment_id=appointment_id,
        client_notification_sent=True,
    )


def test_stored_rejection_answers_no_appointment() -> None:
    salon = make_salon_agenda()
    request = make_pending(salon, TUESDAY_10AM, client_state=ClientState.PROPOSED).model_copy(
        update={"status": AuthRequestStatus.REJECTED}
    )
    result = stored_decision(request, decision(request, "reject"), notification_sent=False)
    assert (result.decision, result.appointment_id, result.client_notification_sent) == (
        "reject",
        None,
        False,
    )
