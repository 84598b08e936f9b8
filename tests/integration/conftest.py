"""Integration fixtures: real PostgreSQL and Redis; each test isolated by transaction or tenant."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from config.settings import Settings
from db.salon_import import import_salon
from domain.salon_import import SalonFile
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_salon


@pytest.fixture
async def conn(pool: asyncpg.Pool) -> AsyncIterator[asyncpg.Connection]:
    """A connection inside a transaction that is rolled back after the test."""
    async with pool.acquire() as connection:
        transaction = connection.transaction()
        await transaction.start()
        yield connection
        await transaction.rollback()


async def import_committed(pool: asyncpg.Pool, salon: SalonFile) -> SalonIds:
    async with pool.acquire() as connection, connection.transaction():
        await import_salon(connection, salon)
    return SalonIds(salon)


@pytest.fixture
async def salon(pool: asyncpg.Pool) -> tuple[SalonFile, SalonIds]:
    """A fresh committed salon of its own (tests are isolated by tenant id)."""
    salon_file = make_salon()
    return salon_file, await import_committed(pool, salon_file)


@pytest.fixture
def stream(redis: object, settings: Settings) -> EventStream:
    return EventStream(redis, prefix=settings.redis_prefix, maxlen=settings.event_stream_maxlen)  # type: ignore[arg-type]


from tests.integration.sender_support import (  # noqa: E402  the sender tests' fixtures
    host,
    make_sender,
    n8n,
    sender_settings,
    shop,
)

__all__ = ["host", "make_sender", "n8n", "sender_settings", "shop"]
