"""Benchmark of the live fan-out: thousands of dashboard sockets, one event per salon, HTTP beside.

In one run, on a local Ray cluster started with scripts/up's Serve environment
(RAY_SERVE_ENABLE_HA_PROXY=1, RAY_SERVE_THROUGHPUT_OPTIMIZED=1: HAProxy in front, on 127.0.0.1):
  1. both applications of serve_config.yaml are deployed with the file's deployment options
     (`agenda` at / = ApiIngress, `live` at /ws = LiveIngress), each at a fixed number of
     replicas: the file's min_replicas (autoscaling is off on a 2-core box);
  2. --salons small salons are imported (tests.factories.make_salon) and each gets one auth
     request through its actor, so every salon is active before anything is timed;
  3. GET /api/v1/professionals is loaded (closed loop, --connections, --seconds) with no socket
     open;
  4. --sockets owner sockets (`/ws/sync?tenant_id=…&token=…`, spread evenly over the salons) are
     opened, each waiting for `sync_started`;
  5. one event per salon (a CreateAuthRequest through TenantDirectory.send, as an agent makes it),
     sent at --events-per-s: for every socket, the time from just before the send to the socket
     receiving the event (target p99 <= 250 ms);
  6. more sockets are opened up to --many-sockets, and the HTTP load of 3 runs again
     (target: p99 within 2x of the run with no socket open);
  7. the USS (psutil) of the live replicas' processes, and of HAProxy's, is read before any
     socket, with --sockets and with --many-sockets open: memory per socket (with the replicas'
     connections to Redis, where each salon's live feed holds one in a blocking read).
A refused socket is counted by its answer, never retried. HAProxy's RAY_SERVE_HAPROXY_MAXCONN
(Serve's default 4096, kept by scripts/up) is raised to fit --many-sockets unless
--haproxy-maxconn says otherwise; the salons run on shared hosts (--placement) and the
scheduler and sender are off. Everything runs on 127.0.0.1, bounded in time and count; sockets
are closed and the cluster, database and Redis keys removed at the end.

Run from the repository root (PostgreSQL and Redis up; defaults are the local servers):
    .venv/bin/python -m scripts.bench.fanout [--salons 200] [--sockets 2000] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID, uuid4

import psutil
import uvloop
import yaml

from actors.directory import TenantDirectory
from config.settings import Placement, Settings
from deployments.auth import mint_token
from domain.commands import CreateAuthRequest
from domain.models import Agent, Role
from tests.factories import SalonIds, next_local_slot

from . import _http_load as load
from . import _stack as bench
from ._serve_apps import (
    HAPROXY_MAXCONN_DEFAULT,
    SERVE_ENV,
    Deployed,
    connections_to,
    haproxy_processes,
    live_replicas,
    serve_apps,
    uss_mib,
)
from ._socket_fleet import SocketFleet

ROOT = Path(__file__).resolve().parents[2]
SERVE_CONFIG = ROOT / "serve_config.yaml"
NO_LIMIT = "1000000000/minute"  # counted in Redis as deployed, never reached
READS = "/api/v1/professionals"
START_TIMEOUT_S = 120.0
DELIVERY_TIMEOUT_S = 30.0  # after the last send
SEND_IN_FLIGHT = 16  # warm-up calls at once
FDS_BESIDE_SOCKETS = 512  # the driver's own: Ray, HTTP load, files


# ---- events ----


@dataclass(frozen=True)
class Sent:
    tenant: UUID
    started: float  # perf_counter just before the send
    call_s: float
    request_id: UUID | None  # None: the send failed


def command_for(salon: SalonIds, index: int) -> CreateAuthRequest:
    """Request `index` of a salon: carol then rafael at 08:00 tomorrow (no overlap)."""
    return CreateAuthRequest(
        command_id=uuid4().hex,
        created_by_agent=Agent.PRAZO_CERTO,
        client_id=salon.of("client", f"c{index % 25}"),
        service_id=salon.of("service", "barba"),
        professional_id=salon.of("professional", ("carol", "rafael")[index % 2]),
        starts_at=next_local_slot(days_ahead=1 + index // 2, hour=8),
    )


async def send_one(directory: TenantDirectory, salon: SalonIds, index: int) -> Sent:
    command = command_for(salon, index)
    started = time.perf_counter()
    try:
        result = await directory.send(salon.tenant, command)
    except Exception as error:  # counted in the report (a failed send is a missing event)
        print(f"send to {salon.tenant} failed: {error!r}", file=sys.stderr)
        return Sent(salon.tenant, started, time.perf_counter() - started, None)
    return Sent(salon.tenant, started, time.perf_counter() - started, result.auth_request_id)


async def warm_salons(directory: TenantDirectory, salons: list[SalonIds]) -> list[Sent]:
    """Request 0 of every salon: starts its host and activates it before anything is timed."""
    gate = asyncio.Semaphore(SEND_IN_FLIGHT)

    async def warm(salon: SalonIds) -> Sent:
        async with gate:
            return await send_one(directory, salon, 0)

    return await asyncio.gather(*(warm(s) for s in salons))


async def paced_events(
    directory: TenantDirectory, salons: list[SalonIds], per_s: float
) -> list[Sent]:
    """Request 1 of every salon, started at `per_s` (open loop: a slow send delays no other)."""
    started = time.perf_counter()
    tasks = []
    for k, salon in enumerate(salons):
        await asyncio.sleep(max(0.0, started + k / per_s - time.perf_counter()))
        tasks.append(asyncio.create_task(send_one(directory, salon, 1)))
    return await asyncio.gather(*tasks)


async def deliveries(fleet: SocketFleet, sent: list[Sent]) -> tuple[list[float], int]:
    """Send-to-arrival seconds on every socket open now, waiting (bounded) for the last."""
    by_tenant = {s.tenant: s for s in sent}
    watching = [s for s in fleet.open_now() if s.tenant in by_tenant]
    # Each socket opened after its salon's warm-up event: the timed one is its only watched frame.
    await fleet.wait_for_arrivals(len(watching), DELIVERY_TIMEOUT_S)
    found = []
    for socket in watching:
        event = by_tenant[socket.tenant]
        if event.request_id is not None and event.request_id in socket.arrivals:
            found.append(socket.arrivals[event.request_id] - event.started)
    return found, len(watching)


# ---- the run ----


@dataclass
class Report:
    setup: list[str] = field(default_factory=list)
    http: dict[str, load.Sample] = field(default_factory=dict)
    # sockets open, live replicas' USS, HAProxy's USS, the replicas' Redis connections
    memory: dict[str, tuple[int, float, float, str]] = field(default_factory=dict)
    fanout: dict[str, str] = field(default_factory=dict)
    p99_ratio: float = math.nan
    delivery_p99_s: float = math.nan


async def http_cell(target: load.Target, args: argparse.Namespace) -> load.Sample:
    await load.closed_loop(target, connections=args.connections, seconds=args.warmup)
    return await load.closed_loop(target, connections=args.connections, seconds=args.seconds)


async def wait_for_http(target: load.Target) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        sample = await load.closed_loop(target, connections=1, seconds=0.2)
        if sample.statuses.get(200):
            return
        await asyncio.sleep(0.5)
    raise RuntimeError(f"GET {target.path} did not answer 200 within {START_TIMEOUT_S:.0f} s")


class Measurement:
    """The phases of one run, in order, on one event loop (the sockets live across them)."""

    def __init__(self, deployed: Deployed, settings: Settings, args: argparse.Namespace) -> None:
        self.deployed = deployed
        self.settings = settings
        self.args = args
        self.report = Report()
        self.fleet = SocketFleet(args.open_in_flight)
        self.live_app = next(
            a["name"]
            for a in yaml.safe_load(SERVE_CONFIG.read_text())["applications"]
            if a["deployments"][0]["name"] == "LiveIngress"
        )

    async def memory(self, label: str) -> None:
        await asyncio.sleep(1.0)  # let the last handshakes' garbage go
        replicas = await asyncio.to_thread(
            live_replicas, self.deployed.dashboard_url, self.live_app
        )
        haproxy = haproxy_processes(self.deployed.haproxy_dir)
        if not self.report.memory:  # the first reading: say which processes and their limits
            limits = {p.pid: p.rlimit(psutil.RLIMIT_NOFILE) for p in replicas}
            self.report.setup.append(
                f"live replicas: {len(replicas)} processes, nofile (soft, hard) {limits}; "
                f"HAProxy processes: {len(haproxy)}"
            )
        open_now = len(self.fleet.open_now())
        redis = connections_to(replicas, urlsplit(self.settings.redis_url).port or 6379)
        readings = (open_now, uss_mib(replicas), uss_mib(haproxy), " + ".join(map(str, redis)))
        self.report.memory[label] = readings

    def urls(self, salons: list[SalonIds], first: int, count: int) -> list[tuple[UUID, str]]:
        tokens = {
            s.tenant: mint_token(
                self.settings, user_id=s.owner, tenant_id=s.tenant, role=Role.OWNER
            )
            for s in salons
        }
        base = f"ws://127.0.0.1:{self.deployed.port}/ws/sync"
        picked = [salons[i % len(salons)].tenant for i in range(first, first + count)]
        return [(t, f"{base}?tenant_id={t}&token={tokens[t]}") for t in picked]

    async def prepare(self) -> tuple[TenantDirectory, list[SalonIds], load.Target]:
        """The salons, each active on its host; the HTTP target, answering."""
        started = time.perf_counter()
        salons = await bench.import_salons(self.settings.database_url, self.args.salons)
        imported_s = time.perf_counter() - started
        directory = TenantDirectory(self.settings)
        warm = await warm_salons(directory, salons)
        self.report.setup.append(
            f"data: {len(salons)} salons imported in {imported_s:.1f} s; warm-up: one auth "
            f"request per salon, first call (host start + activation) max "
            f"{bench.ms(max(s.call_s for s in warm))} ms, {sum(s.request_id is None for s in warm)}"
            " failed"
        )
        owner = salons[0]
        token = mint_token(
            self.settings, user_id=owner.owner, tenant_id=owner.tenant, role=Role.OWNER
        )
        headers = {"Authorization": f"Bearer {token}"}
        target = load.Target("127.0.0.1", self.deployed.port, READS, headers)
        await wait_for_http(target)
        return directory, salons, target

    async def run(self) -> Report:
        args, report = self.args, self.report
        try:
            directory, salons, target = await self.prepare()
            report.http["no socket open"] = await http_cell(target, args)
            await self.memory("no socket open")
            await self.open_sockets(salons, 0, args.sockets, "the first")
            await self.memory(f"{args.sockets} sockets asked for")
            await self.events(directory, salons)
            await self.open_sockets(salons, args.sockets, args.many_sockets - args.sockets, "more")
            await self.memory(f"{args.many_sockets} sockets asked for")
            loud = f"{len(self.fleet.open_now())} sockets open"
            report.http[loud] = await http_cell(target, args)
            ended = dict(self.fleet.close_codes()) or "none"
            report.fanout["sockets still open after the HTTP load"] = (
                f"{len(self.fleet.open_now())} (ended before: {ended})"
            )
            report.fanout["permessage-deflate"] = self.fleet.compression()
        finally:  # on a failure too: no socket outlives the run
            closing_s = await self.fleet.close()
        report.fanout["closing all sockets, s"] = f"{closing_s:.1f}"
        quiet, loud_s = (s.latencies_s for s in report.http.values())
        report.p99_ratio = bench.percentile(loud_s, 99) / bench.percentile(quiet, 99)
        return report

    async def open_sockets(
        self, salons: list[SalonIds], first: int, count: int, label: str
    ) -> None:
        if count <= 0:
            return
        before = len(self.fleet.sockets)
        wall_s = await self.fleet.open(self.urls(salons, first, count))
        opened = len(self.fleet.sockets) - before
        failures = dict(self.fleet.failures) or "none"
        if self.fleet.failure_bodies:
            failures = f"{failures} (first answers: {self.fleet.failure_bodies})"
        self.report.fanout[f"open {label} {count} sockets: opened / wall s / per s"] = (
            f"{opened} / {wall_s:.1f} / {opened / wall_s:.0f}; failures so far: {failures}"
        )

    async def events(self, directory: TenantDirectory, salons: list[SalonIds]) -> None:
        sent = await paced_events(directory, salons, self.args.events_per_s)
        latencies, expected = await deliveries(self.fleet, sent)
        calls = [s.call_s for s in sent if s.request_id is not None]
        fanout = self.report.fanout
        fanout["events sent (one per salon) / failed / rate per s"] = (
            f"{len(sent)} / {len(sent) - len(calls)} / {self.args.events_per_s:g}"
        )
        fanout["actor call (send returned) p50 / p99 ms"] = bench.p50_p99_ms(calls)
        fanout["events received / expected (sockets open x their salon's event)"] = (
            f"{len(latencies)} / {expected}"
        )
        p99 = bench.percentile(latencies, 99)
        self.report.delivery_p99_s = p99
        fanout["send -> socket p50 / p99 / max ms"] = (
            f"{bench.ms(bench.percentile(latencies, 50))} / {bench.ms(p99)} / "
            f"{bench.ms(max(latencies, default=math.nan))}"
        )


# ---- settings, limits and the report ----


def raise_fd_limit(args: argparse.Namespace) -> str:
    """The soft file-descriptor limit raised up to the hard one; sockets cut to what it allows."""
    needed = args.many_sockets + args.connections + FDS_BESIDE_SOCKETS
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        wanted = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    new_soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    line = f"bench process nofile soft {soft} -> {new_soft} (hard {hard}; needs ~{needed})"
    room = new_soft - args.connections - FDS_BESIDE_SOCKETS
    if new_soft != resource.RLIM_INFINITY and args.many_sockets > room:
        args.many_sockets, args.sockets = room, min(args.sockets, room)
        line += f"; sockets cut to {room} by this limit"
    return line


def app_args_for(config: dict[str, Any], tag: str, args: argparse.Namespace) -> dict[str, Any]:
    """serve_config.yaml's args (the same for both applications), and what the bench changes."""
    (file_args,) = {yaml.safe_dump(a.get("args") or {}) for a in config["applications"]}
    per_salon = math.ceil(args.many_sockets / args.salons)
    plain: dict[str, Any] = yaml.safe_load(file_args)
    return plain | {
        "ray_namespace": tag,
        "placement": args.placement,
        "tenant_hosts": args.hosts,
        # Per salon and replica; the default already allows this run, set so it always does.
        "sockets_per_salon": max(Settings.model_fields["sockets_per_salon"].default, per_salon),
        "rate_limit_ip": NO_LIMIT,  # every socket and request comes from 127.0.0.1
        "rate_limit_salon": NO_LIMIT,
        "scheduler_enabled": False,  # actors of their own, not on the measured paths
        "sender_enabled": False,
    }


def setup_lines(
    config: dict[str, Any], app_args: dict[str, Any], deployed: Deployed, args: argparse.Namespace
) -> list[str]:
    placement = config["applications"][0]["args"].get("placement")
    raised = args.haproxy_maxconn != HAPROXY_MAXCONN_DEFAULT
    maxconn = f"RAY_SERVE_HAPROXY_MAXCONN={args.haproxy_maxconn}" + (
        f" (Serve's default {HAPROXY_MAXCONN_DEFAULT} is below "
        f"{args.many_sockets} sockets + {args.connections} HTTP connections)"
        if raised
        else " (Serve's default, as scripts/up)"
    )
    per_salon = math.ceil(args.many_sockets / args.salons)
    return [
        "serve: serve_config.yaml's applications and deployment options; replicas fixed at the "
        "file's min_replicas (no autoscaling on this 2-core box):",
        *(f"  {line}" for line in deployed.apps),
        f"  env: {', '.join(f'{k}={v}' for k, v in SERVE_ENV.items())} (as scripts/up: HAProxy "
        f"on 127.0.0.1:{deployed.port}); {maxconn}",
        f"  app args: placement={args.placement} (file: {placement}; {args.salons} hosts "
        f"would not fit 2 cores), tenant_hosts={args.hosts}, "
        f"passivate_after_s={app_args.get('passivate_after_s')}",
        f"  sockets_per_salon={app_args['sockets_per_salon']} per replica (this run opens up to "
        f"{per_salon} per salon); rate limits counted in Redis, never reached; scheduler and "
        "sender actors off",
        f"load: closed loop, {args.connections} connections, GET {READS} as one owner, "
        f"{args.seconds:g} s after {args.warmup:g} s warm-up; sockets opened "
        f"{args.open_in_flight} at a time",
    ]


def http_row(label: str, sample: load.Sample) -> list[str]:
    statuses = " ".join(f"{k}x{n}" for k, n in sorted(sample.statuses.items()))
    errors = " ".join(f"{k}x{n}" for k, n in sorted(sample.errors.items()))
    return [
        label,
        f"{sample.requests_per_s:.0f}",
        bench.ms(bench.percentile(sample.latencies_s, 50)),
        bench.ms(bench.percentile(sample.latencies_s, 99)),
        f"{statuses} {errors}".strip(),
    ]


def memory_rows(memory: dict[str, tuple[int, float, float, str]]) -> list[list[str]]:
    (_, live0, hap0, _), *_ = memory.values()
    rows = []
    for label, (count, live, hap, redis) in memory.items():
        pairs = ((live, live0), (hap, hap0))
        per = [f"{(v - v0) * 1024 / count:.1f}" if count else "-" for v, v0 in pairs]
        rows.append([label, str(count), f"{live:.0f}", f"{hap:.0f}", *per, redis])
    return rows


def print_report(
    report: Report, args: argparse.Namespace, total_s: float, load_before: str
) -> None:
    print()
    print("\n".join(bench.machine_lines()))
    print(f"load average before the run: {load_before}")
    print("\n".join(report.setup))
    print()
    print("fan-out")
    print("\n".join(f"  {name}: {value}" for name, value in report.fanout.items()))
    met = "met" if report.delivery_p99_s <= 0.25 else "NOT met"
    print(f"  delivery target p99 <= 250 ms: {met}")
    print()
    headers = ["memory (USS)", "sockets open", "live MiB", "HAProxy MiB"]
    headers += ["live KiB/socket", "HAProxy KiB/socket", "live Redis conns"]
    print(bench.format_table(headers, memory_rows(report.memory)))
    print()
    headers = [f"GET {READS}, c={args.connections}", "req/s", "p50 ms", "p99 ms", "statuses"]
    print(bench.format_table(headers, [http_row(k, v) for k, v in report.http.items()]))
    if math.isnan(report.p99_ratio):
        print("  p99 with sockets / without: n/a (no answer with the sockets open; target NOT met)")
    else:
        met = "met" if report.p99_ratio <= 2 else "NOT met"
        ratio = f"{report.p99_ratio:.2f}x"
        print(f"  p99 with sockets / without = {ratio} (target within 2x: {met})")
    print(f"total wall time: {total_s:.1f} s")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    for flag, kind, default, meaning in (
        ("--salons", int, 200, "salons imported"),
        ("--sockets", int, 2000, "sockets open while the events are timed"),
        ("--many-sockets", int, 5000, "sockets open for the second HTTP load"),
        ("--seconds", float, 10.0, "per HTTP load"),
        ("--warmup", float, 2.0, "s of load before each timed one"),
        ("--connections", int, 16, "HTTP connections of the closed loop"),
        ("--events-per-s", float, 20.0, "rate of the timed events (one per salon)"),
        ("--open-in-flight", int, 64, "socket handshakes at once"),
        ("--hosts", int, 2, "tenant host actors (shared placement)"),
        ("--haproxy-maxconn", int, 0, "RAY_SERVE_HAPROXY_MAXCONN; 0: Serve's 4096 or what fits"),
    ):
        parser.add_argument(flag, type=kind, default=default, help=f"{meaning} (%(default)s)")
    parser.add_argument(
        "--placement", choices=[p.value for p in Placement], default=Placement.SHARED.value
    )
    parser.add_argument(
        "--quick", action="store_true", help="a tiny run: 10 salons, 50/200 sockets"
    )
    bench.add_stack_arguments(parser)
    args = parser.parse_args()
    if args.quick:
        args.salons, args.sockets, args.many_sockets = 10, 50, 200
        args.seconds, args.warmup, args.events_per_s = 2.0, 0.5, 10.0
    if min(args.salons, args.sockets, args.connections, args.open_in_flight, args.hosts) < 1:
        parser.error("counts must be at least 1")
    if args.many_sockets < args.sockets or args.seconds <= 0 or args.events_per_s <= 0:
        parser.error("--many-sockets at least --sockets; --seconds and --events-per-s positive")
    if not args.haproxy_maxconn:
        needed = args.many_sockets + args.connections + 64
        args.haproxy_maxconn = max(HAPROXY_MAXCONN_DEFAULT, needed)
    return args


def main() -> int:
    args = parse_args()
    fd_line = raise_fd_limit(args)
    started = time.perf_counter()
    load_before = " ".join(f"{v:.2f}" for v in os.getloadavg())
    config = yaml.safe_load(SERVE_CONFIG.read_text())
    with bench.bench_stack(args) as stack:
        app_args = app_args_for(config, stack.tag, args)
        settings = Settings(**app_args)  # as a replica builds it: these, and the environment
        with serve_apps(stack, config, app_args, args.haproxy_maxconn) as deployed:
            with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
                report = runner.run(Measurement(deployed, settings, args).run())
            report.setup[:0] = [*setup_lines(config, app_args, deployed, args), fd_line]
    print_report(report, args, time.perf_counter() - started, load_before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
