"""Round trips of one chat message in the salon's host: the statements it sends PostgreSQL, and
the CPU it costs the host's code and the PostgreSQL backend, without Ray or HTTP.

One small salon (tests.factories.make_salon) in a throwaway database; one `Salon` as a host builds
it (the host's batched published marks); --messages client messages from its clients, one at a
time, each answered by the rule engine (the texts of scripts/bench/chat_load.py) after a warm-up
that gives every client a conversation. Each statement is counted by asyncpg's query logger
(BEGIN and COMMIT included), split into the webhook's part (storing the message) and the answer's.
The webhook itself adds one more statement in the API replica (the salon and its signing secret).
Database and Redis keys are removed at the end.

Run from the repository root (PostgreSQL and Redis up; defaults are the local servers):
    .venv/bin/python -m scripts.bench.chat_round_trips [--messages 300] [--show 2]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from contextlib import suppress
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
import psutil
from redis.asyncio import Redis

from actors.published_marks import PublishedMarks
from actors.salon import Salon
from db.pool import _init_connection, _keep_session, with_database
from domain.commands import ReceiveMessage
from integrations.event_stream import EventStream

from . import _http_load as load
from . import _stack as bench
from .chat_load import TEXTS

WARM_MESSAGES = 30  # every client a conversation, every statement prepared


class Statements:
    """Every statement the pool's connections send, in order (asyncpg's query logger)."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def log(self, record: asyncpg.connection.LoggedQuery) -> None:
        self.sent.append(" ".join(record.query.split()))

    def take(self) -> list[str]:
        sent, self.sent = self.sent, []
        return sent


async def measure(args: argparse.Namespace, url: str, redis: Redis, tag: str) -> None:
    (ids,) = await bench.import_salons(url, 1)
    statements = Statements()

    async def init(conn: asyncpg.Connection) -> None:
        await _init_connection(conn)
        conn.add_query_logger(statements.log)

    # As db.pool.create_pool builds it (no reset statement on release), with the logger.
    pool = await asyncpg.create_pool(url, min_size=1, max_size=10, init=init, reset=_keep_session)
    try:
        phones = [
            (row["name"], row["phone_e164"])
            for row in await pool.fetch(
                "SELECT name, phone_e164 FROM client WHERE tenant_id = $1 ORDER BY name",
                ids.tenant,
            )
        ]
        stream = EventStream(redis, prefix=tag, maxlen=1000)
        salon = Salon(ids.tenant, pool=pool, stream=stream, marks=PublishedMarks(pool))
        await salon.activate()

        async def one(k: int) -> tuple[list[str], list[str]]:
            name, phone = phones[1 + k % (len(phones) - 1)]
            command = ReceiveMessage(
                client_name=name,
                phone=phone,
                message=TEXTS[k % len(TEXTS)],
                sent_at=datetime.now(UTC),
                external_id=f"wamid.{uuid4().hex}",
                webhook_id=f"msg_{uuid4().hex}",
            )
            statements.take()
            await salon.handle(command)
            stored = statements.take()
            await salon.drain()
            return stored, statements.take()

        for k in range(WARM_MESSAGES):
            await one(k)
        statements.take()
        before, cpu_s, wall_s = backends_cpu_s(tag), time.process_time(), time.perf_counter()
        stored_n: Counter[int] = Counter()
        answered_n: Counter[int] = Counter()
        for k in range(args.messages):
            stored, answered = await one(k)
            stored_n[len(stored)] += 1
            answered_n[len(answered)] += 1
            if k < args.show:
                print(f"message {k}: storing, {len(stored)} statements", *stored, sep="\n  ")
                print(f"message {k}: answering, {len(answered)} statements", *answered, sep="\n  ")
        await salon.core.publish_pending()
        wall_s, cpu_s = time.perf_counter() - wall_s, time.process_time() - cpu_s
        marks = statements.take()  # the batches still due: their share of the run
        after = backends_cpu_s(tag)  # a backend started meanwhile counts whole
        pg_s = sum(spent - before.get(pid, 0.0) for pid, spent in after.items())
        report(args.messages, stored_n, answered_n, len(marks), cpu_s, pg_s, wall_s)
    finally:
        await pool.close()


def backends_cpu_s(database: str) -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend of the database (all of them are ours)."""
    spent = {}
    for process in load.named("postgres:", f" {database} "):
        with suppress(psutil.NoSuchProcess):
            spent[process.pid] = sum(process.cpu_times()[:2])
    return spent


def report(
    n: int,
    stored: Counter[int],
    answered: Counter[int],
    late: int,
    cpu_s: float,
    pg_s: float,
    wall_s: float,
) -> None:
    total = sum(k * v for k, v in stored.items()) + sum(k * v for k, v in answered.items()) + late
    print(
        f"\n{n} messages, one at a time: statements per message {total / n:.2f} "
        f"(storing {dict(sorted(stored.items()))}, answering {dict(sorted(answered.items()))}, "
        f"published marks still due at the end: {late}; the API replica adds 1)",
        f"CPU per message: this process (the salon's code, asyncpg, Redis client) "
        f"{cpu_s / n * 1000:.2f} ms, PostgreSQL backends {pg_s / n * 1000:.2f} ms; "
        f"wall {wall_s / n * 1000:.2f} ms",
        sep="\n",
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=300, help="measured (%(default)s)")
    parser.add_argument("--show", type=int, default=0, help="messages whose statements to list")
    parser.add_argument(
        "--database-url",
        default=bench.DEFAULT_DATABASE_URL,
        help="server to create the throwaway database on (default: %(default)s)",
    )
    parser.add_argument("--redis-url", default=bench.DEFAULT_REDIS_URL, help="(%(default)s)")
    args = parser.parse_args()
    if args.messages < 1:
        parser.error("--messages must be at least 1")
    tag = f"agenda_bench_{uuid4().hex[:10]}"

    async def run() -> None:
        await bench.create_database(args.database_url, tag)
        redis = Redis.from_url(args.redis_url)
        try:
            await measure(args, with_database(args.database_url, tag), redis, tag)
        finally:
            async for key in redis.scan_iter(match=f"{tag}:*"):
                await redis.delete(key)
            await redis.aclose()
            await bench.drop_database(args.database_url, tag)

    asyncio.run(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
