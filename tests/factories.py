"""Small factory functions for test data: `make_x(**overrides)`."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from domain.models import (
    Appointment,
    AppointmentStatus,
    Client,
    Professional,
    Service,
    WorkingHours,
)
from domain.salon_import import (
    ClientPart,
    ProfessionalPart,
    SalonFile,
    ServicePart,
    UserPart,
    VisitPart,
    WorkingHoursPart,
    id_for,
    tenant_id_of,
)

_phones = itertools.count(10_000_000)


def next_phone() -> str:
    return f"+55119{next(_phones) % 100_000_000:08d}"


def make_service(**overrides: Any) -> Service:
    values: dict[str, Any] = {
        "id": uuid4(),
        "name": "Corte feminino",
        "duration_min": 60,
        "price_cents": 12000,
        "return_cycle_days": 45,
    }
    return Service(**(values | overrides))


def make_professional(**overrides: Any) -> Professional:
    return Professional(**({"id": uuid4(), "name": "Carol"} | overrides))


def make_client(**overrides: Any) -> Client:
    values: dict[str, Any] = {"id": uuid4(), "name": "João Silva", "phone_e164": next_phone()}
    return Client(**(values | overrides))


def make_appointment(**overrides: Any) -> Appointment:
    starts_at = overrides.pop("starts_at", datetime(2026, 3, 10, 13, 0, tzinfo=UTC))
    values: dict[str, Any] = {
        "id": uuid4(),
        "client_id": uuid4(),
        "professional_id": uuid4(),
        "service_id": uuid4(),
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(minutes=60),
        "status": AppointmentStatus.BOOKED,
        "price_cents": 12000,
    }
    return Appointment(**(values | overrides))


def make_hours(professional_id: UUID, **overrides: Any) -> WorkingHours:
    values: dict[str, Any] = {
        "professional_id": professional_id,
        "weekday": 1,
        "start": time(9, 0),
        "end": time(18, 0),
    }
    return WorkingHours(**(values | overrides))


ALL_DAY = [WorkingHoursPart(weekday=d, start=time(0, 0), end=time(23, 59)) for d in range(7)]


def make_salon(**overrides: Any) -> SalonFile:
    """A small salon open every day (00:00–23:59 local) so tests can book any future slot."""
    slug = overrides.pop("slug", f"test-{uuid4().hex[:12]}")
    clients = overrides.pop("clients", None)
    values: dict[str, Any] = {
        "format": "agenda-cheia/salon@1",
        "as_of": date(2026, 11, 29),
        "tenant": {"name": f"Salão {slug}", "slug": slug},
        "users": [
            UserPart(key="owner", name="Dona Ana", email=f"ana@{slug}.test", role="owner"),
            UserPart(key="staff", name="Bia", email=f"bia@{slug}.test", role="staff"),
        ],
        "services": [
            ServicePart(
                key="corte",
                name="Corte feminino",
                duration_min=60,
                price_cents=12000,
                return_cycle_days=45,
            ),
            ServicePart(
                key="barba", name="Barba", duration_min=30, price_cents=4500, return_cycle_days=15
            ),
        ],
        "professionals": [
            ProfessionalPart(
                key="carol", name="Carol", services=["corte", "barba"], working_hours=ALL_DAY
            ),
            ProfessionalPart(
                key="rafael", name="Rafael", services=["barba"], working_hours=ALL_DAY
            ),
        ],
        "clients": clients
        if clients is not None
        else [
            ClientPart(key=f"c{i}", name=f"Cliente {i}", phone=next_phone(), visits=[])
            for i in range(25)
        ],
    }
    return SalonFile.model_validate(values | overrides)


def make_visit(**overrides: Any) -> VisitPart:
    values: dict[str, Any] = {
        "service": "corte",
        "professional": "carol",
        "starts_at": datetime(2026, 10, 1, 10, 0, tzinfo=ZoneInfo("America/Sao_Paulo")),
    }
    return VisitPart(**(values | overrides))


class SalonIds:
    """Database ids of a salon file's keyed records."""

    def __init__(self, salon: SalonFile) -> None:
        self.tenant = tenant_id_of(salon)

    def of(self, kind: str, key: str) -> UUID:
        return id_for(self.tenant, kind, key)

    @property
    def owner(self) -> UUID:
        return self.of("user", "owner")


def next_local_slot(days_ahead: int = 1, hour: int = 10, minute: int = 0) -> datetime:
    """A time `days_ahead` days from now at hour:minute in São Paulo (always in the future)."""
    zone = ZoneInfo("America/Sao_Paulo")
    day = datetime.now(zone).date() + timedelta(days=days_ahead)
    return datetime.combine(day, time(hour, minute), zone)
