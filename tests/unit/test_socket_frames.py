"""The socket protocol: every event plus two control messages, one union the kit is typed from."""

from __future__ import annotations

import json
import typing
from uuid import uuid4

from domain.events import EVENT_TYPES, Event
from domain.socket_frames import (
    SOCKET_MESSAGE_ADAPTER,
    ResyncRequired,
    SocketMessage,
    SyncStarted,
    resync_required,
    sync_started,
)


def literal_types(union: object) -> set[str]:
    """The `event_type` of every model in a (nested, Annotated) union."""
    if typing.get_origin(union) is typing.Annotated:
        return literal_types(typing.get_args(union)[0])
    members = typing.get_args(union)
    if not members:
        return {union.model_fields["event_type"].default}  # type: ignore[attr-defined]
    return set().union(*(literal_types(member) for member in members))


def test_every_event_type_can_travel_on_the_socket() -> None:
    # A new event added to domain/events.py but not here would reach clients untyped.
    assert literal_types(Event) == set(EVENT_TYPES.values())
    assert literal_types(SocketMessage) == set(EVENT_TYPES.values()) | {
        "sync_started",
        "resync_required",
    }


def test_sync_started_keeps_the_envelope_keys_with_a_null_event_id() -> None:
    tenant = uuid4()
    message = json.loads(sync_started(tenant, last_event_id=12))
    assert message == {
        "event_id": None,
        "event_type": "sync_started",
        "tenant_id": str(tenant),
        "data": {"last_event_id": 12},
    }
    assert isinstance(SOCKET_MESSAGE_ADAPTER.validate_python(message), SyncStarted)


def test_resync_required_names_both_ids() -> None:
    message = json.loads(resync_required(uuid4(), last_event_id=3, latest_event_id=40))
    parsed = SOCKET_MESSAGE_ADAPTER.validate_python(message)
    assert isinstance(parsed, ResyncRequired)
    assert (parsed.data.last_event_id, parsed.data.latest_event_id) == (3, 40)


def test_serialised_schema_marks_defaulted_fields_as_present() -> None:
    # Generated TypeScript then types `notes: string | null`, not `notes?: …`.
    schema = SOCKET_MESSAGE_ADAPTER.json_schema(mode="serialization")
    rejected = schema["$defs"]["AuthRequestRejectedData"]
    assert set(rejected["required"]) == {"auth_request_id", "notes"}
