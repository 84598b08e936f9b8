"""Benchmark of the REST reads: Serve's tax and our own (three ways to serve the same reads).

One salon is imported (200 clients) and given 150 pending auth requests through its actor; then
three endpoints (`GET /api/v1/professionals`, `/api/v1/sync/pending-auth-requests`,
`/api/v1/clients?limit=50`) are loaded, each for --seconds after a warm-up, on:
  (a) the HTTP app of serve_config.yaml (`deployments.app:build_app`, ApiIngress with the file's
      deployment options: autoscaling from 2 replicas) on a Ray cluster whose environment is
      scripts/up's: RAY_SERVE_ENABLE_HA_PROXY=1, RAY_SERVE_THROUGHPUT_OPTIMIZED=1 (HAProxy in
      front, on 127.0.0.1; a caller's own values of the two are kept, as scripts/up keeps them);
  (b) the same FastAPI app, `create_api(settings, sockets=False)`, under bare uvicorn (1 process);
  (c) the floor: FastAPI and asyncpg alone running the same SQL, rows straight to JSON (no auth,
      no models, no middleware).
The load is a closed loop of --connections keep-alive connections in this process (its own CPU is
reported, to show it is not the bottleneck), with the CPU of our processes, of our database's
PostgreSQL backends and of Redis per request. Then each step of (b) is timed in this process
without HTTP: JWT, rate-limit counts, pool, thread-pool hops (plain `def` dependencies), query,
models, response, and the rest (middleware, dependency solving, routing), beside (c)'s whole app.

Every target counts rate limits in Redis as deployed, with limits no run reaches; the scheduler
and the sender (actors of their own, not on the read path) are off. (c), (b) and the breakdown run
with no Ray cluster up; (a) runs last, on a cluster restarted with scripts/up's Serve settings.

Run from the repository root (PostgreSQL and Redis up; defaults are the local servers):
    .venv/bin/python -m scripts.bench.read_paths [--seconds 10] [--connections 16] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar, cast
from uuid import UUID, uuid4

import asyncpg
import httpx
import psutil
import ray
import uvloop
import yaml
from fastapi import FastAPI, Request, Response
from fastapi.routing import serialize_response

from actors.directory import TenantDirectory
from config import logs
from config.settings import Settings
from db.pool import connect
from db.read.agenda import AUTH_REQUEST_COLUMNS, PROFESSIONALS_SQL
from db.salon_import import import_salon
from deployments.api import create_api
from deployments.auth import TokenVerifier, mint_token
from deployments.rate_limits import RateLimits
from deployments.resources import Resources
from domain.commands import CreateAuthRequest
from domain.models import Agent, Role
from domain.salon_import import ClientPart
from integrations.embedded import free_port
from scripts.local_cluster import LocalCluster, Ports
from tests.factories import SalonIds, make_salon, next_local_slot, next_phone

from . import _http_load as probe
from . import _stack as bench

MODULE = "scripts.bench.read_paths"  # what uvicorn imports the apps of (b) and (c) from
ROOT = Path(__file__).resolve().parents[2]
SERVE_CONFIG = ROOT / "serve_config.yaml"
HTTP_APP = "deployments.app:build_app"
NO_LIMIT = "1000000000/minute"  # counted in Redis as deployed, never reached
SERVE_ENV = ("RAY_SERVE_ENABLE_HA_PROXY", "RAY_SERVE_THROUGHPUT_OPTIMIZED")  # scripts/up: "1"
PROFESSIONALS = ("carol", "rafael")  # both perform "barba" (30 min) in make_salon
SLOTS_PER_DAY = 28  # half hours from 08:00 local: no two requests overlap
START_TIMEOUT_S = 120.0
T = TypeVar("T")

PENDING_SQL = f"""SELECT {AUTH_REQUEST_COLUMNS} FROM auth_request
    WHERE tenant_id = $1 AND status = 'pending' ORDER BY created_at, id LIMIT $2"""
CLIENTS_SQL = """SELECT id, name, phone_e164, whatsapp_id, marketing_opt_out,
        count(*) OVER () AS total
    FROM client WHERE tenant_id = $1 AND erased_at IS NULL ORDER BY name, id LIMIT $2"""


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str  # as (a) and (b) are asked, query included

    @property
    def route(self) -> str:
        return self.path.partition("?")[0]

    def bare_path(self, tenant_id: UUID) -> str:
        return f"{self.path}{'&' if '?' in self.path else '?'}tenant_id={tenant_id}"


ENDPOINTS = (
    Endpoint("professionals", "/api/v1/professionals"),
    Endpoint("pending auth requests", "/api/v1/sync/pending-auth-requests"),
    Endpoint("clients, limit 50", "/api/v1/clients?limit=50"),
)
TARGETS = {
    "a": "(a) Serve, HAProxy, serve_config",
    "b": "(b) create_api, bare uvicorn",
    "c": "(c) FastAPI+asyncpg floor",
}


# ---- (b) and (c) as uvicorn imports them (`uvicorn --factory scripts.bench.read_paths:…`) ----


def full_api() -> FastAPI:
    """(b): what an ApiIngress replica serves, its settings from this process's environment."""
    settings = Settings()
    logs.configure(settings.log_level)
    return create_api(settings, sockets=False)


async def _json_codecs(conn: asyncpg.Connection) -> None:
    for name in ("json", "jsonb"):
        await conn.set_type_codec(name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


def bare_api(settings: Settings | None = None) -> FastAPI:
    """(c): FastAPI and asyncpg alone: the same SQL, rows straight to JSON. No auth, no models."""
    database_url = (settings or Settings()).database_url

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.pool = await asyncpg.create_pool(database_url, max_size=10, init=_json_codecs)
        yield
        await app.state.pool.close()

    app = FastAPI(lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None)

    async def rows_json(request: Request, sql: str, *args: object) -> Response:
        async with request.app.state.pool.acquire() as conn:
            rows = await conn.fetch(sql, *args)
        body = json.dumps({"data": [dict(row) for row in rows]}, default=str)
        return Response(body, media_type="application/json")

    @app.get("/api/v1/professionals")
    async def professionals(request: Request, tenant_id: UUID) -> Response:
        return await rows_json(request, PROFESSIONALS_SQL, tenant_id)

    @app.get("/api/v1/sync/pending-auth-requests")
    async def pending(request: Request, tenant_id: UUID) -> Response:
        return await rows_json(request, PENDING_SQL, tenant_id, 501)

    @app.get("/api/v1/clients")
    async def clients(request: Request, tenant_id: UUID, limit: int = 50) -> Response:
        return await rows_json(request, CLIENTS_SQL, tenant_id, limit)

    return app


# ---- data, servers and the Serve cluster ----


async def prepare_salon(settings: Settings, clients: int, pending: int) -> SalonIds:
    """A salon of `clients` clients and `pending` auth requests made through its actor."""
    parts = [
        ClientPart(key=f"c{i}", name=f"Cliente {i:03d}", phone=next_phone(), visits=[])
        for i in range(clients)
    ]
    salon = make_salon(clients=parts)
    conn = await connect(settings.database_url)
    try:
        async with conn.transaction():
            await import_salon(conn, salon)
    finally:
        await conn.close()
    ids = SalonIds(salon)
    directory = TenantDirectory(settings)
    gate = asyncio.Semaphore(8)

    async def create(index: int) -> None:
        day, step = divmod(index // len(PROFESSIONALS), SLOTS_PER_DAY)
        command = CreateAuthRequest(
            command_id=uuid4().hex,
            created_by_agent=Agent.PRAZO_CERTO,
            client_id=ids.of("client", f"c{index % clients}"),
            service_id=ids.of("service", "barba"),
            professional_id=ids.of("professional", PROFESSIONALS[index % len(PROFESSIONALS)]),
            starts_at=next_local_slot(1 + day, hour=8 + step // 2, minute=30 * (step % 2)),
        )
        async with gate:
            await directory.send(ids.tenant, command)

    await create(0)  # starts the salon's actor
    await asyncio.gather(*(create(i) for i in range(1, pending)))
    return ids


def run_async(work: Coroutine[Any, Any, T]) -> T:
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(work)


def wait_until_answering(url: str, headers: dict[str, str], alive: Callable[[], bool]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and alive():
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, headers=headers, timeout=5.0).status_code == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer 200 within {START_TIMEOUT_S:.0f} s")


@contextlib.contextmanager
def uvicorn_server(
    factory: str, env: dict[str, str], first_path: str, headers: dict[str, str]
) -> Iterator[int]:
    """One uvicorn process serving `factory` on a free port of 127.0.0.1, answering
    `first_path`; stopped (by its pid) on exit."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--factory", f"{MODULE}:{factory}"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--no-access-log"]
    process = subprocess.Popen([*command, "--log-level", "warning"], cwd=ROOT, env=env)
    try:
        url = f"http://127.0.0.1:{port}{first_path}"
        wait_until_answering(url, headers, lambda: process.poll() is None)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def http_app_config(config: dict[str, Any]) -> dict[str, Any]:
    """serve_config.yaml's HTTP application (the one importing deployments.app:build_app)."""
    return next(a for a in config["applications"] if a["import_path"] == HTTP_APP)


@contextlib.contextmanager
def serve_cluster(
    tag: str, temp_dir: Path, config: dict[str, Any], app_args: dict[str, Any]
) -> Iterator[tuple[int, Callable[[], str]]]:
    """(a): Ray restarted with scripts/up's Serve environment; the HTTP app deployed with
    serve_config.yaml's options. Yields HAProxy's port and a function naming the replicas."""
    port = free_port()
    # The files and side ports of HAProxy exactly as scripts/up chooses them, in our own folder.
    haproxy = LocalCluster(data=temp_dir, ports=Ports(api=port), gcs_port=0)
    # Serve reads these in the processes Ray starts: they must be set before ray.init (and
    # before ray.serve is imported here). bench_stack restores the environment at its exit.
    os.environ.update({name: os.environ.get(name, "1") for name in SERVE_ENV})
    os.environ.update(haproxy.haproxy_environment())
    try:
        ray.init(
            namespace=tag,
            include_dashboard=False,
            log_to_driver=False,
            _temp_dir=str(temp_dir),
            _node_ip_address="127.0.0.1",  # HAProxy reaches the replicas on loopback
        )
        from ray import serve

        from deployments.app import ApiIngress, build_app

        app_config = http_app_config(config)
        build_app(app_args)  # refuses what `serve deploy` would refuse
        options = next(d for d in app_config["deployments"] if d["name"] == "ApiIngress")
        options = {k: v for k, v in options.items() if k != "name"}
        deployment = ApiIngress.options(**options)  # type: ignore[attr-defined]
        name = app_config["name"]

        def replicas() -> str:
            status = serve.status().applications[name].deployments["ApiIngress"]
            return ", ".join(f"{state} x{n}" for state, n in status.replica_states.items())

        serve.start(
            proxy_location=config.get("proxy_location"),
            http_options={"host": "127.0.0.1", "port": port},
            logging_config=config.get("logging_config"),
        )
        serve.run(
            deployment.bind(app_args),
            name=name,
            route_prefix=app_config["route_prefix"],
            logging_config=config.get("logging_config"),
        )
        yield port, replicas
    finally:
        # Not serve.shutdown(): it waits out the replicas' direct-ingress drain (30 s). The
        # cluster is thrown away; HAProxy, which outlives its actor, is stopped after it.
        ray.shutdown()
        _stop_leftovers(haproxy.haproxy_dir)


def _stop_leftovers(folder: Path) -> None:
    """HAProxy processes of this run that outlived Serve (they name our own folder)."""
    ours = probe.named(str(folder))
    for process in ours:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.terminate()
    _, alive = psutil.wait_procs(ours, timeout=10)
    for process in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()
    shutil.rmtree(folder, ignore_errors=True)


# ---- load ----


STORES = ("PostgreSQL", "Redis")


@dataclass
class Cell:
    sample: probe.Sample
    cpu: probe.CpuUse

    def items(self) -> int:
        body = self.sample.bodies.get(200)
        return -1 if body is None else len(json.loads(body)["data"])

    def ms(self, seconds: float) -> float:
        """`seconds` of CPU per request, in ms."""
        return seconds / max(1, len(self.sample.latencies_s)) * 1000

    def servers_ms(self) -> float:
        return self.ms(self.cpu.total_s(set(self.cpu.by_label) - set(STORES)))


def process_label(cmdline: str) -> str:
    if cmdline.startswith("postgres"):
        return "PostgreSQL"
    if "redis-server" in cmdline:
        return "Redis"
    if "haproxy" in cmdline:
        return "HAProxy"
    if "ServeReplica" in cmdline:
        return "replicas"
    return "uvicorn" if "uvicorn" in cmdline else "rest of Ray"


def watched(database: str) -> Callable[[], list[psutil.Process]]:
    """What serves the load: our processes, our database's backends, the Redis server."""
    return lambda: [
        *probe.descendants(),
        *probe.named("postgres:", f" {database} "),
        *probe.named("redis-server"),
    ]


async def load_target(
    port: int, paths: list[str], headers: dict[str, str], args: argparse.Namespace, database: str
) -> list[Cell]:
    """Each path in turn: a warm-up, then --seconds of load with the CPU it cost."""
    cells = []
    for path in paths:
        target = probe.Target("127.0.0.1", port, path, headers)
        for seconds, timed in ((args.warmup, False), (args.seconds, True)):
            window = probe.CpuWindow(watched(database), process_label)
            window.start()
            sample = await probe.closed_loop(
                target, connections=args.connections, seconds=seconds, client=args.client
            )
            if timed:
                cells.append(Cell(sample, window.stop()))
    return cells


# ---- the breakdown of (b), in this process, without HTTP ----


STAGES = (
    "auth (JWT, claims; signature checked once per token)",
    "rate limits (address + salon, one Redis call)",
    "pool acquire+release",
    "thread-pool hops",
    "query",
    "models (rows -> response objects)",
    "response (validate, JSON)",
)
COMMON = STAGES[:3]  # the same for every endpoint


@dataclass
class Breakdown:
    stages: dict[str, dict[str, probe.Cost]] = field(default_factory=dict)  # endpoint: stage
    whole: dict[str, probe.Cost] = field(default_factory=dict)  # (b)'s app, in process
    floor: dict[str, probe.Cost] = field(default_factory=dict)  # (c)'s app, in process
    hops: dict[str, list[str]] = field(default_factory=dict)  # endpoint: its sync dependencies
    same_sql: bool = False  # (c)'s professionals SQL is the one (b) sends

    def rest(self, endpoint: str) -> probe.Cost:
        spent = self.whole[endpoint]
        for cost in self.stages[endpoint].values():
            spent = spent - cost
        return spent


async def endpoint_costs(
    api: FastAPI, resources: Resources, claims: Any, endpoint: Endpoint, calls: int
) -> tuple[dict[str, probe.Cost], str]:
    """Query, models and response of one route, each alone (the SQL it sent, for the check)."""
    route = probe.find_route(api.routes, endpoint.route)
    async with resources.pool.acquire() as conn:
        recorder = probe.Recorder(conn)
        deps = replace(resources, pool=cast(Any, probe.OnePool(recorder)))
        result = await route.endpoint(user=claims, deps=deps)

        async def query() -> None:
            for method, sql, args, _ in recorder.calls:
                await getattr(conn, method)(sql, *args)

        costs = {"query": await probe.per_call(query, calls)}
    replay = replace(resources, pool=cast(Any, probe.OnePool(probe.Replay(recorder.calls))))
    costs[STAGES[5]] = await probe.per_call(lambda: route.endpoint(user=claims, deps=replay), calls)
    costs[STAGES[6]] = await probe.per_call(
        lambda: serialize_response(
            field=route.response_field, response_content=result, dump_json=True
        ),
        calls,
    )
    return costs, recorder.calls[0][1]


async def breakdown(settings: Settings, salon: SalonIds, token: str, calls: int) -> Breakdown:
    found = Breakdown()
    api, bare = create_api(settings, sockets=False), bare_api(settings)
    headers = {"Authorization": f"Bearer {token}"}
    async with api.router.lifespan_context(api), bare.router.lifespan_context(bare):
        resources: Resources = api.state.resources
        limits: RateLimits = api.state.rate_limits
        tokens: TokenVerifier = api.state.tokens  # the verifier the API runs on every call
        claims = tokens.decode(token)

        async def auth() -> object:
            return tokens.decode(token)

        async def counts() -> None:
            await limits.hit_all(("ip", "127.0.0.1"), ("salon", str(salon.tenant)))

        async def pool() -> None:
            async with resources.pool.acquire():
                pass

        common = {
            STAGES[0]: await probe.per_call(auth, calls),
            STAGES[1]: await probe.per_call(counts, calls),
            STAGES[2]: await probe.per_call(pool, calls),
        }
        hop = await probe.per_call(probe.thread_pool_hop, calls)
        for endpoint in ENDPOINTS:
            route = probe.find_route(api.routes, endpoint.route)
            hops = found.hops[endpoint.name] = probe.sync_dependencies(route)
            costs, sql = await endpoint_costs(api, resources, claims, endpoint, calls)
            found.stages[endpoint.name] = common | costs
            found.stages[endpoint.name][STAGES[3]] = probe.Cost(
                hop.wall_us * len(hops), hop.cpu_us * len(hops)
            )
            if endpoint is ENDPOINTS[0]:
                found.same_sql = sql.split() == PROFESSIONALS_SQL.split()
            whole = functools.partial(probe.asgi_get, api, endpoint.path, headers)
            found.whole[endpoint.name] = await probe.per_call(whole, calls)
            floor = functools.partial(probe.asgi_get, bare, endpoint.bare_path(salon.tenant), {})
            found.floor[endpoint.name] = await probe.per_call(floor, calls)
    return found


# ---- the run and its report ----


@dataclass
class Report:
    cells: dict[str, list[Cell]] = field(default_factory=dict)
    breakdown: Breakdown = field(default_factory=Breakdown)
    replicas: str = ""
    app_options: str = ""
    load_before: str = ""


def run(stack: bench.Stack, args: argparse.Namespace) -> Report:
    config = yaml.safe_load(SERVE_CONFIG.read_text())
    app_config = http_app_config(config)
    app_args = dict(app_config.get("args") or {}) | {"ray_namespace": stack.tag}
    app_args |= {"rate_limits_enabled": not args.rate_limits_off}
    app_args |= {"rate_limit_ip": NO_LIMIT, "rate_limit_salon": NO_LIMIT}
    app_args |= {"scheduler_enabled": False, "sender_enabled": False}
    settings = Settings(**app_args)  # as a replica builds it: these, and the environment
    salon = asyncio.run(prepare_salon(settings, args.clients, args.pending))
    token = mint_token(settings, user_id=salon.owner, tenant_id=salon.tenant, role=Role.OWNER)
    headers = {"Authorization": f"Bearer {token}"}
    print(f"salon {salon.tenant}: {bench.kill_tenant_actors(stack.tag)} actor stopped", flush=True)
    temp_dir = Path(stack.ray_context.address_info["session_dir"]).parent
    ray.shutdown()  # (c), (b) and the breakdown run with no Ray cluster up
    report = Report(load_before=" ".join(f"{v:.2f}" for v in os.getloadavg()))
    env = os.environ | settings.process_environment()
    for key, factory, paths, sent in (
        ("c", "bare_api", [e.bare_path(salon.tenant) for e in ENDPOINTS], {}),
        ("b", "full_api", [e.path for e in ENDPOINTS], headers),
    ):
        with uvicorn_server(factory, env, paths[0], sent) as port:
            print(f"{TARGETS[key]}: loading", flush=True)
            report.cells[key] = run_async(load_target(port, paths, sent, args, stack.tag))
    print("(b) step by step, in process", flush=True)
    report.breakdown = run_async(breakdown(settings, salon, token, args.calls))
    with serve_cluster(stack.tag, temp_dir, config, app_args) as (port, replicas):
        url = f"http://127.0.0.1:{port}{ENDPOINTS[0].path}"
        wait_until_answering(url, headers, ray.is_initialized)
        print(f"{TARGETS['a']}: loading ({replicas()})", flush=True)
        paths = [e.path for e in ENDPOINTS]
        report.cells["a"] = run_async(load_target(port, paths, headers, args, stack.tag))
        report.replicas = replicas()
    options = next(d for d in app_config["deployments"] if d["name"] == "ApiIngress")
    report.app_options = ", ".join(f"{k}={v}" for k, v in options.items() if k != "name")
    return report


def cell_row(key: str, cell: Cell) -> list[str]:
    sample, cpu = cell.sample, cell.cpu
    client_us = cell.ms(cpu.client_s) * 1000
    return [
        TARGETS[key],
        f"{sample.requests_per_s:.0f}",
        bench.ms(bench.percentile(sample.latencies_s, 50)),
        bench.ms(bench.percentile(sample.latencies_s, 99)),
        f"{cell.servers_ms():.2f}",
        f"{cell.ms(cpu.total_s(STORES)):.2f}",
        f"{client_us:.0f} µs ({cpu.client_s / sample.wall_s:.0%})",
        str(cell.items()),
        str(sample.failures),
    ]


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def print_endpoint(report: Report, index: int) -> None:
    cells = {key: report.cells[key][index] for key in TARGETS}
    headers = ["GET " + ENDPOINTS[index].path, "req/s", "p50 ms", "p99 ms", "CPU ms/req: ours"]
    headers += ["PG+Redis", "client/req (core)", "items", "failed"]
    print(bench.format_table(headers, [cell_row(k, c) for k, c in cells.items()]))
    a, b, c = (cells[k].sample.requests_per_s for k in TARGETS)
    print(f"  (a)/(b) req/s = {a / b:.0%} (target >= 65 %: {verdict(a / b >= 0.65)})")
    within = verdict(c <= 2 * b)
    print(f"  (b)/(c) req/s = {b / c:.0%}: (c) is {c / b:.2f}x (b) (target within 2x: {within})")
    serve = cells["a"]
    by = ", ".join(f"{k} {serve.ms(v):.2f}" for k, v in sorted(serve.cpu.by_label.items()))
    print(f"  (a) CPU ms/req by process: {by}")
    for key, cell in cells.items():
        if cell.sample.failures:
            statuses = dict(cell.sample.statuses) | dict(cell.sample.errors)
            print(f"  {TARGETS[key]} failures: {statuses}")


def print_breakdown(report: Report) -> None:
    found = report.breakdown
    names = [e.name for e in ENDPOINTS]
    rows = [[stage, *(str(found.stages[n][stage]) for n in names)] for stage in STAGES]
    rows += [["rest (middleware, deps, routing)", *(str(found.rest(n)) for n in names)]]
    rows += [["= (b)'s app, whole, in process", *(str(found.whole[n]) for n in names)]]
    rows += [["(c)'s app, whole, in process", *(str(found.floor[n]) for n in names)]]
    under_load = [report.cells["b"][i].servers_ms() * 1000 for i in range(len(names))]
    rows += [["(b) under load: uvicorn, CPU/req", *(f"- / {u:.0f}" for u in under_load)]]
    print("(b) step by step, in this process, no HTTP: µs per call, wall / CPU (best of 5 rounds)")
    print(bench.format_table(["step", *names], rows))
    print(f"  (c) runs the SQL (b) sends for professionals: {'yes' if found.same_sql else 'NO'}")
    for name in names:
        costs = found.stages[name]
        parts = [f"{stage.split(' (')[0]} {costs[stage].cpu_us:.0f} µs" for stage in STAGES]
        parts[3] += f" ({', '.join(found.hops[name]) or 'none'})"
        extra = found.whole[name].cpu_us - found.floor[name].cpu_us
        print(f"  {name}: {', '.join(parts)}, rest {found.rest(name).cpu_us:.0f} µs;")
        print(f"    (b)'s app takes {extra:.0f} µs of CPU per call more than (c)'s")


def print_report(report: Report, args: argparse.Namespace, total_s: float) -> None:
    print()
    print("\n".join(bench.machine_lines()))
    print(f"load average before the run: {report.load_before}")
    print(f"(a) serve_config.yaml ApiIngress: {report.app_options}")
    print(
        f"    env: {', '.join(f'{n}=1' for n in SERVE_ENV)} (as scripts/up); replicas at the end:"
        f" {report.replicas}"
    )
    limits = "counted in Redis (limit never reached)" if not args.rate_limits_off else "off"
    print(f"rate limits: {limits}; scheduler and sender actors: off")
    print(
        f"load: {args.client} client, {args.connections} connections, {args.seconds:g} s per "
        f"cell after {args.warmup:g} s warm-up; CPU 'ours' = the processes this bench started,"
        " 'PG+Redis' = our database's backends and the Redis server, 'client' = this process"
    )
    for index in range(len(ENDPOINTS)):
        print()
        print_endpoint(report, index)
    print()
    print_breakdown(report)
    print(f"total wall time: {total_s:.1f} s")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--connections", type=int, default=16, help="in flight (%(default)s)")
    parser.add_argument("--seconds", type=float, default=10.0, help="per cell (%(default)s)")
    parser.add_argument("--warmup", type=float, default=2.0, help="s before each (%(default)s)")
    parser.add_argument("--calls", type=int, default=2000, help="per step timed (%(default)s)")
    parser.add_argument("--clients", type=int, default=200, help="of the salon (%(default)s)")
    parser.add_argument("--pending", type=int, default=150, help="auth requests (%(default)s)")
    parser.add_argument(
        "--client", choices=probe.CLIENTS, default="raw", help="load client (%(default)s)"
    )
    parser.add_argument(
        "--rate-limits-off", action="store_true", help="what-if: AGENDA_RATE_LIMITS_ENABLED=false"
    )
    parser.add_argument("--quick", action="store_true", help="a tiny run: 1.5 s cells, 100 calls")
    bench.add_stack_arguments(parser)
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.warmup, args.calls = 1.5, 0.5, 100
    if min(args.connections, args.calls, args.clients, args.pending) < 1 or args.seconds <= 0:
        parser.error("counts must be at least 1 and --seconds positive")
    if args.clients < 50 or args.pending > 2000:
        parser.error("--clients at least 50 (a full page); --pending at most 2000")
    return args


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    with bench.bench_stack(args) as stack:
        report = run(stack, args)
    print_report(report, args, time.perf_counter() - started)
    failed = sum(cell.sample.failures for cells in report.cells.values() for cell in cells)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
