"""Measuring an HTTP app for the benchmarks: over sockets under load, and step by step in process.

- `closed_loop` keeps `connections` keep-alive connections busy for a fixed time: each sends its
  next request as soon as the last answer is read. The default client speaks HTTP/1.1 on raw
  asyncio streams (tens of microseconds of CPU per request), so on a 2-core machine it leaves the
  servers most of the CPU; `httpx` is there to compare.
- `CpuWindow` reads what this process (the client) and the processes watched spent meanwhile.
- `asgi_get` calls an ASGI app directly (no socket, no HTTP parsing); `per_call` times a step;
  `Recorder` and `Replay` stand in for a database connection to time what is not the database;
  `sync_dependencies` names what FastAPI hands to its thread pool on each request.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, cast

import httpx
import psutil
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message

REQUEST_TIMEOUT_S = 30.0  # an answer slower than this ends the run (a stuck server, not a figure)
RECONNECT_PAUSE_S = 0.05
CLIENTS = ("raw", "httpx")


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    path: str  # with its query string
    headers: dict[str, str]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{self.path}"

    def request_bytes(self) -> bytes:
        lines = [f"GET {self.path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode()


@dataclass
class Sample:
    latencies_s: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    bodies: dict[int, bytes] = field(default_factory=dict)  # the first body of each status
    wall_s: float = 0.0

    def record(self, started: float, status: int, body: bytes) -> None:
        self.latencies_s.append(time.perf_counter() - started)
        self.statuses[status] += 1
        self.bodies.setdefault(status, body)

    @property
    def requests_per_s(self) -> float:
        return len(self.latencies_s) / self.wall_s if self.wall_s else 0.0

    @property
    def failures(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != 200) + sum(
            self.errors.values()
        )


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts: list[bytes] = []
    while True:
        size = int((await reader.readline()).split(b";")[0], 16)
        if size == 0:
            await reader.readuntil(b"\r\n")  # no trailers are sent to us
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """Status, body and whether the server closes the connection after it."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length, chunked, close = 0, False, False
    for line in head[:-4].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        key = name.strip().lower()
        if key == b"content-length":
            length = int(value)
        elif key == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        elif key == b"connection":
            close = b"close" in value.lower()
    body = await _read_chunked(reader) if chunked else await reader.readexactly(length)
    return status, body, close


async def _raw_connection(
    target: Target, stop_at: float, sample: Sample, next_request: Callable[[], bytes] | None
) -> None:
    request = target.request_bytes()
    writer: asyncio.StreamWriter | None = None
    try:
        while time.perf_counter() < stop_at:
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(target.host, target.port)
                started = time.perf_counter()
                writer.write(request if next_request is None else next_request())
                status, body, close = await read_response(reader)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as error:
                sample.errors[type(error).__name__] += 1
                if writer is not None:
                    writer.close()
                writer = None
                await asyncio.sleep(RECONNECT_PAUSE_S)
                continue
            sample.record(started, status, body)
            if close:
                writer.close()
                writer = None
    finally:
        if writer is not None:
            writer.close()


async def _httpx_connection(
    client: httpx.AsyncClient, target: Target, stop_at: float, sample: Sample
) -> None:
    while time.perf_counter() < stop_at:
        started = time.perf_counter()
        try:
            response = await client.get(target.url, headers=target.headers)
        except httpx.TransportError as error:
            sample.errors[type(error).__name__] += 1
            await asyncio.sleep(RECONNECT_PAUSE_S)
            continue
        sample.record(started, response.status_code, response.content)


async def closed_loop(
    target: Target,
    *,
    connections: int,
    seconds: float,
    client: str = "raw",
    next_request: Callable[[], bytes] | None = None,
) -> Sample:
    """`connections` requests in flight for `seconds`; bounded even if the server hangs.
    `next_request` (raw client): the bytes of each request instead of the target's GET."""
    sample = Sample()
    started = time.perf_counter()
    stop_at = started + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with contextlib.AsyncExitStack() as exits:
        http = None
        if client == "httpx":
            http = await exits.enter_async_context(
                httpx.AsyncClient(limits=limits, timeout=REQUEST_TIMEOUT_S)
            )
        workers = [
            _raw_connection(target, stop_at, sample, next_request)
            if http is None
            else _httpx_connection(http, target, stop_at, sample)
            for _ in range(connections)
        ]
        try:
            async with asyncio.timeout(seconds + REQUEST_TIMEOUT_S):
                await asyncio.gather(*workers)
        except TimeoutError:
            sample.errors[f"no answer in {REQUEST_TIMEOUT_S:.0f} s"] += 1
    sample.wall_s = time.perf_counter() - started
    return sample


def _cpu_s(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def descendants() -> list[psutil.Process]:
    """Every process this one started, and theirs."""
    return list(psutil.Process(os.getpid()).children(recursive=True))


def named(*parts: str) -> list[psutil.Process]:
    """Processes whose command line contains every one of `parts`."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if all(part in cmdline for part in parts):
            found.append(process)
    return found


@dataclass
class CpuUse:
    client_s: float  # this process: the load client (and whatever else it runs meanwhile)
    by_label: dict[str, float]  # the processes watched, by label

    def total_s(self, labels: Iterable[str]) -> float:
        return sum(self.by_label.get(label, 0.0) for label in labels)


class CpuWindow:
    """CPU spent between `start()` and `stop()` by this process and by the processes `watched()`
    returns (grouped by `label(command line)`). A process that ends inside the window is lost."""

    def __init__(
        self, watched: Callable[[], Iterable[psutil.Process]], label: Callable[[str], str]
    ) -> None:
        self._watched = watched
        self._label = label
        self._started: dict[psutil.Process, float] = {}
        self._client_s = 0.0

    def _sample(self) -> dict[psutil.Process, float]:
        found = {}
        for process in self._watched():
            with contextlib.suppress(psutil.Error):
                found[process] = _cpu_s(process)
        return found

    def start(self) -> None:
        self._started = self._sample()
        self._client_s = time.process_time()

    def stop(self) -> CpuUse:
        client_s = time.process_time() - self._client_s
        by_label: dict[str, float] = {}
        # psutil compares pid and start time: a reused pid is another process.
        for process, cpu_s in self._sample().items():
            with contextlib.suppress(psutil.Error):
                label = self._label(" ".join(process.cmdline()))
                spent = cpu_s - self._started.get(process, 0.0)
                by_label[label] = by_label.get(label, 0.0) + spent
        return CpuUse(client_s=client_s, by_label=by_label)


# ---- in process ----


@dataclass(frozen=True)
class Cost:
    wall_us: float
    cpu_us: float

    def __sub__(self, other: Cost) -> Cost:
        return Cost(self.wall_us - other.wall_us, self.cpu_us - other.cpu_us)

    def __str__(self) -> str:
        return f"{self.wall_us:.0f} / {self.cpu_us:.0f}"


async def per_call(work: Callable[[], Awaitable[object]], calls: int, rounds: int = 5) -> Cost:
    """Wall and CPU time of one call of `work`: the best of `rounds` rounds (after a warm-up),
    which leaves out most of what other processes on the machine cost it."""
    for _ in range(max(1, calls // 10)):
        await work()
    per_round = max(1, calls // rounds)
    costs = []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(per_round):
            await work()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        costs.append(Cost(wall / per_round * 1e6, cpu / per_round * 1e6))
    return Cost(min(c.wall_us for c in costs), min(c.cpu_us for c in costs))


def sync_dependencies(route: APIRoute) -> list[str]:
    """The route's dependencies that FastAPI runs in its thread pool (plain `def`), once each."""
    found: dict[object, str] = {}

    def awaited(call: object) -> bool:  # a coroutine function, or an instance of a class of one
        method = inspect.getattr_static(type(call), "__call__", None)
        return any(
            inspect.iscoroutinefunction(f) or inspect.isasyncgenfunction(f) for f in (call, method)
        )

    def walk(dependant: Any) -> None:
        for sub in dependant.dependencies:
            if sub.call is not None and not awaited(sub.call):
                found[sub.call] = getattr(sub.call, "__name__", type(sub.call).__name__)
            walk(sub)

    walk(route.dependant)
    return list(found.values())


async def thread_pool_hop() -> None:
    """What FastAPI does for a plain `def` dependency: hand it to a worker thread, await it."""
    await run_in_threadpool(int)


class Recorder:
    """A connection that runs every query and notes it (method, SQL, arguments, result)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self.calls: list[tuple[str, str, tuple[object, ...], Any]] = []

    def __getattr__(self, method: str) -> Callable[..., Awaitable[Any]]:
        async def run(query: str, *args: object) -> Any:
            result = await getattr(self._conn, method)(query, *args)
            self.calls.append((method, query, args, result))
            return result

        return run


class Replay:
    """Answers the recorded queries in turn without PostgreSQL: what remains is our own work."""

    def __init__(self, calls: list[tuple[str, str, tuple[object, ...], Any]]) -> None:
        self._results = [call[3] for call in calls]
        self._next = 0

    def __getattr__(self, method: str) -> Callable[..., Awaitable[Any]]:
        async def answer(query: str, *args: object) -> Any:
            result = self._results[self._next % len(self._results)]
            self._next += 1
            return result

        return answer


class OnePool:
    def __init__(self, conn: object) -> None:
        self._conn = conn

    @contextlib.asynccontextmanager
    async def acquire(self) -> AsyncIterator[object]:
        yield self._conn


async def asgi_get(app: ASGIApp, path: str, headers: dict[str, str]) -> bytes:
    """One GET straight into the ASGI app (no socket, no HTTP parsing); the body of a 200."""
    route, _, query = path.partition("?")
    raw_headers = [(b"host", b"127.0.0.1")]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": route,
        "raw_path": route.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": raw_headers,
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    inbox: list[Message] = [{"type": "http.request", "body": b"", "more_body": False}]
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> Message:
        return inbox.pop() if inbox else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    await app(scope, receive, send)
    if answer.get("status") != 200:
        raise RuntimeError(f"GET {path}: {answer.get('status')} {answer['body'][:300]!r}")
    return cast(bytes, answer["body"])


def find_route(routes: Iterable[BaseRoute], path: str) -> APIRoute:
    """The GET route of `path`, also inside included routers (FastAPI keeps them as such)."""
    for route in routes:
        if isinstance(route, APIRoute) and route.path == path and "GET" in (route.methods or ()):
            return route
        included = getattr(route, "original_router", None)
        if included is not None:
            with contextlib.suppress(LookupError):
                return find_route(included.routes, path)
    raise LookupError(f"no GET {path} route")
