"""JWT bearer auth: HS256 by default, algorithm pinned; exp, sub, tenant_id and role required."""

from __future__ import annotations

import time
from typing import Annotated
from uuid import UUID

import jwt
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, ValidationError

from config.settings import Settings
from domain.models import Role

REQUIRED_CLAIMS = ["exp", "sub", "tenant_id", "role"]


class CurrentUserClaims(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    sub: UUID
    tenant_id: UUID
    role: Role
    exp: float  # seconds since the epoch (a fraction is allowed, RFC 7519 NumericDate)


class InvalidTokenError(Exception):
    """Missing, malformed, expired or wrongly signed token."""


def decode_token(settings: Settings, token: str) -> CurrentUserClaims:
    try:
        claims = jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=[settings.jwt_algorithm],
            options={"require": REQUIRED_CLAIMS},
        )
        return CurrentUserClaims.model_validate(claims)
    except (jwt.PyJWTError, ValidationError) as error:
        raise InvalidTokenError(str(error).splitlines()[0]) from None


def mint_token(
    settings: Settings, *, user_id: UUID, tenant_id: UUID, role: Role, ttl_s: int = 3600
) -> str:
    now = int(time.time())
    payload = {
        "sub": str(user_id),
        "tenant_id": str(tenant_id),
        "role": role.value,
        "iat": now,
        "exp": now + ttl_s,
    }
    return jwt.encode(
        payload, settings.jwt_secret.get_secret_value(), algorithm=settings.jwt_algorithm
    )


_bearer = HTTPBearer(auto_error=False)


def get_current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> CurrentUserClaims:
    unauthorized = {"WWW-Authenticate": "Bearer"}
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token", unauthorized)
    settings: Settings = request.app.state.settings
    try:
        return decode_token(settings, credentials.credentials)
    except InvalidTokenError as error:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, f"invalid token: {error}", unauthorized
        ) from None


CurrentUser = Annotated[CurrentUserClaims, Depends(get_current_user)]


def require_owner(user: CurrentUser) -> CurrentUserClaims:
    if user.role != Role.OWNER:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only the salon owner can do this")
    return user


OwnerUser = Annotated[CurrentUserClaims, Depends(require_owner)]
