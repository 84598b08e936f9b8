"""JWT bearer auth: HS256 by default, algorithm pinned; exp, iat, sub, tenant_id, role, our
audience and issuer required, and a lifetime (exp - iat) no longer than the deployment allows."""

from __future__ import annotations

import time
from typing import Annotated
from uuid import UUID

import jwt
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, ValidationError

from config import logs
from config.settings import Settings
from domain.models import Role

REQUIRED_CLAIMS = ["exp", "iat", "sub", "tenant_id", "role", "aud", "iss"]
LEEWAY_S = 30  # the issuer's clock may run this much ahead of ours (iat); exp has none


class CurrentUserClaims(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    sub: UUID
    tenant_id: UUID
    role: Role
    exp: float  # seconds since the epoch (a fraction is allowed, RFC 7519 NumericDate)
    iat: float = 0.0  # required in tokens; a ticket stored before it existed has none


class InvalidTokenError(Exception):
    """Missing, malformed, expired or wrongly signed token."""


def decode_token(settings: Settings, token: str) -> CurrentUserClaims:
    try:
        claims = jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=[settings.jwt_algorithm],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={"require": REQUIRED_CLAIMS, "verify_iat": False},
        )
        decoded = CurrentUserClaims.model_validate(claims)
    except (jwt.PyJWTError, ValidationError) as error:
        raise InvalidTokenError(str(error).splitlines()[0]) from None
    if decoded.iat > time.time() + LEEWAY_S:
        raise InvalidTokenError("the token is issued in the future (iat)")
    if decoded.exp - decoded.iat > settings.jwt_max_lifetime_s:
        raise InvalidTokenError(
            f"the token lives longer than {settings.jwt_max_lifetime_s} s (exp - iat)"
        )
    return decoded


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
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
    }
    return jwt.encode(
        payload, settings.jwt_secret.get_secret_value(), algorithm=settings.jwt_algorithm
    )


_bearer = HTTPBearer(auto_error=False)


async def get_current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> CurrentUserClaims:
    """The token's claims; its salon's requests are counted (429 over the salon's rate)."""
    unauthorized = {"WWW-Authenticate": "Bearer"}
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token", unauthorized)
    settings: Settings = request.app.state.settings
    try:
        claims = decode_token(settings, credentials.credentials)
    except InvalidTokenError as error:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, f"invalid token: {error}", unauthorized
        ) from None
    logs.SALON.set(str(claims.tenant_id))
    await request.app.state.rate_limits.hit("salon", str(claims.tenant_id))
    return claims


CurrentUser = Annotated[CurrentUserClaims, Depends(get_current_user)]


async def require_owner(user: CurrentUser) -> CurrentUserClaims:
    if user.role != Role.OWNER:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only the salon owner can do this")
    return user


OwnerUser = Annotated[CurrentUserClaims, Depends(require_owner)]
