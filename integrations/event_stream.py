"""A Redis stream per tenant carries its events; the stream id of event N is `N-0`.

Using the event id as the stream id makes publishing idempotent (Redis refuses an id that is not
above the stream's top) and lets a reconnecting socket resume from any event id.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from redis.asyncio import Redis
from redis.exceptions import ResponseError

from domain.events import Event

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StreamedEvent:
    event_id: int
    payload: str  # the envelope as JSON text, sent to sockets as is


@dataclass(frozen=True)
class Replay:
    events: list[StreamedEvent]
    resync_required: bool


def _event_id(stream_id: bytes | str) -> int:
    text = stream_id.decode() if isinstance(stream_id, bytes) else stream_id
    return int(text.split("-", 1)[0])


def _entries(raw: Sequence[Any]) -> list[StreamedEvent]:
    return [StreamedEvent(_event_id(sid), fields[b"event"].decode()) for sid, fields in raw]


class EventStream:
    def __init__(self, redis: Redis, *, prefix: str, maxlen: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._maxlen = maxlen

    def key(self, tenant_id: UUID) -> str:
        return f"{self._prefix}:events:{tenant_id}"

    async def publish(self, tenant_id: UUID, events: Sequence[Event]) -> None:
        """Append in order; events already in the stream are skipped, so repeats are safe."""
        if not events:
            return
        async with self._redis.pipeline(transaction=False) as pipe:
            for event in events:
                pipe.xadd(
                    self.key(tenant_id),
                    {"event": event.model_dump_json()},
                    id=f"{event.event_id}-0",
                    maxlen=self._maxlen,
                    approximate=True,
                )
            results = await pipe.execute(raise_on_error=False)
        for event, result in zip(events, results, strict=True):
            if isinstance(result, ResponseError):
                if "equal or smaller" not in str(result):
                    raise result
                logger.info("tenant %s: event %s already published", tenant_id, event.event_id)

    async def cursor(self, tenant_id: UUID) -> int:
        """The id of the newest event ever added to the stream (0 when there is none)."""
        try:
            info = await self._redis.xinfo_stream(self.key(tenant_id))
        except ResponseError:
            return 0
        return _event_id(info["last-generated-id"])

    async def replay(self, tenant_id: UUID, *, after: int, latest: int) -> Replay:
        """Events after `after`, or `resync_required` when the stream cannot prove there is no gap.

        `latest` is the truth's newest event id (PostgreSQL); it catches a stream that was lost.
        """
        key = self.key(tenant_id)
        try:
            info = await self._redis.xinfo_stream(key)
        except ResponseError:
            return Replay([], resync_required=latest > after)
        last_generated = _event_id(info["last-generated-id"])
        if after > last_generated or after > latest:
            return Replay([], resync_required=True)
        if after == last_generated:
            return Replay([], resync_required=False)
        first = info.get("first-entry")
        if first is None or _event_id(first[0]) > after + 1:
            return Replay([], resync_required=True)
        raw: Any = await self._redis.xrange(key, min=f"{after + 1}-0", max="+")
        return Replay(_entries(raw), resync_required=False)

    async def read_after(
        self, tenant_id: UUID, *, after: int, block_ms: int, count: int = 500
    ) -> list[StreamedEvent]:
        response: Any = await self._redis.xread(
            {self.key(tenant_id): f"{after}-0"}, block=block_ms, count=count
        )
        if not response:
            return []
        _key, raw = response[0]
        return _entries(raw)
