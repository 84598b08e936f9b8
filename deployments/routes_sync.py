"""The seed's sync endpoints: pending auth requests and the owner's decision."""

from __future__ import annotations

import base64
import math
import time
from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import TypeAdapter

from db.read.agenda import pending_auth_requests_json
from deployments.auth import CurrentUser, OwnerUser
from deployments.errors import status_for_code
from deployments.resources import Deps
from deployments.schemas import (
    AuthRequestOut,
    BatchDecisionOut,
    ConfirmAuthRequestBody,
    ConfirmAuthRequestResponse,
    ConfirmAuthRequestsBody,
    ConfirmAuthRequestsResponse,
    PendingAuthRequests,
    SocketTicket,
)
from domain.commands import DecideAuthRequest, DecideAuthRequests, DecisionItem

router = APIRouter(prefix="/api/v1/sync", tags=["sync"])


PAGE_MAX = 500
PAGE = TypeAdapter(list[AuthRequestOut])


def _cursor_of(request: AuthRequestOut) -> str:
    raw = f"{request.created_at.isoformat()}|{request.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _position(cursor: str) -> tuple[datetime, UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        created_at, request_id = raw.split("|")
        at = datetime.fromisoformat(created_at)
        if at.tzinfo is None:
            raise ValueError("naive")
        return at, UUID(request_id)
    except (ValueError, UnicodeDecodeError) as error:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, "cursor is not one this endpoint returned"
        ) from error


@router.get("/pending-auth-requests", response_model=PendingAuthRequests)
async def pending_auth_requests(
    user: CurrentUser,
    deps: Deps,
    limit: Annotated[int, Query(ge=1, le=PAGE_MAX)] = PAGE_MAX,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> PendingAuthRequests:
    """Oldest first, `limit` at a time; `next_cursor` asks for the rest."""
    after = None if cursor is None else _position(cursor)
    async with deps.pool.acquire() as conn:
        found = await pending_auth_requests_json(
            conn, tenant_id=user.tenant_id, limit=limit + 1, after=after
        )
    requests = PAGE.validate_json(found)
    page = requests[:limit]
    more = len(requests) > limit
    return PendingAuthRequests(data=page, next_cursor=_cursor_of(page[-1]) if more else None)


@router.post(
    "/confirm-auth-request/{request_id}",
    response_model=ConfirmAuthRequestResponse,
    responses={404: {"description": "unknown request"}, 409: {"description": "slot taken"}},
)
async def confirm_auth_request(
    request_id: UUID, body: ConfirmAuthRequestBody, user: OwnerUser, deps: Deps
) -> ConfirmAuthRequestResponse:
    command = DecideAuthRequest(
        request_id=request_id, decision=body.decision, decided_by=user.sub, notes=body.notes
    )
    result = await deps.directory.send(user.tenant_id, command)
    return ConfirmAuthRequestResponse.model_validate(result.model_dump())


@router.post(
    "/confirm-auth-requests",
    response_model=ConfirmAuthRequestsResponse,
    responses={422: {"description": "a malformed body: nothing decided"}},
)
async def confirm_auth_requests(
    body: ConfirmAuthRequestsBody, user: OwnerUser, deps: Deps
) -> ConfirmAuthRequestsResponse:
    """Decide many requests at once (up to 200), in order. Each is decided on its own: one
    refused (409 slot taken, offer closed, …) holds back no other and is reported with its code.
    The same batch again answers each decision as before (repeats are safe)."""
    command = DecideAuthRequests(
        decisions=[
            DecideAuthRequest(
                request_id=d.auth_request_id,
                decision=d.decision,
                decided_by=user.sub,
                notes=d.notes,
            )
            for d in body.decisions
        ]
    )
    decided = await deps.directory.send(user.tenant_id, command)
    items = [batch_item(item) for item in decided.items]
    done = [item.result for item in items if item.result is not None]
    return ConfirmAuthRequestsResponse(
        data=items,
        approved=sum(1 for r in done if r.decision == "approve" and r.appointment_id is not None),
        preapproved=sum(1 for r in done if r.preapproved),
        rejected=sum(1 for r in done if r.decision == "reject"),
        refused=len(items) - len(done),
    )


def batch_item(item: DecisionItem) -> BatchDecisionOut:
    if item.result is not None:
        result = ConfirmAuthRequestResponse.model_validate(item.result.model_dump())
        return BatchDecisionOut(
            auth_request_id=item.auth_request_id, status=200, code=None, detail=None, result=result
        )
    return BatchDecisionOut(
        auth_request_id=item.auth_request_id,
        status=status_for_code(item.code or ""),
        code=item.code,
        detail=item.detail,
        result=None,
    )


@router.post("/ws-ticket", response_model=SocketTicket)
async def socket_ticket(user: CurrentUser, deps: Deps) -> SocketTicket:
    """A one-use ticket to open `/ws/sync?tenant_id=…&ticket=…` without the token in the URL."""
    # Never valid past the token it stands for.
    ttl_s = max(1, min(deps.tickets.ttl_s, math.floor(user.exp - time.time())))
    ticket = await deps.tickets.issue(user.model_dump_json(), ttl_s=ttl_s)
    return SocketTicket(ticket=ticket, expires_in_s=ttl_s)
