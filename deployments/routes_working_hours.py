"""The professionals' working hours: read by owner and staff, replaced week by week by the owner
(through the salon's actor, so its free slots change with what is stored).

A bad week (a time not HH:MM, a period ending before it starts, two overlapping or touching, more
than four a day) is a 422 naming the field and changes nothing. Bookings already made outside the
new hours are kept and listed (`bookings_outside`): the owner moves or cancels them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from fastapi import APIRouter, status
from pydantic import ConfigDict

from db.read.working_hours import get_working_hours
from deployments.auth import CurrentUser, OwnerUser
from deployments.resources import Deps
from domain.commands import SetWorkingHours
from domain.working_hours import WeekHours, WorkingHoursView

router = APIRouter(prefix="/api/v1/professionals", tags=["agenda"])
UNKNOWN: dict[int | str, dict[str, Any]] = {
    status.HTTP_404_NOT_FOUND: {"description": "no such professional in this salon"}
}


class WorkingHoursBody(WeekHours):
    """A professional's whole week: every period; a weekday without one is a day off."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="WorkingHoursBody")


@router.get("/{professional_id}/working-hours", response_model=WorkingHoursView, responses=UNKNOWN)
async def professional_working_hours(
    professional_id: UUID, user: CurrentUser, deps: Deps
) -> WorkingHoursView:
    """A professional's week, and their coming bookings outside it (owner and staff)."""
    async with deps.pool.acquire() as conn:
        return await get_working_hours(
            conn, tenant_id=user.tenant_id, professional_id=professional_id, now=datetime.now(UTC)
        )


@router.put("/{professional_id}/working-hours", response_model=WorkingHoursView, responses=UNKNOWN)
async def set_professional_working_hours(
    professional_id: UUID, body: WorkingHoursBody, user: OwnerUser, deps: Deps
) -> WorkingHoursView:
    """Replace a professional's whole week (owner only). Slots offered from now on follow it;
    bookings already made outside it are kept and listed, for the owner to move or cancel."""
    command = SetWorkingHours(
        professional_id=professional_id,
        week=WeekHours(periods=body.periods),
        set_by=user.sub,
    )
    return await deps.directory.send(user.tenant_id, command)
