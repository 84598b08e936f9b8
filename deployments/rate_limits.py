"""Rate limits and caps: each answers 429 with `Retry-After` and a JSON body saying which.

- Per client address, before authentication and before any body is read (`RateGuard`, ASGI):
  `AGENDA_RATE_LIMIT_IP`. The n8n webhooks are not counted there (one n8n posts for every salon
  from one address): after their signature, each salon's deliveries count against
  `AGENDA_RATE_LIMIT_WEBHOOK`. Health checks are never limited.
- Per salon, after the token, over all its users and replicas: `AGENDA_RATE_LIMIT_SALON`.
- Per salon and replica: open sockets (`AGENDA_SOCKETS_PER_SALON`) and calls in flight to its
  agenda (`AGENDA_CALLS_IN_FLIGHT_PER_SALON`), so one salon's dashboards or scripts cannot take
  every slot a replica or a shared host has.

The counts live in Redis (sliding windows, as `limits`' SlidingWindowCounter counts them), shared
by the replicas. A request with a valid bearer token is counted per address and per salon in one
Redis call, before anything reads it (`RateGuard` checks the token; `get_current_user` uses what it
found). With Redis unreachable, requests are allowed (logged once a minute): the stores' own 503s
still protect them, and an outage of the limiter must not become an outage of the API.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from uuid import UUID

from limits import parse
from redis.exceptions import RedisError
from starlette.types import ASGIApp, Receive, Scope, Send

from config.settings import Settings
from deployments.auth import COUNTED_CLAIMS, CurrentUserClaims, InvalidTokenError, TokenVerifier
from deployments.rate_counter import Count, WindowCounter

logger = logging.getLogger(__name__)
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
UNLIMITED_PREFIXES = ("/api/v1/health", "/livez", "/readyz")
COUNTED_ELSEWHERE = ("/api/v1/webhooks/",)  # per salon, after the signature
LOG_EVERY_S = 60.0


class RateLimitedError(Exception):
    """Over a limit: `what` says which, `retry_after_s` when to try again."""

    def __init__(self, what: str, retry_after_s: int) -> None:
        super().__init__(what)
        self.what = what
        self.retry_after_s = max(1, retry_after_s)


def limited_body(error: RateLimitedError) -> dict[str, Any]:
    return {"code": "rate_limited", "detail": f"too many requests: {error.what}; try again later"}


class RateLimits:
    """The deployment's limits, counted in Redis."""

    def __init__(self, settings: Settings, tokens: TokenVerifier) -> None:
        self._tokens = tokens
        self._items = {
            "ip": parse(settings.rate_limit_ip),
            "salon": parse(settings.rate_limit_salon),
            "webhook": parse(settings.rate_limit_webhook),
        }
        self._enabled = settings.rate_limits_enabled
        self._redis_url = settings.redis_url
        self._prefix = f"{settings.redis_prefix}:limits"
        self._counter: WindowCounter | None = None
        self._logged_at = 0.0
        self._proxies = [
            ipaddress.ip_network(p.strip(), strict=False)
            for p in settings.trusted_proxies.split(",")
            if p.strip()
        ]
        self.sockets_per_salon = settings.sockets_per_salon
        self.calls_per_salon = settings.calls_in_flight_per_salon
        self._sockets: Counter[UUID] = Counter()
        self._calls: Counter[UUID] = Counter()

    def client_address(self, scope: Scope) -> str:
        """The request's client: its peer, or — when the peer is a trusted proxy — the last
        X-Forwarded-For hop that is not one (a client cannot forge what a proxy appends)."""
        client = scope.get("client")
        peer = str(client[0]) if client else "unknown"
        if not self._proxies or not _in(peer, self._proxies):
            return peer
        headers: dict[bytes, bytes] = dict(scope.get("headers", []))
        forwarded = headers.get(b"x-forwarded-for", b"").decode("latin-1")
        for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
            if not _in(hop, self._proxies):
                return hop
        return peer

    def bearer_claims(self, scope: Scope) -> CurrentUserClaims | None:
        """The claims of the request's bearer token when it is valid, else None (the route's
        own check answers the 401)."""
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                scheme, _, token = value.decode("latin-1").partition(" ")
                if scheme.lower() != "bearer" or not token:
                    return None
                try:
                    return self._tokens.decode(token.strip())
                except InvalidTokenError:
                    return None
        return None

    async def close(self) -> None:
        if self._counter is not None:
            await self._counter.close()
        self._counter = None

    async def hit(self, kind: str, key: str) -> None:
        """Count one request of `kind` ("ip", "salon", "webhook") for `key`; 429 when over."""
        await self.hit_all((kind, key))

    async def hit_all(self, *counts: tuple[str, str]) -> None:
        """Count one request against each (kind, key), in one Redis call; 429 for the first over
        its limit (and then against none)."""
        if not self._enabled:
            return
        if self._counter is None:
            self._counter = WindowCounter(self._redis_url)
        try:
            verdict = await self._counter.count([self._count(kind, key) for kind, key in counts])
        except (RedisError, OSError, RuntimeError):  # the limiter's trouble, not the request's
            self._log_unavailable()
            return
        if verdict.over:
            kind = counts[verdict.over - 1][0]
            wait_s = math.ceil(verdict.wait_ms / 1000)
            raise RateLimitedError(f"{self._items[kind]} per {_what(kind)}", wait_s)

    def _count(self, kind: str, key: str) -> Count:
        item = self._items[kind]
        window_ms = item.get_expiry() * 1000
        return Count(
            f"{self._prefix}:{kind}:{item.amount}/{window_ms}:{key}", item.amount, window_ms
        )

    def _log_unavailable(self) -> None:
        now = time.monotonic()
        if now - self._logged_at >= LOG_EVERY_S:
            self._logged_at = now
            logger.warning("rate limits not counted: Redis unreachable (requests allowed)")

    @asynccontextmanager
    async def socket(self, tenant_id: UUID) -> AsyncIterator[None]:
        """Hold one of the salon's socket places on this replica while the socket is open."""
        async with self._place(self._sockets, tenant_id, self.sockets_per_salon, "open sockets"):
            yield

    @asynccontextmanager
    async def call(self, tenant_id: UUID) -> AsyncIterator[None]:
        """Hold one of the salon's places for a call to its agenda on this replica."""
        async with self._place(self._calls, tenant_id, self.calls_per_salon, "calls in flight"):
            yield

    @asynccontextmanager
    async def _place(
        self, counts: Counter[UUID], tenant_id: UUID, cap: int, what: str
    ) -> AsyncIterator[None]:
        if self._enabled and counts[tenant_id] >= cap:
            raise RateLimitedError(f"{cap} {what} per salon", 1)
        counts[tenant_id] += 1
        try:
            yield
        finally:
            counts[tenant_id] -= 1
            if counts[tenant_id] <= 0:
                del counts[tenant_id]


def _in(address: str, networks: list[IPNetwork]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def _what(kind: str) -> str:
    return {"ip": "client address", "salon": "salon", "webhook": "salon's webhook"}[kind]


class RateGuard:
    """ASGI: counts every HTTP request and socket handshake per client address, before anything
    reads it (health checks and the n8n webhooks aside)."""

    def __init__(self, app: ASGIApp, *, limits: RateLimits) -> None:
        self._app = app
        self._limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] not in ("http", "websocket") or path.startswith(
            UNLIMITED_PREFIXES + COUNTED_ELSEWHERE
        ):
            await self._app(scope, receive, send)
            return
        counts = [("ip", self._limits.client_address(scope))]
        if scope["type"] == "http" and (claims := self._limits.bearer_claims(scope)) is not None:
            counts.append(("salon", str(claims.tenant_id)))
            scope.setdefault("state", {})[COUNTED_CLAIMS] = claims
        try:
            await self._limits.hit_all(*counts)
        except RateLimitedError as error:
            await answer_limited(scope, send, error)
            return
        await self._app(scope, receive, send)


async def answer_limited(scope: Scope, send: Send, error: RateLimitedError) -> None:
    """429 with Retry-After; on a socket's handshake where the server can answer it (the ASGI
    denial response), else a close before accepting it."""
    prefix = "http"
    if scope["type"] == "websocket":
        if "websocket.http.response" not in scope.get("extensions", {}):
            await send({"type": "websocket.close", "code": 1013, "reason": "rate limited"})
            return
        prefix = "websocket.http"
    body = json.dumps(limited_body(error)).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(error.retry_after_s).encode()),
    ]
    await send({"type": f"{prefix}.response.start", "status": 429, "headers": headers})
    await send({"type": f"{prefix}.response.body", "body": body})
