"""Benchmark of the hourly retention purge: what a pass costs as the fleet's history grows.

Generates N salons, each with M chat messages, M sent messages and M events (a twentieth of them
chat events with words) spread evenly over the last 24 months, so half is past the default
retention of 12 months. Then:
  1. the backlog: `purge_past_retention` (db/client_rights.py) until complete, from scratch;
  2. the hourly pass once that is done, timed K times each:
     (a) ours: salon by salon in the indexes of migration 0021, fetched by address;
     (b) the earlier form of the same three statements: one set-based join of every salon's
         cutoff with each whole table (the plan PostgreSQL chose for it reads all of it).
Both passes find nothing to change, as an hourly pass almost always does after the first.

Run from the repository root (PostgreSQL up; the default is the local server; no Ray, no Redis):
    .venv/bin/python -m scripts.bench.retention_purge [--salons 1000] [--rows 2000] [--passes 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg

from db.client_rights import purge_past_retention
from db.pool import connect, with_database

from . import _stack as bench

# (b): the form the purge had before migration 0021, as it ran then.
EARLIER_CUTOFF = """
    tenant t LEFT JOIN salon_settings s ON s.tenant_id = t.id
    WHERE ($3::uuid[] IS NULL OR t.id = ANY($3::uuid[]))
      AND {at} < $1::timestamptz - make_interval(months => coalesce(s.chat_retention_months, $2))
"""
EARLIER = (
    "DELETE FROM chat_message m USING "
    + EARLIER_CUTOFF.format(at="m.created_at")
    + " AND m.tenant_id = t.id AND m.status <> 'pending'",
    "UPDATE outbound_message o SET body = '', template_params = '{}' FROM "
    + EARLIER_CUTOFF.format(at="o.created_at")
    + " AND o.tenant_id = t.id AND o.status <> 'queued'"
    " AND (o.body <> '' OR o.template_params <> '{}')",
    """UPDATE event e SET data = jsonb_set(e.data, '{message}', '""') FROM """
    + EARLIER_CUTOFF.format(at="e.occurred_at")
    + " AND e.tenant_id = t.id AND e.data ->> 'message' <> ''",
)

# Each salon's rows, spread over 24 months (20 clients, each with a twentieth of them).
GENERATE = (
    """INSERT INTO tenant (id, name, slug)
       SELECT gen_random_uuid(), 'Salão ' || g, 'purge-' || g FROM generate_series(1, $1) g""",
    """INSERT INTO client (tenant_id, id, name, phone_e164)
       SELECT t.id, gen_random_uuid(), 'Cliente ' || g, '+55119876543' || lpad(g::text, 2, '0')
       FROM tenant t, generate_series(1, 20) g""",
    """INSERT INTO conversation (tenant_id, client_id)
       SELECT tenant_id, id FROM client""",
    """INSERT INTO chat_message (tenant_id, conversation_id, direction, author, body, created_at)
       SELECT c.tenant_id, c.id, 'inbound', 'client', 'oi, tem horário amanhã?',
              now() - g * interval '730 days' / ($1 / 20)
       FROM conversation c, generate_series(1, $1 / 20) g""",
    """INSERT INTO outbound_message (tenant_id, client_id, kind, body, status, created_at)
       SELECT c.tenant_id, c.id, 'marketing', 'Oi! Faz tempo que você não vem…', 'sent',
              now() - g * interval '730 days' / ($1 / 20)
       FROM client c, generate_series(1, $1 / 20) g""",
    """INSERT INTO event (tenant_id, event_id, event_type, occurred_at, data)
       SELECT t.id, g, CASE WHEN g % 20 = 0 THEN 'message_received' ELSE 'auth_request_created'
                       END,
              now() - g * interval '730 days' / $1,
              CASE WHEN g % 20 = 0 THEN '{"message": "oi, tem horário amanhã?"}'::jsonb
                   ELSE '{"client_name": "Ana", "notes": ""}'::jsonb END
       FROM tenant t, generate_series(1, $1) g""",
)


async def timed(step: Awaitable[object]) -> float:
    started = time.perf_counter()
    await step
    return time.perf_counter() - started


async def run(url: str, args: argparse.Namespace) -> list[str]:
    conn = await connect(url)
    try:
        started = time.perf_counter()
        await conn.execute(GENERATE[0], args.salons)
        for statement in GENERATE[1:]:
            await conn.execute(statement, *([args.rows] if "$1" in statement else []))
        await conn.execute("VACUUM ANALYZE")
        generated = time.perf_counter() - started
        sizes = {
            table: await conn.fetchval(f"SELECT count(*) FROM {table}")  # noqa: S608
            for table in ("chat_message", "outbound_message", "event")
        }
        now = datetime.now(UTC)
        started = time.perf_counter()
        changed, rounds, complete = [0, 0, 0], 0, False
        while not complete:  # a round at a time, as the scheduler's steps run it
            done = await purge_past_retention(conn, now=now, default_months=12, rounds=1)
            changed = [
                changed[0] + done.chat_messages,
                changed[1] + done.sent_messages,
                changed[2] + done.events,
            ]
            rounds, complete = rounds + 1, done.complete
        backlog_s = time.perf_counter() - started
        await conn.execute("VACUUM ANALYZE")
        ours, earlier = [], []
        for _ in range(args.passes):
            ours.append(await timed(purge_past_retention(conn, now=now, default_months=12)))
            earlier.append(await timed(earlier_pass(conn, now)))
    finally:
        await conn.close()
    total = sum(sizes.values())
    return [
        f"data: {args.salons} salons; chat messages / sent messages / events: "
        + " / ".join(f"{count:,}" for count in sizes.values())
        + f" ({total:,} rows, about half past retention; generated in {generated:.0f} s)",
        f"backlog, first pass until complete: {backlog_s:.1f} s in {rounds} rounds "
        f"(deleted {changed[0]:,} chat messages, blanked {changed[1]:,} sent messages "
        f"and {changed[2]:,} events)",
        bench.format_table(
            ["hourly pass, nothing left to change", "median ms", "max ms"],
            [
                [label, bench.ms(statistics.median(times)), bench.ms(max(times))]
                for label, times in (
                    ("(a) ours: by salon, in the indexes of 0021", ours),
                    ("(b) earlier: one join with each whole table", earlier),
                )
            ],
        ),
        f"(b)/(a) = {statistics.median(earlier) / statistics.median(ours):.0f}×",
    ]


async def earlier_pass(conn: asyncpg.Connection, now: datetime) -> None:
    async with conn.transaction():
        for statement in EARLIER:
            await conn.execute(statement, now, 12, None)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=bench.DEFAULT_DATABASE_URL)
    parser.add_argument("--salons", type=int, default=1000, help="(%(default)s)")
    parser.add_argument("--rows", type=int, default=2000, help="each table's rows a salon")
    parser.add_argument("--passes", type=int, default=5, help="(%(default)s)")
    parser.add_argument("--quick", action="store_true", help="50 salons × 200 rows, 3 passes")
    args = parser.parse_args()
    if args.quick:
        args.salons, args.rows, args.passes = 50, 200, 3
    if args.rows < 20 or args.salons < 1 or args.passes < 1:
        parser.error("--rows must be at least 20, --salons and --passes at least 1")
    return args


def main() -> int:
    args = parse_args()
    name = f"agenda_bench_{uuid4().hex[:10]}"
    asyncio.run(bench.create_database(args.database_url, name))
    try:
        lines = asyncio.run(run(with_database(args.database_url, name), args))
    finally:
        asyncio.run(bench.drop_database(args.database_url, name))
    print("\n".join([*bench.machine_lines(), *lines]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
