"""The one way this code base opens Redis: nothing waits on it without a bound.

Connecting gives up after `CONNECT_TIMEOUT_S`; a reply after `REPLY_TIMEOUT_S`, which must stay
above the live feed's blocking read (`deployments/live.py`, 5 s). Either is a Redis
`TimeoutError`, which the API answers 503 with `Retry-After`.
"""

from __future__ import annotations

from redis.asyncio import Redis

CONNECT_TIMEOUT_S = 2.0
REPLY_TIMEOUT_S = 10.0


# redis-py's pool holds at most 100 connections unless told; the live feeds hold one each while
# they wait for events (deployments/live.py), one per salon with open sockets in a replica.
LIVE_FEED_CONNECTIONS = 10_000


def redis_client(url: str, *, max_connections: int | None = None) -> Redis:
    client: Redis = Redis.from_url(
        url,
        socket_connect_timeout=CONNECT_TIMEOUT_S,
        socket_timeout=REPLY_TIMEOUT_S,
        max_connections=max_connections,
    )
    return client
