"""The scheduler on an injected clock: 7 simulated days, salons in two time zones, a crash."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from actors.host import TenantHostCore
from actors.salon import Salon
from actors.scheduler import SchedulerCore
from config.settings import Settings
from db.campaigns import set_schedule
from domain.commands import CampaignResult, ReceiveMessage, RunCampaign
from domain.schedule import Schedule
from tests.factories import SalonIds, make_salon
from tests.integration.conftest import import_committed

MONDAY = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # 00:00 in São Paulo, a Monday
STEP = timedelta(minutes=30)
DAYS = [date(2026, 12, 7) + timedelta(days=n) for n in range(7)]


@pytest.fixture
async def host(settings: Settings) -> AsyncIterator[TenantHostCore]:
    core = TenantHostCore(settings)
    yield core
    await core.close()


async def three_salons(pool: asyncpg.Pool) -> dict[str, SalonIds]:
    salons = {
        "early": make_salon(),  # São Paulo, Prazo Certo moved to 10:30
        "quiet": make_salon(),  # São Paulo, Encher Agenda turned off
        "north": make_salon(
            tenant={
                "name": "Salão Manaus",
                "slug": f"manaus-{uuid4().hex[:10]}",
                "time_zone": "America/Manaus",
            }
        ),
    }
    ids = {name: await import_committed(pool, salon) for name, salon in salons.items()}
    async with pool.acquire() as conn:
        await set_schedule(
            conn,
            schedule=Schedule(
                tenant_id=ids["early"].tenant,
                time_zone="America/Sao_Paulo",
                campaign_type="prazo_certo",
                enabled=True,
                local_time=time(10, 30),
                weekdays=(0, 1, 2, 3, 4, 5, 6),
            ),
        )
        await set_schedule(
            conn,
            schedule=Schedule(
                tenant_id=ids["quiet"].tenant,
                time_zone="America/Sao_Paulo",
                campaign_type="encher_agenda",
                enabled=False,
                local_time=time(14),
                weekdays=(0, 2, 4),
            ),
        )
    return ids


def expected_runs(ids: dict[str, SalonIds]) -> set[tuple[UUID, str]]:
    runs = set()
    for name, salon in ids.items():
        for day in DAYS:
            runs.add((salon.tenant, f"schedule:prazo_certo:{day.isoformat()}"))
            if name != "quiet" and day.weekday() in (0, 2, 4):
                runs.add((salon.tenant, f"schedule:encher_agenda:{day.isoformat()}"))
    return runs


class Recorder:
    """Dispatch through a real host; remembers when each new run happened (simulated time)."""

    def __init__(self, host: TenantHostCore) -> None:
        self.host = host
        self.now = MONDAY
        self.created: list[tuple[UUID, str, datetime]] = []

    async def __call__(self, tenant_id: UUID, command: RunCampaign) -> CampaignResult:
        result: CampaignResult = await self.host.call(tenant_id, command)
        if not result.repeated:
            self.created.append((tenant_id, command.run_key, self.now))
        return result


async def simulate(
    core: SchedulerCore, recorder: Recorder, tenants: list[UUID], start: datetime, end: datetime
) -> None:
    recorder.now = start
    while recorder.now < end:
        await core.step(recorder.now, tenants)
        recorder.now += STEP


async def test_seven_days_give_exactly_the_expected_runs(
    pool: asyncpg.Pool, host: TenantHostCore, settings: Settings
) -> None:
    ids = await three_salons(pool)
    recorder = Recorder(host)
    core = SchedulerCore(settings, pool, recorder)
    tenants = [s.tenant for s in ids.values()]
    await simulate(core, recorder, tenants, MONDAY, MONDAY + timedelta(days=7))
    created = {(tenant, key) for tenant, key, _ in recorder.created}
    assert created == expected_runs(ids)
    assert len(recorder.created) == len(created) == 27


async def test_runs_start_at_the_salons_local_time(
    pool: asyncpg.Pool, host: TenantHostCore, settings: Settings
) -> None:
    ids = await three_salons(pool)
    recorder = Recorder(host)
    core = SchedulerCore(settings, pool, recorder)
    await simulate(
        core, recorder, [s.tenant for s in ids.values()], MONDAY, MONDAY + timedelta(days=1)
    )
    started = {(tenant, key.split(":")[1]): at for tenant, key, at in recorder.created}
    manaus = ZoneInfo("America/Manaus")
    sao_paulo = ZoneInfo("America/Sao_Paulo")
    assert started[(ids["north"].tenant, "prazo_certo")].astimezone(manaus).time() == time(9)
    assert started[(ids["early"].tenant, "prazo_certo")].astimezone(sao_paulo).time() == (
        time(10, 30)
    )
    assert started[(ids["quiet"].tenant, "prazo_certo")].astimezone(sao_paulo).time() == time(9)
    assert (ids["quiet"].tenant, "encher_agenda") not in started


class Crashing(Recorder):
    """Hangs forever on chosen runs: before calling the salon, or after it committed."""

    def __init__(self, host: TenantHostCore, before: set[UUID], after: set[UUID]) -> None:
        super().__init__(host)
        self.before, self.after = before, after
        self.hanging = asyncio.Event()

    async def __call__(self, tenant_id: UUID, command: RunCampaign) -> CampaignResult:
        if tenant_id in self.before:
            self.hanging.set()
            await asyncio.Event().wait()
        result = await super().__call__(tenant_id, command)
        if tenant_id in self.after:
            self.hanging.set()
            await asyncio.Event().wait()
        return result


async def test_scheduler_killed_mid_run_still_runs_everything_once(
    pool: asyncpg.Pool, host: TenantHostCore, settings: Settings
) -> None:
    ids = await three_salons(pool)
    tenants = [s.tenant for s in ids.values()]
    crash_day = MONDAY + timedelta(days=2)
    first = Recorder(host)
    await simulate(SchedulerCore(settings, pool, first), first, tenants, MONDAY, crash_day)
    # Wednesday 14:00 in São Paulo: both salons' runs are due; one hangs before reaching the
    # salon, the other after the salon committed. Then the scheduler dies.
    crashing = Crashing(host, before={ids["quiet"].tenant}, after={ids["early"].tenant})
    crashing.now = crash_day + timedelta(hours=17)
    step = asyncio.create_task(SchedulerCore(settings, pool, crashing).step(crashing.now, tenants))
    await asyncio.wait_for(crashing.hanging.wait(), 30)
    step.cancel()
    restarted = Recorder(host)
    await simulate(
        SchedulerCore(settings, pool, restarted),
        restarted,
        tenants,
        crashing.now + STEP,
        MONDAY + timedelta(days=7),
    )
    all_created = first.created + crashing.created + restarted.created
    keys = [(tenant, key) for tenant, key, _ in all_created]
    assert Counter(keys).most_common(1)[0][1] == 1
    assert set(keys) == expected_runs(ids)


async def test_step_wakes_salons_with_unanswered_messages(
    pool: asyncpg.Pool, host: TenantHostCore, settings: Settings, stream: Any
) -> None:
    ids = await import_committed(pool, make_salon())
    dead = Salon(ids.tenant, pool=pool, stream=stream)
    await dead.activate()
    accepted = await dead.handle(
        ReceiveMessage(
            client_name="Téo",
            phone="+5511966665555",
            message="Oi, tudo bem?",
            sent_at=datetime.now(UTC),
            external_id="wamid.lost",
        )
    )
    for task in list(dead.chat._answering.values()):  # the process died before answering
        task.cancel()
    await asyncio.sleep(0)

    recorder = Recorder(host)
    core = SchedulerCore(settings, pool, recorder, host.call)
    await core.step(datetime.now(UTC) + timedelta(minutes=2), [ids.tenant])
    woken = host.status().tenants
    assert woken == [str(ids.tenant)]  # the step woke the salon; nothing else did
    await (await host.salon(ids.tenant)).drain()
    async with pool.acquire() as conn:
        status = await conn.fetchval(
            "SELECT status FROM chat_message WHERE tenant_id = $1 AND id = $2",
            ids.tenant,
            accepted.message_id,
        )
    assert status == "answered"
