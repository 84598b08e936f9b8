"""`POST /api/v1/webhooks/n8n/message-received`: a client's WhatsApp message, via n8n.

Authenticated by a Standard Webhooks signature over the raw body (`webhook-id`,
`webhook-timestamp` no older than five minutes, `webhook-signature` with the deployment's n8n
secret, or the salon's own). Outside production an owner's JWT of the same salon may post too (to
try the agent); never a staff token, and never in production: a client's words — an opt-out, a
consent — must come from WhatsApp, not from someone of the salon typing them. It answers 202 as
soon as the message is stored; the agent's answer follows on the owner's socket and through the
WhatsApp sender.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import time
from datetime import datetime
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from config.secret_box import SecretBox, SecretsKeyMissingError
from config.settings import Environment, Settings
from db.read.agenda import get_tenant
from db.read.salon_channel import sealed_webhook_secret
from deployments.auth import InvalidTokenError, decode_token
from deployments.resources import Deps, Resources
from domain.commands import ReceiveMessage
from domain.models import FIRST_DAY, LAST_DAY, Role, in_calendar
from integrations.webhook_signature import InvalidSignatureError, verify

# 2 MiB of audio as base64 (a WhatsApp voice note of several minutes).
MAX_AUDIO_BASE64 = 4 * (2 * 1024 * 1024 // 3 + 1)

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/webhooks/n8n", tags=["webhooks"])


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


class WebhookAccepted(BaseModel):
    status: Literal["accepted"] = "accepted"
    message_id: UUID
    conversation_id: UUID
    duplicate: bool


async def signing_secret(raw: bytes, deps: Resources) -> str:
    """The secret a delivery for the body's salon must be signed with: the salon's own when it
    has one (another salon's, or the deployment's, is then refused), else the deployment's. The
    body is read for its `tenant_id` only; nothing in it is trusted before the signature."""
    try:
        tenant_id = UUID(str(json.loads(raw)["tenant_id"]))
    except (ValueError, KeyError, TypeError):
        tenant_id = None
    if tenant_id is not None:
        async with deps.pool.acquire() as conn:
            sealed = await sealed_webhook_secret(conn, tenant_id=tenant_id)
        if sealed is not None:
            try:
                return SecretBox(deps.settings.secrets_key.get_secret_value()).open(sealed)
            except SecretsKeyMissingError:
                logger.error("tenant %s: its webhook secret cannot be read", tenant_id)
                raise HTTPException(status.HTTP_401_UNAUTHORIZED, "bad signature") from None
    return deps.settings.n8n_webhook_secret.get_secret_value()


def authenticate(
    request: Request, body: bytes, settings: Settings, secret: str
) -> tuple[str | None, UUID | None]:
    """(webhook id, None) for a signed delivery, (None, tenant) for a JWT; 401 otherwise."""
    if "webhook-signature" in request.headers:
        try:
            webhook_id = verify(
                secret,
                headers=dict(request.headers),
                body=body,
                now_s=int(time.time()),
            )
        except InvalidSignatureError as error:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, f"bad signature: {error}") from None
        return webhook_id, None
    authorization = request.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "signature or bearer token required")
    try:
        claims = decode_token(settings, token)
    except InvalidTokenError as error:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, f"invalid token: {error}") from None
    if settings.environment == Environment.PRODUCTION:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "a client's message must be signed")
    if claims.role != Role.OWNER:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only the salon owner can try the agent")
    return None, claims.tenant_id


@router.post(
    "/message-received",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookAccepted,
    responses={
        401: {"description": "unsigned, badly signed, stale, a token in production, foreign"},
        403: {"description": "a staff token (only the owner tries the agent, outside production)"},
    },
)
async def message_received(request: Request, deps: Deps) -> WebhookAccepted:
    raw = await request.body()
    secret = await signing_secret(raw, deps) if "webhook-signature" in request.headers else ""
    webhook_id, token_tenant = authenticate(request, raw, deps.settings, secret)
    try:
        body = MessageReceivedBody.model_validate_json(raw)
        command = ReceiveMessage(
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
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None
    if token_tenant is not None and token_tenant != body.tenant_id:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "token of another salon")
    # An unknown salon is a 404 here, before any salon actor (a process) is started for it.
    async with deps.pool.acquire() as conn:
        await get_tenant(conn, tenant_id=body.tenant_id)
    accepted = await deps.directory.send(body.tenant_id, command)
    return WebhookAccepted(
        message_id=accepted.message_id,
        conversation_id=accepted.conversation_id,
        duplicate=accepted.duplicate,
    )
