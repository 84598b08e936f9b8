"""One offer, three things at once: the owner pre-approves it, the client says "sim", the
scheduler closes what expired. In every order they reach the salon, the offer ends in exactly one
outcome, and the client is told exactly that one (real PostgreSQL and Redis)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable
from datetime import timedelta

import asyncpg
import pytest

from domain.commands import CloseStaleRequests
from domain.errors import OfferClosedError
from integrations.event_stream import EventStream
from tests.integration.test_offer_lifecycle import (
    Clock,
    decide,
    request_row,
    salon_with_offers,
    says,
    texts_to,
)

ORDERS = list(itertools.permutations(("preapprove", "sim", "close")))


@pytest.mark.parametrize("expired", [False, True], ids=["before-expiry", "at-expiry"])
@pytest.mark.parametrize("order", ORDERS, ids=["-".join(o) for o in ORDERS])
async def test_preapproval_yes_and_expiry_at_once_end_in_one_outcome(
    pool: asyncpg.Pool, stream: EventStream, order: tuple[str, ...], expired: bool
) -> None:
    clock = Clock()
    salon, ids, salon_file, offers = await salon_with_offers(pool, stream, clock)
    offer = offers[ids.of("client", "due")]
    request_id = offer.auth_request_id
    assert request_id is not None
    expires_at = await pool.fetchval(
        "SELECT expires_at FROM auth_request WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        request_id,
    )
    clock.now = expires_at if expired else expires_at - timedelta(minutes=1)
    told_before = await texts_to(pool, ids, "due")

    async def preapprove() -> None:
        try:
            await salon.handle(decide(ids, request_id))
        except OfferClosedError:
            assert expired, "only a closed offer refuses the owner"

    async def close() -> None:
        await salon.handle(CloseStaleRequests())

    actions: dict[str, Callable[[], Awaitable[None]]] = {
        "preapprove": preapprove,
        "sim": lambda: says(salon, salon_file, "due", "Sim!"),
        "close": close,
    }
    await asyncio.gather(*(actions[name]() for name in order))

    row = await request_row(pool, ids, request_id)
    booked = await pool.fetch(
        "SELECT id, status FROM appointment WHERE tenant_id = $1 AND client_id = $2"
        " AND status = 'booked'",
        ids.tenant,
        ids.of("client", "due"),
    )
    told = (await texts_to(pool, ids, "due"))[len(told_before) :]
    confirmed = [t for t in told if "está confirmado" in t]
    if expired:
        # Expired: nothing booked, nobody approved, the client not confirmed.
        assert (row["status"], row["client_state"], row["appointment_id"]) == (
            "closed",
            "expired",
            None,
        )
        assert booked == [] and confirmed == []
        assert request_id not in salon.agenda.pending
    else:
        # Pre-approved and accepted: booked once, at once, and confirmed once.
        assert (row["status"], row["client_state"]) == ("approved", "accepted")
        assert [b["id"] for b in booked] == [row["appointment_id"]]
        assert len(confirmed) == 1
        assert row["appointment_id"] in salon.agenda.upcoming
