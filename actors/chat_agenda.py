"""The salon's chat desk: receive a client's message fast, answer it in the background.

`receive_message` only stores the message (deduplicated by WhatsApp id and webhook id) and
returns, so the webhook can answer 202 at once; the answer is worked out by a task per message,
one conversation at a time, with the LLM called *outside* the salon's lock (a slow Gemini never
blocks the owner's approvals). Pending messages are picked up again after a restart.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from time import monotonic
from typing import Any, Literal, Protocol
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg

from actors.agenda_core import AgendaCore
from db import auth_requests as auth_request_queries
from db import chat as chat_queries
from db import messages as message_queries
from db.chat import PendingInbound
from domain import auth_requests
from domain.chat_agent import (
    ChatContext,
    ChatDecision,
    LlmReading,
    OpenOffer,
    ProposedSlot,
    decide,
    from_reading,
    slot_label,
)
from domain.chat_prompts import SYSTEM_PROMPT, chat_prompt
from domain.chat_rules import Understanding, understand
from domain.chat_slots import propose_slots
from domain.commands import (
    CreateAuthRequest,
    MessageAccepted,
    OwnerMessageResult,
    ReceiveMessage,
    SendOwnerMessage,
)
from domain.errors import (
    InvalidCommandError,
    NotFoundError,
    OutsideWorkingHoursError,
    SlotTakenError,
)
from domain.events import (
    AiResponseData,
    ClientOptedOutData,
    ComplaintReceivedData,
    EventData,
    MessageReceivedData,
    OwnerMessageSentData,
)
from domain.free_slots import Busy, busy_from
from domain.models import Agent, AuthRequest, Client
from domain.phones import to_e164
from domain.slots import check_slot_open
from integrations.llm import LanguageModel, LanguageModelError

logger = logging.getLogger(__name__)
CAMPAIGN_AGENTS = {Agent.PRAZO_CERTO, Agent.ENCHER_AGENDA}
Engine = Literal["gemini", "rules"]


class ChatObserver(Protocol):
    """Where the chat desk reports what it did (the Ray actor turns it into metrics)."""

    def answered(self, intent: str, engine: str) -> None: ...

    def llm_called(self, seconds: float, *, failure: str | None) -> None: ...


class ChatAgenda(AgendaCore):
    def __init__(
        self,
        tenant_id: UUID,
        *,
        llm: LanguageModel | None = None,
        observer: ChatObserver | None = None,
        **options: Any,
    ) -> None:
        super().__init__(tenant_id, **options)
        self.llm = llm
        self.observer = observer
        self._answering: set[asyncio.Task[None]] = set()
        # One answer at a time per conversation, so replies keep the clients' order.
        self._conversation_locks: dict[UUID, asyncio.Lock] = {}

    async def activate(self) -> None:
        await super().activate()
        async with self._pool.acquire() as conn:
            pending = await chat_queries.pending_inbound(conn, tenant_id=self.tenant_id)
        for message in pending:  # answered after a restart: nothing acknowledged is lost
            self._schedule_answer(message.message_id)

    async def receive_message(self, command: ReceiveMessage) -> MessageAccepted:
        phone = to_e164(command.phone)
        if phone is None:
            raise InvalidCommandError("phone is not a valid Brazilian or E.164 number")
        async with self._lock:
            async with self._pool.acquire() as conn:
                seen = await chat_queries.find_delivery(
                    conn,
                    tenant_id=self.tenant_id,
                    external_id=command.external_id,
                    webhook_id=command.webhook_id,
                )
            if seen is not None:
                return MessageAccepted(
                    message_id=seen.message_id,
                    duplicate=True,
                    conversation_id=seen.conversation_id,
                    client_id=seen.client_id,
                )
            client, new_client = self._client_for(phone, command)
            accepted = await self._store_inbound(command, client, new_client)
        self._schedule_answer(accepted.message_id)
        return accepted

    def _client_for(self, phone: str, command: ReceiveMessage) -> tuple[Client, bool]:
        raw_id = "".join(ch for ch in command.phone if ch.isdigit())
        for client in self.state.clients.values():
            if client.phone_e164 == phone or (client.whatsapp_id and client.whatsapp_id == raw_id):
                return client, False
        name = command.client_name.strip() or "Cliente"
        return Client(id=self._new_id(), name=name, phone_e164=phone, whatsapp_id=raw_id), True

    async def _store_inbound(
        self, command: ReceiveMessage, client: Client, new_client: bool
    ) -> MessageAccepted:
        message_id, now = self._new_id(), self._clock()
        async with self._pool.acquire() as conn, conn.transaction():
            if new_client:
                await chat_queries.insert_client(conn, tenant_id=self.tenant_id, client=client)
            conversation_id = await chat_queries.conversation_of(
                conn, tenant_id=self.tenant_id, client_id=client.id, new_id=self._new_id(), at=now
            )
            await chat_queries.insert_message(
                conn,
                tenant_id=self.tenant_id,
                message_id=message_id,
                conversation_id=conversation_id,
                direction="inbound",
                author="client",
                body=command.message,
                status="pending",
                external_id=command.external_id,
                webhook_id=command.webhook_id,
                sent_at=command.sent_at,
                created_at=now,
            )
            events = await self._record(
                conn,
                [
                    MessageReceivedData(
                        conversation_id=conversation_id,
                        message_id=message_id,
                        client_id=client.id,
                        client_name=client.name,
                        message=command.message,
                        new_client=new_client,
                    )
                ],
            )
        if new_client:
            self.state.clients[client.id] = client
        self._unpublished.extend(events)
        await self._publish()
        return MessageAccepted(
            message_id=message_id,
            conversation_id=conversation_id,
            client_id=client.id,
            duplicate=False,
            new_client=new_client,
        )

    def _schedule_answer(self, message_id: UUID) -> None:
        task = asyncio.get_running_loop().create_task(self._answer(message_id))
        self._answering.add(task)
        task.add_done_callback(self._answered)

    def _answered(self, task: asyncio.Task[None]) -> None:
        self._answering.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error(
                "tenant %s: answering a message failed: %r", self.tenant_id, task.exception()
            )

    async def drain(self) -> None:
        """Wait until every message received so far is answered (tests, shutdown)."""
        while self._answering:
            await asyncio.gather(*self._answering, return_exceptions=True)

    @property
    def busy(self) -> bool:
        """Not to be passivated: deciding something, or still answering a client."""
        return super().busy or bool(self._answering)

    async def _answer(self, message_id: UUID) -> None:
        async with self._pool.acquire() as conn:
            found = await chat_queries.pending_inbound(
                conn, tenant_id=self.tenant_id, message_id=message_id
            )
        if not found:
            return
        inbound = found[0]
        lock = self._conversation_locks.setdefault(inbound.conversation_id, asyncio.Lock())
        async with lock:  # one message of a conversation at a time, in order
            context = self._context(inbound)
            understanding, engine, llm_reply = await self._understand(inbound, context)
            async with self._lock:
                await self._reply(inbound, context, understanding, engine, llm_reply)

    def _context(self, inbound: PendingInbound) -> ChatContext:
        state = self.state
        client = state.clients[inbound.client_id]
        offers = [
            r
            for r in state.pending.values()
            if r.appointment_data.client_id == client.id and r.created_by_agent in CAMPAIGN_AGENTS
        ]
        offer = max(offers, key=lambda r: r.created_at, default=None)
        zone = ZoneInfo(state.tenant.time_zone)
        return ChatContext(
            salon_name=state.tenant.name,
            time_zone=state.tenant.time_zone,
            client_first_name=client.name.split(" ")[0],
            today=self._clock().astimezone(zone).date(),
            services=tuple(sorted(state.services.values(), key=lambda s: s.name)),
            proposed=tuple(ProposedSlot.model_validate(p) for p in inbound.proposed),
            open_offer=None
            if offer is None
            else OpenOffer(
                auth_request_id=offer.id,
                service_name=offer.appointment_data.service_name,
                professional_name=offer.appointment_data.professional_name,
                starts_at=offer.appointment_data.starts_at,
            ),
        )

    async def _understand(
        self, inbound: PendingInbound, context: ChatContext
    ) -> tuple[Understanding, Engine, str | None]:
        services = list(self.state.services.values())
        professionals = list(self.state.professionals.values())
        rules = understand(
            inbound.body, services=services, professionals=professionals, today=context.today
        )
        if self.llm is None:
            return rules, "rules", None
        prompt = chat_prompt(
            salon=context.salon_name,
            today=context.today,
            services=services,
            professionals=professionals,
            proposed=[slot_label(p, context) for p in context.proposed],
            client=context.client_first_name,
            message=inbound.body,
        )
        started = monotonic()
        try:
            reading = await self.llm.generate(prompt, LlmReading, system=SYSTEM_PROMPT)
        except LanguageModelError as error:
            logger.warning("tenant %s: Gemini failed (%s); rules answer", self.tenant_id, error)
            if self.observer is not None:
                self.observer.llm_called(monotonic() - started, failure=error.kind)
            return rules, "rules", None
        if self.observer is not None:
            self.observer.llm_called(monotonic() - started, failure=None)
        named = understand(
            f"{reading.service or ''} com {reading.professional or ''}",
            services=services,
            professionals=professionals,
            today=context.today,
        )
        return from_reading(reading, rules, named=named), "gemini", reading.reply

    def _free_slots(self, understanding: Understanding, context: ChatContext) -> list[ProposedSlot]:
        service_id = understanding.service_id or (
            context.proposed[0].service_id if context.proposed else None
        )
        service = self.state.services.get(service_id) if service_id else None
        if service is None:
            return []
        return propose_slots(
            understanding,
            service=service,
            professionals=self.state.professionals.values(),
            hours=self.state.working_hours,
            busy=self._busy(),
            now=self._clock(),
            time_zone=context.time_zone,
        )

    def _busy(self) -> list[Busy]:
        return busy_from(self.state.upcoming.values()) + [
            Busy(
                professional_id=r.appointment_data.professional_id,
                starts_at=r.appointment_data.starts_at,
                ends_at=r.appointment_data.ends_at,
            )
            for r in self.state.pending.values()
        ]

    async def _reply(
        self,
        inbound: PendingInbound,
        context: ChatContext,
        understanding: Understanding,
        engine: Engine,
        llm_reply: str | None,
    ) -> None:
        free = self._free_slots(understanding, context)
        decision = decide(
            inbound.body, understanding, context, free_slots=free, llm_reply=llm_reply
        )
        request = self._booking(decision, inbound)
        if decision.book is not None and request is None:  # taken meanwhile: offer others
            retry = context.model_copy(update={"proposed": ()})
            decision = decide(
                inbound.body,
                understanding,
                retry,
                free_slots=self._free_slots(understanding, retry),
            )
        await self._store_reply(inbound, decision, request, engine)

    def _booking(self, decision: ChatDecision, inbound: PendingInbound) -> AuthRequest | None:
        slot = decision.book
        if slot is None:
            return None
        state = self.state
        service = state.services[slot.service_id]
        create = CreateAuthRequest(
            command_id=f"chat:{inbound.message_id}",
            created_by_agent=Agent.CHAT,
            client_id=inbound.client_id,
            service_id=slot.service_id,
            professional_id=slot.professional_id,
            starts_at=slot.starts_at,
        )
        data = auth_requests.build_appointment_data(
            client=state.clients[inbound.client_id],
            service=service,
            professional=state.professionals[slot.professional_id],
            starts_at=slot.starts_at,
            time_zone=state.tenant.time_zone,
            offer=None,
        )
        try:
            check_slot_open(
                appointments=state.upcoming.values(),
                hours=state.working_hours,
                professional_id=slot.professional_id,
                starts_at=data.starts_at,
                ends_at=data.starts_at + timedelta(minutes=service.duration_min),
                time_zone=state.tenant.time_zone,
            )
        except (SlotTakenError, OutsideWorkingHoursError):
            return None
        request, _event = auth_requests.propose(
            create, data=data, request_id=self._new_id(), now=self._clock()
        )
        return request

    async def _store_reply(
        self,
        inbound: PendingInbound,
        decision: ChatDecision,
        request: AuthRequest | None,
        engine: Engine,
    ) -> None:
        now = self._clock()
        client = self.state.clients[inbound.client_id]
        linked = request.id if request is not None else decision.accept_offer
        payloads: list[EventData] = []
        async with self._pool.acquire() as conn, conn.transaction():
            if not await chat_queries.mark_answered(
                conn,
                tenant_id=self.tenant_id,
                message_id=inbound.message_id,
                intent=decision.intent,
                engine=engine,
                auth_request_id=linked,
            ):
                return  # answered already (a repeat after a restart): say nothing twice
            await self._store_actions(conn, inbound, decision, request, payloads)
            await self._store_outbound(conn, inbound, decision, now)
            payloads.append(
                AiResponseData(
                    conversation_id=inbound.conversation_id,
                    client_id=client.id,
                    message=decision.reply,
                    intent=decision.intent,
                    booking_created=request is not None,
                    auth_request_id=linked,
                    engine=engine,
                )
            )
            events = await self._record(conn, payloads)
        if request is not None:
            self.state.pending[request.id] = request
        if decision.opt_out:
            self.state.clients[client.id] = client.model_copy(update={"marketing_opt_out": True})
        self._unpublished.extend(events)
        await self._publish()
        if self.observer is not None:
            self.observer.answered(decision.intent, engine)

    async def _store_actions(
        self,
        conn: asyncpg.Connection,
        inbound: PendingInbound,
        decision: ChatDecision,
        request: AuthRequest | None,
        payloads: list[EventData],
    ) -> None:
        client = self.state.clients[inbound.client_id]
        if request is not None:
            await auth_request_queries.insert_auth_request(
                conn, tenant_id=self.tenant_id, request=request
            )
            payloads.append(
                auth_requests.propose(
                    CreateAuthRequest(
                        command_id=request.command_id,
                        created_by_agent=Agent.CHAT,
                        client_id=client.id,
                        service_id=request.appointment_data.service_id,
                        professional_id=request.appointment_data.professional_id,
                        starts_at=request.appointment_data.starts_at,
                    ),
                    data=request.appointment_data,
                    request_id=request.id,
                    now=request.created_at,
                )[1]
            )
        if decision.opt_out and not client.marketing_opt_out:
            await chat_queries.opt_out(conn, tenant_id=self.tenant_id, client_id=client.id)
            payloads.append(ClientOptedOutData(client_id=client.id))
        if decision.complaint:
            payloads.append(
                ComplaintReceivedData(
                    conversation_id=inbound.conversation_id,
                    client_id=client.id,
                    client_name=client.name,
                    message=inbound.body,
                )
            )

    async def _store_outbound(
        self,
        conn: asyncpg.Connection,
        inbound: PendingInbound,
        decision: ChatDecision,
        now: datetime,
    ) -> None:
        reply_id = self._new_id()
        await chat_queries.insert_message(
            conn,
            tenant_id=self.tenant_id,
            message_id=reply_id,
            conversation_id=inbound.conversation_id,
            direction="outbound",
            author="agent",
            body=decision.reply,
            intent=decision.intent,
            created_at=now,
        )
        await chat_queries.set_proposed(
            conn,
            tenant_id=self.tenant_id,
            conversation_id=inbound.conversation_id,
            proposed=[p.model_dump(mode="json") for p in decision.proposed],
            at=now,
        )
        # Replies to a client's message are not held by the marketing send window.
        await message_queries.queue_message(
            conn,
            tenant_id=self.tenant_id,
            message_id=self._new_id(),
            client_id=inbound.client_id,
            kind="transactional",
            body=decision.reply,
            related_id=reply_id,
        )

    async def send_owner_message(self, command: SendOwnerMessage) -> OwnerMessageResult:
        async with self._lock:
            async with self._pool.acquire() as conn:
                client_id = await chat_queries.conversation_client(
                    conn, tenant_id=self.tenant_id, conversation_id=command.conversation_id
                )
            if client_id is None:
                raise NotFoundError(f"conversation {command.conversation_id} not found")
            message_id, now = self._new_id(), self._clock()
            async with self._pool.acquire() as conn, conn.transaction():
                await chat_queries.insert_message(
                    conn,
                    tenant_id=self.tenant_id,
                    message_id=message_id,
                    conversation_id=command.conversation_id,
                    direction="outbound",
                    author="owner",
                    body=command.text,
                    created_at=now,
                )
                await message_queries.queue_message(
                    conn,
                    tenant_id=self.tenant_id,
                    message_id=self._new_id(),
                    client_id=client_id,
                    kind="transactional",
                    body=command.text,
                    related_id=message_id,
                )
                events = await self._record(
                    conn,
                    [
                        OwnerMessageSentData(
                            conversation_id=command.conversation_id,
                            message_id=message_id,
                            client_id=client_id,
                            message=command.text,
                        )
                    ],
                )
            self._unpublished.extend(events)
            await self._publish()
        return OwnerMessageResult(
            message_id=message_id, conversation_id=command.conversation_id, client_id=client_id
        )
