"""The e2e flows on three Ray nodes — approval, chat, campaign, bulk job — through Serve replicas
on two nodes that share each salon's events through Redis; then a worker node shut down, and
another crashed, while owners approve: the salons it hosted answer again from the other nodes
within 10 s, and every write acknowledged before or during the loss is in PostgreSQL.

The node-loss tests come last (this module runs in order): each takes a node away for good.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from pathlib import Path
from urllib.parse import urlparse

import asyncpg
import httpx
import psutil
import pytest
from redis.asyncio import Redis
from websockets.asyncio.client import ClientConnection, connect

from actors.scheduler_actor import ensure_scheduler
from config.settings import Settings
from tests.cluster.conftest import NODES, WORKERS, ThreeNodes, open_salon_on
from tests.cluster.node_loss import (
    RECOVERY_BOUND_S,
    approve_path,
    check_loss,
    lose_node,
    replicas_placed_again,
)
from tests.e2e.chat_helpers import WEBHOOK, signed, whatsapp
from tests.e2e.conftest import Api, LiveSalon
from tests.e2e.sockets import until
from tests.factories import make_recall_salon

ROOT = Path(__file__).resolve().parents[2]
PRAZO_CERTO = "/api/v1/automations/prazo-certo/execute"
MAX_SOCKETS = 8


@pytest.fixture
async def http(api: Api) -> AsyncIterator[httpx.AsyncClient]:
    async with api.client() as client:
        yield client


def stream_readers(redis_port: int, replicas: dict[int, str], client_ports: set[int]) -> set[str]:
    """The nodes whose live replicas hold one of these Redis connections."""
    nodes = set()
    for conn in psutil.net_connections(kind="tcp"):
        remote = conn.raddr
        if conn.pid in replicas and remote and remote.port == redis_port:
            if conn.laddr.port in client_ports:
                nodes.add(replicas[conn.pid])
    return nodes


async def nodes_reading_streams(
    three_nodes: ThreeNodes, redis: Redis, settings: Settings
) -> set[str]:
    """The nodes of live replicas reading a salon stream (XREAD) from Redis now."""
    clients = await redis.client_list()
    ports = {int(c["addr"].rsplit(":", 1)[1]) for c in clients if c.get("cmd") == "xread"}
    replicas = three_nodes.replicas("live", "LiveIngress")
    redis_port = urlparse(settings.redis_url).port or 6379
    return await asyncio.to_thread(stream_readers, redis_port, replicas, ports)


async def test_hosts_and_replicas_are_spread_over_the_nodes(three_nodes: ThreeNodes) -> None:
    hosts = three_nodes.hosts()
    http_nodes = three_nodes.replicas("agenda", "ApiIngress").values()
    live_nodes = three_nodes.replicas("live", "LiveIngress").values()
    assert sorted(hosts.values()) == sorted(NODES), hosts  # by Ray's SPREAD, one on each
    assert len(http_nodes) == len(set(http_nodes)) == 2
    assert len(live_nodes) == len(set(live_nodes)) == 2


async def test_sockets_on_two_nodes_see_an_approval_through_redis(
    three_nodes: ThreeNodes,
    api: Api,
    pool: asyncpg.Pool,
    redis: Redis,
    http: httpx.AsyncClient,
) -> None:
    salon = await open_salon_on(pool, api, "node_a")
    async with AsyncExitStack() as stack:
        sockets: list[ClientConnection] = []
        readers: set[str] = set()
        # Serve's proxy spreads sockets over the live replicas; open them until replicas on two
        # nodes read this salon's stream (each replica one reader per salon).
        while len(readers) < 2 and len(sockets) < MAX_SOCKETS:
            ws = await stack.enter_async_context(connect(salon.ws()))
            await until(ws, "sync_started")
            sockets.append(ws)
            readers = await nodes_reading_streams(three_nodes, redis, api.settings)
        created = await salon.propose()  # by the salon's host on node_a
        announced = [await until(ws, "auth_request_created") for ws in sockets]
        approved = await http.post(
            approve_path(created.auth_request_id), json={"decision": "approve"}, headers=salon.auth
        )
        booked = [await until(ws, "appointment_created") for ws in sockets]
    assert len(readers) >= 2, f"{len(sockets)} sockets, live replicas reading on {readers}"
    assert approved.status_code == 200, approved.text
    assert {a["data"]["auth_request"]["id"] for a in announced} == {str(created.auth_request_id)}
    assert {b["data"]["appointment_id"] for b in booked} == {approved.json()["appointment_id"]}


async def test_a_client_message_is_answered(
    api: Api, pool: asyncpg.Pool, http: httpx.AsyncClient
) -> None:
    salon = await open_salon_on(pool, api, "node_b")
    async with connect(salon.ws()) as ws:
        await until(ws, "sync_started")
        raw, headers = signed(api, whatsapp(salon, "Oi, quero agendar um corte amanhã às 15h"))
        accepted = await http.post(WEBHOOK, content=raw, headers=headers)
        answer = await until(ws, "ai_response")
    assert accepted.status_code == 202, accepted.text
    assert answer["data"]["intent"] == "booking" and "15:00" in answer["data"]["message"]


async def test_a_campaign_runs_over_http(
    api: Api, pool: asyncpg.Pool, http: httpx.AsyncClient
) -> None:
    salon = await open_salon_on(pool, api, "node_a", make_recall_salon)
    async with connect(salon.ws()) as ws:
        await until(ws, "sync_started")
        response = await http.post(PRAZO_CERTO, json={}, headers=salon.auth)
        completed = await until(ws, "campaign_completed")
    result = response.json()
    assert response.status_code == 200, result
    assert (result["suggestions_created"], result["notifications_sent"]) == (2, 2)
    assert completed["data"]["stats"]["suggestions_created"] == 2


async def test_the_bulk_job_runs_salons_on_every_node(
    three_nodes: ThreeNodes, api: Api, pool: asyncpg.Pool, session_tag: str
) -> None:
    salons = [await open_salon_on(pool, api, node, make_recall_salon) for node in NODES]
    await ensure_scheduler(api.settings)
    command = [
        *(sys.executable, "scripts/bulk_campaign.py", "--campaign", "prazo_certo"),
        *("--tenants", ",".join(str(s.ids.tenant) for s in salons), "--job-id", "cluster"),
        *("--address", three_nodes.cluster.address, "--namespace", session_tag),
    ]
    # The driver finds the cluster's token through RAY_AUTH_* (conftest); no AGENDA_ secret.
    done = await asyncio.to_thread(
        subprocess.run, command, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    runs = await pool.fetchval(
        "SELECT count(*) FROM campaign_run WHERE tenant_id = ANY($1) AND run_key = $2",
        [s.ids.tenant for s in salons],
        "bulk:prazo_certo:cluster",
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "3 ok, 0 failed" in done.stdout
    assert runs == 3


# --- a node lost ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
async def fleet(api: Api, pool: asyncpg.Pool) -> list[LiveSalon]:
    """Six salons, two on each node's host."""
    return [await open_salon_on(pool, api, node) for node in NODES for _ in range(2)]


async def test_a_worker_node_shut_down_loses_no_acknowledged_write(
    three_nodes: ThreeNodes,
    api: Api,
    pool: asyncpg.Pool,
    fleet: list[LiveSalon],
    figure: Callable[[str], None],
) -> None:
    victim = WORKERS[0]
    loss = await lose_node(
        three_nodes, api, fleet, lambda: three_nodes.shut_down(victim), victim, first_hour=1
    )
    figure(
        f"three nodes, {victim} shut down: "
        + await check_loss(loss, victim, three_nodes, api, pool)
    )
    assert loss.recovery_s <= RECOVERY_BOUND_S


async def test_a_crashed_worker_node_loses_no_acknowledged_write(
    three_nodes: ThreeNodes,
    api: Api,
    pool: asyncpg.Pool,
    fleet: list[LiveSalon],
    figure: Callable[[str], None],
) -> None:
    victim = WORKERS[1]
    # Serve has put the replicas the shutdown took on the two nodes left: the crash takes one of
    # each app as well as salon hosts.
    replicas = await replicas_placed_again(three_nodes)
    assert replicas == {"agenda": {"head", victim}, "live": {"head", victim}}
    loss = await lose_node(
        three_nodes, api, fleet, lambda: three_nodes.crash(victim), victim, first_hour=8
    )
    figure(
        f"three nodes, {victim} crashed: " + await check_loss(loss, victim, three_nodes, api, pool)
    )
    assert loss.recovery_s <= RECOVERY_BOUND_S
