"""The WhatsApp sender's logic without Ray: claim due messages, post them to n8n, report outcomes.

Each `step(now)` leases one batch (two senders never hold one row), skips marketing messages to
clients who opted out, sends the rest concurrently — each as free text inside the client's 24 h
window, else as its template — schedules retries itself (Meta's codes decide some: a closed
window resends as the template, the marketing limit waits a day), and reports outcomes per salon
through `record` — the salon's actor, which stores them with their events.
A final outcome the actor could not take leaves its row leased: after the lease it is claimed and
sent again under the same `Idempotency-Key`, which n8n drops as a repeat.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg

from actors.sender_channel import (
    BUDGET_BUSY,
    Route,
    budget_turn,
    held_plan,
    over_budget,
    route_of,
)
from config.secret_box import SecretBox
from config.settings import Settings
from db import outbox
from db.outbox import ClaimedMessage, RetryPlan
from db.read.salon_channel import clients_reached_by_salon
from domain.commands import DeliveriesRecorded, DeliveryOutcome, RecordDeliveries
from domain.delivery import RetryPolicy, SendResult, decide_after_attempt, send_form
from domain.vocabulary import SentAs
from domain.whatsapp_templates import TemplateDefinition, TemplateKey, resolve
from domain.whatsapp_texts import salon_message_text
from integrations.n8n import N8nClient, SendOutcome, TemplatePayload, WhatsAppPayload
from integrations.templates import load_templates

logger = logging.getLogger(__name__)

RecordPort = Callable[[UUID, RecordDeliveries], Awaitable[DeliveriesRecorded]]
MAX_OUTCOMES_PER_COMMAND = 1000  # RecordDeliveries refuses more
Final = tuple[ClaimedMessage, DeliveryOutcome]


DAY = timedelta(hours=24)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SenderStepResult:
    """What one step did; `sent` and `failed` count recorded outcomes by message kind."""

    claimed: int = 0
    sent: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    retried: int = 0
    unrecorded: int = 0
    waiting_for_url: int = 0
    sent_as: dict[str, int] = field(default_factory=dict)  # attempts WhatsApp took, text/template
    error_codes: dict[int, int] = field(default_factory=dict)  # Meta's refusals by code


def unsendable_outcome(message: ClaimedMessage, reason: str) -> DeliveryOutcome:
    return DeliveryOutcome(
        message_id=message.message_id, status="failed", attempts=message.attempts, reason=reason
    )


def skipped_outcome(message: ClaimedMessage) -> DeliveryOutcome:
    return DeliveryOutcome(
        message_id=message.message_id,
        status="skipped",
        attempts=message.attempts,
        reason=message.skip_reason,
    )


@dataclass(frozen=True)
class Attempt:
    """One message as it goes out this time: free text, or a template (`template` its name)."""

    payload: WhatsAppPayload
    sent_as: SentAs
    template: str | None = None
    route: Route = Route()


def attempt_of(
    message: ClaimedMessage, *, now: datetime, templates: Mapping[TemplateKey, TemplateDefinition]
) -> Attempt | str:
    """How the message leaves now, or why it cannot (a marketing message without a template)."""
    common: dict[str, Any] = {
        "message_id": message.message_id,
        "tenant_id": message.tenant_id,
        "client_id": message.client_id,
        "client_name": message.client_name,
        "phone": message.phone_e164,
        "whatsapp_id": message.whatsapp_id,
        "kind": message.kind,
        "created_at": message.created_at,
        "phone_number_id": message.channel.phone_number_id,
    }
    form = send_form(
        last_inbound_at=message.last_inbound_at, now=now, template_only=message.template_only
    )
    if form == "text":
        return Attempt(WhatsAppPayload(**common, send_as="text", text=message.body), "text")
    call = message.template
    if call is None:  # queued before templates: the salon's words inside its message template
        if message.kind == "marketing":
            return "outside the 24 h window and no template for this offer"
        call = salon_message_text(
            message.body, client_name=message.client_name, salon_name=message.salon_name
        ).template
    definition = resolve(call.key, templates, message.salon_templates)
    template = TemplatePayload(
        name=definition.name,
        language=definition.language,
        category=definition.category,
        components=definition.components(call),
    )
    payload = WhatsAppPayload(
        **common,
        send_as="template",
        template=template,
        marketing=definition.category == "MARKETING",
    )
    return Attempt(payload, "template", definition.name)


class SenderCore:
    def __init__(
        self,
        settings: Settings,
        *,
        pool: asyncpg.Pool,
        client: N8nClient,
        record: RecordPort,
        clock: Callable[[], datetime] = utc_now,
        random_fraction: Callable[[], float] = random.random,
        templates: Mapping[TemplateKey, TemplateDefinition] | None = None,
    ) -> None:
        self._settings = settings
        # Read at start: a missing or broken template stops the sender now, not at 09:00.
        self._templates = load_templates() if templates is None else templates
        self._box = SecretBox(settings.secrets_key.get_secret_value())
        self._channel_problems: set[tuple[UUID, str]] = set()
        self._pool = pool
        self._client = client
        self._record = record
        self._clock = clock
        self._random_fraction = random_fraction
        self._policy = RetryPolicy(
            max_attempts=settings.sender_max_attempts,
            base_s=settings.sender_backoff_base_s,
            cap_s=settings.sender_backoff_max_s,
        )
        self._semaphore = asyncio.Semaphore(settings.sender_concurrency)
        self._waiting_logged = 0
        # A step may wait one timeout for its turn at the budgets, then sends in rounds.
        rounds = 1 + math.ceil(settings.sender_batch_size / settings.sender_concurrency)
        if rounds * settings.sender_timeout_s >= settings.sender_lease_s:
            # A lease that ends mid-step lets another sender claim a row still in flight.
            logger.warning(
                "sender lease %.0fs is shorter than a slow batch", settings.sender_lease_s
            )

    async def tick(self) -> SenderStepResult:
        return await self.step(self._clock())

    async def step(self, now: datetime) -> SenderStepResult:
        batch, waiting = await self._claim(now)
        self._log_waiting(waiting)
        finals: list[Final] = [(m, skipped_outcome(m)) for m in batch if m.skip_reason]
        sendable: list[tuple[ClaimedMessage, Attempt]] = []
        retries: list[RetryPlan] = []
        for message in (m for m in batch if m.skip_reason is None):
            attempt = attempt_of(message, now=now, templates=self._templates)
            route = self._route(message)
            if isinstance(attempt, str):
                finals.append((message, unsendable_outcome(message, attempt)))
            elif isinstance(route, str):  # the salon's channel must be fixed: held, not failed
                retries.append(held_plan(message, now, reason=route))
            else:
                sendable.append((message, replace(attempt, route=route)))
        templates = [m for m, a in sendable if a.sent_as == "template"]
        wait_s = self._settings.sender_timeout_s  # about one other step's sending
        async with budget_turn(self._pool, needed=bool(templates), wait_s=wait_s) as counting:
            if counting:
                held = await self._over_budget(templates, now)
                retries.extend(held_plan(m, now) for m in templates if m.message_id in held)
            else:
                held = {m.message_id for m in templates}
                wait = timedelta(seconds=self._settings.sender_poll_interval_s)
                retries.extend(held_plan(m, now, BUDGET_BUSY, wait) for m in templates)
            sendable = [(m, a) for m, a in sendable if m.message_id not in held]
            results = await self._send_all(sendable, now, retries, finals)
            await self._schedule(retries)
            unrecorded = await self._report(finals)
        forms = Counter[str](a.sent_as for (_, a), r in zip(sendable, results, strict=True) if r.ok)
        codes = Counter(r.error_code for r in results if r.error_code is not None)
        return summarise(
            len(batch), finals, unrecorded, len(retries), sum(waiting.values()), forms, codes
        )

    async def _send_all(
        self,
        sendable: Sequence[tuple[ClaimedMessage, Attempt]],
        now: datetime,
        retries: list[RetryPlan],
        finals: list[Final],
    ) -> list[SendOutcome]:
        """Send each at once; what each result means goes to `retries` or `finals`."""
        results = await asyncio.gather(*(self._send(m, a) for m, a in sendable))
        for (message, attempt), result in zip(sendable, results, strict=True):
            judged = self._judge(message, attempt, result, now)
            if isinstance(judged, RetryPlan):
                retries.append(judged)
                if judged.deferred is not None:  # the owner hears of it now
                    finals.append((message, judged.deferred))
            else:
                finals.append((message, judged))
        return results

    def _route(self, message: ClaimedMessage) -> Route | str:
        """Through which n8n the message goes, or why the salon's channel cannot be used now
        (logged once per salon and reason: the operator or owner must fix it)."""
        route = route_of(
            message,
            box=self._box,
            client=self._client,
            url_problem=self._settings.outbound_url_problem,
        )
        if isinstance(route, str) and (message.tenant_id, route) not in self._channel_problems:
            self._channel_problems.add((message.tenant_id, route))
            logger.error("tenant %s: messages held: %s", message.tenant_id, route)
        return route

    async def _over_budget(self, templates: Sequence[ClaimedMessage], now: datetime) -> set[UUID]:
        async with self._pool.acquire() as conn:
            reached = await clients_reached_by_salon(
                conn, tenant_ids=sorted({m.tenant_id for m in templates}), since=now - DAY
            )
        return over_budget(templates, reached, default_quota=self._settings.whatsapp_daily_quota)

    def _judge(
        self, message: ClaimedMessage, attempt: Attempt, result: SendOutcome, now: datetime
    ) -> DeliveryOutcome | RetryPlan:
        verdict = decide_after_attempt(
            result.result,
            attempts=message.attempts,
            policy=self._policy,
            now=now,
            jitter=self._random_fraction(),
            error_code=result.error_code,
            sent_as=attempt.sent_as,
            previous_code=message.error_code,
            refused=result.refused,
        )
        reason = verdict.reason or result.detail
        if verdict.retry_at is not None:
            deferred = None
            if verdict.deferred:
                deferred = DeliveryOutcome(
                    message_id=message.message_id,
                    status="deferred",
                    attempts=message.attempts,
                    reason=reason,
                    error_code=result.error_code,
                    retry_at=verdict.retry_at,
                )
            return RetryPlan(
                tenant_id=message.tenant_id,
                message_id=message.message_id,
                claimed_until=message.claimed_until,
                next_attempt_at=verdict.retry_at,
                error=reason,
                error_code=result.error_code,
                template_only=verdict.as_template,
                deferred=deferred,
            )
        if verdict.action == "sent":
            return DeliveryOutcome(
                message_id=message.message_id,
                status="sent",
                attempts=message.attempts,
                sent_as=attempt.sent_as,
                template=attempt.template,
                whatsapp_message_id=result.whatsapp_message_id,
            )
        logger.warning(
            "tenant %s: message %s failed after %d attempts (%s)",
            message.tenant_id,
            message.message_id,
            message.attempts,
            reason,
        )
        return DeliveryOutcome(
            message_id=message.message_id,
            status="failed",
            attempts=message.attempts,
            reason=reason,
            sent_as=attempt.sent_as,
            template=attempt.template,
            error_code=result.error_code,
            opt_out=verdict.opt_out,
        )

    async def _claim(self, now: datetime) -> tuple[list[ClaimedMessage], dict[UUID, int]]:
        settings = self._settings
        async with self._pool.acquire() as conn:
            batch = await outbox.claim_due(
                conn,
                now=now,
                limit=settings.sender_batch_size,
                lease_s=settings.sender_lease_s,
                default_url=settings.n8n_outbound_url,
                window_start=settings.send_window_start,
                window_end=settings.send_window_end,
                require_consent=settings.require_marketing_consent,
            )
            waiting = (
                {} if settings.n8n_outbound_url else await outbox.count_unroutable(conn, now=now)
            )
        return batch, waiting

    async def _send(self, message: ClaimedMessage, attempt: Attempt) -> SendOutcome:
        if message.webhook_url is None:  # not claimed without a URL; kept for the type checker
            return SendOutcome(SendResult.RETRYABLE, "no webhook url")
        async with self._semaphore:
            outcome = await self._client.send(
                attempt.payload,
                url=message.webhook_url,
                signing=attempt.route.signing,
                key=message.idempotency_key,
            )
        if outcome.result is not SendResult.DELIVERED:
            logger.info(
                "tenant %s: message %s attempt %d: %s (%s)",
                message.tenant_id,
                message.message_id,
                message.attempts,
                outcome.result.value,
                outcome.detail,
            )
        return outcome

    async def _schedule(self, retries: Sequence[RetryPlan]) -> None:
        if retries:
            async with self._pool.acquire() as conn:
                await outbox.schedule_retries(conn, retries=retries)

    async def _report(self, finals: Sequence[Final]) -> set[UUID]:
        """Report final outcomes per salon, salons concurrently; return the ids not recorded."""
        by_tenant: dict[UUID, list[DeliveryOutcome]] = defaultdict(list)
        for message, outcome in finals:
            by_tenant[message.tenant_id].append(outcome)
        missed = await asyncio.gather(
            *(self._record_tenant(tenant_id, outcomes) for tenant_id, outcomes in by_tenant.items())
        )
        return {message_id for ids in missed for message_id in ids}

    async def _record_tenant(
        self, tenant_id: UUID, outcomes: Sequence[DeliveryOutcome]
    ) -> list[UUID]:
        missed: list[UUID] = []
        for start in range(0, len(outcomes), MAX_OUTCOMES_PER_COMMAND):
            chunk = list(outcomes[start : start + MAX_OUTCOMES_PER_COMMAND])
            try:
                await self._record(tenant_id, RecordDeliveries(outcomes=chunk))
            except Exception:  # one salon's actor being down never stops the others' reports
                logger.exception(
                    "tenant %s: recording %d delivery outcomes failed; resent after the lease",
                    tenant_id,
                    len(chunk),
                )
                missed.extend(o.message_id for o in chunk)
        return missed

    def _log_waiting(self, waiting: dict[UUID, int]) -> None:
        """One line when the number of messages without an n8n URL changes, not per message."""
        total = sum(waiting.values())
        if total == self._waiting_logged:
            return
        self._waiting_logged = total
        if total:
            tenants = sorted(str(t) for t in waiting)
            logger.warning(
                "%d due messages wait for an n8n URL (none in settings, none for the salon);"
                " tenants %s",
                total,
                ", ".join(tenants[:10]) + (" …" if len(tenants) > 10 else ""),
            )
        else:
            logger.info("no message waits for an n8n URL any more")


def summarise(
    claimed: int,
    finals: Sequence[Final],
    unrecorded: set[UUID],
    retried: int,
    waiting: int,
    forms: Counter[str],
    codes: Counter[int],
) -> SenderStepResult:
    recorded = [(m, o) for m, o in finals if o.message_id not in unrecorded]
    sent: Counter[str] = Counter(m.kind for m, o in recorded if o.status == "sent")
    failed: Counter[str] = Counter(m.kind for m, o in recorded if o.status == "failed")
    return SenderStepResult(
        claimed=claimed,
        sent=dict(sent),
        failed=dict(failed),
        skipped=sum(1 for _, o in recorded if o.status == "skipped"),
        retried=retried,
        unrecorded=len(unrecorded),
        waiting_for_url=waiting,
        sent_as=dict(forms),
        error_codes=dict(codes),
    )
