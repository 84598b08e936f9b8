"""The demo salon seed: it parses, it is big enough to demo, and its agenda could really happen."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from types import ModuleType
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.free_time import overlaps, within_working_hours
from domain.models import WorkingHours
from domain.salon_import import SalonFile, VisitPart, id_for, tenant_id_of

ROOT = Path(__file__).resolve().parents[2]
SEED_PATH = ROOT / "db" / "seed" / "demo_salon.json"
GENERATOR_PATH = ROOT / "scripts" / "make_demo_salon.py"


@cache
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@cache
def load_salon() -> SalonFile:
    return SalonFile.model_validate_json(seed_text())


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_demo_salon", GENERATOR_PATH)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {GENERATOR_PATH}")
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is being made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def professional_id(salon: SalonFile, key: str) -> UUID:
    return id_for(tenant_id_of(salon), "professional", key)


def working_hours_of(salon: SalonFile) -> list[WorkingHours]:
    return [
        WorkingHours(
            professional_id=professional_id(salon, professional.key),
            weekday=interval.weekday,
            start=interval.start,
            end=interval.end,
        )
        for professional in salon.professionals
        for interval in professional.working_hours
    ]


def all_visits(salon: SalonFile) -> list[VisitPart]:
    return [visit for client in salon.clients for visit in client.visits]


def booked_visits(salon: SalonFile) -> list[VisitPart]:
    return [visit for visit in all_visits(salon) if visit.status == "booked"]


def ends_at(salon: SalonFile, visit: VisitPart) -> datetime:
    duration_min = {service.key: service.duration_min for service in salon.services}
    return visit.starts_at + timedelta(minutes=duration_min[visit.service])


def local_date_of(salon: SalonFile, visit: VisitPart) -> date:
    return visit.starts_at.astimezone(ZoneInfo(salon.tenant.time_zone)).date()


def test_seed_file_parses_as_the_salon_format() -> None:
    salon = SalonFile.model_validate_json(seed_text())

    assert salon.format == "agenda-cheia/salon@1"


def test_salon_has_at_least_three_professionals() -> None:
    assert len(load_salon().professionals) >= 3


def test_salon_offers_at_least_eight_services() -> None:
    assert len(load_salon().services) >= 8


def test_every_service_has_a_return_cycle() -> None:
    assert all(service.return_cycle_days for service in load_salon().services)


def test_salon_has_at_least_two_hundred_clients() -> None:
    assert len(load_salon().clients) >= 200


def test_most_clients_have_visits() -> None:
    clients = load_salon().clients

    with_visits = [client for client in clients if client.visits]

    assert len(with_visits) >= 0.9 * len(clients)


def test_client_phones_are_unique() -> None:
    phones = [client.phone for client in load_salon().clients]

    assert len(phones) == len(set(phones))


def test_whatsapp_ids_are_the_phone_digits_with_or_without_the_ninth_digit() -> None:
    for client in load_salon().clients:
        digits = client.phone.removeprefix("+")

        assert client.whatsapp_id in (digits, digits[:4] + digits[5:]), client.key


def test_every_visit_is_within_working_hours() -> None:
    salon = load_salon()
    hours = working_hours_of(salon)

    outside = [
        (visit.professional, visit.starts_at.isoformat())
        for visit in all_visits(salon)
        if not within_working_hours(
            hours,
            professional_id=professional_id(salon, visit.professional),
            starts_at=visit.starts_at,
            ends_at=ends_at(salon, visit),
            time_zone=salon.tenant.time_zone,
        )
    ]

    assert outside == []


def test_every_visit_starts_on_a_quarter_hour() -> None:
    starts = [visit.starts_at for visit in all_visits(load_salon())]

    assert all(
        start.minute % 15 == 0 and start.second == start.microsecond == 0 for start in starts
    )


def test_every_visit_is_a_service_its_professional_performs() -> None:
    salon = load_salon()
    performs = {
        professional.key: set(professional.services) for professional in salon.professionals
    }

    assert all(visit.service in performs[visit.professional] for visit in all_visits(salon))


def test_no_professional_has_overlapping_visits() -> None:
    salon = load_salon()
    spans: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for visit in all_visits(salon):
        if visit.status != "cancelled":
            spans[visit.professional].append((visit.starts_at, ends_at(salon, visit)))

    # Sorted by start, any overlapping pair implies an overlapping neighbour pair.
    clashes = [
        (earlier, later)
        for professional_spans in spans.values()
        for earlier, later in zip(
            sorted(professional_spans), sorted(professional_spans)[1:], strict=False
        )
        if overlaps(*earlier, *later)
    ]

    assert clashes == []


def test_salon_has_ten_to_twenty_booked_visits() -> None:
    assert 10 <= len(booked_visits(load_salon())) <= 20


def test_booked_visits_fall_in_the_week_after_as_of() -> None:
    salon = load_salon()

    days_ahead = {(local_date_of(salon, v) - salon.as_of).days for v in booked_visits(salon)}

    assert days_ahead <= set(range(1, 8))


def test_visits_before_as_of_are_not_booked() -> None:
    salon = load_salon()

    past = [visit for visit in all_visits(salon) if local_date_of(salon, visit) < salon.as_of]

    assert past
    assert all(visit.status != "booked" for visit in past)


def test_generator_reproduces_the_seed_file() -> None:
    generator = load_generator()

    generated = generator.build_salon(generator.DEFAULT_SEED, generator.DEFAULT_AS_OF)

    assert generated.model_dump(mode="json") == json.loads(seed_text())
