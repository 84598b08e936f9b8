"""Benchmark of what placement costs: memory and idle CPU of one actor per salon vs shared hosts.

Activates K salons with one TenantHost actor process each (per_tenant) and K other salons on H
shared hosts (no salon is ever active in both), then sums the USS and RSS (psutil) of each mode's
host processes and measures their CPU over an idle window.

Run from the repository root (PostgreSQL and Redis up; defaults are the local servers):
    .venv/bin/python -m scripts.bench.placement_memory [--salons 20] [--hosts 2] [--idle-s 10]

It starts its own local Ray cluster with the dashboard on a free port, because
`ray.util.state.list_actors` (which gives the actors' PIDs) needs it; without a dashboard the
state API would try 127.0.0.1:8265, where another cluster may answer.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from typing import Any
from uuid import UUID

import psutil
from ray.util.state import list_actors

from actors.directory import TenantDirectory
from actors.host_actor import TenantHost
from config.settings import Placement, Settings
from tests.factories import SalonIds

from . import _stack as bench

MODES = (Placement.PER_TENANT, Placement.SHARED)
MIB = 1024 * 1024
Figures = dict[str, str]


class Hosts:
    """Host actors created exactly as TenantDirectory creates them (same options and names)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._directory = TenantDirectory(settings)
        self._handles: dict[str, Any] = {}

    def for_salon(self, salon: SalonIds) -> Any:
        return self.for_tenant(salon.tenant)

    def name_of(self, tenant_id: UUID) -> str:
        return self._directory.actor_name(tenant_id)

    def for_tenant(self, tenant_id: UUID) -> Any:
        name = self._directory.actor_name(tenant_id)
        if name not in self._handles:
            per_tenant = self._settings.placement == Placement.PER_TENANT
            self._handles[name] = TenantHost.options(  # type: ignore[attr-defined]
                name=name,
                namespace=self._settings.ray_namespace,
                lifetime="detached",
                get_if_exists=True,
            ).remote(self._settings.for_actor(), per_tenant)
        return self._handles[name]


async def activate_all(settings: Settings, salons: list[SalonIds]) -> float:
    """Activate every salon at once (each loads its agenda from PostgreSQL); wall seconds."""
    hosts = Hosts(settings)
    started = time.perf_counter()
    await asyncio.gather(*(hosts.for_salon(s).activate.remote(s.tenant) for s in salons))
    return time.perf_counter() - started


def host_processes(dashboard_url: str, namespace: str) -> dict[Placement, list[psutil.Process]]:
    actors = list_actors(
        address=f"http://{dashboard_url}",
        filters=[("class_name", "=", "TenantHost"), ("state", "=", "ALIVE")],
        limit=10_000,
        raise_on_missing_output=False,
    )
    found: dict[Placement, list[psutil.Process]] = {mode: [] for mode in MODES}
    for actor in actors:
        if actor.ray_namespace != namespace or actor.pid is None:
            continue
        per_tenant = (actor.name or "").startswith("tenant:")  # shared hosts: "tenant-host:<n>"
        mode = Placement.PER_TENANT if per_tenant else Placement.SHARED
        found[mode].append(psutil.Process(actor.pid))
    return found


def idle_cpu_percent(processes: list[psutil.Process], idle_s: float) -> dict[int, float]:
    """CPU of each process over `idle_s`, in % of one core (user + system)."""
    before = {p.pid: sum(p.cpu_times()[:2]) for p in processes}
    started = time.perf_counter()
    time.sleep(idle_s)
    wall_s = time.perf_counter() - started
    return {p.pid: (sum(p.cpu_times()[:2]) - before[p.pid]) / wall_s * 100 for p in processes}


def mode_figures(
    processes: list[psutil.Process], cpu: dict[int, float], salons: int, activate_s: float
) -> Figures:
    memory = [p.memory_full_info() for p in processes]
    uss_mib = sum(m.uss for m in memory) / MIB
    rss_mib = sum(m.rss for m in memory) / MIB
    cpu_total = sum(cpu[p.pid] for p in processes)
    count = max(len(processes), 1)
    return {
        "salons / host processes": f"{salons} / {len(processes)}",
        f"wall time to activate {salons} salons, s": f"{activate_s:.2f}",
        "USS total, MiB": f"{uss_mib:.0f}",
        "RSS total, MiB": f"{rss_mib:.0f}",
        "USS per host process, MiB": f"{uss_mib / count:.1f}",
        "USS per salon, MiB": f"{uss_mib / salons:.1f}",
        "RSS per salon, MiB": f"{rss_mib / salons:.1f}",
        "idle CPU total, % of a core": f"{cpu_total:.1f}",
        "idle CPU per salon, % of a core": f"{cpu_total / salons:.2f}",
    }


def marginal_line(figures: dict[Placement, Figures], salons: int, hosts: int) -> str:
    """Extra USS of one more salon on a host: per-process USS difference between the modes."""
    per_host = salons / hosts
    if per_host <= 1:
        return "marginal USS per extra salon on a host: n/a (needs more salons than hosts)"
    shared = float(figures[Placement.SHARED]["USS per host process, MiB"])
    single = float(figures[Placement.PER_TENANT]["USS per host process, MiB"])
    return (
        f"marginal USS per extra salon on a host ~ {(shared - single) / (per_host - 1):.2f} MiB "
        f"((shared per-host USS - per_tenant per-host USS) / ({per_host:.0f} - 1))"
    )


def run(stack: bench.Stack, args: argparse.Namespace) -> tuple[dict[Placement, Figures], str]:
    salons = asyncio.run(bench.import_salons(stack.settings.database_url, 2 * args.salons))
    per_mode = {MODES[0]: salons[: args.salons], MODES[1]: salons[args.salons :]}
    activate_s: dict[Placement, float] = {}
    for mode in MODES:  # one mode after the other: their start-up costs do not overlap
        settings = stack.settings_for(mode, tenant_hosts=args.hosts)
        activate_s[mode] = asyncio.run(activate_all(settings, per_mode[mode]))
    time.sleep(args.settle_s)  # let process start-up and first upkeep pass before measuring
    processes = host_processes(stack.ray_context.dashboard_url, stack.tag)
    cpu = idle_cpu_percent([p for group in processes.values() for p in group], args.idle_s)
    figures = {
        mode: mode_figures(processes[mode], cpu, args.salons, activate_s[mode]) for mode in MODES
    }
    return figures, marginal_line(figures, args.salons, args.hosts)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--salons", type=int, default=20, help="salons per mode (%(default)s)")
    parser.add_argument("--hosts", type=int, default=2, help="shared hosts (%(default)s)")
    parser.add_argument("--idle-s", type=float, default=10.0, help="CPU window (%(default)s s)")
    parser.add_argument(
        "--settle-s", type=float, default=5.0, help="wait before measuring (%(default)s s)"
    )
    bench.add_stack_arguments(parser)
    args = parser.parse_args()
    if not 1 <= args.salons <= 100 or not 1 <= args.hosts <= args.salons:
        parser.error("need 1 <= --salons <= 100 (actors are processes) and 1 <= --hosts <= salons")
    if not 0 < args.idle_s <= 120 or not 0 <= args.settle_s <= 120:
        parser.error("--idle-s must be in (0, 120] and --settle-s in [0, 120]")
    return args


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    with bench.bench_stack(args, dashboard=True) as stack:
        figures, marginal = run(stack, args)
    rows = [[name, *(figures[m][name] for m in MODES)] for name in figures[MODES[0]]]
    print()
    print("\n".join(bench.machine_lines()))
    print(f"idle window {args.idle_s:.0f} s after {args.settle_s:.0f} s settling; USS via psutil")
    print(bench.format_table(["placement cost", *(m.value for m in MODES)], rows))
    print(marginal)
    print(f"total wall time: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
