"""Settings refuse placeholder secrets outside development."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError

from config.settings import Environment, Settings

REAL = "x" * 40


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings read AGENDA_* from the environment: these tests start from none."""
    for name in [n for n in os.environ if n.startswith("AGENDA_")]:
        monkeypatch.delenv(name)


def test_production_refuses_placeholder_jwt_secret() -> None:
    with pytest.raises(ValidationError, match="AGENDA_JWT_SECRET"):
        Settings(environment=Environment.PRODUCTION, jwt_secret="changeme", n8n_webhook_secret=REAL)  # type: ignore[arg-type]


def test_production_refuses_missing_n8n_secret() -> None:
    with pytest.raises(ValidationError, match="AGENDA_N8N_WEBHOOK_SECRET"):
        Settings(environment=Environment.PRODUCTION, jwt_secret=REAL)  # type: ignore[arg-type]


def test_production_accepts_real_secrets() -> None:
    settings = Settings(
        environment=Environment.PRODUCTION,
        jwt_secret=REAL,
        n8n_webhook_secret=REAL,  # type: ignore[arg-type]
    )
    assert settings.jwt_secret.get_secret_value() == REAL


def test_development_still_needs_a_jwt_secret() -> None:
    with pytest.raises(ValidationError):
        Settings(environment=Environment.DEVELOPMENT, jwt_secret="")  # type: ignore[arg-type]


def test_secrets_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENDA_ENVIRONMENT", "development")
    monkeypatch.setenv("AGENDA_JWT_SECRET", "from-env")
    assert Settings().jwt_secret.get_secret_value() == "from-env"


def test_secrets_do_not_show_in_repr() -> None:
    settings = Settings(environment=Environment.DEVELOPMENT, jwt_secret="hidden-value")  # type: ignore[arg-type]
    assert "hidden-value" not in repr(settings)
