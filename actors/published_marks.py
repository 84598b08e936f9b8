"""Events the Redis stream took, marked published in PostgreSQL a batch at a time for all the
salons of a host process: one statement per batch instead of one per commit.

A mark only says the stream has the event; until it lands the event counts as unpublished, and
what a dead process never marked is published again at the salon's next activation (the stream
skips an event id it holds, consumers are idempotent on it). So a mark may wait a moment, or be
lost, without any event being lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime
from uuid import UUID

import asyncpg

from db import events as event_queries

logger = logging.getLogger(__name__)
MARK_DELAY_S = 0.2  # marks gathered into one statement; far below the scheduler's minute


class PublishedMarks:
    def __init__(self, pool: asyncpg.Pool, *, delay_s: float = MARK_DELAY_S) -> None:
        self._pool = pool
        self._delay_s = delay_s
        self._pending: list[tuple[UUID, int, datetime]] = []
        self._task: asyncio.Task[None] | None = None

    def add(self, tenant_id: UUID, event_ids: Sequence[int], at: datetime) -> None:
        """The stream took these events of the salon at `at`: mark them soon."""
        self._pending.extend((tenant_id, event_id, at) for event_id in event_ids)
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._flush_soon())

    @property
    def pending(self) -> int:
        return len(self._pending)

    async def _flush_soon(self) -> None:
        await asyncio.sleep(self._delay_s)  # the marks arriving meanwhile join this batch
        await self.flush()

    async def close(self) -> None:
        """Mark what is pending now (the host is closing its pool)."""
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task  # a batch it was marking is pending again
        await self.flush()

    async def flush(self) -> None:
        """Mark what is pending; on failure keep it for the next try (the host's upkeep)."""
        while self._pending:
            batch, self._pending = self._pending, []
            try:
                async with self._pool.acquire() as conn:
                    await event_queries.mark_published_batch(conn, marks=batch)
            except asyncio.CancelledError:
                self._pending = batch + self._pending
                raise
            except Exception:  # PostgreSQL away: the events stay unpublished in the outbox
                logger.exception("marking %d published events failed; will retry", len(batch))
                self._pending = batch + self._pending
                return
