"""The sender's view of each salon's own channel: which n8n a message goes to and how it is
signed (a salon's own n8n gets the salon's secret and token, never the deployment's, and only on
an allowed host), and the salon's daily budget of clients reached by templates — a message over
budget waits, without counting as an attempt, so one salon's campaign never uses another's; so
does a message whose salon channel cannot be used now (a host no longer allowed, a secret that
cannot be read), until it is fixed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

import asyncpg

from config.secret_box import SecretBox, SecretsKeyMissingError
from db.outbox import ClaimedMessage, RetryPlan
from domain.salon_channel import budget_in_force
from integrations.n8n import N8nClient, Signing

HOLD = timedelta(minutes=30)
OVER_BUDGET = "the salon's daily WhatsApp budget is used up; tried again later"
BUDGET_BUSY = "another sender step was counting the salons' budgets; tried again shortly"
# A PostgreSQL advisory lock: one step at a time, in all senders, counts the budgets.
BUDGET_LOCK_KEY = 0x41474E42
TURN_POLL_S = 0.05


@dataclass(frozen=True)
class Route:
    """Where a message goes: the deployment's n8n (`signing` None) or the salon's own."""

    signing: Signing | None = None


def route_of(
    message: ClaimedMessage,
    *,
    box: SecretBox,
    client: N8nClient,
    url_problem: Callable[[str], str | None],
) -> Route | str:
    """The message's route, or why it cannot go (a URL no longer allowed, a secret unreadable)."""
    channel = message.channel
    if not channel.salon_url:
        return Route()
    if message.webhook_url is None or url_problem(message.webhook_url):
        return "the salon's n8n URL is not allowed (AGENDA_OUTBOUND_URL_HOSTS)"
    if channel.webhook_secret_sealed is None:
        return "the salon's own n8n has no signing secret of its own"
    try:
        secret = box.open(channel.webhook_secret_sealed)
        token = None if channel.auth_token_sealed is None else box.open(channel.auth_token_sealed)
    except SecretsKeyMissingError as error:
        return str(error)
    return Route(client.salon_signing(secret, token))


def over_budget(
    templates: Sequence[ClaimedMessage], reached: dict[UUID, set[UUID]], *, default_quota: int
) -> set[UUID]:
    """The messages (ids) a template may not take now: each salon reaches at most its
    `daily_quota` (or the deployment's default) distinct clients per rolling 24 h; a client
    already reached costs nothing."""
    held: set[UUID] = set()
    for message in templates:
        quota = budget_in_force(message.channel.daily_quota, default_quota)
        seen = reached.setdefault(message.tenant_id, set())
        if message.client_id in seen:
            continue
        if len(seen) < quota:
            seen.add(message.client_id)
        else:
            held.add(message.message_id)
    return held


@asynccontextmanager
async def budget_turn(pool: asyncpg.Pool, *, needed: bool, wait_s: float) -> AsyncIterator[bool]:
    """Whether this step may count the salons' budgets (always, when it sends no template):
    from reading whom templates reached to recording what it sent, one step at a time in all
    senders — two at once (a deploy's old sender finishing beside the new one, a manual step
    beside the loop) would each read the same clients reached and each fill the budget. A step
    waits up to `wait_s` for its turn (asking every TURN_POLL_S), then holds its templates back
    for a moment."""
    if not needed:
        yield True
        return
    # A transaction's lock: it ends with the transaction, whatever ends the step (pooled
    # connections go back without a reset, so no session lock may stay on one).
    async with pool.acquire() as conn, conn.transaction():
        yield await _take_turn(conn, wait_s)


async def _take_turn(conn: asyncpg.Connection, wait_s: float) -> bool:
    deadline = asyncio.get_running_loop().time() + wait_s
    while True:
        if await conn.fetchval("SELECT pg_try_advisory_xact_lock($1)", BUDGET_LOCK_KEY):
            return True
        if asyncio.get_running_loop().time() >= deadline:
            return False
        await asyncio.sleep(TURN_POLL_S)


def held_plan(
    message: ClaimedMessage, now: datetime, reason: str = OVER_BUDGET, wait: timedelta = HOLD
) -> RetryPlan:
    """The message waits (not counted as an attempt): over budget, or a channel to fix."""
    return RetryPlan(
        tenant_id=message.tenant_id,
        message_id=message.message_id,
        claimed_until=message.claimed_until,
        next_attempt_at=now + wait,
        error=reason,
        refund_attempt=True,
    )
