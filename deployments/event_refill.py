"""Event ids are dense per salon (numbered under the tenant row's lock, in the transaction that
stores them), so a socket can prove it missed nothing: each event it sends follows the one before.
Where the Redis stream has a hole (a restart that lost its tail, a trim, an event published late
or never), the missing events are read from PostgreSQL, the truth; more than `REFILL_LIMIT` of
them is a `resync_required` instead (the client reloads over REST). Never skipped."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from db.read.events import events_between
from integrations.event_stream import StreamedEvent

REFILL_LIMIT = 1000


def dense(events: Sequence[StreamedEvent], *, after: int) -> bool:
    """Whether `events` run on from `after` without a hole."""
    return all(event.event_id == after + 1 + i for i, event in enumerate(events))


async def refill(
    pool: asyncpg.Pool, tenant_id: UUID, *, after: int, up_to: int
) -> list[StreamedEvent] | None:
    """The events after `after` up to `up_to` from PostgreSQL, or None when there are too many
    to send, when `after` is past the log (a client ahead of the truth: a restored database), or
    when the log lacks some (which numbering rules out)."""
    if up_to - after > REFILL_LIMIT or up_to < after:
        return None
    if up_to == after:
        return []
    async with pool.acquire() as conn:
        stored = await events_between(conn, tenant_id=tenant_id, after=after, up_to=up_to)
    events = [StreamedEvent(e.event_id, e.model_dump_json()) for e in stored]
    return events if len(events) == up_to - after and dense(events, after=after) else None
