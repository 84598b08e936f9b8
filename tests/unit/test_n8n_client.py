"""The n8n client's request (body, idempotency, auth, signature) and how it reads answers.

httpx's MockTransport stands in for the network: no socket is opened.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from uuid import uuid4

import httpx
import pytest
from pydantic import SecretStr

from config.settings import Environment, Settings
from domain.delivery import SendResult
from integrations.n8n import N8nClient, SendOutcome, WhatsAppPayload
from integrations.webhook_signature import verify

SECRET = "unit-test-n8n-secret-long-enough-0123456789"
NOW_S = 1_800_000_000
Handler = Callable[[httpx.Request], httpx.Response]


def make_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "environment": Environment.TEST,
        "jwt_secret": SecretStr("unit-test-jwt-secret-long-enough-0123456789"),
        "n8n_webhook_secret": SecretStr(SECRET),
        "n8n_auth_token": SecretStr("n8n-token"),
        "n8n_auth_header": "X-Agenda-Token",
    }
    return Settings(**(values | overrides))  # type: ignore[arg-type]


def make_payload() -> WhatsAppPayload:
    return WhatsAppPayload(
        message_id=uuid4(),
        tenant_id=uuid4(),
        client_id=uuid4(),
        client_name="Maria Souza",
        phone="+5511987654321",
        whatsapp_id="551187654321",
        send_as="text",
        text="Olá, Maria!",
        kind="marketing",
        created_at=datetime(2026, 12, 1, 12, 0, tzinfo=UTC),
    )


@pytest.fixture
def seen() -> list[httpx.Request]:
    return []


async def send_with(
    handler: Handler, seen: list[httpx.Request], settings: Settings | None = None
) -> SendOutcome:
    def recording(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    client = N8nClient(
        settings or make_settings(),
        clock_s=lambda: NOW_S,
        transport=httpx.MockTransport(recording),
    )
    try:
        return await client.send(make_payload(), url="http://n8n.test/webhook/x")
    finally:
        await client.close()


def answer(status: int) -> Handler:
    return lambda _request: httpx.Response(status)


def failing(error: type[httpx.TransportError]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error("simulated", request=request)

    return handler


async def test_request_carries_body_key_auth_and_signature(seen: list[httpx.Request]) -> None:
    await send_with(answer(200), seen)
    request = seen[0]
    body = json.loads(request.content)
    assert body["channel"] == "whatsapp" and body["phone"] == "+5511987654321"
    assert body["whatsapp_id"] == "551187654321" and body["kind"] == "marketing"
    assert request.headers["idempotency-key"] == body["message_id"]
    assert request.headers["x-agenda-token"] == "n8n-token"
    assert request.headers["content-type"] == "application/json"
    signed_id = verify(SECRET, headers=request.headers, body=request.content, now_s=NOW_S)
    assert signed_id == body["message_id"]


async def test_no_auth_header_without_a_token(seen: list[httpx.Request]) -> None:
    await send_with(answer(200), seen, make_settings(n8n_auth_token=SecretStr("")))
    assert "x-agenda-token" not in seen[0].headers


@pytest.mark.parametrize(
    ("status", "result"),
    [
        (200, SendResult.DELIVERED),
        (202, SendResult.DELIVERED),
        (408, SendResult.RETRYABLE),
        (429, SendResult.RETRYABLE),
        (500, SendResult.RETRYABLE),
        (503, SendResult.RETRYABLE),
        (301, SendResult.PERMANENT),
        (400, SendResult.PERMANENT),
        (401, SendResult.PERMANENT),
        (404, SendResult.PERMANENT),
        (422, SendResult.PERMANENT),
    ],
)
async def test_status_is_classified(
    status: int, result: SendResult, seen: list[httpx.Request]
) -> None:
    outcome = await send_with(answer(status), seen)
    assert outcome == SendOutcome(result, f"http {status}")


@pytest.mark.parametrize(
    "error",
    [
        httpx.ReadTimeout,
        httpx.ConnectTimeout,
        httpx.ConnectError,
        httpx.ReadError,
        httpx.RemoteProtocolError,
    ],
)
async def test_network_trouble_is_retryable(
    error: type[httpx.TransportError], seen: list[httpx.Request]
) -> None:
    outcome = await send_with(failing(error), seen)
    assert outcome.result is SendResult.RETRYABLE


async def test_timeout_is_named(seen: list[httpx.Request]) -> None:
    outcome = await send_with(failing(httpx.ReadTimeout), seen)
    assert outcome == SendOutcome(SendResult.RETRYABLE, "timeout")


async def test_unusable_url_is_permanent(seen: list[httpx.Request]) -> None:
    outcome = await send_with(failing(httpx.UnsupportedProtocol), seen)
    assert outcome.result is SendResult.PERMANENT
