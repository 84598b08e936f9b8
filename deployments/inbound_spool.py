"""Client messages that arrive while PostgreSQL (or the salon's agenda) is out of reach: kept in
Redis and answered 202, then handed to the salon when it is back — n8n's own retries last seconds,
an outage may last minutes, and an acknowledged message is never lost.

One list per deployment (`<prefix>:inbound:spool`), oldest first. Each API replica runs `run()`;
a short Redis lock lets one drain at a time. An item leaves the list only once the salon took it
(`LREM` of that very item: a second drainer racing on an expired lock cannot remove another);
taking one twice is harmless, the salon recognises a message by its WhatsApp and webhook ids. An
item the salon refuses for good (the salon deleted, a body no longer valid) moves to
`<prefix>:inbound:dead` with the reason, for the operator.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
LOCK_MS = 30_000
DRAIN_EVERY_S = 2.0
Handler = Callable[[dict[str, Any]], Awaitable[None]]


class StillUnavailableError(Exception):
    """The store is still away: keep the item and try later."""


class InboundSpool:
    def __init__(self, redis: Redis, *, prefix: str) -> None:
        self._redis = redis
        self.key = f"{prefix}:inbound:spool"
        self.dead_key = f"{prefix}:inbound:dead"
        self._lock_key = f"{prefix}:inbound:drainer"
        self._token = uuid.uuid4().hex

    async def put(self, item: dict[str, Any]) -> None:
        """Keep one message (raises RedisError when Redis is away too: then nothing is
        acknowledged)."""
        await self._redis.rpush(self.key, json.dumps(item | {"spooled_at": time.time()}))

    async def size(self) -> int:
        return int(await self._redis.llen(self.key))

    async def drain(self, handle: Handler) -> int:
        """Hand spooled messages to `handle`, oldest first, until the list is empty or the store
        is still away (`handle` raises StillUnavailableError); return how many left the list."""
        if not await self._redis.set(self._lock_key, self._token, nx=True, px=LOCK_MS):
            return 0  # another replica drains
        done = 0
        try:
            while (raw := await self._redis.lindex(self.key, 0)) is not None:
                item = json.loads(raw)
                try:
                    await handle(item)
                except StillUnavailableError:
                    break
                except Exception as error:  # refused for good: kept aside, not retried forever
                    logger.exception("spooled message refused; moved to %s", self.dead_key)
                    dead = item | {"reason": f"{type(error).__name__}: {error}"[:500]}
                    await self._redis.rpush(self.dead_key, json.dumps(dead))
                await self._redis.lrem(self.key, 1, raw)  # type: ignore[arg-type]
                await self._redis.pexpire(self._lock_key, LOCK_MS)
                done += 1
        finally:
            if await self._redis.get(self._lock_key) == self._token.encode():
                await self._redis.delete(self._lock_key)
        if done:
            logger.info("%d spooled client messages handed to their salons", done)
        return done

    async def run(self, handle: Handler) -> None:
        """Drain every `DRAIN_EVERY_S` for the replica's lifetime (cancelled at shutdown)."""
        while True:
            try:
                await self.drain(handle)
            except RedisError:
                logger.warning("inbound spool: Redis unreachable; trying again")
            await asyncio.sleep(DRAIN_EVERY_S)
