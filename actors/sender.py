"""The WhatsApp sender's logic without Ray: claim due messages, post them to n8n, report outcomes.

Each `step(now)` leases one batch (two senders never hold one row), skips marketing messages to
clients who opted out, sends the rest concurrently, schedules retries itself, and reports final
outcomes per salon through `record` — the salon's actor, which stores them with their events.
A final outcome the actor could not take leaves its row leased: after the lease it is claimed and
sent again under the same `Idempotency-Key`, which n8n drops as a repeat.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID

import asyncpg

from config.settings import Settings
from db import outbox
from db.outbox import ClaimedMessage, RetryPlan
from domain.commands import DeliveriesRecorded, DeliveryOutcome, RecordDeliveries
from domain.delivery import RetryPolicy, SendResult, decide_after_attempt
from integrations.n8n import N8nClient, SendOutcome, WhatsAppPayload

logger = logging.getLogger(__name__)

RecordPort = Callable[[UUID, RecordDeliveries], Awaitable[DeliveriesRecorded]]
MAX_OUTCOMES_PER_COMMAND = 1000  # RecordDeliveries refuses more
Final = tuple[ClaimedMessage, DeliveryOutcome]


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


def skipped_outcome(message: ClaimedMessage) -> DeliveryOutcome:
    return DeliveryOutcome(
        message_id=message.message_id,
        status="skipped",
        attempts=message.attempts,
        reason=message.skip_reason,
    )


def payload_of(message: ClaimedMessage) -> WhatsAppPayload:
    return WhatsAppPayload(
        message_id=message.message_id,
        tenant_id=message.tenant_id,
        client_id=message.client_id,
        client_name=message.client_name,
        phone=message.phone_e164,
        whatsapp_id=message.whatsapp_id,
        text=message.body,
        kind=message.kind,
        created_at=message.created_at,
    )


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
    ) -> None:
        self._settings = settings
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
        rounds = math.ceil(settings.sender_batch_size / settings.sender_concurrency)
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
        sendable = [m for m in batch if m.skip_reason is None]
        results = await asyncio.gather(*(self._send(m) for m in sendable))
        finals: list[Final] = [(m, skipped_outcome(m)) for m in batch if m.skip_reason]
        retries: list[RetryPlan] = []
        for message, result in zip(sendable, results, strict=True):
            judged = self._judge(message, result, now)
            if isinstance(judged, RetryPlan):
                retries.append(judged)
            else:
                finals.append((message, judged))
        await self._schedule(retries)
        unrecorded = await self._report(finals)
        return summarise(len(batch), finals, unrecorded, len(retries), sum(waiting.values()))

    def _judge(
        self, message: ClaimedMessage, result: SendOutcome, now: datetime
    ) -> DeliveryOutcome | RetryPlan:
        verdict = decide_after_attempt(
            result.result,
            attempts=message.attempts,
            policy=self._policy,
            now=now,
            jitter=self._random_fraction(),
        )
        if verdict.retry_at is not None:
            return RetryPlan(
                tenant_id=message.tenant_id,
                message_id=message.message_id,
                claimed_until=message.claimed_until,
                next_attempt_at=verdict.retry_at,
                error=result.detail,
            )
        if verdict.action == "sent":
            return DeliveryOutcome(
                message_id=message.message_id, status="sent", attempts=message.attempts
            )
        logger.warning(
            "tenant %s: message %s failed after %d attempts (%s)",
            message.tenant_id,
            message.message_id,
            message.attempts,
            result.detail,
        )
        return DeliveryOutcome(
            message_id=message.message_id,
            status="failed",
            attempts=message.attempts,
            reason=result.detail,
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
            )
            waiting = (
                {} if settings.n8n_outbound_url else await outbox.count_unroutable(conn, now=now)
            )
        return batch, waiting

    async def _send(self, message: ClaimedMessage) -> SendOutcome:
        if message.webhook_url is None:  # not claimed without a URL; kept for the type checker
            return SendOutcome(SendResult.RETRYABLE, "no webhook url")
        async with self._semaphore:
            outcome = await self._client.send(payload_of(message), url=message.webhook_url)
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
    claimed: int, finals: Sequence[Final], unrecorded: set[UUID], retried: int, waiting: int
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
    )
