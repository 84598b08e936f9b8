"""Who is due to come back (Prazo Certo's rule), and who must not be offered anything now.

The rule: a client is due for a service when the days since their last visit for it reach their
return cycle. The cycle is the client's own typical interval (the median gap between visits) once
they have three visits or more of that service; before that, the service's return cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.agenda import Agenda
from domain.client_book import ClientBook
from domain.history import ServiceHistory
from domain.models import Service, Value

# run_limit: the run reached its maximum number of suggestions before this client.
# no_consent: the salon requires an active opt-in and the client gave none.
SkipReason = Literal[
    "opted_out",
    "no_consent",
    "already_booked",
    "pending_suggestion",
    "frequency_cap",
    "no_slot",
    "run_limit",
]


@dataclass(frozen=True)
class CampaignFacts:
    """What only campaigns read, loaded fresh for each run (the salon's memory does not keep it):
    every client's visit history per service, and when each was last sent an offer."""

    histories: list[ServiceHistory]
    last_marketing_at: Mapping[UUID, datetime]
    # Clients with a booking nobody marked yet, also one that already ended (a visit that
    # happened counts once it is completed; until then the client is not recalled).
    booked_client_ids: frozenset[UUID] = frozenset()


@dataclass(frozen=True)
class Reach:
    """Who may be sent an offer now; derived once per run from the agenda and the facts."""

    clients: ClientBook
    booked_client_ids: frozenset[UUID]
    pending_client_ids: frozenset[UUID]
    last_marketing_at: Mapping[UUID, datetime]
    require_consent: bool = False

    @classmethod
    def of(cls, agenda: Agenda, facts: CampaignFacts) -> Reach:
        return cls(
            clients=agenda.client_book,
            booked_client_ids=agenda.booked_client_ids() | facts.booked_client_ids,
            pending_client_ids=agenda.pending_client_ids(),
            last_marketing_at=facts.last_marketing_at,
            require_consent=agenda.settings.require_marketing_consent,
        )

    def skip_reason(
        self, client_id: UUID, *, now: datetime, frequency_cap_days: int
    ) -> SkipReason | None:
        """Why this client must not get a campaign offer now, if they must not."""
        marketing = self.clients.marketing(client_id)  # a campaign asks for each due client
        if marketing is None or marketing[0]:
            return "opted_out"
        if self.require_consent and not marketing[1]:
            return "no_consent"
        if client_id in self.booked_client_ids:
            return "already_booked"
        if client_id in self.pending_client_ids:
            return "pending_suggestion"
        last = self.last_marketing_at.get(client_id)
        if last is not None and now - last < timedelta(days=frequency_cap_days):
            return "frequency_cap"
        return None


class DueClient(Value):
    client_id: UUID
    service_id: UUID
    history: ServiceHistory
    cycle_days: int
    cycle_source: Literal["client", "service"]
    due_on: date
    overdue_days: int

    @property
    def urgency(self) -> float:
        """How far into (or past) the cycle the client is: 1.0 is exactly due."""
        return (self.cycle_days + self.overdue_days) / self.cycle_days


def return_cycle(
    history: ServiceHistory, service: Service
) -> tuple[int, Literal["client", "service"]] | None:
    if history.typical_interval_days is not None and history.typical_interval_days >= 1:
        return round(history.typical_interval_days), "client"
    if service.return_cycle_days is not None:
        return service.return_cycle_days, "service"
    return None


def cycle_position(
    history: ServiceHistory,
    service: Service,
    *,
    today: date,
    time_zone: str,
    not_before_due: bool = False,
) -> DueClient | None:
    """Where a client stands in their cycle for one service (None without any cycle, or, with
    `not_before_due`, before it is due: most clients are not, and need no position built)."""
    cycle = return_cycle(history, service)
    if cycle is None:
        return None
    days, source = cycle
    last_day = history.last_visit_at.astimezone(ZoneInfo(time_zone)).date()
    due_on = last_day + timedelta(days=days)
    if not_before_due and today < due_on:
        return None
    return DueClient(
        client_id=history.client_id,
        service_id=history.service_id,
        history=history,
        cycle_days=days,
        cycle_source=source,
        due_on=due_on,
        overdue_days=(today - due_on).days,
    )


def due_clients(
    histories: Iterable[ServiceHistory],
    services: Mapping[UUID, Service],
    *,
    time_zone: str,
    today: date,
    service_id: UUID | None = None,
) -> list[DueClient]:
    """One entry per due client (their most overdue service), most overdue first."""
    best: dict[UUID, DueClient] = {}
    for history in histories:
        service = services.get(history.service_id)
        if service is None or (service_id is not None and history.service_id != service_id):
            continue
        position = cycle_position(
            history, service, today=today, time_zone=time_zone, not_before_due=True
        )
        if position is None:
            continue
        current = best.get(history.client_id)
        if current is None or position.urgency > current.urgency:
            best[history.client_id] = position
    return sorted(best.values(), key=lambda d: (-d.urgency, str(d.client_id)))
