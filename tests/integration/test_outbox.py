"""The sender's outbox queries: which row is due, which URL it goes to, leases and their fence.

Each test runs in a transaction that is rolled back; rows of other salons may be claimed in it,
so assertions look only at the test's own salon.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from uuid import UUID, uuid4

import asyncpg

from db import outbox
from db.outbox import queue_messages
from db.salon_import import import_salon
from domain.outcome import OutboundMessage
from domain.salon_import import ClientPart
from tests.factories import SalonIds, make_salon, next_phone

DEFAULT_URL = "http://n8n.default.test/webhook"
NOW = datetime.now(UTC) + timedelta(days=1)


async def new_salon(conn: asyncpg.Connection) -> SalonIds:
    clients = [
        ClientPart(key=f"c{i}", name=f"Cliente {i}", phone=next_phone(), marketing_opt_out=i == 0)
        for i in range(2)
    ]
    salon = make_salon(clients=clients)
    await import_salon(conn, salon)
    return SalonIds(salon)


async def queue(conn: asyncpg.Connection, ids: SalonIds, key: str, kind: str) -> UUID:
    message_id = uuid4()
    message = OutboundMessage(message_id, ids.of("client", key), kind, "Olá!", None)  # type: ignore[arg-type]
    await queue_messages(conn, tenant_id=ids.tenant, messages=[message])
    return message_id


async def claim(
    conn: asyncpg.Connection, ids: SalonIds, *, now: datetime = NOW, default_url: str = DEFAULT_URL
) -> dict[UUID, outbox.ClaimedMessage]:
    claimed = await outbox.claim_due(
        conn,
        now=now,
        limit=100_000,
        lease_s=60,
        default_url=default_url,
        window_start=time(0, 0),
        window_end=time(23, 59, 59),
    )
    return {m.message_id: m for m in claimed if m.tenant_id == ids.tenant}


async def test_claim_uses_settings_url_without_override(conn: asyncpg.Connection) -> None:
    ids = await new_salon(conn)
    message_id = await queue(conn, ids, "c1", "transactional")
    claimed = await claim(conn, ids)
    assert claimed[message_id].webhook_url == DEFAULT_URL
    assert claimed[message_id].attempts == 1


async def test_salon_override_wins_over_settings_url(conn: asyncpg.Connection) -> None:
    ids = await new_salon(conn)
    await conn.execute(
        "UPDATE tenant SET n8n_webhook_url = 'http://salon.test/hook' WHERE id = $1", ids.tenant
    )
    message_id = await queue(conn, ids, "c1", "transactional")
    assert (await claim(conn, ids))[message_id].webhook_url == "http://salon.test/hook"


async def test_leased_row_is_claimed_again_only_after_its_lease(conn: asyncpg.Connection) -> None:
    ids = await new_salon(conn)
    message_id = await queue(conn, ids, "c1", "transactional")
    assert message_id in await claim(conn, ids)
    assert message_id not in await claim(conn, ids, now=NOW + timedelta(seconds=59))
    again = await claim(conn, ids, now=NOW + timedelta(seconds=61))
    assert again[message_id].attempts == 2


async def test_retry_is_ignored_once_another_sender_took_the_row(
    conn: asyncpg.Connection,
) -> None:
    ids = await new_salon(conn)
    message_id = await queue(conn, ids, "c1", "transactional")
    first = (await claim(conn, ids))[message_id]
    second = (await claim(conn, ids, now=NOW + timedelta(seconds=61)))[message_id]
    retry = {"tenant_id": ids.tenant, "message_id": message_id, "error": "timeout"}
    late = await outbox.schedule_retry(
        conn, claimed_until=first.claimed_until, next_attempt_at=NOW, **retry
    )
    current = await outbox.schedule_retry(
        conn, claimed_until=second.claimed_until, next_attempt_at=NOW, **retry
    )
    assert (late, current) == (False, True)


async def test_opted_out_marketing_is_claimed_without_url_or_attempt(
    conn: asyncpg.Connection,
) -> None:
    ids = await new_salon(conn)
    offer = await queue(conn, ids, "c0", "marketing")
    reply = await queue(conn, ids, "c0", "transactional")
    claimed = await claim(conn, ids, default_url="")
    assert set(claimed) == {offer}
    assert (claimed[offer].skip_reason, claimed[offer].attempts) == ("opted_out", 0)
    assert reply not in claimed
    assert (await outbox.count_unroutable(conn, now=NOW))[ids.tenant] == 1
