"""What a `failed` status Meta reports after accepting a message decides: the same as the code at
send time (resend as the template, a day's wait once, opt-out, give up with the reason), a
throughput refusal once more a minute later, and Meta's own words for any other code."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.events import ClientOptedOutData, NotificationDeferredData, NotificationFailedData
from domain.message_status import SentMessage, late_verdict, report_late_failure
from integrations.n8n import accepted_whatsapp_id

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def sent(**overrides: Any) -> SentMessage:
    values: dict[str, Any] = {
        "message_id": uuid4(),
        "client_id": uuid4(),
        "kind": "marketing",
        "sent_as": "text",
        "attempts": 1,
        "error_code": None,
    }
    return SentMessage(**(values | overrides))


def test_a_text_outside_the_window_goes_again_at_once_as_its_template() -> None:
    verdict = late_verdict(sent(), code=131047, title="Re-engagement message", now=NOW)
    assert (verdict.action, verdict.retry_at, verdict.as_template) == ("retry", NOW, True)
    template = late_verdict(sent(sent_as="template"), code=131047, title=None, now=NOW)
    assert template.action == "failed"  # a template cannot be outside the window: Meta's error


def test_the_marketing_limit_waits_a_day_once() -> None:
    first = late_verdict(sent(), code=131049, title=None, now=NOW)
    assert (first.action, first.retry_at, first.deferred) == (
        "retry",
        NOW + timedelta(days=1),
        True,
    )
    second = late_verdict(sent(error_code=131049), code=131049, title=None, now=NOW)
    assert second.action == "failed" and "twice" in (second.reason or "")


@pytest.mark.parametrize("code", [130429, 131048, 131056])
def test_a_throughput_refusal_goes_again_once_a_minute_later(code: int) -> None:
    first = late_verdict(sent(), code=code, title=None, now=NOW)
    assert (first.action, first.retry_at) == ("retry", NOW + timedelta(minutes=1))
    assert late_verdict(sent(error_code=code), code=code, title=None, now=NOW).action == "failed"


def test_other_codes_fail_with_metas_words_and_no_code_says_so() -> None:
    other = late_verdict(sent(), code=131000, title="Something went wrong", now=NOW)
    assert (other.action, other.reason) == (
        "failed",
        "WhatsApp did not deliver it (131000: Something went wrong)",
    )
    long = late_verdict(sent(), code=131000, title="x" * 900, now=NOW)
    assert len(long.reason or "") < 300
    bare = late_verdict(sent(), code=None, title=None, now=NOW)
    assert bare.reason == "WhatsApp did not deliver it: no reason given"


def test_a_client_who_stopped_marketing_is_opted_out_with_the_failure() -> None:
    message = sent()
    verdict = late_verdict(message, code=131050, title=None, now=NOW)
    outcome = report_late_failure(message, verdict, code=131050)
    failed, opted_out = outcome.events
    assert isinstance(failed, NotificationFailedData) and failed.error_code == 131050
    assert opted_out == ClientOptedOutData(client_id=message.client_id, source="whatsapp")
    [consent] = outcome.change.consents
    assert (consent.client_id, consent.granted, consent.source) == (
        message.client_id,
        False,
        "whatsapp",
    )
    assert (outcome.result.message_id, outcome.result.outcome) == (message.message_id, "failed")


def test_a_message_sent_again_tells_the_owner_when() -> None:
    message = sent()
    verdict = late_verdict(message, code=131047, title=None, now=NOW)
    outcome = report_late_failure(message, verdict, code=131047)
    [deferred] = outcome.events
    assert isinstance(deferred, NotificationDeferredData)
    assert (deferred.error_code, deferred.retry_at) == (131047, NOW)
    assert outcome.change.consents == () and outcome.result.outcome == "retry"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (b'{"status": "sent", "whatsapp_message_id": "wamid.ABC"}', "wamid.ABC"),
        (b'{"status": "duplicate"}', None),
        (b'{"whatsapp_message_id": 12}', None),
        (b'{"whatsapp_message_id": "' + b"x" * 201 + b'"}', None),
        (b"not json", None),
        (b"[]", None),
    ],
)
def test_whatsapps_id_is_read_from_the_workflows_answer(
    answer: bytes, expected: str | None
) -> None:
    assert accepted_whatsapp_id(answer) == expected
