"""One campaign run, pure: plan it on the salon's agenda and say everything the run stores.

A stored run is its `campaign_run` row, one auth request per suggestion, one Portuguese WhatsApp
offer per suggestion (held until the salon's send window opens), `auth_request_created` per
suggestion and one `campaign_completed` — all in the one transaction the actor makes of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from domain import auth_requests
from domain.agenda import Agenda, AgendaChange
from domain.campaigns import CampaignOptions, CampaignPlan
from domain.commands import (
    CampaignResult,
    CampaignStatsView,
    CreateAuthRequest,
    RunCampaign,
    SkipView,
    SuggestionView,
)
from domain.encher_agenda import plan_encher_agenda
from domain.errors import NotFoundError
from domain.events import CampaignCompletedData, CampaignStats, EventData
from domain.models import Agent, AppointmentData, AuthRequest, ClientState
from domain.outcome import OutboundMessage, Outcome, whatsapp_message
from domain.prazo_certo import plan_prazo_certo
from domain.recall import CampaignFacts
from domain.salon_settings import SalonSettings
from domain.send_window import next_send_time
from domain.vocabulary import CampaignType
from domain.whatsapp_texts import campaign_offer_text


@dataclass(frozen=True)
class CampaignRun:
    """A planned run: its outcome, and the row that records it (the run key makes it once)."""

    outcome: Outcome[CampaignResult]
    local_date: date
    context: dict[str, Any]


# However early its slot, an offer gives the client this long to answer after it may leave.
ANSWER_AT_LEAST = timedelta(hours=1)


def offer_expiry(
    leaves_at: datetime, starts_at: datetime, *, lead: timedelta, expiry: timedelta
) -> datetime:
    """When an offer not answered expires, freeing its time and its client: `expiry` after its
    WhatsApp may leave, or its start minus the campaign's lead if earlier — but never before the
    client had an hour to answer, nor after the start."""
    due = min(leaves_at + expiry, starts_at - lead)
    return min(max(due, leaves_at + ANSWER_AT_LEAST), starts_at)


def plan_campaign(
    agenda: Agenda, facts: CampaignFacts, command: RunCampaign, now: datetime
) -> CampaignPlan:
    options = for_salon(command.options, agenda.settings, command.campaign_type)
    if options.service_id is not None and options.service_id not in agenda.services:
        raise NotFoundError(f"service {options.service_id} not found in this salon")
    if options.professional_id is not None and options.professional_id not in agenda.professionals:
        raise NotFoundError(f"professional {options.professional_id} not found in this salon")
    planner = plan_prazo_certo if command.campaign_type == "prazo_certo" else plan_encher_agenda
    return planner(agenda, facts, now=now, options=options)


def for_salon(
    options: CampaignOptions, settings: SalonSettings, campaign_type: CampaignType
) -> CampaignOptions:
    """The run's options under the salon's settings: its frequency cap, and its default discount
    for the campaign where the run names none (unless the run asked for no discount)."""
    offer = options.offer
    if offer is None and options.use_default_offer:
        offer = settings.default_offer(campaign_type)
    return options.model_copy(
        update={"frequency_cap_days": settings.frequency_cap_days, "offer": offer}
    )


def send_day(agenda: Agenda, now: datetime) -> date:
    """The salon's day when a run planned now may send its offers: the day Prazo Certo asks
    who is due on."""
    opens, closes = agenda.settings.send_window
    return agenda.local_date(
        next_send_time(now, time_zone=agenda.time_zone, opens=opens, closes=closes)
    )


def plan_run(
    agenda: Agenda,
    facts: CampaignFacts,
    command: RunCampaign,
    *,
    now: datetime,
    new_id: Callable[[], UUID],
) -> CampaignRun:
    """The run's plan and everything it stores (a dry run stores nothing: same result, no ids).

    Offers are planned from when their WhatsApp may leave (the salon's send window), not from
    now: a run at night offers no slot the client could only read after it began.
    """
    settings = agenda.settings
    opens, closes = settings.send_window
    offer_expiry_h = settings.offer_expiry_h
    not_before = next_send_time(now, time_zone=agenda.time_zone, opens=opens, closes=closes)
    plan = plan_campaign(agenda, facts, command, not_before)
    run_id = new_id()
    stored_run = None if command.dry_run else run_id
    last_visit = {(h.client_id, h.service_id): h.last_visit_at for h in facts.histories}
    lead = timedelta(minutes=command.options.min_lead_min)
    requests: list[AuthRequest] = []
    messages: list[OutboundMessage] = []
    events: list[EventData] = []
    views: list[SuggestionView] = []
    for index, suggestion in enumerate(plan.suggestions):
        create = CreateAuthRequest(
            command_id=f"campaign:{command.run_key}:{index}",
            created_by_agent=Agent(plan.campaign_type),
            client_id=suggestion.client_id,
            service_id=suggestion.service_id,
            professional_id=suggestion.professional_id,
            starts_at=suggestion.starts_at,
            offer=suggestion.offer,
        )
        expires_at = offer_expiry(
            not_before, suggestion.starts_at, lead=lead, expiry=timedelta(hours=offer_expiry_h)
        )
        request, event = auth_requests.request_for(
            agenda,
            create,
            request_id=new_id(),
            now=now,
            campaign_run_id=stored_run,
            client_state=ClientState.OFFERED,
            expires_at=expires_at,
        )
        data = request.appointment_data
        last = last_visit.get((suggestion.client_id, suggestion.service_id))
        text = campaign_offer_text(
            data,
            salon_name=agenda.tenant.name,
            campaign=plan.campaign_type,
            last_visit_date=agenda.local_date(last).isoformat() if last else None,
        )
        requests.append(request)
        messages.append(
            whatsapp_message(
                message_id=new_id(),
                client_id=suggestion.client_id,
                kind="marketing",
                text=text,
                related_id=request.id,
                campaign_run_id=stored_run,
                not_before=not_before,
            )
        )
        events.append(event)
        views.append(_view(data, suggestion.why, None if command.dry_run else request.id))
    result = _result(command, plan, agenda, stored_run, views, stored=len(requests))
    completed = CampaignCompletedData(
        campaign_type=plan.campaign_type,
        stats=CampaignStats(**result.stats.model_dump()),
        run_id=run_id,
    )
    outcome = Outcome(
        result=result,
        events=(*events, completed),
        messages=tuple(messages),
        change=AgendaChange(requests_added=tuple(requests)),
    )
    return CampaignRun(
        outcome=outcome,
        local_date=command.local_date or agenda.local_date(now),
        context=command.options.model_dump(mode="json"),
    )


def _result(
    command: RunCampaign,
    plan: CampaignPlan,
    agenda: Agenda,
    run_id: UUID | None,
    views: list[SuggestionView],
    *,
    stored: int,
) -> CampaignResult:
    stats = CampaignStatsView(
        total_clients_found=plan.total_clients_found,
        suggestions_created=0 if command.dry_run else stored,
        notifications_sent=0 if command.dry_run else stored,
        skipped=plan.skip_counts(),
    )
    return CampaignResult(
        run_id=run_id,
        run_key=command.run_key,
        campaign_type=plan.campaign_type,
        dry_run=command.dry_run,
        repeated=False,
        stats=stats,
        suggestions=views,
        skips=[
            SkipView(client_id=s.client_id, client_name=_name(agenda, s.client_id), reason=s.reason)
            for s in plan.skipped
        ],
    )


def _name(agenda: Agenda, client_id: UUID) -> str:
    return agenda.client_book.name(client_id) or ""


def _view(data: AppointmentData, why: str, request_id: UUID | None) -> SuggestionView:
    return SuggestionView(
        client_id=data.client_id,
        client_name=data.client_name,
        service_id=data.service_id,
        service_name=data.service_name,
        professional_id=data.professional_id,
        professional_name=data.professional_name,
        date=data.date,
        time=data.time,
        price_cents=data.price_cents,
        final_price_cents=data.final_price_cents,
        offer=data.offer,
        why=why,
        auth_request_id=request_id,
    )
