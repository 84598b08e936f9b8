"""Benchmark of a fleet resident on one node: memory per salon, idle CPU and cold activation.

Generates N salons of M clients with COPY (the campaign benchmark's data), starts H shared host
actors as TenantDirectory would, activates every salon through `TenantHost.activate`, C at a time
(each loads its agenda from PostgreSQL), then some one at a time and some arriving at fixed rates
(an open loop, as a paced 09:00 wave), then measures the hosts' USS (psutil) against the same
hosts holding one salon each, and their CPU over an idle window.

Run from the repository root (PostgreSQL and Redis up; defaults are the local servers):
    .venv/bin/python -m scripts.bench.fleet_memory [--salons 1000] [--clients 200] [--hosts 2]
    .venv/bin/python -m scripts.bench.fleet_memory --quick      # 50 salons of 50 clients

Targets (issue 15): ≤ 0.3 MiB per salon of 200 clients, ≤ 5 % of one core idle for the fleet,
cold activation p99 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from datetime import UTC, datetime
from uuid import UUID

import psutil

from config.settings import Placement
from db.pool import connect

from . import _campaign_data as data
from . import _stack as bench
from .placement_memory import MIB, Hosts, host_processes, idle_cpu_percent


async def generate(database_url: str, args: argparse.Namespace) -> list[UUID]:
    tenants: list[UUID] = []
    conn = await connect(database_url)
    try:
        chunks = data.iter_rows(
            tenants=args.salons, clients=args.clients, seed=args.seed, now=datetime.now(UTC)
        )
        for rows in chunks:
            await data.copy_rows(conn, rows)
            tenants += [row[0] for row in rows.tables["tenant"]]
        await data.vacuum_analyze(conn)
    finally:
        await conn.close()
    return tenants


async def activate(hosts: Hosts, tenants: list[UUID], concurrency: int) -> list[float]:
    """Activate each salon (cold), `concurrency` at a time; seconds per activation."""
    gate = asyncio.Semaphore(concurrency)
    took: list[float] = []

    async def one(tenant: UUID) -> None:
        async with gate:
            started = time.perf_counter()
            await hosts.for_tenant(tenant).activate.remote(tenant)
            took.append(time.perf_counter() - started)

    await asyncio.gather(*(one(t) for t in tenants))
    return took


async def arrive(hosts: Hosts, tenants: list[UUID], rate: float) -> tuple[list[float], float]:
    """Activate each salon (cold) as it arrives, `rate` a second on a fixed clock (an open loop:
    a slow activation does not hold the next one back, as the 09:00 wave's calls do not wait
    for each other); seconds per activation, and the rate the activations started at."""
    took: list[float] = []
    starts: list[float] = []

    async def one(tenant: UUID, due: float) -> None:
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        started = time.perf_counter()
        starts.append(started)
        await hosts.for_tenant(tenant).activate.remote(tenant)
        took.append(time.perf_counter() - started)

    begun = time.perf_counter()
    await asyncio.gather(*(one(t, begun + i / rate) for i, t in enumerate(tenants)))
    span = max(starts) - min(starts) if len(starts) > 1 else 0.0
    return took, (len(starts) - 1) / span if span else rate


def groups(
    tenants: list[UUID], args: argparse.Namespace
) -> tuple[list[UUID], list[tuple[float, list[UUID]]], list[UUID]]:
    """The salons activated one at a time, those arriving at each rate, and the wave's."""
    alone, rest = tenants[: args.isolated], tenants[args.isolated :]
    arriving = []
    for rate in args.rates:
        arriving.append((rate, rest[: args.rate_salons]))
        rest = rest[args.rate_salons :]
    return alone, arriving, rest


def uss_mib(processes: list[psutil.Process]) -> float:
    return float(sum(p.memory_full_info().uss for p in processes)) / MIB


def run(stack: bench.Stack, args: argparse.Namespace) -> list[str]:
    started = time.perf_counter()
    tenants = asyncio.run(generate(stack.settings.database_url, args))
    generated_s = time.perf_counter() - started
    # Every salon stays resident (the hosts' LRU cap would otherwise passivate some).
    settings = stack.settings_for(
        Placement.SHARED, tenant_hosts=args.hosts, max_resident_salons=args.salons
    )
    hosts = Hosts(settings)
    # One salon per host first: the hosts' own start (pool, Redis, imports) is not the salons'.
    first = {hosts.name_of(t): t for t in tenants}
    asyncio.run(activate(hosts, list(first.values()), args.concurrency))
    alone, arriving, rest = groups([t for t in tenants if t not in set(first.values())], args)
    time.sleep(args.settle_s)
    processes = host_processes(stack.ray_context.dashboard_url, stack.tag)[Placement.SHARED]
    before = uss_mib(processes)
    wave_started = time.perf_counter()
    took = asyncio.run(activate(hosts, rest, args.concurrency))
    wave_s = time.perf_counter() - wave_started
    isolated = asyncio.run(activate(hosts, alone, 1))  # one at a time: no queue in front
    arrived = [(rate, asyncio.run(arrive(hosts, group, rate))) for rate, group in arriving]
    time.sleep(args.settle_s)
    after = uss_mib(processes)
    cpu = idle_cpu_percent(processes, args.idle_s)
    resident = len(tenants) - len(first)
    per_salon_kib = (after - before) * 1024 / max(resident, 1)
    idle = sum(cpu.values())
    return [
        f"data: {args.salons:,} salons x {args.clients} clients (seed {args.seed}), generated"
        f" and copied in {generated_s:.0f} s (not compared)",
        f"hosts: {len(processes)} shared host processes; {len(first)} salons activated first"
        f" (one per host), then {len(rest):,} more, {args.concurrency} at a time",
        f"USS of the hosts: {before:.0f} MiB with one salon each -> {after:.0f} MiB with"
        f" {len(tenants):,} salons",
        f"memory per resident salon: {per_salon_kib:.0f} KiB ({per_salon_kib / 1024:.3f} MiB;"
        f" target <= 0.3 MiB); {len(tenants):,} salons: {after:.0f} MiB of host processes",
        f"idle CPU of the hosts over {args.idle_s:.0f} s: {idle:.1f} % of one core (target <= 5 %)",
        f"cold activation in the wave ({args.concurrency} in flight): p50/p99"
        f" {bench.p50_p99_ms(took)} ms, {len(rest) / wave_s:.0f} salons/s",
        f"cold activation one at a time ({len(alone)} salons, after the wave):"
        f" p50/p99 {bench.p50_p99_ms(isolated) if isolated else '-'} ms (target p99 <= 50 ms)",
        *(
            f"cold activation arriving at {rate:g}/s ({len(took):,} salons, open loop, achieved"
            f" {achieved:.0f}/s): p50/p99 {bench.p50_p99_ms(took)} ms (target p99 <= 50 ms)"
            for rate, (took, achieved) in arrived
        ),
    ]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    for flag, default, meaning in (
        ("--salons", 1000, "salons"),
        ("--clients", 200, "clients per salon"),
        ("--hosts", 2, "shared host processes"),
        ("--concurrency", 16, "activations in flight"),
        ("--seed", 1, "random seed of the generated data"),
        ("--isolated", 100, "salons then activated one at a time (latency without a queue)"),
        ("--rate-salons", 200, "salons activated at each --rates rate"),
    ):
        parser.add_argument(flag, type=int, default=default, help=f"{meaning} (%(default)s)")
    parser.add_argument(
        "--rates",
        type=lambda text: [float(r) for r in text.split(",") if r],
        default=[100.0, 200.0],
        help="arrival rates (salons/s, comma-separated) of cold activations in an open loop"
        " (%(default)s)",
    )
    parser.add_argument("--idle-s", type=float, default=10.0, help="CPU window (%(default)s s)")
    parser.add_argument("--settle-s", type=float, default=5.0, help="settling (%(default)s s)")
    parser.add_argument("--quick", action="store_true", help="50 salons of 50 clients")
    bench.add_stack_arguments(parser)
    args = parser.parse_args()
    if args.quick:
        args.salons, args.clients, args.idle_s, args.settle_s = 50, 50, 3.0, 1.0
        args.isolated, args.rate_salons, args.rates = 10, 10, [50.0]
    if not 1 <= args.hosts <= 64 or args.salons > 100_000:
        parser.error("need 1 <= --hosts <= 64 and --salons <= 100,000")
    reserved = args.isolated + args.rate_salons * len(args.rates)
    if args.isolated < 0 or (args.rates and args.rate_salons < 1):
        parser.error("need --isolated >= 0, and --rate-salons >= 1 with --rates")
    if args.salons < 2 * args.hosts + reserved:
        parser.error("need --salons >= 2 x --hosts + --isolated + --rate-salons x the rates")
    if not all(0 < rate <= 10_000 for rate in args.rates):
        parser.error("--rates in (0, 10,000] salons/s")
    if not 1 <= args.concurrency <= 256 or not 0 < args.idle_s <= 120:
        parser.error("--concurrency in [1, 256], --idle-s in (0, 120]")
    return args


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    with bench.bench_stack(args, dashboard=True) as stack:
        lines = run(stack, args)
    print()
    print("\n".join(bench.machine_lines()))
    print("\n".join(lines))
    print(f"total wall time: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
