"""Encher Agenda, pure: walks the open slots of the coming days and offers each to the regulars
of that professional most overdue for a service that fits it (a few offers per slot)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

from domain.agenda import Agenda
from domain.campaigns import (
    CampaignOptions,
    CampaignPlan,
    FreeTime,
    Skipped,
    Suggestion,
    describe_due,
    performers,
    window,
)
from domain.free_time import STEP_MIN
from domain.models import Professional
from domain.recall import CampaignFacts, DueClient, Reach, cycle_position

ENCHER_STEP = timedelta(hours=1)


def plan_encher_agenda(
    agenda: Agenda, facts: CampaignFacts, *, now: datetime, options: CampaignOptions
) -> CampaignPlan:
    start, end = window(now, options)
    professionals = performers(agenda, None, options.professional_id)
    free = FreeTime.of(agenda, professionals, start, end)
    reach = Reach.of(agenda, facts)
    regulars = _regulars(
        agenda, facts, agenda.local_date(now), {p.id for p in professionals}, options.service_id
    )
    skips: dict[UUID, Skipped] = {}
    offered: set[UUID] = set()
    suggestions: list[Suggestion] = []
    for slot_start, professional in _slot_starts(free, professionals):
        for entry in _fitting(agenda, regulars, professional, slot_start, free):
            if entry.client_id in offered or entry.client_id in skips:
                continue
            reason = reach.skip_reason(
                entry.client_id, now=now, frequency_cap_days=options.frequency_cap_days
            )
            if reason is not None:
                skips[entry.client_id] = Skipped(
                    client_id=entry.client_id, service_id=entry.service_id, reason=reason
                )
                continue
            duration = timedelta(minutes=agenda.services[entry.service_id].duration_min)
            suggestions.append(
                Suggestion(
                    client_id=entry.client_id,
                    service_id=entry.service_id,
                    professional_id=professional.id,
                    starts_at=slot_start,
                    ends_at=slot_start + duration,
                    offer=options.offer,
                    why=describe_due(entry)
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
    agenda: Agenda,
    facts: CampaignFacts,
    today: date,
    professional_ids: set[UUID],
    service_id: UUID | None,
) -> list[DueClient]:
    """Clients' positions for services with the professionals in scope, most overdue first."""
    positions = []
    for history in facts.histories:
        service = agenda.services.get(history.service_id)
        if service is None or history.usual_professional_id not in professional_ids:
            continue
        if service_id is not None and service.id != service_id:
            continue
        position = cycle_position(history, service, today=today, time_zone=agenda.time_zone)
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
    agenda: Agenda,
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
        and timedelta(minutes=agenda.services[entry.service_id].duration_min) <= room
    ]
