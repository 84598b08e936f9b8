"""Chat messages past each salon's retention go, and their words where they are also kept:
salon by salon, in bounded rounds the scheduler goes on with, never reading a whole table."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import partial
from uuid import UUID

import asyncpg
import pytest

from actors.salon import Salon as SalonActor
from actors.scheduler import SchedulerCore
from config.settings import Settings
from db.client_rights import PURGE_PLAN, PURGE_STATEMENTS, purge_past_retention
from domain.events import parse_event
from integrations.event_stream import EventStream
from tests.integration.client_rights_support import (
    Salon,
    active_salon,
    client_who_talked_and_booked,
    fetch,
    refuse_dispatch,
)


@pytest.fixture
async def agenda(pool: asyncpg.Pool, stream: EventStream, salon: Salon) -> SalonActor:
    return await active_salon(pool, stream, salon)


async def test_old_chat_messages_go_after_the_salons_retention(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    tenant = salon[1].tenant
    await client_who_talked_and_booked(agenda, salon)
    now = datetime.now(UTC)
    async with pool.acquire() as conn:
        await conn.execute(  # the first exchange happened 13 months ago
            """UPDATE chat_message SET created_at = $2
               WHERE tenant_id = $1 AND id IN (
                   SELECT id FROM chat_message WHERE tenant_id = $1
                   ORDER BY created_at LIMIT 2)""",
            tenant,
            now - timedelta(days=400),
        )
        kept_by_a_longer_choice = await conn.execute(
            "INSERT INTO salon_settings (tenant_id, chat_retention_months) VALUES ($1, 24)",
            tenant,
        )
        spared = await purge_past_retention(conn, now=now, default_months=12, tenant_ids=[tenant])
        await conn.execute("DELETE FROM salon_settings WHERE tenant_id = $1", tenant)
        deleted = await purge_past_retention(conn, now=now, default_months=12, tenant_ids=[tenant])
        left = await conn.fetchval("SELECT count(*) FROM chat_message WHERE tenant_id = $1", tenant)
    assert kept_by_a_longer_choice == "INSERT 0 1"
    assert (spared.chat_messages, deleted.chat_messages, left) == (0, 2, 2)
    assert spared.complete and deleted.complete


async def test_the_scheduler_blanks_words_past_retention_in_events_and_sent_messages(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, settings: Settings
) -> None:
    tenant = salon[1].tenant
    await client_who_talked_and_booked(agenda, salon)
    now = datetime.now(UTC)
    # everything said so far happened 13 months ago
    said = (await age_everything(pool, tenant, now - timedelta(days=400)))["events"]
    # Late at night in São Paulo: the day's campaigns are past their send window, none is due.
    night = (now + timedelta(days=1)).replace(hour=2, minute=30)
    scheduler = SchedulerCore(settings, pool, dispatch=refuse_dispatch)
    report = await scheduler.step(night, tenant_ids=[tenant])
    assert report.due == 0
    async with pool.acquire() as conn:
        counts = await conn.fetchrow(
            """SELECT
                 (SELECT count(*) FROM chat_message WHERE tenant_id = $1) AS messages,
                 (SELECT count(*) FROM event WHERE tenant_id = $1
                    AND data ->> 'message' <> '') AS events_with_words,
                 (SELECT count(*) FROM event WHERE tenant_id = $1 AND data ? 'message') AS events,
                 (SELECT count(*) FROM outbound_message WHERE tenant_id = $1
                    AND (body <> '' OR template_params <> '{}')) AS sent_with_words""",
            tenant,
        )
        stored = await fetch(
            pool,
            "SELECT event_id, event_type, occurred_at, data FROM event WHERE tenant_id = $1",
            tenant,
        )
    assert said >= 4  # two messages of the client's, two answers
    assert dict(counts) == {
        "messages": 0,
        "events_with_words": 0,
        "events": said,
        "sent_with_words": 0,
    }
    assert all(parse_event(row | {"tenant_id": str(tenant)}) for row in stored)


async def age_everything(pool: asyncpg.Pool, tenant: UUID, old: datetime) -> dict[str, int]:
    """Everything the salon holds happened at `old`, its messages sent; what has words."""
    async with pool.acquire() as conn:
        await conn.execute(
            "UPDATE chat_message SET created_at = $2 WHERE tenant_id = $1", tenant, old
        )
        await conn.execute("UPDATE event SET occurred_at = $2 WHERE tenant_id = $1", tenant, old)
        await conn.execute(
            "UPDATE outbound_message SET created_at = $2, status = 'sent' WHERE tenant_id = $1",
            tenant,
            old,
        )
        return dict(await with_words(conn, tenant))


async def with_words(conn: asyncpg.Connection, tenant: UUID) -> asyncpg.Record:
    return await conn.fetchrow(
        """SELECT
             (SELECT count(*) FROM chat_message WHERE tenant_id = $1) AS chat_messages,
             (SELECT count(*) FROM outbound_message WHERE tenant_id = $1
                AND (body <> '' OR template_params <> '{}')) AS sent_messages,
             (SELECT count(*) FROM event WHERE tenant_id = $1
                AND data ->> 'message' <> '') AS events""",
        tenant,
    )


async def test_a_purge_goes_in_bounded_rounds_and_says_when_it_is_complete(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    tenant = salon[1].tenant
    await client_who_talked_and_booked(agenda, salon)
    now = datetime.now(UTC)
    before = await age_everything(pool, tenant, now - timedelta(days=400))
    assert min(before.values()) >= 2  # each kind has more than one round of one row
    purge = partial(purge_past_retention, now=now, default_months=12, tenant_ids=[tenant])
    async with pool.acquire() as conn:
        first = await purge(conn, per_salon=1, rounds=1)
        after_first = dict(await with_words(conn, tenant))
        rest = await purge(conn, per_salon=1, rounds=100)
        after = dict(await with_words(conn, tenant))
    assert (first.chat_messages, first.sent_messages, first.events) == (1, 1, 1)
    assert not first.complete
    assert after_first == {key: count - 1 for key, count in before.items()}
    assert rest.complete
    assert (rest.chat_messages, rest.sent_messages, rest.events) == tuple(
        count - 1 for count in before.values()
    )
    assert after == {"chat_messages": 0, "sent_messages": 0, "events": 0}


async def test_the_scheduler_goes_on_with_a_purge_left_incomplete_then_waits_an_hour(
    agenda: SalonActor,
    pool: asyncpg.Pool,
    salon: Salon,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tenant = salon[1].tenant
    await client_who_talked_and_booked(agenda, salon)
    now = datetime.now(UTC)
    before = await age_everything(pool, tenant, now - timedelta(days=400))
    one_row_rounds = partial(purge_past_retention, per_salon=1, rounds=1)
    monkeypatch.setattr("actors.scheduler.purge_past_retention", one_row_rounds)
    scheduler = SchedulerCore(settings, pool, dispatch=refuse_dispatch)
    night = (now + timedelta(days=1)).replace(hour=2, minute=30)
    left = []
    for step in range(max(before.values()) + 1):  # a row of each kind a step, then one empty
        await scheduler.step(night + timedelta(seconds=step), tenant_ids=[tenant])
        async with pool.acquire() as conn:
            left.append(dict(await with_words(conn, tenant)))
    assert left[0] == {key: count - 1 for key, count in before.items()}
    assert left[-1] == {"chat_messages": 0, "sent_messages": 0, "events": 0}
    # complete: the next pass waits an hour, even with something new past retention
    async with pool.acquire() as conn:
        await conn.execute("UPDATE outbound_message SET body = 'oi' WHERE tenant_id = $1", tenant)
        again = dict(await with_words(conn, tenant))
    assert again["sent_messages"] > 0
    await scheduler.step(night + timedelta(minutes=30), tenant_ids=[tenant])
    async with pool.acquire() as conn:
        assert dict(await with_words(conn, tenant)) == again
    await scheduler.step(night + timedelta(minutes=61), tenant_ids=[tenant])
    async with pool.acquire() as conn:
        assert dict(await with_words(conn, tenant))["sent_messages"] == again["sent_messages"] - 1


@pytest.mark.parametrize(
    ("statement", "index"),
    list(
        zip(
            PURGE_STATEMENTS,
            ("chat_message_created", "outbound_message_words", "event_words"),
            strict=True,
        )
    ),
)
async def test_each_purge_statement_reads_its_salon_index_and_fetches_rows_by_address(
    pool: asyncpg.Pool, statement: str, index: str
) -> None:
    """The plan never reads a whole table: with sequential scans priced out (a test database
    is small enough for PostgreSQL to prefer them), each statement walks the per-salon index
    of migration 0021 in order and fetches its rows by address."""
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SET LOCAL enable_seqscan = off")
        await conn.execute(PURGE_PLAN)
        plan = "\n".join(
            row[0]
            for row in await conn.fetch(
                f"EXPLAIN (COSTS OFF) {statement}", datetime.now(UTC), 12, None, 1000, 20000
            )
        )
    assert f"Index Scan using {index}" in plan  # in order: a round reads what it keeps
    assert "Tid Scan" in plan
    assert not re.search(r"Seq Scan on (chat_message|outbound_message|event)\b", plan)


async def test_a_purge_keeps_what_waits_and_what_a_longer_retention_keeps(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    """A chat message still waiting for its answer and a message still queued are kept whole;
    a salon that keeps 24 months keeps its 13-month-old words in all three tables."""
    tenant = salon[1].tenant
    await client_who_talked_and_booked(agenda, salon)
    now = datetime.now(UTC)
    before = await age_everything(pool, tenant, now - timedelta(days=400))
    purge = partial(purge_past_retention, now=now, default_months=12, tenant_ids=[tenant])
    async with pool.acquire() as conn:
        await conn.execute(
            "INSERT INTO salon_settings (tenant_id, chat_retention_months) VALUES ($1, 24)", tenant
        )
        kept = await purge(conn)
        after_kept = dict(await with_words(conn, tenant))
        await conn.execute("DELETE FROM salon_settings WHERE tenant_id = $1", tenant)
        waiting = await conn.fetchval(
            """UPDATE chat_message SET status = 'pending' WHERE tenant_id = $1 AND id = (
                   SELECT id FROM chat_message WHERE tenant_id = $1 LIMIT 1) RETURNING id""",
            tenant,
        )
        queued = await conn.fetchval(
            """UPDATE outbound_message SET status = 'queued' WHERE tenant_id = $1 AND id = (
                   SELECT id FROM outbound_message WHERE tenant_id = $1 LIMIT 1) RETURNING id""",
            tenant,
        )
        await purge(conn)
        left = dict(await with_words(conn, tenant))
        still = await conn.fetchrow(
            """SELECT (SELECT status FROM chat_message WHERE tenant_id = $1 AND id = $2) AS chat,
                      (SELECT body <> '' FROM outbound_message WHERE tenant_id = $1 AND id = $3)
                          AS has_words""",
            tenant,
            waiting,
            queued,
        )
    assert (kept.chat_messages, kept.sent_messages, kept.events) == (0, 0, 0)
    assert after_kept == before
    assert left == {"chat_messages": 1, "sent_messages": 1, "events": 0}
    assert dict(still) == {"chat": "pending", "has_words": True}
