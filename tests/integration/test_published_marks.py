"""A host marks the events its salons published in batches: the stream has them at once, the
outbox marks follow in one statement, a mark PostgreSQL refused is kept for the next try, and a
previous life's backlog is still published whole at activation."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from uuid import UUID, uuid4

import asyncpg

from actors.published_marks import PublishedMarks
from actors.salon import Salon as SalonActor
from db import events as event_queries
from domain.events import AuthRequestRejectedData
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_salon
from tests.integration.conftest import import_committed
from tests.integration.test_event_stream import proposal

NEVER_S = 3600.0  # the batch waits for the test's own flush


async def unpublished(pool: asyncpg.Pool, tenant_id: UUID) -> int:
    count: int = await pool.fetchval(
        "SELECT count(*) FROM event WHERE tenant_id = $1 AND published_at IS NULL", tenant_id
    )
    return count


async def new_salon(
    pool: asyncpg.Pool, stream: EventStream, marks: PublishedMarks
) -> tuple[SalonActor, SalonIds]:
    ids = await import_committed(pool, make_salon())
    salon = SalonActor(ids.tenant, pool=pool, stream=stream, marks=marks)
    await salon.activate()
    return salon, ids


class FailingOnce:
    """A pool whose first acquire fails as PostgreSQL away would, then the real one."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self.failed = False

    @asynccontextmanager
    async def acquire(self) -> AsyncIterator[asyncpg.Connection]:
        if not self.failed:
            self.failed = True
            raise ConnectionRefusedError("PostgreSQL away")
        async with self._pool.acquire() as conn:
            yield conn


async def test_events_of_many_salons_are_marked_in_one_batch(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    marks = PublishedMarks(pool, delay_s=NEVER_S)
    salons = []
    for _ in range(2):
        salon, ids = await new_salon(pool, stream, marks)
        await salon.handle(proposal(ids, "c1"))
        salons.append(salon)
    assert [await unpublished(pool, s.tenant_id) for s in salons] == [1, 1]
    replays = [await stream.replay(s.tenant_id, after=0, latest=1) for s in salons]
    assert [len(r.events) for r in replays] == [1, 1]  # on the stream at once

    await marks.flush()
    assert [await unpublished(pool, s.tenant_id) for s in salons] == [0, 0]
    assert marks.pending == 0


async def test_a_mark_postgresql_refused_is_kept_for_the_next_flush(pool: asyncpg.Pool) -> None:
    ids = await import_committed(pool, make_salon())
    async with pool.acquire() as conn, conn.transaction():
        await event_queries.append_events(
            conn,
            tenant_id=ids.tenant,
            payloads=[AuthRequestRejectedData(auth_request_id=uuid4())],
            occurred_at=datetime.now(UTC),
        )
    flaky = FailingOnce(pool)
    marks = PublishedMarks(flaky, delay_s=NEVER_S)  # type: ignore[arg-type]
    marks.add(ids.tenant, [1], datetime.now(UTC))

    await marks.flush()
    assert (flaky.failed, marks.pending, await unpublished(pool, ids.tenant)) == (True, 1, 1)
    await marks.flush()
    assert (marks.pending, await unpublished(pool, ids.tenant)) == (0, 0)


async def test_closing_marks_what_is_pending(pool: asyncpg.Pool, stream: EventStream) -> None:
    marks = PublishedMarks(pool, delay_s=NEVER_S)
    salon, ids = await new_salon(pool, stream, marks)
    await salon.handle(proposal(ids, "c1"))
    assert await unpublished(pool, ids.tenant) == 1

    await marks.close()  # the host closing its pool
    assert (marks.pending, await unpublished(pool, ids.tenant)) == (0, 0)


async def test_a_backlog_over_a_batch_is_published_and_marked_at_activation(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    ids = await import_committed(pool, make_salon())
    payloads = [AuthRequestRejectedData(auth_request_id=uuid4()) for _ in range(1500)]
    async with pool.acquire() as conn, conn.transaction():
        await event_queries.append_events(
            conn, tenant_id=ids.tenant, payloads=payloads, occurred_at=datetime.now(UTC)
        )
    salon = SalonActor(ids.tenant, pool=pool, stream=stream, marks=PublishedMarks(pool))

    # Activation reads each next batch by what is unmarked: it marks a batch at once (bounded
    # here: a batch left unmarked would be read again and again).
    await asyncio.wait_for(salon.activate(), timeout=60)
    assert await unpublished(pool, ids.tenant) == 0
    assert salon.unpublished_count == 0
