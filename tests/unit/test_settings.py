"""Settings refuse placeholder secrets outside development."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError

from config.settings import FROM_ENVIRONMENT, Environment, Settings

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


def test_actor_options_carry_no_secret_nor_server_address() -> None:
    settings = Settings(
        environment=Environment.PRODUCTION,
        jwt_secret=REAL,  # type: ignore[arg-type]
        n8n_webhook_secret=REAL,  # type: ignore[arg-type]
        gemini_api_key="g" * 39,  # type: ignore[arg-type]
        database_url="postgresql://agenda:pw@db/agenda",
    )
    options = settings.for_actor()
    assert FROM_ENVIRONMENT.isdisjoint(options)
    assert REAL not in str(options) and "pw@db" not in str(options)


def test_an_actor_rebuilds_its_creators_options(monkeypatch: pytest.MonkeyPatch) -> None:
    creator = Settings(
        environment=Environment.TEST,
        jwt_secret=REAL,  # type: ignore[arg-type]
        placement="shared",  # type: ignore[arg-type]
        tenant_hosts=7,
        passivate_after_s=12.5,
        scheduler_enabled=False,
    )
    # Secrets and the environment's name come from the actor's own environment.
    monkeypatch.setenv("AGENDA_JWT_SECRET", REAL)
    monkeypatch.setenv("AGENDA_ENVIRONMENT", "test")
    rebuilt = Settings(**creator.for_actor())
    assert rebuilt.model_dump(exclude=set(FROM_ENVIRONMENT)) == creator.model_dump(
        exclude=set(FROM_ENVIRONMENT)
    )


def test_process_environment_rebuilds_the_same_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(
        environment=Environment.TEST,
        jwt_secret=REAL,  # type: ignore[arg-type]
        n8n_auth_token="t" * 32,  # type: ignore[arg-type]
        scheduler_enabled=False,
        campaign_days_ahead=9,
        api_docs=True,
    )
    for name, value in settings.process_environment().items():
        monkeypatch.setenv(name, value)
    assert Settings() == settings


def test_a_file_cannot_switch_a_cluster_into_development() -> None:
    assert "environment" not in Settings.plain_fields()


def test_application_args_are_the_plain_options() -> None:
    assert "passivate_after_s" in Settings.plain_fields()
    assert Settings.plain_fields().isdisjoint(FROM_ENVIRONMENT)
    assert set(Settings.model_fields) == Settings.plain_fields() | FROM_ENVIRONMENT
