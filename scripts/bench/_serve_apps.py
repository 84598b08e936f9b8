"""The cluster of scripts/bench/fanout: scripts/up's Serve environment, serve_config.yaml's two
applications at fixed replicas, and the processes whose memory it reads (live replicas, HAProxy).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import ray
from ray.util.state import list_actors

from integrations.embedded import free_port
from scripts.local_cluster import LocalCluster, Ports

from . import _stack as bench

SERVE_ENV = {"RAY_SERVE_ENABLE_HA_PROXY": "1", "RAY_SERVE_THROUGHPUT_OPTIMIZED": "1"}
HAPROXY_MAXCONN_DEFAULT = 4096  # Serve's default RAY_SERVE_HAPROXY_MAXCONN
MIB = 1024 * 1024


@dataclass
class Deployed:
    port: int
    dashboard_url: str
    haproxy_dir: Path
    apps: list[str]  # one line per application: name, prefix, deployment options


def fixed_replicas(options: dict[str, Any]) -> dict[str, Any]:
    """The file's deployment options, with autoscaling replaced by its min_replicas."""
    fixed = {k: v for k, v in options.items() if k not in ("name", "autoscaling_config")}
    scaling = options.get("autoscaling_config")
    if scaling:
        fixed["num_replicas"] = scaling["min_replicas"]
    return fixed


def described(options: dict[str, Any]) -> str:
    fixed = fixed_replicas(options)
    text = ", ".join(f"{k}={v}" for k, v in fixed.items())
    scaling = options.get("autoscaling_config")
    if scaling:
        text += (
            f" (the file's min_replicas; its autoscaling {scaling['min_replicas']}.."
            f"{scaling['max_replicas']} on {scaling['target_ongoing_requests']} ongoing is off)"
        )
    return text


@contextlib.contextmanager
def serve_apps(
    stack: bench.Stack, config: dict[str, Any], app_args: dict[str, Any], maxconn: int
) -> Iterator[Deployed]:
    """Ray restarted with scripts/up's Serve environment; both applications deployed."""
    temp_dir = Path(stack.ray_context.address_info["session_dir"]).parent
    ray.shutdown()  # bench_stack's cluster has the stock proxy: Serve's env is read at start
    port = free_port()
    haproxy = LocalCluster(data=temp_dir, ports=Ports(api=port), gcs_port=0)
    os.environ.update(SERVE_ENV | {"RAY_SERVE_HAPROXY_MAXCONN": str(maxconn)})
    os.environ.update(haproxy.haproxy_environment())  # bench_stack restores os.environ at exit
    try:
        context = ray.init(
            namespace=stack.tag,
            include_dashboard=True,  # list_actors (the replicas' pids) needs it
            dashboard_host="127.0.0.1",
            dashboard_port=free_port(),
            log_to_driver=False,
            _temp_dir=str(temp_dir),
            _node_ip_address="127.0.0.1",  # HAProxy reaches the replicas on loopback
        )
        if context.dashboard_url is None:
            raise RuntimeError("the Ray dashboard did not start (list_actors needs it)")
        from ray import serve  # after the environment is set, as read_paths does

        import deployments.app as serve_app

        serve.start(
            proxy_location=config.get("proxy_location"),
            http_options={"host": "127.0.0.1", "port": port},
            logging_config=config.get("logging_config"),
        )
        lines = []
        for app in config["applications"]:
            build = getattr(serve_app, app["import_path"].split(":")[1])
            build(app_args)  # refuses what `serve deploy` would refuse
            (options,) = app["deployments"]
            fixed = fixed_replicas(options)
            deployment = getattr(serve_app, options["name"]).options(**fixed)
            serve.run(
                deployment.bind(app_args),
                name=app["name"],
                route_prefix=app["route_prefix"],
                logging_config=config.get("logging_config"),
            )
            lines.append(
                f"{app['name']} at {app['route_prefix']}: {options['name']}: {described(options)}"
            )
        yield Deployed(port, context.dashboard_url, haproxy.haproxy_dir, lines)
    finally:
        if ray.is_initialized():
            try:
                from ray import serve

                serve.shutdown()  # type: ignore[no-untyped-call]
            except Exception as error:  # cleanup boundary: report and go on
                print(f"cleanup: serve.shutdown failed: {error!r}", file=sys.stderr)
        stop_leftovers(haproxy.haproxy_dir)


def haproxy_processes(folder: Path) -> list[psutil.Process]:
    """This run's HAProxy processes: their command lines name our own folder."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        if str(folder) in " ".join(process.info["cmdline"] or []):
            found.append(process)
    return found


def stop_leftovers(folder: Path) -> None:
    """HAProxy processes of this run that outlived Serve (by pid), and their folder."""
    ours = haproxy_processes(folder)
    for process in ours:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.terminate()
    psutil.wait_procs(ours, timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


def live_replicas(dashboard_url: str, app_name: str) -> list[psutil.Process]:
    """The live application's replica processes (Ray names their class ServeReplica:app:name)."""
    actors = list_actors(
        address=f"http://{dashboard_url}",
        filters=[
            ("class_name", "=", f"ServeReplica:{app_name}:LiveIngress"),
            ("state", "=", "ALIVE"),
        ],
        limit=1000,
        raise_on_missing_output=False,
    )
    return [psutil.Process(a.pid) for a in actors if a.pid is not None]


def uss_mib(processes: list[psutil.Process]) -> float:
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += process.memory_full_info().uss
    return total / MIB


def connections_to(processes: list[psutil.Process], port: int) -> list[int]:
    """Established TCP connections of each process to `port` (Redis's: the live feeds' reads)."""
    counts = []
    for process in processes:
        with contextlib.suppress(psutil.Error):
            found = process.net_connections(kind="tcp")
            counts.append(sum(1 for c in found if c.raddr and c.raddr.port == port))
    return counts
