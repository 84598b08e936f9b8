"""R5: n8n failing at random (30 % of calls, seeded: 500s and connection resets) over 1,000
messages — each message is delivered or reported failed with a reason, n8n never receives one
twice except under the same Idempotency-Key (and acknowledges each once), and nothing is sent to a
client who opted out. The attempt budget that makes delivery near-certain: with 8 attempts a
message fails only if all 8 fail, 0.3^8 ≈ 7 in 100,000."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

import asyncpg

from tests.factories import SalonIds
from tests.fakes.n8n import Behaviour, FakeN8n
from tests.integration.sender_support import MakeSender, drive, events, local, queue, route, rows

MESSAGES = 1000
FAILURE_RATE = 0.3


def seeded_failures(seed: int) -> Callable[[int], Behaviour]:
    chance = random.Random(seed)

    def plan(call: int) -> Behaviour:
        if chance.random() >= FAILURE_RATE:
            return "ok"
        return "error" if chance.random() < 0.5 else "reset"

    return plan


async def test_r5_every_message_delivered_or_failed_with_a_reason_none_twice_none_opted_out(
    make_sender: MakeSender,
    n8n: FakeN8n,
    pool: asyncpg.Pool,
    shop: SalonIds,
    figure: Callable[[str], None],
) -> None:
    n8n.plan = seeded_failures(2026)
    await route(pool, shop, n8n.url)
    plan = [(f"c{i % 10}", "marketing" if i % 3 == 0 else "transactional") for i in range(MESSAGES)]
    queued = await queue(pool, shop, plan)
    await drive(make_sender(sender_batch_size=200), pool, shop, local(1, 12), max_steps=80)

    stored = await rows(pool, shop)
    opted_out = {str(m) for m, key, kind in queued if key == "c0" and kind == "marketing"}
    statuses = Counter(stored[str(m)]["status"] for m, _, _ in queued)
    sent = {m for m, row in stored.items() if row["status"] == "sent"}
    failed = {m: row["last_error"] for m, row in stored.items() if row["status"] == "failed"}
    figure(
        f"R5: {MESSAGES} messages, n8n failing {FAILURE_RATE:.0%} of {sum(n8n.behaviours.values())}"
        f" calls: {dict(statuses)}; attempts {sum(r['attempts'] for r in stored.values())}"
    )
    assert statuses["queued"] == 0
    assert all(reason for reason in failed.values())  # each failure says why
    assert not opted_out & set(n8n.posts)  # nothing to a client who opted out
    assert all(n8n.acks[m] == 1 for m in sent)  # acknowledged once each
    # Every call n8n received for a message carried its one key, once per attempt.
    assert all(n8n.posts[m] == stored[m]["attempts"] for m in sent | set(failed))
    assert set(n8n.delivered) == sent
    reported = {e["message_id"] for e in await events(pool, shop, "notification_sent")}
    assert reported == sent
