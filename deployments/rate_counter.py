"""Sliding-window request counts in Redis, as `limits`' SlidingWindowCounter counts them: the
previous window's count, weighted by the part of it still inside the sliding window, plus the
current one's. The counts of the requests that reach a replica together (in one turn of its event
loop) go to Redis in one script call: one round trip for many requests under load, one for each
when they come one at a time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import NamedTuple

from redis.asyncio import ConnectionPool, Redis
from redis.commands.core import AsyncScript

STORE_TIMEOUT_S = 1.0

# ARGV[1] = now (ms), ARGV[2] = how many requests; then per request: how many counts n, and per
# count its limit and window (ms). KEYS: per count, its previous and current window. The requests
# are counted in order; a request's counts are all checked before any is added, so a refused
# request counts against none. Answers, per request: 0, 0 — or i, ms to wait, for its first
# count over its limit.
COUNT_SCRIPT = """
local now = tonumber(ARGV[1])
local answers = {}
local a, k = 3, 1
for _ = 1, tonumber(ARGV[2]) do
  local n = tonumber(ARGV[a])
  a = a + 1
  local over, wait = 0, 0
  for i = 0, n - 1 do
    if over == 0 then
      local limit, window = tonumber(ARGV[a + 2 * i]), tonumber(ARGV[a + 2 * i + 1])
      local previous = tonumber(redis.call('GET', KEYS[k + 2 * i]) or '0')
      local current = tonumber(redis.call('GET', KEYS[k + 2 * i + 1]) or '0')
      local left = window - now % window
      if previous * left / window + current + 1 > limit then
        over, wait = i + 1, left
        if current + 1 <= limit then
          wait = left - (limit - current - 1) * window / previous
        end
      end
    end
  end
  if over == 0 then
    for i = 0, n - 1 do
      redis.call('INCR', KEYS[k + 2 * i + 1])
      redis.call('PEXPIRE', KEYS[k + 2 * i + 1], 2 * tonumber(ARGV[a + 2 * i + 1]))
    end
  end
  answers[#answers + 1] = over
  answers[#answers + 1] = math.ceil(wait)
  a, k = a + 2 * n, k + 2 * n
end
return answers
"""


class Count(NamedTuple):
    """One request counted against one limit: `name` says whose count (kind, key and rate)."""

    name: str
    limit: int
    window_ms: int


class Verdict(NamedTuple):
    over: int  # 0: counted; i: the request's i-th count (from 1) is over its limit
    wait_ms: int


Waiting = tuple[Sequence[Count], "asyncio.Future[Verdict]"]


class WindowCounter:
    def __init__(self, redis_url: str) -> None:
        # Our own connection pool, so that `close()` can let it go.
        self._connections = ConnectionPool.from_url(
            redis_url, socket_connect_timeout=STORE_TIMEOUT_S, socket_timeout=STORE_TIMEOUT_S
        )
        self._script: AsyncScript = Redis(connection_pool=self._connections).register_script(
            COUNT_SCRIPT
        )
        self._waiting: list[Waiting] = []
        self._calls: set[asyncio.Task[None]] = set()  # held until done (the loop keeps weak refs)

    async def count(self, counts: Sequence[Count]) -> Verdict:
        """Count one request against each of `counts`; Redis's errors are raised as they are."""
        loop = asyncio.get_running_loop()
        verdict: asyncio.Future[Verdict] = loop.create_future()
        self._waiting.append((counts, verdict))
        if len(self._waiting) == 1:
            loop.call_soon(self._send)  # after the requests already running in this turn
        return await verdict

    def _send(self) -> None:
        batch, self._waiting = self._waiting, []
        call = asyncio.get_running_loop().create_task(self._call(batch))
        self._calls.add(call)
        call.add_done_callback(self._calls.discard)

    async def _call(self, batch: list[Waiting]) -> None:
        now_ms = int(time.time() * 1000)
        keys: list[str] = []
        args: list[int] = [now_ms, len(batch)]
        for counts, _ in batch:
            args.append(len(counts))
            for count in counts:
                index = now_ms // count.window_ms
                keys += [f"{count.name}:{index - 1}", f"{count.name}:{index}"]
                args += [count.limit, count.window_ms]
        try:
            answers = await self._script(keys, args)
        except asyncio.CancelledError:
            for _, verdict in batch:
                verdict.cancel()
            raise
        except Exception as error:  # every waiting request learns it (and decides)
            for _, verdict in batch:
                if not verdict.done():
                    verdict.set_exception(error)
            return
        for index, (_, verdict) in enumerate(batch):
            if not verdict.done():  # its request may have gone meanwhile
                verdict.set_result(Verdict(int(answers[2 * index]), int(answers[2 * index + 1])))

    async def close(self) -> None:
        for call in list(self._calls):
            call.cancel()
        await self._connections.aclose()
