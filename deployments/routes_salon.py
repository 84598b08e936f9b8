"""The salon's own settings: read by owner and staff, changed by the owner (through the actor)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import Field

from db.read.salon_settings import get_salon_settings
from deployments.auth import CurrentUser, OwnerUser
from deployments.resources import Deps
from deployments.schemas import Body
from domain.commands import SetSalonSettings
from domain.salon_settings import MAX_AUTO_COMPLETE_AFTER_H, MAX_OFFER_EXPIRY_H, SalonSettings

router = APIRouter(prefix="/api/v1/salon", tags=["salon"])


@router.get("/settings", response_model=SalonSettings)
async def salon_settings(user: CurrentUser, deps: Deps) -> SalonSettings:
    """The salon's settings (the deployment's defaults until the owner changes them)."""
    async with deps.pool.acquire() as conn:
        return await get_salon_settings(
            conn, tenant_id=user.tenant_id, defaults=deps.settings.salon_defaults()
        )


class SalonSettingsBody(Body):
    """Every setting, each required: what the salon wants is said, never assumed."""

    auto_complete: bool
    auto_complete_after_h: int = Field(ge=0, le=MAX_AUTO_COMPLETE_AFTER_H)
    offer_expiry_h: int = Field(ge=1, le=MAX_OFFER_EXPIRY_H)


@router.put("/settings", response_model=SalonSettings)
async def set_salon_settings(body: SalonSettingsBody, user: OwnerUser, deps: Deps) -> SalonSettings:
    """Replace the salon's settings (owner only)."""
    settings = SalonSettings(**body.model_dump())
    return await deps.directory.send(user.tenant_id, SetSalonSettings(settings=settings))
