"""The ingress's pool is read-only: PostgreSQL itself refuses a write made through it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from config.settings import Settings
from db.pool import create_pool
from db.read.agenda import get_tenant
from tests.factories import SalonIds


@pytest.fixture
async def read_only(settings: Settings) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(settings.database_url, max_size=2, read_only=True)
    yield pool
    await pool.close()


async def test_reads_work_through_the_read_only_pool(
    read_only: asyncpg.Pool, salon: tuple[object, SalonIds]
) -> None:
    async with read_only.acquire() as conn:
        tenant = await get_tenant(conn, tenant_id=salon[1].tenant)
    assert tenant.id == salon[1].tenant


async def test_a_write_through_the_read_only_pool_is_refused(
    read_only: asyncpg.Pool, salon: tuple[object, SalonIds]
) -> None:
    with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
        await read_only.execute("UPDATE tenant SET name = 'hacked' WHERE id = $1", salon[1].tenant)
