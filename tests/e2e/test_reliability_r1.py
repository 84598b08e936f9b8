"""R1: concurrent approvals in overlapping groups over many salons, in both placements — each
group is several clients offered the same slot, every offer approved at once over real HTTP:
exactly one winner per group, the others 409, no 5xx, and the database agrees (one booking per
slot). The owner's client retries a 429 or 503 after its `Retry-After`, as the kit does.

Size: `AGENDA_R1_SCALE` (default 1: 10 salons × 4 slots × 5 offers = 200 approvals, what CI runs;
5 gives the documented 1,000)."""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from collections.abc import Callable

import asyncpg
import httpx

from tests.e2e.conftest import Api, LiveSalon, open_salon

SALONS = 10
SLOTS_PER_SALON = 4
RETRIES = 8


async def approve(http: httpx.AsyncClient, salon: LiveSalon, request_id: str) -> int:
    for _ in range(RETRIES):
        answer = await http.post(
            f"/api/v1/sync/confirm-auth-request/{request_id}",
            json={"decision": "approve"},
            headers=salon.auth,
        )
        if answer.status_code not in (429, 503):
            return answer.status_code
        await asyncio.sleep(float(answer.headers.get("retry-after", "1")))
    return answer.status_code


async def test_r1_concurrent_approvals_have_exactly_one_winner_per_slot(
    api: Api, pool: asyncpg.Pool, figure: Callable[[str], None]
) -> None:
    scale = int(os.environ.get("AGENDA_R1_SCALE", "1"))
    offers_per_slot = 5 * scale
    salons = [await open_salon(pool, api) for _ in range(SALONS)]
    groups: list[tuple[LiveSalon, int, list[str]]] = []
    for salon in salons:
        for slot in range(SLOTS_PER_SALON):
            clients = [f"c{(slot * offers_per_slot + i) % 25}" for i in range(offers_per_slot)]
            offers = [await salon.propose(client=c, hour=9 + slot) for c in clients]
            groups.append((salon, slot, [str(o.auth_request_id) for o in offers]))

    limits = httpx.Limits(max_connections=64)
    async with httpx.AsyncClient(base_url=api.base_url, timeout=60, limits=limits) as http:
        results = await asyncio.gather(
            *(approve(http, salon, r) for salon, _, ids in groups for r in ids)
        )
    codes = Counter(results)
    per_group = [results[i : i + offers_per_slot] for i in range(0, len(results), offers_per_slot)]
    booked = await pool.fetch(
        "SELECT tenant_id, starts_at, count(*) FROM appointment"
        " WHERE tenant_id = ANY($1::uuid[]) AND status = 'booked' GROUP BY tenant_id, starts_at",
        [s.ids.tenant for s in salons],
    )
    figure(
        f"R1 ({api.placement.value}): {len(results)} approvals in {len(groups)} groups over"
        f" {SALONS} salons: {dict(sorted(codes.items()))}; bookings {len(booked)}"
    )
    assert all(sorted(group) == [200] + [409] * (offers_per_slot - 1) for group in per_group)
    assert len(booked) == len(groups) and all(row["count"] == 1 for row in booked)
    assert not any(code >= 500 for code in results)
