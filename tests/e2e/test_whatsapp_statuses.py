"""WhatsApp's later `failed` statuses over HTTP: n8n forwards them, signed, to the message-status
route; the salon sends the message again as its template (the owner sees it on the socket) and
only a signature is taken — never a token, never a malformed body."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx
import pytest
from websockets.asyncio.client import connect

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
from tests.e2e.conftest import Api, LiveSalon
from tests.e2e.sockets import until
from tests.fakes.n8n import FakeN8n
from tests.fakes.whatsapp import FakeWhatsApp, failed_status, recipient

STATUS = "/api/v1/webhooks/n8n/message-status"


@pytest.fixture
async def fake_n8n(api: Api) -> AsyncIterator[FakeN8n]:
    async with fake_n8n_for(api, whatsapp=FakeWhatsApp()) as fake:
        yield fake


def status_body(salon: LiveSalon, status: dict[str, Any]) -> dict[str, Any]:
    """As n8n's inbound workflow forwards Meta's status (its "Read messages" node)."""
    error = status.get("errors", [{}])[0]
    return {
        "kind": "status",
        "tenant_id": str(salon.ids.tenant),
        "whatsapp_message_id": status["id"],
        "status": status["status"],
        "timestamp": datetime.fromtimestamp(int(status["timestamp"]), UTC).isoformat(),
        "errors": [{"code": error.get("code"), "title": error.get("title")}],
    }


async def send_all(api: Api, pool: asyncpg.Pool, fake: FakeN8n) -> None:
    client = N8nClient(sender_settings(api, fake))
    try:
        await sender_for(api, pool, client).step(datetime.now(UTC))
    finally:
        await client.close()


async def test_a_reply_meta_fails_later_goes_again_as_its_template(
    live_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool, fake_n8n: FakeN8n
) -> None:
    api = live_salon.api
    assert fake_n8n.whatsapp is not None
    await route_salon(
        pool, live_salon.ids.tenant, fake_n8n.url, secret=fake_n8n.secret, token="e2e-token"
    )
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        raw, headers = signed(api, whatsapp(live_salon, "Oi, qual o horário de vocês?"))
        assert (await http.post(WEBHOOK, content=raw, headers=headers)).status_code == 202
        await until(ws, "ai_response")
        client = await pool.fetchrow(
            "SELECT phone_e164 AS phone, whatsapp_id FROM client"
            " WHERE tenant_id = $1 AND phone_e164 = '+5511955554444'",
            live_salon.ids.tenant,
        )
        to = recipient(dict(client))
        fake_n8n.whatsapp.client_wrote(to)
        fake_n8n.whatsapp.late_refusals[to] = [131047]
        await send_all(api, pool, fake_n8n)
        first = await until(ws, "notification_sent")
        [status] = fake_n8n.whatsapp.statuses

        raw, headers = signed(api, status_body(live_salon, status))
        answer = await http.post(STATUS, content=raw, headers=headers)
        deferred = await until(ws, "notification_deferred")
        repeat = await http.post(STATUS, content=raw, headers=headers)  # n8n's retry
        await send_all(api, pool, fake_n8n)
        again = await until(ws, "notification_sent")

    message_id = first["data"]["message_id"]
    assert first["data"]["sent_as"] == "text"
    assert answer.status_code == 202
    assert answer.json() == {"status": "accepted", "message_id": message_id, "outcome": "retry"}
    assert repeat.json() == {"status": "accepted", "message_id": None, "outcome": None}
    assert (deferred["data"]["message_id"], deferred["data"]["error_code"]) == (message_id, 131047)
    assert (again["data"]["message_id"], again["data"]["sent_as"]) == (message_id, "template")
    assert fake_n8n.delivered[f"{message_id}:1"]["send_as"] == "template"


async def test_status_reports_take_only_a_valid_signature_and_a_valid_body(
    live_salon: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    api = live_salon.api
    failed = failed_status("wamid.never-sent", "5511900000000", 131026, datetime.now(UTC))
    body = status_body(live_salon, failed)
    raw, headers = signed(api, body)
    unsigned = await http.post(STATUS, content=raw, headers={"content-type": "application/json"})
    owner = await http.post(STATUS, content=raw, headers=live_salon.auth)
    wrong_secret = await http.post(
        STATUS, content=raw, headers=signed(api, body, secret="x" * 40)[1]
    )
    raw_bad, headers_bad = signed(api, body | {"whatsapp_message_id": ""})
    malformed = await http.post(STATUS, content=raw_bad, headers=headers_bad)
    raw_read, headers_read = signed(api, body | {"status": "read", "errors": []})
    read = await http.post(STATUS, content=raw_read, headers=headers_read)
    unknown = await http.post(STATUS, content=raw, headers=headers)

    assert [r.status_code for r in (unsigned, owner, wrong_secret)] == [401, 401, 401]
    assert malformed.status_code == 422 and "whatsapp_message_id" in malformed.text
    assert (
        read.json() == unknown.json() == {"status": "accepted", "message_id": None, "outcome": None}
    )
    assert (read.status_code, unknown.status_code) == (202, 202)
