"""Three Ray nodes on this machine (`ray.cluster_utils.Cluster`: a head and two workers), Serve's
proxy on the head, the HTTP app (`/`) and the live app (`/ws`) with two replicas each, never two
on one node, and the shared placement's three salon hosts, one per node.

A pytest process of its own (scripts/test starts it after the main one): tests/e2e's session
starts its own Ray with `ray.init`, and one process connects to one Ray cluster.

The hosts are created here through the app's own directory, as a replica's first call would:
spread over the nodes by Ray (`SPREAD`), each restarted on another node when its node goes.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import psutil
import pytest
import ray
from ray import serve
from ray._common.utils import get_default_ray_temp_dir, reset_ray_address
from ray._private.authentication_test_utils import reset_auth_token_state
from ray.cluster_utils import Cluster
from ray.util.state import list_actors

from actors.directory import TenantDirectory
from config.settings import Placement, Settings
from deployments.app import ApiIngress, LiveIngress
from domain.salon_import import SalonFile
from tests.e2e.conftest import Api, LiveSalon, open_salon
from tests.factories import SalonIds, make_salon

NODES = ("head", "node_a", "node_b")  # each node's custom resource, named after it
WORKERS = NODES[1:]
REPLICAS = 2
# Only the GCS's health checks notice a crashed node. With Ray's defaults (every 3 s, dead after
# 5 misses) a crashed node's actors came back after ~16 s here; with these after ~4 s. A node
# that shuts down says goodbye and needs none. Each check still waits Ray's 10 s for an answer,
# so a busy node is not taken for a dead one. Set as the product sets them (Dockerfile,
# cluster.yaml): in the environment of the head's processes.
HEALTH_CHECKS = {"RAY_health_check_period_ms": "500", "RAY_health_check_failure_threshold": "3"}
# Serve's proxy sends a request to a replica on its own node when it has one. Here one proxy, on
# the head, stands for the proxies of every node behind a load balancer (all nodes share one
# address, so `EveryNode` proxies would all want one port): it must pick among all replicas.
SERVE_ROUTING = {"RAY_SERVE_PROXY_PREFER_LOCAL_NODE_ROUTING": "0"}
APP_ARGS = {
    "placement": Placement.SHARED.value,
    "tenant_hosts": len(NODES),
    "gemini_enabled": False,
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ThreeNodes:
    cluster: Cluster
    nodes: dict[str, Any]  # name → ray._private.node.Node (only those still up)
    node_ids: dict[str, str]  # name → Ray node id (also of nodes gone)
    port: int = 0  # Serve's HTTP port, on the head
    host_on: dict[str, str] = field(default_factory=dict)  # node name → salon host there

    def node_name(self, node_id: str) -> str:
        return next(name for name, known in self.node_ids.items() if known == node_id)

    def actors(self, class_name: str) -> list[Any]:
        return list(list_actors(filters=[("class_name", "=", class_name), ("state", "=", "ALIVE")]))

    def hosts(self) -> dict[str, str]:
        """Each live salon host's actor name → the name of the node it runs on."""
        return {a.name: self.node_name(a.node_id) for a in self.actors("TenantHost")}

    def replicas(self, app: str, deployment: str) -> dict[int, str]:
        """Each live replica's process id → the name of its node."""
        actors = self.actors(f"ServeReplica:{app}:{deployment}")
        return {a.pid: self.node_name(a.node_id) for a in actors}

    def shut_down(self, name: str) -> None:
        """The node stops as a machine shutting down does: SIGTERM, Ray says goodbye."""
        self.cluster.remove_node(self.nodes.pop(name))

    def crash(self, name: str) -> None:
        """Every process of the node killed at once (SIGKILL), as when its machine dies."""
        node = self.nodes.pop(name)
        processes = []
        for infos in node.all_processes.values():
            for info in infos:
                with suppress(psutil.NoSuchProcess):
                    process = psutil.Process(info.process.pid)
                    processes += [process, *process.children(recursive=True)]
        for process in processes:  # the raylet, its agents and its workers (salon hosts)
            with suppress(psutil.NoSuchProcess):
                process.send_signal(signal.SIGKILL)
        self.cluster.remove_node(node, allow_graceful=False)  # reaps them


def start_cluster(temp: Path) -> ThreeNodes:
    head_args = {
        "num_cpus": 1,
        "resources": {NODES[0]: 1},
        "temp_dir": str(temp),
        "include_dashboard": True,  # the state API (where each actor runs)
        "dashboard_host": "127.0.0.1",
        "dashboard_port": free_port(),
    }
    # Cluster records its address for `ray.init()` without one, in Ray's default folder (which
    # scripts/test's RAY_TMPDIR may not hold yet); tests/e2e's session must start a cluster of
    # its own, never connect to this one: the record goes at once.
    Path(get_default_ray_temp_dir()).mkdir(parents=True, exist_ok=True)
    cluster = Cluster(initialize_head=True, head_node_args=head_args)
    reset_ray_address()
    nodes = {NODES[0]: cluster.head_node}
    for name in WORKERS:
        nodes[name] = cluster.add_node(num_cpus=1, resources={name: 1})
    cluster.wait_for_nodes()
    node_ids = {name: node.node_id for name, node in nodes.items()}
    return ThreeNodes(cluster=cluster, nodes=nodes, node_ids=node_ids)


def ray_auth(temp: Path) -> dict[str, str]:
    """Token auth on, as on a real cluster, with a token of this cluster's own."""
    temp.mkdir(parents=True, exist_ok=True)
    token = temp / "auth_token"
    descriptor = os.open(token, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_hex(32))
    return {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN_PATH": str(token)}


def deploy(args: dict[str, Any]) -> None:
    """The HTTP app at `/` and the live app at `/ws`, as serve_config.yaml names them, with two
    replicas each, never two on one node."""
    spread = {"num_replicas": REPLICAS, "max_replicas_per_node": 1}
    serve.run(ApiIngress.options(**spread).bind(args), name="agenda", route_prefix="/")
    serve.run(LiveIngress.options(**spread).bind(args), name="live", route_prefix="/ws")


def place_hosts(nodes: ThreeNodes, settings: Settings) -> None:
    """The three salon hosts, created by the directory by the names it gives them; which node
    took which is recorded (salon_on places salons by it)."""
    directory = TenantDirectory(settings)
    hosts = [directory.handle(f"tenant-host:{slot}") for slot in range(len(NODES))]
    ray.get([host.ping.remote() for host in hosts], timeout=120)
    nodes.host_on = {node: name for name, node in nodes.hosts().items()}


@pytest.fixture(scope="session")
def app_settings(settings: Settings, session_tag: str) -> Settings:
    update = APP_ARGS | {"placement": Placement.SHARED, "ray_namespace": session_tag}
    return settings.model_copy(update=update)


@pytest.fixture(scope="session")
def three_nodes(
    settings_env: dict[str, str], session_tag: str, app_settings: Settings
) -> Iterator[ThreeNodes]:
    saved = dict(os.environ)
    temp = Path(os.environ.get("RAY_TMPDIR", "/tmp")) / f"ray_cl_{session_tag[-6:]}"
    auth = ray_auth(temp)
    # Ray's processes inherit this environment: that is how secrets reach the actors (never a
    # runtime_env: Ray's runtime-env agent logs its variables), as in tests/e2e.
    os.environ.update(settings_env | auth | SERVE_ROUTING | HEALTH_CHECKS)
    try:
        reset_auth_token_state()  # this process, too, now speaks token auth
        nodes = start_cluster(temp)
        ray.init(address=nodes.cluster.address, namespace=session_tag, log_to_driver=False)
    finally:
        os.environ.clear()
        os.environ.update(saved | auth)  # the bulk job's driver needs the token too
    try:
        nodes.port = free_port()
        serve.start(
            proxy_location="HeadOnly", http_options={"host": "127.0.0.1", "port": nodes.port}
        )
        place_hosts(nodes, app_settings)
        deploy(APP_ARGS | {"ray_namespace": session_tag})
        yield nodes
    finally:
        with suppress(Exception):
            serve.shutdown()
        ray.shutdown()
        nodes.cluster.shutdown()
        os.environ.clear()
        os.environ.update(saved)
        Path(auth["RAY_AUTH_TOKEN_PATH"]).unlink(missing_ok=True)  # the logs stay


@dataclass
class ClusterApi(Api):
    host_on: dict[str, str] = field(default_factory=dict)  # as ThreeNodes.host_on


@pytest.fixture(scope="session")
def api(three_nodes: ThreeNodes, app_settings: Settings) -> ClusterApi:
    port = three_nodes.port
    return ClusterApi(
        placement=Placement.SHARED,
        base_url=f"http://127.0.0.1:{port}",
        ws_url=f"ws://127.0.0.1:{port}/ws/sync",
        settings=app_settings,
        directory=TenantDirectory(app_settings),
        host_on=three_nodes.host_on,
    )


def salon_on(api: ClusterApi, node: str, make: Any = make_salon) -> SalonFile:
    """A salon file whose salon the directory places on the host of `node`."""
    wanted = api.host_on[node]
    for _ in range(1000):
        salon: SalonFile = make()
        if api.directory.actor_name(SalonIds(salon).tenant) == wanted:
            return salon
    raise AssertionError(f"no salon for {wanted} in 1000 tries")


async def open_salon_on(
    pool: asyncpg.Pool, api: ClusterApi, node: str, make: Any = make_salon
) -> LiveSalon:
    return await open_salon(pool, api, salon_on(api, node, make))
