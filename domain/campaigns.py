"""What both campaign agents share: their options, the plan they return, the free time they take
slots from, and who performs what. The agents themselves: domain/prazo_certo.py and
domain/encher_agenda.py; what a run stores: domain/campaign_runs.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import Field

from domain.agenda import Agenda
from domain.free_time import STEP_MIN, Busy, Slot, free_gaps, round_up_to_step
from domain.history import ServiceHistory
from domain.models import Offer, Professional, Value, WorkingHours
from domain.recall import DueClient, SkipReason
from domain.vocabulary import CampaignType


class CampaignOptions(Value):
    """How a run plans. A run of a salon's (domain/campaign_runs.py) takes `frequency_cap_days`
    from the salon's settings, and its default discount when `offer` is None and
    `use_default_offer` (False: this run offers no discount)."""

    frequency_cap_days: int = Field(default=7, ge=0)
    days_ahead: int = Field(default=7, ge=1, le=60)
    offers_per_slot: int = Field(default=3, ge=1)
    max_suggestions: int = Field(default=200, ge=1)
    min_lead_min: int = Field(default=120, ge=0)
    service_id: UUID | None = None
    professional_id: UUID | None = None
    offer: Offer | None = None
    use_default_offer: bool = True


class Suggestion(Value):
    client_id: UUID
    service_id: UUID
    professional_id: UUID
    starts_at: datetime
    ends_at: datetime
    offer: Offer | None
    why: str


class Skipped(Value):
    client_id: UUID
    service_id: UUID | None
    reason: SkipReason


class CampaignPlan(Value):
    campaign_type: CampaignType
    total_clients_found: int
    suggestions: list[Suggestion]
    skipped: list[Skipped]

    def skip_counts(self) -> dict[str, int]:
        return dict(Counter(s.reason for s in self.skipped))


class FreeTime:
    """Free stretches per professional over the campaign window; taking a slot splits one."""

    def __init__(
        self,
        *,
        hours: Sequence[WorkingHours],
        busy: Sequence[Busy],
        professionals: Sequence[Professional],
        start: datetime,
        end: datetime,
        time_zone: str,
    ) -> None:
        self._time_zone = time_zone
        self._gaps: dict[UUID, list[Slot]] = {
            p.id: free_gaps(
                hours=hours,
                busy=busy,
                professional_id=p.id,
                start=start,
                end=end,
                time_zone=time_zone,
            )
            for p in professionals
        }

    @classmethod
    def of(
        cls, agenda: Agenda, professionals: Sequence[Professional], start: datetime, end: datetime
    ) -> FreeTime:
        """The agenda's free time: outside bookings and slots already proposed to someone."""
        return cls(
            hours=agenda.working_hours,
            busy=agenda.busy(),
            professionals=professionals,
            start=start,
            end=end,
            time_zone=agenda.time_zone,
        )

    def gaps(self, professional_id: UUID) -> list[Slot]:
        return list(self._gaps.get(professional_id, []))

    def starts(self, professional_id: UUID, duration_min: int) -> Iterator[datetime]:
        """Every quarter-hour start where `duration_min` fits (plain datetimes: this is the
        innermost loop of planning, thousands per client)."""
        duration = timedelta(minutes=duration_min)
        step = timedelta(minutes=STEP_MIN)
        for gap in self._gaps.get(professional_id, ()):
            start = gap.starts_at
            while start + duration <= gap.ends_at:
                yield start
                start += step

    def take(self, slot: Slot) -> None:
        kept = []
        for gap in self._gaps.get(slot.professional_id, []):
            if gap.ends_at <= slot.starts_at or gap.starts_at >= slot.ends_at:
                kept.append(gap)
                continue
            if gap.starts_at < slot.starts_at:
                kept.append(gap.model_copy(update={"ends_at": slot.starts_at}))
            if slot.ends_at < gap.ends_at:
                # Offers start on the quarter hour, also after a service of 50 minutes.
                resume = round_up_to_step(slot.ends_at, self._time_zone)
                if resume < gap.ends_at:
                    kept.append(gap.model_copy(update={"starts_at": resume}))
        self._gaps[slot.professional_id] = kept


def window(now: datetime, options: CampaignOptions) -> tuple[datetime, datetime]:
    return now + timedelta(minutes=options.min_lead_min), now + timedelta(days=options.days_ahead)


def performers(agenda: Agenda, service_id: UUID | None, only: UUID | None) -> list[Professional]:
    """Active professionals (or just `only`) who perform `service_id`, in a stable order."""
    return sorted(
        (
            p
            for p in agenda.professionals.values()
            if p.active
            and (only is None or p.id == only)
            and (service_id is None or not p.service_ids or service_id in p.service_ids)
        ),
        key=lambda p: str(p.id),
    )


def slot_score(
    start: datetime, professional_id: UUID, history: ServiceHistory, zone: ZoneInfo
) -> tuple[int, int, int, datetime]:
    """Lower is better: the usual professional, then the nearest weekday, then the nearest time."""
    local = start.astimezone(zone)
    weekday_gap = abs(local.weekday() - history.usual_weekday)
    minute_gap = abs(local.hour * 60 + local.minute - history.usual_minute)
    usual = 0 if professional_id == history.usual_professional_id else 1
    return usual, min(weekday_gap, 7 - weekday_gap), minute_gap, start


def describe_due(due: DueClient) -> str:
    # The owner reads this on the dashboard: Brazilian Portuguese and dates.
    source = "ritmo próprio" if due.cycle_source == "client" else "ciclo do serviço"
    return f"retorno previsto em {due.due_on:%d/%m/%Y} ({source}: {due.cycle_days} dias)"
