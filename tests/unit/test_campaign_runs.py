"""One campaign run on a small salon: what a stored run proposes, queues and reports, what a dry
run leaves out, and the offers' Portuguese texts.

The salon: Carol does the corte (45-day cycle) on Tuesdays and Thursdays 09:00-18:00. Bruno's last
corte was Thursday 15/01 at 14:00, Ana's Thursday 22/01 at 14:00 (both due by Monday 09/03, Bruno
more overdue), Davi is due too but opted out. The run starts Monday 09/03 at 08:00.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.campaign_runs import CampaignRun, plan_campaign, plan_run
from domain.campaigns import CampaignOptions
from domain.commands import CampaignStatsView, RunCampaign, SkipView
from domain.errors import NotFoundError
from domain.events import AuthRequestCreatedData, CampaignCompletedData, event_type_of
from domain.history import ServiceHistory, Visit, summarize_visits
from domain.models import Agent, AuthRequestStatus, Client, ClientState, Offer
from domain.recall import CampaignFacts
from tests.factories import make_client
from tests.unit.domain_factories import (
    SAO_PAULO,
    THURSDAY,
    TUESDAY,
    Salon,
    id_counter,
    local,
    make_salon_agenda,
    works,
)

MONDAY_8AM = local(9, 8)
SEND_WINDOW = (time(9), time(20))
RUN_ID = UUID(int=1)  # the first id a run takes


def corte_history(salon: Salon, client: Client, last_visit: datetime) -> ServiceHistory:
    visit = Visit(starts_at=last_visit, professional_id=salon.professional.id)
    return summarize_visits(client.id, salon.service.id, [visit], SAO_PAULO)


def make_campaign_salon() -> tuple[Salon, CampaignFacts]:
    bruno = make_client(name="Bruno Lima")
    davi = make_client(name="Davi Rocha", marketing_opt_out=True)
    salon = make_salon_agenda(clients=[bruno, davi], hours=[])
    carol = salon.professional.id
    salon.agenda.working_hours = [works(carol, TUESDAY, 9, 18), works(carol, THURSDAY, 9, 18)]
    histories = [
        corte_history(salon, salon.client, local(22, 14, month=1)),
        corte_history(salon, bruno, local(15, 14, month=1)),
        corte_history(salon, davi, local(10, 14, month=1)),
    ]
    return salon, CampaignFacts(histories=histories, last_marketing_at={})


def run_command(**overrides: Any) -> RunCampaign:
    values: dict[str, Any] = {
        "run_key": "prazo:2026-03-09",
        "campaign_type": "prazo_certo",
        "trigger": "manual",
        "options": CampaignOptions(),
    }
    return RunCampaign(**(values | overrides))


def run(
    *,
    now: datetime = MONDAY_8AM,
    send_window: tuple[time, time] = SEND_WINDOW,
    offer_expiry_h: int = 24,
    **overrides: Any,
) -> tuple[Salon, CampaignRun]:
    salon, facts = make_campaign_salon()
    opens, closes = send_window
    salon.agenda.settings = salon.agenda.settings.model_copy(
        update={
            "send_window_start": opens,
            "send_window_end": closes,
            "offer_expiry_h": offer_expiry_h,
        }
    )
    planned = plan_run(salon.agenda, facts, run_command(**overrides), now=now, new_id=id_counter())
    return salon, planned


# --- a stored run ---------------------------------------------------------------------------------
def test_stored_run_has_a_run_id() -> None:
    _salon, planned = run()
    assert planned.outcome.result.run_id == RUN_ID


def test_stored_run_proposes_one_pending_request_per_suggestion() -> None:
    _salon, planned = run()
    result = planned.outcome.result
    requests = planned.outcome.change.requests_added
    assert [r.id for r in requests] == [s.auth_request_id for s in result.suggestions]
    assert len(requests) == 2
    assert all(r.status == AuthRequestStatus.PENDING for r in requests)
    assert all(r.created_by_agent == Agent.PRAZO_CERTO for r in requests)


def test_each_request_belongs_to_the_run() -> None:
    _salon, planned = run()
    assert [r.campaign_run_id for r in planned.outcome.change.requests_added] == [RUN_ID, RUN_ID]


def test_requests_carry_the_suggested_slots_most_overdue_client_first() -> None:
    salon, planned = run()
    proposed = [
        (r.appointment_data.client_name, r.appointment_data.starts_at)
        for r in planned.outcome.change.requests_added
    ]
    # Both come on Thursdays at 14:00; Bruno, more overdue, gets it, Ana the nearest hour.
    assert proposed == [("Bruno Lima", local(12, 14)), ("Ana Souza", local(12, 13))]


def test_request_command_ids_come_from_the_run_key() -> None:
    _salon, planned = run()
    assert [r.command_id for r in planned.outcome.change.requests_added] == [
        "campaign:prazo:2026-03-09:0",
        "campaign:prazo:2026-03-09:1",
    ]


def test_change_only_adds_the_requests() -> None:
    _salon, planned = run()
    change = planned.outcome.change
    assert (
        change.clients_added,
        change.requests_decided,
        change.appointments_added,
        change.clients_opted_out,
    ) == ((), (), (), ())


def test_stored_run_queues_one_marketing_offer_per_suggestion() -> None:
    _salon, planned = run()
    requests = planned.outcome.change.requests_added
    messages = planned.outcome.messages
    assert [(m.client_id, m.related_id) for m in messages] == [
        (r.appointment_data.client_id, r.id) for r in requests
    ]
    assert {(m.kind, m.campaign_run_id) for m in messages} == {("marketing", RUN_ID)}


def test_offers_wait_for_the_next_opening_of_the_send_window() -> None:
    _salon, planned = run(send_window=(time(10), time(19)))
    assert {m.not_before for m in planned.outcome.messages} == {local(9, 10)}


def test_offers_after_the_window_closed_wait_for_tomorrow() -> None:
    _salon, planned = run(now=local(9, 21))
    assert {m.not_before for m in planned.outcome.messages} == {local(10, 9)}


def test_offers_inside_the_send_window_may_leave_now() -> None:
    _salon, planned = run(now=local(9, 10))
    assert {m.not_before for m in planned.outcome.messages} == {local(9, 10)}


def test_events_are_each_auth_request_created_then_campaign_completed() -> None:
    _salon, planned = run()
    events = planned.outcome.events
    assert [event_type_of(e) for e in events] == [
        "auth_request_created",
        "auth_request_created",
        "campaign_completed",
    ]
    created = [e.auth_request.id for e in events if isinstance(e, AuthRequestCreatedData)]
    assert created == [r.id for r in planned.outcome.change.requests_added]


def test_campaign_completed_reports_the_run_and_its_stats() -> None:
    _salon, planned = run()
    completed = planned.outcome.events[-1]
    assert isinstance(completed, CampaignCompletedData)
    assert (completed.campaign_type, completed.run_id) == ("prazo_certo", RUN_ID)
    assert completed.stats.model_dump() == planned.outcome.result.stats.model_dump()


def test_stored_run_stats_count_what_was_proposed_and_skipped() -> None:
    _salon, planned = run()
    assert planned.outcome.result.stats == CampaignStatsView(
        total_clients_found=3,
        suggestions_created=2,
        notifications_sent=2,
        skipped={"opted_out": 1},
    )


def test_skipped_client_is_named_with_the_reason() -> None:
    salon, planned = run()
    davi = next(c for c in salon.agenda.clients.values() if c.name == "Davi Rocha")
    assert planned.outcome.result.skips == [
        SkipView(client_id=davi.id, client_name="Davi Rocha", reason="opted_out")
    ]


def test_run_is_for_the_salon_local_day() -> None:
    _salon, planned = run(now=local(9, 22))  # already 01:00 on the 10th in UTC
    assert planned.local_date == date(2026, 3, 9)


def test_scheduled_run_is_for_the_day_it_was_scheduled() -> None:
    _salon, planned = run(local_date=date(2026, 3, 8))
    assert planned.local_date == date(2026, 3, 8)


def test_run_records_its_options() -> None:
    _salon, planned = run(options=CampaignOptions(days_ahead=5))
    assert planned.context["days_ahead"] == 5


# --- offers over time ----------------------------------------------------------------------------
def test_each_stored_request_is_an_offer_sent_to_the_client() -> None:
    _salon, planned = run()
    requests = planned.outcome.change.requests_added
    assert [(r.client_state, r.client_state_at) for r in requests] == [
        (ClientState.OFFERED, MONDAY_8AM),
        (ClientState.OFFERED, MONDAY_8AM),
    ]
    assert not any(r.preapproved for r in requests)


def test_an_offer_expires_a_day_after_its_whatsapp_may_leave() -> None:
    _salon, planned = run()  # offers leave Monday 09:00, for Thursday 13:00 and 14:00
    assert [r.expires_at for r in planned.outcome.change.requests_added] == [
        local(10, 9),
        local(10, 9),
    ]


def test_offer_expiry_follows_the_salon_setting() -> None:
    _salon, planned = run(offer_expiry_h=48)
    assert {r.expires_at for r in planned.outcome.change.requests_added} == {local(11, 9)}


def test_an_offer_expires_by_its_time_less_the_campaign_lead_when_that_is_sooner() -> None:
    _salon, planned = run(offer_expiry_h=96)  # Friday 09:00 would be after the slots
    expiry = [
        (r.appointment_data.starts_at, r.expires_at) for r in planned.outcome.change.requests_added
    ]
    assert expiry == [(local(12, 14), local(12, 12)), (local(12, 13), local(12, 11))]


@pytest.mark.parametrize(("lead_min", "hour"), [(120, 7), (60, 8)])
def test_an_offer_for_tomorrow_morning_expires_the_campaign_lead_before_it(
    lead_min: int, hour: int
) -> None:
    _salon, planned = run(
        campaign_type="encher_agenda", options=CampaignOptions(min_lead_min=lead_min)
    )
    requests = planned.outcome.change.requests_added
    assert {r.appointment_data.starts_at for r in requests} == {local(10, 9)}
    assert {r.expires_at for r in requests} == {local(10, hour)}


def test_auth_request_created_shows_the_owner_an_offer_and_when_it_expires() -> None:
    _salon, planned = run()
    views = [
        e.auth_request for e in planned.outcome.events if isinstance(e, AuthRequestCreatedData)
    ]
    assert [(v.client_state, v.expires_at) for v in views] == [
        ("offered", local(10, 9)),
        ("offered", local(10, 9)),
    ]


def test_an_offer_is_still_open_when_its_whatsapp_may_leave() -> None:
    # Monday 21:00: the window reopens Tuesday 09:00; Encher Agenda offers Tuesday 09:00.
    _salon, planned = run(now=local(9, 21), campaign_type="encher_agenda")
    requests = planned.outcome.change.requests_added
    leaves = {m.related_id: m.not_before for m in planned.outcome.messages}
    assert requests
    assert [r.id for r in requests if r.expires_at <= leaves[r.id]] == []


# --- offer texts ----------------------------------------------------------------------------------
def test_prazo_certo_offer_names_the_client_the_slot_and_the_last_visit() -> None:
    _salon, planned = run()
    assert planned.outcome.messages[1].body == (
        "Oi, Ana! Está na hora de agendar Corte feminino de novo (a última visita foi em"
        " 22/01/2026)."
        " Carol tem um horário quinta, 12/03, às 13:00 por R$\u00a0120,00."
        " Responda SIM para pedir esse horário ou SAIR para não receber mais ofertas."
    )


def test_encher_agenda_offer_names_the_client_and_the_open_slot() -> None:
    _salon, planned = run(campaign_type="encher_agenda")
    # Encher Agenda offers the first open hour (Tuesday 09:00) to several regulars.
    assert planned.outcome.messages[1].body == (
        "Oi, Ana! Abriu um horário no Salão Teste: Corte feminino com Carol terça, 10/03, às"
        " 09:00 com 20% de desconto: de R$\u00a0120,00 por R$\u00a096,00. Responda SIM para"
        " pedir esse horário ou SAIR para não receber mais ofertas."
    )
    agents = {r.created_by_agent for r in planned.outcome.change.requests_added}
    assert agents == {Agent.ENCHER_AGENDA}


# --- a dry run ------------------------------------------------------------------------------------
def test_dry_run_has_no_run_id() -> None:
    _salon, planned = run(dry_run=True)
    assert planned.outcome.result.run_id is None


def test_dry_run_suggestions_have_no_auth_request() -> None:
    _salon, planned = run(dry_run=True)
    suggestions = planned.outcome.result.suggestions
    assert [(s.client_name, s.auth_request_id) for s in suggestions] == [
        ("Bruno Lima", None),
        ("Ana Souza", None),
    ]


def test_dry_run_counts_nothing_created_or_sent() -> None:
    _salon, planned = run(dry_run=True)
    stats = planned.outcome.result.stats
    assert (stats.total_clients_found, stats.suggestions_created, stats.notifications_sent) == (
        3,
        0,
        0,
    )
    assert stats.skipped == {"opted_out": 1}


# --- options naming what is not there -------------------------------------------------------------
@pytest.mark.parametrize("option", ["service_id", "professional_id"])
def test_unknown_service_or_professional_in_the_options_is_not_found(option: str) -> None:
    salon, facts = make_campaign_salon()
    command = run_command(options=CampaignOptions(**{option: uuid4()}))
    with pytest.raises(NotFoundError):
        plan_campaign(salon.agenda, facts, command, MONDAY_8AM)
    with pytest.raises(NotFoundError):
        plan_run(salon.agenda, facts, command, now=MONDAY_8AM, new_id=id_counter())


def test_options_naming_the_salon_own_service_and_professional_are_planned() -> None:
    salon, facts = make_campaign_salon()
    options = CampaignOptions(service_id=salon.service.id, professional_id=salon.professional.id)
    plan = plan_campaign(salon.agenda, facts, run_command(options=options), MONDAY_8AM)
    assert len(plan.suggestions) == 2


# --- the salon's own settings ---------------------------------------------------------------------
def offers_of(planned: CampaignRun) -> set[Offer | None]:
    return {r.appointment_data.offer for r in planned.outcome.change.requests_added}


def test_each_campaign_carries_the_salon_default_discount() -> None:
    _salon, encher = run(campaign_type="encher_agenda")
    _salon, prazo = run()
    assert offers_of(encher) == {Offer(type="percent", value=20)}  # the default default
    assert offers_of(prazo) == {None}


def test_a_run_naming_its_offer_or_none_overrides_the_salon_default() -> None:
    ten = Offer(type="amount", value=1000)
    _salon, named = run(campaign_type="encher_agenda", options=CampaignOptions(offer=ten))
    _salon, none = run(
        campaign_type="encher_agenda", options=CampaignOptions(use_default_offer=False)
    )
    assert (offers_of(named), offers_of(none)) == ({ten}, {None})


def test_the_salon_frequency_cap_replaces_the_run_option() -> None:
    salon, recall = make_campaign_salon()
    facts = replace(recall, last_marketing_at={salon.client.id: MONDAY_8AM - timedelta(days=3)})
    command = run_command(options=CampaignOptions(frequency_cap_days=0))
    capped = plan_campaign(salon.agenda, facts, command, MONDAY_8AM)  # the salon's 7 days
    salon.agenda.settings = salon.agenda.settings.model_copy(update={"frequency_cap_days": 0})
    uncapped = plan_campaign(salon.agenda, facts, command, MONDAY_8AM)
    assert capped.skip_counts().get("frequency_cap", 0) == 1
    assert uncapped.skip_counts().get("frequency_cap", 0) == 0


def test_nothing_is_offered_on_a_day_the_salon_is_closed() -> None:
    salon, facts = make_campaign_salon()
    open_days = {
        s.starts_at.astimezone(salon.agenda.zone).date()
        for s in plan_campaign(salon.agenda, facts, run_command(), MONDAY_8AM).suggestions
    }
    closed = min(open_days)
    salon.agenda.settings = salon.agenda.settings.model_copy(update={"closed_days": (closed,)})
    days = {
        s.starts_at.astimezone(salon.agenda.zone).date()
        for s in plan_campaign(salon.agenda, facts, run_command(), MONDAY_8AM).suggestions
    }
    assert closed not in days and days
