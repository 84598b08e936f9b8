"""Prazo Certo, pure: each due client gets one real open slot, preferably with their usual
professional, near their usual weekday and time of day; who is skipped says why."""

from __future__ import annotations

from datetime import datetime, timedelta
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
from domain.free_time import Slot
from domain.models import Professional
from domain.recall import CampaignFacts, DueClient, Reach, due_clients


def plan_prazo_certo(
    agenda: Agenda, facts: CampaignFacts, *, now: datetime, options: CampaignOptions
) -> CampaignPlan:
    due = due_clients(
        facts.histories,
        agenda.services,
        time_zone=agenda.time_zone,
        today=agenda.local_date(now),
        service_id=options.service_id,
    )
    reach = Reach.of(agenda, facts)
    start, end = window(now, options)
    scope = performers(agenda, None, options.professional_id)
    free = FreeTime.of(agenda, scope, start, end)
    suggestions: list[Suggestion] = []
    skipped: list[Skipped] = []
    doers: dict[UUID, list[Professional]] = {}  # who performs each service, found once a run
    for entry in due:
        reason = reach.skip_reason(
            entry.client_id, now=now, frequency_cap_days=options.frequency_cap_days
        )
        if reason is None and len(suggestions) >= options.max_suggestions:
            reason = "run_limit"
        if reason is None and entry.service_id not in doers:
            doers[entry.service_id] = performers(agenda, entry.service_id, options.professional_id)
        slot = None if reason else _best_slot(agenda, entry, free, doers[entry.service_id])
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
                why=describe_due(entry),
            )
        )
    return CampaignPlan(
        campaign_type="prazo_certo",
        total_clients_found=len(due),
        suggestions=suggestions,
        skipped=skipped,
    )


def _best_slot(
    agenda: Agenda, entry: DueClient, free: FreeTime, doers: list[Professional]
) -> Slot | None:
    """The usual professional's best start if they have one (it ranks before anyone else's),
    else the best of the others' by weekday, time of day, then the start itself."""
    service = agenda.services[entry.service_id]
    history = entry.history
    usual = history.usual_professional_id
    best: tuple[tuple[int, int, datetime], UUID] | None = None
    for professional in sorted(doers, key=lambda p: p.id != usual):  # stable: usual first
        found = free.best_start(
            professional.id,
            service.duration_min,
            weekday=history.usual_weekday,
            minute=history.usual_minute,
        )
        if found is None:
            continue
        if professional.id == usual:
            best = (found, professional.id)
            break
        if best is None or found < best[0]:
            best = (found, professional.id)
    if best is None:
        return None
    starts_at = best[0][2]
    return Slot(
        professional_id=best[1],
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=service.duration_min),
    )
