"""The campaign funnel (owner and staff): what became of the offers of the salon's campaign runs
over a range of its local days, per run and per campaign type (a read-only query)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from pydantic import Field

from db.read.funnel import Funnel, campaign_funnel
from deployments.auth import CurrentUser
from deployments.resources import Deps
from domain.models import FIRST_DAY, LAST_DAY, in_calendar
from domain.vocabulary import CAMPAIGN_TYPES, CampaignType

router = APIRouter(prefix="/api/v1/automations", tags=["automations"])
MAX_RANGE_DAYS = 366


class CampaignFunnel(Funnel):
    from_date: date = Field(serialization_alias="from", description="first local day")
    to_date: date = Field(serialization_alias="to", description="last local day, inclusive")
    campaign_type: CampaignType | None = Field(description="the type asked for; null: both")


def check_range(from_date: date, to_date: date) -> None:
    """A refused range is a 422 like any invalid query parameter (`validation_error`)."""
    problem = None
    if to_date < from_date:
        problem = "'to' must be on or after 'from'"
    elif (to_date - from_date).days >= MAX_RANGE_DAYS:
        problem = f"the range is at most {MAX_RANGE_DAYS} days"
    elif not (in_calendar(from_date) and in_calendar(to_date)):
        problem = f"days from {FIRST_DAY} to {LAST_DAY} only"
    if problem is not None:
        raise RequestValidationError(
            [{"loc": ("query", "to"), "msg": problem, "type": "value_error"}]
        )


@router.get("/funnel", response_model=CampaignFunnel)
async def funnel(
    user: CurrentUser,
    deps: Deps,
    from_date: Annotated[date, Query(alias="from", description="first local day of the runs")],
    to_date: Annotated[date, Query(alias="to", description="last local day, inclusive")],
    campaign_type: CampaignType | None = None,
) -> CampaignFunnel:
    """This salon's campaign runs whose local day is in the range: per campaign type and per run
    (newest first), how many offers were sent, answered, booked and attended, and the revenue."""
    check_range(from_date, to_date)
    types = list(CAMPAIGN_TYPES) if campaign_type is None else [campaign_type]
    async with deps.pool.acquire() as conn:
        found = await campaign_funnel(
            conn,
            tenant_id=user.tenant_id,
            from_date=from_date,
            to_date=to_date,
            campaign_types=types,
        )
    return CampaignFunnel(
        **found.model_dump(), from_date=from_date, to_date=to_date, campaign_type=campaign_type
    )
