"""Turns a campaign plan into what one transaction stores: auth requests, offers, events.

Called by the salon's TenantAgenda under its lock; the decisions themselves are in domain/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from actors.chat_situation import agenda_busy
from db.agenda import AgendaSnapshot
from domain import auth_requests
from domain.campaigns import CampaignPlan, plan_encher_agenda, plan_prazo_certo
from domain.commands import (
    CampaignResult,
    CampaignStatsView,
    CreateAuthRequest,
    RunCampaign,
    SkipView,
    SuggestionView,
)
from domain.errors import NotFoundError
from domain.events import CampaignCompletedData, CampaignStats, EventData
from domain.history import ServiceHistory
from domain.messages import campaign_offer_text
from domain.models import Agent, AppointmentData, AuthRequest
from domain.recall import CampaignInput


def campaign_input(
    state: AgendaSnapshot, histories: list[ServiceHistory], last_marketing: dict[UUID, datetime]
) -> CampaignInput:
    pending = list(state.pending.values())
    return CampaignInput(
        time_zone=state.tenant.time_zone,
        professionals=state.professionals,
        services=state.services,
        hours=state.working_hours,
        clients=state.clients,
        histories=histories,
        busy=agenda_busy(state),
        booked_client_ids=frozenset(a.client_id for a in state.upcoming.values() if a.blocks_time),
        pending_client_ids=frozenset(r.appointment_data.client_id for r in pending),
        last_marketing_at=last_marketing,
    )


def plan_campaign(command: RunCampaign, campaign: CampaignInput, now: datetime) -> CampaignPlan:
    options = command.options
    if options.service_id is not None and options.service_id not in campaign.services:
        raise NotFoundError(f"service {options.service_id} not found in this salon")
    if options.professional_id is not None and (
        options.professional_id not in campaign.professionals
    ):
        raise NotFoundError(f"professional {options.professional_id} not found in this salon")
    planner = plan_prazo_certo if command.campaign_type == "prazo_certo" else plan_encher_agenda
    return planner(campaign, now=now, options=command.options)


@dataclass(frozen=True)
class CampaignWrites:
    result: CampaignResult
    requests: list[AuthRequest]
    messages: list[tuple[UUID, UUID, str, UUID]]  # message id, client, text, auth request
    events: list[EventData]


def campaign_writes(
    command: RunCampaign,
    plan: CampaignPlan,
    state: AgendaSnapshot,
    histories: list[ServiceHistory],
    *,
    now: datetime,
    new_id: Callable[[], UUID],
) -> CampaignWrites:
    """Everything the run stores, built before the transaction starts."""
    run_id = new_id()
    last_visit = {(h.client_id, h.service_id): h.last_visit_at for h in histories}
    zone = ZoneInfo(state.tenant.time_zone)
    requests, messages, events, views = [], [], [], []
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
        data = auth_requests.build_appointment_data(
            client=state.clients[suggestion.client_id],
            service=state.services[suggestion.service_id],
            professional=state.professionals[suggestion.professional_id],
            starts_at=suggestion.starts_at,
            time_zone=state.tenant.time_zone,
            offer=suggestion.offer,
        )
        request, event = auth_requests.propose(create, data=data, request_id=new_id(), now=now)
        last = last_visit.get((suggestion.client_id, suggestion.service_id))
        text = campaign_offer_text(
            data,
            salon_name=state.tenant.name,
            campaign=plan.campaign_type,
            last_visit_date=last.astimezone(zone).date().isoformat() if last else None,
        )
        requests.append(request)
        messages.append((new_id(), suggestion.client_id, text, request.id))
        events.append(event)
        views.append(_view(data, suggestion.why, request.id if not command.dry_run else None))
    stats = CampaignStatsView(
        total_clients_found=plan.total_clients_found,
        suggestions_created=0 if command.dry_run else len(requests),
        notifications_sent=0 if command.dry_run else len(messages),
        skipped=plan.skip_counts(),
    )
    result = CampaignResult(
        run_id=None if command.dry_run else run_id,
        run_key=command.run_key,
        campaign_type=plan.campaign_type,
        dry_run=command.dry_run,
        repeated=False,
        stats=stats,
        suggestions=views,
        skips=[
            SkipView(client_id=s.client_id, client_name=_name(state, s.client_id), reason=s.reason)
            for s in plan.skipped
        ],
    )
    completed = CampaignCompletedData(
        campaign_type=plan.campaign_type,
        stats=CampaignStats(**stats.model_dump()),
        run_id=run_id,
    )
    return CampaignWrites(result, requests, messages, [*events, completed])


def _name(state: AgendaSnapshot, client_id: UUID) -> str:
    client = state.clients.get(client_id)
    return client.name if client else ""


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
