"""`POST /api/v1/webhooks/n8n/message-received`: a client's WhatsApp message, via n8n.

Authenticated by a Standard Webhooks signature over the raw body (`webhook-id`,
`webhook-timestamp` no older than five minutes, `webhook-signature` with the deployment's n8n
secret) or by an owner/staff JWT of the same salon. It answers 202 as soon as the message is
stored; the agent's answer follows on the owner's socket and through the WhatsApp sender.
"""

from __future__ import annotations

import time
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from config.settings import Settings
from db.read.agenda import get_tenant
from deployments.auth import InvalidTokenError, decode_token
from deployments.resources import Deps
from domain.commands import ReceiveMessage
from integrations.webhook_signature import InvalidSignatureError, verify

router = APIRouter(prefix="/api/v1/webhooks/n8n", tags=["webhooks"])


class MessageReceivedBody(BaseModel):
    """The seed's body, plus the WhatsApp `message_id` n8n should pass along."""

    model_config = ConfigDict(extra="ignore")

    tenant_id: UUID
    client_id: UUID | None = None  # n8n's guess; the salon finds the client by phone
    client_name: str = Field(default="", max_length=200)
    phone: str = Field(min_length=8, max_length=40)
    message: str = Field(min_length=1, max_length=4096)
    channel: Literal["whatsapp"] = "whatsapp"
    timestamp: AwareDatetime
    message_id: str | None = Field(default=None, max_length=200)


class WebhookAccepted(BaseModel):
    status: Literal["accepted"] = "accepted"
    message_id: UUID
    conversation_id: UUID
    duplicate: bool


def authenticate(
    request: Request, body: bytes, settings: Settings
) -> tuple[str | None, UUID | None]:
    """(webhook id, None) for a signed delivery, (None, tenant) for a JWT; 401 otherwise."""
    if "webhook-signature" in request.headers:
        try:
            webhook_id = verify(
                settings.n8n_webhook_secret.get_secret_value(),
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
        return None, decode_token(settings, token).tenant_id
    except InvalidTokenError as error:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, f"invalid token: {error}") from None


@router.post(
    "/message-received",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookAccepted,
    responses={401: {"description": "unsigned, badly signed, stale or foreign token"}},
)
async def message_received(request: Request, deps: Deps) -> WebhookAccepted:
    raw = await request.body()
    webhook_id, token_tenant = authenticate(request, raw, deps.settings)
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
