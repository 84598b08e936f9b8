"""What the salon records of the WhatsApp sender's final outcomes: an event per message still
queued (sent, or failed with why and after how many attempts), and how many moved."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from domain.agenda import AgendaChange
from domain.commands import DeliveriesRecorded, DeliveryOutcome, RecordDeliveries
from domain.delivery import QueuedMessage, delivery_event, record_deliveries
from domain.events import NotificationFailedData, NotificationSentData, event_type_of


def queued(**overrides: Any) -> QueuedMessage:
    values: dict[str, Any] = {"message_id": uuid4(), "client_id": uuid4(), "kind": "marketing"}
    return QueuedMessage(**(values | overrides))


def outcome_for(message: QueuedMessage, **overrides: Any) -> DeliveryOutcome:
    values: dict[str, Any] = {"message_id": message.message_id, "status": "sent", "attempts": 1}
    return DeliveryOutcome(**(values | overrides))


def test_sent_message_becomes_notification_sent() -> None:
    message = queued(kind="transactional")
    event = delivery_event(outcome_for(message), message)
    assert event == NotificationSentData(
        message_id=message.message_id, client_id=message.client_id, kind="transactional"
    )


def test_failed_message_becomes_notification_failed_with_reason_and_attempts() -> None:
    message = queued()
    failed = outcome_for(message, status="failed", attempts=5, reason="n8n answered 503")
    assert delivery_event(failed, message) == NotificationFailedData(
        message_id=message.message_id,
        client_id=message.client_id,
        kind="marketing",
        reason="n8n answered 503",
        attempts=5,
    )


def test_skipped_message_becomes_notification_failed() -> None:
    message = queued()
    skipped = outcome_for(message, status="skipped", attempts=0, reason="client opted out")
    event = delivery_event(skipped, message)
    assert event_type_of(event) == "notification_failed"
    assert isinstance(event, NotificationFailedData)
    assert (event.reason, event.attempts) == ("client opted out", 0)


@pytest.mark.parametrize("status", ["failed", "skipped"])
def test_failure_without_a_reason_reports_its_status(status: str) -> None:
    message = queued()
    event = delivery_event(outcome_for(message, status=status, attempts=2), message)
    assert isinstance(event, NotificationFailedData)
    assert event.reason == status


def test_only_messages_still_queued_get_events_in_queue_order() -> None:
    first, second, already_recorded = queued(), queued(), queued()
    command = RecordDeliveries(
        outcomes=[
            outcome_for(already_recorded),
            outcome_for(second, status="failed", attempts=3, reason="número inválido"),
            outcome_for(first),
        ]
    )
    outcome = record_deliveries(command, [first, second])
    assert outcome.events == (
        NotificationSentData(
            message_id=first.message_id, client_id=first.client_id, kind="marketing"
        ),
        NotificationFailedData(
            message_id=second.message_id,
            client_id=second.client_id,
            kind="marketing",
            reason="número inválido",
            attempts=3,
        ),
    )


def test_result_counts_the_messages_recorded() -> None:
    messages = [queued(), queued()]
    command = RecordDeliveries(
        outcomes=[outcome_for(m) for m in messages] + [outcome_for(queued())]
    )
    outcome = record_deliveries(command, messages)
    assert outcome.result == DeliveriesRecorded(recorded=2)


def test_a_repeat_finds_nothing_queued_and_records_nothing() -> None:
    message = queued()
    outcome = record_deliveries(RecordDeliveries(outcomes=[outcome_for(message)]), [])
    assert (outcome.result, outcome.events) == (DeliveriesRecorded(recorded=0), ())


def test_recording_deliveries_sends_and_changes_nothing_else() -> None:
    message = queued()
    outcome = record_deliveries(RecordDeliveries(outcomes=[outcome_for(message)]), [message])
    assert outcome.messages == ()
    assert outcome.change == AgendaChange()
