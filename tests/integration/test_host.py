"""A host process's core without Ray: activation on first call, passivation, reactivation."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from uuid import uuid4

import asyncpg
import pytest

from actors.host import TenantHostCore
from config.settings import Settings
from domain.commands import CreateAuthRequest, DecideAuthRequest
from domain.models import Agent
from domain.salon_import import SalonFile
from tests.factories import SalonIds, make_salon, next_local_slot
from tests.integration.conftest import import_committed

Salon = tuple[SalonFile, SalonIds]


@pytest.fixture
async def host(settings: Settings) -> AsyncIterator[TenantHostCore]:
    core = TenantHostCore(settings)
    yield core
    await core.close()


def proposal(ids: SalonIds) -> CreateAuthRequest:
    return CreateAuthRequest(
        command_id=uuid4().hex,
        created_by_agent=Agent.CHAT,
        client_id=ids.of("client", "c1"),
        service_id=ids.of("service", "corte"),
        professional_id=ids.of("professional", "carol"),
        starts_at=next_local_slot(),
    )


async def test_concurrent_first_calls_activate_once(host: TenantHostCore, salon: Salon) -> None:
    ids = salon[1]
    salons = await asyncio.gather(*(host.salon(ids.tenant) for _ in range(5)))
    assert len({id(s) for s in salons}) == 1


async def test_idle_salon_is_passivated(host: TenantHostCore, salon: Salon) -> None:
    ids = salon[1]
    await host.call(ids.tenant, proposal(ids))
    assert host.passivate_idle(idle_after_s=0) == [ids.tenant]
    assert host.empty


async def test_busy_salon_is_kept(host: TenantHostCore, salon: Salon) -> None:
    ids = salon[1]
    await host.call(ids.tenant, proposal(ids))
    assert host.passivate_idle(idle_after_s=3600) == []


async def test_passivated_salon_comes_back_with_its_state(
    host: TenantHostCore, salon: Salon
) -> None:
    ids = salon[1]
    created = await host.call(ids.tenant, proposal(ids))
    host.passivate_idle(idle_after_s=0)
    decision = DecideAuthRequest(
        request_id=created.auth_request_id, decision="approve", decided_by=ids.owner
    )
    result = await host.call(ids.tenant, decision)
    assert result.appointment_id is not None


async def test_unknown_command_is_refused(host: TenantHostCore, salon: Salon) -> None:
    with pytest.raises(TypeError, match="no handler for NoneType"):
        await host.call(salon[1].tenant, None)


async def test_one_host_serves_several_salons(
    host: TenantHostCore, salon: Salon, pool: asyncpg.Pool
) -> None:
    other = await import_committed(pool, make_salon())
    for ids in (salon[1], other):
        await host.call(ids.tenant, proposal(ids))
    assert host.status().tenants == sorted([str(salon[1].tenant), str(other.tenant)])


async def test_past_its_cap_a_host_passivates_the_least_recently_used(
    settings: Settings, pool: asyncpg.Pool
) -> None:
    """More salons than fit cost reloads, not memory: at most `max_resident_salons` stay."""
    host = TenantHostCore(settings.model_copy(update={"max_resident_salons": 3}))
    try:
        salons = [await import_committed(pool, make_salon()) for _ in range(5)]
        tenants = [str(ids.tenant) for ids in salons]
        for ids in salons[:3]:
            await host.salon(ids.tenant)
        await host.call(salons[0].tenant, proposal(salons[0]))  # the oldest is now the second
        await host.salon(salons[3].tenant)
        assert set(host.status().tenants) == {tenants[0], tenants[2], tenants[3]}
        await host.salon(salons[4].tenant)
        assert set(host.status().tenants) == {tenants[0], tenants[3], tenants[4]}
        await host.call(salons[1].tenant, proposal(salons[1]))  # back on its next call
        assert tenants[1] in host.status().tenants and len(host.status().tenants) == 3
    finally:
        await host.close()
