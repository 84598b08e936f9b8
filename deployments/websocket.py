"""`WS /ws/sync`: a tenant's events live, resumable with `last_event_id`.

States: CHECKING (a one-use ticket or the token, and the tenant, before accept: a refusal closes
the handshake) → REPLAYING (events after `last_event_id`, or `resync_required`; then
`sync_started` with the id the client now has) → LIVE (from the replica's shared feed, skipping
anything at or below the last id sent, so nothing arrives twice) → CLOSED.

Ids are dense per salon: what the stream lacks, in the replay or live (an event id that does not
follow the last one sent), is refilled from PostgreSQL first (`deployments/event_refill.py`), so
a client's ids always run on without a hole.
"""

from __future__ import annotations

import asyncio
import logging
import time
from uuid import UUID

import asyncpg
from fastapi import APIRouter, WebSocket, WebSocketDisconnect, status
from fastapi.responses import JSONResponse
from redis.exceptions import RedisError

from db.read.events import latest_event_id
from deployments.auth import CurrentUserClaims, InvalidTokenError, TokenVerifier
from deployments.event_refill import dense, refill
from deployments.live import Subscription
from deployments.rate_limits import RateLimitedError, RateLimits, limited_body
from deployments.resources import Resources
from domain.socket_frames import resync_required, sync_started
from integrations.event_stream import StreamedEvent

logger = logging.getLogger(__name__)
router = APIRouter()  # `/ws/sync` in an application that holds HTTP and sockets alike
# The same socket in the live application, which Serve mounts at `/ws` (serve_config.yaml): its
# routes are relative to that prefix. Sockets then never hold the HTTP replicas' budget.
live_router = APIRouter()
CLOSE_TRY_AGAIN = 1013


def _parse_ids(tenant_id: str | None, last_event_id: str | None) -> tuple[UUID, int | None]:
    if tenant_id is None:
        raise ValueError("tenant_id is required")
    after = None if last_event_id in (None, "") else int(last_event_id)
    if after is not None and after < 0:
        raise ValueError("last_event_id must be >= 0")
    return UUID(tenant_id), after


@router.websocket("/ws/sync")
@live_router.websocket("/sync")
async def sync_socket(websocket: WebSocket) -> None:
    resources: Resources = websocket.app.state.resources
    params = websocket.query_params
    try:
        # Credentials first: a ticket is spent even when the rest of the URL is refused.
        claims = await _authenticate(
            resources, websocket.app.state.tokens, params.get("ticket"), params.get("token")
        )
        tenant_id, after = _parse_ids(params.get("tenant_id"), params.get("last_event_id"))
    except (ValueError, InvalidTokenError):
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    except RedisError:
        # Not a refusal: say "try again" (a 403 would tell clients to give up).
        logger.warning("live socket: Redis unavailable while redeeming a ticket")
        await websocket.accept()
        await websocket.close(code=CLOSE_TRY_AGAIN, reason="try again")
        return
    if claims.tenant_id != tenant_id:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    limits: RateLimits = websocket.app.state.rate_limits
    try:
        async with limits.socket(tenant_id):
            await _serve(websocket, resources, tenant_id, after)
    except RateLimitedError as error:
        await _refuse_busy(websocket, error)


async def _refuse_busy(websocket: WebSocket, error: RateLimitedError) -> None:
    """429 with Retry-After on the handshake where the server can say it, else 1013."""
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        await websocket.send_denial_response(
            JSONResponse(
                limited_body(error),
                status_code=status.HTTP_429_TOO_MANY_REQUESTS,
                headers={"Retry-After": str(error.retry_after_s)},
            )
        )
        return
    await websocket.accept()
    await websocket.close(code=CLOSE_TRY_AGAIN, reason="too many sockets for this salon")


async def _serve(
    websocket: WebSocket, resources: Resources, tenant_id: UUID, after: int | None
) -> None:
    # Subscribe before accepting: once the client is connected, no new event can slip past it.
    subscription = await resources.hub.subscribe(tenant_id)
    try:
        await websocket.accept()
        last_sent = await _replay(websocket, resources, tenant_id, after)
        await websocket.send_text(sync_started(tenant_id, last_event_id=last_sent))
        await _stream_live(websocket, resources, subscription, last_sent)
    except WebSocketDisconnect:
        pass
    except (OSError, RedisError, asyncpg.PostgresError):
        # PostgreSQL or Redis away mid-replay: the client resumes from its last event id.
        logger.warning("tenant %s: live socket closed, a store is unavailable", tenant_id)
        await websocket.close(code=CLOSE_TRY_AGAIN, reason="resume with last_event_id")
    finally:
        resources.hub.unsubscribe(subscription)


async def _authenticate(
    resources: Resources, tokens: TokenVerifier, ticket: str | None, token: str | None
) -> CurrentUserClaims:
    """A one-use ticket (POST /api/v1/sync/ws-ticket) or, as the seed has it, the token itself."""
    if ticket:
        raw = await resources.tickets.redeem(ticket)
        if raw is None:
            raise InvalidTokenError("unknown, used or expired ticket")
        claims = CurrentUserClaims.model_validate_json(raw)
        if claims.exp <= time.time():  # the token it was issued for has expired since
            raise InvalidTokenError("the ticket's token has expired")
        return claims
    return tokens.decode(token or "")


async def _replay(
    websocket: WebSocket, resources: Resources, tenant_id: UUID, after: int | None
) -> int:
    """Send what the client missed; return the last event id it now has.

    A client without `last_event_id` starts from the newest event: `sync_started` tells it which,
    so it can resume from there after a drop.
    """
    async with resources.pool.acquire() as conn:
        latest = await latest_event_id(conn, tenant_id=tenant_id) or 0
    if after is None:
        return latest
    replay = await resources.stream.replay(tenant_id, after=after, latest=latest)
    events: list[StreamedEvent] | None = replay.events
    if replay.resync_required or not dense(replay.events, after=after):
        events = await refill(resources.pool, tenant_id, after=after, up_to=latest)
    if events is None:
        await websocket.send_text(
            resync_required(tenant_id, last_event_id=after, latest_event_id=latest)
        )
        return latest
    for event in events:
        await websocket.send_text(event.payload)
        after = event.event_id
    return after


async def _stream_live(
    websocket: WebSocket, resources: Resources, subscription: Subscription, last_sent: int
) -> None:
    receiver = asyncio.create_task(_drain_incoming(websocket))
    overflow = asyncio.create_task(subscription.overflowed.wait())
    try:
        while True:
            getter = asyncio.create_task(subscription.queue.get())
            done, _ = await asyncio.wait(
                {getter, receiver, overflow}, return_when=asyncio.FIRST_COMPLETED
            )
            if getter not in done:
                getter.cancel()
                if overflow in done:
                    await websocket.close(code=CLOSE_TRY_AGAIN, reason="resume with last_event_id")
                return
            event = getter.result()
            if event.event_id <= last_sent:
                continue  # already sent during replay
            if event.event_id > last_sent + 1:  # the stream skipped some: fill the hole first
                await _fill(websocket, resources, subscription.tenant_id, last_sent, event.event_id)
            await websocket.send_text(event.payload)
            last_sent = event.event_id
    finally:
        receiver.cancel()
        overflow.cancel()


async def _fill(
    websocket: WebSocket, resources: Resources, tenant_id: UUID, last_sent: int, next_id: int
) -> None:
    """Send the events between `last_sent` and `next_id` from PostgreSQL, or `resync_required`."""
    missing = await refill(resources.pool, tenant_id, after=last_sent, up_to=next_id - 1)
    logger.warning(
        "tenant %s: live stream skipped events %d..%d; %s",
        tenant_id,
        last_sent + 1,
        next_id - 1,
        "refilled from PostgreSQL" if missing is not None else "resync required",
    )
    if missing is None:
        frame = resync_required(tenant_id, last_event_id=last_sent, latest_event_id=next_id - 1)
        await websocket.send_text(frame)
        return
    for event in missing:
        await websocket.send_text(event.payload)


async def _drain_incoming(websocket: WebSocket) -> None:
    """Clients may send pings; reading also notices when they leave."""
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
    except (WebSocketDisconnect, RuntimeError):
        return
