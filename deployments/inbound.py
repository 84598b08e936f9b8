"""A client's WhatsApp message as n8n delivers it: its body, the salon command it becomes, and its
delivery to the salon — shared by the webhook and by the spool that keeps messages arriving
during an outage (`deployments/inbound_spool.py`)."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Literal, Protocol
from uuid import UUID

import asyncpg
from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from actors.directory import TenantDirectory
from actors.errors import TenantUnavailableError
from db.read.agenda import get_tenant
from deployments.errors import STORE_UNAVAILABLE
from deployments.inbound_spool import Handler, StillUnavailableError
from domain.commands import MessageAccepted, ReceiveMessage
from domain.models import FIRST_DAY, LAST_DAY, in_calendar

# PostgreSQL, Redis or the salon's agenda out of reach: the message waits in the spool.
OUTAGE: tuple[type[Exception], ...] = (*STORE_UNAVAILABLE, TenantUnavailableError)

# 2 MiB of audio as base64 (a WhatsApp voice note of several minutes).
MAX_AUDIO_BASE64 = 4 * (2 * 1024 * 1024 // 3 + 1)


class LocationBody(BaseModel):
    """A location the client shared (WhatsApp's `location` message)."""

    model_config = ConfigDict(extra="ignore")

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    name: str | None = Field(default=None, max_length=200)
    address: str | None = Field(default=None, max_length=500)


class MessageReceivedBody(BaseModel):
    """The seed's body, plus the WhatsApp `message_id` n8n should pass along, and what a message
    that is not text carries: its WhatsApp type (`kind`), the media id, the caption as `message`,
    the shared location; for a voice note, its bytes (base64) when n8n downloaded them."""

    model_config = ConfigDict(extra="ignore")

    tenant_id: UUID
    client_id: UUID | None = None  # n8n's guess; the salon finds the client by phone
    client_name: str = Field(default="", max_length=200)
    phone: str = Field(min_length=8, max_length=40)
    # The text; for media, its caption ("" when none). Required for a text message.
    message: str = Field(default="", max_length=4096)
    channel: Literal["whatsapp"] = "whatsapp"
    timestamp: AwareDatetime

    @field_validator("timestamp")
    @classmethod
    def _plausible(cls, value: datetime) -> datetime:
        if not in_calendar(value.date()):
            raise ValueError(f"a WhatsApp message's time is between {FIRST_DAY} and {LAST_DAY}")
        return value

    message_id: str | None = Field(default=None, max_length=200)
    # WhatsApp's message type: text, audio, image, video, sticker, location, document,
    # contacts, or any other type as WhatsApp names it (kept and flagged to the salon).
    kind: str = Field(default="text", pattern=r"^[a-z_]{1,32}$")
    media_id: str | None = Field(default=None, max_length=200)
    mime_type: str | None = Field(default=None, max_length=100)
    filename: str | None = Field(default=None, max_length=255)
    location: LocationBody | None = None
    # A voice note's audio, base64, for the salon's transcription setting (at most 2 MiB).
    media_base64: str | None = Field(default=None, max_length=MAX_AUDIO_BASE64)

    def audio(self) -> bytes | None:
        return None if self.media_base64 is None else base64.b64decode(self.media_base64)

    @field_validator("media_base64")
    @classmethod
    def _is_base64(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                base64.b64decode(value, validate=True)
            except binascii.Error:
                raise ValueError("media_base64 is not valid base64") from None
        return value

    @model_validator(mode="after")
    def _complete(self) -> MessageReceivedBody:
        if self.kind == "text" and not self.message.strip():
            raise ValueError("a text message needs a non-empty `message`")
        if self.media_base64 is not None and self.kind != "audio":
            raise ValueError("`media_base64` is only taken for an audio message")
        if self.kind == "location" and self.location is None:
            raise ValueError("a location message needs `location`")
        return self


def to_command(body: MessageReceivedBody, webhook_id: str | None) -> ReceiveMessage:
    return ReceiveMessage(
        client_name=body.client_name,
        phone=body.phone,
        message=body.message,
        channel=body.channel,
        sent_at=body.timestamp,
        external_id=body.message_id,
        webhook_id=webhook_id,
        kind=body.kind,
        media_id=body.media_id,
        mime_type=body.mime_type,
        filename=body.filename,
        location=None if body.location is None else body.location.model_dump(),
        audio=body.audio(),
    )


async def deliver(
    pool: asyncpg.Pool,
    directory: TenantDirectory,
    tenant_id: UUID,
    command: ReceiveMessage,
    *,
    salon_found: bool = False,
) -> MessageAccepted:
    """Hand the message to its salon. An unknown salon is a 404 here, before any salon actor
    (a process) is started for it (`salon_found`: the caller just read it in PostgreSQL)."""
    if not salon_found:
        async with pool.acquire() as conn:
            await get_tenant(conn, tenant_id=tenant_id)
    return await directory.send(tenant_id, command)


class Stores(Protocol):
    """Where a message goes: the replica's pool and tenant directory, read at each delivery."""

    pool: asyncpg.Pool
    directory: TenantDirectory


def spool_handler(stores: Stores) -> Handler:
    """What the spool does with a kept message: the same delivery, once the stores are back."""

    async def handle(item: dict[str, object]) -> None:
        body = MessageReceivedBody.model_validate_json(str(item["body"]))
        webhook_id = item.get("webhook_id")
        command = to_command(body, webhook_id if isinstance(webhook_id, str) else None)
        try:
            await deliver(stores.pool, stores.directory, body.tenant_id, command)
        except OUTAGE as error:
            raise StillUnavailableError(type(error).__name__) from None

    return handle
