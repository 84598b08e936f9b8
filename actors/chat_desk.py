"""The salon actor's chat part: let a client's message in fast, answer it in the background, and
send the salon's own messages.

`receive` only stores the message (deduplicated by WhatsApp id and webhook id), so the webhook
answers 202 at once; each answer is a task, one conversation at a time, that reads the message
(the Portuguese rules, and Gemini when configured, *outside* the salon's lock: a slow Gemini never
blocks the owner's approvals), then decides and commits under the lock on the agenda as it is
then (domain/chat_answer.py). Messages left unanswered by a dead process are answered on the next
activation or `ResumeWork`.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta
from functools import partial
from time import monotonic
from typing import Protocol, TypeVar
from uuid import UUID

import asyncpg

from actors.salon_core import SalonCore
from db import chat as chat_queries
from db import clients as client_queries
from db.pool import CONNECTION_LOST
from domain import chat_desk
from domain.chat_agent import slot_label
from domain.chat_answer import ChatAnswer, answer_message
from domain.chat_names import resolve_names
from domain.chat_prompts import (
    HISTORY_TURNS,
    SYSTEM_PROMPT,
    TRANSCRIBE_PROMPT,
    chat_prompt,
    profile_lines,
)
from domain.chat_reading import LlmReading, Reading, Transcript, from_reading
from domain.chat_rules import understand
from domain.chat_situation import InboundMessage, chat_context
from domain.chat_visits import visit_label
from domain.commands import (
    ConversationAgent,
    MessageAccepted,
    OwnerMessageResult,
    ReceiveMessage,
    ResumeConversation,
    ResumeWork,
    SendOwnerMessage,
    WorkResumed,
)
from domain.errors import (
    AlreadyAnsweredError,
    InvalidCommandError,
    NotFoundError,
    StaleAgendaError,
)
from domain.models import Client
from domain.outcome import Outcome
from domain.phones import NON_DIGITS, to_e164
from integrations.llm import LanguageModel, LanguageModelError, Media

logger = logging.getLogger(__name__)
T = TypeVar("T")


MAX_ANSWER_FAILURES = 3
# An answer that met PostgreSQL away or no free pooled connection is tried again in the task
# (0.5, 1, 2 … s, at most 15 s apart, ~1 min in all) before it counts as failed.
TRANSIENT_RETRIES = 6
RETRY_FIRST_S = 0.5
RETRY_MAX_S = 15.0


class ChatObserver(Protocol):
    """Where the chat desk reports what it did (the Ray actor turns it into metrics)."""

    def answered(self, intent: str, engine: str) -> None: ...

    def llm_called(self, seconds: float, *, failure: str | None) -> None: ...


class ChatDesk:
    def __init__(
        self,
        core: SalonCore,
        *,
        llm: LanguageModel | None = None,
        observer: ChatObserver | None = None,
    ) -> None:
        self._core = core
        self._llm = llm
        self._observer = observer
        self._answering: dict[UUID, asyncio.Task[None]] = {}
        # Failed answers per message: after MAX_ANSWER_FAILURES the message waits for a person
        # instead of being tried (and Gemini called) again at every upkeep.
        self._failures: Counter[UUID] = Counter()
        # One answer at a time per conversation, so replies keep the clients' order.
        self._conversation_locks: dict[UUID, asyncio.Lock] = {}

    @property
    def answering(self) -> bool:
        return bool(self._answering)

    async def receive(self, command: ReceiveMessage) -> MessageAccepted:
        phone = to_e164(command.phone)
        if phone is None:
            raise InvalidCommandError("phone is not a valid Brazilian or E.164 number")
        accepted = await self._decided(partial(self._admit, command, phone))
        if not accepted.duplicate:
            self._schedule_answer(accepted.message_id, accepted.conversation_id)
        return accepted

    async def _admit(self, command: ReceiveMessage, phone: str) -> MessageAccepted:
        """The message stored (the caller holds the salon's lock), or the first one stored under
        its WhatsApp id or webhook id."""
        core = self._core
        client = await self._client_with(phone, NON_DIGITS.sub("", command.phone))
        arrival = await core.read(
            partial(
                chat_queries.find_arrival,
                tenant_id=core.tenant_id,
                external_id=command.external_id,
                webhook_id=command.webhook_id,
                client_id=None if client is None else client.id,
            )
        )
        if arrival.seen is not None:
            return MessageAccepted(
                message_id=arrival.seen.message_id,
                duplicate=True,
                conversation_id=arrival.seen.conversation_id,
                client_id=arrival.seen.client_id,
            )
        admission = chat_desk.admit_message(
            command,
            phone_e164=phone,
            client=client,
            conversation_id=arrival.conversation_id,
            new_id=core.new_id,
            now=core.now(),
        )
        return await core.commit(
            admission.outcome,
            store=partial(
                chat_queries.store_inbound, tenant_id=core.tenant_id, admission=admission
            ),
        )

    async def _decided(self, attempt: Callable[[], Awaitable[T]]) -> T:
        """Run `attempt` (read → decide → commit) holding the salon's lock, without the lock's
        own check of the salon's version (a round trip per command): the commit checks it anyway,
        under the tenant row's lock, and when another writer moved it reloads memory and raises
        StaleAgendaError — then the attempt decides again, on fresh memory, once (a second
        refusal is the caller's, as a race at the commit always was)."""
        async with self._core.lock.plain:
            try:
                return await attempt()
            except StaleAgendaError:
                logger.info("tenant %s: memory was behind; decided again", self._core.tenant_id)
            return await attempt()

    async def _client_with(self, phone_e164: str, whatsapp_id: str) -> Client | None:
        """Who has this phone: memory first, then PostgreSQL (an import or the customer's services
        may have added them since the agenda was loaded: the database's client wins)."""
        core = self._core
        known = core.agenda.client_with_phone(phone_e164, whatsapp_id)
        if known is not None:
            return known
        stored = await core.read(
            partial(
                client_queries.find_by_phone,
                tenant_id=core.tenant_id,
                phone_e164=phone_e164,
                whatsapp_id=whatsapp_id,
            )
        )
        if stored is not None:
            core.agenda.clients[stored.id] = stored  # memory learns what it read
        return stored

    async def resume(self, command: ResumeWork) -> WorkResumed:
        """Answer what is still pending without an answer underway; publish what is left."""
        scheduled = await self.answer_pending()
        await self._core.publish_pending()
        return WorkResumed(
            answers_scheduled=scheduled, events_unpublished=self._core.unpublished_count
        )

    async def answer_pending(self) -> int:
        """Schedule an answer for every pending message no task is answering; how many."""
        core = self._core
        pending = await core.read(partial(chat_queries.pending_inbound, tenant_id=core.tenant_id))
        fresh = [m for m in pending if m.message_id not in self._answering]
        for message in fresh:  # answered after a restart: nothing acknowledged is lost
            if self._failures[message.message_id] >= MAX_ANSWER_FAILURES:
                logger.error(
                    "tenant %s: message %s failed %d times: left for the salon",
                    core.tenant_id,
                    message.message_id,
                    MAX_ANSWER_FAILURES,
                )
                await self._hold(message)
                self._failures.pop(message.message_id)
                continue
            self._schedule_answer(message.message_id, message.conversation_id)
        return len(fresh)

    async def drain(self) -> None:
        """Wait until every message received so far is answered (tests, shutdown)."""
        while self._answering:
            await asyncio.gather(*self._answering.values(), return_exceptions=True)

    def _schedule_answer(self, message_id: UUID, conversation_id: UUID) -> None:
        lock = self._conversation_locks.setdefault(conversation_id, asyncio.Lock())
        task = asyncio.get_running_loop().create_task(self._answer(message_id, lock))
        self._answering[message_id] = task
        task.add_done_callback(partial(self._answered, message_id))

    def _answered(self, message_id: UUID, task: asyncio.Task[None]) -> None:
        self._answering.pop(message_id, None)
        if not task.cancelled() and task.exception() is not None:
            self._failures[message_id] += 1
            logger.error(
                "tenant %s: answering a message failed: %r", self._core.tenant_id, task.exception()
            )

    async def _answer(self, message_id: UUID, lock: asyncio.Lock) -> None:
        # Tasks reach the conversation's lock in the order they were created (no await before
        # it), so replies keep the order of the messages; the row and the proposed slots are
        # read inside the lock, after the previous answer changed them.
        async with lock:
            for attempt in range(TRANSIENT_RETRIES + 1):
                try:
                    answer = await self._answer_once(message_id)
                    break
                except CONNECTION_LOST as error:
                    # PostgreSQL away or no pooled connection free in time (a host flooded
                    # with messages): try again soon, still holding the conversation's turn.
                    if attempt == TRANSIENT_RETRIES:
                        raise
                    delay = min(RETRY_MAX_S, RETRY_FIRST_S * 2**attempt)
                    logger.warning(
                        "tenant %s: answering %s failed (%r), again in %.1f s",
                        self._core.tenant_id,
                        message_id,
                        error,
                        delay,
                    )
                    await asyncio.sleep(delay)
        if answer is not None and self._observer is not None:
            self._observer.answered(answer.reply.decision.intent, answer.reply.engine)

    async def _answer_once(self, message_id: UUID) -> ChatAnswer | None:
        """Answer the message if it still waits; None when there was nothing to say."""
        core = self._core
        found = await core.read(
            partial(chat_queries.pending_inbound, tenant_id=core.tenant_id, message_id=message_id)
        )
        if not found:
            return None
        inbound = found[0]
        if inbound.held(core.now()):
            await self._hold(inbound)
            return None
        inbound = await self._transcribed(inbound)
        reading = await self._read(inbound)
        # Decided under the salon's lock on the agenda as it is now: the slot the client
        # picks may have been taken while Gemini was thinking.
        return await self._decided(partial(self._store_answer, inbound, reading))

    async def _store_answer(self, inbound: InboundMessage, reading: Reading) -> ChatAnswer | None:
        core = self._core
        answer = answer_message(core.agenda, inbound, reading, now=core.now(), new_id=core.new_id)
        try:
            await core.commit(
                answer.outcome,
                store=partial(
                    chat_queries.store_reply, tenant_id=core.tenant_id, reply=answer.reply
                ),
            )
        except AlreadyAnsweredError:
            return None  # answered already (a repeat after a restart): say nothing twice
        return answer

    async def _hold(self, inbound: InboundMessage) -> None:
        """A person of the salon has the conversation: the message stays for them, unanswered
        (the salon saw it arrive as `message_received`)."""
        core = self._core
        async with core.lock:
            try:
                await core.commit(
                    Outcome(result=None),
                    store=partial(
                        chat_queries.hold_inbound,
                        tenant_id=core.tenant_id,
                        message_id=inbound.message_id,
                    ),
                )
            except AlreadyAnsweredError:
                return

    async def resume_conversation(self, command: ResumeConversation) -> ConversationAgent:
        """The salon gives the conversation back: the agent answers its next messages."""
        core = self._core
        async with core.lock:
            client_id = await self._conversation_client(command.conversation_id)
            return await core.commit(
                chat_desk.resumed(command, client_id=client_id),
                store=partial(
                    chat_queries.pause_conversation,
                    tenant_id=core.tenant_id,
                    conversation_id=command.conversation_id,
                    until=None,
                    reason=None,
                ),
            )

    async def _conversation_client(self, conversation_id: UUID) -> UUID:
        core = self._core
        client_id = await core.read(
            partial(
                chat_queries.conversation_client,
                tenant_id=core.tenant_id,
                conversation_id=conversation_id,
            )
        )
        if client_id is None:
            raise NotFoundError(f"conversation {conversation_id} not found")
        return client_id

    async def _transcribed(self, inbound: InboundMessage) -> InboundMessage:
        """A voice note with its transcript, when the salon asks for transcription, Gemini is
        configured and n8n sent the audio (outside the salon's lock: Gemini may be slow);
        otherwise as it is (the agent then asks for text)."""
        core = self._core
        wanted = inbound.kind == "audio" and inbound.transcript is None
        if not wanted or self._llm is None or not core.agenda.settings.transcribe_voice:
            return inbound
        audio = await core.read(
            partial(
                chat_queries.voice_note, tenant_id=core.tenant_id, message_id=inbound.message_id
            )
        )
        if audio is None:
            return inbound
        started = monotonic()
        try:
            heard = await self._llm.generate(
                TRANSCRIBE_PROMPT, Transcript, media=(Media(mime_type=audio[1], data=audio[0]),)
            )
        except LanguageModelError as error:
            logger.warning("tenant %s: transcription failed (%s)", core.tenant_id, error)
            self._report_llm(monotonic() - started, error.kind)
            return inbound
        self._report_llm(monotonic() - started, None)
        return replace(inbound, transcript=heard.text.strip() or None)

    async def _read(self, inbound: InboundMessage) -> Reading:
        """The rules' reading, and Gemini's merged with it when Gemini is configured and answers."""
        agenda, now = self._core.agenda, self._core.now()
        services = list(agenda.services.values())
        professionals = list(agenda.professionals.values())
        context = chat_context(agenda, inbound, now)
        rules = understand(
            inbound.text, services=services, professionals=professionals, today=context.today
        )
        if self._llm is None or not inbound.text:
            return Reading(rules, "rules")
        history = await self._core.read(
            partial(
                chat_queries.recent_turns,
                tenant_id=self._core.tenant_id,
                message_id=inbound.message_id,
                limit=HISTORY_TURNS,
            )
        )
        offer = context.open_offer
        prompt = chat_prompt(
            salon=context.salon_name,
            today=context.today,
            services=services,
            professionals=professionals,
            proposed=[slot_label(p, context) for p in context.proposed],
            client=context.client_first_name,
            message=inbound.text,
            profile=profile_lines(context.profile, context.hours),
            bookings=[visit_label(v, context) for v in context.bookings],
            offer=None if offer is None else f"{offer.service_name} {slot_label(offer, context)}",
            history=history,
            closed=context.closed_days,
        )
        started = monotonic()
        try:
            reading = await self._llm.generate(prompt, LlmReading, system=SYSTEM_PROMPT)
        except LanguageModelError as error:
            logger.warning("tenant %s: Gemini failed (%s); rules answer", agenda.tenant.id, error)
            self._report_llm(monotonic() - started, error.kind)
            return Reading(rules, "rules")
        self._report_llm(monotonic() - started, None)
        named = resolve_names(
            reading.service,
            reading.professional,
            services=services,
            professionals=professionals,
        )
        return Reading(from_reading(reading, rules, named=named), "gemini", reading.reply)

    def _report_llm(self, seconds: float, failure: str | None) -> None:
        if self._observer is not None:
            self._observer.llm_called(seconds, failure=failure)

    async def send_owner_message(self, command: SendOwnerMessage) -> OwnerMessageResult:
        # The message's id comes from the command's: a repeat (a client retry, the directory's
        # retry after a dead host) finds it stored and sends nothing again.
        core = self._core
        message_id = chat_desk.owner_message_id(core.tenant_id, command.sent_by, command.command_id)
        async with core.lock:
            stored = await self._stored_message(message_id)
            if stored is not None:
                return chat_desk.repeated_owner_message(command, message_id, stored)
            client_id = await self._conversation_client(command.conversation_id)
            client = core.agenda.clients.get(client_id)
            paused_until = core.now() + timedelta(hours=core.agenda.settings.handoff_resume_h)
            outcome = chat_desk.owner_message(
                command,
                message_id=message_id,
                client_id=client_id,
                client_name=client.name if client is not None else "",
                salon_name=core.agenda.tenant.name,
                paused_until=paused_until,
                new_id=core.new_id,
            )
            try:
                return await core.commit(
                    outcome,
                    store=partial(
                        chat_queries.store_owner_message,
                        tenant_id=core.tenant_id,
                        command=command,
                        message_id=message_id,
                        at=core.now(),
                        paused_until=paused_until,
                    ),
                )
            except asyncpg.UniqueViolationError:
                # Another process of this salon stored the same command meanwhile (a host moving).
                stored = await self._stored_message(message_id)
                if stored is None:
                    raise
                return chat_desk.repeated_owner_message(command, message_id, stored)

    async def _stored_message(self, message_id: UUID) -> chat_desk.StoredMessage | None:
        return await self._core.read(
            partial(
                chat_queries.find_message, tenant_id=self._core.tenant_id, message_id=message_id
            )
        )
