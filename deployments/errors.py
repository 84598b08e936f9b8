"""All error-to-response mapping in one place: clear JSON bodies, never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from actors.errors import TenantUnavailableError
from db.pool import CONNECTION_LOST
from deployments.rate_limits import RateLimitedError, limited_body
from domain.errors import (
    AlreadyDecidedError,
    AppointmentNotStartedError,
    DomainError,
    DuplicateCommandError,
    IllegalTransitionError,
    InvalidCommandError,
    NotFoundError,
    OfferClosedError,
    OutsideWorkingHoursError,
    SalonClosedError,
    SlotPassedError,
    SlotTakenError,
    StaleAgendaError,
)

logger = logging.getLogger(__name__)
# PostgreSQL or Redis out of reach: a moment's outage, not a bug (503, try again).
# (In this code base only the stores' clients raise a bare ConnectionError: the n8n and
# Gemini clients wrap theirs. The traceback is logged so a wrong guess would show.)
STORE_UNAVAILABLE: tuple[type[Exception], ...] = (
    *CONNECTION_LOST,
    RedisConnectionError,
    RedisTimeoutError,
)

DOMAIN_STATUS: dict[type[DomainError], int] = {
    NotFoundError: status.HTTP_404_NOT_FOUND,
    SlotTakenError: status.HTTP_409_CONFLICT,
    AlreadyDecidedError: status.HTTP_409_CONFLICT,
    DuplicateCommandError: status.HTTP_409_CONFLICT,
    IllegalTransitionError: status.HTTP_409_CONFLICT,
    OfferClosedError: status.HTTP_409_CONFLICT,
    SlotPassedError: status.HTTP_409_CONFLICT,
    AppointmentNotStartedError: status.HTTP_409_CONFLICT,
    # A day the salon closed after the request was made: the request itself was fine.
    SalonClosedError: status.HTTP_409_CONFLICT,
    OutsideWorkingHoursError: status.HTTP_422_UNPROCESSABLE_CONTENT,
    InvalidCommandError: status.HTTP_422_UNPROCESSABLE_CONTENT,
    # Another writer changed the salon meanwhile; the actor reloaded: the same request again works.
    StaleAgendaError: status.HTTP_503_SERVICE_UNAVAILABLE,
}


def error_body(code: str, detail: object) -> dict[str, object]:
    return {"code": code, "detail": detail}


def status_for_code(code: str) -> int:
    """The HTTP status of a domain error known only by its code (a batch item's)."""
    for error_type, status_code in DOMAIN_STATUS.items():
        if error_type.code == code:
            return status_code
    return status.HTTP_400_BAD_REQUEST


def status_of(error: DomainError) -> int:
    for error_type in type(error).__mro__:
        if error_type in DOMAIN_STATUS:
            return DOMAIN_STATUS[error_type]
    return status.HTTP_400_BAD_REQUEST


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def domain_error(request: Request, error: DomainError) -> JSONResponse:
        code = status_of(error)
        retry = {"Retry-After": "1"} if code == status.HTTP_503_SERVICE_UNAVAILABLE else None
        return JSONResponse(error_body(error.code, error.message), status_code=code, headers=retry)

    @app.exception_handler(RateLimitedError)
    async def rate_limited(request: Request, error: RateLimitedError) -> JSONResponse:
        return JSONResponse(
            limited_body(error),
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            headers={"Retry-After": str(error.retry_after_s)},
        )

    @app.exception_handler(TenantUnavailableError)
    async def tenant_unavailable(request: Request, error: TenantUnavailableError) -> JSONResponse:
        logger.warning("salon actor unavailable: %s", error)
        return JSONResponse(
            error_body("tenant_unavailable", "the salon's agenda is restarting; try again"),
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "2"},
        )

    async def store_unavailable(request: Request, error: Exception) -> JSONResponse:
        resources = getattr(request.app.state, "resources", None)
        if resources is not None and isinstance(error, CONNECTION_LOST):
            # Pooled connections may all be dead (a restart): replace them, not one per request.
            await resources.pool.expire_connections()
        logger.warning(
            "store unavailable on %s: %s", request.url.path, type(error).__name__, exc_info=error
        )
        return JSONResponse(
            error_body("store_unavailable", "the database or Redis is unreachable; try again"),
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "5"},
        )

    for error_type in STORE_UNAVAILABLE:
        app.add_exception_handler(error_type, store_unavailable)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in error.errors()
        ]
        return JSONResponse(
            error_body("validation_error", errors),
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}
        return JSONResponse(
            error_body(code.get(error.status_code, "http_error"), error.detail),
            status_code=error.status_code,
            headers=getattr(error, "headers", None),
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            error_body("internal_error", "unexpected error; it was logged"),
            status_code=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
