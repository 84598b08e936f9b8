"""The machinery every salon agenda shares: its state, its lock, the outbox and publishing.

A command subclass (actors/agenda.py) holds the lock across read-decide-persist-apply-publish;
`_record` numbers and stores events inside the caller's transaction, `_publish` sends every
unpublished event in order after the commit.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time
from time import monotonic
from uuid import UUID, uuid4

import asyncpg

from db import events as event_queries
from db.agenda import AgendaSnapshot, load_agenda
from domain.events import Event, EventData
from integrations.event_stream import EventStream

logger = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


class AgendaCore:
    def __init__(
        self,
        tenant_id: UUID,
        *,
        pool: asyncpg.Pool,
        stream: EventStream,
        clock: Callable[[], datetime] = utc_now,
        new_id: Callable[[], UUID] = uuid4,
        send_window: tuple[time, time] = (time(9, 0), time(20, 0)),
    ) -> None:
        self.tenant_id = tenant_id
        self._pool = pool
        self._stream = stream
        self._clock = clock
        self._new_id = new_id
        self._send_window = send_window
        self._lock = asyncio.Lock()
        self._state: AgendaSnapshot | None = None
        self._unpublished: list[Event] = []
        self.last_used = monotonic()

    @property
    def state(self) -> AgendaSnapshot:
        if self._state is None:
            raise RuntimeError(f"tenant {self.tenant_id} is not activated")
        return self._state

    async def activate(self) -> None:
        """Load the agenda from PostgreSQL and publish what a previous life left unpublished."""
        async with self._lock:
            async with self._pool.acquire() as conn:
                self._state = await load_agenda(conn, tenant_id=self.tenant_id, now=self._clock())
                self._unpublished = await event_queries.list_unpublished(
                    conn, tenant_id=self.tenant_id
                )
            await self._publish()
        logger.info("tenant %s activated", self.tenant_id)

    async def _record(self, conn: asyncpg.Connection, payloads: Sequence[EventData]) -> list[Event]:
        return await event_queries.append_events(
            conn, tenant_id=self.tenant_id, payloads=payloads, occurred_at=self._clock()
        )

    async def _reload(self) -> None:
        async with self._pool.acquire() as conn:
            self._state = await load_agenda(conn, tenant_id=self.tenant_id, now=self._clock())

    async def publish_pending(self) -> None:
        """Retry publishing what Redis refused earlier (called by the host's upkeep loop)."""
        async with self._lock:
            await self._publish()

    async def _publish(self) -> None:
        """Publish every unpublished event in order; on failure keep them for the next try."""
        if not self._unpublished:
            return
        try:
            await self._stream.publish(self.tenant_id, self._unpublished)
            async with self._pool.acquire() as conn:
                await event_queries.mark_published(
                    conn,
                    tenant_id=self.tenant_id,
                    up_to_event_id=self._unpublished[-1].event_id,
                    at=self._clock(),
                )
        except Exception:  # Redis or PostgreSQL away: the outbox keeps the events.
            logger.exception(
                "tenant %s: publishing %d events failed; will retry",
                self.tenant_id,
                len(self._unpublished),
            )
            return
        self._unpublished = []

    @property
    def unpublished_count(self) -> int:
        return len(self._unpublished)

    def touch(self) -> None:
        self.last_used = monotonic()

    def idle_for_s(self) -> float:
        return monotonic() - self.last_used

    @property
    def busy(self) -> bool:
        return self._lock.locked()
