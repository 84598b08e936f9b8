"""Auth request decisions: pending → approved | rejected, and nothing after."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest

from domain import auth_requests
from domain.commands import CreateAuthRequest, DecideAuthRequest
from domain.errors import AlreadyDecidedError, InvalidCommandError
from domain.models import Agent, AuthRequest, AuthRequestStatus, Offer
from tests.factories import make_client, make_professional, make_service

NOW = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
STARTS = datetime(2026, 3, 10, 14, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))


def make_request(offer: Offer | None = None) -> AuthRequest:
    client, service, professional = make_client(), make_service(), make_professional()
    data = auth_requests.build_appointment_data(
        client=client,
        service=service,
        professional=professional,
        starts_at=STARTS,
        time_zone="America/Sao_Paulo",
        offer=offer,
    )
    command = CreateAuthRequest(
        command_id="cmd-1",
        created_by_agent=Agent.PRAZO_CERTO,
        client_id=client.id,
        service_id=service.id,
        professional_id=professional.id,
        starts_at=STARTS,
        offer=offer,
    )
    request, _event = auth_requests.new_request(command, data=data, request_id=uuid4(), now=NOW)
    return request


def by_owner() -> dict[str, object]:
    return {"decided_by": uuid4(), "notes": None}


def decide(decision: str) -> DecideAuthRequest:
    return DecideAuthRequest(request_id=uuid4(), decision=decision, decided_by=uuid4())  # type: ignore[arg-type]


def test_proposal_is_pending() -> None:
    assert make_request().status == AuthRequestStatus.PENDING


def test_proposal_carries_local_date_and_time() -> None:
    data = make_request().appointment_data
    assert (data.date, data.time) == ("2026-03-10", "14:00")


def test_approval_books_the_proposed_slot() -> None:
    request = make_request()
    approval = auth_requests.approve(request, **by_owner(), appointment_id=uuid4(), now=NOW)
    assert approval.request.status == AuthRequestStatus.APPROVED
    assert approval.appointment.starts_at == request.appointment_data.starts_at
    assert approval.appointment.auth_request_id == request.id
    assert approval.event.auth_request_id == request.id


def test_rejection_books_nothing() -> None:
    rejection = auth_requests.reject(make_request(), decide("reject"), now=NOW)
    assert rejection.request.status == AuthRequestStatus.REJECTED
    assert rejection.request.appointment_id is None


def test_approved_request_cannot_be_rejected() -> None:
    approved = auth_requests.approve(
        make_request(), **by_owner(), appointment_id=uuid4(), now=NOW
    ).request
    with pytest.raises(AlreadyDecidedError):
        auth_requests.reject(approved, decide("reject"), now=NOW)


def test_rejected_request_cannot_be_approved() -> None:
    rejected = auth_requests.reject(make_request(), decide("reject"), now=NOW).request
    with pytest.raises(AlreadyDecidedError):
        auth_requests.approve(rejected, **by_owner(), appointment_id=uuid4(), now=NOW)


def test_same_decision_again_is_a_repeat() -> None:
    approved = auth_requests.approve(
        make_request(), **by_owner(), appointment_id=uuid4(), now=NOW
    ).request
    assert auth_requests.repeats_decision(approved, decide("approve"))
    assert not auth_requests.repeats_decision(approved, decide("reject"))


def test_percent_offer_lowers_price() -> None:
    request = make_request(Offer(type="percent", value=15))
    assert request.appointment_data.final_price_cents == 10200


def test_amount_offer_lowers_price() -> None:
    assert auth_requests.apply_offer(12000, Offer(type="amount", value=2000)) == 10000


def test_offer_above_price_is_refused() -> None:
    with pytest.raises(InvalidCommandError):
        auth_requests.apply_offer(12000, Offer(type="amount", value=20000))


def test_percent_offer_above_hundred_is_refused() -> None:
    with pytest.raises(InvalidCommandError):
        auth_requests.apply_offer(12000, Offer(type="percent", value=150))
