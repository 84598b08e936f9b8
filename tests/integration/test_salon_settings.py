"""A salon's own settings on real PostgreSQL and Redis: stored as chosen, used at once by its
actor (memory) and after a restart, by its campaigns (default discount, frequency cap), by the
scheduler (the salon's send window) and by bookings (closed days)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import pytest

from actors.host import TenantHostCore
from actors.salon import Salon
from actors.scheduler import SchedulerCore, campaign_options
from config.settings import Settings
from domain.commands import (
    CampaignResult,
    CreateAuthRequest,
    DecideAuthRequest,
    RunCampaign,
    SetSalonSettings,
)
from domain.errors import InvalidCommandError, SalonClosedError
from domain.models import Agent, Offer
from domain.salon_settings import SettingsChoice
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_recall_salon, make_salon, next_local_slot
from tests.integration.conftest import import_committed


def change(**values: Any) -> SetSalonSettings:
    return SetSalonSettings(choice=SettingsChoice(**values), fields=tuple(values))


async def salon_of(
    pool: asyncpg.Pool, stream: EventStream, settings: Settings, ids: SalonIds
) -> Salon:
    salon = Salon(ids.tenant, pool=pool, stream=stream, salon_defaults=settings.salon_defaults())
    await salon.activate()
    return salon


async def test_a_change_is_used_at_once_and_after_a_restart(
    pool: asyncpg.Pool, stream: EventStream, settings: Settings
) -> None:
    ids = await import_committed(pool, make_salon())
    salon = await salon_of(pool, stream, settings, ids)
    christmas = datetime(2026, 12, 25).date()
    uses = await salon.handle(change(closed_days=(christmas,), encher_agenda_discount_pct=10))
    assert salon.agenda.settings == uses
    assert (uses.closed_days, uses.encher_agenda_discount_pct) == ((christmas,), 10)
    assert uses.offer_expiry_h == settings.offer_expiry_h  # not chosen: the default
    again = await salon_of(pool, stream, settings, ids)
    assert again.agenda.settings == uses
    back = await again.handle(change(encher_agenda_discount_pct=None))
    assert back.encher_agenda_discount_pct == settings.encher_agenda_discount_pct
    assert back.closed_days == (christmas,)


async def test_settings_that_do_not_fit_together_change_nothing(
    pool: asyncpg.Pool, stream: EventStream, settings: Settings
) -> None:
    ids = await import_committed(pool, make_salon())
    salon = await salon_of(pool, stream, settings, ids)
    before = salon.agenda.settings
    with pytest.raises(InvalidCommandError, match="send_window_start must be before"):
        await salon.handle(change(send_window_start=time(21), send_window_end=time(8)))
    assert salon.agenda.settings == before
    stored = await pool.fetchval(
        "SELECT count(*) FROM salon_settings WHERE tenant_id = $1", ids.tenant
    )
    assert stored == 0


async def test_a_request_on_a_day_the_salon_closed_is_not_booked(
    pool: asyncpg.Pool, stream: EventStream, settings: Settings
) -> None:
    ids = await import_committed(pool, make_salon())
    salon = await salon_of(pool, stream, settings, ids)
    starts_at = next_local_slot(days_ahead=2, hour=10)
    created = await salon.handle(
        CreateAuthRequest(
            command_id=uuid4().hex,
            created_by_agent=Agent.MANUAL,
            client_id=ids.of("client", "c1"),
            service_id=ids.of("service", "corte"),
            professional_id=ids.of("professional", "carol"),
            starts_at=starts_at,
        )
    )
    day = starts_at.astimezone(salon.agenda.zone).date()
    await salon.handle(change(closed_days=(day,)))
    with pytest.raises(SalonClosedError):
        await salon.handle(
            DecideAuthRequest(
                request_id=created.auth_request_id, decision="approve", decided_by=ids.owner
            )
        )
    status = await pool.fetchval(
        "SELECT status FROM auth_request WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        created.auth_request_id,
    )
    assert status == "pending"


async def test_campaigns_take_the_salon_discount_and_frequency_cap(
    pool: asyncpg.Pool, stream: EventStream, settings: Settings
) -> None:
    ids = await import_committed(pool, make_recall_salon())
    salon = await salon_of(pool, stream, settings, ids)
    await salon.handle(change(prazo_certo_discount_pct=15, frequency_cap_days=0))

    def run(key: str) -> RunCampaign:  # as the scheduler sends it
        return RunCampaign(
            run_key=key,
            campaign_type="prazo_certo",
            trigger="schedule",
            options=campaign_options(settings),
        )

    first = await salon.handle(run(f"schedule:prazo_certo:{uuid4().hex}"))
    assert {s.offer for s in first.suggestions} == {Offer(type="percent", value=15)}
    # no frequency cap: the same clients may be offered again once their offers closed
    await salon.handle(
        DecideAuthRequest(
            request_id=first.suggestions[0].auth_request_id,
            decision="reject",
            decided_by=ids.owner,
        )
    )
    second = await salon.handle(run(f"schedule:prazo_certo:{uuid4().hex}"))
    assert "frequency_cap" not in second.stats.skipped


@pytest.fixture
async def host(settings: Settings) -> AsyncIterator[TenantHostCore]:
    core = TenantHostCore(settings)
    yield core
    await core.close()


async def test_scheduled_runs_wait_for_the_salon_own_send_window(
    pool: asyncpg.Pool, host: TenantHostCore, settings: Settings
) -> None:
    early = await import_committed(pool, make_salon())
    late = await import_committed(pool, make_salon())
    await host.call(early.tenant, change(send_window_start=time(8), send_window_end=time(9, 30)))
    dispatched: list[UUID] = []

    async def record(tenant_id: UUID, command: RunCampaign) -> CampaignResult:
        dispatched.append(tenant_id)
        result: CampaignResult = await host.call(tenant_id, command)
        return result

    # 10:00 in São Paulo on a Monday: Prazo Certo (09:00) is due where the window is open.
    monday_10 = datetime(2026, 12, 7, 13, 0, tzinfo=UTC)
    core = SchedulerCore(settings, pool, record, host.call)
    await core.step(monday_10, [early.tenant, late.tenant])
    assert dispatched == [late.tenant]
    tuesday_9_15 = monday_10 + timedelta(days=1) - timedelta(minutes=45)
    await core.step(tuesday_9_15, [early.tenant])
    assert dispatched == [late.tenant, early.tenant]  # due at 09:00, its window closes 09:30
