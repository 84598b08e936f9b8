"""Campaigns in a salon's agenda on real PostgreSQL and Redis: known salon, known outcome."""

from __future__ import annotations

from uuid import uuid4

import asyncpg
import pytest

from actors.salon import Salon
from domain.campaigns import CampaignOptions
from domain.commands import DecideAuthRequest, RunCampaign
from domain.errors import DuplicateCommandError, NotFoundError
from domain.models import Offer
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_recall_salon
from tests.integration.conftest import import_committed


@pytest.fixture
async def recall(pool: asyncpg.Pool, stream: EventStream) -> tuple[Salon, SalonIds]:
    ids = await import_committed(pool, make_recall_salon())
    agenda = Salon(ids.tenant, pool=pool, stream=stream)
    await agenda.activate()
    return agenda, ids


def prazo_certo(run_key: str = "test-run", dry_run: bool = False, **options: object) -> RunCampaign:
    return RunCampaign(
        run_key=run_key,
        campaign_type="prazo_certo",
        trigger="manual",
        dry_run=dry_run,
        options=CampaignOptions(min_lead_min=0, **options),  # type: ignore[arg-type]
    )


async def count(pool: asyncpg.Pool, sql: str, ids: SalonIds) -> int:
    async with pool.acquire() as conn:
        return int(await conn.fetchval(sql, ids.tenant))


async def test_prazo_certo_suggests_exactly_the_due_clients(
    recall: tuple[Salon, SalonIds],
) -> None:
    agenda, ids = recall
    result = await agenda.handle(prazo_certo())
    suggested = {s.client_id for s in result.suggestions}
    assert suggested == {ids.of("client", "due"), ids.of("client", "regular")}
    assert result.stats.skipped == {"opted_out": 1, "already_booked": 1}
    assert result.stats.total_clients_found == 4


async def test_due_client_gets_their_usual_professional(
    recall: tuple[Salon, SalonIds],
) -> None:
    agenda, ids = recall
    result = await agenda.handle(prazo_certo())
    regular = next(s for s in result.suggestions if s.client_id == ids.of("client", "regular"))
    assert (regular.professional_name, regular.service_name) == ("Rafael", "Barba")
    assert "ritmo próprio: 10 dias" in regular.why


async def test_run_stores_requests_offers_and_events(
    recall: tuple[Salon, SalonIds], pool: asyncpg.Pool
) -> None:
    agenda, ids = recall
    await agenda.handle(prazo_certo(offer=Offer(type="percent", value=15)))
    pending = await count(
        pool,
        "SELECT count(*) FROM auth_request WHERE tenant_id = $1"
        " AND status = 'pending' AND created_by_agent = 'prazo_certo'",
        ids,
    )
    offers = await count(
        pool,
        "SELECT count(*) FROM outbound_message WHERE tenant_id = $1"
        " AND kind = 'marketing' AND body LIKE '%15% de desconto%'",
        ids,
    )
    events = await count(pool, "SELECT count(*) FROM event WHERE tenant_id = $1", ids)
    completed = await count(
        pool,
        "SELECT count(*) FROM event WHERE tenant_id = $1 AND event_type = 'campaign_completed'",
        ids,
    )
    assert (pending, offers, events, completed) == (2, 2, 3, 1)


async def test_dry_run_changes_nothing(recall: tuple[Salon, SalonIds], pool: asyncpg.Pool) -> None:
    agenda, ids = recall
    preview = await agenda.handle(prazo_certo(dry_run=True))
    assert len(preview.suggestions) == 2
    assert {s.reason for s in preview.skips} == {"opted_out", "already_booked"}
    for table in ("auth_request", "outbound_message", "event", "campaign_run"):
        assert await count(pool, f"SELECT count(*) FROM {table} WHERE tenant_id = $1", ids) == 0


async def test_same_run_key_runs_once(recall: tuple[Salon, SalonIds], pool: asyncpg.Pool) -> None:
    agenda, ids = recall
    first = await agenda.handle(prazo_certo("schedule:prazo_certo:2026-12-01"))
    again = await agenda.handle(prazo_certo("schedule:prazo_certo:2026-12-01"))
    assert (again.repeated, again.run_id) == (True, first.run_id)
    assert await count(pool, "SELECT count(*) FROM auth_request WHERE tenant_id = $1", ids) == 2


async def test_second_run_skips_clients_with_pending_suggestions(
    recall: tuple[Salon, SalonIds],
) -> None:
    agenda, _ids = recall
    await agenda.handle(prazo_certo("one"))
    second = await agenda.handle(prazo_certo("two"))
    assert second.suggestions == []
    assert second.stats.skipped["pending_suggestion"] == 2


async def test_frequency_cap_holds_after_a_rejection(
    recall: tuple[Salon, SalonIds],
) -> None:
    agenda, ids = recall
    first = await agenda.handle(prazo_certo("one"))
    for suggestion in first.suggestions:
        assert suggestion.auth_request_id is not None
        await agenda.handle(
            DecideAuthRequest(
                request_id=suggestion.auth_request_id, decision="reject", decided_by=ids.owner
            )
        )
    second = await agenda.handle(prazo_certo("two"))
    assert second.stats.skipped["frequency_cap"] == 2


async def test_unknown_service_filter_is_not_found(
    recall: tuple[Salon, SalonIds],
) -> None:
    agenda, _ids = recall
    with pytest.raises(NotFoundError):
        await agenda.handle(prazo_certo(service_id=uuid4()))


async def test_encher_agenda_offers_slots_to_regulars(
    recall: tuple[Salon, SalonIds],
) -> None:
    agenda, ids = recall
    result = await agenda.handle(
        RunCampaign(
            run_key="fill",
            campaign_type="encher_agenda",
            trigger="manual",
            options=CampaignOptions(min_lead_min=0, days_ahead=2, offers_per_slot=2),
        )
    )
    offered = {s.client_id for s in result.suggestions}
    assert ids.of("client", "optout") not in offered
    assert ids.of("client", "booked") not in offered
    assert len(offered) == len(result.suggestions)
    assert ids.of("client", "due") in offered


async def test_run_key_of_another_campaign_type_is_refused(
    recall: tuple[Salon, SalonIds],
) -> None:
    agenda, _ids = recall
    await agenda.handle(prazo_certo("shared-key"))
    with pytest.raises(DuplicateCommandError):
        await agenda.handle(
            RunCampaign(
                run_key="shared-key",
                campaign_type="encher_agenda",
                trigger="manual",
                options=CampaignOptions(min_lead_min=0),
            )
        )
