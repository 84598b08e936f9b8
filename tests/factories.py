"""Small factory functions for test data: `make_x(**overrides)`."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from domain.agenda import Agenda
from domain.models import (
    Appointment,
    AppointmentData,
    AppointmentStatus,
    Client,
    Professional,
    Service,
    Tenant,
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


def make_agenda(**overrides: Any) -> Agenda:
    """An empty salon agenda in São Paulo; pass lists, they become the agenda's dicts by id."""
    tenant = overrides.pop("tenant", Tenant(id=uuid4(), name="Salão Teste"))

    def by_id(name: str) -> dict[UUID, Any]:
        return {item.id: item for item in overrides.pop(name, [])}

    return Agenda(
        tenant=tenant,
        professionals=by_id("professionals"),
        services=by_id("services"),
        working_hours=list(overrides.pop("working_hours", [])),
        clients=by_id("clients"),
        upcoming=by_id("upcoming"),
        pending=by_id("pending"),
        **overrides,
    )


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


def days_ago(days: int, hour: int = 10) -> datetime:
    """A past local time in São Paulo, on the quarter hour."""
    zone = ZoneInfo("America/Sao_Paulo")
    day = datetime.now(zone).date() - timedelta(days=days)
    return datetime.combine(day, time(hour, 0), zone)


def make_recall_salon() -> SalonFile:
    """A salon whose Prazo Certo outcome is known by hand (cycles: corte 45 d, barba 15 d).

    - `due`: one corte 50 days ago with Carol → due (service cycle), gets a suggestion;
    - `regular`: five barbas every 10 days with Rafael, last 12 days ago → due by own rhythm;
    - `recent`: one corte 10 days ago → not due;
    - `optout`: due but opted out of marketing → skipped `opted_out`;
    - `booked`: due but already booked tomorrow → skipped `already_booked`.
    """

    def visit(
        days: int, service: str = "corte", professional: str = "carol", **extra: Any
    ) -> VisitPart:
        return VisitPart(
            service=service, professional=professional, starts_at=days_ago(days), **extra
        )

    booked_at = next_local_slot(days_ahead=1, hour=16)
    clients = [
        ClientPart(key="due", name="Ana Souza", phone=next_phone(), visits=[visit(50)]),
        ClientPart(
            key="regular",
            name="Bruno Lima",
            phone=next_phone(),
            visits=[visit(d, "barba", "rafael") for d in (52, 42, 32, 22, 12)],
        ),
        ClientPart(key="recent", name="Carla Dias", phone=next_phone(), visits=[visit(10)]),
        ClientPart(
            key="optout",
            name="Davi Rocha",
            phone=next_phone(),
            marketing_opt_out=True,
            visits=[visit(60)],
        ),
        ClientPart(
            key="booked",
            name="Elisa Melo",
            phone=next_phone(),
            visits=[
                visit(70),
                VisitPart(
                    service="barba", professional="rafael", starts_at=booked_at, status="booked"
                ),
            ],
        ),
    ]
    return make_salon(clients=clients)


def make_appointment_data(**overrides: Any) -> AppointmentData:
    """A booking's data as the WhatsApp texts read it (São Paulo, 10/03/2026 10:00)."""
    starts_at = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))
    values: dict[str, Any] = {
        "client_id": uuid4(),
        "client_name": "Ana Souza",
        "service_id": uuid4(),
        "service_name": "Corte feminino",
        "professional_id": uuid4(),
        "professional_name": "Carol",
        "date": "2026-03-10",
        "time": "10:00",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=1),
        "duration_min": 60,
        "price_cents": 8000,
        "final_price_cents": 8000,
    }
    return AppointmentData(**(values | overrides))
