"""`GET /api/v1/session`: who the token is and which salon it opens (the console's login check)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from db.read.agenda import get_tenant
from deployments.auth import CurrentUser
from deployments.resources import Deps
from deployments.schemas import SessionOut

router = APIRouter(prefix="/api/v1", tags=["session"])


@router.get("/session", response_model=SessionOut)
async def session(user: CurrentUser, deps: Deps) -> SessionOut:
    async with deps.pool.acquire() as conn:
        tenant = await get_tenant(conn, tenant_id=user.tenant_id)
    return SessionOut(
        tenant_id=tenant.id,
        tenant_name=tenant.name,
        time_zone=tenant.time_zone,
        user_id=user.sub,
        role=user.role,
        expires_at=datetime.fromtimestamp(user.exp, UTC),
    )
