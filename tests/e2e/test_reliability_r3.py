"""R3: the processes hosting the salons killed ten times while owners approve over HTTP, in both
placements — every approval the API acknowledged (200) is in PostgreSQL, and afterwards each
salon's memory, rebuilt by its restarted host, equals a fresh load from PostgreSQL field by field
(`CheckMemory`). The owner's client retries a 503 or 429 after its `Retry-After`."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Callable

import asyncpg
import httpx
import ray

from domain.commands import CheckMemory
from tests.e2e.conftest import Api, LiveSalon, open_salon
from tests.e2e.test_reliability_r1 import approve

SALONS = 4
OFFERS = 10
KILLS = 10


async def kill_hosts(api: Api, salons: list[LiveSalon], stop: asyncio.Event) -> int:
    """Kill a random salon's host process every 0.3 s (Ray restarts it); return how many."""
    chance = random.Random(3)
    kills = 0
    while kills < KILLS and not stop.is_set():
        await asyncio.sleep(0.3)
        salon = chance.choice(salons)
        name = api.directory.actor_name(salon.ids.tenant)
        try:
            handle = ray.get_actor(name, namespace=api.settings.ray_namespace)
        except ValueError:
            continue  # not started yet, or between lives
        ray.kill(handle, no_restart=False)
        kills += 1
    return kills


async def test_r3_killed_hosts_lose_no_acknowledged_write_and_rebuild_memory_exactly(
    api: Api, pool: asyncpg.Pool, figure: Callable[[str], None]
) -> None:
    salons = [await open_salon(pool, api) for _ in range(SALONS)]
    offers = [
        (salon, str((await salon.propose(client=f"c{n}", hour=8 + n)).auth_request_id))
        for salon in salons
        for n in range(OFFERS)
    ]
    stop = asyncio.Event()
    async with httpx.AsyncClient(base_url=api.base_url, timeout=60) as http:
        killing = asyncio.create_task(kill_hosts(api, salons, stop))
        results = await asyncio.gather(*(approve(http, s, r) for s, r in offers))
        stop.set()
        kills = await killing
    acknowledged = [r for (_, r), code in zip(offers, results, strict=True) if code == 200]
    stored = await pool.fetchval(
        "SELECT count(*) FROM appointment WHERE auth_request_id = ANY($1::uuid[])",
        acknowledged,
    )
    checks = [await api.directory.send(s.ids.tenant, CheckMemory()) for s in salons]
    figure(
        f"R3 ({api.placement.value}): {len(offers)} approvals over {SALONS} salons while their"
        f" hosts were killed {kills}×: {dict(Counter(results))}; {stored} of"
        f" {len(acknowledged)} acknowledged stored; memory = PostgreSQL in"
        f" {sum(not c.differences for c in checks)} of {SALONS} salons"
    )
    assert kills >= 1
    assert stored == len(acknowledged)
    assert [c.differences for c in checks] == [[] for _ in salons]
