"""WhatsApp's rules as Meta applies them, for the fake n8n: free text only within 24 h of the
client's last message (else 131047), templates only with the right number of values, and the
refusals chosen per number (131050 stopped marketing, 131049 per-user marketing limit, 131026
undeliverable), some of them only after accepting the message (`late_refusals`: a `failed`
status, as Meta's webhook reports it, in `statuses`). It counts what reached each client, as
text or as a template by category."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

WINDOW = timedelta(hours=24)


def now_utc() -> datetime:
    return datetime.now(UTC)


def recipient(body: dict[str, Any]) -> str:
    """As the workflow addresses a message: the WhatsApp id, else the phone without the +."""
    return str(body.get("whatsapp_id") or body["phone"].lstrip("+"))


@dataclass
class FakeWhatsApp:
    clock: Callable[[], datetime] = now_utc
    wrote_at: dict[str, datetime] = field(default_factory=dict)  # recipient → last message
    stopped_marketing: set[str] = field(default_factory=set)
    marketing_limited: Counter[str] = field(default_factory=Counter)  # refusals left per number
    undeliverable: set[str] = field(default_factory=set)
    template_values: dict[str, int] = field(default_factory=dict)  # approved name → value count
    texts: Counter[str] = field(default_factory=Counter)  # recipient → free texts delivered
    templates: Counter[str] = field(default_factory=Counter)  # category → templates delivered
    received: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    refusals: Counter[int] = field(default_factory=Counter)
    # n8n's WhatsApp node reading a 400 in a task runner loses Meta's code: answer null.
    codes_lost: bool = False
    # Recipient → codes Meta answers only after accepting a message, one per accepted message.
    late_refusals: dict[str, list[int]] = field(default_factory=dict)
    statuses: list[dict[str, Any]] = field(default_factory=list)  # Meta's `failed` statuses

    def client_wrote(self, to: str, at: datetime | None = None) -> None:
        self.wrote_at[to] = at or self.clock()

    def deliver(self, body: dict[str, Any], whatsapp_id: str = "") -> int | None:
        """Meta's error code for this message, or None when Meta accepts it (as `whatsapp_id`):
        it reaches the client unless a late refusal reports it `failed` afterwards."""
        code = self._refusal(body)
        if code is not None:
            self.refusals[code] += 1
            return code
        to = recipient(body)
        if self.late_refusals.get(to):
            late = self.late_refusals[to].pop(0)
            self.refusals[late] += 1
            self.statuses.append(failed_status(whatsapp_id, to, late, self.clock()))
            return None
        self.received[to].append(body)
        if body["send_as"] == "text":
            self.texts[to] += 1
        else:
            self.templates[body["template"]["category"]] += 1
        return None

    def _refusal(self, body: dict[str, Any]) -> int | None:
        to = recipient(body)
        if to in self.undeliverable:
            return 131026
        if body["send_as"] == "text":
            wrote = self.wrote_at.get(to)
            return None if wrote is not None and self.clock() < wrote + WINDOW else 131047
        template = body["template"]
        expected = self.template_values.get(template["name"])
        values = template["components"][0]["parameters"]
        if expected is not None and len(values) != expected:
            return 132000
        if template["category"] == "MARKETING":
            if to in self.stopped_marketing:
                return 131050
            if self.marketing_limited[to] > 0:
                self.marketing_limited[to] -= 1
                return 131049
        return None


def failed_status(whatsapp_id: str, to: str, code: int, at: datetime) -> dict[str, Any]:
    """A `failed` status as Meta's webhook carries it in `value.statuses[]`."""
    return {
        "id": whatsapp_id,
        "status": "failed",
        "timestamp": str(int(at.timestamp())),
        "recipient_id": to,
        "errors": [
            {
                "code": code,
                "title": f"Meta's refusal {code}",
                "message": f"Meta's refusal {code}",
                "error_data": {"details": "refused after it was accepted"},
            }
        ],
    }
