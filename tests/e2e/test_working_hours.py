"""A professional's working hours over HTTP: read by owner and staff, replaced by the owner and
told on the socket; another salon's token sees no such professional; bad input is a clear 422
that changes nothing; bookings already made outside the new hours are kept and listed."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import asyncpg
import httpx
from websockets.asyncio.client import connect

from tests.e2e.conftest import LiveSalon
from tests.e2e.sockets import until
from tests.factories import next_local_slot

WEEK = {
    "periods": [
        {"weekday": 1, "start": "09:00", "end": "12:00"},
        {"weekday": 1, "start": "13:00", "end": "19:00"},
        {"weekday": 5, "start": "08:00", "end": "14:00"},
    ]
}


def path(salon: LiveSalon, who: str = "carol") -> str:
    return f"/api/v1/professionals/{salon.ids.of('professional', who)}/working-hours"


async def hours_events(pool: asyncpg.Pool, salon: LiveSalon) -> int:
    return int(
        await pool.fetchval(
            "SELECT count(*) FROM event WHERE tenant_id = $1"
            " AND event_type = 'working_hours_updated'",
            salon.ids.tenant,
        )
    )


async def test_the_owner_replaces_a_week_staff_reads_it_and_the_socket_tells_it(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    staff = {"Authorization": f"Bearer {live_salon.staff_token}"}
    before = await http.get(path(live_salon), headers=staff)
    refused = await http.put(path(live_salon), json=WEEK, headers=staff)
    anonymous = await http.get(path(live_salon))
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        stated = await http.put(path(live_salon), json=WEEK, headers=live_salon.auth)
        told = await until(ws, "working_hours_updated")
    read = await http.get(path(live_salon), headers=staff)
    assert before.status_code == 200 and len(before.json()["periods"]) == 7
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    assert anonymous.status_code == 401
    assert stated.status_code == 200 and stated.json() == read.json()
    assert read.json()["periods"] == WEEK["periods"]
    assert read.json()["professional_name"] == "Carol"
    assert told["data"]["periods"] == WEEK["periods"]
    assert told["data"]["professional_id"] == str(live_salon.ids.of("professional", "carol"))
    rafael = await http.get(path(live_salon, "rafael"), headers=staff)
    assert len(rafael.json()["periods"]) == 7  # only Carol's week changed


async def test_another_salons_token_finds_no_such_professional_and_changes_nothing(
    live_salon: LiveSalon, other_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    before = await http.get(path(live_salon), headers=live_salon.auth)
    read = await http.get(path(live_salon), headers=other_salon.auth)
    written = await http.put(path(live_salon), json=WEEK, headers=other_salon.auth)
    unknown = f"/api/v1/professionals/{uuid4()}/working-hours"
    nobody = await http.put(unknown, json=WEEK, headers=live_salon.auth)
    nobody_read = await http.get(unknown, headers=live_salon.auth)
    after = await http.get(path(live_salon), headers=live_salon.auth)
    assert [a.status_code for a in (read, written, nobody, nobody_read)] == [404] * 4
    assert {a.json()["code"] for a in (read, written, nobody, nobody_read)} == {"not_found"}
    assert written.json()["detail"] == "professional not found in this salon"
    assert after.json() == before.json()
    assert await hours_events(pool, live_salon) == 0
    assert await hours_events(pool, other_salon) == 0


async def test_a_bad_week_is_a_clear_422_and_changes_nothing(
    live_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    await http.put(path(live_salon), json=WEEK, headers=live_salon.auth)
    before = await http.get(path(live_salon), headers=live_salon.auth)

    def one(**period: Any) -> dict[str, Any]:
        return {"periods": [{"weekday": 2, "start": "09:00", "end": "18:00"} | period]}

    bad: list[tuple[Any, str]] = [
        (one(start="18:00", end="09:00"), "a period must end after it starts (18:00-09:00)"),
        (one(start="9:00"), "HH:MM"),
        (one(end="24:00"), "HH:MM"),
        (one(weekday=7), "less than or equal to 6"),
        (
            {"periods": [*one()["periods"], *one(start="17:00", end="20:00")["periods"]]},
            "weekday 2: 09:00-18:00 and 17:00-20:00 overlap or touch",
        ),
        (
            {
                "periods": [
                    one(start=f"{h:02d}:00", end=f"{h:02d}:30")["periods"][0] for h in range(5)
                ]
            },
            "at most 4 a day",
        ),
        ({}, "Field required"),
        ({"periods": [], "notes": "x"}, "Extra inputs are not permitted"),
        ([], "valid dictionary"),
    ]
    answers = [
        await http.put(path(live_salon), json=body, headers=live_salon.auth) for body, _ in bad
    ]
    not_json = await http.put(
        path(live_salon),
        content=b"{periods",
        headers=live_salon.auth | {"Content-Type": "application/json"},
    )
    bad_id = await http.put(
        "/api/v1/professionals/carol/working-hours", json=WEEK, headers=live_salon.auth
    )
    after = await http.get(path(live_salon), headers=live_salon.auth)
    assert [a.status_code for a in answers] == [422] * len(bad)
    for answer, (_, words) in zip(answers, bad, strict=True):
        assert answer.json()["code"] == "validation_error"
        assert words in answer.text, answer.text
    assert answers[0].json()["detail"][0]["loc"] == ["body", "periods", 0]
    assert (not_json.status_code, bad_id.status_code) == (422, 422)
    assert after.json() == before.json()
    assert await hours_events(pool, live_salon) == 1  # the first, good week only


async def test_a_booking_outside_the_new_hours_is_kept_and_listed(
    live_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    proposed = await live_salon.propose(hour=20)
    approved = await http.post(
        f"/api/v1/sync/confirm-auth-request/{proposed.auth_request_id}",
        json={"decision": "approve"},
        headers=live_salon.auth,
    )
    weekday = next_local_slot(hour=20).weekday()
    week = {"periods": [{"weekday": weekday, "start": "09:00", "end": "18:00"}]}
    stated = await http.put(path(live_salon), json=week, headers=live_salon.auth)
    read = await http.get(path(live_salon), headers=live_salon.auth)
    status = await pool.fetchval(
        "SELECT status FROM appointment WHERE tenant_id = $1 AND id = $2",
        live_salon.ids.tenant,
        approved.json()["appointment_id"],
    )
    assert stated.json()["bookings_outside_count"] == 1
    assert stated.json()["bookings_outside"][0]["time"] == "20:00"
    assert read.json()["bookings_outside"] == stated.json()["bookings_outside"]
    assert status == "booked"
