"""The salon's profile over HTTP: read by owner and staff, stated whole by the owner; bad input is a
clear 422 that changes nothing; the opening hours in use are the owner's or the professionals'.
And the webhook's typed messages: media kinds are stored as received, a bad body is refused."""

from __future__ import annotations

import base64

import asyncpg
import httpx
from websockets.asyncio.client import connect

from tests.e2e.chat_helpers import WEBHOOK, signed, whatsapp
from tests.e2e.conftest import LiveSalon
from tests.e2e.sockets import until

PATH = "/api/v1/salon/profile"
PROFILE = {
    "address": "Rua Harmonia, 321 – Vila Madalena",
    "maps_url": "https://maps.example/harmonia",
    "opening_hours": [
        {"weekday": 1, "opens": "09:00", "closes": "19:00"},
        {"weekday": 5, "opens": "08:00", "closes": "13:00"},
    ],
    "payment_methods": ["pix", "cash"],
    "parking": "Vagas na rua.",
    "cancellation_policy": "Avise com 24 h de antecedência.",
    "cancellation_window_h": 24,
    "about": "Desde 2015 na Vila.",
}


async def test_only_the_owner_states_the_profile_and_staff_reads_it(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    staff = {"Authorization": f"Bearer {live_salon.staff_token}"}
    empty = await http.get(PATH, headers=staff)
    refused = await http.put(PATH, json=PROFILE, headers=staff)
    stated = await http.put(PATH, json=PROFILE, headers=live_salon.auth)
    read = await http.get(PATH, headers=staff)
    anonymous = await http.get(PATH)
    assert empty.status_code == 200
    assert empty.json()["address"] is None and empty.json()["opening_hours"] is None
    # derived from the professionals (the test salon is open all day, every day)
    assert len(empty.json()["opening_hours_in_use"]) == 7
    assert refused.status_code == 403
    assert stated.status_code == 200 and stated.json() == read.json()
    assert read.json()["payment_methods"] == ["pix", "cash"]
    assert [p["weekday"] for p in read.json()["opening_hours_in_use"]] == [1, 5]
    assert read.json()["opening_hours_in_use"][0] == {
        "weekday": 1,
        "opens": "09:00:00",
        "closes": "19:00:00",
    }
    assert anonymous.status_code == 401


async def test_a_bad_profile_is_a_clear_422_and_changes_nothing(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    await http.put(PATH, json=PROFILE, headers=live_salon.auth)
    bad = [
        PROFILE | {"cancellation_policy": None},  # a window without its policy
        PROFILE | {"payment_methods": ["pix", "bitcoin"]},
        PROFILE | {"maps_url": "javascript:alert(1)"},
        PROFILE | {"opening_hours": [{"weekday": 7, "opens": "09:00", "closes": "10:00"}]},
        PROFILE | {"opening_hours": [{"weekday": 1, "opens": "19:00", "closes": "09:00"}]},
        PROFILE | {"wifi": "yes"},
    ]
    answers = [await http.put(PATH, json=body, headers=live_salon.auth) for body in bad]
    after = await http.get(PATH, headers=live_salon.auth)
    assert [a.status_code for a in answers] == [422] * len(bad)
    assert all(a.json()["code"] == "validation_error" for a in answers)
    assert "cancellation_policy" in answers[0].text
    assert after.json()["payment_methods"] == ["pix", "cash"]
    assert after.json()["cancellation_policy"] == PROFILE["cancellation_policy"]
    blank = await http.put(PATH, json=PROFILE | {"address": "  "}, headers=live_salon.auth)
    assert blank.json()["address"] is None  # a form's empty field: not told


async def test_media_messages_are_stored_as_received_and_flagged(
    live_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    api = live_salon.api
    location = {
        "kind": "location",
        "location": {"latitude": -23.55, "longitude": -46.69, "name": "Casa"},
    }
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        for extra in (location, {"kind": "order"}, {"kind": "sticker", "media_id": "st-1"}):
            raw, headers = signed(api, whatsapp(live_salon, "", **extra))
            assert (await http.post(WEBHOOK, content=raw, headers=headers)).status_code == 202
        first = await until(ws, "client_notice")
        second = await until(ws, "client_notice")
    rows = await pool.fetch(
        """SELECT kind, location, status, media_id FROM chat_message
           WHERE tenant_id = $1 AND direction = 'inbound' ORDER BY created_at""",
        live_salon.ids.tenant,
    )
    replies = await pool.fetchval(
        "SELECT count(*) FROM chat_message WHERE tenant_id = $1 AND author = 'agent'",
        live_salon.ids.tenant,
    )
    assert [(first["data"]["media_kind"], second["data"]["media_kind"])] == [("location", "order")]
    assert [r["kind"] for r in rows] == ["location", "order", "sticker"]
    assert rows[0]["location"]["latitude"] == -23.55
    assert rows[2]["media_id"] == "st-1"
    assert replies == 2  # the sticker is kept, not answered


async def test_bad_typed_messages_are_refused_and_change_nothing(
    live_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    api = live_salon.api
    bodies = [
        whatsapp(live_salon, "   "),  # text without words
        whatsapp(live_salon, "", kind="image", media_base64=base64.b64encode(b"x").decode()),
        whatsapp(live_salon, "", kind="audio", media_base64="not base64!"),
        whatsapp(live_salon, "", kind="location"),  # no location
        whatsapp(live_salon, "", kind="Áudio"),
    ]
    answers = []
    for body in bodies:
        raw, headers = signed(api, body)
        answers.append(await http.post(WEBHOOK, content=raw, headers=headers))
    stored = await pool.fetchval(
        "SELECT count(*) FROM chat_message WHERE tenant_id = $1", live_salon.ids.tenant
    )
    assert [a.status_code for a in answers] == [422] * len(bodies)
    assert all(a.json()["code"] == "validation_error" for a in answers)
    assert stored == 0
