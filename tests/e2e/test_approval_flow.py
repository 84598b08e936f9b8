"""Fluxo 1 and 4 end to end, through Serve over real HTTP and WebSocket, for both placements."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import asyncpg
import httpx
from websockets.asyncio.client import connect

from tests.e2e.conftest import LiveSalon
from tests.e2e.sockets import events_until, until


async def test_socket_sees_request_then_appointment(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        created = await live_salon.propose()
        announced = await until(ws, "auth_request_created")
        response = await http.post(
            f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}",
            json={"decision": "approve", "notes": "Confirmar com Carol"},
            headers=live_salon.auth,
        )
        booked = await until(ws, "appointment_created")
    body = response.json()
    assert response.status_code == 200, body
    assert announced["data"]["auth_request"]["id"] == str(created.auth_request_id)
    assert booked["data"]["appointment_id"] == body["appointment_id"]
    assert booked["data"]["auth_request_id"] == str(created.auth_request_id)
    assert booked["event_id"] == announced["event_id"] + 1
    assert body["status"] == "success"
    assert body["client_notification_sent"] is False


async def test_pending_list_shows_the_proposal_until_decided(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    created = await live_salon.propose()
    before = (await http.get("/api/v1/sync/pending-auth-requests", headers=live_salon.auth)).json()
    await http.post(
        f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}",
        json={"decision": "reject"},
        headers=live_salon.auth,
    )
    after = (await http.get("/api/v1/sync/pending-auth-requests", headers=live_salon.auth)).json()
    assert [r["id"] for r in before["data"]] == [str(created.auth_request_id)]
    assert before["data"][0]["created_by_agent"] == "prazo_certo"
    assert before["data"][0]["appointment_data"]["client_name"] == "Cliente 1"
    assert after["data"] == []


async def test_the_pending_list_comes_in_pages_that_miss_nothing(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    proposed = [
        (await live_salon.propose(client=client, hour=hour)).auth_request_id
        for client, hour in (("c1", 9), ("c2", 11), ("c3", 13), ("c4", 15), ("c5", 17))
    ]
    listed: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params = {"limit": "2"} | ({"cursor": cursor} if cursor else {})
        page = await http.get(
            "/api/v1/sync/pending-auth-requests", params=params, headers=live_salon.auth
        )
        assert page.status_code == 200, page.text
        body = page.json()
        listed += [r["id"] for r in body["data"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert (pages, listed) == (3, [str(i) for i in proposed])
    bad = await http.get(
        "/api/v1/sync/pending-auth-requests", params={"cursor": "x"}, headers=live_salon.auth
    )
    assert bad.status_code == 400 and "cursor" in bad.json()["detail"]
    whole = await http.get("/api/v1/sync/pending-auth-requests", headers=live_salon.auth)
    assert [r["id"] for r in whole.json()["data"]] == listed  # one page when they fit
    assert whole.json()["next_cursor"] is None


async def test_reconnect_with_last_event_id_replays_the_gap(live_salon: LiveSalon) -> None:
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        await live_salon.propose(client="c1", hour=9)
        first = await until(ws, "auth_request_created")
    for client, hour in (("c2", 11), ("c3", 13), ("c4", 15)):
        await live_salon.propose(client=client, hour=hour)
    async with connect(live_salon.ws(last_event_id=first["event_id"])) as ws:
        missed = await events_until(ws, 3)
        await live_salon.propose(client="c5", hour=17)
        live = await events_until(ws, 1)
    ids = [m["event_id"] for m in missed + live]
    assert ids == [first["event_id"] + n for n in (1, 2, 3, 4)]


async def test_too_old_last_event_id_gets_resync_required(live_salon: LiveSalon) -> None:
    await live_salon.propose()
    async with connect(live_salon.ws(last_event_id=500)) as ws:
        message = await until(ws, "resync_required")
    assert message["data"]["last_event_id"] == 500


async def test_concurrent_conflicting_approvals_book_once(
    live_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    created = [await live_salon.propose(client=f"c{i}", hour=14, minute=i) for i in range(20)]
    responses = await asyncio.gather(
        *(
            http.post(
                f"/api/v1/sync/confirm-auth-request/{c.auth_request_id}",
                json={"decision": "approve"},
                headers=live_salon.auth,
            )
            for c in created
        )
    )
    codes = sorted(r.status_code for r in responses)
    async with pool.acquire() as conn:
        booked = await conn.fetchval(
            "SELECT count(*) FROM appointment WHERE tenant_id = $1", live_salon.ids.tenant
        )
    assert codes == [200] + [409] * 19
    assert booked == 1
    refused = next(r for r in responses if r.status_code == 409).json()
    assert refused["code"] == "slot_taken"


async def test_same_approval_twice_gives_one_appointment(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    created = await live_salon.propose()
    url = f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}"
    first, second = await asyncio.gather(
        http.post(url, json={"decision": "approve"}, headers=live_salon.auth),
        http.post(url, json={"decision": "approve"}, headers=live_salon.auth),
    )
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.json()["appointment_id"] == second.json()["appointment_id"]


async def test_rejecting_an_approved_request_conflicts(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    created = await live_salon.propose()
    url = f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}"
    await http.post(url, json={"decision": "approve"}, headers=live_salon.auth)
    response = await http.post(url, json={"decision": "reject"}, headers=live_salon.auth)
    assert response.status_code == 409
    assert response.json()["code"] == "already_decided"


async def test_rejection_is_evented(live_salon: LiveSalon, http: httpx.AsyncClient) -> None:
    created = await live_salon.propose()
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        await http.post(
            f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}",
            json={"decision": "reject", "notes": "cliente desmarcou"},
            headers=live_salon.auth,
        )
        rejected = await until(ws, "auth_request_rejected")
    assert rejected["data"] == {
        "auth_request_id": str(created.auth_request_id),
        "notes": "cliente desmarcou",
    }


async def test_a_batch_decides_each_request_and_reports_each_refusal(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    first = await live_salon.propose(client="c1", hour=10)
    clash = await live_salon.propose(client="c2", hour=10, minute=30)
    other = await live_salon.propose(client="c3", hour=15)
    unknown = "00000000-0000-4000-8000-000000000000"
    ids = [first.auth_request_id, clash.auth_request_id, other.auth_request_id, unknown]
    response = await http.post(
        "/api/v1/sync/confirm-auth-requests",
        json={"decisions": [{"auth_request_id": str(i), "decision": "approve"} for i in ids]},
        headers=live_salon.auth,
    )
    body = response.json()
    assert response.status_code == 200, body
    assert [(item["status"], item["code"]) for item in body["data"]] == [
        (200, None),
        (409, "slot_taken"),
        (200, None),
        (404, "not_found"),
    ]
    assert (body["approved"], body["preapproved"], body["rejected"], body["refused"]) == (
        2,
        0,
        0,
        2,
    )
    assert body["data"][0]["result"]["appointment_id"] is not None
    again = await http.post(
        "/api/v1/sync/confirm-auth-requests",
        json={
            "decisions": [{"auth_request_id": str(first.auth_request_id), "decision": "approve"}]
        },
        headers=live_salon.auth,
    )
    assert (
        again.json()["data"][0]["result"] == body["data"][0]["result"]
    )  # a repeat, not a second booking


async def test_a_batch_is_refused_whole_when_malformed_and_for_staff(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    path = "/api/v1/sync/confirm-auth-requests"
    empty = await http.post(path, json={"decisions": []}, headers=live_salon.auth)
    same = {"auth_request_id": str(uuid4()), "decision": "approve"}
    twice = await http.post(path, json={"decisions": [same, same]}, headers=live_salon.auth)
    staff = await http.post(
        path,
        json={"decisions": [{"auth_request_id": str(uuid4()), "decision": "approve"}]},
        headers={"Authorization": f"Bearer {live_salon.staff_token}"},
    )
    assert (empty.status_code, twice.status_code, staff.status_code) == (422, 422, 403)
    assert same["auth_request_id"] in str(twice.json())
