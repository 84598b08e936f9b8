"""Hosts salons in one process: activation on first command, upkeep, passivation.

`TenantHostCore` is plain Python (tests build and await it without Ray); `TenantHost` is the thin
Ray actor around it. One salon per host or many: the core does not care.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TypeVar
from uuid import UUID

import asyncpg
from redis.asyncio import Redis

from actors.chat_desk import ChatObserver
from actors.errors import SalonMovedError
from actors.published_marks import PublishedMarks
from actors.salon import Salon
from config import logs
from config.settings import Placement, Settings
from db.pool import create_pool
from domain.commands import Command
from integrations.event_stream import EventStream
from integrations.gemini import gemini_from_settings
from integrations.llm import LanguageModel
from integrations.redis_client import redis_client

logger = logging.getLogger(__name__)
R = TypeVar("R")


@dataclass(frozen=True)
class HostStatus:
    tenants: list[str]
    unpublished_events: int


class TenantHostCore:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._salons: dict[UUID, Salon] = {}
        self._activating: dict[UUID, asyncio.Lock] = {}
        self._pool: asyncpg.Pool | None = None
        self._redis: Redis | None = None
        self._stream: EventStream | None = None
        self._marks: PublishedMarks | None = None  # its salons' published marks, batched
        self._start_lock = asyncio.Lock()
        # One Gemini client per host process, shared by its salons; None: rules only.
        self._llm: LanguageModel | None = gemini_from_settings(
            api_key=settings.gemini_api_key.get_secret_value() if settings.gemini_enabled else "",
            model=settings.gemini_model,
            base_url=settings.gemini_base_url,
            timeout_s=settings.gemini_timeout_s,
            attempts=settings.gemini_attempts,
            initial_delay_s=settings.gemini_initial_delay_s,
        )
        self.chat_observer: ChatObserver | None = None  # metrics, set by the Ray actor

    async def start(self) -> None:
        async with self._start_lock:
            if self._pool is not None:
                return
            self._redis = redis_client(self._settings.redis_url)
            self._stream = EventStream(
                self._redis,
                prefix=self._settings.redis_prefix,
                maxlen=self._settings.event_stream_maxlen,
            )
            self._pool = await self._open_pool()
            self._marks = PublishedMarks(self._pool)

    async def _open_pool(self) -> asyncpg.Pool:
        """A shared host keeps its whole pool open and warmed, even idle: the first salons of a
        wave (09:00, after a quiet night: asyncpg closes idle connections after 5 minutes down
        to the pool's minimum, since 0.32 never below it) would otherwise wait while new
        connections open and their backends read the catalog — 240–370 ms for the wave's first
        16 (scripts/bench/fleet_memory). A host of one salon keeps one; so does a shared host
        PostgreSQL refuses that many (its pool grows under load, as before)."""
        size, url = self._settings.db_pool_max, self._settings.database_url
        if self._settings.placement == Placement.SHARED:
            try:
                return await create_pool(url, max_size=size, min_size=size, warm=True)
            except asyncpg.exceptions.TooManyConnectionsError:
                logger.warning("PostgreSQL refused %d connections: the pool keeps one open", size)
        return await create_pool(url, max_size=size, min_size=1, warm=True)

    async def close(self) -> None:
        if self._llm is not None and hasattr(self._llm, "close"):
            await self._llm.close()
        if self._marks is not None:
            await self._marks.close()
        if self._pool is not None:
            await self._pool.close()
        if self._redis is not None:
            await self._redis.aclose()

    async def call(self, tenant_id: UUID, command: Command[R]) -> R:
        # Each call runs in its own task: these mark only this command's log lines.
        logs.SALON.set(str(tenant_id))
        logs.WORK.set(getattr(command, "command_id", None) or type(command).__name__)
        salon = await self.salon(tenant_id)
        try:
            return await salon.handle(command)
        except SalonMovedError:
            if self._salons.get(tenant_id) is salon:
                del self._salons[tenant_id]  # the next call activates it here again
            logger.warning("tenant %s: activated on another host; dropped here", tenant_id)
            raise

    async def salon(self, tenant_id: UUID) -> Salon:
        """The live salon, activated from PostgreSQL on first use."""
        salon = self._salons.get(tenant_id)
        if salon is not None:
            return salon
        await self.start()
        # Two first calls for one tenant must not load it twice: one activation per tenant.
        lock = self._activating.setdefault(tenant_id, asyncio.Lock())
        try:
            return await self._activate(tenant_id, lock)
        finally:
            # Even when activation fails (unknown salon, PostgreSQL away): an empty host retires.
            self._activating.pop(tenant_id, None)

    async def _activate(self, tenant_id: UUID, lock: asyncio.Lock) -> Salon:
        async with lock:
            salon = self._salons.get(tenant_id)
            if salon is None:
                if self._pool is None or self._stream is None:
                    raise RuntimeError("host not started")
                salon = Salon(
                    tenant_id,
                    llm=self._llm,
                    observer=self.chat_observer,
                    pool=self._pool,
                    stream=self._stream,
                    salon_defaults=self._settings.salon_defaults(),
                    marks=self._marks,
                )
                await salon.activate()
                self._salons[tenant_id] = salon
                logger.info("tenant %s activated", tenant_id)
                self.passivate_beyond(self._settings.max_resident_salons, keep=tenant_id)
        return salon

    def passivate_beyond(self, resident: int, *, keep: UUID | None = None) -> list[UUID]:
        """Keep at most `resident` salons in memory: drop the least recently used ones that are
        not busy (never `keep`, the one just activated); they reload on their next call. More
        salons than fit cost reloads, not memory."""
        excess = len(self._salons) - resident
        if excess <= 0:
            return []
        idle_first = sorted(
            (s for t, s in self._salons.items() if t != keep and not s.busy),
            key=lambda s: s.idle_for_s(),
            reverse=True,
        )
        dropped = [salon.tenant_id for salon in idle_first[:excess]]
        for tenant_id in dropped:
            del self._salons[tenant_id]
            logger.info("tenant %s passivated (more than %d resident)", tenant_id, resident)
        return dropped

    def passivate_idle(self, idle_after_s: float) -> list[UUID]:
        """Drop salons unused for `idle_after_s`; they reload from PostgreSQL on the next call."""
        idle = [
            tenant_id
            for tenant_id, salon in self._salons.items()
            if salon.idle_for_s() >= idle_after_s and not salon.busy
        ]
        for tenant_id in idle:
            del self._salons[tenant_id]
            logger.info("tenant %s passivated", tenant_id)
        return idle

    async def upkeep(self) -> None:
        """Publish what Redis refused earlier (and mark what PostgreSQL refused to mark), then
        passivate idle salons."""
        if self._marks is not None:
            await self._marks.flush()
        for salon in list(self._salons.values()):
            try:
                await salon.publish_pending()
            except Exception:  # one salon's trouble never stops the others' upkeep
                logger.exception("tenant %s: upkeep failed", salon.tenant_id)
        self.passivate_idle(self._settings.passivate_after_s)

    @property
    def empty(self) -> bool:
        return not self._salons and not self._activating

    def status(self) -> HostStatus:
        return HostStatus(
            tenants=sorted(str(t) for t in self._salons),
            unpublished_events=sum(s.unpublished_count for s in self._salons.values()),
        )
