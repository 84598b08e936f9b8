"""JWT checks: algorithm pinned, exp and claims required, role limited to owner/staff."""

from __future__ import annotations

import time
from uuid import uuid4

import jwt
import pytest

from config.settings import Environment, Settings
from deployments.auth import InvalidTokenError, decode_token, mint_token
from domain.models import Role

SETTINGS = Settings(environment=Environment.TEST, jwt_secret="s" * 64)  # type: ignore[arg-type]


def claims(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "sub": str(uuid4()),
        "tenant_id": str(uuid4()),
        "role": "owner",
        "exp": int(time.time()) + 60,
    }
    return values | overrides


def test_minted_token_decodes_to_its_claims() -> None:
    tenant, user = uuid4(), uuid4()
    token = mint_token(SETTINGS, user_id=user, tenant_id=tenant, role=Role.STAFF)
    decoded = decode_token(SETTINGS, token)
    assert (decoded.sub, decoded.tenant_id, decoded.role) == (user, tenant, Role.STAFF)


def test_expired_token_is_refused() -> None:
    token = jwt.encode(claims(exp=int(time.time()) - 10), "s" * 64, algorithm="HS256")
    with pytest.raises(InvalidTokenError):
        decode_token(SETTINGS, token)


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
