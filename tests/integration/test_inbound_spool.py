"""A client's message that arrives while PostgreSQL or the salon's agenda is away is answered 202
and kept in Redis, then handed to the salon once it is back — in order, once per message as far
as the list goes, across replicas — and one the salon refuses for good is set aside, not retried
forever. The webhook runs here in process (create_api and its lifespan on the real stores); the
salon's agenda is a stand-in that fails while "the database is down"."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import httpx
import pytest
from redis.asyncio import Redis

from config.settings import Settings
from deployments.api import create_api
from deployments.inbound import spool_handler
from deployments.inbound_spool import InboundSpool, StillUnavailableError
from domain.commands import MessageAccepted, ReceiveMessage
from domain.errors import NotFoundError
from integrations.webhook_signature import signature_headers
from tests.conftest import TEST_N8N_SECRET
from tests.factories import SalonIds

WEBHOOK = "/api/v1/webhooks/n8n/message-received"


class StandInAgenda:
    """The directory's `send`, failing like a salon whose database is down while `down`."""

    def __init__(self) -> None:
        self.down = True
        self.taken: list[tuple[UUID, ReceiveMessage]] = []

    async def send(self, tenant_id: UUID, command: ReceiveMessage) -> MessageAccepted:
        if self.down:
            raise asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed")
        self.taken.append((tenant_id, command))
        return MessageAccepted(message_id=uuid4(), conversation_id=uuid4(), duplicate=False)


@pytest.fixture
def own(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"redis_prefix": f"{settings.redis_prefix}-{uuid4().hex[:6]}"}
    )


@pytest.fixture
async def spool(own: Settings, redis: Redis) -> AsyncIterator[InboundSpool]:
    yield InboundSpool(redis, prefix=own.redis_prefix)
    await redis.delete(f"{own.redis_prefix}:inbound:spool", f"{own.redis_prefix}:inbound:dead")


def signed(body: dict[str, Any], webhook_id: str) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body).encode()
    headers = signature_headers(
        TEST_N8N_SECRET, msg_id=webhook_id, timestamp=int(time.time()), body=raw
    )
    return raw, headers | {"content-type": "application/json"}


def message(ids: SalonIds, text: str) -> dict[str, Any]:
    return {
        "tenant_id": str(ids.tenant),
        "client_name": "João",
        "phone": "+5511955554444",
        "message": text,
        "timestamp": "2026-12-06T09:00:00-03:00",
        "message_id": f"wamid.{uuid4().hex}",
    }


async def test_a_message_arriving_during_an_outage_is_kept_and_delivered_later(
    own: Settings, spool: InboundSpool, pool: asyncpg.Pool, salon: tuple[object, SalonIds]
) -> None:
    ids = salon[1]
    app = create_api(own)
    agenda = StandInAgenda()
    async with app.router.lifespan_context(app):
        app.state.resources.directory = agenda
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            sent = [message(ids, "Oi, quero marcar"), message(ids, "amanhã às 15h")]
            answers = []
            for number, body in enumerate(sent):
                raw, headers = signed(body, f"msg_{number}")
                answers.append(await http.post(WEBHOOK, content=raw, headers=headers))
    assert [a.status_code for a in answers] == [202, 202]
    assert answers[0].json() == {
        "status": "accepted",
        "message_id": None,
        "conversation_id": None,
        "duplicate": False,
        "queued": True,
    }
    assert await spool.size() == 2

    handle = spool_handler(SimpleNamespace(pool=pool, directory=agenda))  # type: ignore[arg-type]
    assert await spool.drain(handle) == 0  # still down: kept, in order
    assert await spool.size() == 2
    agenda.down = False
    assert await spool.drain(handle) == 2
    assert await spool.size() == 0
    taken = [(tenant, c.message, c.external_id, c.webhook_id) for tenant, c in agenda.taken]
    assert taken == [
        (ids.tenant, "Oi, quero marcar", sent[0]["message_id"], "msg_0"),
        (ids.tenant, "amanhã às 15h", sent[1]["message_id"], "msg_1"),
    ]


async def test_a_message_the_salon_refuses_for_good_is_set_aside(
    spool: InboundSpool, redis: Redis
) -> None:
    handled: list[str] = []

    async def handle(item: dict[str, Any]) -> None:
        if item["body"] == "gone":
            raise NotFoundError("tenant not found")
        handled.append(str(item["body"]))

    for body in ("first", "gone", "last"):
        await spool.put({"body": body, "webhook_id": None})
    assert await spool.drain(handle) == 3
    assert handled == ["first", "last"]
    [dead] = [json.loads(raw) for raw in await redis.lrange(spool.dead_key, 0, -1)]
    assert (dead["body"], dead["reason"]) == ("gone", "NotFoundError: tenant not found")


async def test_two_replicas_drain_without_losing_or_reordering(
    own: Settings, spool: InboundSpool, redis: Redis
) -> None:
    other = InboundSpool(redis, prefix=own.redis_prefix)
    handled: list[int] = []

    async def handle(item: dict[str, Any]) -> None:
        if len(handled) == 3 and item["body"] == 3:
            # Meanwhile the other replica tries: the lock keeps it out.
            assert await other.drain(handle) == 0
        handled.append(int(str(item["body"])))

    for number in range(6):
        await spool.put({"body": number, "webhook_id": None})
    assert await spool.drain(handle) == 6
    assert handled == list(range(6))


async def test_a_failure_to_reach_the_store_again_stops_the_drain(spool: InboundSpool) -> None:
    calls = 0

    async def handle(item: dict[str, Any]) -> None:
        nonlocal calls
        calls += 1
        raise StillUnavailableError("PostgresConnectionError")

    await spool.put({"body": "x", "webhook_id": None})
    await spool.put({"body": "y", "webhook_id": None})
    assert await spool.drain(handle) == 0
    assert (calls, await spool.size()) == (1, 2)
