"""The campaign benchmark's material: data written with COPY, the floor's SQL, fake n8n, CPU use.

Every salon has 4 professionals (3 per service), 8 services with return cycles, working hours
09:00-19:00 every day, and clients with 1-6 completed visits of one service (a quarter of them
also 1-2 of a second), so that roughly a third are due today. A visit takes one of five 2-hour
blocks of its professional's day (no service lasts longer), and a client keeps their block: gaps
between visits are whole days, so the median interval is exact in Python and SQL alike.
"""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg
import psutil

# name, duration_min, price_cents, return_cycle_days
SERVICES = (
    ("Corte feminino", 60, 12000, 45),
    ("Corte masculino", 30, 5000, 21),
    ("Barba", 30, 4500, 15),
    ("Escova", 45, 7000, 14),
    ("Coloração", 90, 25000, 60),
    ("Manicure", 45, 4000, 14),
    ("Pedicure", 45, 4500, 21),
    ("Hidratação", 60, 9000, 30),
)
PROFESSIONALS = ("Carol", "Rafael", "Bia", "Duda")
FIRST_NAMES = ("Ana", "Bruna", "Carla", "Daniel", "Eduarda", "Felipe", "Gabi", "Helena", "Igor")
LAST_NAMES = ("Silva", "Souza", "Oliveira", "Santos", "Lima", "Costa", "Pereira", "Almeida")
BLOCK_HOURS = (9, 11, 13, 15, 17)  # each visit fits its 2-hour block: visits never overlap
OPENS, CLOSES = time(9, 0), time(19, 0)
OTHER_ZONE = "America/Manaus"  # every tenth salon: a second Brazilian time zone
OPT_OUT_SHARE = 0.03
NO_CONSENT_SHARE = 0.05  # imported without an opt-in (salons require one: skipped as no_consent)
BOOKED_SHARE = 0.03  # clients with a booking in the next days (skipped as already_booked)
SECOND_SERVICE_SHARE = 0.25

COLUMNS = {  # the columns each table's COPY fills, tables in foreign-key order
    "tenant": "id slug name time_zone".split(),
    "professional": "tenant_id id name".split(),
    "service": "tenant_id id name duration_min price_cents return_cycle_days".split(),
    "professional_service": "tenant_id professional_id service_id".split(),
    "working_hours": "tenant_id professional_id weekday start_time end_time".split(),
    "client": (
        "tenant_id id name phone_e164 whatsapp_id marketing_opt_out marketing_consent_at"
    ).split(),
    "appointment": (
        "tenant_id id client_id professional_id service_id starts_at ends_at status"
        " price_cents source"
    ).split(),
}


DueSet = set[tuple[UUID, UUID]]  # (tenant, client)


@dataclass
class Phase:
    key: str  # a, b, b', c
    label: str
    wall_s: float = 0.0
    due: DueSet = field(default_factory=set)
    suggestions: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    per_salon_s: list[float] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    cpu_busy_s: float = 0.0  # the whole machine's (all processes: PostgreSQL, Ray, this one)
    cpu_own_s: float = 0.0  # this process, its children and the database's backends
    cpu_by_kind: dict[str, float] = field(default_factory=dict)  # CpuAccount.kind → seconds


@dataclass
class Rows:
    """Rows per table, in an order that satisfies the foreign keys."""

    tables: dict[str, list[tuple[Any, ...]]] = field(
        default_factory=lambda: {table: [] for table in COLUMNS}
    )

    def count(self, table: str) -> int:
        return len(self.tables[table])


class _Salon:
    """One salon being generated: its ids, its day, and which blocks are taken."""

    def __init__(self, rng: random.Random, index: int, now: datetime, rows: Rows) -> None:
        self.rng = rng
        self.rows = rows
        self.id = _uuid(rng)
        self.zone_name = OTHER_ZONE if index % 10 == 9 else "America/Sao_Paulo"
        self.zone = ZoneInfo(self.zone_name)
        self.today = now.astimezone(self.zone).date()
        self.professionals = [_uuid(rng) for _ in PROFESSIONALS]
        self.services = [_uuid(rng) for _ in SERVICES]
        self.taken: set[tuple[int, date, int]] = set()
        self.consent_at = now - timedelta(days=400)  # opted in when the salon's file was made
        rows.tables["tenant"].append(
            (self.id, f"bench-{index:05d}", f"Salão Bench {index}", self.zone_name)
        )

    def write_catalogue(self) -> None:
        tables = self.rows.tables
        for p, name in enumerate(PROFESSIONALS):
            tables["professional"].append((self.id, self.professionals[p], name))
            tables["working_hours"].extend(
                (self.id, self.professionals[p], weekday, OPENS, CLOSES) for weekday in range(7)
            )
            tables["professional_service"].extend(
                (self.id, self.professionals[p], self.services[s]) for s in self.services_of(p)
            )
        for s, (name, duration_min, price_cents, cycle_days) in enumerate(SERVICES):
            tables["service"].append(
                (self.id, self.services[s], name, duration_min, price_cents, cycle_days)
            )

    @staticmethod
    def services_of(professional: int) -> list[int]:
        return [s for s in range(len(SERVICES)) if s % len(PROFESSIONALS) != professional]

    def place(self, professional: int, day: date, block: int, *, past: bool) -> date:
        """The nearest day to `day` whose block is free (past visits stay before today)."""
        for shift in range(366):  # a busy block: the nearest free day, up to a year away
            for candidate in (day + timedelta(days=shift), day - timedelta(days=shift)):
                if (candidate < self.today) != past or candidate == self.today:
                    continue
                if (professional, candidate, block) not in self.taken:
                    self.taken.add((professional, candidate, block))
                    return candidate
        raise RuntimeError(f"no free block near {day} for salon {self.id}")

    def appointment(
        self, client: UUID, professional: int, service: int, day: date, block: int, status: str
    ) -> None:
        starts_at = datetime.combine(day, time(BLOCK_HOURS[block]), self.zone)
        _, duration_min, price_cents, _ = SERVICES[service]
        self.rows.tables["appointment"].append(
            (
                self.id,
                _uuid(self.rng),
                client,
                self.professionals[professional],
                self.services[service],
                starts_at,
                starts_at + timedelta(minutes=duration_min),
                status,
                price_cents,
                "import",
            )
        )

    def visits(self, client: UUID, professional: int, service: int, block: int, count: int) -> None:
        """`count` completed visits at the client's own rhythm, the last some days ago."""
        rng = self.rng
        cycle_days = SERVICES[service][3]
        rhythm_days = max(7, round(cycle_days * rng.uniform(0.8, 1.25)))
        expected_cycle = rhythm_days if count >= 3 else cycle_days
        days_ago = max(2, round(expected_cycle * rng.uniform(0.25, 1.3)))
        day = self.today - timedelta(days=days_ago)
        for _ in range(count):
            placed = self.place(professional, day, block, past=True)
            self.appointment(client, professional, service, placed, block, "completed")
            day = placed - timedelta(days=max(1, rhythm_days + rng.randint(-3, 3)))

    def client(self, number: int) -> None:
        rng = self.rng
        client = _uuid(rng)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        phone = f"+55119{number:08d}"
        opted_out = rng.random() < OPT_OUT_SHARE
        consent_at = None if rng.random() < NO_CONSENT_SHARE else self.consent_at
        self.rows.tables["client"].append(
            (self.id, client, name, phone, phone[1:], opted_out, consent_at)
        )
        professional = rng.randrange(len(PROFESSIONALS))
        block = rng.randrange(len(BLOCK_HOURS))
        services = self.services_of(professional)
        first, second = rng.sample(services, 2)
        self.visits(client, professional, first, block, rng.randint(1, 6))
        if rng.random() < SECOND_SERVICE_SHARE:
            self.visits(client, professional, second, block, rng.randint(1, 2))
        if rng.random() < BOOKED_SHARE:
            day = self.today + timedelta(days=rng.randint(1, 6))
            placed = self.place(professional, day, block, past=False)
            self.appointment(client, professional, first, placed, block, "booked")


def _uuid(rng: random.Random) -> UUID:
    return UUID(int=rng.getrandbits(128), version=4)


def build_rows(*, tenants: int, clients: int, seed: int, now: datetime) -> Rows:
    """All rows of the benchmark's salons (deterministic for a seed and a day)."""
    rows = Rows()
    for chunk in iter_rows(tenants=tenants, clients=clients, seed=seed, now=now, chunk=tenants):
        for table, records in chunk.tables.items():
            rows.tables[table].extend(records)
    return rows


def iter_rows(
    *, tenants: int, clients: int, seed: int, now: datetime, chunk: int = 250
) -> Iterator[Rows]:
    """The same rows as `build_rows`, `chunk` salons at a time (10,000 salons of 200 clients are
    ~8M visits: built whole, they would not fit in memory)."""
    rng = random.Random(seed)
    for first in range(0, tenants, chunk):
        rows = Rows()
        for index in range(first, min(first + chunk, tenants)):
            salon = _Salon(rng, index, now, rows)
            salon.write_catalogue()
            for number in range(clients):
                salon.client(number)
        yield rows


async def copy_rows(conn: asyncpg.Connection, rows: Rows) -> None:
    """One COPY per table, in one transaction (foreign keys and the exclusion constraint hold)."""
    async with conn.transaction():
        for table, records in rows.tables.items():
            await conn.copy_records_to_table(table, records=records, columns=COLUMNS[table])


async def vacuum_analyze(conn: asyncpg.Connection, tables: Sequence[str] = ()) -> None:
    """Fresh statistics and visibility maps, as a database that has been running would have."""
    await conn.execute(f"VACUUM (ANALYZE) {', '.join(tables)}")


async def remove_campaign_writes(conn: asyncpg.Connection) -> dict[str, int]:
    """Undo what a phase stored, so the next starts from the same salons; rows removed per table."""
    tables = ("outbound_message", "event", "auth_request", "campaign_run")
    removed = {}
    async with conn.transaction():
        for table in tables:  # children first: auth_request refers to campaign_run
            status = await conn.execute(f"DELETE FROM {table}")
            removed[table] = int(status.split()[-1])
        await conn.execute("UPDATE tenant SET last_event_id = 0 WHERE last_event_id <> 0")
    await vacuum_analyze(conn, tables)
    return removed


# The floor: the recall rule of domain/recall.py in one set-based statement. Gaps are in days
# (percentile_cont ignores the first visit's NULL gap); round() of a double rounds half to even
# on this platform, like Python's round(). One row per due client: their most overdue service.
FLOOR_SQL = """
WITH visits AS (
    SELECT tenant_id, client_id, service_id, starts_at,
           extract(epoch FROM starts_at - lag(starts_at) OVER pair) / 86400.0 AS gap_days
    FROM appointment
    WHERE status = 'completed'
    WINDOW pair AS (PARTITION BY tenant_id, client_id, service_id ORDER BY starts_at)
), histories AS (
    SELECT tenant_id, client_id, service_id, count(*) AS visit_count, max(starts_at) AS last_at,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY gap_days) AS median_gap_days
    FROM visits
    GROUP BY tenant_id, client_id, service_id
), positions AS (
    SELECT h.tenant_id, h.client_id, h.service_id,
           CASE WHEN h.visit_count >= 3 AND h.median_gap_days >= 1
                THEN round(h.median_gap_days)::int ELSE s.return_cycle_days END AS cycle_days,
           (h.last_at AT TIME ZONE t.time_zone)::date AS last_day,
           ($1::timestamptz AT TIME ZONE t.time_zone)::date AS today
    FROM histories h
    JOIN service s ON s.tenant_id = h.tenant_id AND s.id = h.service_id AND s.active
    JOIN tenant t ON t.id = h.tenant_id
), due AS (
    SELECT DISTINCT ON (tenant_id, client_id)
           tenant_id, client_id, service_id, cycle_days, last_day + cycle_days AS due_on,
           today - (last_day + cycle_days) AS overdue_days
    FROM positions
    WHERE cycle_days IS NOT NULL AND today >= last_day + cycle_days
    ORDER BY tenant_id, client_id, (today - last_day)::float8 / cycle_days DESC
)
SELECT d.tenant_id, d.client_id, d.service_id, d.cycle_days, d.due_on, d.overdue_days,
       CASE WHEN c.marketing_opt_out THEN 'opted_out'
            WHEN c.marketing_consent_at IS NULL
                 AND coalesce((SELECT s.require_marketing_consent FROM salon_settings s
                               WHERE s.tenant_id = d.tenant_id), $3) THEN 'no_consent'
            WHEN EXISTS (SELECT 1 FROM appointment a
                         WHERE a.tenant_id = d.tenant_id AND a.client_id = d.client_id
                           AND a.ends_at >= $1 AND a.status <> 'cancelled') THEN 'already_booked'
            WHEN EXISTS (SELECT 1 FROM auth_request r
                         WHERE r.tenant_id = d.tenant_id AND r.client_id = d.client_id
                           AND r.status = 'pending') THEN 'pending_suggestion'
            WHEN EXISTS (SELECT 1 FROM outbound_message m
                         WHERE m.tenant_id = d.tenant_id AND m.client_id = d.client_id
                           AND m.kind = 'marketing' AND m.status IN ('queued', 'sent')
                           AND m.created_at > $1 - make_interval(days => $2)) THEN 'frequency_cap'
       END AS skip_reason
FROM due d
JOIN client c ON c.tenant_id = d.tenant_id AND c.id = d.client_id
"""
FLOOR_TABLE = "bench_floor_due"
FLOOR_COLUMNS = "tenant_id client_id service_id cycle_days due_on overdue_days skip_reason".split()
FLOOR_TABLE_SQL = f"""
CREATE TABLE {FLOOR_TABLE} (
    tenant_id uuid NOT NULL, client_id uuid NOT NULL, service_id uuid NOT NULL,
    cycle_days integer NOT NULL, due_on date NOT NULL, overdue_days integer NOT NULL,
    skip_reason text
)"""

# A fake n8n webhook: answers every POST with 200 at once (HTTP/1.1 keep-alive). It runs as a
# child process so that serving it does not take CPU from the baseline it measures.
FAKE_N8N_MARK = "agenda-bench-fake-n8n"
FAKE_N8N_SOURCE = rf"""
# {FAKE_N8N_MARK}
import asyncio

REPLY = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 15\r\n\r\n"
         b'{{"status":"ok"}}')

async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            writer.write(REPLY)
            await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        pass
    finally:
        writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()

asyncio.run(main())
"""


@contextmanager
def fake_n8n() -> Iterator[str]:
    """Start the fake n8n in a child process; yield its base URL; stop it on exit."""
    process = subprocess.Popen(
        [sys.executable, "-c", FAKE_N8N_SOURCE], stdout=subprocess.PIPE, text=True
    )
    try:
        if process.stdout is None:
            raise RuntimeError("fake n8n: no stdout")
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


class CpuAccount:
    """CPU seconds (user + system) of the processes a phase runs on: this one and its children
    (Ray's daemons and workers while Ray runs) and the PostgreSQL backends of the benchmark's
    database. Other work on the machine and the fake n8n are left out."""

    def __init__(self, database: str) -> None:
        self._backend_mark = f" {database} "

    def _processes(self) -> list[psutil.Process]:
        me = psutil.Process()
        found = [me, *me.children(recursive=True)]
        for process in psutil.process_iter(["cmdline"]):
            title = " ".join(process.info["cmdline"] or [])
            if title.startswith("postgres:") and self._backend_mark in title:
                found.append(process)
        return found

    @staticmethod
    def kind(title: str) -> str:
        """Where a process's CPU goes in the breakdown, by its title."""
        if title.startswith("postgres:"):
            return "PostgreSQL"
        if "TenantHost" in title:
            return "salon hosts"
        if title.startswith("ray::") or "/ray/" in title or "raylet" in title or "gcs" in title:
            return "Ray"
        return "driver"

    def sample(self) -> dict[tuple[int, float, str], float]:
        seconds = {}
        for process in self._processes():
            try:
                title = " ".join(process.cmdline())
                if FAKE_N8N_MARK in title:
                    continue
                times = process.cpu_times()
                key = (process.pid, process.create_time(), self.kind(title))
                seconds[key] = times.user + times.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        return seconds

    def since(self, before: dict[tuple[int, float, str], float]) -> float:
        """CPU seconds used since `before` by the processes alive now."""
        return sum(self.by_kind(before).values())

    def by_kind(self, before: dict[tuple[int, float, str], float]) -> dict[str, float]:
        """CPU seconds used since `before` by the processes alive now, per kind."""
        spent: dict[str, float] = {}
        for key, seconds in self.sample().items():
            spent[key[2]] = spent.get(key[2], 0.0) + seconds - before.get(key, 0.0)
        return dict(spent)
