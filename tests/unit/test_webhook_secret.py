"""AGENDA_N8N_WEBHOOK_SECRET: the key each form stands for, and what Settings accept where."""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError
from standardwebhooks import Webhook

from config.settings import Environment, Settings
from config.webhook_secret import (
    MAX_KEY_BYTES,
    MIN_KEY_BYTES,
    MalformedWebhookSecretError,
    new_webhook_secret,
    signing_key,
)

JWT = "j" * 40


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings read AGENDA_* from the environment: these tests start from none."""
    for name in [n for n in os.environ if n.startswith("AGENDA_")]:
        monkeypatch.delenv(name)


def whsec(key: bytes) -> str:
    return "whsec_" + base64.b64encode(key).decode()


def make_settings(environment: Environment, secret: str) -> Settings:
    return Settings(environment=environment, jwt_secret=JWT, n8n_webhook_secret=secret)  # type: ignore[arg-type]


def test_standard_secret_is_the_base64_decoded_key() -> None:
    key = bytes(range(256))[-32:]
    assert signing_key(whsec(key)) == key


def test_padding_is_optional() -> None:
    key = b"\x01" * 32
    assert signing_key(whsec(key).rstrip("=")) == key


def test_plain_secret_is_its_utf8_bytes() -> None:
    assert signing_key("legacy-secret-ção") == "legacy-secret-ção".encode()


@pytest.mark.parametrize(
    "secret",
    ["whsec_", "whsec_=", "whsec_A", "whsec_AB=", "whsec_QUJD====", "whsec_a-b_", "whsec_QUJD\n"],
)
def test_malformed_standard_secret_has_no_key(secret: str) -> None:
    with pytest.raises(MalformedWebhookSecretError):
        signing_key(secret)


def test_new_secret_is_32_random_bytes_the_package_reads_alike() -> None:
    secret = new_webhook_secret()
    assert secret.startswith("whsec_") and len(signing_key(secret)) == 32
    assert secret != new_webhook_secret()
    at = datetime(2026, 1, 1, tzinfo=UTC)
    # The package given the secret signs as the package given our key bytes.
    assert Webhook(secret).sign("m-1", at, b"{}") == Webhook(signing_key(secret)).sign(
        "m-1", at, b"{}"
    )


@pytest.mark.parametrize("environment", list(Environment))
@pytest.mark.parametrize("key_bytes", [MIN_KEY_BYTES, 32, MAX_KEY_BYTES])
def test_standard_secret_of_the_spec_sizes_is_accepted(
    environment: Environment, key_bytes: int
) -> None:
    secret = whsec(b"\xa5" * key_bytes)
    assert make_settings(environment, secret).n8n_webhook_secret.get_secret_value() == secret


@pytest.mark.parametrize("key_bytes", [MIN_KEY_BYTES - 1, MAX_KEY_BYTES + 1])
def test_production_refuses_a_key_of_another_size(key_bytes: int) -> None:
    with pytest.raises(ValidationError, match=f"its key is {key_bytes} bytes long"):
        make_settings(Environment.PRODUCTION, whsec(b"\xa5" * key_bytes))


def test_development_accepts_a_short_standard_key() -> None:
    assert make_settings(Environment.DEVELOPMENT, whsec(b"dev"))


@pytest.mark.parametrize("environment", list(Environment))
def test_malformed_standard_secret_is_refused_everywhere(environment: Environment) -> None:
    with pytest.raises(ValidationError, match="not standard base64"):
        make_settings(environment, "whsec_abc-def")


def test_refusal_says_what_is_accepted_without_quoting_the_secret() -> None:
    secret = "whsec_" + "Zm9v" * 4 + "-leaked-tail"
    with pytest.raises(ValidationError) as refused:
        make_settings(Environment.TEST, secret)
    message = str(refused.value)
    assert "`whsec_` + standard base64" in message and "openssl rand -base64 32" in message
    assert "deprecated, a plain secret" in message
    assert "leaked-tail" not in message


def test_production_accepts_a_legacy_plain_secret_of_32_characters() -> None:
    assert make_settings(Environment.PRODUCTION, "p" * 32)


@pytest.mark.parametrize("secret", ["", "changeme", "p" * 31])
def test_production_refuses_an_empty_placeholder_or_short_plain_secret(secret: str) -> None:
    with pytest.raises(ValidationError, match="AGENDA_N8N_WEBHOOK_SECRET"):
        make_settings(Environment.PRODUCTION, secret)


@pytest.mark.parametrize("environment", [Environment.DEVELOPMENT, Environment.TEST])
@pytest.mark.parametrize("secret", ["", "short"])
def test_development_and_test_accept_any_plain_secret(
    environment: Environment, secret: str
) -> None:
    assert make_settings(environment, secret)
