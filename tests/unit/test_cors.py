"""CORS: browser apps on the origins of AGENDA_CORS_ORIGINS may call the API, no other; none by
default; exact origins only; never with credentials."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from config.settings import Environment, Settings
from deployments.api import create_api

SECRET = "s" * 40
APP = "https://app.salao.example"
PATH = "/api/v1/professionals"


def client(cors_origins: str = "") -> TestClient:
    settings = Settings(
        environment=Environment.DEVELOPMENT,
        jwt_secret=SECRET,  # type: ignore[arg-type]
        n8n_webhook_secret=SECRET,  # type: ignore[arg-type]
        rate_limits_enabled=False,  # no Redis here
        cors_origins=cors_origins,
    )
    return TestClient(create_api(settings))  # no `with`: the lifespan (stores) is not needed


def preflight(http: TestClient, origin: str) -> dict[str, str]:
    response = http.options(
        PATH,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    return {
        "status": str(response.status_code),
        **{k.lower(): v for k, v in response.headers.items()},
    }


def test_an_allowed_origin_passes_the_preflight_without_credentials() -> None:
    answer = preflight(client(f"{APP}, http://localhost:5173"), APP)
    assert answer["status"] == "200"
    assert answer["access-control-allow-origin"] == APP
    assert "authorization" in answer["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in answer


def test_a_refusal_reaches_the_allowed_app_readable() -> None:
    response = client(APP).get(PATH, headers={"Origin": APP})
    assert response.status_code == 401
    assert response.headers["access-control-allow-origin"] == APP
    assert "retry-after" in response.headers["access-control-expose-headers"].lower()


def test_another_origin_is_refused() -> None:
    http = client(APP)
    assert preflight(http, "https://evil.example")["status"] == "400"
    response = http.get(PATH, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def test_no_origin_is_allowed_by_default() -> None:
    answer = preflight(client(), APP)
    assert answer["status"] != "200"
    assert "access-control-allow-origin" not in answer


@pytest.mark.parametrize(
    ("origins", "said"),
    [
        ("*", "wildcards"),
        ("https://*.salao.example", "wildcards"),
        ("https://app.salao.example/", "no path"),
        ("app.salao.example", "http(s)://host"),
        ("ftp://app.salao.example", "http(s)://host"),
        (f"{APP}, https://x.example:99999", "port"),
    ],
)
def test_only_exact_origins_are_accepted(origins: str, said: str) -> None:
    with pytest.raises(ValidationError, match="AGENDA_CORS_ORIGINS") as refused:
        client(origins)
    assert said in str(refused.value)
