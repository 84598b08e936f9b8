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

import json
import logging
import time
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import (
    BaseModel,
    ValidationError,
)

from config import logs
from config.secret_box import SecretBox, SecretsKeyMissingError
from config.settings import Environment, Settings
from db.read.webhook_salon import find_webhook_salon
from deployments.auth import InvalidTokenError, TokenVerifier
from deployments.inbound import OUTAGE, MessageReceivedBody, deliver, to_command
from deployments.resources import Deps, Resources
from domain.models import Role
from integrations.webhook_signature import InvalidSignatureError, verify

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/webhooks/n8n", tags=["webhooks"])


class WebhookAccepted(BaseModel):
    """`queued`: PostgreSQL or the salon's agenda was out of reach; the message is kept and
    handed to the salon when it is back (its ids are not known yet)."""

    status: Literal["accepted"] = "accepted"
    message_id: UUID | None = None
    conversation_id: UUID | None = None
    duplicate: bool = False
    queued: bool = False


# The salons' own secrets this replica last read: with PostgreSQL away, a delivery is still
# checked with what its salon last had, so the message can be kept (the spool) rather than lost.
_LAST_KNOWN: dict[UUID, bytes | None] = {}
LAST_KNOWN_MAX = 100_000


async def signing_secret(raw: bytes, deps: Resources) -> str:
    """The secret a delivery for the body's salon must be signed with (`sender_secret`)."""
    secret, _ = await sender_secret(raw, deps)
    return secret


async def sender_secret(raw: bytes, deps: Resources) -> tuple[str, UUID | None]:
    """The secret a delivery for the body's salon must be signed with: the salon's own when it
    has one (another salon's, or the deployment's, is then refused), else the deployment's; and
    the salon PostgreSQL just answered exists, if it did (its delivery need not ask again). The
    body is read for its `tenant_id` only; nothing in it is trusted before the signature. With
    PostgreSQL away: what this replica last read for the salon, else the deployment's (which only
    our own n8n holds)."""
    try:
        tenant_id = UUID(str(json.loads(raw)["tenant_id"]))
    except (ValueError, KeyError, TypeError):
        tenant_id = None
    found = None
    if tenant_id is not None:
        try:
            async with deps.pool.acquire() as conn:
                salon = await find_webhook_salon(conn, tenant_id=tenant_id)
        except OUTAGE:
            sealed = _LAST_KNOWN.get(tenant_id)
        else:
            found = None if salon is None else tenant_id
            sealed = None if salon is None else salon.sealed_secret
            if len(_LAST_KNOWN) >= LAST_KNOWN_MAX:
                _LAST_KNOWN.clear()
            _LAST_KNOWN[tenant_id] = sealed
        if sealed is not None:
            try:
                return SecretBox(deps.settings.secrets_key.get_secret_value()).open(sealed), found
            except SecretsKeyMissingError:
                logger.error("tenant %s: its webhook secret cannot be read", tenant_id)
                raise HTTPException(status.HTTP_401_UNAUTHORIZED, "bad signature") from None
    return deps.settings.n8n_webhook_secret.get_secret_value(), found


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
    tokens: TokenVerifier = request.app.state.tokens
    try:
        claims = tokens.decode(token)
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
    secret, salon_found = "", None
    if "webhook-signature" in request.headers:
        secret, salon_found = await sender_secret(raw, deps)
    webhook_id, token_tenant = authenticate(request, raw, deps.settings, secret)
    try:
        body = MessageReceivedBody.model_validate_json(raw)
        command = to_command(body, webhook_id)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None
    if token_tenant is not None and token_tenant != body.tenant_id:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "token of another salon")
    logs.SALON.set(str(body.tenant_id))
    await request.app.state.rate_limits.hit("webhook", str(body.tenant_id))
    try:
        accepted = await deliver(
            deps.pool,
            deps.directory,
            body.tenant_id,
            command,
            salon_found=salon_found == body.tenant_id,  # read with its secret just now
        )
    except OUTAGE:
        if token_tenant is not None:
            raise  # the owner trying the agent is told to try again
        # n8n's retries last seconds, an outage may last minutes: keep it (a Redis failure here
        # is a 503: nothing acknowledged).
        await deps.spool.put({"body": raw.decode(), "webhook_id": webhook_id})
        logger.warning(
            "tenant %s: a store is unavailable; message kept in the spool", body.tenant_id
        )
        return WebhookAccepted(queued=True)
    return WebhookAccepted(
        message_id=accepted.message_id,
        conversation_id=accepted.conversation_id,
        duplicate=accepted.duplicate,
    )
