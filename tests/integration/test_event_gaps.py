"""No event is marked published unless the stream took it, a previous life's whole backlog is
published (not only its first thousand), and a hole in the stream is refilled from PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

import asyncpg

from actors.salon import Salon as SalonActor
from db import events as event_queries
from deployments.event_refill import REFILL_LIMIT, dense, refill
from domain.events import AuthRequestRejectedData
from integrations.event_stream import EventStream
from tests.factories import SalonIds
from tests.integration.test_event_stream import Salon, proposal


async def store_events(pool: asyncpg.Pool, tenant_id: UUID, count: int) -> None:
    """`count` events committed by another life of the salon and never published."""
    payloads = [AuthRequestRejectedData(auth_request_id=uuid4()) for _ in range(count)]
    async with pool.acquire() as conn, conn.transaction():
        await event_queries.append_events(
            conn, tenant_id=tenant_id, payloads=payloads, occurred_at=datetime.now(UTC)
        )


async def unpublished(pool: asyncpg.Pool, ids: SalonIds) -> list[int]:
    rows = await pool.fetch(
        "SELECT event_id FROM event WHERE tenant_id = $1 AND published_at IS NULL"
        " ORDER BY event_id",
        ids.tenant,
    )
    return [row["event_id"] for row in rows]


async def test_only_the_events_the_stream_took_are_marked_published(
    pool: asyncpg.Pool, salon: Salon
) -> None:
    ids = salon[1]
    await store_events(pool, ids.tenant, 5)
    # The stream took 1, 2 and 5; 3 and 4 (a late commit) were never sent.
    async with pool.acquire() as conn:
        await event_queries.mark_published(
            conn, tenant_id=ids.tenant, event_ids=[1, 2, 5], at=datetime.now(UTC)
        )
    assert await unpublished(pool, ids) == [3, 4]


async def test_a_backlog_over_a_thousand_events_is_published_whole_in_order(
    pool: asyncpg.Pool, stream: EventStream, salon: Salon
) -> None:
    ids = salon[1]
    await store_events(pool, ids.tenant, 1500)
    agenda = SalonActor(ids.tenant, pool=pool, stream=stream)
    await agenda.activate()
    await agenda.handle(proposal(ids, "c1"))  # event 1501, after the backlog

    replay = await stream.replay(ids.tenant, after=0, latest=1501)
    assert [e.event_id for e in replay.events] == list(range(1, 1502))
    assert await unpublished(pool, ids) == []


async def test_a_hole_in_the_stream_is_refilled_from_postgresql(
    pool: asyncpg.Pool, stream: EventStream, salon: Salon, redis: object
) -> None:
    ids = salon[1]
    agenda = SalonActor(ids.tenant, pool=pool, stream=stream)
    await agenda.activate()
    for client in ("c1", "c2", "c3", "c4"):
        await agenda.handle(proposal(ids, client))
    await redis.xdel(stream.key(ids.tenant), "2-0", "3-0")  # type: ignore[attr-defined]

    replay = await stream.replay(ids.tenant, after=0, latest=4)
    assert [e.event_id for e in replay.events] == [1, 4]
    assert not dense(replay.events, after=0)
    filled = await refill(pool, ids.tenant, after=0, up_to=4)
    assert filled is not None and [e.event_id for e in filled] == [1, 2, 3, 4]
    assert filled[1].payload.startswith('{"event_id":2,')
    assert await refill(pool, ids.tenant, after=4, up_to=4) == []
    assert await refill(pool, ids.tenant, after=5, up_to=4) is None  # ahead of the truth
    assert await refill(pool, ids.tenant, after=0, up_to=REFILL_LIMIT + 1) is None
    assert await refill(pool, ids.tenant, after=0, up_to=9) is None  # 5..9 are not stored
