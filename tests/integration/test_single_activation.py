"""One live agenda per salon, even when it is routed to two hosts (a placement change, a rolling
deploy): the newest activation holds the salon, the other's next command finds it moved, drops
its agenda and activates it again when called — and whatever the interleaving, the database never
holds two bookings of one slot nor a hole in the salon's events."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from uuid import uuid4

import asyncpg
import pytest

from actors.errors import SalonMovedError, TenantUnavailableError
from actors.host import TenantHostCore
from config.settings import Settings
from domain.commands import CreateAuthRequest, DecideAuthRequest
from domain.errors import DomainError
from domain.models import Agent
from tests.factories import SalonIds, make_salon, next_local_slot
from tests.integration.conftest import import_committed


@pytest.fixture
async def second_host(settings: Settings) -> AsyncIterator[TenantHostCore]:
    core = TenantHostCore(settings)
    yield core
    await core.close()


def proposal(ids: SalonIds, client: str, hour: int) -> CreateAuthRequest:
    return CreateAuthRequest(
        command_id=uuid4().hex,
        created_by_agent=Agent.ENCHER_AGENDA,
        client_id=ids.of("client", client),
        service_id=ids.of("service", "barba"),
        professional_id=ids.of("professional", "rafael"),
        starts_at=next_local_slot(hour=hour),
    )


async def test_the_newest_activation_holds_the_salon_and_the_other_steps_aside(
    pool: asyncpg.Pool, host: TenantHostCore, second_host: TenantHostCore
) -> None:
    ids = await import_committed(pool, make_salon())
    await host.call(ids.tenant, proposal(ids, "c1", 9))
    await second_host.call(ids.tenant, proposal(ids, "c2", 10))  # activated there: it holds it

    with pytest.raises(SalonMovedError):
        await host.call(ids.tenant, proposal(ids, "c3", 11))
    assert str(ids.tenant) not in host.status().tenants  # dropped from the first host
    await host.call(ids.tenant, proposal(ids, "c3", 11))  # called again: activated here again
    with pytest.raises(SalonMovedError):
        await second_host.call(ids.tenant, proposal(ids, "c4", 12))
    requests = await pool.fetchval(
        "SELECT count(*) FROM auth_request WHERE tenant_id = $1", ids.tenant
    )
    assert requests == 3


async def test_two_hosts_racing_for_one_salon_never_double_book_nor_lose_an_event(
    pool: asyncpg.Pool, host: TenantHostCore, second_host: TenantHostCore
) -> None:
    ids = await import_committed(pool, make_salon())
    # 40 offers over 8 slots (5 clients per slot), then all approved at once, alternately
    # through each host, each retried as the directory would when its host had to step aside.
    offers = [await host.call(ids.tenant, proposal(ids, f"c{i}", 9 + i % 8)) for i in range(20)] + [
        await host.call(ids.tenant, proposal(ids, f"c{i}", 9 + i % 8)) for i in range(20, 25)
    ]

    async def approve(number: int, request_id: object) -> str:
        command = DecideAuthRequest(request_id=request_id, decision="approve", decided_by=ids.owner)
        for attempt in range(6):
            target = (host, second_host)[(number + attempt) % 2]
            try:
                await target.call(ids.tenant, command)
                return "ok"
            except TenantUnavailableError:
                await asyncio.sleep(0.01)
            except DomainError as error:
                return error.code
        return "unavailable"

    results = await asyncio.gather(
        *(approve(n, offer.auth_request_id) for n, offer in enumerate(offers))
    )
    booked = await pool.fetch(
        "SELECT starts_at, count(*) FROM appointment WHERE tenant_id = $1 AND status = 'booked'"
        " GROUP BY starts_at",
        ids.tenant,
    )
    events = await pool.fetch(
        "SELECT event_id FROM event WHERE tenant_id = $1 ORDER BY event_id", ids.tenant
    )
    assert results.count("ok") == len(booked) == 8  # one winner per slot, the rest refused
    assert all(row["count"] == 1 for row in booked)
    assert set(results) <= {"ok", "slot_taken"}, results
    assert [row["event_id"] for row in events] == list(range(1, len(events) + 1))
