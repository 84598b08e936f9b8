"""JWT checks: algorithm pinned, exp and claims required, role limited to owner/staff."""

from __future__ import annotations

import time
from uuid import uuid4

import jwt
import pytest
from pydantic import SecretStr

from config.settings import Environment, Settings
from deployments.auth import InvalidTokenError, TokenVerifier, decode_token, mint_token
from domain.models import Role

SETTINGS = Settings(environment=Environment.TEST, jwt_secret="s" * 64)  # type: ignore[arg-type]


def claims(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "sub": str(uuid4()),
        "tenant_id": str(uuid4()),
        "role": "owner",
        "exp": int(time.time()) + 60,
        "iat": int(time.time()),
        "iss": "agenda-cheia",
        "aud": "agenda-cheia-api",
    }
    return {k: v for k, v in (values | overrides).items() if v is not None}


def test_minted_token_decodes_to_its_claims() -> None:
    tenant, user = uuid4(), uuid4()
    token = mint_token(SETTINGS, user_id=user, tenant_id=tenant, role=Role.STAFF)
    decoded = decode_token(SETTINGS, token)
    assert (decoded.sub, decoded.tenant_id, decoded.role) == (user, tenant, Role.STAFF)


def test_expired_token_is_refused() -> None:
    token = jwt.encode(claims(exp=int(time.time()) - 10), "s" * 64, algorithm="HS256")
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, token)


def test_a_token_checked_while_valid_is_refused_once_it_expires(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = jwt.encode(claims(exp=int(time.time()) + 60), "s" * 64, algorithm="HS256")
    tokens = TokenVerifier(SETTINGS)
    tokens.decode(token)  # its signature is checked once, then kept
    later = time.time() + 61
    monkeypatch.setattr("deployments.auth.time.time", lambda: later)
    with pytest.raises(InvalidTokenError, match="expired"):
        tokens.decode(token)


def test_a_verifier_checks_a_tokens_signature_once(monkeypatch: pytest.MonkeyPatch) -> None:
    token = mint_token(SETTINGS, user_id=uuid4(), tenant_id=uuid4(), role=Role.OWNER)
    tokens, checks = TokenVerifier(SETTINGS), []
    real = jwt.decode
    monkeypatch.setattr(
        "deployments.auth.jwt.decode", lambda *a, **k: checks.append(1) or real(*a, **k)
    )
    assert tokens.decode(token) == tokens.decode(token)
    assert len(checks) == 1
    TokenVerifier(SETTINGS).decode(token)  # another app's verifier keeps its own
    assert len(checks) == 2


def test_a_token_is_checked_against_each_deployments_secret() -> None:
    token = mint_token(SETTINGS, user_id=uuid4(), tenant_id=uuid4(), role=Role.OWNER)
    decode_token(SETTINGS, token)
    other = SETTINGS.model_copy(update={"jwt_secret": SecretStr("t" * 64)})
    with pytest.raises(InvalidTokenError):
        decode_token(other, token)


def test_token_without_exp_is_refused() -> None:
    values = claims()
    del values["exp"]
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, jwt.encode(values, "s" * 64, algorithm="HS256"))


def test_token_with_other_algorithm_is_refused() -> None:
    token = jwt.encode(claims(), "s" * 64, algorithm="HS512")
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, token)


def test_unsigned_token_is_refused() -> None:
    token = jwt.encode(claims(), None, algorithm="none")
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, token)


def test_token_signed_with_other_secret_is_refused() -> None:
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, jwt.encode(claims(), "o" * 64, algorithm="HS256"))


def test_unknown_role_is_refused() -> None:
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, jwt.encode(claims(role="admin"), "s" * 64, algorithm="HS256"))


def test_garbage_is_refused() -> None:
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, "not-a-token")


def test_expiry_with_a_fraction_of_a_second_is_accepted() -> None:
    # RFC 7519 NumericDate may be fractional (e.g. `time.time() + 3600` from a Python issuer).
    token = jwt.encode(claims(exp=time.time() + 60.5), "s" * 64, algorithm="HS256")
    assert decode_token(SETTINGS, token).exp > time.time()


@pytest.mark.parametrize(
    "overrides",
    [
        {"aud": None},
        {"aud": "another-api"},
        {"iss": None},
        {"iss": "someone-else"},
        {"iat": None},
        {"iat": int(time.time()) + 3600, "exp": int(time.time()) + 7200},  # issued in the future
    ],
    ids=["no-aud", "other-aud", "no-iss", "other-iss", "no-iat", "future-iat"],
)
def test_audience_issuer_and_issue_time_are_required(overrides: dict[str, object]) -> None:
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, jwt.encode(claims(**overrides), "s" * 64, algorithm="HS256"))


def test_a_token_living_longer_than_allowed_is_refused() -> None:
    now = int(time.time())
    allowed = SETTINGS.jwt_max_lifetime_s
    fits = claims(iat=now, exp=now + allowed)
    assert (
        decode_token(SETTINGS, jwt.encode(fits, "s" * 64, algorithm="HS256")).exp == now + allowed
    )
    too_long = claims(iat=now, exp=now + allowed + 1)
    with pytest.raises(InvalidTokenError, match="lives longer"):
        decode_token(SETTINGS, jwt.encode(too_long, "s" * 64, algorithm="HS256"))


def test_minted_tokens_name_the_configured_issuer_and_audience() -> None:
    custom = SETTINGS.model_copy(update={"jwt_issuer": "salon-suite", "jwt_audience": "agenda"})
    token = mint_token(custom, user_id=uuid4(), tenant_id=uuid4(), role=Role.OWNER)
    values = jwt.decode(token, options={"verify_signature": False})
    assert (values["iss"], values["aud"]) == ("salon-suite", "agenda")
    decode_token(custom, token)
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, token)
