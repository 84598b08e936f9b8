"""The salon's own settings: read by owner and staff, changed by the owner (through the actor).

A setting the owner never chose follows the deployment's default (`AGENDA_*`), also when that
default changes later; PATCH changes some settings (null: back to the default), PUT states the
whole choice (what it leaves out follows the defaults).
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import ConfigDict

from db.read.salon_settings import get_salon_settings
from deployments.auth import CurrentUser, OwnerUser
from deployments.resources import Deps
from domain.commands import SetSalonSettings
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
