"""What `/ws/sync` sends: the tenant's events plus two control messages, one union on `event_type`.

Control messages share the envelope's keys (with `event_id` null) so a client handles all with one
switch. The React kit's TypeScript types are generated from `SOCKET_MESSAGE_ADAPTER`'s JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, Field, TypeAdapter

from domain.events import STRICT_OUTPUT, Event


class _Control(BaseModel):
    model_config = STRICT_OUTPUT

    event_id: None = None
    tenant_id: UUID


class SyncStartedData(BaseModel):
    model_config = STRICT_OUTPUT

    last_event_id: int = Field(ge=0, description="resume from here after a drop")


class SyncStarted(_Control):
    """The replay is over: from now on events arrive live."""

    event_type: Literal["sync_started"] = "sync_started"
    data: SyncStartedData


class ResyncRequiredData(BaseModel):
    model_config = STRICT_OUTPUT

    last_event_id: int = Field(ge=0, description="the id the client asked to resume from")
    latest_event_id: int = Field(ge=0, description="refetch with REST, then resume from here")


class ResyncRequired(_Control):
    """The client's `last_event_id` is older than the stream keeps (or ahead of it)."""

    event_type: Literal["resync_required"] = "resync_required"
    data: ResyncRequiredData


SocketMessage = Annotated[Event | SyncStarted | ResyncRequired, Field(discriminator="event_type")]
SOCKET_MESSAGE_ADAPTER: TypeAdapter[SocketMessage] = TypeAdapter(SocketMessage)


def sync_started(tenant_id: UUID, *, last_event_id: int) -> str:
    message = SyncStarted(tenant_id=tenant_id, data=SyncStartedData(last_event_id=last_event_id))
    return message.model_dump_json()


def resync_required(tenant_id: UUID, *, last_event_id: int, latest_event_id: int) -> str:
    data = ResyncRequiredData(last_event_id=last_event_id, latest_event_id=latest_event_id)
    return ResyncRequired(tenant_id=tenant_id, data=data).model_dump_json()
