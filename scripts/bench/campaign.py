"""Benchmark of Prazo Certo over many salons: ours, a Celery-style baseline, and the floor.

Generates N salons of M clients with COPY (scripts/bench/_campaign_data.py), then times:
  (c) the floor: one set-based SQL statement finding every due client, plus one COPY of them;
  (a) ours: `run_campaign` for every salon through TenantDirectory (shared host actors), from
      this driver with bounded concurrency; each salon plans on fresh data and stores its auth
      requests, queued offers and events in one transaction (delivery is the sender's job);
  (b) the design document's Celery version: one task per salon (a pool of tasks in this
      process), one query per client, and per due client one check query, one INSERT and one
      POST to a fake n8n (a child process); timed again without the POST.
Each phase starts from the same data: what a phase stored is deleted before the next.

Run from the repository root (PostgreSQL and Redis up; defaults are the local servers):
    .venv/bin/python -m scripts.bench.campaign [--tenants 50] [--clients 200]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID

import httpx
import psutil
import ray

from actors.directory import TenantDirectory
from actors.scheduler import campaign_options
from config.settings import Placement, Settings
from db.pool import connect, create_pool
from domain.campaigns import CampaignOptions
from domain.commands import RunCampaign

from . import _campaign_data as data
from . import _celery_baseline as celery
from . import _stack as bench
from ._campaign_data import Phase


def busy_cpu_s() -> float:
    """CPU seconds the machine has spent busy since boot (all cores, all processes)."""
    times = psutil.cpu_times()
    return float(sum(times) - times.idle - getattr(times, "iowait", 0.0))


async def over_salons(
    tenants: Sequence[UUID],
    concurrency: int,
    work: Callable[[UUID], Awaitable[None]],
    phase: Phase,
    account: data.CpuAccount,
) -> None:
    """Run `work` for every salon, `concurrency` at a time; time each salon and the whole."""
    gate = asyncio.Semaphore(concurrency)

    async def one(tenant: UUID) -> None:
        async with gate:
            started = time.perf_counter()
            try:
                await work(tenant)
            except Exception as error:  # a failed salon is counted; the others go on
                phase.failed.append(f"{tenant}: {error!r}")
            phase.per_salon_s.append(time.perf_counter() - started)

    started, cpu_started, own_started = time.perf_counter(), busy_cpu_s(), account.sample()
    await asyncio.gather(*(one(t) for t in tenants))
    phase.wall_s = time.perf_counter() - started
    phase.cpu_busy_s = busy_cpu_s() - cpu_started
    phase.cpu_by_kind = account.by_kind(own_started)
    phase.cpu_own_s = sum(phase.cpu_by_kind.values())


# (c) the floor ------------------------------------------------------------------------------


async def run_floor(
    database_url: str, frequency_cap_days: int, require_consent: bool, account: data.CpuAccount
) -> Phase:
    phase = Phase("c", "floor: 1 set-based SQL statement + 1 COPY")
    conn = await connect(database_url)
    try:
        await conn.execute(data.FLOOR_TABLE_SQL)
        started, cpu_started, own_started = time.perf_counter(), busy_cpu_s(), account.sample()
        async with conn.transaction():
            rows = await conn.fetch(
                data.FLOOR_SQL, datetime.now(UTC), frequency_cap_days, require_consent
            )
            await conn.copy_records_to_table(
                data.FLOOR_TABLE, records=[tuple(r) for r in rows], columns=data.FLOOR_COLUMNS
            )
        phase.wall_s = time.perf_counter() - started
        phase.cpu_busy_s = busy_cpu_s() - cpu_started
        phase.cpu_own_s = account.since(own_started)
    finally:
        await conn.close()
    phase.due = {(r["tenant_id"], r["client_id"]) for r in rows}
    phase.skipped = Counter(r["skip_reason"] for r in rows if r["skip_reason"])
    return phase


# (a) ours -----------------------------------------------------------------------------------


async def start_hosts(directory: TenantDirectory, names: set[str]) -> None:
    """Start the shared hosts as the directory does (its names and options), untimed."""
    await asyncio.gather(*(directory.handle(name).ping.remote() for name in names))


async def run_ours(
    settings: Settings, tenants: Sequence[UUID], concurrency: int, account: data.CpuAccount
) -> Phase:
    phase = Phase("a", f"ours: {settings.tenant_hosts} shared hosts, {concurrency} salons at once")
    directory = TenantDirectory(settings)
    await start_hosts(directory, {directory.actor_name(t) for t in tenants})
    command = RunCampaign(
        run_key="bench:a",
        campaign_type="prazo_certo",
        trigger="bulk",
        options=campaign_options(settings),
    )

    async def salon(tenant: UUID) -> None:
        result = await directory.send(tenant, command)
        phase.due |= {(tenant, s.client_id) for s in result.suggestions}
        phase.due |= {(tenant, s.client_id) for s in result.skips}
        phase.suggestions += result.stats.suggestions_created
        phase.skipped.update(result.stats.skipped)

    await over_salons(tenants, concurrency, salon, phase, account)
    return phase


# (b) the Celery-style baseline --------------------------------------------------------------


async def run_baseline(
    database_url: str,
    tenants: Sequence[UUID],
    concurrency: int,
    options: CampaignOptions,
    n8n_url: str | None,
    account: data.CpuAccount,
    *,
    require_consent: bool,
) -> tuple[Phase, celery.CeleryStyle]:
    if n8n_url:
        phase = Phase("b", f"Celery-style: {concurrency} tasks, with the n8n POST")
    else:
        phase = Phase("b'", f"Celery-style: {concurrency} tasks, without the n8n POST")
    pool = await create_pool(database_url, max_size=concurrency, min_size=concurrency)
    http = (
        httpx.AsyncClient(base_url=n8n_url, limits=httpx.Limits(max_connections=concurrency))
        if n8n_url
        else None
    )
    try:
        worker = celery.CeleryStyle(pool, http, options, require_consent=require_consent)

        async def salon(tenant: UUID) -> None:
            await worker.salon(tenant, phase)

        await over_salons(tenants, concurrency, salon, phase, account)
    finally:
        if http is not None:
            await http.aclose()
        await pool.close()
    return phase, worker


# The run ------------------------------------------------------------------------------------


@dataclass
class Generated:
    tenants: list[UUID]
    counts: dict[str, int]
    build_s: float
    copy_s: float
    analyze_s: float


async def generate(database_url: str, args: argparse.Namespace) -> Generated:
    """Build and COPY the salons a chunk at a time (each chunk in one transaction)."""
    tenants: list[UUID] = []
    counts: Counter[str] = Counter()
    build_s = copy_s = 0.0
    conn = await connect(database_url)
    try:
        started = time.perf_counter()
        chunks = data.iter_rows(
            tenants=args.tenants, clients=args.clients, seed=args.seed, now=datetime.now(UTC)
        )
        for rows in chunks:
            built = time.perf_counter()
            build_s += built - started
            await data.copy_rows(conn, rows)
            started = time.perf_counter()
            copy_s += started - built
            tenants += [row[0] for row in rows.tables["tenant"]]
            counts.update({table: rows.count(table) for table in rows.tables})
        analyzing = time.perf_counter()
        await data.vacuum_analyze(conn)
    finally:
        await conn.close()
    return Generated(
        tenants=tenants,
        counts=dict(counts),
        build_s=build_s,
        copy_s=copy_s,
        analyze_s=time.perf_counter() - analyzing,
    )


async def reset(database_url: str) -> dict[str, int]:
    conn = await connect(database_url)
    try:
        return await data.remove_campaign_writes(conn)
    finally:
        await conn.close()


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    for flag, default, meaning in (
        ("--tenants", 50, "salons"),
        ("--clients", 200, "clients per salon"),
        ("--concurrency", 16, "(a): salons in flight from the driver"),
        ("--hosts", 2, "(a): shared host actors"),
        ("--baseline-concurrency", 8, "(b): tasks at once, like a Celery worker pool"),
        ("--seed", 1, "random seed of the generated data"),
    ):
        parser.add_argument(flag, type=int, default=default, help=f"{meaning} (%(default)s)")
    parser.add_argument(
        "--baseline-send",
        choices=["both", "with", "without", "none"],
        default="both",
        help="(b) with the n8n POST per suggestion, without it, both, or none: no (b) at all"
        " (%(default)s)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a small run for CI: 20 salons of 50 clients, (b') without the POST",
    )
    bench.add_stack_arguments(parser)
    args = parser.parse_args()
    if args.quick:
        args.tenants, args.clients, args.baseline_send = 20, 50, "without"
    counts = (args.tenants, args.clients, args.concurrency, args.hosts, args.baseline_concurrency)
    if min(counts) < 1:
        parser.error("all counts must be at least 1")
    if args.clients > 100_000 or args.hosts > 64 or args.baseline_concurrency > 64:
        parser.error("at most 100,000 clients per salon, 64 hosts and 64 baseline tasks")
    return args


@dataclass
class Report:
    generated: Generated
    phases: dict[str, Phase]
    baseline_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # queries, sends
    stored: dict[str, dict[str, int]] = field(default_factory=dict)  # rows a phase wrote
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)


def run(stack: bench.Stack, args: argparse.Namespace) -> Report:
    load_before = os.getloadavg()
    url = stack.settings.database_url
    generated = asyncio.run(generate(url, args))
    settings = stack.settings_for(Placement.SHARED, tenant_hosts=args.hosts)
    options = campaign_options(settings)
    tenants = generated.tenants
    report = Report(generated, {}, load_before=load_before)
    account = data.CpuAccount(stack.tag)
    require_consent = settings.require_marketing_consent
    floor = asyncio.run(run_floor(url, options.frequency_cap_days, require_consent, account))
    report.phases["c"] = floor
    report.phases["a"] = asyncio.run(run_ours(settings, tenants, args.concurrency, account))
    # Neither the hosts (pools, upkeep loops) nor Ray's own daemons run under (b): (b) needs no
    # Ray, and this also keeps (b) alive if something stops Ray on the machine meanwhile.
    bench.kill_tenant_actors(stack.tag)
    ray.shutdown()
    report.stored["a"] = asyncio.run(reset(url))
    for send in ("with", "without"):
        if args.baseline_send not in (send, "both"):
            continue
        with data.fake_n8n() if send == "with" else nullcontext(None) as n8n_url:
            phase, worker = asyncio.run(
                run_baseline(
                    url,
                    tenants,
                    args.baseline_concurrency,
                    options,
                    n8n_url,
                    account,
                    require_consent=require_consent,
                )
            )
        report.phases[phase.key] = phase
        report.baseline_counts[phase.key] = (worker.queries, worker.sends)
        report.stored[phase.key] = asyncio.run(reset(url))
    return report


def phase_row(phase: Phase) -> list[str]:
    salons = len(phase.per_salon_s)
    per_salon = bench.p50_p99_ms(phase.per_salon_s) if salons else "-"
    suggestions = "-" if phase.key == "c" else f"{phase.suggestions:,}"
    cores = len(os.sched_getaffinity(0))
    cpu_share = phase.cpu_busy_s / (phase.wall_s * cores) if phase.wall_s else 0.0
    return [
        f"({phase.key}) {phase.label}",
        f"{phase.wall_s:.2f}",
        f"{phase.cpu_own_s:.1f} / {phase.cpu_busy_s:.1f} ({cpu_share:.0%})",
        f"{len(phase.due):,}",
        f"{sum(phase.skipped.values()):,}",
        suggestions,
        per_salon,
    ]


def compare_due(phases: dict[str, Phase]) -> list[str]:
    floor = phases["c"].due
    lines = []
    for key, phase in phases.items():
        if key == "c":
            continue
        only_here, only_floor = len(phase.due - floor), len(floor - phase.due)
        verdict = "identical" if not (only_here or only_floor) else "DIFFERENT"
        lines.append(
            f"due set ({key}) vs (c): {verdict} ({only_here} only in ({key}),"
            f" {only_floor} only in (c))"
        )
    return lines


def ratio_lines(phases: dict[str, Phase]) -> list[str]:
    pairs = [("a", "c"), ("b", "c"), ("b'", "c"), ("b", "a"), ("b'", "a")]
    return [
        f"({top})/({bottom}) = {phases[top].wall_s / phases[bottom].wall_s:.1f}x"
        for top, bottom in pairs
        if top in phases and bottom in phases and phases[bottom].wall_s > 0
    ]


def print_report(report: Report, args: argparse.Namespace, total_s: float) -> None:
    generated, phases = report.generated, report.phases
    counts = generated.counts
    print()
    print("\n".join(bench.machine_lines()))
    print("load average before the run: " + " ".join(f"{x:.2f}" for x in report.load_before))
    tables = ", ".join(f"{table} {count:,}" for table, count in counts.items())
    print(f"data: {args.tenants:,} salons x {args.clients:,} clients (seed {args.seed}): {tables}")
    print(
        f"generation (not compared): rows built in Python {generated.build_s:.1f} s, COPY "
        f"{generated.copy_s:.1f} s, VACUUM ANALYZE {generated.analyze_s:.1f} s"
    )
    headers = ["Prazo Certo, all salons", "wall s", "CPU s own / machine", "due", "skipped"]
    headers.append("suggested")
    headers.append("salon p50/p99 ms")
    order: list[str] = [key for key in ("a", "b", "b'", "c") if key in phases]
    print(bench.format_table(headers, [phase_row(phases[key]) for key in order]))
    print("ratios: " + ", ".join(ratio_lines(phases)))
    print("\n".join(compare_due(phases)))
    for key in order:
        reasons = ", ".join(f"{r} {n:,}" for r, n in sorted(phases[key].skipped.items()))
        print(f"skipped in ({key}): {reasons or '-'}")
    for key in order:
        kinds = sorted(phases[key].cpu_by_kind.items(), key=lambda kind: -kind[1])
        if len(kinds) > 1:
            spent = ", ".join(f"{kind} {seconds:.1f}" for kind, seconds in kinds)
            print(f"CPU s of ({key}) by process: {spent}")
    for baseline, (queries, sends) in report.baseline_counts.items():
        print(f"({baseline}) issued {queries:,} SQL statements and {sends:,} n8n POSTs")
    for phase_key, removed in report.stored.items():
        rows = ", ".join(f"{table} {count:,}" for table, count in removed.items())
        print(f"rows stored by ({phase_key}): {rows}")
    for key in order:
        for failure in phases[key].failed[:5]:
            print(f"FAILED in ({key}): {failure}")
    print(NOTES.strip())
    print(f"total wall time: {total_s:.1f} s")


NOTES = """
notes: (a) stores auth requests, queued WhatsApp offers and events (outbox) in one transaction
  per salon and publishes the events to Redis; delivery to n8n is the sender's later job, so (a)
  EXCLUDES delivery. (b) INCLUDES one POST per suggestion to a fake n8n (child process, answers
  200 at once); (b') is the same without the POST. (b) writes no messages, events or run rows.
  (a) includes activating each salon in its host (cold, as after passivation); starting the host
  processes is not timed. (a) runs in the host processes, (b) in this one process.
  (c) applies the rule and the set-based skips but picks no slots; it is the floor, not a plan.
  CPU s own: this process, its children (Ray's daemons and workers) and the PostgreSQL backends
  of the benchmark's database; machine: all busy CPU (also others' work), % of all cores.
"""


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    with bench.bench_stack(args) as stack:
        report = run(stack, args)
    print_report(report, args, time.perf_counter() - started)
    failed = sum(len(phase.failed) for phase in report.phases.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
