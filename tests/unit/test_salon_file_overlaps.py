"""A salon file with two overlapping visits of one professional is refused, naming both."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from domain.salon_import import ClientPart, TenantPart, find_overlapping_visits
from tests.factories import make_salon, make_visit, next_phone

AT = datetime(2026, 10, 1, 10, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))


def client(key: str, *visits: object) -> ClientPart:
    return ClientPart(key=key, name=key.title(), phone=next_phone(), visits=list(visits))


def test_overlapping_visits_of_one_professional_are_refused_naming_both() -> None:
    with pytest.raises(ValidationError) as refused:
        make_salon(
            clients=[
                client("ana", make_visit(starts_at=AT)),
                client("bia", make_visit(starts_at=AT + timedelta(minutes=30))),
            ]
        )
    message = str(refused.value)
    assert "visits overlap for professional carol" in message
    assert "client ana at 2026-10-01T10:00:00-03:00" in message
    assert "client bia at 2026-10-01T10:30:00-03:00" in message


def test_back_to_back_visits_are_accepted() -> None:
    salon = make_salon(
        clients=[
            client("ana", make_visit(starts_at=AT)),
            client("bia", make_visit(starts_at=AT + timedelta(minutes=60))),
        ]
    )
    assert find_overlapping_visits(salon) is None


def test_same_time_with_two_professionals_is_accepted() -> None:
    salon = make_salon(
        clients=[
            client("ana", make_visit(starts_at=AT, service="barba")),
            client("bia", make_visit(starts_at=AT, service="barba", professional="rafael")),
        ]
    )
    assert find_overlapping_visits(salon) is None


def test_cancelled_visit_does_not_block() -> None:
    salon = make_salon(
        clients=[
            client("ana", make_visit(starts_at=AT, status="cancelled")),
            client("bia", make_visit(starts_at=AT)),
        ]
    )
    assert find_overlapping_visits(salon) is None


def test_a_long_visit_overlapping_a_later_one_is_found() -> None:
    # corte (60 min) at 10:00 covers a barba at 10:45 even with a short visit between them.
    with pytest.raises(ValidationError, match="client ana at 2026-10-01T10:00"):
        make_salon(
            clients=[
                client("ana", make_visit(starts_at=AT)),
                client("bia", make_visit(starts_at=AT, service="barba", professional="rafael")),
                client("caio", make_visit(starts_at=AT + timedelta(minutes=45), service="barba")),
            ]
        )


def test_the_same_visit_twice_is_one_visit() -> None:
    salon = make_salon(clients=[client("ana", make_visit(starts_at=AT), make_visit(starts_at=AT))])
    assert find_overlapping_visits(salon) is None


def test_a_salon_file_with_an_unknown_time_zone_is_refused() -> None:
    with pytest.raises(ValidationError, match="not an IANA time zone"):
        TenantPart(name="Salão", slug="salao", time_zone="Mars/Olympus")
    assert TenantPart(name="Salão", slug="salao", time_zone="America/Manaus").time_zone
