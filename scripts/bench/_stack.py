"""Shared parts of the benchmarks: a throwaway database, Redis prefix and Ray cluster, and figures.

The benchmarks run as modules from the repository root (`.venv/bin/python -m scripts.bench.X`),
so this module and `tests.factories` import without touching `sys.path`.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import secrets
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any
from uuid import uuid4

import ray
from redis import Redis

from config.settings import Environment, Placement, Settings
from config.webhook_secret import new_webhook_secret
from db.migrate import apply_migrations
from db.pool import connect, with_database
from db.salon_import import import_salon
from integrations.embedded import free_port
from tests.factories import SalonIds, make_salon

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
DEFAULT_RAY_TMPDIR = "/tmp/agenda-bench"


def add_stack_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        default=DEFAULT_DATABASE_URL,
        help="server to create the throwaway database on (default: %(default)s)",
    )
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help="default: %(default)s")
    parser.add_argument(
        "--keep-ray-logs",
        action="store_true",
        help="keep the Ray session folder (logs) under $RAY_TMPDIR",
    )


@dataclass
class Stack:
    tag: str  # database name, Redis key prefix and Ray namespace
    settings: Settings
    env: dict[str, str]
    ray_context: Any

    def settings_for(self, placement: Placement, **extra: Any) -> Settings:
        update = {"placement": placement, "ray_namespace": self.tag, **extra}
        return self.settings.model_copy(update=update)


async def create_database(server_url: str, name: str) -> None:
    admin = await connect(server_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    conn = await connect(with_database(server_url, name))
    try:
        await apply_migrations(conn)
    finally:
        await conn.close()


async def drop_database(server_url: str, name: str) -> None:
    admin = await connect(server_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def import_salons(database_url: str, count: int) -> list[SalonIds]:
    """`count` fresh test salons (open 00:00–23:59 every day), each with its own tenant id."""
    salons = [make_salon() for _ in range(count)]
    conn = await connect(database_url)
    try:
        async with conn.transaction():
            for salon in salons:
                await import_salon(conn, salon)
    finally:
        await conn.close()
    return [SalonIds(salon) for salon in salons]


def _attempt(label: str, step: Callable[[], object]) -> None:
    """Cleanup boundary: report a failed step and go on with the others."""
    try:
        step()
    except Exception as error:
        print(f"cleanup: {label} failed: {error!r}", file=sys.stderr)


def _tenant_actor_names(namespace: str) -> list[str]:
    return [
        actor["name"]
        for actor in ray.util.list_named_actors(all_namespaces=True)
        if actor["namespace"] == namespace and actor["name"].startswith("tenant")
    ]


def kill_tenant_actors(namespace: str, timeout_s: float = 10.0) -> int:
    """Kill the detached salon hosts of `namespace` and wait (bounded) until they are gone."""
    names = _tenant_actor_names(namespace)
    for name in names:
        ray.kill(ray.get_actor(name, namespace=namespace))
    # ray.kill returns at once; a host still alive would see its database dropped under it.
    deadline = time.monotonic() + timeout_s
    while _tenant_actor_names(namespace) and time.monotonic() < deadline:
        time.sleep(0.1)
    return len(names)


def _delete_redis_keys(redis_url: str, prefix: str) -> None:
    client = Redis.from_url(redis_url)
    try:
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def bench_stack(args: argparse.Namespace, *, dashboard: bool = False) -> Iterator[Stack]:
    """A fresh database, Redis prefix and local Ray cluster; all removed on exit, even on error."""
    tag = f"agenda_bench_{uuid4().hex[:10]}"
    saved_env = dict(os.environ)
    temp_root = Path(os.environ.get("RAY_TMPDIR") or DEFAULT_RAY_TMPDIR)
    temp_dir = temp_root / f"ray_{tag[-6:]}"
    created = False
    # SIGTERM unwinds like Ctrl-C so the cleanup below runs (ray.init installs a similar handler).
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        asyncio.run(create_database(args.database_url, tag))
        created = True
        settings = Settings(
            environment=Environment.TEST,
            database_url=with_database(args.database_url, tag),
            redis_url=args.redis_url,
            redis_prefix=tag,
            jwt_secret=secrets.token_urlsafe(48),
            n8n_webhook_secret=new_webhook_secret(),
        )
        env = settings.process_environment()
        # Ray's processes inherit this environment (never a runtime_env: Ray's runtime-env agent
        # logs its variables, secrets included). The stock Serve proxy, not HAProxy: HAProxy
        # would claim :8000, where a dev stack may be running.
        os.environ.update(env | {"RAY_TMPDIR": str(temp_root), "TMPDIR": str(temp_root)})
        os.environ.pop("RAY_SERVE_ENABLE_HA_PROXY", None)
        temp_dir.mkdir(parents=True, exist_ok=True)
        context = ray.init(
            namespace=tag,
            include_dashboard=dashboard,
            dashboard_host="127.0.0.1",
            dashboard_port=free_port() if dashboard else None,
            log_to_driver=False,
            _temp_dir=str(temp_dir),
        )
        yield Stack(tag=tag, settings=settings, env=env, ray_context=context)
    finally:
        if ray.is_initialized():
            _attempt(
                "killing tenant actors",
                lambda: print(f"cleanup: killed {kill_tenant_actors(tag)} tenant actors"),
            )
        # Database and Redis first: after a SIGTERM, Ray may end this process during shutdown.
        if created:
            _attempt(
                "dropping the database", lambda: asyncio.run(drop_database(args.database_url, tag))
            )
        _attempt("deleting Redis keys", lambda: _delete_redis_keys(args.redis_url, tag))
        _attempt("ray.shutdown", ray.shutdown)
        os.environ.clear()
        os.environ.update(saved_env)
        if args.keep_ray_logs:
            print(f"cleanup: Ray logs kept in {temp_dir}")
        else:
            shutil.rmtree(temp_dir, ignore_errors=True)
        print(f"cleanup: finished for {tag} (a failed step is reported above)")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (with fewer than 100 values, p99 is the maximum)."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[max(1, math.ceil(q / 100 * len(ordered))) - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def p50_p99_ms(seconds: Sequence[float]) -> str:
    return f"{ms(percentile(seconds, 50))} / {ms(percentile(seconds, 99))}"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for row in [headers, ["-" * w for w in widths], *rows]:
        cells = [
            str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i])
            for i, c in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def machine_lines() -> list[str]:
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return [
        f"machine: nproc={len(os.sched_getaffinity(0))}, cpu={model}, "
        f"ram={mem_kib / 1024 / 1024:.1f} GiB",
        f"software: python {platform.python_version()}, ray {ray.__version__}",
    ]
