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


# All of a command's events in one call (a campaign run makes ~65): each XADD as a pipeline would
# send it, an id already in the stream skipped; answers how many were added. One command to pack
# and one reply to parse instead of one each (1.6 → 0.3 ms of client CPU for 65 events here).
PUBLISH_LUA = """
local added = 0
for i = 2, #ARGV, 2 do
  local reply = redis.pcall('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], ARGV[i], 'event', ARGV[i + 1])
  if type(reply) == 'table' and reply.err then
    if not string.find(reply.err, 'equal or smaller', 1, true) then
      return redis.error_reply(reply.err)
    end
  else
    added = added + 1
  end
end
return added
"""


def _entries(raw: Sequence[Any]) -> list[StreamedEvent]:
    return [StreamedEvent(_event_id(sid), fields[b"event"].decode()) for sid, fields in raw]


class EventStream:
    def __init__(self, redis: Redis, *, prefix: str, maxlen: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._maxlen = maxlen
        self._publish = redis.register_script(PUBLISH_LUA)

    def key(self, tenant_id: UUID) -> str:
        return f"{self._prefix}:events:{tenant_id}"

    async def publish(self, tenant_id: UUID, events: Sequence[Event]) -> None:
        """Append in order; events already in the stream are skipped, so repeats are safe."""
        if not events:
            return
        arguments: list[str | int] = [self._maxlen]
        for event in events:
            arguments += (f"{event.event_id}-0", event.model_dump_json())
        added = await self._publish(keys=[self.key(tenant_id)], args=arguments)
        if added < len(events):
            logger.info(
                "tenant %s: %d of %d events already published",
                tenant_id,
                len(events) - added,
                len(events),
            )

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
