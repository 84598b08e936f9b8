"""One-use, short-lived tickets for opening `/ws/sync` without the bearer token in the URL.

A URL's query string ends up in proxy and browser logs; a ticket found there is already spent
or expired. The ticket itself is random; Redis keeps only its hash, with the claims it stands for.
"""

from __future__ import annotations

import hashlib
import secrets

from redis.asyncio import Redis


class SocketTickets:
    def __init__(self, redis: Redis, *, prefix: str, ttl_s: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self.ttl_s = ttl_s

    def _key(self, ticket: str) -> str:
        digest = hashlib.sha256(ticket.encode()).hexdigest()
        return f"{self._prefix}:socket-ticket:{digest}"

    async def issue(self, claims_json: str, *, ttl_s: int | None = None) -> str:
        ticket = secrets.token_urlsafe(32)
        await self._redis.set(self._key(ticket), claims_json, ex=ttl_s or self.ttl_s)
        return ticket

    async def redeem(self, ticket: str) -> str | None:
        """The claims the ticket stood for, once; None if unknown, used or expired."""
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.get(self._key(ticket))
            pipe.delete(self._key(ticket))
            claims, _deleted = await pipe.execute()
        if claims is None:
            return None
        return claims.decode() if isinstance(claims, bytes) else str(claims)
