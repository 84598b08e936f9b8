"""One envelope, one discriminated union: every event type parses, unknown ones do not."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest
from pydantic import ValidationError

from domain.events import (
    ENVELOPES,
    EVENT_TYPES,
    AppointmentCreated,
    AuthRequestRejected,
    parse_event,
)


def envelope(event_type: str, data: dict[str, object]) -> dict[str, object]:
    return {
        "event_id": 7,
        "event_type": event_type,
        "tenant_id": str(uuid4()),
        "occurred_at": datetime(2026, 3, 10, tzinfo=UTC).isoformat(),
        "data": data,
    }


def test_appointment_created_parses_to_its_type() -> None:
    data = {
        "appointment_id": str(uuid4()),
        "client_id": str(uuid4()),
        "professional_id": str(uuid4()),
        "service_id": str(uuid4()),
        "service_name": "Corte",
        "date": "2026-03-10",
        "time": "14:00",
        "starts_at": "2026-03-10T17:00:00Z",
        "ends_at": "2026-03-10T18:00:00Z",
    }
    assert isinstance(parse_event(envelope("appointment_created", data)), AppointmentCreated)


def test_rejected_parses_to_its_type() -> None:
    event = parse_event(envelope("auth_request_rejected", {"auth_request_id": str(uuid4())}))
    assert isinstance(event, AuthRequestRejected)


def test_unknown_event_type_is_refused() -> None:
    with pytest.raises(ValidationError):
        parse_event(envelope("something_else", {}))


def test_event_ids_start_at_one() -> None:
    raw = envelope("auth_request_rejected", {"auth_request_id": str(uuid4())}) | {"event_id": 0}
    with pytest.raises(ValidationError):
        parse_event(raw)


def test_every_event_type_is_named_once_and_maps_its_data() -> None:
    names = [envelope.model_fields["event_type"].default for envelope in ENVELOPES]
    assert len(names) == len(set(names)) == len(EVENT_TYPES)
    for envelope_type in ENVELOPES:
        data_type = envelope_type.model_fields["data"].annotation
        assert EVENT_TYPES[data_type] == envelope_type.model_fields["event_type"].default
