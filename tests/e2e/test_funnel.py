"""The campaign funnel over HTTP, for both placements: a run's offers counted for its salon only,
owner and staff, bad ranges refused with the API's 422 body, no token 401."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import httpx
import pytest

from tests.e2e.conftest import Api, LiveSalon, open_salon
from tests.factories import make_recall_salon

FUNNEL = "/api/v1/automations/funnel"
COUNTS = (
    "offers",
    "sent",
    "accepted",
    "declined",
    "expired",
    "withdrawn",
    "preapproved",
    "booked",
    "attended",
    "no_show",
    "cancelled",
    "revenue_booked_cents",
    "revenue_attended_cents",
)


def counts(**nonzero: int) -> dict[str, int | None]:
    return dict.fromkeys(COUNTS, 0) | {"delivered": None} | nonzero


def around_today() -> dict[str, str]:
    """Yesterday to tomorrow in the salons' zone: today's runs, whenever the test runs."""
    today = datetime.now(ZoneInfo("America/Sao_Paulo")).date()
    return {
        "from": (today - timedelta(days=1)).isoformat(),
        "to": (today + timedelta(days=1)).isoformat(),
    }


@pytest.fixture
async def recall_salon(pool: asyncpg.Pool, api: Api) -> LiveSalon:
    """A salon whose Prazo Certo offers two clients (tests/factories.py: make_recall_salon)."""
    return await open_salon(pool, api, make_recall_salon())


async def run_and_preapprove_one(salon: LiveSalon, http: httpx.AsyncClient) -> dict[str, Any]:
    """Prazo Certo at 10 % off (two offers); the owner pre-approves the first."""
    body = {"campaign_id": "funnel-e2e", "context": {"offer_type": "discount", "offer_value": 10}}
    run = await http.post("/api/v1/automations/prazo-certo/execute", json=body, headers=salon.auth)
    assert run.status_code == 200, run.text
    result: dict[str, Any] = run.json()
    assert result["suggestions_created"] == 2
    decided = await http.post(
        f"/api/v1/sync/confirm-auth-request/{result['suggestions'][0]['auth_request_id']}",
        json={"decision": "approve"},
        headers=salon.auth,
    )
    assert decided.json()["preapproved"] is True
    return result


async def test_a_runs_offers_are_counted_per_type_and_per_run(
    recall_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    run = await run_and_preapprove_one(recall_salon, http)
    days = around_today()
    response = await http.get(FUNNEL, params=days, headers=recall_salon.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    [listed] = body.pop("runs")
    assert body == {
        **days,
        "campaign_type": None,
        "totals": [
            {"campaign_type": "prazo_certo", "runs": 1, **counts(offers=2, preapproved=1)},
            {"campaign_type": "encher_agenda", "runs": 0, **counts()},
        ],
    }
    assert days["from"] < listed.pop("local_date") <= days["to"]
    assert listed.pop("created_at")
    assert listed == {
        "run_id": run["run_id"],
        "campaign_id": "funnel-e2e",
        "campaign_type": "prazo_certo",
        "trigger": "manual",
        **counts(offers=2, preapproved=1),
    }


async def test_staff_read_the_funnel_and_filter_by_campaign_type(
    recall_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    await run_and_preapprove_one(recall_salon, http)
    staff = {"Authorization": f"Bearer {recall_salon.staff_token}"}
    prazo_certo = await http.get(
        FUNNEL, params=around_today() | {"campaign_type": "prazo_certo"}, headers=staff
    )
    encher_agenda = await http.get(
        FUNNEL, params=around_today() | {"campaign_type": "encher_agenda"}, headers=staff
    )
    assert (prazo_certo.status_code, encher_agenda.status_code) == (200, 200)
    assert [(t["campaign_type"], t["runs"], t["offers"]) for t in prazo_certo.json()["totals"]] == [
        ("prazo_certo", 1, 2)
    ]
    assert [r["campaign_id"] for r in prazo_certo.json()["runs"]] == ["funnel-e2e"]
    assert encher_agenda.json()["runs"] == []


async def test_another_salon_sees_none_of_its_runs(
    recall_salon: LiveSalon, other_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    await run_and_preapprove_one(recall_salon, http)
    response = await http.get(FUNNEL, params=around_today(), headers=other_salon.auth)
    assert response.status_code == 200
    assert response.json()["runs"] == []
    assert response.json()["totals"] == [
        {"campaign_type": "prazo_certo", "runs": 0, **counts()},
        {"campaign_type": "encher_agenda", "runs": 0, **counts()},
    ]


@pytest.mark.parametrize(
    ("params", "loc", "says"),
    [
        ({"from": "2026-03-10", "to": "2026-03-01"}, ["query", "to"], "on or after 'from'"),
        ({"from": "2025-01-01", "to": "2026-01-02"}, ["query", "to"], "at most 366 days"),
        ({"from": "2026-02-30", "to": "2026-03-01"}, ["query", "from"], "date"),
        ({"from": "2026-03-01"}, ["query", "to"], "required"),
        (
            {"from": "2026-03-01", "to": "2026-03-02", "campaign_type": "newsletter"},
            ["query", "campaign_type"],
            "'prazo_certo' or 'encher_agenda'",
        ),
    ],
    ids=["inverted", "over-366-days", "bad-date", "no-to", "unknown-type"],
)
async def test_a_bad_query_is_422_with_the_apis_error_body(
    live_salon: LiveSalon,
    http: httpx.AsyncClient,
    params: dict[str, str],
    loc: list[str],
    says: str,
) -> None:
    response = await http.get(FUNNEL, params=params, headers=live_salon.auth)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    [error] = body["detail"]
    assert error["loc"] == loc
    assert says in error["msg"]


async def test_a_leap_years_366_days_are_one_range(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    days = {"from": "2024-01-01", "to": "2024-12-31"}
    response = await http.get(FUNNEL, params=days, headers=live_salon.auth)
    assert response.status_code == 200, response.text
    assert (response.json()["from"], response.json()["to"]) == ("2024-01-01", "2024-12-31")


async def test_without_a_token_it_is_401(http: httpx.AsyncClient) -> None:
    response = await http.get(FUNNEL, params=around_today())
    assert (response.status_code, response.json()["code"]) == (401, "unauthorized")
