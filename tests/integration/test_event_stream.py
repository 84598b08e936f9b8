"""The outbox and the Redis stream deliver every event once, in order, even after failures."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
import pytest
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from actors.salon import Salon as SalonActor
from config.settings import Settings
from deployments.live import LiveHub
from domain.commands import CreateAuthRequest
from domain.events import AuthRequestRejectedData, parse_event
from domain.models import Agent
from domain.salon_import import SalonFile
from integrations.event_stream import EventStream
from integrations.redis_client import LIVE_FEED_CONNECTIONS, redis_client
from tests.factories import SalonIds, next_local_slot

Salon = tuple[SalonFile, SalonIds]


def rejected_event(tenant_id: object, event_id: int) -> object:
    return parse_event(
        {
            "event_id": event_id,
            "event_type": "auth_request_rejected",
            "tenant_id": tenant_id,
            "occurred_at": datetime.now(UTC),
            "data": AuthRequestRejectedData(auth_request_id=uuid4()).model_dump(mode="json"),
        }
    )


def proposal(ids: SalonIds, client: str) -> CreateAuthRequest:
    return CreateAuthRequest(
        command_id=uuid4().hex,
        created_by_agent=Agent.ENCHER_AGENDA,
        client_id=ids.of("client", client),
        service_id=ids.of("service", "barba"),
        professional_id=ids.of("professional", "rafael"),
        starts_at=next_local_slot(hour=9 + int(client[1:])),
    )


async def test_publishing_twice_adds_each_event_once(stream: EventStream) -> None:
    tenant = uuid4()
    events = [rejected_event(tenant, i) for i in (1, 2, 3)]
    await stream.publish(tenant, events[:2])  # type: ignore[arg-type]
    await stream.publish(tenant, events)  # type: ignore[arg-type]
    replay = await stream.replay(tenant, after=0, latest=3)
    assert [e.event_id for e in replay.events] == [1, 2, 3]


async def test_a_stream_error_other_than_a_repeat_is_raised(
    stream: EventStream, redis: Redis
) -> None:
    tenant = uuid4()
    await redis.set(stream.key(tenant), "not a stream")
    with pytest.raises(ResponseError, match="WRONGTYPE"):
        await stream.publish(tenant, [rejected_event(tenant, 1)])  # type: ignore[list-item]


async def test_replay_returns_only_the_gap(stream: EventStream) -> None:
    tenant = uuid4()
    await stream.publish(tenant, [rejected_event(tenant, i) for i in range(1, 6)])  # type: ignore[arg-type]
    replay = await stream.replay(tenant, after=3, latest=5)
    assert [e.event_id for e in replay.events] == [4, 5]


async def test_replay_past_retention_requires_resync(redis: Redis, settings: Settings) -> None:
    small = EventStream(redis, prefix=settings.redis_prefix, maxlen=10)
    tenant = uuid4()
    for start in range(1, 200, 20):
        batch = [rejected_event(tenant, i) for i in range(start, start + 20)]
        await small.publish(tenant, batch)  # type: ignore[arg-type]
    await redis.xtrim(small.key(tenant), maxlen=10, approximate=False)
    replay = await small.replay(tenant, after=5, latest=200)
    assert replay.resync_required
    assert replay.events == []


async def test_lost_stream_requires_resync(stream: EventStream) -> None:
    replay = await stream.replay(uuid4(), after=3, latest=9)
    assert replay.resync_required


async def test_client_ahead_of_stream_requires_resync(stream: EventStream) -> None:
    tenant = uuid4()
    await stream.publish(tenant, [rejected_event(tenant, 1)])  # type: ignore[arg-type]
    assert (await stream.replay(tenant, after=5, latest=5)).resync_required


async def test_up_to_date_client_gets_nothing(stream: EventStream) -> None:
    tenant = uuid4()
    await stream.publish(tenant, [rejected_event(tenant, 1)])  # type: ignore[arg-type]
    replay = await stream.replay(tenant, after=1, latest=1)
    assert (replay.events, replay.resync_required) == ([], False)


async def test_events_committed_while_redis_is_down_are_published_later_in_order(
    pool: asyncpg.Pool, stream: EventStream, settings: Settings, salon: Salon
) -> None:
    ids = salon[1]
    dead_redis = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
    broken = EventStream(dead_redis, prefix=settings.redis_prefix, maxlen=100)
    offline = SalonActor(ids.tenant, pool=pool, stream=broken)
    await offline.activate()
    for client in ("c1", "c2", "c3"):
        await offline.handle(proposal(ids, client))
    assert offline.unpublished_count == 3
    await dead_redis.aclose()

    restarted = SalonActor(ids.tenant, pool=pool, stream=stream)
    await restarted.activate()
    replay = await stream.replay(ids.tenant, after=0, latest=3)
    payloads = [json.loads(e.payload) for e in replay.events]
    assert [p["event_id"] for p in payloads] == [1, 2, 3]
    assert {p["event_type"] for p in payloads} == {"auth_request_created"}


async def test_streamed_payload_is_the_seed_envelope(
    pool: asyncpg.Pool, stream: EventStream, salon: Salon
) -> None:
    ids = salon[1]
    agenda = SalonActor(ids.tenant, pool=pool, stream=stream)
    await agenda.activate()
    created = await agenda.handle(proposal(ids, "c1"))
    replay = await stream.replay(ids.tenant, after=0, latest=1)
    payload = json.loads(replay.events[0].payload)
    assert set(payload) == {"event_id", "event_type", "tenant_id", "occurred_at", "data"}
    assert payload["data"]["auth_request"]["id"] == str(created.auth_request_id)
    assert payload["data"]["auth_request"]["created_by_agent"] == "encher_agenda"


@pytest.mark.parametrize("after", [0, 2])
async def test_stream_cursor_is_the_newest_event(stream: EventStream, after: int) -> None:
    tenant = uuid4()
    if after:
        await stream.publish(tenant, [rejected_event(tenant, i) for i in range(1, after + 1)])  # type: ignore[arg-type]
    assert await stream.cursor(tenant) == after


async def test_a_replica_feeds_more_salons_than_a_default_redis_pool_holds(
    settings: Settings,
) -> None:
    """Each salon with open sockets holds one blocking read: 150 salons in one replica (a
    default pool holds 100) all get their events."""
    live_redis = redis_client(settings.redis_url, max_connections=LIVE_FEED_CONNECTIONS)
    stream = EventStream(
        live_redis, prefix=f"{settings.redis_prefix}:fleet:{uuid4().hex}", maxlen=100
    )
    hub = LiveHub(stream)
    try:
        tenants = [uuid4() for _ in range(150)]
        subscriptions = [await hub.subscribe(t) for t in tenants]
        await asyncio.sleep(0.2)  # every feed is waiting on Redis now
        last = tenants[-1]
        await stream.publish(last, [rejected_event(last, 1)])  # type: ignore[list-item]
        got = await asyncio.wait_for(subscriptions[-1].queue.get(), timeout=10)
        assert got.event_id == 1
    finally:
        hub.close()
        await live_redis.aclose()


async def test_the_hub_counts_its_open_sockets(stream: EventStream) -> None:
    hub = LiveHub(stream)
    first, second = uuid4(), uuid4()
    subscriptions = [await hub.subscribe(t) for t in (first, first, second)]
    counted = hub.open_sockets
    hub.unsubscribe(subscriptions[0])
    hub.unsubscribe(subscriptions[0])  # a socket closed twice counts once
    hub.unsubscribe(subscriptions[2])
    left = hub.open_sockets
    hub.close()
    assert (counted, left) == (3, 1)
