"""Each salon's own WhatsApp channel through the real sender: its n8n gets the salon's secret and
token (never the deployment's), only on an allowed host, with the salon's number; each salon's
daily budget of clients reached by templates holds when two salons' campaigns go at once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import asyncpg

from actors.sender_channel import BUDGET_BUSY, BUDGET_LOCK_KEY
from domain.salon_import import ClientPart
from tests.channel import route_salon
from tests.factories import SalonIds, make_salon, next_phone
from tests.fakes.n8n import FakeN8n
from tests.integration.conftest import import_committed
from tests.integration.sender_support import AUTH_TOKEN, MakeSender, local, queue, route, rows

NOON = local(1, 12)
OWN_SECRET = "whsec_" + "c2Fsb24tb3duLXNpZ25pbmcta2V5LTAxMjM0NTY3ODk="
OWN_TOKEN = "salon-own-token"


async def salon_of(pool: asyncpg.Pool, clients: int) -> SalonIds:
    parts = [
        ClientPart(key=f"c{i}", name=f"Cliente {i}", phone=next_phone()) for i in range(clients)
    ]
    return await import_committed(pool, make_salon(clients=parts))


async def test_a_salons_own_n8n_gets_its_secret_token_and_number_never_the_deployments(
    make_sender: MakeSender, pool: asyncpg.Pool
) -> None:
    ids = await salon_of(pool, 1)
    own = FakeN8n(secret=OWN_SECRET, auth_header="X-Agenda-Token", auth_token=OWN_TOKEN)
    await own.start()
    try:
        await route_salon(pool, ids.tenant, own.url, secret=OWN_SECRET, token=OWN_TOKEN)
        await pool.execute(
            "UPDATE salon_channel SET phone_number_id = '1234567890' WHERE tenant_id = $1",
            ids.tenant,
        )
        [(message_id, _, _)] = await queue(pool, ids, [("c0", "transactional")])
        await make_sender().step(NOON)
    finally:
        await own.close()
    assert own.refused == []
    assert own.last_headers["x-agenda-token"] == OWN_TOKEN != AUTH_TOKEN
    assert own.delivered[str(message_id)]["phone_number_id"] == "1234567890"


async def test_a_salon_url_off_the_allow_list_is_never_called_and_its_messages_wait(
    make_sender: MakeSender, pool: asyncpg.Pool
) -> None:
    ids = await salon_of(pool, 1)
    await route_salon(pool, ids.tenant, "https://evil.example/hook", secret=OWN_SECRET)
    [(message_id, _, _)] = await queue(pool, ids, [("c0", "transactional")])
    await make_sender().step(NOON)
    stored = (await rows(pool, ids))[str(message_id)]
    assert (stored["status"], stored["attempts"]) == ("queued", 0)  # until the channel is fixed
    assert "not allowed" in stored["last_error"]


async def test_each_salons_daily_budget_holds_under_two_campaigns_at_once(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool
) -> None:
    first, second = await salon_of(pool, 6), await salon_of(pool, 6)
    for ids, quota in ((first, 3), (second, 4)):
        await route(pool, ids, n8n.url, daily_quota=quota)
    offers = [(f"c{i}", "marketing") for i in range(6)]
    queued = {ids.tenant: await queue(pool, ids, offers) for ids in (first, second)}
    sender = make_sender()
    await sender.step(NOON)
    await sender.step(NOON + timedelta(minutes=1))  # the held ones are not due yet

    for ids, quota in ((first, 3), (second, 4)):
        stored = await rows(pool, ids)
        statuses = sorted(stored[str(m)]["status"] for m, _, _ in queued[ids.tenant])
        assert statuses == ["queued"] * (6 - quota) + ["sent"] * quota
        held = [r for r in stored.values() if r["status"] == "queued"]
        assert all(r["attempts"] == 0 and "budget" in r["last_error"] for r in held)
    # A day later the budget has room again: the rest go.
    await sender.step(NOON + timedelta(hours=24, minutes=1))
    for ids in (first, second):
        assert {r["status"] for r in (await rows(pool, ids)).values()} == {"sent"}
    assert len(n8n.delivered) == 12


async def test_a_salons_budget_holds_when_two_senders_step_at_once(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool
) -> None:
    """A deploy's old sender finishing its step while the new one starts, or a manual step
    beside the loop: each claims its own batch, and together they reach no more clients than
    the salon's budget."""
    ids = await salon_of(pool, 6)
    await route(pool, ids, n8n.url, daily_quota=3)
    await queue(pool, ids, [(f"c{i}", "marketing") for i in range(6)])
    old, new = make_sender(sender_batch_size=3), make_sender(sender_batch_size=3)
    results = await asyncio.gather(old.step(NOON), new.step(NOON))
    assert sum(r.claimed for r in results) == 6  # each step had its own three
    statuses = sorted(r["status"] for r in (await rows(pool, ids)).values())
    assert statuses == ["queued"] * 3 + ["sent"] * 3
    assert len(n8n.delivered) == 3


async def test_templates_wait_a_moment_while_another_sender_holds_the_budget_turn(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool
) -> None:
    ids = await salon_of(pool, 2)
    await route(pool, ids, n8n.url, daily_quota=5)
    await queue(pool, ids, [("c0", "marketing"), ("c1", "marketing")])
    sender = make_sender(sender_timeout_s=0.2)
    async with pool.acquire() as other:  # a step of another sender, counting
        await other.execute("SELECT pg_advisory_lock($1)", BUDGET_LOCK_KEY)
        try:
            busy = await sender.step(NOON)
        finally:
            await other.execute("SELECT pg_advisory_unlock($1)", BUDGET_LOCK_KEY)
    waiting, delivered = list((await rows(pool, ids)).values()), len(n8n.delivered)
    later = await sender.step(NOON + timedelta(seconds=2))
    assert (busy.claimed, busy.retried, delivered) == (2, 2, 0)
    assert all(r["attempts"] == 0 and r["last_error"] == BUDGET_BUSY for r in waiting)
    assert later.sent == {"marketing": 2}
