"""One salon reached through two placements at once — the per-salon app and the shared-hosts app
name different Ray actors for it, as a changed placement or a rolling deploy would — while its
owner approves offers through both: one winner per slot, no 5xx, events without a hole, and the
agenda that holds the salon at the end equals PostgreSQL."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable

import asyncpg
import httpx

from config.settings import Placement, Settings
from domain.commands import CheckMemory
from tests.e2e.conftest import make_api, open_salon
from tests.e2e.test_reliability_r1 import approve

SLOTS, OFFERS = 5, 4


async def test_one_salon_through_two_placements_books_each_slot_once(
    serve_port: int,
    settings: Settings,
    session_tag: str,
    pool: asyncpg.Pool,
    figure: Callable[[str], None],
) -> None:
    apis = [make_api(p, serve_port, settings, session_tag) for p in Placement]
    salon = await open_salon(pool, apis[0])
    offers = [
        str((await salon.propose(client=f"c{slot * OFFERS + n}", hour=9 + slot)).auth_request_id)
        for slot in range(SLOTS)
        for n in range(OFFERS)
    ]
    clients = [httpx.AsyncClient(base_url=api.base_url, timeout=60) for api in apis]
    try:
        results = await asyncio.gather(
            *(approve(clients[n % 2], salon, offer) for n, offer in enumerate(offers))
        )
    finally:
        for http in clients:
            await http.aclose()
    groups = [results[i : i + OFFERS] for i in range(0, len(results), OFFERS)]
    booked = await pool.fetch(
        "SELECT starts_at, count(*) FROM appointment WHERE tenant_id = $1 AND status = 'booked'"
        " GROUP BY starts_at",
        salon.ids.tenant,
    )
    events = await pool.fetch(
        "SELECT event_id FROM event WHERE tenant_id = $1 ORDER BY event_id", salon.ids.tenant
    )
    check = await apis[0].directory.send(salon.ids.tenant, CheckMemory())
    figure(
        f"one salon through both placements: {len(offers)} approvals in {SLOTS} groups:"
        f" {dict(Counter(results))}; bookings {len(booked)}"
    )
    assert all(sorted(group) == [200] + [409] * (OFFERS - 1) for group in groups), results
    assert len(booked) == SLOTS and all(row["count"] == 1 for row in booked)
    assert [row["event_id"] for row in events] == list(range(1, len(events) + 1))
    assert check.differences == []
