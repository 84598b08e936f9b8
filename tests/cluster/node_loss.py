"""Owners approving while a node is lost: what they were told, and what PostgreSQL kept."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx

from domain.commands import CheckMemory
from tests.cluster.conftest import ThreeNodes
from tests.e2e.conftest import Api, LiveSalon

RECOVERY_BOUND_S = 10.0  # the bound: a lost node's salons answer again within it
GIVE_UP_S = 60.0  # a salon still silent then has failed; stop waiting
# No answer, or "unavailable, try again": ours (503), or Serve's when a replica died mid-request.
RETRIED = {0, 500, 502, 503, 504}


def approve_path(request_id: object) -> str:
    return f"/api/v1/sync/confirm-auth-request/{request_id}"


async def approve_once(
    http: httpx.AsyncClient, salon: LiveSalon, request_id: object
) -> tuple[int, dict[str, Any]]:
    """One attempt; 0 when no answer came (the connection broke)."""
    try:
        answer = await http.post(
            approve_path(request_id), json={"decision": "approve"}, headers=salon.auth
        )
    except httpx.TransportError:
        return 0, {}
    return answer.status_code, answer.json() if answer.status_code == 200 else {}


@dataclass
class Loss:
    moved: list[LiveSalon]  # the salons whose host ran on the lost node
    recovery_s: float  # from the loss until the last of them answered again
    proposed: list[str]  # proposals acknowledged (all before the loss)
    acknowledged: dict[str, str]  # approvals answered 200 before or during the loss → appointment
    in_flight: Counter[int]  # the approvals sent as the node went: their answers
    later: dict[str, str]  # approvals answered 200 after the loss (the rest) → appointment


async def approve_in_turn(
    http: httpx.AsyncClient, salon: LiveSalon, request_ids: list[str]
) -> list[tuple[str, int, dict[str, Any]]]:
    """One attempt each, one after another, as an owner clicks."""
    return [(r, *await approve_once(http, salon, r)) for r in request_ids]


async def approved_after(
    http: httpx.AsyncClient, salon: LiveSalon, request_id: str, started: float
) -> tuple[float, dict[str, Any]]:
    """Approve `request_id`, trying again while the salon is unavailable; the seconds from
    `started` until it was approved."""
    while True:
        code, body = await approve_once(http, salon, request_id)
        elapsed = time.monotonic() - started
        if code == 200:
            return elapsed, body
        if code not in RETRIED or elapsed > GIVE_UP_S:
            raise AssertionError(f"salon {salon.ids.tenant}: {code} after {elapsed:.1f} s")
        await asyncio.sleep(0.1)


async def propose(fleet: list[LiveSalon], first_hour: int) -> list[list[str]]:
    """Five offers per salon, an hour apart from `first_hour` tomorrow (each its own slot)."""
    return [
        [
            str((await s.propose(client=f"c{first_hour + n}", hour=first_hour + n)).auth_request_id)
            for n in range(5)
        ]
        for s in fleet
    ]


def answered(results: list[list[tuple[str, int, dict[str, Any]]]]) -> dict[str, str]:
    return {r: body["appointment_id"] for rs in results for r, code, body in rs if code == 200}


async def lose_node(
    three_nodes: ThreeNodes,
    api: Api,
    fleet: list[LiveSalon],
    lose: Callable[[], None],
    victim: str,
    first_hour: int,
) -> Loss:
    """Per salon: two offers approved before the loss, two sent as the node goes, one approved
    (tried until it is) once it is gone; then those the loss left unanswered, repeated."""
    hosts = three_nodes.hosts()
    moved = [s for s in fleet if hosts[api.directory.actor_name(s.ids.tenant)] == victim]
    offers = await propose(fleet, first_hour)
    pairs = list(zip(fleet, offers, strict=True))
    async with httpx.AsyncClient(base_url=api.base_url, timeout=30) as http:
        before = await asyncio.gather(*(approve_in_turn(http, s, ids[:2]) for s, ids in pairs))
        sent = asyncio.gather(*(approve_in_turn(http, s, ids[2:4]) for s, ids in pairs))
        await asyncio.sleep(0.01)  # the approvals are on their way
        started = time.monotonic()
        await asyncio.to_thread(lose)
        back = await asyncio.gather(*(approved_after(http, s, ids[4], started) for s, ids in pairs))
        during = await sent
        unanswered = [
            (salon, r)
            for (salon, _), rs in zip(pairs, during, strict=True)
            for r, c, _ in rs
            if c != 200
        ]
        repeated = [await approved_after(http, s, r, time.monotonic()) for s, r in unanswered]
    assert all(code == 200 for rs in before for _, code, _ in rs), before
    later = [(ids[4], body) for ids, (_, body) in zip(offers, back, strict=True)]
    later += [(r, body) for (_, r), (_, body) in zip(unanswered, repeated, strict=True)]
    return Loss(
        moved=moved,
        recovery_s=max(back[fleet.index(s)][0] for s in moved),
        proposed=[r for ids in offers for r in ids],
        acknowledged=answered([*before, *during]),
        in_flight=Counter(code for rs in during for _, code, _ in rs),
        later={r: body["appointment_id"] for r, body in later},
    )


async def check_loss(
    loss: Loss, victim: str, three_nodes: ThreeNodes, api: Api, pool: asyncpg.Pool
) -> str:
    """Assert what a loss must leave; its figure."""
    approved = loss.acknowledged | loss.later
    statuses = await pool.fetch(
        "SELECT status FROM auth_request WHERE id = ANY($1::uuid[])", loss.proposed
    )
    booked = await pool.fetch(
        "SELECT auth_request_id, id FROM appointment WHERE id = ANY($1::uuid[])"
        " AND status = 'booked'",
        list(approved.values()),
    )
    hosts = three_nodes.hosts()
    now_on = {hosts[api.directory.actor_name(s.ids.tenant)] for s in loss.moved}
    checks = [await api.directory.send(s.ids.tenant, CheckMemory()) for s in loss.moved]
    stored = {str(r["auth_request_id"]): str(r["id"]) for r in booked}
    kept = sum(1 for r, appointment in loss.acknowledged.items() if stored.get(r) == appointment)
    assert loss.moved, f"no salon lived on {victim}"
    assert victim not in now_on and now_on <= set(three_nodes.nodes), now_on
    # Each acknowledged proposal stored, each approval booked; in the end every offer approved.
    assert stored == approved
    assert [r["status"] for r in statuses] == ["approved"] * len(loss.proposed)
    assert all(c.differences == [] for c in checks)
    return (
        f"{len(loss.moved)} salons back on {sorted(now_on)} in {loss.recovery_s:.1f} s"
        f" (bound {RECOVERY_BOUND_S:.0f} s); approvals sent as it went answered"
        f" {dict(sorted(loss.in_flight.items()))}; {kept} of {len(loss.acknowledged)} approvals"
        f" and {len(statuses)} of {len(loss.proposed)} proposals acknowledged before or during"
        " the loss stored; memory equals PostgreSQL in every moved salon"
    )


async def replicas_placed_again(three_nodes: ThreeNodes) -> dict[str, set[str]]:
    """Each app's replica nodes once Serve has replaced those the loss took (or GIVE_UP_S)."""
    deadline = time.monotonic() + GIVE_UP_S
    while True:
        placed = {
            "agenda": set(three_nodes.replicas("agenda", "ApiIngress").values()),
            "live": set(three_nodes.replicas("live", "LiveIngress").values()),
        }
        if all(len(nodes) == 2 for nodes in placed.values()) or time.monotonic() > deadline:
            return placed
        await asyncio.sleep(1.0)
