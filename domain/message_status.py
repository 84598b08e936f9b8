"""A message WhatsApp accepted and later reported `failed` (a status on its webhook), pure.

Meta answers many refusals only after it took the message: the same code then means what it
would have meant at send time — a text outside the 24 h window goes again as its template
(131047), the per-client marketing limit waits a day once (131049), a client who stopped the
salon's marketing is opted out (131050), an undeliverable number fails with the reason — and a
throughput refusal is tried once more a minute later. Any other code fails the message with
Meta's words, so the owner always learns what became of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from domain.agenda import AgendaChange, ConsentChange
from domain.commands import MessageStatusRecorded
from domain.delivery import (
    THROTTLE_FLOOR_S,
    THROTTLED,
    Verdict,
    meta_verdict,
    stopped_on_whatsapp,
)
from domain.events import (
    EventData,
    NotificationDeferredData,
    NotificationFailedData,
)
from domain.outcome import Outcome
from domain.vocabulary import MessageKind, SentAs

MAX_TITLE = 200


@dataclass(frozen=True)
class SentMessage:
    """An outbound message WhatsApp accepted, found again by WhatsApp's id of it."""

    message_id: UUID
    client_id: UUID
    kind: MessageKind
    sent_as: SentAs
    attempts: int
    error_code: int | None  # Meta's code of an earlier refusal of this message


def late_verdict(
    sent: SentMessage, *, code: int | None, title: str | None, now: datetime
) -> Verdict:
    """What the reported failure decides: send again (when, and whether as the template) or
    give up with a reason the owner reads."""
    if code is not None:
        understood = meta_verdict(
            code, sent_as=sent.sent_as, previous_code=sent.error_code, now=now
        )
        if understood is not None:
            return understood
        if code in THROTTLED and sent.error_code != code:
            return Verdict(
                "retry",
                retry_at=now + timedelta(seconds=THROTTLE_FLOOR_S),
                reason=f"WhatsApp's sending limit ({code}); sent again in a minute",
            )
    said = (title or "").strip()[:MAX_TITLE]
    if code is None:
        return Verdict("failed", reason=f"WhatsApp did not deliver it: {said or 'no reason given'}")
    return Verdict(
        "failed", reason=f"WhatsApp did not deliver it ({code}{': ' if said else ''}{said})"
    )


def report_late_failure(
    sent: SentMessage, verdict: Verdict, *, code: int | None
) -> Outcome[MessageStatusRecorded]:
    """The events of a reported failure: `notification_deferred` when the message goes again,
    `notification_failed` when it does not (with the client's opt-out on 131050, always
    written: the client's word on WhatsApp is news even when the salon's memory agrees)."""
    reason = verdict.reason or "WhatsApp did not deliver it"
    common = {"message_id": sent.message_id, "client_id": sent.client_id, "kind": sent.kind}
    if verdict.retry_at is not None and code is not None:
        deferred = NotificationDeferredData(
            **common, reason=reason, error_code=code, retry_at=verdict.retry_at
        )
        return Outcome(
            result=MessageStatusRecorded(message_id=sent.message_id, outcome="retry"),
            events=(deferred,),
        )
    events: list[EventData] = [
        NotificationFailedData(**common, reason=reason, attempts=sent.attempts, error_code=code)
    ]
    consents: tuple[ConsentChange, ...] = ()
    if verdict.opt_out:
        opted_out, consent = stopped_on_whatsapp(sent.client_id)
        events.append(opted_out)
        consents = (consent,)
    return Outcome(
        result=MessageStatusRecorded(message_id=sent.message_id, outcome="failed"),
        events=tuple(events),
        change=AgendaChange(consents=consents),
    )
