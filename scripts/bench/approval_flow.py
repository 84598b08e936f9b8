"""Benchmark of the owner-approval loop: tenant actor calls, Serve over HTTP, the live WebSocket.

For each placement (per_tenant, shared): import S salons, create N pending auth requests per salon
through `TenantDirectory.call` (as an agent does), then approve them over HTTP with concurrency C:
half with no WebSocket open, half with one `/ws/sync` socket per salon open (timing each
`appointment_created` event), and a last sample one at a time (the loop without queueing).

Run from the repository root (PostgreSQL and Redis up; defaults are the local servers):
    .venv/bin/python -m scripts.bench.approval_flow [--salons 4] [--requests 100] [--concurrency 16]

Serve runs here with its stock proxy, started from this driver. scripts/up starts the cluster with
RAY_SERVE_ENABLE_HA_PROXY=1 and RAY_SERVE_THROUGHPUT_OPTIMIZED=1, which docs/ray.md records as
several times faster at the ingress: the HTTP figures here are a pessimistic bound for that setup.
Each open WebSocket holds one of the replica's `max_ongoing_requests` slots for its lifetime.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

import httpx
from ray import serve
from websockets.asyncio.client import ClientConnection, connect

from actors.directory import TenantDirectory
from config.settings import Placement
from deployments.app import ApiIngress, build_app, build_live_app
from deployments.auth import mint_token
from domain.commands import CreateAuthRequest
from domain.models import Agent, Role
from integrations.embedded import free_port
from tests.factories import SalonIds, next_local_slot

from . import _stack as bench

ROUTE_PREFIXES = {Placement.PER_TENANT: "/", Placement.SHARED: "/shared"}
PROFESSIONALS = ("carol", "rafael")  # both perform "barba" (30 min) in make_salon
SLOTS_PER_DAY = 28  # half hours from 08:00 to 21:30 local, inside the salon's 00:00–23:59
WS_TIMEOUT_S = 30.0
HTTP_TIMEOUT_S = 30.0
Figures = dict[str, str]
Approval = tuple[float, float, int]  # sent at (perf_counter), latency s, HTTP status


def slot_of(index: int) -> tuple[str, datetime]:
    """Professional and start of request `index`: no two requests of one salon overlap."""
    professional = PROFESSIONALS[index % len(PROFESSIONALS)]
    day, step = divmod(index // len(PROFESSIONALS), SLOTS_PER_DAY)
    starts_at = next_local_slot(days_ahead=1 + day, hour=8 + step // 2, minute=30 * (step % 2))
    return professional, starts_at


@dataclass(frozen=True)
class Pending:
    token: str
    request_id: UUID


async def create_one(
    directory: TenantDirectory, salon: SalonIds, token: str, index: int
) -> tuple[Pending, float]:
    professional, starts_at = slot_of(index)
    command = CreateAuthRequest(
        command_id=uuid4().hex,
        created_by_agent=Agent.PRAZO_CERTO,
        client_id=salon.of("client", f"c{index % 25}"),
        service_id=salon.of("service", "barba"),
        professional_id=salon.of("professional", professional),
        starts_at=starts_at,
    )
    started = time.perf_counter()
    result = await directory.send(salon.tenant, command)
    return Pending(token, result.auth_request_id), time.perf_counter() - started


async def create_requests(
    directory: TenantDirectory, tokens: dict[SalonIds, str], per_salon: int, figures: Figures
) -> list[Pending]:
    """The first call per salon starts its host and activates it: timed apart from the rest."""
    cold = await asyncio.gather(*(create_one(directory, s, t, 0) for s, t in tokens.items()))

    async def rest(salon: SalonIds, token: str) -> list[tuple[Pending, float]]:
        # One agent per salon: a salon's calls are sequential, salons run side by side.
        return [await create_one(directory, salon, token, i) for i in range(1, per_salon)]

    started = time.perf_counter()
    warm = await asyncio.gather(*(rest(s, t) for s, t in tokens.items()))
    wall_s = time.perf_counter() - started
    latencies = [seconds for calls in warm for _, seconds in calls]
    figures["first call per salon (start+activate), max ms"] = bench.ms(max(c[1] for c in cold))
    figures["create_auth_request actor call p50 / p99 ms"] = bench.p50_p99_ms(latencies)
    figures["create_auth_request calls/s (salons in parallel)"] = f"{len(latencies) / wall_s:.0f}"
    # Interleave the salons so that every batch of approvals spreads over all of them.
    columns = [tuple(p for p, _ in cold), *zip(*([p for p, _ in c] for c in warm), strict=True)]
    return [pending for column in columns for pending in column]


class SocketWatch:
    """One WebSocket per salon; notes when each `appointment_created` arrives."""

    def __init__(self) -> None:
        self.arrived: dict[UUID, float] = {}

    async def open(self, exits: AsyncExitStack, url: str) -> None:
        ws = await exits.enter_async_context(connect(url))
        while True:
            message = json.loads(await asyncio.wait_for(ws.recv(), WS_TIMEOUT_S))
            if message["event_type"] == "sync_started":
                break
        exits.callback(asyncio.create_task(self._read(ws)).cancel)

    async def _read(self, ws: ClientConnection) -> None:
        async for raw in ws:
            message = json.loads(raw)
            if message["event_type"] == "appointment_created":
                self.arrived[UUID(message["data"]["auth_request_id"])] = time.perf_counter()

    async def latencies(self, batch: Sequence[Pending], sent: Sequence[Approval]) -> list[float]:
        """Wait (bounded) for the batch's events; send-to-arrival seconds of those that came."""
        deadline = time.perf_counter() + WS_TIMEOUT_S
        while time.perf_counter() < deadline:
            if all(p.request_id in self.arrived for p in batch):
                break
            await asyncio.sleep(0.002)
        return [
            self.arrived[p.request_id] - a[0]
            for p, a in zip(batch, sent, strict=True)
            if p.request_id in self.arrived
        ]


class ApprovalRun:
    """Approves one placement's pending requests over HTTP while watching the salons' sockets."""

    def __init__(self, http: httpx.AsyncClient, args: argparse.Namespace, figures: Figures) -> None:
        self._http = http
        self._args = args
        self._figures = figures
        self._gate = asyncio.Semaphore(args.concurrency)
        self.watch = SocketWatch()

    async def approve(self, pending: Pending) -> Approval:
        started = time.perf_counter()
        try:
            response = await self._http.post(
                f"/api/v1/sync/confirm-auth-request/{pending.request_id}",
                json={"decision": "approve"},
                headers={"Authorization": f"Bearer {pending.token}"},
            )
        except httpx.TimeoutException:  # counted as status 0 ("no answer in time")
            return started, time.perf_counter() - started, 0
        return started, time.perf_counter() - started, response.status_code

    async def _gated(self, pending: Pending) -> Approval:
        async with self._gate:
            return await self.approve(pending)

    async def batch(self, items: Sequence[Pending], label: str) -> list[Approval]:
        started = time.perf_counter()
        results = await asyncio.gather(*(self._gated(p) for p in items))
        wall_s = time.perf_counter() - started
        label = f"c={self._args.concurrency}, {label}"
        latencies = [r[1] for r in results]
        self._figures[f"approve HTTP p50 / p99 ms, {label}"] = bench.p50_p99_ms(latencies)
        self._figures[f"approvals/s, {label}"] = f"{len(items) / wall_s:.0f}"
        return results

    async def run(self, pending: list[Pending], exits: AsyncExitStack, urls: list[str]) -> None:
        """Half the load with no socket open, half with one per salon, then one at a time."""
        load, sample = pending[: -self._args.ws_sample], pending[-self._args.ws_sample :]
        quiet, loud = load[: len(load) // 2], load[len(load) // 2 :]
        sent = await self.batch(quiet, "no socket open")
        for url in urls:
            await self.watch.open(exits, url)
        loud_sent = await self.batch(loud, f"{len(urls)} sockets open")
        under_load = await self.watch.latencies(loud, loud_sent)
        self._figures["approve -> WS event p50 / p99 ms, under load"] = bench.p50_p99_ms(under_load)
        one_by_one: list[float] = []
        for item in sample:  # one at a time: the loop's latency without queueing
            approval = await self.approve(item)
            sent.append(approval)
            one_by_one += await self.watch.latencies([item], [approval])
        name = f"approve -> WS event p50 / p99 ms, one at a time (n={len(sample)})"
        self._figures[name] = bench.p50_p99_ms(one_by_one)
        codes = Counter(a[2] for a in sent + loud_sent)
        missing = len(loud) + len(sample) - len(under_load) - len(one_by_one)
        statuses = " ".join(f"{code}x{count}" for code, count in sorted(codes.items()))
        self._figures["HTTP statuses / WS events missing"] = f"{statuses} / {missing}"


async def bench_placement(
    stack: bench.Stack, placement: Placement, host_port: str, args: argparse.Namespace
) -> Figures:
    settings = stack.settings_for(placement, tenant_hosts=args.hosts)
    salons = await bench.import_salons(settings.database_url, args.salons)
    tokens = {
        s: mint_token(settings, user_id=s.owner, tenant_id=s.tenant, role=Role.OWNER)
        for s in salons
    }
    figures: Figures = {"salons x requests": f"{args.salons} x {args.requests}"}
    pending = await create_requests(TenantDirectory(settings), tokens, args.requests, figures)
    prefix = ROUTE_PREFIXES[placement].rstrip("/")
    urls = [
        f"ws://{host_port}{prefix}/ws/sync?tenant_id={s.tenant}&token={t}"
        for s, t in tokens.items()
    ]
    limits = httpx.Limits(max_connections=args.concurrency)
    base_url = f"http://{host_port}{prefix}"
    async with AsyncExitStack() as exits:
        http = await exits.enter_async_context(
            httpx.AsyncClient(base_url=base_url, timeout=HTTP_TIMEOUT_S, limits=limits)
        )
        await ApprovalRun(http, args, figures).run(pending, exits, urls)
    return figures


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    for flag, default, meaning in (
        ("--salons", 4, "salons per placement"),
        ("--requests", 100, "auth requests per salon (at most 2000)"),
        ("--concurrency", 16, "approvals in flight"),
        ("--ws-sample", 20, "approvals timed one at a time at the end"),
        ("--hosts", 2, "host actors in shared mode"),
        ("--max-ongoing-requests", 0, "override the ingress's max_ongoing_requests; 0: keep"),
    ):
        parser.add_argument(flag, type=int, default=default, help=f"{meaning} (%(default)s)")
    bench.add_stack_arguments(parser)
    args = parser.parse_args()
    if min(args.salons, args.requests, args.concurrency, args.ws_sample, args.hosts) < 1:
        parser.error("all counts must be at least 1")
    if args.requests > 2000 or args.ws_sample >= args.salons * args.requests:
        parser.error("--requests is at most 2000; --ws-sample must be below salons x requests")
    return args


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    results: dict[Placement, Figures] = {}
    with bench.bench_stack(args) as stack:
        port = free_port()
        serve.start(http_options={"host": "127.0.0.1", "port": port})
        try:
            for placement, prefix in ROUTE_PREFIXES.items():
                app_args = {"placement": placement.value, "ray_namespace": stack.tag}
                if placement == Placement.SHARED:
                    app_args["tenant_hosts"] = args.hosts
                app = build_app(app_args)
                if args.max_ongoing_requests:  # what-if: the ingress's deployment option raised
                    ingress = ApiIngress.options(  # type: ignore[attr-defined]
                        max_ongoing_requests=args.max_ongoing_requests
                    )
                    app = ingress.bind(app_args)
                serve.run(app, name=placement.value, route_prefix=prefix)
                serve.run(  # the sockets, as serve_config.yaml deploys them
                    build_live_app(app_args),
                    name=f"{placement.value}-live",
                    route_prefix=prefix.rstrip("/") + "/ws",
                )
            for placement in ROUTE_PREFIXES:
                figures = asyncio.run(bench_placement(stack, placement, f"127.0.0.1:{port}", args))
                results[placement] = figures
        finally:
            serve.shutdown()  # type: ignore[no-untyped-call]
    columns = list(results)
    rows = [[name, *(results[p][name] for p in columns)] for name in results[columns[0]]]
    print()
    print("\n".join(bench.machine_lines()))
    limit = args.max_ongoing_requests or ApiIngress.max_ongoing_requests  # type: ignore[attr-defined]
    print("ingress: stock Serve proxy from the driver (no HAProxy), 1 replica per app,")
    print(f"         max_ongoing_requests={limit} (HTTP; the sockets have a live app of their own)")
    print(bench.format_table(["approval flow", *(p.value for p in columns)], rows))
    print(f"total wall time: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
