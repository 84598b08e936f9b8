"""Campaigns through the seed's automation endpoints, for both placements."""

from __future__ import annotations

import asyncpg
import httpx
import pytest
from websockets.asyncio.client import connect

from db.salon_import import import_salon
from deployments.auth import mint_token
from domain.models import Role
from tests.e2e.conftest import Api, LiveSalon
from tests.e2e.sockets import until
from tests.factories import SalonIds, make_recall_salon

PRAZO_CERTO = "/api/v1/automations/prazo-certo/execute"
ENCHER_AGENDA = "/api/v1/automations/encher-agenda/execute"


@pytest.fixture
async def recall_salon(pool: asyncpg.Pool, api: Api) -> LiveSalon:
    salon = make_recall_salon()
    async with pool.acquire() as conn, conn.transaction():
        await import_salon(conn, salon)
    ids = SalonIds(salon)
    token = mint_token(api.settings, user_id=ids.owner, tenant_id=ids.tenant, role=Role.OWNER)
    staff = mint_token(
        api.settings, user_id=ids.of("user", "staff"), tenant_id=ids.tenant, role=Role.STAFF
    )
    return LiveSalon(ids=ids, owner_token=token, staff_token=staff, api=api)


async def rows(pool: asyncpg.Pool, table: str, salon: LiveSalon) -> int:
    async with pool.acquire() as conn:
        return int(
            await conn.fetchval(
                f"SELECT count(*) FROM {table} WHERE tenant_id = $1", salon.ids.tenant
            )
        )


async def test_prazo_certo_creates_the_expected_suggestions_and_events(
    recall_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    body = {"campaign_id": "c-1", "context": {"offer_type": "discount", "offer_value": 15}}
    async with connect(recall_salon.ws()) as ws:
        await until(ws, "sync_started")
        response = await http.post(PRAZO_CERTO, json=body, headers=recall_salon.auth)
        created = [await until(ws, "auth_request_created") for _ in range(2)]
        completed = await until(ws, "campaign_completed")
    result = response.json()
    assert response.status_code == 200, result
    assert (result["status"], result["suggestions_created"], result["notifications_sent"]) == (
        "success",
        2,
        2,
    )
    assert result["skipped"] == {"opted_out": 1, "already_booked": 1}
    names = {c["data"]["auth_request"]["appointment_data"]["client_name"] for c in created}
    assert names == {"Ana Souza", "Bruno Lima"}
    assert completed["data"]["stats"] == {
        "total_clients_found": 4,
        "suggestions_created": 2,
        "notifications_sent": 2,
        "skipped": {"opted_out": 1, "already_booked": 1},
    }


async def test_dry_run_previews_and_changes_nothing(
    recall_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    response = await http.post(PRAZO_CERTO, json={"dry_run": True}, headers=recall_salon.auth)
    preview = response.json()
    assert response.status_code == 200
    assert preview["dry_run"] is True
    assert len(preview["suggestions"]) == 2
    assert sorted(s["reason"] for s in preview["skips"]) == ["already_booked", "opted_out"]
    assert await rows(pool, "auth_request", recall_salon) == 0
    assert await rows(pool, "outbound_message", recall_salon) == 0


async def test_owner_approves_a_suggestion_and_the_appointment_exists(
    recall_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    result = (await http.post(PRAZO_CERTO, json={}, headers=recall_salon.auth)).json()
    request_id = result["suggestions"][0]["auth_request_id"]
    decision = await http.post(
        f"/api/v1/sync/confirm-auth-request/{request_id}",
        json={"decision": "approve"},
        headers=recall_salon.auth,
    )
    async with pool.acquire() as conn:
        booked = await conn.fetchval(
            "SELECT count(*) FROM appointment WHERE tenant_id = $1 AND auth_request_id = $2",
            recall_salon.ids.tenant,
            decision.json()["auth_request_id"],
        )
    assert decision.status_code == 200
    assert booked == 1


async def test_encher_agenda_offers_open_slots(
    recall_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    body = {
        "professional_id": str(recall_salon.ids.of("professional", "carol")),
        "context": {"days_ahead": 2, "offer_type": "fixed_amount", "offer_value": 1000},
    }
    result = (await http.post(ENCHER_AGENDA, json=body, headers=recall_salon.auth)).json()
    assert result["suggestions_created"] >= 1
    assert {s["professional_name"] for s in result["suggestions"]} == {"Carol"}
    assert all(s["final_price_cents"] == s["price_cents"] - 1000 for s in result["suggestions"])


@pytest.mark.parametrize(
    "context",
    [
        {"offer_type": "discount", "offer_value": 150},
        {"offer_type": "discount"},
        {"offer_type": "fixed_amount", "offer_value": 0},
        {"offer_type": "coupon", "offer_value": 5},
        {"days_ahead": 0},
    ],
    ids=["percent-over-100", "value-missing", "zero-amount", "unknown-type", "no-days"],
)
async def test_invalid_offer_is_422_and_changes_nothing(
    recall_salon: LiveSalon,
    http: httpx.AsyncClient,
    pool: asyncpg.Pool,
    context: dict[str, object],
) -> None:
    response = await http.post(PRAZO_CERTO, json={"context": context}, headers=recall_salon.auth)
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    assert await rows(pool, "auth_request", recall_salon) == 0


async def test_staff_cannot_run_campaigns(recall_salon: LiveSalon, http: httpx.AsyncClient) -> None:
    response = await http.post(
        PRAZO_CERTO, json={}, headers={"Authorization": f"Bearer {recall_salon.staff_token}"}
    )
    assert response.status_code == 403


async def test_owner_moves_and_turns_off_a_campaign(
    recall_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    moved = await http.put(
        "/api/v1/automations/schedules/prazo_certo",
        json={"local_time": "10:30", "weekdays": [1, 3, 5]},
        headers=recall_salon.auth,
    )
    off = await http.put(
        "/api/v1/automations/schedules/encher_agenda",
        json={"enabled": False, "local_time": "14:00", "weekdays": [0, 2, 4]},
        headers=recall_salon.auth,
    )
    listed = (await http.get("/api/v1/automations/schedules", headers=recall_salon.auth)).json()
    by_type = {s["campaign_type"]: s for s in listed["data"]}
    assert (moved.status_code, off.status_code) == (200, 200)
    assert (by_type["prazo_certo"]["local_time"], by_type["prazo_certo"]["weekdays"]) == (
        "10:30:00",
        [1, 3, 5],
    )
    assert by_type["encher_agenda"]["enabled"] is False


async def test_schedule_defaults_are_listed(
    recall_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    listed = (await http.get("/api/v1/automations/schedules", headers=recall_salon.auth)).json()
    by_type = {s["campaign_type"]: s for s in listed["data"]}
    assert by_type["prazo_certo"]["local_time"] == "09:00:00"
    assert by_type["encher_agenda"]["weekdays"] == [0, 2, 4]


@pytest.mark.parametrize("weekdays", [[7], [], [1, 1]], ids=["day-7", "none", "repeated"])
async def test_invalid_schedule_is_422(
    recall_salon: LiveSalon, http: httpx.AsyncClient, weekdays: list[int]
) -> None:
    response = await http.put(
        "/api/v1/automations/schedules/prazo_certo",
        json={"local_time": "10:00", "weekdays": weekdays},
        headers=recall_salon.auth,
    )
    assert response.status_code == 422


async def test_staff_cannot_change_a_schedule(
    recall_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    response = await http.put(
        "/api/v1/automations/schedules/prazo_certo",
        json={"local_time": "10:00", "weekdays": [1]},
        headers={"Authorization": f"Bearer {recall_salon.staff_token}"},
    )
    assert response.status_code == 403


async def test_runs_are_listed_newest_first_without_previews(
    recall_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    await http.post(PRAZO_CERTO, json={"dry_run": True}, headers=recall_salon.auth)
    run = (
        await http.post(PRAZO_CERTO, json={"campaign_id": "r-1"}, headers=recall_salon.auth)
    ).json()
    staff = {"Authorization": f"Bearer {recall_salon.staff_token}"}
    listed = (await http.get("/api/v1/automations/runs", headers=staff)).json()["data"]
    assert [(r["run_id"], r["campaign_type"], r["trigger"]) for r in listed] == [
        (run["run_id"], "prazo_certo", "manual")
    ]
    assert listed[0]["stats"]["suggestions_created"] == 2
