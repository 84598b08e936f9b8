"""The backlog the scheduler's gauges report, read from the real tables."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import asyncpg

from db.backlog import read_backlog
from domain.salon_import import SalonFile
from tests.factories import SalonIds


async def test_the_backlog_counts_what_waits_and_how_long(
    pool: asyncpg.Pool, salon: tuple[SalonFile, SalonIds]
) -> None:
    ids = salon[1]
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    async with pool.acquire() as conn:
        before = await read_backlog(conn)
        await conn.execute(
            """INSERT INTO outbound_message (tenant_id, id, client_id, kind, body, not_before)
               VALUES ($1, $2, $3, 'transactional', 'Olá!', $4),
                      ($1, $5, $3, 'marketing', 'Oferta', now() + interval '1 day')""",
            ids.tenant,
            uuid4(),
            ids.of("client", "c1"),
            an_hour_ago,
            uuid4(),
        )
        last = await conn.fetchval(
            "UPDATE tenant SET last_event_id = last_event_id + 1 WHERE id = $1"
            " RETURNING last_event_id",
            ids.tenant,
        )
        await conn.execute(
            """INSERT INTO event (tenant_id, event_id, event_type, occurred_at, data)
               VALUES ($1, $2, 'campaign_completed', $3, '{}')""",
            ids.tenant,
            last,
            an_hour_ago,
        )
        after = await read_backlog(conn)
    assert after.outbox_queued - before.outbox_queued == 2  # due or not, both wait
    assert after.outbox_oldest_s >= 3600  # only the one already due counts for the age
    assert after.events_unpublished - before.events_unpublished == 1
    assert after.events_oldest_s >= 3600
    assert after.requests_pending == before.requests_pending
