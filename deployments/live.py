"""Fan-out of tenant streams inside one Serve replica: one Redis reader per tenant, many sockets.

A subscriber's queue is bounded: a socket that cannot keep up is told to reconnect (it resumes
from its `last_event_id`), so a slow dashboard never holds memory or other sockets back.
"""

from __future__ import annotations

import asyncio
import logging
from uuid import UUID

from ray.util.metrics import Gauge

from integrations.event_stream import EventStream, StreamedEvent

logger = logging.getLogger(__name__)
QUEUE_SIZE = 1000
BLOCK_MS = 5000


class Subscription:
    def __init__(self, tenant_id: UUID) -> None:
        self.tenant_id = tenant_id
        self.queue: asyncio.Queue[StreamedEvent] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self.overflowed = asyncio.Event()

    def offer(self, event: StreamedEvent) -> None:
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            self.overflowed.set()


class TenantFeed:
    """Reads one tenant's stream from a cursor and hands each event to every subscriber."""

    def __init__(self, stream: EventStream, tenant_id: UUID, cursor: int) -> None:
        self._stream = stream
        self._tenant_id = tenant_id
        self._cursor = cursor
        self.subscribers: set[Subscription] = set()
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            try:
                events = await self._stream.read_after(
                    self._tenant_id, after=self._cursor, block_ms=BLOCK_MS
                )
            except asyncio.CancelledError:
                raise
            except Exception:  # Redis away: log, wait, go on; sockets keep their place
                logger.exception("tenant %s: live feed read failed", self._tenant_id)
                await asyncio.sleep(1.0)
                continue
            for event in events:
                self._cursor = event.event_id
                for subscriber in list(self.subscribers):
                    subscriber.offer(event)

    def close(self) -> None:
        self._task.cancel()


class LiveHub:
    def __init__(self, stream: EventStream) -> None:
        self._stream = stream
        self._feeds: dict[UUID, TenantFeed] = {}
        self._lock = asyncio.Lock()
        # Per replica; docs/observability/ sums them (Prometheus: ray_agenda_open_sockets).
        self._open = Gauge("agenda_open_sockets", "dashboard sockets open on this replica")
        self.open_sockets = 0

    async def subscribe(self, tenant_id: UUID) -> Subscription:
        """Every event added after this returns reaches the subscription."""
        subscription = Subscription(tenant_id)
        async with self._lock:  # one feed per tenant even when sockets connect together
            feed = self._feeds.get(tenant_id)
            if feed is None:
                cursor = await self._stream.cursor(tenant_id)
                feed = TenantFeed(self._stream, tenant_id, cursor)
                self._feeds[tenant_id] = feed
            feed.subscribers.add(subscription)
            self.open_sockets += 1
            self._open.set(self.open_sockets)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        feed = self._feeds.get(subscription.tenant_id)
        if feed is None or subscription not in feed.subscribers:
            return
        feed.subscribers.discard(subscription)
        self.open_sockets -= 1
        self._open.set(self.open_sockets)
        if not feed.subscribers:
            feed.close()
            del self._feeds[subscription.tenant_id]

    def close(self) -> None:
        for feed in self._feeds.values():
            feed.close()
        self._feeds.clear()
