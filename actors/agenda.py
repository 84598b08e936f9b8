"""One salon's live agenda: all its state in one object, every write decided under its lock.

Each command follows validate → decide (pure, domain/) → persist (one transaction with its
events) → apply to memory → publish. The lock is held across the awaits in between: without it,
two approvals could both see a free slot before either commits.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Literal
from uuid import UUID
from zoneinfo import ZoneInfo

from actors.campaign_runner import CampaignWrites, campaign_input, campaign_writes, plan_campaign
from actors.chat_agenda import ChatAgenda
from db import appointments as appointment_queries
from db import auth_requests as auth_request_queries
from db import campaigns as campaign_queries
from db import messages as message_queries
from db.agenda import load_agenda
from domain import auth_requests
from domain.commands import (
    AuthRequestCreatedResult,
    CampaignResult,
    CreateAuthRequest,
    DecideAuthRequest,
    DecisionResult,
    DeliveriesRecorded,
    DeliveryOutcome,
    RecordDeliveries,
    RunCampaign,
    SetCampaignSchedule,
)
from domain.errors import (
    DuplicateCommandError,
    InvalidCommandError,
    NotFoundError,
    SlotTakenError,
)
from domain.events import EventData, NotificationFailedData, NotificationSentData
from domain.messages import booking_confirmation_text
from domain.models import AuthRequest
from domain.schedule import Schedule
from domain.send_window import next_send_time
from domain.slots import check_slot_open, find_conflict

logger = logging.getLogger(__name__)


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


class TenantAgenda(ChatAgenda):
    """One salon's live agenda: auth requests, campaigns, delivery outcomes."""

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

    async def run_campaign(self, command: RunCampaign) -> CampaignResult:
        """Plan a campaign on fresh data; store its suggestions, offers and events at once."""
        async with self._lock:
            async with self._pool.acquire() as conn:
                stored = await campaign_queries.find_run(
                    conn, tenant_id=self.tenant_id, run_key=command.run_key
                )
                if stored is not None:
                    if stored.campaign_type != command.campaign_type:
                        raise DuplicateCommandError(
                            f"campaign id {command.run_key} was used for {stored.campaign_type}"
                        )
                    return stored.model_copy(update={"repeated": True})
                # Campaigns run rarely and must see what other writers did: reload first.
                self._state = await load_agenda(conn, tenant_id=self.tenant_id, now=self._clock())
                histories = await campaign_queries.load_histories(
                    conn, tenant_id=self.tenant_id, time_zone=self.state.tenant.time_zone
                )
                last_marketing = await campaign_queries.last_marketing_at(
                    conn, tenant_id=self.tenant_id
                )
            now = self._clock()
            plan = plan_campaign(
                command, campaign_input(self.state, histories, last_marketing), now
            )
            writes = campaign_writes(
                command, plan, self.state, histories, now=now, new_id=self._new_id
            )
            if command.dry_run:
                return writes.result
            await self._store_campaign(command, writes, now)
            return writes.result

    async def _store_campaign(
        self, command: RunCampaign, writes: CampaignWrites, now: datetime
    ) -> None:
        run_id = writes.result.run_id
        if run_id is None:
            raise RuntimeError("a stored campaign run needs an id")
        opens, closes = self._send_window
        local_date = command.local_date or (
            now.astimezone(ZoneInfo(self.state.tenant.time_zone)).date()
        )
        async with self._pool.acquire() as conn, conn.transaction():
            await campaign_queries.insert_run(
                conn,
                tenant_id=self.tenant_id,
                result=writes.result,
                trigger=command.trigger,
                local_date=local_date,
                context=command.options.model_dump(mode="json"),
            )
            await campaign_queries.insert_campaign_requests(
                conn, tenant_id=self.tenant_id, requests=writes.requests, campaign_run_id=run_id
            )
            await campaign_queries.queue_campaign_messages(
                conn,
                tenant_id=self.tenant_id,
                messages=writes.messages,
                campaign_run_id=run_id,
                not_before=next_send_time(
                    now, time_zone=self.state.tenant.time_zone, opens=opens, closes=closes
                ),
            )
            events = await self._record(conn, writes.events)
        for request in writes.requests:
            self.state.pending[request.id] = request
        self._unpublished.extend(events)
        await self._publish()

    async def set_campaign_schedule(self, command: SetCampaignSchedule) -> Schedule:
        """Store the salon's schedule for one campaign; the scheduler reads it at its next step."""
        schedule = Schedule(
            tenant_id=self.tenant_id,
            time_zone=self.state.tenant.time_zone,
            **command.model_dump(),
        )
        async with self._lock, self._pool.acquire() as conn:
            await campaign_queries.set_schedule(conn, schedule=schedule)
        return schedule

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
