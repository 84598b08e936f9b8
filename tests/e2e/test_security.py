"""Tokens, roles and tenant isolation over REST and the socket; clear 4xx bodies."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from uuid import uuid4

import httpx
import jwt
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from tests.e2e.chat_helpers import WEBHOOK
from tests.e2e.conftest import Api, LiveSalon
from tests.e2e.sockets import until

PROTECTED = [
    "/api/v1/sync/pending-auth-requests",
    "/api/v1/professionals",
    "/api/v1/services",
    "/api/v1/clients",
    "/api/v1/appointments?from=2026-03-01&to=2026-03-07",
    "/api/v1/session",
]


@pytest.mark.parametrize("path", PROTECTED)
async def test_missing_token_is_unauthorized(http: httpx.AsyncClient, path: str) -> None:
    response = await http.get(path)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def forged(api: Api, salon: LiveSalon, **claims: object) -> str:
    values: dict[str, object] = {
        "sub": str(salon.ids.owner),
        "tenant_id": str(salon.ids.tenant),
        "role": "owner",
        "exp": int(time.time()) + 60,
        "iat": int(time.time()),
        "iss": api.settings.jwt_issuer,
        "aud": api.settings.jwt_audience,
    }
    secret = str(claims.pop("secret", api.settings.jwt_secret.get_secret_value()))
    return jwt.encode(values | claims, secret, algorithm="HS256")


@pytest.mark.parametrize(
    "claims",
    [{"exp": 1}, {"secret": "x" * 48}, {"role": "admin"}],
    ids=["expired", "forged", "role"],
)
async def test_bad_token_is_unauthorized(
    http: httpx.AsyncClient, api: Api, live_salon: LiveSalon, claims: dict[str, object]
) -> None:
    token = forged(api, live_salon, **claims)
    response = await http.get(PROTECTED[0], headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


async def test_socket_refuses_missing_token(live_salon: LiveSalon) -> None:
    url = f"{live_salon.api.ws_url}?tenant_id={live_salon.ids.tenant}"
    with pytest.raises(InvalidStatus):
        async with connect(url):
            pass


async def test_socket_refuses_expired_token(api: Api, live_salon: LiveSalon) -> None:
    with pytest.raises(InvalidStatus):
        async with connect(live_salon.ws(token=forged(api, live_salon, exp=1))):
            pass


async def test_socket_refuses_other_tenants_token(
    live_salon: LiveSalon, other_salon: LiveSalon
) -> None:
    with pytest.raises(InvalidStatus):
        async with connect(other_salon.ws(token=live_salon.owner_token)):
            pass


async def test_socket_gets_nothing_of_other_salon(
    live_salon: LiveSalon, other_salon: LiveSalon
) -> None:
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        await other_salon.propose()
        mine = await live_salon.propose()
        received = await until(ws, "auth_request_created")
    assert received["tenant_id"] == str(live_salon.ids.tenant)
    assert received["data"]["auth_request"]["id"] == str(mine.auth_request_id)


async def test_other_salons_request_is_not_found(
    http: httpx.AsyncClient, live_salon: LiveSalon, other_salon: LiveSalon
) -> None:
    theirs = await other_salon.propose()
    response = await http.post(
        f"/api/v1/sync/confirm-auth-request/{theirs.auth_request_id}",
        json={"decision": "approve"},
        headers=live_salon.auth,
    )
    pending = await http.get("/api/v1/sync/pending-auth-requests", headers=live_salon.auth)
    assert response.status_code == 404
    assert str(theirs.auth_request_id) not in pending.text


async def test_other_salons_clients_are_not_listed(
    http: httpx.AsyncClient, live_salon: LiveSalon, other_salon: LiveSalon
) -> None:
    response = await http.get("/api/v1/clients?limit=200", headers=live_salon.auth)
    theirs = str(other_salon.ids.of("client", "c1"))
    assert response.json()["total"] == 25
    assert theirs not in response.text


async def test_staff_cannot_decide(http: httpx.AsyncClient, live_salon: LiveSalon) -> None:
    created = await live_salon.propose()
    response = await http.post(
        f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}",
        json={"decision": "approve"},
        headers={"Authorization": f"Bearer {live_salon.staff_token}"},
    )
    assert response.status_code == 403


async def test_staff_cannot_post_a_clients_message(
    http: httpx.AsyncClient, live_salon: LiveSalon
) -> None:
    """A client's words (an opt-out, a consent) come from WhatsApp: a staff token is refused."""
    body = {
        "tenant_id": str(live_salon.ids.tenant),
        "phone": "+5511955554444",
        "message": "quero receber ofertas",
        "timestamp": datetime.now(UTC).isoformat(),
    }
    staff = {"Authorization": f"Bearer {live_salon.staff_token}"}
    response = await http.post(WEBHOOK, json=body, headers=staff)
    assert response.status_code == 403
    assert "owner" in response.json()["detail"]


async def test_invalid_decision_is_422_with_field(
    http: httpx.AsyncClient, live_salon: LiveSalon
) -> None:
    created = await live_salon.propose()
    response = await http.post(
        f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}",
        json={"decision": "maybe"},
        headers=live_salon.auth,
    )
    body = response.json()
    assert response.status_code == 422
    assert body["code"] == "validation_error"
    assert body["detail"][0]["loc"] == ["body", "decision"]


async def test_unknown_request_is_404(http: httpx.AsyncClient, live_salon: LiveSalon) -> None:
    response = await http.post(
        f"/api/v1/sync/confirm-auth-request/{uuid4()}",
        json={"decision": "approve"},
        headers=live_salon.auth,
    )
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


async def test_malformed_request_id_is_422(http: httpx.AsyncClient, live_salon: LiveSalon) -> None:
    response = await http.post(
        "/api/v1/sync/confirm-auth-request/not-a-uuid",
        json={"decision": "approve"},
        headers=live_salon.auth,
    )
    assert response.status_code == 422
