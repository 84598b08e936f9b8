"""Benchmark of the chat under load: signed WhatsApp webhooks over many salons, answered by the
rule engine and timed to the owner's socket; the webhook's throughput beside an empty endpoint.

On a local Ray cluster with scripts/up's Serve environment (HAProxy in front, on 127.0.0.1; set
up by _serve_apps.py as for scripts/bench/fanout), in one run:
  1. serve_config.yaml's applications at the file's min_replicas (`agenda` at /, `live` at /ws),
     and the reference `empty` at /bench-empty: a FastAPI POST route answering {}, with the
     agenda application's deployment options and replicas;
  2. --salons small salons imported (tests.factories.make_salon, 25 clients each) and one owner
     socket per salon opened (`/ws/sync?tenant_id=…&token=…`), each past `sync_started`;
  3. one signed webhook per salon from its client 0, 16 at a time: the salon's first call, which
     starts its host and activates it (printed apart); its `ai_response` is awaited;
  4. --rate signed webhooks a second for --seconds, open loop, each to a random salon from one
     of its clients 1..24 in turn, with a Portuguese text the rule engine answers and its own
     WhatsApp message id and webhook id: the webhook's answer (status, latency) and the time from
     the send to its conversation's `ai_response` on the owner's socket (target: p99 <= 50 ms);
  5. closed loops of --connections keep-alive connections posting distinct signed messages for
     --load-seconds (after --warmup s), to the empty endpoint and to the webhook: req/s (target:
     the webhook >= 70 % of the empty endpoint) and CPU per request by process group (the
     webhook's includes answering its messages).
Salons run on --hosts shared hosts; rate limits are counted but never reached; scheduler, sender
and Gemini are off (the rule engine answers, as when no key is set). All on 127.0.0.1, bounded in
time and count; sockets closed, cluster, database and Redis keys removed at the end.

Run from the repository root (PostgreSQL and Redis up; defaults are the local servers):
    .venv/bin/python -m scripts.bench.chat_load [--salons 1000] [--rate 100] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple
from uuid import UUID, uuid4

import httpx
import psutil
import uvloop
import yaml
from fastapi import FastAPI
from websockets.exceptions import ConnectionClosed

from config.settings import Placement, Settings
from db.pool import connect
from deployments.auth import mint_token
from domain.models import Role
from integrations.webhook_signature import signature_headers

from . import _http_load as load
from . import _stack as bench
from ._serve_apps import HAPROXY_MAXCONN_DEFAULT, SERVE_ENV, described, fixed_replicas, serve_apps
from ._socket_fleet import Socket, SocketFleet
from .fanout import http_row, wait_for_http
from .read_paths import watched as our_processes

SERVE_CONFIG = Path(__file__).resolve().parents[2] / "serve_config.yaml"
WEBHOOK = "/api/v1/webhooks/n8n/message-received"
EMPTY_PREFIX = "/bench-empty"
EMPTY = f"{EMPTY_PREFIX}/message-received"
NO_LIMIT = "1000000000/minute"  # counted in Redis as deployed, never reached
ANSWER_TIMEOUT_S = 30.0  # for the answers, after the last webhook answered
HTTP_TIMEOUT_S = 60.0  # per webhook of the open loop (the actor call itself gives up at 30 s)
HTTP_POOL = 4096  # open-loop connections at most: below this no send waits for a connection
WARM_IN_FLIGHT = 16
CLIENT, TOTAL = "bench client (this process)", "total"
OTHERS = "(processes outside the run)"  # the box's busy time less ours: others' work, if any
GROUPS = (  # the CPU table's process groups, by a part of their command line
    ("ApiIngress", "agenda replicas"),
    ("EmptyIngress", "empty replicas"),
    ("LiveIngress", "live replicas"),
    ("TenantHost", "tenant hosts"),
    ("haproxy", "HAProxy"),
    ("postgres", "PostgreSQL"),
    ("redis-server", "Redis"),
    ("gcs_server", "Ray GCS"),
    ("raylet", "Ray raylet"),
)
TEXTS = (
    "Oi, queria marcar um corte amanhã à tarde",
    "Oi, quero agendar um corte amanhã às 15h",
    "Quanto custa a barba?",
    "Bom dia! Tem horário pra barba sábado de manhã?",
    "Oi, bom dia!",
)


class Salon(NamedTuple):
    tenant: UUID
    owner: UUID
    clients: list[tuple[str, str]]  # (name, phone), as imported


async def import_salons(database_url: str, count: int) -> list[Salon]:
    ids = await bench.import_salons(database_url, count)
    conn = await connect(database_url)
    try:
        rows = await conn.fetch("SELECT tenant_id, name, phone_e164 FROM client ORDER BY 1, 2")
    finally:
        await conn.close()
    clients: dict[UUID, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        clients[row["tenant_id"]].append((row["name"], row["phone_e164"]))
    return [Salon(s.tenant, s.owner, clients[s.tenant]) for s in ids]


class Messages:
    """Signed webhook bodies, each with its own WhatsApp message id and webhook id."""

    def __init__(self, secret: str, salons: list[Salon], seed: int) -> None:
        self._secret, self._salons = secret, salons
        self._random = random.Random(seed)
        self._turns: Counter[UUID] = Counter()

    def next(self, salon: Salon | None = None) -> tuple[Salon, bytes, dict[str, str]]:
        """From client 0 when `salon` is given (the warm-up), else a random salon's next client."""
        client = 0
        if salon is None:
            salon = self._random.choice(self._salons)
            self._turns[salon.tenant] += 1
            client = 1 + (self._turns[salon.tenant] - 1) % (len(salon.clients) - 1)
        name, phone = salon.clients[client]
        raw = json.dumps(
            {
                "tenant_id": str(salon.tenant),
                "client_name": name,
                "phone": phone,
                "message": self._random.choice(TEXTS),
                "channel": "whatsapp",
                "timestamp": datetime.now(UTC).isoformat(),
                "message_id": f"wamid.{uuid4().hex}",
            }
        ).encode()
        msg_id, now_s = f"msg_{uuid4().hex}", int(time.time())
        headers = signature_headers(self._secret, msg_id=msg_id, timestamp=now_s, body=raw)
        return salon, raw, headers | {"content-type": "application/json"}


class ChatFleet(SocketFleet):
    """The fleet, noting when each `ai_response` arrives, by conversation (in order)."""

    def __init__(self, in_flight: int) -> None:
        super().__init__(in_flight)
        self.answers: dict[UUID, list[float]] = defaultdict(list)
        self.answered = 0
        self.kinds: Counter[str] = Counter()  # "engine intent" of each answer

    async def _read(self, socket: Socket) -> None:
        with suppress(ConnectionClosed):
            async for raw in socket.ws:
                arrived = time.perf_counter()
                data = raw if isinstance(raw, bytes) else raw.encode()
                if b"ai_response" not in data:
                    continue
                message = json.loads(data)
                if message.get("event_type") == "ai_response":
                    answer = message["data"]
                    self.answers[UUID(answer["conversation_id"])].append(arrived)
                    self.answered += 1
                    self.kinds[f"{answer.get('engine')} {answer.get('intent_detail')}"] += 1


# ---- the webhook over HTTP ----


class Sent(NamedTuple):
    tenant: UUID
    started: float  # perf_counter just before the send
    http_s: float
    status: int  # 0: no answer (a transport error)
    conversation: UUID | None  # a 202 that stored the message (None: not stored, or queued)
    queued: bool = False  # a 202 that kept the message in the spool (a store out of reach)


async def post_one(http: httpx.AsyncClient, messages: Messages, salon: Salon | None) -> Sent:
    salon, raw, headers = messages.next(salon)
    started = time.perf_counter()
    try:
        response = await http.post(WEBHOOK, content=raw, headers=headers)
    except httpx.HTTPError as error:  # counted in the report
        print(f"webhook to {salon.tenant} failed: {error!r}", file=sys.stderr)
        return Sent(salon.tenant, started, time.perf_counter() - started, 0, None)
    http_s = time.perf_counter() - started
    body = response.json() if response.status_code == 202 else {}
    stored = UUID(body["conversation_id"]) if body.get("conversation_id") else None
    return Sent(
        salon.tenant, started, http_s, response.status_code, stored, bool(body.get("queued"))
    )


async def paced(
    http: httpx.AsyncClient, messages: Messages, rate: float, seconds: float
) -> list[Sent]:
    """rate x seconds webhooks, each started on time (open loop: a slow one delays no other)."""
    started = time.perf_counter()
    tasks = []
    for k in range(round(rate * seconds)):
        await asyncio.sleep(max(0.0, started + k / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(post_one(http, messages, None)))
    return await asyncio.gather(*tasks)


async def post_loop(
    port: int, path: str, messages: Messages, *, connections: int, seconds: float
) -> load.Sample:
    """_http_load.closed_loop's raw client, for POSTs of distinct signed messages."""

    def request() -> bytes:
        _, raw, headers = messages.next()
        lines = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", f"content-length: {len(raw)}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + raw

    target = load.Target("127.0.0.1", port, path, {})
    return await load.closed_loop(
        target, connections=connections, seconds=seconds, next_request=request
    )


# ---- the run ----


def latencies(sent: Sequence[Sent], answers: dict[UUID, list[float]]) -> list[float]:
    """Send -> `ai_response` seconds: a conversation's answers matched to its sends in order."""
    by_conversation: dict[UUID, list[Sent]] = defaultdict(list)
    for s in sorted(sent, key=lambda s: s.started):
        if s.conversation is not None:
            by_conversation[s.conversation].append(s)
    found = []
    for conversation, sends in by_conversation.items():
        arrivals = answers.get(conversation, [])
        found += [t - s.started for s, t in zip(sends, arrivals, strict=False)]
    return found


async def until(done: Callable[[], bool], timeout_s: float = ANSWER_TIMEOUT_S) -> float:
    """Poll `done` until it holds or `timeout_s` has passed; the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if done():
            break
        await asyncio.sleep(0.1)
    return time.monotonic() - started


def spread(seconds: Sequence[float]) -> list[str]:
    return [bench.ms(bench.percentile(seconds, q)) for q in (50, 99, 100)]


def process_group(cmdline: str) -> str:
    return next((label for part, label in GROUPS if part in cmdline), "Ray, other")


class Measurement:
    """The phases of one run, in order, on one event loop (the sockets live across them)."""

    def __init__(self, port: int, settings: Settings, tag: str, args: argparse.Namespace) -> None:
        self.port, self.settings, self.tag, self.args = port, settings, tag, args
        self.fleet = ChatFleet(args.open_in_flight)
        self.lines: list[str] = []
        self.rows: list[list[str]] = []  # the chat figures
        self.load: dict[str, tuple[load.Sample, load.CpuUse]] = {}

    async def run(self) -> None:
        started = time.perf_counter()
        salons = await import_salons(self.settings.database_url, self.args.salons)
        self.lines.append(f"data: {len(salons)} salons in {time.perf_counter() - started:.1f} s")
        messages = Messages(
            self.settings.n8n_webhook_secret.get_secret_value(), salons, self.args.seed
        )
        await wait_for_http(load.Target("127.0.0.1", self.port, "/api/v1/health", {}))
        limits = httpx.Limits(max_connections=HTTP_POOL, max_keepalive_connections=HTTP_POOL)
        base = f"http://127.0.0.1:{self.port}"
        try:
            await self.open_sockets(salons)
            async with httpx.AsyncClient(
                base_url=base, limits=limits, timeout=HTTP_TIMEOUT_S
            ) as http:
                await self.warm(http, messages, salons)
                await self.chat(http, messages)
            for label, path in (("empty endpoint", EMPTY), ("webhook", WEBHOOK)):
                self.load[label] = await self.throughput(path, messages)
            ended = dict(self.fleet.close_codes()) or "none"
            self.lines.append(
                f"sockets open at the end: {len(self.fleet.open_now())} ({ended} ended)"
            )
        finally:  # on a failure too: no socket outlives the run
            closing_s = await self.fleet.close()
        self.lines.append(f"closing all sockets: {closing_s:.1f} s")

    async def open_sockets(self, salons: list[Salon]) -> None:
        base = f"ws://127.0.0.1:{self.port}/ws/sync"
        urls = []
        for s in salons:
            token = mint_token(self.settings, user_id=s.owner, tenant_id=s.tenant, role=Role.OWNER)
            urls.append((s.tenant, f"{base}?tenant_id={s.tenant}&token={token}"))
        wall_s = await self.fleet.open(urls)
        failures = dict(self.fleet.failures) or "none"
        self.lines.append(
            f"owner sockets: {len(self.fleet.open_now())} / {len(urls)} open in {wall_s:.1f} s "
            f"({self.args.open_in_flight} at a time); failures: {failures} "
            f"{self.fleet.failure_bodies or ''}".rstrip()
        )

    async def answers_to(self, sent: Sequence[Sent]) -> None:
        """Until each stored message's conversation has its answer (bounded)."""
        wanted = Counter(s.conversation for s in sent if s.conversation is not None)
        answers = self.fleet.answers
        await until(lambda: all(len(answers[c]) >= n for c, n in wanted.items()))

    async def warm(self, http: httpx.AsyncClient, messages: Messages, salons: list[Salon]) -> None:
        gate = asyncio.Semaphore(WARM_IN_FLIGHT)

        async def first(salon: Salon) -> Sent:
            async with gate:
                return await post_one(http, messages, salon)

        sent = await asyncio.gather(*(first(s) for s in salons))
        await self.answers_to(sent)
        p50, p99, top = spread([s.http_s for s in sent])
        self.lines.append(
            f"activation: one webhook per salon ({WARM_IN_FLIGHT} at a time), the salon's first "
            f"call (host start + activation + store): p50 {p50} / p99 {p99} / max {top} ms; "
            f"statuses {dict(Counter(s.status for s in sent))}; answered on the socket "
            f"{len(latencies(sent, self.fleet.answers))}"
        )

    async def chat(self, http: httpx.AsyncClient, messages: Messages) -> None:
        args, fleet = self.args, self.fleet
        fleet.kinds.clear()
        cpu_s, started = time.process_time(), time.perf_counter()
        sent = await paced(http, messages, args.rate, args.seconds)
        wall_s, cpu_s = time.perf_counter() - started, time.process_time() - cpu_s
        open_now = {s.tenant for s in fleet.open_now()}
        stored = [s for s in sent if s.conversation is not None and s.tenant in open_now]
        await self.answers_to(stored)
        found = latencies(stored, fleet.answers)
        statuses = Counter(s.status for s in sent)
        verdict = "met" if bench.percentile(found, 99) <= 0.05 else "NOT met"
        self.rows += [
            ["webhook answer (HTTP)", *spread([s.http_s for s in sent if s.status]), "-",
             " ".join(f"{k}x{n}" for k, n in sorted(statuses.items()))],
            ["send -> ai_response on the socket", *spread(found), f"p99 <= 50 ms: {verdict}",
             f"{len(found)} / {len(stored)} answered"],
        ]  # fmt: skip
        queued = sum(s.queued for s in sent)
        self.lines += [
            f"chat: {len(sent)} webhooks at {args.rate:g}/s over {args.salons} salons, the last "
            f"answered {wall_s:.1f} s after the first was sent; 202 {statuses[202]} (of which "
            f"queued, spooled for later: {queued}); transport errors {statuses[0]}; stored with "
            f"a socket open {len(stored)}; no ai_response within {ANSWER_TIMEOUT_S:.0f} s of "
            f"the last answer: {len(stored) - len(found)}",
            f"  answers seen (engine intent): {dict(fleet.kinds.most_common())}; "
            f"this process (client) used {cpu_s / wall_s:.0%} of a core meanwhile",
        ]

    async def throughput(self, path: str, messages: Messages) -> tuple[load.Sample, load.CpuUse]:
        args, before = self.args, self.fleet.answered
        closed_loop = partial(post_loop, self.port, path, messages, connections=args.connections)
        warm = await closed_loop(seconds=args.warmup)
        window, box = load.CpuWindow(our_processes(self.tag), process_group), psutil.cpu_times()
        window.start()
        sample = await closed_loop(seconds=args.load_seconds)
        if path == WEBHOOK:  # answering is part of a message's cost: the window waits for it
            wanted = warm.statuses[202] + sample.statuses[202]
            lag_s = await until(lambda: self.fleet.answered - before >= wanted)
            self.lines.append(
                f"after the webhook's closed loop: {self.fleet.answered - before} / {wanted} "
                f"accepted answered on the sockets, the last {lag_s:.1f} s after it ended"
            )
        cpu, now = window.stop(), psutil.cpu_times()
        busy_s = sum(now) - sum(box) - (now.idle - box.idle) - (now.iowait - box.iowait)
        cpu.by_label[OTHERS] = busy_s - cpu.client_s - sum(cpu.by_label.values())
        return sample, cpu


# ---- the cluster and the report ----


def deploy_empty(config: dict[str, Any]) -> str:
    """The reference: a FastAPI route that answers {}, deployed as the agenda application is."""
    from ray import serve  # after serve_apps set Serve's environment

    (options,) = next(a for a in config["applications"] if a["name"] == "agenda")["deployments"]

    @serve.deployment(ray_actor_options={"num_cpus": 0})
    @serve.ingress()
    class EmptyIngress:
        def __serve_build_asgi_app__(self) -> FastAPI:
            app = FastAPI()

            @app.post("/message-received")
            async def message_received() -> dict[str, str]:
                return {}

            return app

    deployment = EmptyIngress.options(**fixed_replicas(options))  # type: ignore[attr-defined]
    # The file's logging_config, as the agenda application: no access log line per request.
    serve.run(
        deployment.bind(),
        name="empty",
        route_prefix=EMPTY_PREFIX,
        logging_config=config.get("logging_config"),
    )
    return f"empty at {EMPTY_PREFIX}: EmptyIngress: {described(options)}"


def app_args_for(config: dict[str, Any], tag: str, args: argparse.Namespace) -> dict[str, Any]:
    """serve_config.yaml's args (the same for both applications), and what the bench changes."""
    (file_args,) = {yaml.safe_dump(a.get("args") or {}) for a in config["applications"]}
    plain: dict[str, Any] = yaml.safe_load(file_args)
    return plain | {
        "ray_namespace": tag,
        "placement": Placement.SHARED.value,
        "tenant_hosts": args.hosts,
        **{f"rate_limit_{what}": NO_LIMIT for what in ("ip", "salon", "webhook")},
        "scheduler_enabled": False,  # actors of their own, not on the measured paths
        "sender_enabled": False,  # replies wait in the outbox (no n8n here)
        "gemini_enabled": False,  # the rule engine answers, as with no key
    }


def cpu_rows(report: Measurement) -> list[list[str]]:
    cells = [(s, {CLIENT: c.client_s, **c.by_label}) for s, c in report.load.values()]
    for _, spent in cells:
        spent[TOTAL] = sum(v for k, v in spent.items() if k != OTHERS)
    groups = sorted({k for _, spent in cells for k in spent} - {CLIENT, TOTAL, OTHERS})
    return [
        [label, *(f"{spent.get(label, 0.0) / len(s.latencies_s) * 1000:.2f}" for s, spent in cells)]
        for label in (CLIENT, *groups, TOTAL, OTHERS)
    ]


def print_report(report: Measurement, setup: list[str], total_s: float) -> None:
    args = report.args
    print("\n".join(["", *bench.machine_lines(), *setup, *report.lines, ""]))
    headers = ["chat", "p50 ms", "p99 ms", "max ms", "target", "count"]
    print(bench.format_table(headers, report.rows) + "\n")
    headers = [f"POST, c={args.connections}, {args.load_seconds:g} s", "req/s", "p50 ms", "p99 ms"]
    rows = [http_row(label, sample) for label, (sample, _) in report.load.items()]
    print(bench.format_table([*headers, "statuses"], rows))
    if len(report.load) == 2:
        # Answers that say the work was done: 200 from the empty endpoint, 202 from the webhook.
        empty, hook = (sample for sample, _ in report.load.values())
        done = empty.statuses[200] / empty.wall_s
        ratio = hook.statuses[202] / hook.wall_s / done if done else math.nan
        verdict = "met" if ratio >= 0.7 else "NOT met"
        print(f"  webhook / empty endpoint = {ratio:.1%} (target >= 70 %: {verdict})\n")
        print(
            bench.format_table(
                ["CPU ms per request", "empty endpoint", "webhook"], cpu_rows(report)
            )
        )
    print(f"total wall time: {total_s:.1f} s")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    for flag, kind, default, meaning in (
        ("--salons", int, 1000, "salons imported, one owner socket each"),
        ("--rate", float, 100.0, "webhooks per second of the timed open loop"),
        ("--seconds", float, 30.0, "of the timed open loop"),
        ("--connections", int, 16, "connections of the closed loops"),
        ("--load-seconds", float, 10.0, "per closed loop"),
        ("--warmup", float, 2.0, "s of closed loop before each timed one"),
        ("--open-in-flight", int, 64, "socket handshakes at once"),
        ("--hosts", int, 2, "tenant host actors (shared placement)"),
        ("--seed", int, 0, "of the salons and texts picked"),
    ):
        parser.add_argument(flag, type=kind, default=default, help=f"{meaning} (%(default)s)")
    parser.add_argument("--quick", action="store_true", help="50 salons, 20/s for 5 s, 3 s loops")
    bench.add_stack_arguments(parser)
    args = parser.parse_args()
    if args.quick:
        args.salons, args.rate, args.seconds = 50, 20.0, 5.0
        args.load_seconds, args.warmup = 3.0, 1.0
    if min(args.salons, args.connections, args.open_in_flight, args.hosts) < 1:
        parser.error("counts must be at least 1")
    if min(args.rate, args.seconds, args.load_seconds, args.warmup) <= 0:
        parser.error("--rate and the durations must be positive")
    return args


def raise_fd_limit(needed: int) -> str:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        wanted = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    new_soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return f"bench process nofile soft {soft} -> {new_soft} (hard {hard}; needs ~{needed})"


def main() -> int:
    args = parse_args()
    needed = args.salons + args.connections + HTTP_POOL + 512
    setup = [raise_fd_limit(needed)]
    maxconn = max(HAPROXY_MAXCONN_DEFAULT, needed)
    started = time.perf_counter()
    setup.append(f"load average before the run: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    config = yaml.safe_load(SERVE_CONFIG.read_text())
    with bench.bench_stack(args) as stack:
        app_args = app_args_for(config, stack.tag, args)
        settings = Settings(**app_args)  # as a replica builds it: these, and the environment
        with serve_apps(stack, config, app_args, maxconn) as deployed:
            setup += [
                "serve: serve_config.yaml's applications, replicas fixed at the file's "
                "min_replicas (no autoscaling on this 2-core box), and the reference:",
                *(f"  {line}" for line in [*deployed.apps, deploy_empty(config)]),
                f"  env: {', '.join(f'{k}={v}' for k, v in SERVE_ENV.items())}, "
                f"RAY_SERVE_HAPROXY_MAXCONN={maxconn} (HAProxy on 127.0.0.1:{deployed.port})",
                f"  app args: placement=shared, tenant_hosts={args.hosts}, Gemini "
                "off (rule engine), rate limits never reached, scheduler and sender off",
            ]
            report = Measurement(deployed.port, settings, stack.tag, args)
            with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
                runner.run(report.run())
    print_report(report, setup, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
