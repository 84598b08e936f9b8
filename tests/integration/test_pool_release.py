"""A pooled connection comes back from the pool clean without asyncpg's per-release reset query:
an open transaction is rolled back, and the read-only pool stays read-only."""

from __future__ import annotations

import asyncpg
import pytest

from config.settings import Settings
from db.pool import create_pool
from tests.factories import SalonIds


async def test_a_transaction_left_open_is_rolled_back_on_release(
    settings: Settings, salon: tuple[object, SalonIds]
) -> None:
    tenant = salon[1].tenant
    pool = await create_pool(settings.database_url, max_size=1)
    try:
        async with pool.acquire() as conn:
            before = await conn.fetchval("SELECT name FROM tenant WHERE id = $1", tenant)
            await conn.execute("BEGIN")  # not a managed transaction: nothing closes it
            await conn.execute("UPDATE tenant SET name = 'left open' WHERE id = $1", tenant)
        async with pool.acquire() as conn:  # the same connection (max_size=1)
            in_transaction = conn.is_in_transaction()
            after = await conn.fetchval("SELECT name FROM tenant WHERE id = $1", tenant)
    finally:
        await pool.close()
    assert not in_transaction
    assert after == before != "left open"


async def test_the_read_only_pool_stays_read_only_across_releases(
    settings: Settings, salon: tuple[object, SalonIds]
) -> None:
    pool = await create_pool(settings.database_url, max_size=1, read_only=True)
    try:
        for _ in range(3):
            async with pool.acquire() as conn:
                with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
                    await conn.execute("DELETE FROM tenant WHERE id = $1", salon[1].tenant)
    finally:
        await pool.close()
