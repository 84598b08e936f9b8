"""Campaign planning, pure: which client gets which real open slot, and who is skipped and why.

Prazo Certo offers each due client one slot, preferably with their usual professional, near their
usual weekday and time of day. Encher Agenda walks the open slots of the coming days and offers
each to the regulars of that professional most overdue for a service that fits it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Literal
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import Field

from domain.free_slots import STEP_MIN, Slot, free_gaps, round_up_to_step
from domain.history import ServiceHistory
from domain.models import Offer, Professional, Value
from domain.recall import (
    CampaignInput,
    DueClient,
    SkipReason,
    cycle_position,
    due_clients,
    skip_reason,
)

CampaignType = Literal["prazo_certo", "encher_agenda"]
ENCHER_STEP = timedelta(hours=1)


class CampaignOptions(Value):
    frequency_cap_days: int = Field(default=7, ge=0)
    days_ahead: int = Field(default=7, ge=1, le=60)
    offers_per_slot: int = Field(default=3, ge=1)
    max_suggestions: int = Field(default=200, ge=1)
    min_lead_min: int = Field(default=120, ge=0)
    service_id: UUID | None = None
    professional_id: UUID | None = None
    offer: Offer | None = None


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
        campaign: CampaignInput,
        professionals: list[Professional],
        start: datetime,
        end: datetime,
    ) -> None:
        self._time_zone = campaign.time_zone
        self._gaps: dict[UUID, list[Slot]] = {
            p.id: free_gaps(
                hours=campaign.hours,
                busy=campaign.busy,
                professional_id=p.id,
                start=start,
                end=end,
                time_zone=campaign.time_zone,
            )
            for p in professionals
        }

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


def _window(now: datetime, options: CampaignOptions) -> tuple[datetime, datetime]:
    return now + timedelta(minutes=options.min_lead_min), now + timedelta(days=options.days_ahead)


def _performers(
    campaign: CampaignInput, service_id: UUID | None, only: UUID | None
) -> list[Professional]:
    return sorted(
        (
            p
            for p in campaign.professionals.values()
            if p.active
            and (only is None or p.id == only)
            and (service_id is None or not p.service_ids or service_id in p.service_ids)
        ),
        key=lambda p: str(p.id),
    )


def _slot_score(
    start: datetime, professional_id: UUID, history: ServiceHistory, zone: ZoneInfo
) -> tuple[int, int, int, datetime]:
    """Lower is better: the usual professional, then the nearest weekday, then the nearest time."""
    local = start.astimezone(zone)
    weekday_gap = abs(local.weekday() - history.usual_weekday)
    minute_gap = abs(local.hour * 60 + local.minute - history.usual_minute)
    usual = 0 if professional_id == history.usual_professional_id else 1
    return usual, min(weekday_gap, 7 - weekday_gap), minute_gap, start


def _describe(due: DueClient) -> str:
    # The owner reads this on the dashboard: Brazilian Portuguese and dates.
    source = "ritmo próprio" if due.cycle_source == "client" else "ciclo do serviço"
    return f"retorno previsto em {due.due_on:%d/%m/%Y} ({source}: {due.cycle_days} dias)"


def plan_prazo_certo(
    campaign: CampaignInput, *, now: datetime, options: CampaignOptions
) -> CampaignPlan:
    today = now.astimezone(ZoneInfo(campaign.time_zone)).date()
    due = due_clients(campaign, today=today, service_id=options.service_id)
    start, end = _window(now, options)
    free = FreeTime(campaign, _performers(campaign, None, options.professional_id), start, end)
    suggestions: list[Suggestion] = []
    skipped: list[Skipped] = []
    for entry in due:
        reason = skip_reason(
            campaign, entry.client_id, now=now, frequency_cap_days=options.frequency_cap_days
        )
        if reason is None and len(suggestions) >= options.max_suggestions:
            reason = "run_limit"
        slot = None if reason else _best_slot(campaign, entry, free, options)
        if reason is None and slot is None:
            reason = "no_slot"
        if reason is not None or slot is None:
            skipped.append(
                Skipped(
                    client_id=entry.client_id,
                    service_id=entry.service_id,
                    reason=reason or "no_slot",
                )
            )
            continue
        free.take(slot)
        suggestions.append(
            Suggestion(
                client_id=entry.client_id,
                service_id=entry.service_id,
                professional_id=slot.professional_id,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                offer=options.offer,
                why=_describe(entry),
            )
        )
    return CampaignPlan(
        campaign_type="prazo_certo",
        total_clients_found=len(due),
        suggestions=suggestions,
        skipped=skipped,
    )


def _best_slot(
    campaign: CampaignInput, entry: DueClient, free: FreeTime, options: CampaignOptions
) -> Slot | None:
    service = campaign.services[entry.service_id]
    zone = ZoneInfo(campaign.time_zone)
    best: tuple[tuple[int, int, int, datetime], UUID] | None = None
    for professional in _performers(campaign, service.id, options.professional_id):
        for start in free.starts(professional.id, service.duration_min):
            key = _slot_score(start, professional.id, entry.history, zone)
            if best is None or key < best[0]:
                best = (key, professional.id)
    if best is None:
        return None
    starts_at = best[0][3]
    return Slot(
        professional_id=best[1],
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=service.duration_min),
    )


def plan_encher_agenda(
    campaign: CampaignInput, *, now: datetime, options: CampaignOptions
) -> CampaignPlan:
    today = now.astimezone(ZoneInfo(campaign.time_zone)).date()
    start, end = _window(now, options)
    professionals = _performers(campaign, None, options.professional_id)
    free = FreeTime(campaign, professionals, start, end)
    regulars = _regulars(campaign, today, {p.id for p in professionals}, options.service_id)
    skips: dict[UUID, Skipped] = {}
    offered: set[UUID] = set()
    suggestions: list[Suggestion] = []
    for slot_start, professional in _slot_starts(free, professionals):
        for entry in _fitting(campaign, regulars, professional, slot_start, free):
            if entry.client_id in offered or entry.client_id in skips:
                continue
            reason = skip_reason(
                campaign, entry.client_id, now=now, frequency_cap_days=options.frequency_cap_days
            )
            if reason is not None:
                skips[entry.client_id] = Skipped(
                    client_id=entry.client_id, service_id=entry.service_id, reason=reason
                )
                continue
            duration = timedelta(minutes=campaign.services[entry.service_id].duration_min)
            suggestions.append(
                Suggestion(
                    client_id=entry.client_id,
                    service_id=entry.service_id,
                    professional_id=professional.id,
                    starts_at=slot_start,
                    ends_at=slot_start + duration,
                    offer=options.offer,
                    why=_describe(entry)
                    if entry.overdue_days >= 0
                    else f"cliente frequente de {professional.name}",
                )
            )
            offered.add(entry.client_id)
            if (
                sum(
                    1
                    for s in suggestions
                    if s.starts_at == slot_start and s.professional_id == professional.id
                )
                >= options.offers_per_slot
            ):
                break
        if len(suggestions) >= options.max_suggestions:
            break
    return CampaignPlan(
        campaign_type="encher_agenda",
        total_clients_found=len({e.client_id for e in regulars}),
        suggestions=suggestions[: options.max_suggestions],
        skipped=list(skips.values()),
    )


def _regulars(
    campaign: CampaignInput, today: date, professional_ids: set[UUID], service_id: UUID | None
) -> list[DueClient]:
    """Clients' positions for services with the professionals in scope, most overdue first."""
    positions = []
    for history in campaign.histories:
        service = campaign.services.get(history.service_id)
        if service is None or history.usual_professional_id not in professional_ids:
            continue
        if service_id is not None and service.id != service_id:
            continue
        position = cycle_position(history, service, today=today, time_zone=campaign.time_zone)
        if position is not None:
            positions.append(position)
    return sorted(positions, key=lambda d: (-d.urgency, str(d.client_id), str(d.service_id)))


def _slot_starts(
    free: FreeTime, professionals: list[Professional]
) -> list[tuple[datetime, Professional]]:
    starts = []
    for professional in professionals:
        for gap in free.gaps(professional.id):
            start = gap.starts_at
            while start + timedelta(minutes=STEP_MIN) <= gap.ends_at:
                starts.append((start, professional))
                start += ENCHER_STEP
    return sorted(starts, key=lambda item: (item[0], str(item[1].id)))


def _fitting(
    campaign: CampaignInput,
    regulars: list[DueClient],
    professional: Professional,
    start: datetime,
    free: FreeTime,
) -> list[DueClient]:
    """Regulars of this professional whose service fits the free stretch starting at `start`."""
    room = next(
        (g.ends_at - start for g in free.gaps(professional.id) if g.starts_at <= start < g.ends_at),
        timedelta(0),
    )
    return [
        entry
        for entry in regulars
        if entry.history.usual_professional_id == professional.id
        and (not professional.service_ids or entry.service_id in professional.service_ids)
        and timedelta(minutes=campaign.services[entry.service_id].duration_min) <= room
    ]
