"""Fluxo 2 end to end: WhatsApp → n8n → webhook → agent → owner approves → confirmation to n8n.

Through Serve over real HTTP and WebSocket; n8n is a fake on 127.0.0.1 that checks our signature;
the WhatsApp sender is the real SenderCore, stepped by the test, recording through the salon's
real actor.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
import httpx
import pytest
from websockets.asyncio.client import connect

from config.settings import Placement
from integrations.n8n import N8nClient
from tests.channel import route_salon
from tests.e2e.chat_helpers import (
    WEBHOOK,
    fake_n8n_for,
    sender_for,
    sender_settings,
    signed,
    whatsapp,
)
from tests.e2e.conftest import Api, LiveSalon, actor_alive
from tests.e2e.sockets import until
from tests.fakes.n8n import FakeN8n


@pytest.fixture
async def fake_n8n(api: Api) -> AsyncIterator[FakeN8n]:
    async with fake_n8n_for(api) as fake:
        yield fake


async def test_whatsapp_booking_is_approved_and_confirmed_through_n8n(
    live_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool, fake_n8n: FakeN8n
) -> None:
    api = live_salon.api
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        raw, headers = signed(api, whatsapp(live_salon, "Oi, quero agendar um corte amanhã às 15h"))
        accepted = await http.post(WEBHOOK, content=raw, headers=headers)
        proposal = await until(ws, "ai_response")
        raw, headers = signed(api, whatsapp(live_salon, "Sim, pode ser"))
        await http.post(WEBHOOK, content=raw, headers=headers)
        created = await until(ws, "auth_request_created")
        request_id = created["data"]["auth_request"]["id"]
        approved = await http.post(
            f"/api/v1/sync/confirm-auth-request/{request_id}",
            json={"decision": "approve"},
            headers=live_salon.auth,
        )
        booked = await until(ws, "appointment_created")
        await route_salon(
            pool,
            live_salon.ids.tenant,
            fake_n8n.url,
            secret=fake_n8n.secret,
            token=fake_n8n.auth_token,
        )
        client = N8nClient(sender_settings(api, fake_n8n))
        try:
            result = await sender_for(api, pool, client).step(datetime.now(UTC))
        finally:
            await client.close()
        await until(ws, "notification_sent")
    assert accepted.status_code == 202
    assert proposal["data"]["intent"] == "booking" and "15:00" in proposal["data"]["message"]
    assert created["data"]["auth_request"]["created_by_agent"] == "chat"
    assert approved.status_code == 200
    assert booked["data"]["time"] == "15:00"
    texts = [body["text"] for body in fake_n8n.delivered.values()]
    assert result.sent.get("transactional", 0) >= 1
    assert any("confirmado" in text for text in texts)
    assert all(body["phone"] == "+5511955554444" for body in fake_n8n.delivered.values())


@pytest.mark.parametrize(
    "tamper",
    ["body", "secret", "stale", "missing"],
)
async def test_bad_signatures_are_refused_and_change_nothing(
    live_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool, tamper: str
) -> None:
    api = live_salon.api
    body = whatsapp(live_salon, "Oi")
    raw, headers = signed(
        api,
        body,
        secret="x" * 40 if tamper == "secret" else None,
        age_s=600 if tamper == "stale" else 0,
    )
    if tamper == "body":
        raw = raw.replace(b"Oi", b"Ol")
    if tamper == "missing":
        headers = {"content-type": "application/json"}
    response = await http.post(WEBHOOK, content=raw, headers=headers)
    async with pool.acquire() as conn:
        stored = await conn.fetchval(
            "SELECT count(*) FROM chat_message WHERE tenant_id = $1", live_salon.ids.tenant
        )
    assert response.status_code == 401
    assert stored == 0


async def test_jwt_of_another_salon_is_refused(
    live_salon: LiveSalon, other_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    response = await http.post(
        WEBHOOK,
        json=whatsapp(live_salon, "Oi"),
        headers={"Authorization": f"Bearer {other_salon.owner_token}"},
    )
    assert response.status_code == 401


async def test_owner_jwt_may_post_a_message(live_salon: LiveSalon, http: httpx.AsyncClient) -> None:
    response = await http.post(WEBHOOK, json=whatsapp(live_salon, "Oi"), headers=live_salon.auth)
    assert response.status_code == 202


async def test_same_message_twice_is_one_message(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    body = whatsapp(live_salon, "Quanto custa a barba?")
    first = await http.post(WEBHOOK, json=body, headers=live_salon.auth)
    again = await http.post(WEBHOOK, json=body, headers=live_salon.auth)
    assert (first.json()["duplicate"], again.json()["duplicate"]) == (False, True)
    assert first.json()["message_id"] == again.json()["message_id"]


async def test_chat_pages_list_conversations_and_messages(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        await http.post(WEBHOOK, json=whatsapp(live_salon, "Oi, bom dia!"), headers=live_salon.auth)
        received = await until(ws, "message_received")
        answered = await until(ws, "ai_response")
        listed = (await http.get("/api/v1/chat/conversations", headers=live_salon.auth)).json()
        conversation = listed["data"][0]["id"]
        sent = await http.post(
            f"/api/v1/chat/conversations/{conversation}/messages",
            json={"text": "Oi João! Aqui é a Ana."},
            headers=live_salon.auth,
        )
        written = await until(ws, "owner_message_sent")
    thread = (
        await http.get(
            f"/api/v1/chat/conversations/{conversation}/messages", headers=live_salon.auth
        )
    ).json()["data"]
    assert sent.status_code == 201
    assert [m["author"] for m in thread] == ["client", "agent", "owner"]
    # Events name the stored messages, so a page merging REST and live shows each once.
    assert [m["id"] for m in thread] == [
        received["data"]["message_id"],
        answered["data"]["message_id"],
        written["data"]["message_id"],
    ]


async def test_invalid_webhook_body_is_422(live_salon: LiveSalon, http: httpx.AsyncClient) -> None:
    response = await http.post(
        WEBHOOK, json={"tenant_id": str(live_salon.ids.tenant)}, headers=live_salon.auth
    )
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"


async def test_owner_message_repeated_with_its_idempotency_key_is_sent_once(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    accepted = await http.post(WEBHOOK, json=whatsapp(live_salon, "Oi"), headers=live_salon.auth)
    conversation = accepted.json()["conversation_id"]
    path = f"/api/v1/chat/conversations/{conversation}/messages"
    headers = live_salon.auth | {"Idempotency-Key": "console-abc123"}
    first = await http.post(path, json={"text": "Já te respondo!"}, headers=headers)
    again = await http.post(path, json={"text": "Já te respondo!"}, headers=headers)
    other = await http.post(path, json={"text": "Outra"}, headers=headers)
    thread = (await http.get(path, headers=live_salon.auth)).json()["data"]
    assert (first.status_code, again.status_code, other.status_code) == (201, 201, 409)
    assert first.json() == again.json()
    assert [m["body"] for m in thread if m["author"] == "owner"] == ["Já te respondo!"]


async def test_signed_message_for_an_unknown_salon_is_404_and_starts_no_actor(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    api = live_salon.api
    unknown = uuid4()
    raw, headers = signed(api, whatsapp(live_salon, "Oi", tenant_id=str(unknown)))
    response = await http.post(WEBHOOK, content=raw, headers=headers)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    if api.placement is Placement.PER_TENANT:  # shared hosts exist for other salons anyway
        assert not actor_alive(api, api.directory.actor_name(unknown))
