"""JWT bearer auth: HS256 by default, algorithm pinned; exp, iat, sub, tenant_id, role, our
audience and issuer required, and a lifetime (exp - iat) no longer than the deployment allows."""

from __future__ import annotations

import functools
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

COUNTED_CLAIMS = "agenda_counted_claims"  # scope["state"]: the claims RateGuard checked and counted
REQUIRED_CLAIMS = ["exp", "iat", "sub", "tenant_id", "role", "aud", "iss"]
VERIFIED_TOKENS = 4096  # tokens whose signature was checked, kept per app
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


class TokenVerifier:
    """Checks bearer tokens against one deployment's settings. A dashboard sends the same token
    with every call for hours, so a token's signature and claims are checked once and kept (an
    LRU of VERIFIED_TOKENS, per app); what depends on the clock — expiry, a future iat — is
    checked on every use. Only tokens that pass are kept (a refusal raises)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._verified = functools.lru_cache(maxsize=VERIFIED_TOKENS)(self._verify)

    def decode(self, token: str) -> CurrentUserClaims:
        try:
            decoded = self._verified(token)
        except (jwt.PyJWTError, ValidationError) as error:
            raise InvalidTokenError(str(error).splitlines()[0]) from None
        now = time.time()
        if decoded.exp <= now:
            raise InvalidTokenError("Signature has expired")
        if decoded.iat > now + LEEWAY_S:
            raise InvalidTokenError("the token is issued in the future (iat)")
        if decoded.exp - decoded.iat > self._settings.jwt_max_lifetime_s:
            raise InvalidTokenError(
                f"the token lives longer than {self._settings.jwt_max_lifetime_s} s (exp - iat)"
            )
        return decoded

    def _verify(self, token: str) -> CurrentUserClaims:
        settings = self._settings
        claims = jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=[settings.jwt_algorithm],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={"require": REQUIRED_CLAIMS, "verify_iat": False, "verify_exp": False},
        )
        return CurrentUserClaims.model_validate(claims)


def decode_token(settings: Settings, token: str) -> CurrentUserClaims:
    """One token checked, nothing kept (scripts, tests); the apps use their TokenVerifier."""
    return TokenVerifier(settings).decode(token)


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
    """The token's claims; its salon's requests are counted (429 over the salon's rate) — by
    RateGuard already, with the address, when it found the token valid."""
    counted: CurrentUserClaims | None = request.scope.get("state", {}).get(COUNTED_CLAIMS)
    if counted is not None:
        logs.SALON.set(str(counted.tenant_id))
        return counted
    unauthorized = {"WWW-Authenticate": "Bearer"}
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token", unauthorized)
    tokens: TokenVerifier = request.app.state.tokens
    try:
        claims = tokens.decode(credentials.credentials)
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
