"""Offers over time on a small salon: an offer not answered in time expires, a request whose time
came closes, and a booking withdraws the other campaign offers for its time. It is Monday noon;
Carol does the corte on Tuesdays 09:00-18:00; Ana asked for Tuesday 10:00 in the chat."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID, uuid4

import pytest

from domain.agenda import AgendaChange
from domain.approvals import decide_request
from domain.commands import DecideAuthRequest, DecisionResult, RequestsClosed
from domain.events import AuthRequestUpdatedData, event_type_of
from domain.models import Agent, AuthRequest, AuthRequestStatus, Client, ClientState
from domain.offers import close_stale, is_stale
from domain.outcome import OutboundMessage, Outcome
from tests.factories import make_client, make_professional
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


def make_offers_salon() -> tuple[Salon, Client]:
    """The salon, with Bruno, a second client who may be offered Ana's time."""
    bruno = make_client(name="Bruno Lima", phone_e164="+5511912345678")
    return make_salon_agenda(clients=[bruno]), bruno


def holding(salon: Salon, *requests: AuthRequest) -> None:
    salon.agenda.pending = {r.id: r for r in requests}


def offer_to(
    salon: Salon, client: Client, starts_at: datetime, state: ClientState = ClientState.OFFERED
) -> AuthRequest:
    return make_pending(salon, starts_at, client=client, client_state=state, command_id="prazo:1")


def asked_by_ana(salon: Salon) -> AuthRequest:
    return make_pending(salon, TUESDAY_10AM, agent=Agent.CHAT, command_id="chat:1")


def approve(salon: Salon, request: AuthRequest) -> Outcome[DecisionResult]:
    command = DecideAuthRequest(request_id=request.id, decision="approve", decided_by=OWNER)
    return decide_request(salon.agenda, request, command, new_id=id_counter(), now=NOW)


def closed_as(request: AuthRequest, state: ClientState, at: datetime = NOW) -> AuthRequest:
    return request.model_copy(
        update={"status": AuthRequestStatus.CLOSED, "client_state": state, "client_state_at": at}
    )


# --- a booking withdraws the campaign offers for its time -----------------------------------------
@pytest.mark.parametrize("state", [ClientState.OFFERED, ClientState.ACCEPTED])
def test_booking_withdraws_an_overlapping_offer_of_the_same_professional(
    state: ClientState,
) -> None:
    salon, bruno = make_offers_salon()
    ana = asked_by_ana(salon)
    bruno_offer = offer_to(salon, bruno, local(10, 10, 30), state)
    holding(salon, ana, bruno_offer)
    outcome = approve(salon, ana)
    assert [r.id for r in outcome.change.requests_decided] == [ana.id, bruno_offer.id]
    assert outcome.change.requests_decided[1] == closed_as(bruno_offer, ClientState.WITHDRAWN)


def test_booking_leaves_neither_the_booked_request_nor_the_withdrawn_offer_pending() -> None:
    salon, bruno = make_offers_salon()
    ana = asked_by_ana(salon)
    bruno_offer = offer_to(salon, bruno, TUESDAY_10AM)
    holding(salon, ana, bruno_offer)
    salon.agenda.apply(approve(salon, ana).change)
    assert salon.agenda.pending == {}
    assert [a.auth_request_id for a in salon.agenda.upcoming.values()] == [ana.id]


def test_a_preapproved_offer_for_the_booked_time_is_withdrawn_too() -> None:
    salon, bruno = make_offers_salon()
    ana = asked_by_ana(salon)
    bruno_offer = preapproved(offer_to(salon, bruno, TUESDAY_10AM), OWNER)
    holding(salon, ana, bruno_offer)
    outcome = approve(salon, ana)
    assert outcome.change.requests_decided[1:] == (closed_as(bruno_offer, ClientState.WITHDRAWN),)


def test_booking_reports_appointment_created_then_one_update_per_withdrawn_offer() -> None:
    salon, bruno = make_offers_salon()
    cris = make_client(name="Cris Dias", phone_e164="+5511955554444")
    salon.agenda.clients[cris.id] = cris
    ana = asked_by_ana(salon)
    offered = offer_to(salon, bruno, local(10, 9, 30))
    accepted = offer_to(salon, cris, local(10, 10, 30), ClientState.ACCEPTED)
    holding(salon, ana, offered, accepted)
    outcome = approve(salon, ana)
    assert [event_type_of(e) for e in outcome.events] == [
        "appointment_created",
        "auth_request_updated",
        "auth_request_updated",
    ]
    assert outcome.events[1:] == (
        AuthRequestUpdatedData(
            auth_request_id=offered.id, status="closed", client_state="withdrawn"
        ),
        AuthRequestUpdatedData(
            auth_request_id=accepted.id, status="closed", client_state="withdrawn"
        ),
    )


def test_client_who_accepted_a_withdrawn_offer_is_told_it_was_filled() -> None:
    salon, bruno = make_offers_salon()
    ana = asked_by_ana(salon)
    bruno_offer = offer_to(salon, bruno, local(10, 10, 30), ClientState.ACCEPTED)
    holding(salon, ana, bruno_offer)
    outcome = approve(salon, ana)
    # ids: 1 the appointment, 2 Ana's confirmation, 3 Bruno's notice
    assert [m.client_id for m in outcome.messages] == [salon.client.id, bruno.id]
    assert outcome.messages[1] == OutboundMessage(
        message_id=UUID(int=3),
        client_id=bruno.id,
        kind="transactional",
        body="Olá, Bruno! O horário de Corte feminino em 10/03/2026 às 10:30 com Carol acabou de"
        " ser preenchido. Tenho estes horários próximos para Corte feminino: 1) amanhã (10/03) às"
        " 09:00 com Carol; 2) amanhã (10/03) às 11:30 com Carol; 3) amanhã (10/03) às 12:30 com"
        " Carol. Responda com o número para pedir um deles.",
        related_id=bruno_offer.id,
        proposed=outcome.messages[1].proposed,
        template=outcome.messages[1].template,
    )
    template = outcome.messages[1].template
    assert template is not None and (template.key, template.value("first_name")) == (
        "offer_filled",
        "Bruno",
    )
    assert [p.starts_at for p in outcome.messages[1].proposed] == [
        local(10, 9),
        local(10, 11, 30),
        local(10, 12, 30),
    ]


def test_client_only_offered_is_not_told_when_the_offer_is_withdrawn() -> None:
    salon, bruno = make_offers_salon()
    ana = asked_by_ana(salon)
    holding(salon, ana, offer_to(salon, bruno, TUESDAY_10AM))
    outcome = approve(salon, ana)
    assert [m.client_id for m in outcome.messages] == [salon.client.id]  # Ana's confirmation


@pytest.mark.parametrize("state", [ClientState.PROPOSED, ClientState.REQUESTED])
def test_overlapping_requests_that_are_not_campaign_offers_stay_pending(
    state: ClientState,
) -> None:
    salon, bruno = make_offers_salon()
    ana = asked_by_ana(salon)
    bruno_request = make_pending(salon, TUESDAY_10AM, client=bruno, client_state=state)
    holding(salon, ana, bruno_request)
    outcome = approve(salon, ana)
    salon.agenda.apply(outcome.change)
    assert list(salon.agenda.pending) == [bruno_request.id]
    assert salon.agenda.pending[bruno_request.id] == bruno_request
    assert [event_type_of(e) for e in outcome.events] == ["appointment_created"]
    assert [m.client_id for m in outcome.messages] == [salon.client.id]


@pytest.mark.parametrize(
    "starts_at", [local(10, 9), local(10, 11)], ids=["right_before", "right_after"]
)
def test_offers_back_to_back_with_the_booking_stay_pending(starts_at: datetime) -> None:
    salon, bruno = make_offers_salon()
    ana = asked_by_ana(salon)
    bruno_offer = offer_to(salon, bruno, starts_at)
    holding(salon, ana, bruno_offer)
    salon.agenda.apply(approve(salon, ana).change)
    assert list(salon.agenda.pending) == [bruno_offer.id]


def test_an_offer_with_another_professional_at_the_same_time_stays_pending() -> None:
    salon, bruno = make_offers_salon()
    bia = make_professional(name="Bia", service_ids=frozenset({salon.service.id}))
    salon.agenda.professionals[bia.id] = bia
    salon.agenda.working_hours.append(works(bia.id, TUESDAY, 9, 18))
    ana = asked_by_ana(salon)
    carol_offer = offer_to(salon, bruno, TUESDAY_10AM)
    bia_data = carol_offer.appointment_data.model_copy(
        update={"professional_id": bia.id, "professional_name": "Bia"}
    )
    bia_offer = carol_offer.model_copy(update={"appointment_data": bia_data})
    holding(salon, ana, bia_offer)
    outcome = approve(salon, ana)
    assert [r.id for r in outcome.change.requests_decided] == [ana.id]


# --- close_stale: offers not answered in time, requests whose time came ---------------------------
def test_an_offer_not_answered_before_it_expired_is_closed_as_expired() -> None:
    salon = make_salon_agenda()
    offer = make_pending(salon, TUESDAY_10AM, expires_at=NOW - timedelta(minutes=1))
    holding(salon, offer)
    outcome = close_stale(salon.agenda, NOW)
    assert outcome.change == AgendaChange(requests_decided=(closed_as(offer, ClientState.EXPIRED),))


def test_an_offer_expiring_this_very_moment_is_closed() -> None:
    salon = make_salon_agenda()
    offer = make_pending(salon, TUESDAY_10AM, expires_at=NOW)
    holding(salon, offer)
    assert close_stale(salon.agenda, NOW).result == RequestsClosed(closed=1)


def test_an_offer_not_yet_expired_stays_open() -> None:
    salon = make_salon_agenda()
    offer = make_pending(salon, TUESDAY_10AM, expires_at=NOW + timedelta(minutes=1))
    holding(salon, offer)
    outcome = close_stale(salon.agenda, NOW)
    assert outcome.result == RequestsClosed(closed=0)
    assert outcome.changes_nothing


def test_an_offer_without_an_expiry_stays_open_until_its_time() -> None:
    salon = make_salon_agenda()
    offer = make_pending(salon, TUESDAY_10AM)
    holding(salon, offer)
    assert close_stale(salon.agenda, local(10, 9, 59)).changes_nothing
    assert close_stale(salon.agenda, TUESDAY_10AM).result == RequestsClosed(closed=1)


@pytest.mark.parametrize("state", [ClientState.ACCEPTED, ClientState.REQUESTED])
def test_a_request_waiting_for_the_owner_does_not_expire_before_its_time(
    state: ClientState,
) -> None:
    salon = make_salon_agenda()
    waiting = make_pending(
        salon, TUESDAY_10AM, client_state=state, expires_at=NOW - timedelta(days=1)
    )
    holding(salon, waiting)
    assert close_stale(salon.agenda, NOW).changes_nothing


@pytest.mark.parametrize(
    "state",
    [ClientState.PROPOSED, ClientState.REQUESTED, ClientState.OFFERED, ClientState.ACCEPTED],
    ids=str,
)
@pytest.mark.parametrize("starts_at", [NOW, NOW - timedelta(days=6)], ids=["now", "last_week"])
def test_any_pending_request_whose_time_came_is_closed_as_expired(
    state: ClientState, starts_at: datetime
) -> None:
    salon = make_salon_agenda()
    request = make_pending(
        salon, starts_at, client_state=state, created_at=starts_at - timedelta(days=1)
    )
    holding(salon, request)
    outcome = close_stale(salon.agenda, NOW)
    assert outcome.change.requests_decided == (closed_as(request, ClientState.EXPIRED),)


def test_a_preapproved_offer_expires_like_any_other() -> None:
    salon = make_salon_agenda()
    offer = preapproved(make_pending(salon, TUESDAY_10AM, expires_at=NOW), OWNER)
    holding(salon, offer)
    [expired] = close_stale(salon.agenda, NOW).change.requests_decided
    assert (expired.status, expired.client_state) == (AuthRequestStatus.CLOSED, ClientState.EXPIRED)


def test_closing_reports_one_auth_request_updated_per_closed_request_and_counts_them() -> None:
    salon, bruno = make_offers_salon()
    expired = make_pending(salon, TUESDAY_10AM, expires_at=NOW - timedelta(hours=1))
    past = make_pending(salon, local(9, 11), client=bruno, agent=Agent.CHAT, created_at=local(9, 8))
    still_open = make_pending(
        salon, local(10, 15), client=bruno, expires_at=NOW + timedelta(days=1)
    )
    holding(salon, expired, past, still_open)
    outcome = close_stale(salon.agenda, NOW)
    assert outcome.result == RequestsClosed(closed=2)
    assert outcome.events == (
        AuthRequestUpdatedData(
            auth_request_id=expired.id,
            status="closed",
            client_state="expired",
            expires_at=NOW - timedelta(hours=1),
        ),
        AuthRequestUpdatedData(auth_request_id=past.id, status="closed", client_state="expired"),
    )


def test_closing_frees_the_time_and_the_client_for_later_offers() -> None:
    salon = make_salon_agenda()
    expired = make_pending(salon, TUESDAY_10AM, expires_at=NOW - timedelta(hours=1))
    still_open = make_pending(salon, local(10, 15), expires_at=NOW + timedelta(hours=1))
    holding(salon, expired, still_open)
    salon.agenda.apply(close_stale(salon.agenda, NOW).change)
    assert list(salon.agenda.pending) == [still_open.id]
    assert [b.starts_at for b in salon.agenda.busy()] == [local(10, 15)]


def test_closing_tells_no_client() -> None:
    salon = make_salon_agenda()
    holding(salon, make_pending(salon, TUESDAY_10AM, expires_at=NOW))
    assert close_stale(salon.agenda, NOW).messages == ()


def test_nothing_stale_changes_nothing() -> None:
    salon = make_salon_agenda()
    outcome = close_stale(salon.agenda, NOW)
    assert (outcome.result, outcome.changes_nothing) == (RequestsClosed(closed=0), True)


# --- is_stale -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("state", "starts_at", "expires_at", "stale"),
    [
        (ClientState.OFFERED, TUESDAY_10AM, NOW + timedelta(seconds=1), False),
        (ClientState.OFFERED, TUESDAY_10AM, NOW, True),
        (ClientState.OFFERED, TUESDAY_10AM, None, False),
        (ClientState.ACCEPTED, TUESDAY_10AM, NOW, False),
        (ClientState.PROPOSED, NOW + timedelta(seconds=1), None, False),
        (ClientState.PROPOSED, NOW, None, True),
        (ClientState.REQUESTED, NOW - timedelta(hours=1), None, True),
    ],
    ids=[
        "offer_open",
        "offer_expired",
        "offer_without_expiry",
        "accepted_past_expiry",
        "proposal_ahead",
        "proposal_starting_now",
        "request_past",
    ],
)
def test_is_stale_when_an_offer_expired_or_the_time_came(
    state: ClientState, starts_at: datetime, expires_at: datetime | None, stale: bool
) -> None:
    salon = make_salon_agenda()
    request = make_pending(
        salon,
        starts_at,
        client_state=state,
        expires_at=expires_at,
        created_at=NOW - timedelta(days=1),
    )
    assert is_stale(request, NOW) is stale
