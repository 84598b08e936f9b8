"""Helpers of the sender's integration tests: queue messages, drive steps, read what happened."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Callable
from datetime import datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import asyncpg
import pytest
from pydantic import SecretStr

from actors.host import TenantHostCore
from actors.sender import SenderCore, SenderStepResult
from config.settings import Settings
from db.outbox import queue_messages
from domain.outcome import OutboundMessage
from domain.salon_import import ClientPart
from domain.whatsapp_templates import TemplateCall, template_call
from integrations.n8n import N8nClient
from tests.channel import route_salon
from tests.conftest import TEST_N8N_SECRET
from tests.factories import SalonIds, make_salon, next_phone
from tests.fakes.n8n import FakeN8n
from tests.integration.conftest import import_committed

ZONE = ZoneInfo("America/Sao_Paulo")
Queued = list[tuple[UUID, str, str]]  # (message id, client key, kind)


def local(days_ahead: int, hour: int, minute: int = 0) -> datetime:
    day = datetime.now(ZONE).date() + timedelta(days=days_ahead)
    return datetime.combine(day, time(hour, minute), ZONE)


async def route(pool: asyncpg.Pool, ids: SalonIds, url: str, **channel: Any) -> None:
    """The salon's own n8n: the fake, with the salon's own secret and token (its check's)."""
    await route_salon(pool, ids.tenant, url, secret=TEST_N8N_SECRET, token=AUTH_TOKEN, **channel)


async def queue(pool: asyncpg.Pool, ids: SalonIds, plan: list[tuple[str, str]]) -> Queued:
    """Queue one message per (client key, kind) in one committed transaction."""
    queued = [(uuid4(), key, kind) for key, kind in plan]
    async with pool.acquire() as conn, conn.transaction():
        messages = [
            OutboundMessage(
                message_id=message_id,
                client_id=ids.of("client", key),
                kind=kind,  # type: ignore[arg-type]
                body=f"Olá! Mensagem {kind} para {key}.",
                related_id=None,
                template=template_for(kind, key),
            )
            for message_id, key, kind in queued
        ]
        await queue_messages(conn, tenant_id=ids.tenant, messages=messages)
    return queued


def template_for(kind: str, key: str) -> TemplateCall:
    """A marketing message's offer template, else the salon's message template."""
    if kind == "marketing":
        return template_call(
            "prazo_certo_offer",
            first_name=key,
            service="Corte",
            professional="Carol",
            when="quinta, 12/03, às 14:00",
            offer="por R$ 50,00",
            salon="Salão Teste",
        )
    return template_call(
        "salon_message",
        first_name=key,
        of_salon="do Salão Teste",
        message=f"Mensagem {kind} para {key}.",
        salon="Salão Teste",
    )


async def drive(
    sender: SenderCore, pool: asyncpg.Pool, ids: SalonIds, now: datetime, max_steps: int = 20
) -> list[SenderStepResult]:
    """Step until the salon has nothing queued, jumping the clock past the backoff cap."""
    results = []
    for _ in range(max_steps):
        results.append(await sender.step(now))
        if not await queued_count(pool, ids):
            break
        now += timedelta(seconds=5)
    return results


async def queued_count(pool: asyncpg.Pool, ids: SalonIds) -> int:
    count: int = await pool.fetchval(
        "SELECT count(*) FROM outbound_message WHERE tenant_id = $1 AND status = 'queued'",
        ids.tenant,
    )
    return count


async def rows(pool: asyncpg.Pool, ids: SalonIds) -> dict[str, asyncpg.Record]:
    found = await pool.fetch(
        "SELECT id, status, attempts, last_error FROM outbound_message WHERE tenant_id = $1",
        ids.tenant,
    )
    return {str(row["id"]): row for row in found}


async def events(pool: asyncpg.Pool, ids: SalonIds, event_type: str) -> list[dict[str, Any]]:
    found = await pool.fetch(
        "SELECT data FROM event WHERE tenant_id = $1 AND event_type = $2 ORDER BY event_id",
        ids.tenant,
        event_type,
    )
    return [row["data"] for row in found]


def thirty_messages() -> list[tuple[str, str]]:
    """5 to the opted-out c0 (3 marketing, 2 transactional), 25 to c1..c9."""
    to_c0 = [("c0", "marketing")] * 3 + [("c0", "transactional")] * 2
    others = [(f"c{1 + i % 9}", "marketing" if i % 2 else "transactional") for i in range(25)]
    return to_c0 + others


# --- fixtures (conftest.py makes them every integration test's) ---------------------------
AUTH_TOKEN = "n8n-test-token"
MakeSender = Callable[..., SenderCore]


@pytest.fixture
def sender_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "n8n_outbound_url": "",
            "n8n_auth_token": SecretStr(AUTH_TOKEN),
            "sender_timeout_s": 1.0,
            "sender_max_attempts": 8,
            "sender_backoff_base_s": 1.0,
            "sender_backoff_max_s": 4.0,
        }
    )


@pytest.fixture
async def n8n(sender_settings: Settings) -> AsyncIterator[FakeN8n]:
    fake = FakeN8n(
        secret=TEST_N8N_SECRET, auth_header=sender_settings.n8n_auth_header, auth_token=AUTH_TOKEN
    )
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def host(settings: Settings) -> AsyncIterator[TenantHostCore]:
    core = TenantHostCore(settings)
    yield core
    await core.close()


@pytest.fixture
async def make_sender(
    sender_settings: Settings, pool: asyncpg.Pool, host: TenantHostCore
) -> AsyncIterator[MakeSender]:
    clients: list[N8nClient] = []

    async def record(tenant_id: UUID, command: Any) -> Any:
        return await host.call(tenant_id, command)

    def build(record_port: Any = record, **overrides: Any) -> SenderCore:
        settings = sender_settings.model_copy(update=overrides)
        clients.append(N8nClient(settings))
        return SenderCore(
            settings,
            pool=pool,
            client=clients[-1],
            record=record_port,
            random_fraction=random.Random(7).random,
        )

    yield build
    for client in clients:
        await client.close()


@pytest.fixture
async def shop(pool: asyncpg.Pool) -> AsyncIterator[SalonIds]:
    """A salon whose c0 opted out of marketing; its leftover queued rows are dropped after."""
    clients = [
        ClientPart(key=f"c{i}", name=f"Cliente {i}", phone=next_phone(), marketing_opt_out=i == 0)
        for i in range(10)
    ]
    ids = await import_committed(pool, make_salon(clients=clients))
    yield ids
    await pool.execute(
        "DELETE FROM outbound_message WHERE tenant_id = $1 AND status = 'queued'", ids.tenant
    )
