"""`scripts/up` on a machine that never ran Ray, then the Ray CLI against it, then its stop.

The README's first command is run as a new user would: HOME is an empty folder (no `~/.ray`, no
token, no caches), no Ray variable is set, Ray's temp folder is new. It runs on this session's
PostgreSQL server (a database of its own) and Redis (a prefix of its own), on free ports, with
the console as `scripts/test` built it. The phases share one start (about a minute).
"""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import stat
import subprocess
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import psutil
import pytest

from db.pool import with_database
from scripts import client_kit
from scripts.local_cluster import LocalCluster, Ports
from tests.e2e.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 300.0
STOP_TIMEOUT_S = 90.0
RAY_VARIABLES = re.compile(r"^(RAY_|XDG_|TMPDIR$|PYTHONPATH$)")


@dataclass
class RunningUp:
    process: subprocess.Popen[str]
    home: Path
    data: Path
    ports: Ports
    output: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(self.output)

    def line(self, label: str) -> str:
        found = re.search(rf"^  {label}\s+(.+)$", self.text(), re.MULTILINE)
        assert found is not None, f"no {label!r} line in:\n{self.text()}"
        return found.group(1).strip()

    def cluster(self) -> LocalCluster:
        return LocalCluster(data=self.data.resolve(), ports=self.ports, gcs_port=0)

    def client_env(self) -> dict[str, str]:
        """A new shell that sourced `<data>/ray.env`, HOME still empty."""
        env = {k: v for k, v in os.environ.items() if not RAY_VARIABLES.match(k)}
        env["HOME"] = str(self.home)
        for line in (self.data / "ray.env").read_text().splitlines():
            if line.startswith("export "):
                name, _, value = line.removeprefix("export ").partition("=")
                env[name] = value.strip("'")
        return env


def wait_for_banner(up: RunningUp) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if "Agenda Cheia is up." in up.text() and "Ctrl-C stops" in up.text():
            return
        if up.process.poll() is not None:
            pytest.fail(f"scripts/up exited with {up.process.returncode}:\n{up.text()}")
        time.sleep(0.5)
    pytest.fail(f"scripts/up did not come up in {START_TIMEOUT_S:.0f} s:\n{up.text()}")


@pytest.fixture(scope="module")
async def up_database(server_database_url: str, session_tag: str) -> AsyncIterator[str]:
    name = f"{session_tag}_up"
    admin = await asyncpg.connect(server_database_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    yield with_database(server_database_url, name)
    admin = await asyncpg.connect(server_database_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def steady_port(besides: int = 0) -> int:
    """A free port below the ephemeral range: no outgoing connection nor any `bind(0)` of Ray's
    can take it between this choice and scripts/up binding it (once HAProxy found the API's taken
    that way)."""
    ranges = Path("/proc/sys/net/ipv4/ip_local_port_range")
    low = int(ranges.read_text().split()[0]) if ranges.is_file() else 32768
    for port in random.sample(range(20000, max(low, 20001)), 200):
        if port == besides:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    return free_port()


@pytest.fixture(scope="module")
def running_up(
    up_database: str, redis_url: str, session_tag: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningUp]:
    home = tmp_path_factory.mktemp("empty-home")
    data = tmp_path_factory.mktemp("up-data")
    ray_tmp = Path(f"/tmp/agenda-new-{session_tag[-6:]}")
    api = steady_port()
    ports = Ports(api=api, dashboard=steady_port(besides=api))
    env = {k: v for k, v in os.environ.items() if not RAY_VARIABLES.match(k)}
    env |= {
        "HOME": str(home),
        "RAY_TMPDIR": str(ray_tmp),
        "AGENDA_DATABASE_URL": up_database,
        "AGENDA_REDIS_URL": redis_url,
        "AGENDA_REDIS_PREFIX": f"{session_tag}_up",
        "AGENDA_RAY_NAMESPACE": f"{session_tag}_up",
    }
    command = [
        str(ROOT / "scripts" / "up"),
        *("--data-dir", str(data), "--no-console-build"),
        *("--api-port", str(ports.api), "--dashboard-port", str(ports.dashboard)),
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    up = RunningUp(process=process, home=home, data=data, ports=ports)
    assert process.stdout is not None
    reader = threading.Thread(target=lambda: up.output.extend(process.stdout or []), daemon=True)
    reader.start()
    try:
        wait_for_banner(up)
        yield up
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
        up.cluster().stop()
        reader.join(timeout=10)
        process.stdout.close()


def test_up_starts_on_a_machine_that_never_ran_ray(running_up: RunningUp) -> None:
    token = running_up.data / "ray" / "auth_token"
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert token.read_text().strip() not in running_up.text()  # never printed
    assert not (running_up.home / ".ray").exists()  # HOME is neither read nor written
    assert running_up.line("API") == running_up.ports.api_url


async def test_printed_owner_token_opens_the_session(running_up: RunningUp) -> None:
    token = running_up.line(re.escape("owner JWT (12 h)"))
    async with httpx.AsyncClient(base_url=running_up.ports.api_url, timeout=30) as http:
        response = await http.get("/api/v1/session", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["tenant_name"] == "Studio Vila Madalena"
    if running_up.line("owner console").startswith("http"):  # built: a link that signs in
        link = f"{running_up.ports.api_url}/console/#token={token}"
        assert running_up.line("owner sign-in") == link


async def test_console_and_api_docs_answer(running_up: RunningUp) -> None:
    async with httpx.AsyncClient(base_url=running_up.ports.api_url, timeout=30) as http:
        console = await http.get("/console/")
        docs = await http.get("/docs")
        swagger = await http.get("/docs-assets/swagger-ui-bundle.js")
    if (client_kit.KIT / "dist" / "console" / "index.html").is_file():
        assert console.status_code == 200
        assert "<div id=" in console.text
    else:
        assert console.json()["code"] == "console_not_built"
    assert docs.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert "cdn." not in docs.text
    assert swagger.status_code == 200


async def test_ray_dashboard_answers_with_the_clusters_token_only(running_up: RunningUp) -> None:
    token = (running_up.data / "ray" / "auth_token").read_text().strip()
    async with httpx.AsyncClient(base_url=running_up.ports.dashboard_url, timeout=30) as http:
        without = await http.get("/api/version")
        with_token = await http.get("/api/version", headers={"Authorization": f"Bearer {token}"})
    assert without.status_code == 401
    assert with_token.status_code == 200


def test_serve_status_works_from_a_shell_that_sourced_ray_env(running_up: RunningUp) -> None:
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "serve"), "status"],
        cwd=ROOT,
        env=running_up.client_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "RUNNING" in result.stdout


def run_bulk(running_up: RunningUp, launcher: list[str], campaign: str) -> str:
    """The bulk job's output, run as `launcher` from a shell that sourced ray.env."""
    script = ["scripts/bulk_campaign.py", "--campaign", campaign, "--dry-run"]
    result = subprocess.run(
        [*launcher, *script],
        cwd=ROOT,
        env=running_up.client_env() | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_bulk_job_runs_through_ray_job_submit(running_up: RunningUp) -> None:
    ray_cli = str(ROOT / ".venv" / "bin" / "ray")
    submit = [ray_cli, "job", "submit", "--working-dir", ".", "--", "python"]
    assert "1/1] salons done" in run_bulk(running_up, submit, "prazo_certo")


def test_bulk_campaign_runs_as_a_plain_driver(running_up: RunningUp) -> None:
    python = [str(ROOT / ".venv" / "bin" / "python")]
    assert "1/1] salons done" in run_bulk(running_up, python, "encher_agenda")


def test_stop_leaves_no_process_behind(running_up: RunningUp) -> None:
    cluster = running_up.cluster()
    session = int(cluster.session_file.read_text())
    names = {process.name() for process in in_session(session)}
    # The agents whose titles hide our folders are found too (they were left behind once).
    assert {"ray::DashboardAgent", "ray::RuntimeEnvAgent", "raylet", "gcs_server"} <= names
    running_up.process.send_signal(signal.SIGTERM)
    assert running_up.process.wait(STOP_TIMEOUT_S) == 0
    left = in_session(session)
    assert left == [], [" ".join(p.cmdline()).strip() for p in left]
    assert cluster.processes() == []
    for port in (running_up.ports.api, running_up.ports.dashboard):
        assert port_is_free(port)
    assert "==> stopping" in running_up.text()


def in_session(session: int) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter():
        try:
            if os.getsid(process.pid) == session and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except (ProcessLookupError, psutil.NoSuchProcess):
            continue
    return found


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is not in use
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
