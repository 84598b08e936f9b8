"""R6: no salon reaches another's data, and no malformed token gets in — every route of the
OpenAPI document tried with one salon's owner token on the other salon's ids (requests,
appointments, clients, conversations, professionals), every list read for the other's ids, the
webhook and the socket tried across salons, and every protected route with every malformed JWT
form. Each attempt is refused (never a 2xx, never a 5xx) and the other salon's rows are unchanged.
Its figure is printed in the run's summary; the README's reliability table records it."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import httpx
import jwt
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from tests.e2e.chat_helpers import WEBHOOK, signed, whatsapp
from tests.e2e.conftest import Api, LiveSalon

# A plausible body per route, so a refusal is about whose id it is, not about the body.
BODIES: dict[tuple[str, str], Any] = {
    ("post", "/api/v1/sync/confirm-auth-request/{request_id}"): {"decision": "approve"},
    ("post", "/api/v1/clients/{client_id}/consent"): {"granted": False, "text": "não quero"},
    ("post", "/api/v1/clients/{client_id}/erase"): None,
    ("post", "/api/v1/appointments/{appointment_id}/status"): {"status": "cancelled"},
    ("post", "/api/v1/appointments/{appointment_id}/move"): {"date": "2030-01-08", "time": "10:00"},
    ("post", "/api/v1/chat/conversations/{conversation_id}/messages"): {"text": "Oi"},
}


async def furnished(
    other: LiveSalon, http: httpx.AsyncClient, pool: asyncpg.Pool
) -> dict[str, list[str]]:
    """The other salon with a pending request, an appointment and a conversation its agent has
    answered (nothing of its own still moving when the attempts begin): its ids."""
    pending = await other.propose(client="c1", hour=9)
    booked = await other.propose(client="c2", hour=10)
    approved = await http.post(
        f"/api/v1/sync/confirm-auth-request/{booked.auth_request_id}",
        json={"decision": "approve"},
        headers=other.auth,
    )
    raw, headers = signed(other.api, whatsapp(other, "Oi, tudo bem?"))
    accepted = await http.post(WEBHOOK, content=raw, headers=headers)
    for _ in range(100):
        answered = await pool.fetchval(
            "SELECT count(*) FROM event WHERE tenant_id = $1 AND event_type = 'ai_response'",
            other.ids.tenant,
        )
        if answered:
            break
        await asyncio.sleep(0.05)
    ids = other.ids
    return {
        "request": [str(pending.auth_request_id), str(booked.auth_request_id)],
        "appointment": [str(approved.json()["appointment_id"])],
        "client": [str(ids.of("client", key)) for key in ("c1", "c2", "c3")],
        "conversation": [str(accepted.json()["conversation_id"])],
        "professional": [str(ids.of("professional", "carol"))],
    }


async def snapshot(pool: asyncpg.Pool, tenant: UUID) -> list[Any]:
    queries = [
        "SELECT id, status FROM auth_request WHERE tenant_id = $1 ORDER BY id",
        "SELECT id, status, starts_at FROM appointment WHERE tenant_id = $1 ORDER BY id",
        "SELECT id, name, marketing_opt_out, erased_at FROM client WHERE tenant_id = $1"
        " ORDER BY id",
        "SELECT count(*) FROM client_consent WHERE tenant_id = $1",
        "SELECT count(*) FROM chat_message WHERE tenant_id = $1",
        "SELECT last_event_id, data_version FROM tenant WHERE id = $1",
    ]
    return [[tuple(r) for r in await pool.fetch(q, tenant)] for q in queries]


# Answered to anyone, with no data: health and the orchestrator's probes.
PROBES = {"/api/v1/health", "/livez", "/readyz"}


def operations(api_doc: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    found = []
    for path, ops in api_doc["paths"].items():
        for method, op in ops.items():
            params = [p["name"] for p in op.get("parameters", []) if p["in"] == "path"]
            found.append((method, path, params))
    return found


def malformed_tokens(api: Api, salon: LiveSalon) -> list[str]:
    secret = api.settings.jwt_secret.get_secret_value()
    now = int(time.time())
    good = {
        "sub": str(salon.ids.owner),
        "tenant_id": str(salon.ids.tenant),
        "role": "owner",
        "iat": now,
        "exp": now + 60,
        "iss": api.settings.jwt_issuer,
        "aud": api.settings.jwt_audience,
    }

    def signed_with(claims: dict[str, Any], key: str = secret, alg: str = "HS256") -> str:
        return jwt.encode(claims, key, algorithm=alg)

    dropped = [signed_with({k: v for k, v in good.items() if k != gone}) for gone in good]
    return [
        "",
        "not-a-jwt",
        "a.b.c",
        salon.owner_token[:-4] + "AAAA",  # signature changed
        signed_with(good, "x" * 48),  # another secret
        signed_with(good, "y" * 64, alg="HS512"),  # another algorithm (and key)
        jwt.encode(good, None, algorithm="none"),
        signed_with(good | {"exp": now - 10}),
        signed_with(good | {"iat": now + 3600, "exp": now + 7200}),
        signed_with(good | {"exp": now + api.settings.jwt_max_lifetime_s + 60}),
        signed_with(good | {"aud": "someone-else"}),
        signed_with(good | {"iss": "someone-else"}),
        signed_with(good | {"role": "admin"}),
        signed_with(good | {"tenant_id": "not-a-uuid"}),
        *dropped,
    ]


async def test_r6_no_salon_reaches_another_and_no_malformed_token_gets_in(
    live_salon: LiveSalon,
    other_salon: LiveSalon,
    http: httpx.AsyncClient,
    pool: asyncpg.Pool,
    figure: Callable[[str], None],
) -> None:
    theirs = await furnished(other_salon, http, pool)
    before = await snapshot(pool, other_salon.ids.tenant)
    api_doc = (await http.get("/openapi.json")).json()
    ops = operations(api_doc)
    mine = live_salon.auth
    attempts: list[tuple[str, int]] = []

    for method, path, params in ops:
        if not params or params == ["campaign_type"]:
            continue
        body = BODIES.get((method, path), {})
        for kind, values in theirs.items():
            for value in values:
                url = path.replace("{" + params[0] + "}", value)
                answer = await http.request(method, url, json=body, headers=mine)
                attempts.append((f"{method} {url} ({kind})", answer.status_code))
    for method, path, params in ops:  # lists and settings: never the other's ids
        if method != "get" or params or path in PROBES:
            continue
        answer = await http.get(path, params={"limit": 200}, headers=mine)
        leaked = [v for values in theirs.values() for v in values if v in answer.text]
        attempts.append((f"GET {path} (lists)", 403 if not leaked else 200))
    batch = [{"auth_request_id": r, "decision": "approve"} for r in theirs["request"]]
    answer = await http.post(
        "/api/v1/sync/confirm-auth-requests", json={"decisions": batch}, headers=mine
    )
    items = answer.json().get("data", []) if answer.status_code == 200 else []
    attempts.append(("batch of their requests", 404 if all(i["code"] for i in items) else 200))
    body = whatsapp(other_salon, "Oi")
    answer = await http.post(WEBHOOK, json=body, headers=mine)
    attempts.append(("webhook as their client", answer.status_code))
    try:
        async with connect(other_salon.ws(token=live_salon.owner_token)) as ws:
            await ws.recv()
        attempts.append(("socket to their salon", 200))
    except InvalidStatus as refused:
        attempts.append(("socket to their salon", refused.response.status_code))

    protected = [(m, p) for m, p, params in ops if p not in PROBES and "webhooks" not in p]
    for token, (method, path) in itertools.product(
        malformed_tokens(live_salon.api, live_salon), protected
    ):
        url = path.replace("{request_id}", str(uuid4()))
        for name in ("client_id", "appointment_id", "conversation_id"):
            url = url.replace("{" + name + "}", str(uuid4()))
        url = url.replace("{campaign_type}", "prazo_certo")
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        answer = await http.request(method, url, json={}, headers=headers)
        attempts.append((f"{method} {path} malformed token", answer.status_code))

    accepted = [(what, code) for what, code in attempts if code < 400 or code >= 500]
    malformed = [code for what, code in attempts if what.endswith("malformed token")]
    figure(
        f"R6 ({live_salon.api.placement.value}): {len(attempts)} attempts"
        f" ({len(attempts) - len(malformed)} across salons, {len(malformed)} malformed tokens):"
        f" {len(attempts) - len(accepted)} refused"
    )
    assert len(attempts) >= 200
    assert accepted == []
    assert set(malformed) == {401}
    assert await snapshot(pool, other_salon.ids.tenant) == before
