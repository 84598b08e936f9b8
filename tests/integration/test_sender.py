"""The WhatsApp sender against a fake n8n on 127.0.0.1, with real PostgreSQL and tenant agendas.

The sender's clock is injected (starting tomorrow at noon in São Paulo, inside the send window)
and jumps past every backoff between steps; outcomes are recorded through a real TenantHostCore.
Each test routes its own salon to the fake through the salon's URL override and leaves the
settings URL empty, so rows of other tests' salons are never claimed.
"""

from __future__ import annotations

import asyncio
from datetime import time, timedelta
from typing import Any
from uuid import UUID

import asyncpg

from actors.host import TenantHostCore
from db.read.campaigns import list_schedules
from db.salon_settings import store_settings_choice
from domain.salon_settings import SettingsChoice
from tests.factories import SalonIds, make_salon
from tests.fakes.n8n import FakeN8n, always, every_third_fails
from tests.integration.conftest import import_committed
from tests.integration.sender_support import (
    MakeSender,
    drive,
    events,
    local,
    queue,
    queued_count,
    route,
    rows,
    thirty_messages,
)


async def test_flaky_n8n_gets_every_message_once_and_none_opted_out(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    n8n.plan, n8n.hang_s = every_third_fails, 2.5
    await route(pool, shop, n8n.url)
    queued = await queue(pool, shop, thirty_messages())
    await drive(make_sender(), pool, shop, local(1, 12))

    opted_out = {str(m) for m, key, kind in queued if key == "c0" and kind == "marketing"}
    deliverable = {str(m) for m, _, _ in queued} - opted_out
    stored = await rows(pool, shop)
    assert n8n.refused == []
    assert {b for b in ("error", "timeout", "reset") if n8n.behaviours[b]} == {
        "error",
        "timeout",
        "reset",
    }
    assert set(n8n.delivered) == deliverable
    assert not opted_out & set(n8n.posts)
    # Each attempt was one call, and nothing was sent again once n8n had acknowledged it.
    assert all(n8n.posts[m] == stored[m]["attempts"] for m in deliverable)
    assert all(n8n.acks[m] == 1 for m in deliverable)
    assert {m: r["status"] for m, r in stored.items()} == (
        {m: "sent" for m in deliverable} | {m: "skipped" for m in opted_out}
    )
    assert any(stored[m]["attempts"] > 1 for m in deliverable)
    assert all(stored[m]["attempts"] == 0 for m in opted_out)
    sent_events = [e["message_id"] for e in await events(pool, shop, "notification_sent")]
    assert sorted(sent_events) == sorted(deliverable)
    failed_events = await events(pool, shop, "notification_failed")
    assert sorted((e["message_id"], e["reason"]) for e in failed_events) == sorted(
        (m, "opted_out") for m in opted_out
    )


async def test_payload_carries_client_and_message(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    await pool.execute(
        "UPDATE client SET whatsapp_id = '551187654321', last_inbound_at = $3"
        " WHERE tenant_id = $1 AND id = $2",
        shop.tenant,
        shop.of("client", "c3"),
        local(1, 11),  # the client wrote an hour before: free text
    )
    await route(pool, shop, n8n.url)
    [(message_id, _, _)] = await queue(pool, shop, [("c3", "transactional")])
    await make_sender().step(local(1, 12))

    body = n8n.delivered[str(message_id)]
    phone = await pool.fetchval(
        "SELECT phone_e164 FROM client WHERE tenant_id = $1 AND id = $2",
        shop.tenant,
        shop.of("client", "c3"),
    )
    assert body | {"created_at": None} == {
        "message_id": str(message_id),
        "tenant_id": str(shop.tenant),
        "client_id": str(shop.of("client", "c3")),
        "client_name": "Cliente 3",
        "phone": phone,
        "whatsapp_id": "551187654321",
        "channel": "whatsapp",
        "send_as": "text",
        "text": "Olá! Mensagem transactional para c3.",
        "template": None,
        "marketing": False,
        "phone_number_id": None,
        "kind": "transactional",
        "created_at": None,
    }
    assert n8n.last_headers["idempotency-key"] == str(message_id)


async def test_always_failing_n8n_fails_after_max_attempts(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    n8n.plan = always("error")
    await route(pool, shop, n8n.url)
    [(message_id, _, _)] = await queue(pool, shop, [("c1", "transactional")])
    results = await drive(make_sender(sender_max_attempts=3), pool, shop, local(1, 12))

    row = (await rows(pool, shop))[str(message_id)]
    assert (row["status"], row["attempts"], n8n.posts[str(message_id)]) == ("failed", 3, 3)
    assert [r.retried for r in results] == [1, 1, 0]
    [event] = await events(pool, shop, "notification_failed")
    assert (event["message_id"], event["attempts"], event["reason"]) == (
        str(message_id),
        3,
        "http 500",
    )
    assert await events(pool, shop, "notification_sent") == []


async def test_client_error_fails_at_once(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    n8n.plan = always("reject")
    await route(pool, shop, n8n.url)
    [(message_id, _, _)] = await queue(pool, shop, [("c1", "transactional")])
    result = await make_sender().step(local(1, 12))

    row = (await rows(pool, shop))[str(message_id)]
    assert (row["status"], row["attempts"], n8n.posts[str(message_id)]) == ("failed", 1, 1)
    assert result.failed == {"transactional": 1}
    [event] = await events(pool, shop, "notification_failed")
    assert event["reason"] == "http 400"


async def test_two_senders_never_send_one_row_twice(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    n8n.latency_s = 0.05  # keeps rows in flight while the other sender claims
    await route(pool, shop, n8n.url)
    queued = await queue(pool, shop, [(f"c{1 + i % 9}", "transactional") for i in range(20)])
    first, second = make_sender(sender_batch_size=4), make_sender(sender_batch_size=4)
    now, claimed = local(1, 12), {"first": 0, "second": 0}
    for _ in range(10):
        results = await asyncio.gather(
            first.step(now), second.step(now), first.step(now), second.step(now)
        )
        claimed["first"] += results[0].claimed + results[2].claimed
        claimed["second"] += results[1].claimed + results[3].claimed
        if not await queued_count(pool, shop):
            break

    assert set(n8n.posts) == {str(m) for m, _, _ in queued}
    assert max(n8n.posts.values()) == 1
    assert sum(claimed.values()) == 20 and min(claimed.values()) > 0
    assert len(await events(pool, shop, "notification_sent")) == 20


async def test_message_without_any_url_stays_queued(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    [(message_id, _, _)] = await queue(pool, shop, [("c1", "transactional")])
    result = await make_sender().step(local(1, 12))

    row = (await rows(pool, shop))[str(message_id)]
    assert (row["status"], row["attempts"]) == ("queued", 0)
    assert result.waiting_for_url >= 1
    assert n8n.posts == {}


async def test_marketing_waits_for_the_send_window(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    await route(pool, shop, n8n.url)
    queued = await queue(pool, shop, [("c1", "marketing"), ("c2", "transactional")])
    [(offer, _, _), (reply, _, _)] = queued
    sender = make_sender()

    await sender.step(local(1, 22))
    assert set(n8n.delivered) == {str(reply)}
    assert (await rows(pool, shop))[str(offer)]["attempts"] == 0

    await sender.step(local(2, 9, 30))
    assert set(n8n.delivered) == {str(reply), str(offer)}


async def test_marketing_waits_for_the_salon_own_send_window(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    await route(pool, shop, n8n.url)
    async with pool.acquire() as conn:
        await store_settings_choice(
            conn,
            tenant_id=shop.tenant,
            choice=SettingsChoice(send_window_start=time(11), send_window_end=time(12)),
        )
    [(offer, _, _)] = await queue(pool, shop, [("c1", "marketing")])
    sender = make_sender()

    await sender.step(local(2, 9, 30))  # the deployment's window is open, the salon's is not
    assert n8n.delivered == {}
    await sender.step(local(2, 11, 30))
    assert set(n8n.delivered) == {str(offer)}


async def test_outcome_the_actor_missed_is_resent_under_its_key_after_the_lease(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds, host: TenantHostCore
) -> None:
    calls: list[UUID] = []

    async def flaky_record(tenant_id: UUID, command: Any) -> Any:
        calls.append(tenant_id)
        if len(calls) == 1:
            raise ConnectionError("salon actor unavailable")
        return await host.call(tenant_id, command)

    await route(pool, shop, n8n.url)
    [(message_id, _, _)] = await queue(pool, shop, [("c1", "transactional")])
    sender, now = make_sender(flaky_record), local(1, 12)
    key = str(message_id)

    assert (await sender.step(now)).unrecorded == 1
    assert (await sender.step(now + timedelta(seconds=60))).claimed == 0  # still leased
    later = await sender.step(now + timedelta(seconds=121))

    assert (later.claimed, later.sent) == (1, {"transactional": 1})
    assert (n8n.posts[key], len(n8n.delivered)) == (2, 1)  # n8n dropped the repeat by key
    assert (await rows(pool, shop))[key]["status"] == "sent"
    assert [e["message_id"] for e in await events(pool, shop, "notification_sent")] == [key]


async def test_a_salon_row_with_an_unknown_time_zone_never_stops_the_others(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    broken = await import_committed(pool, make_salon())
    await pool.execute("UPDATE tenant SET time_zone = 'Mars/Olympus' WHERE id = $1", broken.tenant)
    for ids in (shop, broken):
        await route(pool, ids, n8n.url)
    ours = await queue(pool, shop, [("c1", "marketing"), ("c2", "transactional")])
    theirs = await queue(pool, broken, [("c1", "marketing"), ("c2", "transactional")])
    await make_sender().step(local(1, 12))

    assert {str(m) for m, _, _ in ours} <= set(n8n.delivered)
    # The broken salon's marketing waits (its local time is unknown); what it owes a client goes.
    assert str(theirs[1][0]) in n8n.delivered and str(theirs[0][0]) not in n8n.delivered
    await pool.execute(
        "DELETE FROM outbound_message WHERE tenant_id = $1 AND status = 'queued'", broken.tenant
    )
    async with pool.acquire() as conn:
        schedules = await list_schedules(conn, tenant_ids=[shop.tenant, broken.tenant])
    assert {s.tenant_id for s in schedules} == {shop.tenant}
    await pool.execute(
        "UPDATE tenant SET time_zone = 'America/Sao_Paulo' WHERE id = $1", broken.tenant
    )
