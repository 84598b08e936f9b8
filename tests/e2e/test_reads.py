"""Read endpoints for the Calendar, and health."""

from __future__ import annotations

import httpx

from tests.e2e.conftest import LiveSalon
from tests.factories import next_local_slot


async def test_health_reports_each_dependency(http: httpx.AsyncClient) -> None:
    response = await http.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json()["checks"] == {"postgres": "ok", "redis": "ok", "tenant_actors": "ok"}


async def test_liveness_and_readiness_answer_without_auth(http: httpx.AsyncClient) -> None:
    live = await http.get("/livez")
    ready = await http.get("/readyz")
    assert (live.status_code, live.json()) == (200, {"status": "ok"})
    assert ready.status_code == 200, ready.text
    # The test cluster runs no sender or scheduler loop (tests step them): "off", still ready.
    assert ready.json()["checks"] == {
        "postgres": "ok",
        "redis": "ok",
        "tenant_actors": "ok",
        "sender": "off",
        "scheduler": "off",
    }


async def test_professionals_are_listed_with_their_services(
    http: httpx.AsyncClient, live_salon: LiveSalon
) -> None:
    body = (await http.get("/api/v1/professionals", headers=live_salon.auth)).json()
    carol = next(p for p in body["data"] if p["name"] == "Carol")
    assert sorted(carol["service_ids"]) == sorted(
        str(live_salon.ids.of("service", k)) for k in ("corte", "barba")
    )


async def test_services_carry_price_and_cycle(
    http: httpx.AsyncClient, live_salon: LiveSalon
) -> None:
    body = (await http.get("/api/v1/services", headers=live_salon.auth)).json()
    corte = next(s for s in body["data"] if s["name"] == "Corte feminino")
    assert (corte["price_cents"], corte["duration_min"], corte["return_cycle_days"]) == (
        12000,
        60,
        45,
    )


async def test_clients_are_paginated(http: httpx.AsyncClient, live_salon: LiveSalon) -> None:
    first = (await http.get("/api/v1/clients?limit=10", headers=live_salon.auth)).json()
    third = (await http.get("/api/v1/clients?limit=10&offset=20", headers=live_salon.auth)).json()
    assert (len(first["data"]), first["total"]) == (10, 25)
    assert len(third["data"]) == 5


async def test_approved_appointment_is_on_the_calendar(
    http: httpx.AsyncClient, live_salon: LiveSalon
) -> None:
    created = await live_salon.propose(hour=16)
    await http.post(
        f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}",
        json={"decision": "approve"},
        headers=live_salon.auth,
    )
    day = next_local_slot().date().isoformat()
    body = (
        await http.get(f"/api/v1/appointments?from={day}&to={day}", headers=live_salon.auth)
    ).json()
    assert [(a["date"], a["time"], a["client_name"]) for a in body["data"]] == [
        (day, "16:00", "Cliente 1")
    ]


async def test_inverted_range_is_422(http: httpx.AsyncClient, live_salon: LiveSalon) -> None:
    response = await http.get(
        "/api/v1/appointments?from=2026-03-10&to=2026-03-01", headers=live_salon.auth
    )
    assert response.status_code == 422


async def test_session_says_who_the_token_is(
    http: httpx.AsyncClient, live_salon: LiveSalon
) -> None:
    body = (await http.get("/api/v1/session", headers=live_salon.auth)).json()
    assert (body["tenant_id"], body["user_id"], body["role"], body["time_zone"]) == (
        str(live_salon.ids.tenant),
        str(live_salon.ids.owner),
        "owner",
        "America/Sao_Paulo",
    )
    assert body["tenant_name"].startswith("Salão test-")


async def test_session_without_a_token_is_401(http: httpx.AsyncClient) -> None:
    response = await http.get("/api/v1/session")
    assert response.status_code == 401
    assert response.json()["code"]
