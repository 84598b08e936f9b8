"""The local Ray head that `scripts/up` runs: its token, its environment, its start and its stop.

Ray 2.60 has token authentication on, and `ray start` refuses to start when no token exists yet
(a machine where Ray never ran has no `~/.ray/auth_token`). So the head's token is ours: created
once in the data folder (`<data>/ray/auth_token`, mode 0600, never printed) and handed to every
Ray process through `RAY_AUTH_TOKEN_PATH`; nothing here reads or writes `$HOME`.
`<data>/ray.env` holds what a shell needs to talk to this cluster (`ray job submit`, `serve
status`, `python scripts/bulk_campaign.py`): the auth mode, the token's path and the addresses.

`ray start` runs in a session of its own (setsid); every process Ray starts stays in it (Ray
only makes process groups), so the stop finds them all by session id, also those whose titles no
longer show our folders (Ray's dashboard and runtime-env agents), and touches no other cluster.
The session id is kept in `<data>/ray/session`, so a later run stops what a crashed one left.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

import psutil

from integrations.embedded import free_port

# Ray-wide settings that would point our CLI calls at another cluster or another token.
FOREIGN_RAY_VARIABLES = ("RAY_ADDRESS", "RAY_AUTH_TOKEN", "RAY_API_SERVER_ADDRESS")


@dataclass(frozen=True)
class Ports:
    api: int = 8000
    dashboard: int = 8265

    def url(self, port: int) -> str:
        return f"http://127.0.0.1:{port}"

    @property
    def api_url(self) -> str:
        return self.url(self.api)

    @property
    def dashboard_url(self) -> str:
        return self.url(self.dashboard)


@dataclass(frozen=True)
class LocalCluster:
    """One local cluster's files, named after its data folder (two data folders never meet)."""

    data: Path
    ports: Ports
    gcs_port: int
    metrics_port: int = 0  # the head's Prometheus endpoint (Ray's, Serve's and ours); 0: any

    @classmethod
    def for_data(cls, data: Path, ports: Ports) -> LocalCluster:
        return cls(data=data.resolve(), ports=ports, gcs_port=free_port(), metrics_port=free_port())

    @property
    def metrics_discovery(self) -> Path:
        """Where Ray lists every node's metrics endpoint for Prometheus (file_sd_configs)."""
        return self.temp_dir / "prom_metrics_service_discovery.json"

    @property
    def _digest(self) -> str:
        return hashlib.sha256(str(self.data).encode()).hexdigest()[:6]

    @property
    def temp_dir(self) -> Path:
        # Ray's socket paths must stay under 107 characters: a short folder under /tmp.
        return Path(f"/tmp/agenda-up-{self._digest}")

    @property
    def haproxy_dir(self) -> Path:
        # Serve adds a node id (56 characters) below it, and HAProxy refuses socket paths over 97.
        return Path(f"/tmp/agenda-hap-{self._digest}")

    @property
    def token_path(self) -> Path:
        return self.data / "ray" / "auth_token"

    @property
    def env_file(self) -> Path:
        return self.data / "ray.env"

    @property
    def session_file(self) -> Path:
        return self.data / "ray" / "session"

    def ensure_token(self) -> Path:
        """The cluster's token, generated once (256 bits, as Ray's own generator does)."""
        path = self.token_path
        if not path.is_file() or not path.read_text().strip():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.parent.chmod(0o700)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
        path.chmod(0o600)
        return path

    def auth_environment(self) -> dict[str, str]:
        """Token auth on, and where the token is: for the cluster's processes and its clients."""
        return {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN_PATH": str(self.token_path)}

    def client_environment(self) -> dict[str, str]:
        """What `ray job submit`, `serve status` and a driver need to reach this cluster."""
        return self.auth_environment() | {
            "RAY_ADDRESS": f"127.0.0.1:{self.gcs_port}",
            "RAY_API_SERVER_ADDRESS": self.ports.dashboard_url,
            "RAY_DASHBOARD_ADDRESS": self.ports.dashboard_url,
        }

    def write_env_file(self, namespace: str) -> Path:
        """`source` it in a shell; `namespace` is where the back end's named actors live."""
        variables = self.client_environment() | {"AGENDA_RAY_NAMESPACE": namespace}
        lines = [
            "# Written by scripts/up: `source` it to use this cluster from a shell.",
            "# The token itself is not here; RAY_AUTH_TOKEN_PATH names its file.",
            *(f"export {k}={shlex.quote(v)}" for k, v in variables.items()),
        ]
        self.env_file.write_text("\n".join(lines) + "\n")
        return self.env_file

    def haproxy_environment(self) -> dict[str, str]:
        """Serve's HAProxy: files in our folder; its side ports free ones, so nothing collides."""
        self.haproxy_dir.mkdir(parents=True, exist_ok=True)
        given = os.environ.get
        return {
            "RAY_SERVE_HAPROXY_CONFIG_FILE_LOC": str(self.haproxy_dir / "haproxy.cfg"),
            "RAY_SERVE_HAPROXY_SOCKET_PATH": str(self.haproxy_dir / "admin.sock"),
            "RAY_SERVE_HAPROXY_SERVER_STATE_BASE": str(self.haproxy_dir),
            "RAY_SERVE_HAPROXY_SERVER_STATE_FILE": str(self.haproxy_dir / "server-state"),
            "RAY_SERVE_HAPROXY_METRICS_PORT": given("RAY_SERVE_HAPROXY_METRICS_PORT")
            or str(free_port()),
            "RAY_SERVE_HAPROXY_STATS_PORT": given("RAY_SERVE_HAPROXY_STATS_PORT")
            or str(free_port()),
            "RAY_SERVE_FALLBACK_PROXY_HTTP_PORT": given("RAY_SERVE_FALLBACK_PROXY_HTTP_PORT")
            or str(free_port()),
        }

    def start_command(self, ray: Path) -> list[str]:
        command = [str(ray), "start", "--head", "--temp-dir", str(self.temp_dir)]
        # Free ports, not Ray's defaults: another Ray on this machine (tests, a benchmark) keeps
        # its own, and the Jobs API needs our dashboard agent (6379 is also Redis's port).
        metrics = self.metrics_port or free_port()
        command += ["--port", str(self.gcs_port), "--metrics-export-port", str(metrics)]
        for option in (
            "--dashboard-agent-listen-port",
            "--dashboard-agent-grpc-port",
            "--runtime-env-agent-port",
            "--ray-client-server-port",
        ):
            command += [option, str(free_port())]
        command += ["--dashboard-host", "127.0.0.1", "--dashboard-port", str(self.ports.dashboard)]
        return [*command, "--disable-usage-stats"]

    def start(self, ray: Path, env: dict[str, str]) -> None:
        """`ray start` in a new session; its id is written down before anything can fail."""
        command = self.start_command(ray)
        print(f"==> {' '.join(command)}", flush=True)
        process = subprocess.Popen(command, env=env, start_new_session=True)
        self.session_file.parent.mkdir(parents=True, exist_ok=True)
        self.session_file.write_text(str(process.pid))
        if process.wait() != 0:
            raise subprocess.CalledProcessError(process.returncode, command)

    def _session(self) -> int | None:
        """Our recorded session, unless its leader lives: then the id is someone else's now."""
        try:
            session = int(self.session_file.read_text())
        except (FileNotFoundError, ValueError):
            return None
        return None if psutil.pid_exists(session) else session

    def processes(self) -> list[psutil.Process]:
        """Every live process of this cluster: in its session, or naming our folders."""
        session = self._session()
        folders = (str(self.temp_dir), str(self.haproxy_dir))
        ours = []
        for process in psutil.process_iter(["cmdline"]):
            if process.pid == os.getpid():
                continue
            try:
                cmdline = " ".join(process.info["cmdline"] or [])
                in_session = session is not None and os.getsid(process.pid) == session
            except (ProcessLookupError, PermissionError):
                continue
            if in_session or any(folder in cmdline for folder in folders):
                ours.append(process)
        return ours

    def stop(self, timeout_s: float = 15.0) -> list[int]:
        """Stop every process of this cluster (TERM, then KILL); return the pids stopped.

        `ray stop` would kill every Ray cluster on the machine (a test session, a benchmark),
        and it leaves Serve's HAProxy running.
        """
        ours = self.processes()
        for process in ours:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.terminate()
        _gone, alive = psutil.wait_procs(ours, timeout=timeout_s)
        for process in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        psutil.wait_procs(alive, timeout=5)
        return [process.pid for process in ours]


def cluster_environment(
    cluster: LocalCluster, base: dict[str, str], extra: dict[str, str]
) -> dict[str, str]:
    """The environment of `ray start`: every Ray process (replicas, salon actors) inherits it."""
    inherited = {k: v for k, v in base.items() if k not in FOREIGN_RAY_VARIABLES}
    return inherited | extra | cluster.haproxy_environment() | cluster.auth_environment()
