"""`POST /api/v1/webhooks/n8n/message-status`: WhatsApp's status of a message it accepted, via n8n.

Meta reports many refusals only after it took a message (a `failed` status on its webhook, with
the error's code). n8n's inbound workflow forwards those, one per request, signed like a client
message (Standard Webhooks; a salon's own secret when it has one). Only a signature is taken here,
never a token: no person of the salon reports WhatsApp's statuses. A `failed` status is handed to
the salon, which sends the message again or fails it as the same code would at send time; any
other status (sent, delivered, read) is acknowledged and changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, field_validator

from db.read.agenda import get_tenant
from deployments.resources import Deps
from deployments.routes_webhooks import authenticate, signing_secret
from domain.commands import ReportMessageStatus
from domain.models import FIRST_DAY, LAST_DAY, in_calendar

router = APIRouter(prefix="/api/v1/webhooks/n8n", tags=["webhooks"])


class StatusError(BaseModel):
    """One of Meta's `errors` of a failed status (`code`, `title`; the rest is not read)."""

    model_config = ConfigDict(extra="ignore")

    code: int | None = None
    title: str | None = Field(default=None, max_length=500)


class MessageStatusBody(BaseModel):
    """One status of WhatsApp's webhook (`statuses[]`), with the salon it belongs to."""

    model_config = ConfigDict(extra="ignore")

    kind: Literal["status"] = "status"  # what n8n's workflow tells a status from a message by
    tenant_id: UUID
    whatsapp_message_id: str = Field(min_length=1, max_length=200)  # Meta's `id` (wamid)
    status: str = Field(pattern=r"^[a-z_]{1,32}$")  # sent, delivered, read, failed, …
    timestamp: AwareDatetime
    errors: list[StatusError] = Field(default_factory=list, max_length=20)

    @field_validator("timestamp")
    @classmethod
    def _plausible(cls, value: datetime) -> datetime:
        if not in_calendar(value.date()):
            raise ValueError(f"a WhatsApp status's time is between {FIRST_DAY} and {LAST_DAY}")
        return value


class StatusAccepted(BaseModel):
    """`outcome`: `retry` (the message goes again), `failed`, or null when nothing changed (a
    status that is not a failure, a repeat, an id no sent message of the salon carries)."""

    status: Literal["accepted"] = "accepted"
    message_id: UUID | None = None
    outcome: Literal["failed", "retry"] | None = None


@router.post(
    "/message-status",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=StatusAccepted,
    responses={401: {"description": "unsigned, badly signed or stale"}},
)
async def message_status(request: Request, deps: Deps) -> StatusAccepted:
    raw = await request.body()
    if "webhook-signature" not in request.headers:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "a status report must be signed")
    authenticate(request, raw, deps.settings, await signing_secret(raw, deps))
    try:
        body = MessageStatusBody.model_validate_json(raw)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None
    await request.app.state.rate_limits.hit("webhook", str(body.tenant_id))
    if body.status != "failed":
        return StatusAccepted()
    async with deps.pool.acquire() as conn:  # an unknown salon: 404, and no actor started
        await get_tenant(conn, tenant_id=body.tenant_id)
    first = body.errors[0] if body.errors else StatusError()
    recorded = await deps.directory.send(
        body.tenant_id,
        ReportMessageStatus(
            whatsapp_message_id=body.whatsapp_message_id,
            error_code=first.code,
            error_title=first.title,
            failed_at=body.timestamp,
        ),
    )
    return StatusAccepted(message_id=recorded.message_id, outcome=recorded.outcome)
