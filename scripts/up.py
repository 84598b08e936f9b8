"""Everything `scripts/up` does after the virtual environment exists (see `--help`)."""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

from config.secret_box import SecretBox
from config.settings import Settings
from config.webhook_secret import new_webhook_secret
from db.migrate import apply_migrations
from db.pool import connect
from db.salon_import import import_salon
from deployments.auth import mint_token
from domain.models import Role
from domain.salon_import import SalonFile, id_for, tenant_id_of
from integrations.embedded import Services, ensure_services
from scripts import client_kit
from scripts.local_cluster import LocalCluster, Ports, cluster_environment

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / ".data" / "dev"
DEMO_SALON = ROOT / "db" / "seed" / "demo_salon.json"
SERVE_CONFIG = ROOT / "serve_config.yaml"
BIN = ROOT / ".venv" / "bin"
# How each development secret is made: the n8n one in Standard Webhooks form (`whsec_` + base64).
NEW_SECRETS: dict[str, Callable[[], str]] = {
    "AGENDA_JWT_SECRET": lambda: secrets.token_urlsafe(48),
    "AGENDA_N8N_WEBHOOK_SECRET": new_webhook_secret,
    "AGENDA_SECRETS_KEY": SecretBox.new_key,
}
SECRET_NAMES = tuple(NEW_SECRETS)


def dev_secrets(data: Path) -> dict[str, str]:
    """Secrets from the environment, else generated once and kept in <data>/secrets.env."""
    path = data / "secrets.env"
    stored: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            name, _, value = line.partition("=")
            stored[name] = value
    # A secret stored by an earlier release stays (a plain n8n secret is still accepted).
    for name, make in NEW_SECRETS.items():
        stored.setdefault(name, make())
    data.mkdir(parents=True, exist_ok=True)
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


def wait_for_health(api_url: str, timeout_s: float = 180.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{api_url}/api/v1/health", timeout=3) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1.0)
    raise RuntimeError(f"the API did not become healthy in {timeout_s:.0f} s")


def prepare_console(api_url: str, *, build: bool) -> str:
    """Build the owner console when Node.js is here; the banner line says where, or why not."""
    if not build:
        if (client_kit.KIT / "dist" / "console" / "index.html").is_file():
            return f"{api_url}/console/  (as built before; log in with the owner JWT below)"
        return "not built (--no-console-build, and no earlier build)"
    if problem := client_kit.node_problem():
        print(f"==> owner console not built: {problem}", flush=True)
        hint = "install Node.js >= 22.12, or npm to fetch Node.js 24, and run scripts/up again"
        return f"not built: {problem} ({hint})"
    if client_kit.install() != 0 or client_kit.build_console() != 0:
        print("==> owner console build FAILED (see above); the API runs without it", flush=True)
        return "not built: the build failed (see above)"
    return f"{api_url}/console/  (log in with the owner JWT below)"


def owner_token(env: dict[str, str], salon: SalonFile) -> str:
    tenant = tenant_id_of(salon)
    settings = Settings(jwt_secret=env["AGENDA_JWT_SECRET"], environment="development")
    return mint_token(
        settings,
        user_id=id_for(tenant, "user", "owner"),
        tenant_id=tenant,
        role=Role.OWNER,
        ttl_s=12 * 3600,
    )


def banner(
    cluster: LocalCluster, env: dict[str, str], salon: SalonFile | None, console: str
) -> str:
    api, dashboard = cluster.ports.api_url, cluster.ports.dashboard_url
    lines = [
        "",
        "Agenda Cheia is up.",
        f"  owner console    {console}",
        f"  API              {api}",
        f"  API docs         {api}/docs",
        f"  Ray dashboard    {dashboard}  (it asks for the token in {cluster.token_path})",
        f"  metrics          {cluster.ports.url(cluster.metrics_port)}/metrics (Prometheus; every"
        f" node: {cluster.metrics_discovery}; dashboard and alerts: docs/observability/)",
        f"  PostgreSQL       {env['AGENDA_DATABASE_URL']}",
        f"  Redis            {env['AGENDA_REDIS_URL']}",
        f"  secrets          {cluster.data / 'secrets.env'} (JWT and n8n signing secrets)",
    ]
    if salon is not None:
        tenant = tenant_id_of(salon)
        token = owner_token(env, salon)
        lines += [
            f"  demo salon       {salon.tenant.name} ({tenant})",
            f"  owner JWT (12 h) {token}",
            f"  live socket      {api.replace('http', 'ws', 1)}/ws/sync?tenant_id={tenant}"
            "&token=<JWT>",
        ]
        if console.startswith(api):  # signed in at once (docs/console-embed.md)
            lines.append(f"  owner sign-in    {api}/console/#token={token}")
    lines += [
        "",
        f"Ray CLI and jobs: source {cluster.env_file}",
        "  (then `ray job submit -- …`, `serve status`, `python scripts/bulk_campaign.py …`)",
        "Ctrl-C stops everything started here.",
        "",
    ]
    return "\n".join(lines)


def serve_config(cluster: LocalCluster) -> Path:
    """serve_config.yaml with this run's API port (the file in the repository says 8000)."""
    config = yaml.safe_load(SERVE_CONFIG.read_text())
    config["http_options"]["port"] = cluster.ports.api
    config["http_options"]["host"] = "127.0.0.1"
    path = cluster.data / "serve_config.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def ensure_ports_free(ports: Ports) -> None:
    for name, port in (("API", ports.api), ("Ray dashboard", ports.dashboard)):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                raise SystemExit(
                    f"scripts/up: port {port} ({name}) is in use; is another scripts/up running?"
                    " Choose others with --api-port / --dashboard-port."
                ) from None


def start_cluster(cluster: LocalCluster, env: dict[str, str]) -> None:
    cluster.start(BIN / "ray", env)
    config = serve_config(cluster)
    run([str(BIN / "serve"), "deploy", str(config), "--address", cluster.ports.dashboard_url], env)
    wait_for_health(cluster.ports.api_url)


def haproxy_maxconn(wanted: int = 20_000) -> int:
    """HAProxy's connection cap: `wanted`, or what this machine's open-file limit allows (HAProxy
    needs ~2.5 descriptors a connection and refuses to start when it cannot have them)."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        return wanted
    return max(1024, min(wanted, int((hard - 100) / 2.5)))


def stop_like_ctrl_c(signum: int, frame: object) -> None:
    """SIGTERM (from a process manager) stops everything as Ctrl-C does."""
    raise KeyboardInterrupt


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/up", description=__doc__)
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo salon")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA,
        help="embedded servers, secrets, the Ray token (default: .data/dev)",
    )
    parser.add_argument("--api-port", type=int, default=8000, help="default: %(default)s")
    parser.add_argument("--dashboard-port", type=int, default=8265, help="default: %(default)s")
    parser.add_argument(
        "--no-console-build",
        action="store_true",
        help="serve the owner console as built before (skip npm)",
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    ports = Ports(api=args.api_port, dashboard=args.dashboard_port)
    ensure_ports_free(ports)
    cluster = LocalCluster.for_data(args.data_dir, ports)
    if leftovers := cluster.stop():
        print(f"==> stopped {len(leftovers)} processes an earlier run left behind", flush=True)
    services: Services | None = None
    started = False
    signal.signal(signal.SIGTERM, stop_like_ctrl_c)
    try:
        services = ensure_services(
            cluster.data,
            database_url=os.environ.get("AGENDA_DATABASE_URL"),
            redis_url=os.environ.get("AGENDA_REDIS_URL"),
        )
        cluster.ensure_token()
        cluster.write_env_file(os.environ.get("AGENDA_RAY_NAMESPACE", "agenda"))
        env = cluster_environment(cluster, dict(os.environ), app_environment(cluster, services))
        salon = asyncio.run(prepare_database(services.database_url, demo=not args.no_demo))
        console = prepare_console(ports.api_url, build=not args.no_console_build)
        started = True
        start_cluster(cluster, env)
        print(banner(cluster, env, salon, console), flush=True)
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        print("\n==> stopping", flush=True)
        if started:
            cluster.stop()
        if services is not None:
            services.stop()
        print("==> stopped", flush=True)
    return 0


def app_environment(cluster: LocalCluster, services: Services) -> dict[str, str]:
    """Our settings for every process of the cluster (secrets included: they stay local)."""
    given = os.environ.get
    return dev_secrets(cluster.data) | {
        # `ray job submit -- python …` runs `python` from this PATH: the project's venv.
        "PATH": f"{BIN}{os.pathsep}{given('PATH', '')}",
        "AGENDA_ENVIRONMENT": given("AGENDA_ENVIRONMENT", "development"),
        "AGENDA_DATABASE_URL": services.database_url,
        "AGENDA_REDIS_URL": services.redis_url,
        # Ingress settings measured to remove most of Serve's proxy cost (docs/ray.md).
        "RAY_SERVE_ENABLE_HA_PROXY": given("RAY_SERVE_ENABLE_HA_PROXY", "1"),
        "RAY_SERVE_THROUGHPUT_OPTIMIZED": given("RAY_SERVE_THROUGHPUT_OPTIMIZED", "1"),
        # HAProxy's own cap (Serve's default 4,096) counts open dashboard sockets and HTTP
        # connections together: once sockets fill it, HTTP gets no answer at all.
        "RAY_SERVE_HAPROXY_MAXCONN": given("RAY_SERVE_HAPROXY_MAXCONN", str(haproxy_maxconn())),
    }


if __name__ == "__main__":
    sys.exit(main())
