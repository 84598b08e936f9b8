"""`GET /api/v1/health`: no auth, no data; whether PostgreSQL, Redis and salon actors answer."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from deployments.resources import Deps
from deployments.schemas import Health

router = APIRouter(prefix="/api/v1", tags=["health"])
CHECK_TIMEOUT_S = 3.0


async def _check(probe: Awaitable[object]) -> str:
    try:
        await asyncio.wait_for(probe, CHECK_TIMEOUT_S)
    except Exception:  # the check's boundary: any failure means "down"
        return "down"
    return "ok"


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
async def health(deps: Deps) -> JSONResponse:
    postgres, redis, actors = await asyncio.gather(
        _check(deps.pool.fetchval("SELECT 1")),
        _check(deps.redis.ping()),
        _check(deps.directory.ping()),
    )
    checks = {"postgres": postgres, "redis": redis, "tenant_actors": actors}
    healthy = all(value == "ok" for value in checks.values())
    body = Health(status="ok" if healthy else "degraded", checks=checks)
    return JSONResponse(body.model_dump(), status_code=200 if healthy else 503)
