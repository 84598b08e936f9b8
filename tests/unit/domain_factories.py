"""Small factories for the pure decisions' tests: a one-chair salon in São Paulo, pending requests,
chat understandings and slots, and ids that come out in a known order."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from domain import auth_requests
from domain.agenda import Agenda
from domain.chat_agent import ProposedSlot
from domain.chat_rules import Understanding
from domain.commands import CreateAuthRequest
from domain.models import (
    Agent,
    Appointment,
    AuthRequest,
    Client,
    ClientState,
    Offer,
    Professional,
    Service,
    Tenant,
    WorkingHours,
)
from tests.factories import (
    make_agenda,
    make_appointment,
    make_client,
    make_hours,
    make_professional,
    make_service,
)

SAO_PAULO = "America/Sao_Paulo"
SP = ZoneInfo(SAO_PAULO)  # UTC-3 all year (no daylight saving since 2019)
MONDAY, TUESDAY, WEDNESDAY, THURSDAY = 0, 1, 2, 3
NOW = datetime(2026, 3, 9, 12, 0, tzinfo=SP)  # Monday 09/03/2026, noon in São Paulo
SALON_NAME = "Salão Teste"


def local(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    """A São Paulo time in 2026 (March by default: the 10th is a Tuesday, the 12th a Thursday)."""
    return datetime(2026, month, day, hour, minute, tzinfo=SP)


def id_counter(start: int = 1) -> Callable[[], UUID]:
    """`new_id` whose ids are UUID(int=start), UUID(int=start + 1), … in call order."""
    numbers = itertools.count(start)
    return lambda: UUID(int=next(numbers))


def works(professional_id: UUID, weekday: int, start: int, end: int) -> WorkingHours:
    return make_hours(professional_id, weekday=weekday, start=time(start), end=time(end))


@dataclass
class Salon:
    """An agenda and the parts tests name: client Ana, a 60-minute R$ 120 corte, and Carol, who
    performs it on Tuesdays 09:00–18:00."""

    agenda: Agenda
    client: Client
    service: Service
    professional: Professional


def make_salon_agenda(
    *,
    clients: Iterable[Client] = (),
    services: Iterable[Service] = (),
    professionals: Iterable[Professional] = (),
    hours: Iterable[WorkingHours] | None = None,
    upcoming: Iterable[Appointment] = (),
    pending: Iterable[AuthRequest] = (),
    time_zone: str = SAO_PAULO,
    client: Client | None = None,
) -> Salon:
    """Ana, the corte and Carol, plus whatever else is passed."""
    ana = client or make_client(name="Ana Souza", phone_e164="+5511987654321")
    corte = make_service(name="Corte feminino", duration_min=60, price_cents=12000)
    extra_services = list(services)
    carol = make_professional(
        name="Carol", service_ids=frozenset({corte.id, *(s.id for s in extra_services)})
    )
    agenda = make_agenda(
        tenant=Tenant(id=uuid4(), name=SALON_NAME, time_zone=time_zone),
        clients=[ana, *clients],
        services=[corte, *extra_services],
        professionals=[carol, *professionals],
        working_hours=[works(carol.id, TUESDAY, 9, 18)] if hours is None else list(hours),
        upcoming=list(upcoming),
        pending=list(pending),
    )
    return Salon(agenda=agenda, client=ana, service=corte, professional=carol)


def make_pending(
    salon: Salon,
    starts_at: datetime,
    *,
    client: Client | None = None,
    agent: Agent = Agent.PRAZO_CERTO,
    created_at: datetime = NOW,
    offer: Offer | None = None,
    command_id: str = "cmd-1",
    client_state: ClientState | None = None,
    expires_at: datetime | None = None,
) -> AuthRequest:
    """A pending request for the salon's corte with Carol (for Ana unless `client` is given);
    a campaign agent's is an offer sent to the client, the chat's a request the client made."""
    who = client or salon.client
    command = CreateAuthRequest(
        command_id=command_id,
        created_by_agent=agent,
        client_id=who.id,
        service_id=salon.service.id,
        professional_id=salon.professional.id,
        starts_at=starts_at,
        offer=offer,
    )
    data = auth_requests.build_appointment_data(
        client=who,
        service=salon.service,
        professional=salon.professional,
        starts_at=starts_at,
        time_zone=salon.agenda.time_zone,
        offer=offer,
    )
    default_state = {Agent.CHAT: ClientState.REQUESTED, Agent.MANUAL: ClientState.PROPOSED}
    request, _event = auth_requests.new_request(
        command,
        data=data,
        request_id=uuid4(),
        now=created_at,
        client_state=client_state or default_state.get(agent, ClientState.OFFERED),
        expires_at=expires_at,
    )
    return request


def preapproved(request: AuthRequest, owner: UUID, at: datetime = NOW) -> AuthRequest:
    """`request` as the owner pre-approved it (an offer the client has not answered yet)."""
    return request.model_copy(update={"preapproved_at": at, "preapproved_by": owner})


def make_booking(salon: Salon, starts_at: datetime, **overrides: Any) -> Appointment:
    """A booked appointment with Carol for the corte (60 minutes) at `starts_at`."""
    return make_appointment(
        professional_id=salon.professional.id,
        service_id=salon.service.id,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=60),
        **overrides,
    )


def make_understanding(**overrides: Any) -> Understanding:
    """A message that asks nothing in particular (intent unknown, no flags, no names)."""
    values: dict[str, Any] = {
        "intent": "unknown",
        "opt_out": False,
        "affirmative": False,
        "negative": False,
        "service_id": None,
        "professional_id": None,
        "day": None,
        "at": None,
        "part_of_day": None,
    }
    return Understanding(**(values | overrides))


def slot_of(salon: Salon, starts_at: datetime, service: Service | None = None) -> ProposedSlot:
    """A slot with Carol at `starts_at`, for the corte unless `service` is given."""
    chosen = service or salon.service
    return ProposedSlot(
        service_id=chosen.id,
        professional_id=salon.professional.id,
        starts_at=starts_at,
        service_name=chosen.name,
        professional_name=salon.professional.name,
    )
