"""Deliveries of WhatsApp messages, pure: what the sender decides after one attempt (delivered,
retry later with backoff, or give up), and what the salon records of a final outcome.

The attempt's result, the attempt count, `now` and a random fraction come in as arguments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal
from uuid import UUID

from domain.commands import DeliveriesRecorded, DeliveryOutcome, RecordDeliveries
from domain.events import EventData, NotificationFailedData, NotificationSentData
from domain.outcome import Outcome
from domain.vocabulary import MessageKind

# Jitter removes up to this fraction of a delay, so retries of one burst spread out.
JITTER_FRACTION = 0.5
# 2**62 seconds is already far beyond any cap; larger exponents would only overflow.
MAX_EXPONENT = 62


class SendResult(StrEnum):
    """How n8n answered one attempt."""

    DELIVERED = "delivered"  # 2xx
    RETRYABLE = "retryable"  # 408, 429, 5xx, timeout, connection error or reset
    PERMANENT = "permanent"  # any other answer: retrying would not help


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int
    base_s: float
    cap_s: float


@dataclass(frozen=True)
class Verdict:
    """`sent` and `failed` are final (reported through the salon's actor); `retry` is not."""

    action: Literal["sent", "retry", "failed"]
    retry_at: datetime | None = None


def retry_delay_s(attempts: int, *, base_s: float, cap_s: float, jitter: float) -> float:
    """Seconds to wait after the `attempts`-th failed attempt.

    base * 2**(attempts-1), capped at `cap_s`, then shortened by up to half: `jitter` is a
    random fraction in [0, 1), so the delay lies in (capped / 2, capped].
    """
    if attempts < 1:
        raise ValueError("attempts counts from 1")
    if not 0.0 <= jitter < 1.0:
        raise ValueError("jitter is a fraction in [0, 1)")
    exponent = min(attempts - 1, MAX_EXPONENT)
    capped = min(cap_s, base_s * 2.0**exponent)
    return capped * (1.0 - JITTER_FRACTION * jitter)


def decide_after_attempt(
    result: SendResult,
    *,
    attempts: int,
    policy: RetryPolicy,
    now: datetime,
    jitter: float,
) -> Verdict:
    """`attempts` includes the attempt just made."""
    if result is SendResult.DELIVERED:
        return Verdict("sent")
    if result is SendResult.PERMANENT or attempts >= policy.max_attempts:
        return Verdict("failed")
    delay_s = retry_delay_s(attempts, base_s=policy.base_s, cap_s=policy.cap_s, jitter=jitter)
    return Verdict("retry", retry_at=now + timedelta(seconds=delay_s))


@dataclass(frozen=True)
class QueuedMessage:
    """An outbound message still waiting for its final outcome."""

    message_id: UUID
    client_id: UUID
    kind: MessageKind


def delivery_event(
    outcome: DeliveryOutcome, queued: QueuedMessage
) -> NotificationSentData | NotificationFailedData:
    if outcome.status == "sent":
        return NotificationSentData(
            message_id=outcome.message_id, client_id=queued.client_id, kind=queued.kind
        )
    return NotificationFailedData(
        message_id=outcome.message_id,
        client_id=queued.client_id,
        kind=queued.kind,
        reason=outcome.reason or outcome.status,
        attempts=outcome.attempts,
    )


def record_deliveries(
    command: RecordDeliveries, queued: Sequence[QueuedMessage]
) -> Outcome[DeliveriesRecorded]:
    """Final outcomes of the messages still queued (a repeat finds none: it records nothing)."""
    by_id = {o.message_id: o for o in command.outcomes}
    events: list[EventData] = [delivery_event(by_id[q.message_id], q) for q in queued]
    return Outcome(result=DeliveriesRecorded(recorded=len(queued)), events=tuple(events))
