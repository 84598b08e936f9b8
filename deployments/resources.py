"""What one Serve replica holds open: the pool, Redis, the live hub and the tenant directory."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar
from uuid import UUID

import asyncpg
from fastapi import Depends, FastAPI, Request
from redis.asyncio import Redis

from actors.directory import TenantDirectory
from actors.scheduler_actor import ensure_scheduler
from actors.sender_actor import ensure_sender
from config.settings import Settings
from db.pool import create_pool
from deployments.inbound import spool_handler
from deployments.inbound_spool import InboundSpool
from deployments.live import LiveHub
from deployments.rate_limits import RateLimits
from domain.commands import Command
from domain.whatsapp_templates import TemplateDefinition, TemplateKey
from integrations.event_stream import EventStream
from integrations.redis_client import LIVE_FEED_CONNECTIONS, redis_client
from integrations.socket_tickets import SocketTickets
from integrations.templates import load_templates

R = TypeVar("R")


class CappedDirectory(TenantDirectory):
    """The tenant directory, with at most `calls_in_flight_per_salon` calls of one salon in
    flight from this replica (429 beyond): one salon cannot take every slot of a shared host."""

    def __init__(self, settings: Settings, limits: RateLimits) -> None:
        super().__init__(settings)
        self._limits = limits

    async def send(self, tenant_id: UUID, command: Command[R]) -> R:
        async with self._limits.call(tenant_id):
            return await super().send(tenant_id, command)


@dataclass
class Resources:
    settings: Settings
    pool: asyncpg.Pool
    redis: Redis
    stream: EventStream
    hub: LiveHub
    directory: TenantDirectory
    tickets: SocketTickets
    spool: InboundSpool  # client messages kept while a store is away
    templates: dict[TemplateKey, TemplateDefinition]  # the shipped WhatsApp templates
    # The cluster loops' actors as the probes last found them (by name): a probe looks one up
    # again only when the one it holds has gone.
    loop_actors: dict[str, Any] = field(default_factory=dict)


@asynccontextmanager
async def open_resources(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    templates = load_templates()  # a purpose without a template stops the start here
    redis = redis_client(settings.redis_url)
    live_redis = redis_client(settings.redis_url, max_connections=LIVE_FEED_CONNECTIONS)
    stream = EventStream(redis, prefix=settings.redis_prefix, maxlen=settings.event_stream_maxlen)
    # Reads only: every write goes through a salon's actor (PostgreSQL enforces it here).
    pool = await create_pool(settings.database_url, max_size=settings.db_pool_max, read_only=True)
    # One of each per cluster: every replica asks, the first creates.
    if settings.scheduler_enabled:
        await ensure_scheduler(settings)
    if settings.sender_enabled:
        await ensure_sender(settings)
    directory = CappedDirectory(settings, app.state.rate_limits)
    spool = InboundSpool(redis, prefix=settings.redis_prefix)
    app.state.resources = Resources(
        settings=settings,
        pool=pool,
        redis=redis,
        stream=stream,
        # The feeds' blocking reads get a pool of their own: past 100 salons with open sockets
        # in a replica they would exhaust the shared one (new sockets refused 503) and starve
        # every other Redis call of the replica.
        hub=LiveHub(
            EventStream(
                live_redis,
                prefix=settings.redis_prefix,
                maxlen=settings.event_stream_maxlen,
            )
        ),
        directory=directory,
        tickets=SocketTickets(
            redis, prefix=settings.redis_prefix, ttl_s=settings.socket_ticket_ttl_s
        ),
        templates=templates,
        spool=spool,
    )
    draining = asyncio.get_running_loop().create_task(
        spool.run(spool_handler(app.state.resources)), name="inbound-spool"
    )
    try:
        yield
    finally:
        draining.cancel()
        app.state.resources.hub.close()
        await app.state.rate_limits.close()
        await pool.close()
        await redis.aclose()
        await live_redis.aclose()
        tracing = getattr(app.state, "tracer_provider", None)
        if tracing is not None:
            tracing.shutdown()  # exports what is still batched


async def get_resources(request: Request) -> Resources:
    """The replica's resources (async: FastAPI runs a plain `def` dependency in its thread pool)."""
    resources: Resources = request.app.state.resources
    return resources


Deps = Annotated[Resources, Depends(get_resources)]
