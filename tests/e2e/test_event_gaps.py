"""A socket's event ids run on without a hole, over real Serve, Redis and PostgreSQL: events the
Redis stream lost are refilled from PostgreSQL in the replay, and an event published past a hole
(another writer's late or lost publish) is preceded live by the ones it skipped."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
from redis.asyncio import Redis
from websockets.asyncio.client import connect

from db import events as event_queries
from domain.events import AuthRequestRejectedData
from integrations.event_stream import EventStream
from tests.e2e.conftest import LiveSalon
from tests.e2e.sockets import events_until, receive_json, until


def stream_of(live_salon: LiveSalon, redis: Redis) -> EventStream:
    settings = live_salon.api.settings
    return EventStream(redis, prefix=settings.redis_prefix, maxlen=settings.event_stream_maxlen)


async def published(pool: asyncpg.Pool, live_salon: LiveSalon, count: int) -> None:
    """Wait until the salon's first `count` events are published (the actor publishes after
    each commit)."""
    for _ in range(200):
        done = await pool.fetchval(
            "SELECT count(*) FROM event WHERE tenant_id = $1 AND published_at IS NOT NULL",
            live_salon.ids.tenant,
        )
        if done >= count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("events were not published")


async def test_the_replay_refills_what_the_stream_lost(
    live_salon: LiveSalon, pool: asyncpg.Pool, redis: Redis
) -> None:
    for hour in (9, 10, 11, 12):
        await live_salon.propose(hour=hour)
    await published(pool, live_salon, 4)
    stream = stream_of(live_salon, redis)
    assert await redis.xdel(stream.key(live_salon.ids.tenant), "2-0", "3-0") == 2

    async with connect(live_salon.ws(last_event_id=0)) as ws:
        replayed = await events_until(ws, 4)
        started = await receive_json(ws)
    assert [e["event_id"] for e in replayed] == [1, 2, 3, 4]
    assert {e["event_type"] for e in replayed} == {"auth_request_created"}
    assert (started["event_type"], started["data"]["last_event_id"]) == ("sync_started", 4)


async def test_a_live_event_past_a_hole_comes_after_the_ones_it_skipped(
    live_salon: LiveSalon, pool: asyncpg.Pool, redis: Redis
) -> None:
    await live_salon.propose(hour=9)
    await published(pool, live_salon, 1)
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        # Another writer commits events 2 and 3 but only 3 reaches the stream.
        payloads = [AuthRequestRejectedData(auth_request_id=uuid4()) for _ in range(2)]
        async with pool.acquire() as conn, conn.transaction():
            stored = await event_queries.append_events(
                conn,
                tenant_id=live_salon.ids.tenant,
                payloads=payloads,
                occurred_at=datetime.now(UTC),
            )
        await stream_of(live_salon, redis).publish(live_salon.ids.tenant, stored[1:])
        live = await events_until(ws, 2)
    assert [e["event_id"] for e in live] == [2, 3]
    assert [e["data"]["auth_request_id"] for e in live] == [
        str(p.auth_request_id) for p in payloads
    ]
    assert {e["event_type"] for e in live} == {"auth_request_rejected"}
