"""Warmed pools: a salon host's connections do their first-use work when they open, and a
shared host keeps its whole pool open while idle."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from actors.host import TenantHostCore
from config.settings import Placement, Settings
from db import pool as pool_module
from db.pool import create_pool

# What campaign runs and activations send: arrays of ids, dates and times (unnest).
FIRST_USE = "SELECT cardinality($1::uuid[]) + cardinality($2::date[]) + cardinality($3::time[])"


async def introspections_on_first_use(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, *, warm: bool
) -> list[object]:
    """The type introspections asyncpg runs for a first statement with arrays."""
    pool = await create_pool(settings.database_url, max_size=1, warm=warm)
    seen: list[object] = []
    introspect = asyncpg.Connection._introspect_types

    async def counted(self: asyncpg.Connection, *args: object, **kwargs: object) -> object:
        seen.append(args[0])
        return await introspect(self, *args, **kwargs)

    monkeypatch.setattr(asyncpg.Connection, "_introspect_types", counted)
    try:
        async with pool.acquire() as conn:
            assert await conn.fetchval(FIRST_USE, [], [], []) == 0
    finally:
        monkeypatch.undo()
        await pool.close()
    return seen


async def test_a_warm_connection_knows_the_array_codecs_before_its_first_statement(
    monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    assert await introspections_on_first_use(monkeypatch, settings, warm=False)  # it would
    assert await introspections_on_first_use(monkeypatch, settings, warm=True) == []


@pytest.mark.parametrize(
    ("placement", "idle_size"), [(Placement.SHARED, 3), (Placement.PER_TENANT, 1)]
)
async def test_a_shared_host_keeps_its_whole_pool_open(
    settings: Settings, placement: Placement, idle_size: int
) -> None:
    host = TenantHostCore(settings.model_copy(update={"placement": placement, "db_pool_max": 3}))
    try:
        await host.start()
        pool = host._pool
        assert pool is not None
        assert (pool.get_size(), pool.get_min_size()) == (idle_size, idle_size)
    finally:
        await host.close()


async def test_idle_connections_close_down_to_the_pools_minimum_not_below(
    settings: Settings,
) -> None:
    """What a shared host's open pool relies on (asyncpg 0.32; 0.30 and 0.31 closed them all)."""
    pool = await asyncpg.create_pool(
        settings.database_url, min_size=2, max_size=4, max_inactive_connection_lifetime=0.2
    )
    try:
        held = [await pool.acquire() for _ in range(4)]
        for conn in held:
            await pool.release(conn)
        assert pool.get_size() == 4
        await asyncio.sleep(0.6)  # every connection idle past its lifetime
        assert pool.get_size() == 2
    finally:
        await pool.close()


async def test_a_table_being_migrated_does_not_hold_a_new_connection_back(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Warming waits at most a moment for a table's lock (a migration's) and goes on without
    it: the connection opens, knows the array codecs and reads the table when free."""
    monkeypatch.setattr(pool_module, "WARM_LOCK_TIMEOUT_MS", 50)
    migrating = await asyncpg.connect(settings.database_url)
    try:
        await migrating.execute("BEGIN; LOCK TABLE appointment IN ACCESS EXCLUSIVE MODE")
        pool = await create_pool(settings.database_url, max_size=1, warm=True)
        try:
            async with pool.acquire() as conn:
                assert await conn.fetchval(FIRST_USE, [], [], []) == 0
        finally:
            await pool.close()
    finally:
        await migrating.close()
