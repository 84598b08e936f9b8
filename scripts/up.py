"""Everything `scripts/up` does after the virtual environment exists (see `--help`)."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import psutil

from db.migrate import apply_migrations
from db.pool import connect
from db.salon_import import import_salon
from deployments.auth import mint_token
from domain.models import Role
from domain.salon_import import SalonFile, id_for, tenant_id_of
from integrations.embedded import Services, ensure_services, free_port
from integrations.settings import Settings
from scripts import client_kit

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".data" / "dev"
DEMO_SALON = ROOT / "db" / "seed" / "demo_salon.json"
BIN = ROOT / ".venv" / "bin"
DASHBOARD = "http://127.0.0.1:8265"
API = "http://127.0.0.1:8000"
# Serve adds a node id (56 characters) below it, and HAProxy refuses socket paths over 97: a
# short folder of this checkout's own under /tmp, so any checkout path works.
HAPROXY_DIR = Path(f"/tmp/agenda-hap-{hashlib.sha256(str(ROOT).encode()).hexdigest()[:6]}")
# Ray's own folder for this cluster; short, as Ray's socket paths must stay under 107 characters.
RAY_TEMP = Path("/tmp/agenda-up")
SECRET_NAMES = ("AGENDA_JWT_SECRET", "AGENDA_N8N_WEBHOOK_SECRET")


def dev_secrets() -> dict[str, str]:
    """Secrets from the environment, else generated once and kept in .data/dev/secrets.env."""
    path = DATA / "secrets.env"
    stored: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            name, _, value = line.partition("=")
            stored[name] = value
    for name in SECRET_NAMES:
        stored.setdefault(name, secrets.token_urlsafe(48))
    DATA.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{k}={v}\n" for k, v in stored.items()))
    path.chmod(0o600)
    return {name: os.environ.get(name) or stored[name] for name in SECRET_NAMES}


async def prepare_database(database_url: str, demo: bool) -> SalonFile | None:
    conn = await connect(database_url)
    try:
        applied = await apply_migrations(conn)
        print(f"==> migrations: {', '.join(applied) or 'up to date'}", flush=True)
        if not demo:
            return None
        salon = SalonFile.model_validate_json(DEMO_SALON.read_text())
        async with conn.transaction():
            summary = await import_salon(conn, salon, rebase_to=date.today())
        print(f"==> demo salon: {salon.tenant.name}, {summary.clients} clients", flush=True)
        return salon
    finally:
        await conn.close()


def run(command: list[str], env: dict[str, str]) -> None:
    print(f"==> {' '.join(command)}", flush=True)
    subprocess.run(command, env=env, check=True, cwd=ROOT)


def wait_for_health(timeout_s: float = 180.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{API}/api/v1/health", timeout=3) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1.0)
    raise RuntimeError(f"the API did not become healthy in {timeout_s:.0f} s")


def prepare_console() -> str:
    """Build the owner console when Node.js is here; the banner line says where, or why not."""
    if problem := client_kit.node_problem():
        print(f"==> owner console not built: {problem}", flush=True)
        return f"not built: {problem} (install Node.js >= 20.19 and run scripts/up again)"
    if client_kit.install() != 0 or client_kit.build_console() != 0:
        print("==> owner console build FAILED (see above); the API runs without it", flush=True)
        return "not built: the build failed (see above)"
    return f"{API}/console/  (log in with the owner JWT below)"


def banner(env: dict[str, str], salon: SalonFile | None, console: str) -> str:
    lines = [
        "",
        "Agenda Cheia is up.",
        f"  owner console    {console}",
        f"  API              {API}",
        f"  API docs         {API}/docs",
        f"  Ray dashboard    {DASHBOARD}  (token: ~/.ray/auth_token)",
        f"  PostgreSQL       {env['AGENDA_DATABASE_URL']}",
        f"  Redis            {env['AGENDA_REDIS_URL']}",
        f"  n8n secret       {env['AGENDA_N8N_WEBHOOK_SECRET']}",
    ]
    if salon is not None:
        tenant = tenant_id_of(salon)
        settings = Settings(jwt_secret=env["AGENDA_JWT_SECRET"], environment="development")
        token = mint_token(
            settings,
            user_id=id_for(tenant, "user", "owner"),
            tenant_id=tenant,
            role=Role.OWNER,
            ttl_s=12 * 3600,
        )
        lines += [
            f"  demo salon       {salon.tenant.name} ({tenant})",
            f"  owner JWT (12 h) {token}",
            f"  live socket      ws://127.0.0.1:8000/ws/sync?tenant_id={tenant}&token=<JWT>",
        ]
    lines += [
        "",
        "Jobs: export RAY_AUTH_MODE=token  (so `ray job submit` sends the token)",
        "Ctrl-C stops everything started here.",
        "",
    ]
    return "\n".join(lines)


def haproxy_paths() -> dict[str, str]:
    """Keep Serve's HAProxy files in our folder, so the HAProxy we start is the one we stop."""
    HAPROXY_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "RAY_SERVE_HAPROXY_CONFIG_FILE_LOC": str(HAPROXY_DIR / "haproxy.cfg"),
        "RAY_SERVE_HAPROXY_SOCKET_PATH": str(HAPROXY_DIR / "admin.sock"),
        "RAY_SERVE_HAPROXY_SERVER_STATE_BASE": str(HAPROXY_DIR),
        "RAY_SERVE_HAPROXY_SERVER_STATE_FILE": str(HAPROXY_DIR / "server-state"),
    }


def cluster_env(services: Services) -> dict[str, str]:
    """The environment of `ray start`: every Ray worker (replicas, salon actors) inherits it."""
    given = os.environ.get
    return (
        dict(os.environ)
        | dev_secrets()
        | haproxy_paths()
        | {
            # `ray job submit -- python …` runs `python` from this PATH: the project's venv.
            "PATH": f"{BIN}{os.pathsep}{given('PATH', '')}",
            "AGENDA_ENVIRONMENT": given("AGENDA_ENVIRONMENT", "development"),
            "AGENDA_DATABASE_URL": services.database_url,
            "AGENDA_REDIS_URL": services.redis_url,
            # Ray 2.60 token auth: on for the cluster, and sent by our CLI calls.
            "RAY_AUTH_MODE": "token",
            # Ingress settings measured to remove most of Serve's proxy cost (NOTES.md).
            "RAY_SERVE_ENABLE_HA_PROXY": given("RAY_SERVE_ENABLE_HA_PROXY", "1"),
            "RAY_SERVE_THROUGHPUT_OPTIMIZED": given("RAY_SERVE_THROUGHPUT_OPTIMIZED", "1"),
        }
    )


def start_cluster(env: dict[str, str]) -> None:
    ray_start = [str(BIN / "ray"), "start", "--head", "--temp-dir", str(RAY_TEMP)]
    # Free ports, not Ray's defaults: another Ray on this machine (tests, a benchmark) keeps its
    # own, and the Jobs API needs our dashboard agent (6379 is also Redis's port).
    for option in ("--port", "--dashboard-agent-listen-port", "--metrics-export-port"):
        ray_start += [option, str(free_port())]
    dashboard = ["--dashboard-host", "127.0.0.1", "--dashboard-port", "8265"]
    run([*ray_start, *dashboard, "--disable-usage-stats"], env)
    run([str(BIN / "serve"), "deploy", "serve_config.yaml", "--address", DASHBOARD], env)
    wait_for_health()


def stop_cluster() -> None:
    """Stop only what this script started: its Ray cluster (by its temp dir) and HAProxy.

    `ray stop` would kill every Ray cluster on the machine (a test session, a benchmark), and
    it leaves Serve's HAProxy running.
    """
    ours = []
    for process in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if str(RAY_TEMP) in cmdline or str(HAPROXY_DIR) in cmdline:
            ours.append(process)
    for process in ours:
        process.terminate()
    _gone, alive = psutil.wait_procs(ours, timeout=15)
    for process in alive:
        process.kill()


def stop_like_ctrl_c(signum: int, frame: object) -> None:
    """SIGTERM (from a process manager) stops everything as Ctrl-C does."""
    raise KeyboardInterrupt


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/up", description=__doc__)
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo salon")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    services: Services | None = None
    env: dict[str, str] = {}
    signal.signal(signal.SIGTERM, stop_like_ctrl_c)
    try:
        services = ensure_services(
            DATA,
            database_url=os.environ.get("AGENDA_DATABASE_URL"),
            redis_url=os.environ.get("AGENDA_REDIS_URL"),
        )
        env = cluster_env(services)
        salon = asyncio.run(prepare_database(services.database_url, demo=not args.no_demo))
        console = prepare_console()
        start_cluster(env)
        print(banner(env, salon, console), flush=True)
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        print("\n==> stopping", flush=True)
        if env:
            stop_cluster()
        if services is not None:
            services.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
