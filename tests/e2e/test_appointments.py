"""The salon marks, cancels and moves appointments over HTTP; the owner's socket sees it all."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import httpx
from websockets.asyncio.client import connect

from tests.e2e.conftest import LiveSalon
from tests.e2e.sockets import until
from tests.factories import next_local_slot


async def approved(live_salon: LiveSalon, http: httpx.AsyncClient, *, hour: int = 10) -> str:
    created = await live_salon.propose(hour=hour)
    response = await http.post(
        f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}",
        json={"decision": "approve"},
        headers=live_salon.auth,
    )
    appointment_id: str = response.json()["appointment_id"]
    return appointment_id


async def post(
    http: httpx.AsyncClient, live_salon: LiveSalon, path: str, body: dict[str, Any], token: str = ""
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token or live_salon.owner_token}"}
    return await http.post(f"/api/v1/appointments/{path}", json=body, headers=headers)


async def test_staff_cancels_a_booking_and_the_socket_sees_it(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    appointment_id = await approved(live_salon, http)
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        response = await post(
            http,
            live_salon,
            f"{appointment_id}/status",
            {"status": "cancelled", "reason": "cliente pediu"},
            token=live_salon.staff_token,
        )
        updated = await until(ws, "appointment_updated")
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["status_reason"]) == (
        "cancelled",
        "cliente pediu",
    )
    assert updated["data"]["appointment_id"] == appointment_id
    assert (updated["data"]["status"], updated["data"]["previous_status"]) == (
        "cancelled",
        "booked",
    )


async def test_a_cancelled_slot_is_free_for_a_new_proposal(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    appointment_id = await approved(live_salon, http, hour=11)
    await post(http, live_salon, f"{appointment_id}/status", {"status": "cancelled"})
    again = await approved(live_salon, http, hour=11)
    assert again != appointment_id


async def test_a_booking_moves_by_local_date_and_time(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    appointment_id = await approved(live_salon, http, hour=12)
    day = next_local_slot().date().isoformat()
    response = await post(
        http, live_salon, f"{appointment_id}/move", {"date": day, "time": "16:30"}
    )
    assert response.status_code == 200, response.text
    assert (response.json()["date"], response.json()["time"]) == (day, "16:30")
    listed = await http.get(
        "/api/v1/appointments", params={"from": day, "to": day}, headers=live_salon.auth
    )
    times = {a["id"]: a["time"] for a in listed.json()["data"]}
    assert times[appointment_id] == "16:30"


async def test_completing_a_coming_visit_is_409_with_its_code_and_changes_nothing(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    appointment_id = await approved(live_salon, http, hour=13)
    response = await post(http, live_salon, f"{appointment_id}/status", {"status": "completed"})
    assert response.status_code == 409
    assert response.json()["code"] == "appointment_not_started"
    cancelled = await post(http, live_salon, f"{appointment_id}/status", {"status": "cancelled"})
    assert cancelled.json()["status"] == "cancelled"  # still booked until then
    again = await post(http, live_salon, f"{appointment_id}/status", {"status": "no_show"})
    assert (again.status_code, again.json()["code"]) == (409, "illegal_transition")


async def test_bad_bodies_are_422_and_unknown_or_foreign_ids_404(
    live_salon: LiveSalon, other_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    appointment_id = await approved(live_salon, http, hour=14)
    bad_status = await post(http, live_salon, f"{appointment_id}/status", {"status": "done"})
    no_time = await post(http, live_salon, f"{appointment_id}/move", {"date": "2026-12-24"})
    unknown = await post(http, live_salon, f"{uuid4()}/status", {"status": "cancelled"})
    foreign = await post(
        http,
        other_salon,
        f"{appointment_id}/status",
        {"status": "cancelled"},
        token=other_salon.owner_token,
    )
    assert (bad_status.status_code, bad_status.json()["code"]) == (422, "validation_error")
    assert no_time.status_code == 422
    assert (unknown.status_code, foreign.status_code) == (404, 404)


async def test_only_the_owner_changes_the_salon_settings(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    path = "/api/v1/salon/settings"
    staff = {"Authorization": f"Bearer {live_salon.staff_token}"}
    before = await http.get(path, headers=staff)
    wanted = {"auto_complete": False, "auto_complete_after_h": 4, "offer_expiry_h": 6}
    refused = await http.put(path, json=wanted, headers=staff)
    changed = await http.put(path, json=wanted, headers=live_salon.auth)
    after = await http.get(path, headers=staff)
    assert before.json() == {
        "auto_complete": True,
        "auto_complete_after_h": 12,
        "offer_expiry_h": 24,
        "send_window_start": "09:00:00",
        "send_window_end": "20:00:00",
        "frequency_cap_days": 7,
        "prazo_certo_discount_pct": 0,
        "encher_agenda_discount_pct": 20,
        "reminder_lead_h": 24,
        "second_reminder_lead_h": 0,
        "closed_days": [],
        "handoff_resume_h": 12,
        "transcribe_voice": False,
        "chat_retention_months": 12,
        "require_marketing_consent": False,  # the tests' deployment default (a new salon's: on)
    }
    assert refused.status_code == 403
    assert changed.status_code == 200
    assert after.json() == before.json() | wanted


async def test_a_patch_changes_what_it_names_and_bad_settings_change_nothing(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    path = "/api/v1/salon/settings"
    first = await http.patch(
        path,
        json={"closed_days": ["2026-12-25", "2027-01-01"], "encher_agenda_discount_pct": 10},
        headers=live_salon.auth,
    )
    back = await http.patch(
        path, json={"encher_agenda_discount_pct": None}, headers=live_salon.auth
    )
    crossed = await http.patch(
        path,
        json={"send_window_start": "21:00", "send_window_end": "08:00"},
        headers=live_salon.auth,
    )
    unknown = await http.patch(path, json={"holidays": []}, headers=live_salon.auth)
    too_much = await http.patch(path, json={"frequency_cap_days": 91}, headers=live_salon.auth)
    staff = await http.patch(
        path,
        json={"offer_expiry_h": 2},
        headers={"Authorization": f"Bearer {live_salon.staff_token}"},
    )
    after = (await http.get(path, headers=live_salon.auth)).json()
    assert first.status_code == 200, first.json()
    assert first.json()["encher_agenda_discount_pct"] == 10
    assert back.json()["encher_agenda_discount_pct"] == 20  # the default again
    assert (crossed.status_code, crossed.json()["code"]) == (422, "invalid_command")
    assert "send_window_start must be before send_window_end" in crossed.json()["detail"]
    assert [unknown.status_code, too_much.status_code, staff.status_code] == [422, 422, 403]
    assert after == back.json()
    assert after["closed_days"] == ["2026-12-25", "2027-01-01"]
    assert after["send_window_start"] == "09:00:00"
