"""One salon's live agenda: all its state in one object, every write decided under its lock.

Each command follows validate → decide (pure, domain/) → persist (one transaction with its
events) → apply to memory → publish. The lock is held across the awaits in between: without it,
two approvals could both see a free slot before either commits.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Literal
from uuid import UUID, uuid4

import asyncpg

from db import appointments as appointment_queries
from db import auth_requests as auth_request_queries
from db import events as event_queries
from db import messages as message_queries
from db.agenda import AgendaSnapshot, load_agenda
from domain import auth_requests
from domain.commands import (
    AuthRequestCreatedResult,
    CreateAuthRequest,
    DecideAuthRequest,
    DecisionResult,
    DeliveriesRecorded,
    DeliveryOutcome,
    RecordDeliveries,
)
from domain.errors import (
    DuplicateCommandError,
    InvalidCommandError,
    NotFoundError,
    SlotTakenError,
)
from domain.events import Event, EventData, NotificationFailedData, NotificationSentData
from domain.messages import booking_confirmation_text
from domain.models import AuthRequest
from domain.slots import check_slot_open, find_conflict
from integrations.event_stream import EventStream

logger = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


def delivery_event(
    outcome: DeliveryOutcome, client_id: UUID, kind: Literal["marketing", "transactional"]
) -> NotificationSentData | NotificationFailedData:
    if outcome.status == "sent":
        return NotificationSentData(message_id=outcome.message_id, client_id=client_id, kind=kind)
    return NotificationFailedData(
        message_id=outcome.message_id,
        client_id=client_id,
        kind=kind,
        reason=outcome.reason or outcome.status,
        attempts=outcome.attempts,
    )


class TenantAgenda:
    def __init__(
        self,
        tenant_id: UUID,
        *,
        pool: asyncpg.Pool,
        stream: EventStream,
        clock: Callable[[], datetime] = utc_now,
        new_id: Callable[[], UUID] = uuid4,
    ) -> None:
        self.tenant_id = tenant_id
        self._pool = pool
        self._stream = stream
        self._clock = clock
        self._new_id = new_id
        self._lock = asyncio.Lock()
        self._state: AgendaSnapshot | None = None
        self._unpublished: list[Event] = []
        self.last_used = time.monotonic()

    @property
    def state(self) -> AgendaSnapshot:
        if self._state is None:
            raise RuntimeError(f"tenant {self.tenant_id} is not activated")
        return self._state

    async def activate(self) -> None:
        """Load the agenda from PostgreSQL and publish what a previous life left unpublished."""
        async with self._lock:
            async with self._pool.acquire() as conn:
                self._state = await load_agenda(conn, tenant_id=self.tenant_id, now=self._clock())
                self._unpublished = await event_queries.list_unpublished(
                    conn, tenant_id=self.tenant_id
                )
            await self._publish()
        logger.info("tenant %s activated", self.tenant_id)

    async def create_auth_request(self, command: CreateAuthRequest) -> AuthRequestCreatedResult:
        async with self._lock:
            async with self._pool.acquire() as conn:
                existing = await auth_request_queries.find_by_command(
                    conn, tenant_id=self.tenant_id, command_id=command.command_id
                )
            if existing is not None:
                return self._repeated_creation(existing, command)
            request, event = self._propose(command)
            async with self._pool.acquire() as conn, conn.transaction():
                await auth_request_queries.insert_auth_request(
                    conn, tenant_id=self.tenant_id, request=request
                )
                events = await self._record(conn, [event])
            self.state.pending[request.id] = request
            self._unpublished.extend(events)
            await self._publish()
            return AuthRequestCreatedResult(auth_request_id=request.id, created=True)

    def _propose(self, command: CreateAuthRequest) -> tuple[AuthRequest, EventData]:
        state = self.state
        client = state.clients.get(command.client_id)
        service = state.services.get(command.service_id)
        professional = state.professionals.get(command.professional_id)
        if client is None or service is None or professional is None:
            missing = (
                "client" if client is None else "service" if service is None else ("professional")
            )
            raise NotFoundError(f"{missing} not found in this salon")
        if professional.service_ids and service.id not in professional.service_ids:
            raise InvalidCommandError(f"{professional.name} does not perform {service.name}")
        if command.starts_at <= self._clock():
            raise InvalidCommandError("a proposed appointment must start in the future")
        data = auth_requests.build_appointment_data(
            client=client,
            service=service,
            professional=professional,
            starts_at=command.starts_at,
            time_zone=state.tenant.time_zone,
            offer=command.offer,
        )
        check_slot_open(
            appointments=state.upcoming.values(),
            hours=state.working_hours,
            professional_id=professional.id,
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            time_zone=state.tenant.time_zone,
        )
        return auth_requests.propose(
            command, data=data, request_id=self._new_id(), now=self._clock()
        )

    @staticmethod
    def _repeated_creation(
        existing: AuthRequest, command: CreateAuthRequest
    ) -> AuthRequestCreatedResult:
        data = existing.appointment_data
        same = (
            data.client_id == command.client_id
            and data.service_id == command.service_id
            and data.professional_id == command.professional_id
            and data.starts_at == command.starts_at
        )
        if not same:
            raise DuplicateCommandError(
                f"command id {command.command_id} was already used for another auth request"
            )
        return AuthRequestCreatedResult(auth_request_id=existing.id, created=False)

    async def decide_auth_request(self, command: DecideAuthRequest) -> DecisionResult:
        async with self._lock:
            request = await self._find_request(command.request_id)
            if auth_requests.repeats_decision(request, command):
                return await self._stored_decision(request, command)
            if command.decision == "approve":
                return await self._approve(request, command)
            return await self._reject(request, command)

    async def _find_request(self, request_id: UUID) -> AuthRequest:
        request = self.state.pending.get(request_id)
        if request is not None:
            return request
        async with self._pool.acquire() as conn:
            stored = await auth_request_queries.get_auth_request(
                conn, tenant_id=self.tenant_id, request_id=request_id
            )
        if stored is None:
            raise NotFoundError(f"auth request {request_id} not found")
        return stored

    async def _stored_decision(
        self, request: AuthRequest, command: DecideAuthRequest
    ) -> DecisionResult:
        async with self._pool.acquire() as conn:
            sent = await message_queries.notification_sent_for(
                conn, tenant_id=self.tenant_id, related_id=request.id
            )
        return DecisionResult(
            decision=command.decision,
            auth_request_id=request.id,
            appointment_id=request.appointment_id,
            client_notification_sent=sent,
        )

    async def _approve(self, request: AuthRequest, command: DecideAuthRequest) -> DecisionResult:
        auth_requests.ensure_pending(request)
        data = request.appointment_data
        conflict = find_conflict(
            self.state.upcoming.values(),
            professional_id=data.professional_id,
            starts_at=data.starts_at,
            ends_at=data.ends_at,
        )
        if conflict is not None:
            raise SlotTakenError(
                f"{data.professional_name} is already booked at {data.date} {data.time}"
                f" (appointment {conflict.id}); the request stays pending"
            )
        approval = auth_requests.approve(
            request, command, appointment_id=self._new_id(), now=self._clock()
        )
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                await auth_request_queries.record_decision(
                    conn, tenant_id=self.tenant_id, request=approval.request
                )
                await appointment_queries.insert_appointment(
                    conn,
                    tenant_id=self.tenant_id,
                    appointment=approval.appointment,
                    source="auth_request",
                )
                await message_queries.queue_message(
                    conn,
                    tenant_id=self.tenant_id,
                    message_id=self._new_id(),
                    client_id=data.client_id,
                    kind="transactional",
                    body=booking_confirmation_text(data, self.state.tenant.name),
                    related_id=request.id,
                )
                events = await self._record(conn, [approval.event])
        except SlotTakenError:
            # Another writer (e.g. a Prisma service) booked the slot: our memory is stale.
            await self._reload()
            raise
        self.state.pending.pop(request.id, None)
        self.state.upcoming[approval.appointment.id] = approval.appointment
        self._unpublished.extend(events)
        await self._publish()
        # The WhatsApp sender (n8n) delivers queued messages; until it has, nothing was sent.
        return DecisionResult(
            decision="approve",
            auth_request_id=request.id,
            appointment_id=approval.appointment.id,
            client_notification_sent=False,
        )

    async def _reject(self, request: AuthRequest, command: DecideAuthRequest) -> DecisionResult:
        rejection = auth_requests.reject(request, command, now=self._clock())
        async with self._pool.acquire() as conn, conn.transaction():
            await auth_request_queries.record_decision(
                conn, tenant_id=self.tenant_id, request=rejection.request
            )
            events = await self._record(conn, [rejection.event])
        self.state.pending.pop(request.id, None)
        self._unpublished.extend(events)
        await self._publish()
        return DecisionResult(
            decision="reject",
            auth_request_id=request.id,
            appointment_id=None,
            client_notification_sent=False,
        )

    async def record_deliveries(self, command: RecordDeliveries) -> DeliveriesRecorded:
        """Final outcomes from the WhatsApp sender: status moves and events in one transaction."""
        async with self._lock:
            by_id = {o.message_id: o for o in command.outcomes}
            async with self._pool.acquire() as conn, conn.transaction():
                moved = await message_queries.record_outcomes(
                    conn, tenant_id=self.tenant_id, outcomes=command.outcomes, at=self._clock()
                )
                events = await self._record(
                    conn, [delivery_event(by_id[m], c, k) for m, c, k in moved]
                )
            self._unpublished.extend(events)
            await self._publish()
            return DeliveriesRecorded(recorded=len(moved))

    async def _record(self, conn: asyncpg.Connection, payloads: Sequence[EventData]) -> list[Event]:
        return await event_queries.append_events(
            conn, tenant_id=self.tenant_id, payloads=payloads, occurred_at=self._clock()
        )

    async def _reload(self) -> None:
        async with self._pool.acquire() as conn:
            self._state = await load_agenda(conn, tenant_id=self.tenant_id, now=self._clock())

    async def publish_pending(self) -> None:
        """Retry publishing what Redis refused earlier (called by the host's upkeep loop)."""
        async with self._lock:
            await self._publish()

    async def _publish(self) -> None:
        """Publish every unpublished event in order; on failure keep them for the next try."""
        if not self._unpublished:
            return
        try:
            await self._stream.publish(self.tenant_id, self._unpublished)
            async with self._pool.acquire() as conn:
                await event_queries.mark_published(
                    conn,
                    tenant_id=self.tenant_id,
                    up_to_event_id=self._unpublished[-1].event_id,
                    at=self._clock(),
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
        self.last_used = time.monotonic()

    def idle_for_s(self) -> float:
        return time.monotonic() - self.last_used

    @property
    def busy(self) -> bool:
        return self._lock.locked()
