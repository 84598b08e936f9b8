"""The owner console's static files: served with security headers when built, a clear 404 if not."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import ValidationError

from config.settings import Environment, Settings
from deployments.console import mount_console


def console_app(directory: Path, embed_origins: str = "") -> TestClient:
    app = FastAPI()
    settings = Settings(
        environment=Environment.TEST,
        jwt_secret="j" * 32,
        console_dir=str(directory),
        console_embed_origins=embed_origins,
    )
    mount_console(app, settings)
    return TestClient(app)


def built(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<!doctype html><title>Agenda Cheia</title>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)")
    return tmp_path


def test_built_console_is_served_with_security_headers(tmp_path: Path) -> None:
    response = console_app(built(tmp_path)).get("/console/")
    assert response.status_code == 200
    assert "Agenda Cheia" in response.text
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert "connect-src 'self' ws://testserver wss://testserver;" in policy
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-cache"


def test_hashed_assets_are_cached_for_good(tmp_path: Path) -> None:
    response = console_app(built(tmp_path)).get("/console/assets/index-abc123.js")
    assert response.status_code == 200
    assert "immutable" in response.headers["cache-control"]


def test_console_path_without_slash_reaches_the_page(tmp_path: Path) -> None:
    response = console_app(built(tmp_path)).get("/console")
    assert response.status_code == 200
    assert str(response.url).endswith("/console/")


def test_unbuilt_console_says_how_to_build_it(tmp_path: Path) -> None:
    response = console_app(tmp_path).get("/console")
    assert response.status_code == 404
    assert response.json()["code"] == "console_not_built"


def test_files_outside_the_console_are_not_served(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("no")
    console = built(tmp_path / "dist")
    # Encoded dots reach the server as they are (a client would normalise a plain "..").
    response = console_app(console).get("/console/%2e%2e/secret.txt")
    assert response.status_code == 404


def test_a_forged_host_is_left_out_of_the_policy(tmp_path: Path) -> None:
    response = console_app(built(tmp_path)).get("/console/", headers={"host": "evil.test; x"})
    assert "connect-src 'self';" in response.headers["content-security-policy"]


def test_embedding_origins_may_frame_the_console_and_no_other(tmp_path: Path) -> None:
    origins = "https://app.example.com,https://admin.example.com"
    response = console_app(built(tmp_path), origins).get("/console/")
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors https://app.example.com https://admin.example.com;" in policy
    # X-Frame-Options cannot list origins; DENY there would override the policy in old browsers.
    assert "x-frame-options" not in response.headers


def test_the_console_learns_its_embedding_origins(tmp_path: Path) -> None:
    client = console_app(built(tmp_path / "a"), "https://app.example.com")
    assert client.get("/console/embed.json").json() == {"origins": ["https://app.example.com"]}
    unframed = console_app(built(tmp_path / "b"))
    assert unframed.get("/console/embed.json").json() == {"origins": []}


def test_an_embedding_origin_must_be_exact(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="AGENDA_CONSOLE_EMBED_ORIGINS"):
        console_app(built(tmp_path), "https://*.example.com")
