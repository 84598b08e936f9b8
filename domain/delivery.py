"""Deliveries of WhatsApp messages, pure: what the sender decides after one attempt (delivered,
retry later with backoff, or give up), and what the salon records of a final outcome.

The attempt's result, the attempt count, `now` and a random fraction come in as arguments.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal
from uuid import UUID

from domain.agenda import AgendaChange, ConsentChange
from domain.commands import DeliveriesRecorded, DeliveryOutcome, RecordDeliveries
from domain.events import (
    ClientOptedOutData,
    EventData,
    NotificationDeferredData,
    NotificationFailedData,
    NotificationSentData,
)
from domain.outcome import Outcome
from domain.vocabulary import MessageKind, SentAs

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
    """`sent` and `failed` are final (reported through the salon's actor); `retry` is not.

    `reason` says why in words the owner reads; `opt_out`: the client stopped the salon's
    marketing on WhatsApp itself; `deferred`: held a day by Meta's marketing limit (the owner is
    told now, not only when it finally leaves or fails).
    """

    action: Literal["sent", "retry", "failed"]
    retry_at: datetime | None = None
    reason: str | None = None
    opt_out: bool = False
    deferred: bool = False
    as_template: bool = False  # every further attempt is the template


# Meta's error codes (WhatsApp Cloud API) the sender understands.
OUTSIDE_WINDOW = 131047  # free text more than 24 h after the client's last message
MARKETING_LIMIT = 131049  # Meta withheld a marketing message (per-user limit): wait ≥ 24 h
STOPPED_MARKETING = 131050  # the client stopped this number's marketing messages
UNDELIVERABLE = {
    131026: "WhatsApp could not deliver to this number (131026)",
    131021: "the recipient is the salon's own number (131021)",
    131030: "this number is not on the test number's allowed list (131030)",
}
TEMPLATE_REFUSED = frozenset({132000, 132001, 132005, 132007, 132012, 132015, 132016, 132068})
THROTTLED = frozenset({130429, 131048, 131056, 80007, 4})  # throughput and spam-rate limits
MARKETING_LIMIT_WAIT = timedelta(hours=24)
STOPPED_ON_WHATSAPP = "stopped the salon's marketing messages on WhatsApp (131050)"
THROTTLE_FLOOR_S = 60.0  # a throughput refusal waits at least this long, doubling per attempt


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


WINDOW = timedelta(hours=24)
# Free text only while the window stays open a while longer: it must reach Meta inside it.
WINDOW_MARGIN = timedelta(minutes=10)


def send_form(
    *, last_inbound_at: datetime | None, now: datetime, template_only: bool = False
) -> SentAs:
    """Free text inside the client's 24 h window, a template outside it or once WhatsApp
    refused the text."""
    if template_only or last_inbound_at is None:
        return "template"
    return "text" if now < last_inbound_at + WINDOW - WINDOW_MARGIN else "template"


def decide_after_attempt(
    result: SendResult,
    *,
    attempts: int,
    policy: RetryPolicy,
    now: datetime,
    jitter: float,
    error_code: int | None = None,
    sent_as: SentAs = "text",
    previous_code: int | None = None,
    refused: bool = False,
) -> Verdict:
    """`attempts` includes the attempt just made; `error_code` is Meta's answer to it and
    `previous_code` Meta's answer to the attempt before; `refused`: WhatsApp (not n8n) said no."""
    if result is SendResult.DELIVERED:
        return Verdict("sent")
    if refused and error_code is None and sent_as == "text" and attempts < policy.max_attempts:
        # n8n's WhatsApp node can lose Meta's code (a 400 read in a task runner): a template is
        # allowed in and out of the window, so the text goes again as one.
        return Verdict(
            "retry",
            retry_at=now,
            reason="WhatsApp refused the text without a code; sent again as its template",
            as_template=True,
        )
    if error_code is not None:
        understood = meta_verdict(error_code, sent_as=sent_as, previous_code=previous_code, now=now)
        if understood is not None:
            return understood
    if result is SendResult.PERMANENT or attempts >= policy.max_attempts:
        return Verdict("failed")
    delay_s = retry_delay_s(attempts, base_s=policy.base_s, cap_s=policy.cap_s, jitter=jitter)
    if error_code in THROTTLED:
        delay_s = max(delay_s, THROTTLE_FLOOR_S * 2.0 ** min(attempts - 1, 10))
    return Verdict("retry", retry_at=now + timedelta(seconds=delay_s))


def meta_verdict(
    code: int, *, sent_as: SentAs, previous_code: int | None, now: datetime
) -> Verdict | None:
    """What Meta's code decides on its own (None: retry or give up as for any failure)."""
    if code == OUTSIDE_WINDOW:
        if sent_as == "text":  # the window closed: the same message again, as its template
            return Verdict(
                "retry", retry_at=now, reason="outside the 24 h window (131047)", as_template=True
            )
        return Verdict("failed", reason="refused as outside the 24 h window (131047)")
    if code == STOPPED_MARKETING:
        return Verdict(
            "failed", reason="the client stopped marketing messages (131050)", opt_out=True
        )
    if code == MARKETING_LIMIT:
        if previous_code == MARKETING_LIMIT:
            return Verdict(
                "failed", reason="Meta's marketing limit for this client, twice (131049)"
            )
        return Verdict(
            "retry",
            retry_at=now + MARKETING_LIMIT_WAIT,
            reason="held by Meta's marketing limit for this client (131049); tried again in 24 h",
            deferred=True,
        )
    if code in UNDELIVERABLE:
        return Verdict("failed", reason=UNDELIVERABLE[code])
    if code in TEMPLATE_REFUSED:
        return Verdict("failed", reason=f"Meta refused the template or its values ({code})")
    return None


@dataclass(frozen=True)
class QueuedMessage:
    """An outbound message still waiting for its final outcome."""

    message_id: UUID
    client_id: UUID
    kind: MessageKind


def delivery_event(outcome: DeliveryOutcome, queued: QueuedMessage) -> EventData:
    if outcome.status == "sent":
        return NotificationSentData(
            message_id=outcome.message_id,
            client_id=queued.client_id,
            kind=queued.kind,
            sent_as=outcome.sent_as,
            template=outcome.template,
        )
    if outcome.status == "deferred" and outcome.retry_at and outcome.error_code:
        return NotificationDeferredData(
            message_id=outcome.message_id,
            client_id=queued.client_id,
            kind=queued.kind,
            reason=outcome.reason or "deferred",
            error_code=outcome.error_code,
            retry_at=outcome.retry_at,
        )
    return NotificationFailedData(
        message_id=outcome.message_id,
        client_id=queued.client_id,
        kind=queued.kind,
        reason=outcome.reason or outcome.status,
        attempts=outcome.attempts,
        error_code=outcome.error_code,
    )


def stopped_on_whatsapp(client_id: UUID) -> tuple[ClientOptedOutData, ConsentChange]:
    """A client who stopped the salon's marketing on WhatsApp (131050): the event and the
    consent revoked."""
    return (
        ClientOptedOutData(client_id=client_id, source="whatsapp"),
        ConsentChange(client_id, granted=False, source="whatsapp", text=STOPPED_ON_WHATSAPP),
    )


def record_deliveries(
    command: RecordDeliveries,
    queued: Sequence[QueuedMessage],
    *,
    opted_out: Collection[UUID] = frozenset(),
) -> Outcome[DeliveriesRecorded]:
    """Outcomes of the messages still queued (a repeat finds none: it records nothing); a client
    who stopped marketing on WhatsApp (and had not opted out here) is opted out."""
    by_id = {o.message_id: o for o in command.outcomes}
    events: list[EventData] = [delivery_event(by_id[q.message_id], q) for q in queued]
    stopped = sorted(
        {q.client_id for q in queued if by_id[q.message_id].opt_out} - set(opted_out), key=str
    )
    opt_outs = [stopped_on_whatsapp(c) for c in stopped]
    events.extend(event for event, _ in opt_outs)
    final = sum(1 for q in queued if by_id[q.message_id].status != "deferred")
    return Outcome(
        result=DeliveriesRecorded(recorded=final),
        events=tuple(events),
        change=AgendaChange(consents=tuple(consent for _, consent in opt_outs)),
    )
