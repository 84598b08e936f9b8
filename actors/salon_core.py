"""The machinery every part of a salon's actor shares: its agenda, its lock, its one way to commit
a decision, and publishing.

A command's part holds `lock` across read → decide → commit; `commit` stores the decision's
outcome in one transaction (new clients, the command's own rows, the agenda's change, queued
WhatsApp messages, numbered events), then applies the change to memory and publishes the events
in order. Memory changes only after PostgreSQL has the change.

Memory follows other writers too (the salon import, the customer's Prisma services): triggers
bump `tenant.data_version` on every write to what memory holds; taking `lock` compares it with the
version memory was loaded at and reloads when they differ, and `commit` refuses to store over a
version memory has not seen (StaleAgendaError: reloaded, the caller tries again). A commit whose
outcome is unknown (the connection lost at COMMIT) makes the next `lock` reload as well.

One live agenda per salon: activation takes the salon's next `active_epoch`; `lock` and `commit`
refuse (SalonMovedError) once another activation took a newer one, and the host drops this agenda.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from time import monotonic
from typing import TypeVar
from uuid import UUID, uuid4

import asyncpg

from actors.errors import SalonMovedError
from actors.published_marks import PublishedMarks
from db import events as event_queries
from db import outbox
from db.activation import salon_stamp, take_activation
from db.agenda import load_agenda, store_change
from db.clients import insert_clients
from db.pool import CONNECTION_LOST
from domain.agenda import Agenda
from domain.agenda_check import differences
from domain.errors import AlreadyDecidedError, SlotTakenError, StaleAgendaError
from domain.events import Event
from domain.models import Tenant
from domain.outcome import Outcome
from domain.salon_settings import SalonSettings
from integrations.event_stream import EventStream

logger = logging.getLogger(__name__)
R = TypeVar("R")
T = TypeVar("T")
Store = Callable[[asyncpg.Connection], Awaitable[None]]
# PostgreSQL refused a row that memory (or a read just before) allowed: another writer got there
# first. Nothing is stored; memory is reloaded so the next command decides on fresh data.
STALE_MEMORY = (SlotTakenError, AlreadyDecidedError, StaleAgendaError)
UNKNOWN_VERSION = -1  # memory must be reloaded before it is trusted
BACKLOG_BATCH = 1000  # unpublished events read (and published) at a time at activation


def utc_now() -> datetime:
    return datetime.now(UTC)


class FreshLock:
    """The salon's lock: whoever holds it decides on memory that matches PostgreSQL."""

    def __init__(self, refresh: Callable[[], Awaitable[None]]) -> None:
        self._lock = asyncio.Lock()
        self._refresh = refresh

    async def __aenter__(self) -> None:
        await self._lock.acquire()
        try:
            await self._refresh()
        except BaseException:
            self._lock.release()
            raise

    async def __aexit__(self, *exc: object) -> None:
        self._lock.release()

    def locked(self) -> bool:
        return self._lock.locked()

    @property
    def plain(self) -> asyncio.Lock:
        """The lock without the check (publishing, which reads no memory)."""
        return self._lock


class SalonCore:
    def __init__(
        self,
        tenant_id: UUID,
        *,
        pool: asyncpg.Pool,
        stream: EventStream,
        defaults: SalonSettings | None = None,
        clock: Callable[[], datetime] = utc_now,
        new_id: Callable[[], UUID] = uuid4,
        marks: PublishedMarks | None = None,
    ) -> None:
        self.tenant_id = tenant_id
        self.defaults = defaults or SalonSettings()  # the deployment's, for what the salon left
        self.lock = FreshLock(self._refresh_if_changed)
        self.now = clock
        self.new_id = new_id
        self._pool = pool
        self._stream = stream
        self._marks = marks  # the host's batches of published marks; None: each marked at once
        self._agenda: Agenda | None = None
        self._version = UNKNOWN_VERSION  # tenant.data_version memory was loaded at
        self._epoch = UNKNOWN_VERSION  # tenant.active_epoch this activation took
        self._unpublished: list[Event] = []
        self._backlog = True  # events a previous life may have left unpublished, until read
        self.last_used = monotonic()

    @property
    def agenda(self) -> Agenda:
        if self._agenda is None:
            raise RuntimeError(f"tenant {self.tenant_id} is not activated")
        return self._agenda

    async def activate(self) -> None:
        """Load the agenda from PostgreSQL and publish what a previous life left unpublished.
        One connection for the epoch (with the version and the salon's row), the agenda and the
        first batch of that backlog: a cold activation's round trips are most of its cost."""
        async with self.lock.plain:
            async with self._pool.acquire() as conn:
                taken = await take_activation(conn, tenant_id=self.tenant_id)
                self._epoch = taken.epoch
                # The version was read first (with the epoch), as `reload` reads it.
                self._agenda = await self._load(conn, tenant=taken.tenant)
                self._version = taken.version
                backlog = await self._backlog_batch(conn)
            await self._publish_backlog(backlog)

    async def _backlog_batch(self, conn: asyncpg.Connection) -> list[Event]:
        return await event_queries.list_unpublished(
            conn, tenant_id=self.tenant_id, limit=BACKLOG_BATCH
        )

    async def _publish_backlog(self, first: list[Event] | None = None) -> None:
        """Publish what a previous life left unpublished, a batch at a time, oldest first; what
        a failure leaves is tried again by `publish_pending`. `first`: the first batch, read."""
        batch = first
        while True:
            if batch is None:
                async with self._pool.acquire() as conn:
                    batch = await self._backlog_batch(conn)
            self._unpublished = batch
            await self.publish(mark_at_once=True)  # the next batch is read by what is unmarked
            if self._unpublished:
                return  # Redis or PostgreSQL away: the upkeep tries again
            if len(batch) < BACKLOG_BATCH:
                self._backlog = False
                return
            batch = None

    async def reload(self) -> None:
        """Load the agenda afresh (the caller holds the lock): other writers' changes come in.
        The version is read first: a write landing during the load shows at the next check."""
        async with self._pool.acquire() as conn:
            version, _ = await salon_stamp(conn, tenant_id=self.tenant_id)
            self._agenda = await self._load(conn)
        self._version = version

    async def _refresh_if_changed(self) -> None:
        """Reload when another writer changed the salon since memory was loaded; refuse when the
        salon was activated elsewhere since (SalonMovedError: this agenda must be dropped)."""
        if self._agenda is None:
            return  # not activated yet: activation loads it
        try:
            async with self._pool.acquire() as conn:
                current, epoch = await salon_stamp(conn, tenant_id=self.tenant_id)
        except CONNECTION_LOST:
            await self._pool.expire_connections()  # a restart left them all dead
            raise
        if epoch != self._epoch:
            raise SalonMovedError(f"salon {self.tenant_id} was activated elsewhere")
        if current == self._version:
            return
        if self._version != UNKNOWN_VERSION:
            logger.info("tenant %s: changed by another writer; memory reloaded", self.tenant_id)
        await self.reload()

    async def check_memory(self) -> list[str]:
        """What the memory the next decision would use holds differently from a fresh load
        (taking the lock: another writer's change reloads it first, as for any command, and an
        agenda another activation took over is refused, SalonMovedError)."""
        async with self.lock:
            async with self._pool.acquire() as conn:
                truth = await self._load(conn)
            return differences(self.agenda, truth, now=self.now())

    async def _load(self, conn: asyncpg.Connection, *, tenant: Tenant | None = None) -> Agenda:
        return await load_agenda(
            conn, tenant_id=self.tenant_id, now=self.now(), defaults=self.defaults, tenant=tenant
        )

    async def read(self, query: Callable[[asyncpg.Connection], Awaitable[T]]) -> T:
        """One read on a pooled connection (`query` is a db/ function with its arguments bound)."""
        try:
            async with self._pool.acquire() as conn:
                return await query(conn)
        except CONNECTION_LOST:
            # As at the lock's check, which the chat desk skips: a restart left them all dead.
            await self._pool.expire_connections()
            raise

    async def commit(self, outcome: Outcome[R], store: Store | None = None) -> R:
        """Store the outcome in one transaction, then apply it to memory and publish its events.

        `store` writes the command's own rows (a campaign run, chat messages) after new clients
        and before the agenda's change, which may refer to them.
        """
        change = outcome.change
        tenant_id = self.tenant_id
        if store is None and outcome.changes_nothing:
            return outcome.result
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                # Locks the salon's row: no other writer moves the version (nor another
                # activation the epoch) until we commit.
                version, epoch = await salon_stamp(conn, tenant_id=tenant_id, lock=True)
                if epoch != self._epoch:
                    raise SalonMovedError(f"salon {tenant_id} was activated elsewhere")
                if version != self._version:
                    raise StaleAgendaError("another writer changed the salon meanwhile")
                if change.clients_added:
                    await insert_clients(conn, tenant_id=tenant_id, clients=change.clients_added)
                if store is not None:
                    await store(conn)
                await store_change(conn, tenant_id=tenant_id, change=change, at=self.now())
                await outbox.queue_messages(conn, tenant_id=tenant_id, messages=outcome.messages)
                # The version with our writes' bumps: read with the events when there are any.
                events, stamped = await event_queries.append_events_stamped(
                    conn, tenant_id=tenant_id, payloads=outcome.events, occurred_at=self.now()
                )
                if stamped is None:
                    stamped, _ = await salon_stamp(conn, tenant_id=tenant_id)
                version = stamped
        except STALE_MEMORY:
            # Another writer (e.g. the customer's Prisma services) changed the salon: our memory
            # is behind. Nothing was stored; the next command decides on fresh data.
            await self.reload()
            raise
        except BaseException as error:
            # The outcome may be unknown (the connection lost at COMMIT): the next lock reloads.
            self._version = UNKNOWN_VERSION
            if isinstance(error, CONNECTION_LOST):
                await self._pool.expire_connections()  # a restart left them all dead
            raise
        self._version = version
        self.agenda.apply(change)
        self._unpublished.extend(events)
        await self.publish()
        return outcome.result

    async def publish_pending(self) -> None:
        """Retry publishing what Redis refused earlier (called by the host's upkeep loop)."""
        async with self.lock.plain:
            if self._backlog and not self._unpublished:
                await self._publish_backlog()
            else:
                await self.publish()

    async def publish(self, *, mark_at_once: bool = False) -> None:
        """Publish every unpublished event in order; on failure keep them for the next try.
        Marked published in the host's next batch (`marks`), or at once."""
        if not self._unpublished:
            return
        try:
            await self._stream.publish(self.tenant_id, self._unpublished)
            event_ids = [e.event_id for e in self._unpublished]
            if self._marks is not None and not mark_at_once:
                self._marks.add(self.tenant_id, event_ids, self.now())
            else:
                async with self._pool.acquire() as conn:
                    await event_queries.mark_published(
                        conn, tenant_id=self.tenant_id, event_ids=event_ids, at=self.now()
                    )
        except Exception:  # Redis or PostgreSQL away: the outbox keeps the events.
            logger.exception(
                "tenant %s: publishing %d events failed; will retry",
                self.tenant_id,
                len(self._unpublished),
            )
            return
        self._unpublished = []

    @property
    def unpublished_count(self) -> int:
        return len(self._unpublished)

    def touch(self) -> None:
        self.last_used = monotonic()

    def idle_for_s(self) -> float:
        return monotonic() - self.last_used
