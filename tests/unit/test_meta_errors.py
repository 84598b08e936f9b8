"""WhatsApp's rules in the sender's decisions: free text only inside the client's 24 h window,
and what each of Meta's error codes makes of a message (resend as a template, opt the client out,
wait a day, give up with the reason, back off)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import httpx
import pytest

from domain.commands import DeliveryOutcome, RecordDeliveries
from domain.delivery import (
    QueuedMessage,
    RetryPolicy,
    SendResult,
    decide_after_attempt,
    record_deliveries,
    send_form,
)
from domain.events import ClientOptedOutData, NotificationDeferredData, NotificationFailedData
from integrations.n8n import meta_error_code

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
POLICY = RetryPolicy(max_attempts=6, base_s=1.0, cap_s=300.0)


def verdict(code: int | None, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "attempts": 1,
        "policy": POLICY,
        "now": NOW,
        "jitter": 0.0,
        "error_code": code,
        "sent_as": "text",
        "previous_code": None,
    }
    return decide_after_attempt(SendResult.RETRYABLE, **(values | overrides))


@pytest.mark.parametrize(
    ("wrote_h_ago", "form"),
    [(0.1, "text"), (23.5, "text"), (23.9, "template"), (30, "template"), (None, "template")],
)
def test_free_text_only_while_the_window_stays_open(wrote_h_ago: float | None, form: str) -> None:
    wrote = None if wrote_h_ago is None else NOW - timedelta(hours=wrote_h_ago)
    assert send_form(last_inbound_at=wrote, now=NOW) == form


def test_after_whatsapp_refused_the_text_the_template_goes() -> None:
    wrote = NOW - timedelta(hours=1)
    assert send_form(last_inbound_at=wrote, now=NOW, template_only=True) == "template"


def test_outside_the_window_the_text_is_resent_at_once_as_its_template() -> None:
    judged = verdict(131047)
    assert (judged.action, judged.retry_at, judged.as_template) == ("retry", NOW, True)


def test_a_text_whatsapp_refused_without_a_code_is_resent_as_its_template() -> None:
    judged = verdict(None, refused=True)
    assert (judged.action, judged.retry_at, judged.as_template) == ("retry", NOW, True)
    assert not verdict(None, refused=True, sent_as="template").as_template
    assert not verdict(None).as_template  # n8n itself failed: the same text again later


def test_a_template_refused_as_outside_the_window_fails() -> None:
    assert verdict(131047, sent_as="template").action == "failed"


def test_a_client_who_stopped_marketing_is_opted_out_and_never_retried() -> None:
    judged = verdict(131050, attempts=1)
    assert (judged.action, judged.opt_out) == ("failed", True)
    assert "131050" in judged.reason


def test_the_marketing_limit_waits_a_day_then_tries_once() -> None:
    first = verdict(131049)
    assert (first.action, first.retry_at, first.deferred) == (
        "retry",
        NOW + timedelta(hours=24),
        True,
    )
    again = verdict(131049, attempts=2, previous_code=131049)
    assert again.action == "failed" and "twice" in again.reason


@pytest.mark.parametrize("code", [131026, 131021, 131030])
def test_an_undeliverable_number_fails_with_the_reason(code: int) -> None:
    judged = verdict(code)
    assert judged.action == "failed" and str(code) in judged.reason


def test_a_refused_template_fails_with_the_reason() -> None:
    judged = verdict(132001)
    assert judged.action == "failed" and "template" in judged.reason


@pytest.mark.parametrize("code", [130429, 131048, 131056])
def test_throughput_limits_back_off_for_at_least_a_minute(code: int) -> None:
    first = verdict(code)
    third = verdict(code, attempts=3)
    assert first.action == "retry" and first.retry_at >= NOW + timedelta(seconds=60)
    assert third.retry_at >= NOW + timedelta(seconds=240)


def test_an_unknown_code_is_retried_like_any_failure() -> None:
    judged = verdict(1)
    assert judged.action == "retry" and judged.retry_at < NOW + timedelta(seconds=60)


def test_a_throttled_message_still_gives_up_after_the_last_attempt() -> None:
    assert verdict(130429, attempts=6).action == "failed"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b'{"status": "whatsapp_failed", "error": {"code": 131047, "message": "x"}}', 131047),
        (b'{"status": "whatsapp_failed", "error": {"code": null}}', None),
        (b'{"error": {"code": "131047"}}', None),
        (b'{"error": {"code": true}}', None),
        (b"<html>Bad gateway</html>", None),
        (b"[1, 2]", None),
    ],
)
def test_metas_code_is_read_from_the_workflows_answer(body: bytes, code: int | None) -> None:
    assert meta_error_code(httpx.Response(502, content=body)) == code


def queued(kind: str = "marketing") -> QueuedMessage:
    return QueuedMessage(uuid4(), uuid4(), kind)  # type: ignore[arg-type]


def test_a_stop_on_whatsapp_opts_the_client_out_once() -> None:
    first, second = queued(), queued()
    second = QueuedMessage(second.message_id, first.client_id, "marketing")
    outcomes = [
        DeliveryOutcome(
            message_id=m.message_id,
            status="failed",
            attempts=1,
            reason="stopped",
            error_code=131050,
            opt_out=True,
        )
        for m in (first, second)
    ]
    recorded = record_deliveries(RecordDeliveries(outcomes=outcomes), [first, second])
    opted = [e for e in recorded.events if isinstance(e, ClientOptedOutData)]
    assert opted == [ClientOptedOutData(client_id=first.client_id, source="whatsapp")]
    assert recorded.change.clients_opted_out == (first.client_id,)
    failed = [e for e in recorded.events if isinstance(e, NotificationFailedData)]
    assert [e.error_code for e in failed] == [131050, 131050]


def test_a_client_already_opted_out_is_not_opted_out_again() -> None:
    message = queued()
    outcome = DeliveryOutcome(
        message_id=message.message_id, status="failed", attempts=1, opt_out=True
    )
    recorded = record_deliveries(
        RecordDeliveries(outcomes=[outcome]), [message], opted_out={message.client_id}
    )
    assert recorded.change.clients_opted_out == ()


def test_a_deferred_message_is_told_but_not_counted_as_recorded() -> None:
    message = queued()
    retry_at = NOW + timedelta(hours=24)
    outcome = DeliveryOutcome(
        message_id=message.message_id,
        status="deferred",
        attempts=1,
        reason="held",
        error_code=131049,
        retry_at=retry_at,
    )
    recorded = record_deliveries(RecordDeliveries(outcomes=[outcome]), [message])
    assert recorded.result.recorded == 0
    assert recorded.events == (
        NotificationDeferredData(
            message_id=message.message_id,
            client_id=message.client_id,
            kind="marketing",
            reason="held",
            error_code=131049,
            retry_at=retry_at,
        ),
    )
