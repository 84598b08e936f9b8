"""The salon's own settings and profile: read by owner and staff, changed by the owner (through
the actor).

A setting the owner never chose follows the deployment's default (`AGENDA_*`), also when that
default changes later; PATCH changes some settings (null: back to the default), PUT states the
whole choice (what it leaves out follows the defaults). The profile (address, opening hours,
payment, parking, cancellation policy, about) is what the chat tells clients; PUT states it
whole, and a fact it leaves out is one the chat checks with the salon.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import ConfigDict, Field

from db.read.salon_profile import get_salon_profile, opening_hours_in_use
from db.read.salon_settings import get_salon_settings
from deployments.auth import CurrentUser, OwnerUser
from deployments.resources import Deps
from domain.commands import SetSalonProfile, SetSalonSettings
from domain.salon_profile import OpeningPeriod, SalonProfile
from domain.salon_settings import SalonSettings, SettingsChoice

router = APIRouter(prefix="/api/v1/salon", tags=["salon"])


@router.get("/settings", response_model=SalonSettings)
async def salon_settings(user: CurrentUser, deps: Deps) -> SalonSettings:
    """The settings the salon uses: its owner's choices, the deployment's defaults elsewhere."""
    async with deps.pool.acquire() as conn:
        return await get_salon_settings(
            conn, tenant_id=user.tenant_id, defaults=deps.settings.salon_defaults()
        )


class SalonSettingsBody(SettingsChoice):
    """Any of the salon's settings; null or left out: the deployment's default."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="SalonSettingsBody")


@router.put("/settings", response_model=SalonSettings)
async def set_salon_settings(body: SalonSettingsBody, user: OwnerUser, deps: Deps) -> SalonSettings:
    """The owner's whole choice (owner only): settings it leaves out follow the defaults."""
    command = SetSalonSettings(choice=SettingsChoice(**body.model_dump()), replace=True)
    return await deps.directory.send(user.tenant_id, command)


@router.patch("/settings", response_model=SalonSettings)
async def change_salon_settings(
    body: SalonSettingsBody, user: OwnerUser, deps: Deps
) -> SalonSettings:
    """Change the settings the body names (owner only); null: back to the default."""
    command = SetSalonSettings(
        choice=SettingsChoice(**body.model_dump()), fields=tuple(sorted(body.model_fields_set))
    )
    return await deps.directory.send(user.tenant_id, command)


class SalonProfileBody(SalonProfile):
    """The salon's whole profile; a fact left out, null or "": the owner does not say it. The
    GET answer may be sent back as it was read (`opening_hours_in_use` is ignored)."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="SalonProfileBody")

    opening_hours_in_use: Any = Field(default=None, description="ignored: read-only")


class SalonProfileOut(SalonProfile):
    """The profile, and the opening hours the chat tells (the owner's, else the professionals')."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="SalonProfileOut")

    opening_hours_in_use: tuple[OpeningPeriod, ...] = Field(
        description="the owner's opening_hours, or each weekday from the first professional's"
        " start to the last one's end when opening_hours is null"
    )


async def _profile_out(deps: Deps, user: CurrentUser) -> SalonProfileOut:
    async with deps.pool.acquire() as conn:
        profile = await get_salon_profile(conn, tenant_id=user.tenant_id)
        hours = await opening_hours_in_use(conn, tenant_id=user.tenant_id, profile=profile)
    return SalonProfileOut(**profile.model_dump(), opening_hours_in_use=hours)


@router.get("/profile", response_model=SalonProfileOut)
async def salon_profile(user: CurrentUser, deps: Deps) -> SalonProfileOut:
    """The facts the chat tells clients about the salon."""
    return await _profile_out(deps, user)


@router.put("/profile", response_model=SalonProfileOut)
async def set_salon_profile(body: SalonProfileBody, user: OwnerUser, deps: Deps) -> SalonProfileOut:
    """The owner's whole profile (owner only): what it leaves out the chat does not know."""
    profile = SalonProfile(**body.model_dump(exclude={"opening_hours_in_use"}))
    await deps.directory.send(user.tenant_id, SetSalonProfile(profile=profile, set_by=user.sub))
    return await _profile_out(deps, user)
