"""What is waiting across the deployment (the backlog gauges, actors/backlog.py): WhatsApp
messages queued to leave, events not yet on their Redis stream, requests waiting for an owner.
Each count is served by a partial index of its table."""

from __future__ import annotations

from dataclasses import dataclass

import asyncpg


@dataclass(frozen=True)
class Backlog:
    outbox_queued: int
    outbox_oldest_s: float  # the oldest message due to leave (past its not_before); 0: none
    events_unpublished: int
    events_oldest_s: float
    requests_pending: int


BACKLOG_SQL = """
SELECT
  (SELECT count(*) FROM outbound_message WHERE status = 'queued') AS outbox_queued,
  (SELECT coalesce(extract(epoch FROM now() - min(not_before)), 0) FROM outbound_message
     WHERE status = 'queued' AND not_before <= now()) AS outbox_oldest_s,
  (SELECT count(*) FROM event WHERE published_at IS NULL) AS events_unpublished,
  (SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM event
     WHERE published_at IS NULL) AS events_oldest_s,
  (SELECT count(*) FROM auth_request WHERE status = 'pending') AS requests_pending
"""


async def read_backlog(conn: asyncpg.Connection) -> Backlog:
    row = await conn.fetchrow(BACKLOG_SQL)
    assert row is not None  # a SELECT without FROM always answers one row
    return Backlog(
        outbox_queued=row["outbox_queued"],
        outbox_oldest_s=float(row["outbox_oldest_s"]),
        events_unpublished=row["events_unpublished"],
        events_oldest_s=float(row["events_oldest_s"]),
        requests_pending=row["requests_pending"],
    )
