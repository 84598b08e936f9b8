"""/docs, /redoc and /openapi.json: served from the installed wheel (no CDN); off in production."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from config.settings import Environment, Settings
from deployments.api import create_api

SECRET = "s" * 40


def client(environment: Environment, api_docs: bool | None = None) -> TestClient:
    settings = Settings(
        environment=environment,
        jwt_secret=SECRET,  # type: ignore[arg-type]
        n8n_webhook_secret=SECRET,  # type: ignore[arg-type]
        api_docs=api_docs,
        rate_limits_enabled=False,  # no Redis here
    )
    return TestClient(create_api(settings))  # no `with`: the lifespan (stores) is not needed


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_every_asset_from_this_server(page: str) -> None:
    http = client(Environment.DEVELOPMENT)
    response = http.get(page)
    assert response.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert sources, response.text
    for source in sources:
        assert source.startswith("/"), f"{page} loads {source} from elsewhere"
        assert http.get(source).status_code == 200, source


def test_openapi_document_is_served_in_development() -> None:
    response = client(Environment.DEVELOPMENT).get("/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Agenda Cheia"


@pytest.mark.parametrize(
    "path", ["/docs", "/redoc", "/openapi.json", "/docs-assets/swagger-ui.css"]
)
def test_docs_are_off_in_production(path: str) -> None:
    assert client(Environment.PRODUCTION).get(path).status_code == 404


def test_a_setting_turns_docs_on_in_production() -> None:
    assert client(Environment.PRODUCTION, api_docs=True).get("/docs").status_code == 200
