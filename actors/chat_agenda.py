"""The salon's chat desk: receive a client's message fast, answer it in the background.

`receive_message` only stores the message (deduplicated by WhatsApp id and webhook id) and
returns, so the webhook can answer 202 at once; the answer is worked out by a task per message,
one conversation at a time, with the LLM called *outside* the salon's lock (a slow Gemini never
blocks the owner's approvals). Pending messages are picked up again after a restart.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from time import monotonic
from typing import Any, Literal, Protocol
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg

from actors.agenda_core import AgendaCore
from actors.chat_situation import chat_booking, chat_context, free_slots_for
from db import auth_requests as auth_request_queries
from db import chat as chat_queries
from db import messages as message_queries
from db.chat import PendingInbound
from domain.chat_agent import (
    ChatContext,
    ChatDecision,
    LlmReading,
    ProposedSlot,
    decide,
    from_reading,
    slot_label,
)
from domain.chat_prompts import SYSTEM_PROMPT, chat_prompt
from domain.chat_rules import Understanding, understand
from domain.commands import (
    MessageAccepted,
    OwnerMessageResult,
    ReceiveMessage,
    ResumeWork,
    SendOwnerMessage,
    WorkResumed,
)
from domain.errors import (
    InvalidCommandError,
    NotFoundError,
)
from domain.events import (
    AiResponseData,
    AuthRequestCreatedData,
    ClientOptedOutData,
    ComplaintReceivedData,
    Event,
    EventData,
    MessageReceivedData,
    OwnerMessageSentData,
)
from domain.models import AuthRequest, Client
from domain.owner_messages import owner_message_id, repeated_owner_message
from domain.phones import to_e164
from integrations.llm import LanguageModel, LanguageModelError

logger = logging.getLogger(__name__)
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
        self._answering_ids: set[UUID] = set()
        # One answer at a time per conversation, so replies keep the clients' order.
        self._conversation_locks: dict[UUID, asyncio.Lock] = {}

    async def activate(self) -> None:
        await super().activate()
        async with self._pool.acquire() as conn:
            pending = await chat_queries.pending_inbound(conn, tenant_id=self.tenant_id)
        for message in pending:  # answered after a restart: nothing acknowledged is lost
            self._schedule_answer(message.message_id, message.conversation_id)

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
        self._schedule_answer(accepted.message_id, accepted.conversation_id)
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
        candidate_id = client.id
        async with self._pool.acquire() as conn, conn.transaction():
            if new_client:
                # Another writer (an import, the customer's services) may have added this phone
                # since the agenda was loaded: the database's client wins.
                client = await chat_queries.upsert_client(
                    conn, tenant_id=self.tenant_id, client=client
                )
                new_client = client.id not in self.state.clients and client.id == candidate_id
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

    def _schedule_answer(self, message_id: UUID, conversation_id: UUID) -> None:
        lock = self._conversation_locks.setdefault(conversation_id, asyncio.Lock())
        task = asyncio.get_running_loop().create_task(self._answer(message_id, lock))
        self._answering_ids.add(message_id)
        task.add_done_callback(lambda _task: self._answering_ids.discard(message_id))
        self._answering.add(task)
        task.add_done_callback(self._answered)

    def _answered(self, task: asyncio.Task[None]) -> None:
        self._answering.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error(
                "tenant %s: answering a message failed: %r", self.tenant_id, task.exception()
            )

    async def resume_work(self, command: ResumeWork) -> WorkResumed:
        """Answer what is still pending without an answer underway; publish what is left."""
        async with self._pool.acquire() as conn:
            pending = await chat_queries.pending_inbound(conn, tenant_id=self.tenant_id)
        scheduled = 0
        for message in pending:
            if message.message_id not in self._answering_ids:
                self._schedule_answer(message.message_id, message.conversation_id)
                scheduled += 1
        await self.publish_pending()
        return WorkResumed(answers_scheduled=scheduled, events_unpublished=self.unpublished_count)

    async def drain(self) -> None:
        """Wait until every message received so far is answered (tests, shutdown)."""
        while self._answering:
            await asyncio.gather(*self._answering, return_exceptions=True)

    @property
    def busy(self) -> bool:
        """Not to be passivated: deciding something, or still answering a client."""
        return super().busy or bool(self._answering)

    async def _answer(self, message_id: UUID, lock: asyncio.Lock) -> None:
        # Tasks reach the conversation's lock in the order they were created (no await before
        # it), so replies keep the order of the messages; the row and the proposed slots are
        # read inside the lock, after the previous answer changed them.
        async with lock:
            async with self._pool.acquire() as conn:
                found = await chat_queries.pending_inbound(
                    conn, tenant_id=self.tenant_id, message_id=message_id
                )
            if not found:
                return
            inbound = found[0]
            context = chat_context(self.state, inbound, self._clock())
            understanding, engine, llm_reply = await self._understand(inbound, context)
            async with self._lock:
                await self._reply(inbound, context, understanding, engine, llm_reply)

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

    async def _reply(
        self,
        inbound: PendingInbound,
        context: ChatContext,
        understanding: Understanding,
        engine: Engine,
        llm_reply: str | None,
    ) -> None:
        now = self._clock()
        free = free_slots_for(self.state, understanding, context, now)
        decision = decide(
            inbound.body, understanding, context, free_slots=free, llm_reply=llm_reply
        )
        booking = chat_booking(self.state, decision, inbound, request_id=self._new_id(), now=now)
        if decision.book is not None and booking is None:
            decision = self._slot_gone(inbound, understanding, context, decision.book, now)
        await self._store_reply(inbound, decision, booking, engine)

    def _slot_gone(
        self,
        inbound: PendingInbound,
        understanding: Understanding,
        context: ChatContext,
        taken: ProposedSlot,
        now: datetime,
    ) -> ChatDecision:
        """The slot the client picked was taken meanwhile: say so and offer the nearest others."""
        local = taken.starts_at.astimezone(ZoneInfo(context.time_zone))
        wanted = understanding.model_copy(
            update={
                "intent": "booking",
                "service_id": taken.service_id,
                "day": local.date(),
                "at": local.time(),
                "affirmative": False,
            }
        )
        fresh = context.model_copy(update={"proposed": ()})
        others = decide(
            inbound.body, wanted, fresh, free_slots=free_slots_for(self.state, wanted, fresh, now)
        )
        return others.model_copy(
            update={"reply": f"Poxa, esse horário acabou de ser reservado. {others.reply}"}
        )

    async def _store_reply(
        self,
        inbound: PendingInbound,
        decision: ChatDecision,
        booking: tuple[AuthRequest, AuthRequestCreatedData] | None,
        engine: Engine,
    ) -> None:
        now = self._clock()
        client = self.state.clients[inbound.client_id]
        request = booking[0] if booking is not None else None
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
            await self._store_actions(conn, inbound, decision, booking, payloads)
            reply_id = await self._store_outbound(conn, inbound, decision, now)
            payloads.append(
                AiResponseData(
                    conversation_id=inbound.conversation_id,
                    message_id=reply_id,
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
        booking: tuple[AuthRequest, AuthRequestCreatedData] | None,
        payloads: list[EventData],
    ) -> None:
        client = self.state.clients[inbound.client_id]
        if booking is not None:
            request, created = booking
            await auth_request_queries.insert_auth_request(
                conn, tenant_id=self.tenant_id, request=request
            )
            payloads.append(created)
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
    ) -> UUID:
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
        return reply_id

    async def send_owner_message(self, command: SendOwnerMessage) -> OwnerMessageResult:
        # The message's id comes from the command's: a repeat (a client retry, the directory's
        # retry after a dead host) finds it stored and sends nothing again.
        message_id = owner_message_id(self.tenant_id, command.sent_by, command.command_id)
        async with self._lock:
            async with self._pool.acquire() as conn:
                stored = await chat_queries.find_message(
                    conn, tenant_id=self.tenant_id, message_id=message_id
                )
                client_id = await chat_queries.conversation_client(
                    conn, tenant_id=self.tenant_id, conversation_id=command.conversation_id
                )
            if stored is not None:
                return repeated_owner_message(command, message_id, stored)
            if client_id is None:
                raise NotFoundError(f"conversation {command.conversation_id} not found")
            try:
                events = await self._store_owner_message(command, message_id, client_id)
            except asyncpg.UniqueViolationError:
                # Another process of this salon stored the same command meanwhile (a host moving).
                async with self._pool.acquire() as conn:
                    stored = await chat_queries.find_message(
                        conn, tenant_id=self.tenant_id, message_id=message_id
                    )
                if stored is None:
                    raise
                return repeated_owner_message(command, message_id, stored)
            self._unpublished.extend(events)
            await self._publish()
        return OwnerMessageResult(
            message_id=message_id, conversation_id=command.conversation_id, client_id=client_id
        )

    async def _store_owner_message(
        self, command: SendOwnerMessage, message_id: UUID, client_id: UUID
    ) -> list[Event]:
        """The message, its WhatsApp delivery and its event, in one transaction."""
        async with self._pool.acquire() as conn, conn.transaction():
            await chat_queries.insert_message(
                conn,
                tenant_id=self.tenant_id,
                message_id=message_id,
                conversation_id=command.conversation_id,
                direction="outbound",
                author="owner",
                body=command.text,
                created_at=self._clock(),
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
            data = OwnerMessageSentData(
                conversation_id=command.conversation_id,
                message_id=message_id,
                client_id=client_id,
                message=command.text,
            )
            return await self._record(conn, [data])
