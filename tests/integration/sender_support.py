"""Helpers of the sender's integration tests: queue messages, drive steps, read what happened."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import asyncpg

from actors.sender import SenderCore, SenderStepResult
from db.outbox import queue_messages
from domain.outcome import OutboundMessage
from tests.factories import SalonIds

ZONE = ZoneInfo("America/Sao_Paulo")
Queued = list[tuple[UUID, str, str]]  # (message id, client key, kind)


def local(days_ahead: int, hour: int, minute: int = 0) -> datetime:
    day = datetime.now(ZONE).date() + timedelta(days=days_ahead)
    return datetime.combine(day, time(hour, minute), ZONE)


async def route(pool: asyncpg.Pool, ids: SalonIds, url: str) -> None:
    await pool.execute("UPDATE tenant SET n8n_webhook_url = $2 WHERE id = $1", ids.tenant, url)


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
            )
            for message_id, key, kind in queued
        ]
        await queue_messages(conn, tenant_id=ids.tenant, messages=messages)
    return queued


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
