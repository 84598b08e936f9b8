"""Health, with no auth and no data: `GET /api/v1/health` (PostgreSQL, Redis and salon actors
answer), `GET /livez` (this process answers) and `GET /readyz` (all of health's, and the WhatsApp
sender's and campaign scheduler's loops running and progressing where they are enabled)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

import ray
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from ray.exceptions import RayActorError

from actors.progress import loop_state
from actors.scheduler_actor import SCHEDULER_NAME
from actors.sender_actor import ACTOR_NAME as SENDER_NAME
from deployments.resources import Deps, Resources
from deployments.schemas import Health, Live

router = APIRouter(prefix="/api/v1", tags=["health"])
probes = APIRouter(tags=["health"])
CHECK_TIMEOUT_S = 3.0
READY = ("ok", "off")  # a loop switched off on purpose does not make a replica unready


async def _check(probe: Awaitable[object]) -> str:
    try:
        await asyncio.wait_for(probe, CHECK_TIMEOUT_S)
    except Exception:  # the check's boundary: any failure means "down"
        return "down"
    return "ok"


async def _loop(
    deps: Resources, name: str, *, enabled: bool, every_s: float, stall_s: float
) -> str:
    """A cluster loop's state by its actor's own report: ok, stopped, stalled or down; off
    where switched off."""
    if not enabled:
        return "off"
    try:
        report = await _progress(deps, name)
    except Exception:  # the check's boundary: no actor, no Ray, no answer
        return "down"
    return loop_state(report, every_s=every_s, stall_s=stall_s)


async def _progress(deps: Resources, name: str) -> dict[str, Any]:
    """The loop's report, from the actor the probes hold; looked up again (by name) when none is
    held or the one held has gone (replaced at a deploy, restarted)."""
    held = deps.loop_actors.get(name)
    if held is not None:
        try:
            report: dict[str, Any] = await asyncio.wait_for(held.progress.remote(), CHECK_TIMEOUT_S)
            return report
        except RayActorError:
            deps.loop_actors.pop(name, None)
    namespace = deps.settings.ray_namespace
    handle = await asyncio.to_thread(ray.get_actor, name, namespace=namespace)
    report = await asyncio.wait_for(handle.progress.remote(), CHECK_TIMEOUT_S)
    deps.loop_actors[name] = handle
    return report


async def _dependencies(deps: Resources) -> dict[str, str]:
    postgres, redis, actors = await asyncio.gather(
        _check(deps.pool.fetchval("SELECT 1")),
        _check(deps.redis.ping()),
        _check(deps.directory.ping()),
    )
    return {"postgres": postgres, "redis": redis, "tenant_actors": actors}


def _answer(checks: dict[str, str], ready: tuple[str, ...] = ("ok",)) -> JSONResponse:
    healthy = all(value in ready for value in checks.values())
    body = Health(status="ok" if healthy else "degraded", checks=checks)
    return JSONResponse(body.model_dump(), status_code=200 if healthy else 503)


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
async def health(deps: Deps) -> JSONResponse:
    return _answer(await _dependencies(deps))


@probes.get("/livez", response_model=Live)
async def livez() -> Live:
    """The process answers (nothing else is asked: a restart would not mend a dependency)."""
    return Live(status="ok")


@probes.get("/readyz", response_model=Health, responses={503: {"model": Health}})
async def readyz(deps: Deps) -> JSONResponse:
    """Ready for traffic: every dependency answers, and the sender's and scheduler's loops run
    and progress ("off" where switched off)."""
    settings = deps.settings
    checks, sender, scheduler = await asyncio.gather(
        _dependencies(deps),
        # A sender step longer than a claim's lease has lost its claims: stuck, not busy.
        _loop(
            deps,
            SENDER_NAME,
            enabled=settings.sender_enabled,
            every_s=settings.sender_poll_interval_s,
            stall_s=settings.sender_lease_s,
        ),
        _loop(
            deps,
            SCHEDULER_NAME,
            enabled=settings.scheduler_enabled,
            every_s=settings.scheduler_interval_s,
            stall_s=settings.scheduler_interval_s,
        ),
    )
    return _answer(checks | {"sender": sender, "scheduler": scheduler}, READY)
