"""Campaigns through the seed's automation endpoints, for both placements."""

from __future__ import annotations

import asyncpg
import httpx
import pytest
from websockets.asyncio.client import connect

from db.salon_import import import_salon
from deployments.auth import mint_token
from domain.models import Role
from tests.e2e.chat_helpers import WEBHOOK, signed, whatsapp
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


async def test_a_preapproved_suggestion_is_booked_when_the_client_says_yes(
    recall_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    result = (await http.post(PRAZO_CERTO, json={}, headers=recall_salon.auth)).json()
    suggestion = next(s for s in result["suggestions"] if s["client_name"] == "Ana Souza")
    request_id = suggestion["auth_request_id"]
    decision = await http.post(
        f"/api/v1/sync/confirm-auth-request/{request_id}",
        json={"decision": "approve"},
        headers=recall_salon.auth,
    )
    assert (decision.status_code, decision.json()["preapproved"]) == (200, True)
    phone = await pool.fetchval(
        "SELECT phone_e164 FROM client WHERE tenant_id = $1 AND id = $2",
        recall_salon.ids.tenant,
        recall_salon.ids.of("client", "due"),
    )
    async with connect(recall_salon.ws()) as ws:
        await until(ws, "sync_started")
        raw, headers = signed(
            recall_salon.api, whatsapp(recall_salon, "Sim, pode marcar!", phone=phone)
        )
        accepted = await http.post(WEBHOOK, content=raw, headers=headers)
        booked_event = await until(ws, "appointment_created")
    assert accepted.status_code == 202
    assert booked_event["data"]["auth_request_id"] == request_id
    booked = await pool.fetchval(
        "SELECT count(*) FROM appointment WHERE tenant_id = $1 AND auth_request_id = $2",
        recall_salon.ids.tenant,
        request_id,
    )
    assert booked == 1


async def test_approving_an_unanswered_offer_preapproves_it_and_the_socket_says_so(
    recall_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    await http.post(PRAZO_CERTO, json={"context": {}}, headers=recall_salon.auth)
    listed = await http.get("/api/v1/sync/pending-auth-requests", headers=recall_salon.auth)
    offer = listed.json()["data"][0]
    assert (offer["client_state"], offer["preapproved"]) == ("offered", False)
    assert offer["expires_at"] is not None
    bookings_before = await rows(pool, "appointment", recall_salon)
    async with connect(recall_salon.ws()) as ws:
        await until(ws, "sync_started")
        response = await http.post(
            f"/api/v1/sync/confirm-auth-request/{offer['id']}",
            json={"decision": "approve"},
            headers=recall_salon.auth,
        )
        updated = await until(ws, "auth_request_updated")
    body = response.json()
    assert (body["preapproved"], body["appointment_id"]) == (True, None)
    data = updated["data"]
    assert (data["auth_request_id"], data["status"], data["client_state"], data["preapproved"]) == (
        offer["id"],
        "pending",
        "offered",
        True,
    )
    assert await rows(pool, "appointment", recall_salon) == bookings_before  # nothing booked yet
