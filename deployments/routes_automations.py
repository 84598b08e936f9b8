"""The seed's automation endpoints: run Prazo Certo or Encher Agenda now, or preview them."""

from __future__ import annotations

from typing import Annotated, Literal, Self
from uuid import UUID, uuid4

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator, BaseModel, Field, ValidationError, model_validator

from actors.scheduler import campaign_options as settings_options
from config.settings import Settings
from db.read.campaigns import list_recent_runs, list_schedules
from deployments.auth import CurrentUser, OwnerUser
from deployments.resources import Deps
from deployments.schemas import Body
from domain.campaigns import CampaignOptions
from domain.commands import (
    CampaignResult,
    CampaignRunSummary,
    RunCampaign,
    SetCampaignSchedule,
    SkipView,
    SuggestionView,
)
from domain.models import LocalTime, Offer
from domain.schedule import Schedule
from domain.vocabulary import CampaignType

router = APIRouter(prefix="/api/v1/automations", tags=["automations"])
PERCENT_TYPES = {"discount", "percent", "percentage"}
AMOUNT_TYPES = {"fixed", "amount", "fixed_amount"}
MAX_AMOUNT_CENTS = 100_000


class CampaignContext(Body):
    service_id: UUID | None = None
    professional_id: UUID | None = None
    days_ahead: int | None = Field(default=None, ge=1, le=60)
    offer_type: (
        Literal["discount", "percent", "percentage", "fixed", "amount", "fixed_amount", "none"]
        | None
    ) = Field(
        default=None,
        description="none: this run offers no discount; left out: the salon's default discount"
        " for the campaign (its settings)",
    )
    offer_value: int | None = Field(
        default=None, description="percent (1–100) for discount types; cents for amount types"
    )

    @model_validator(mode="after")
    def check_offer(self) -> Self:
        if self.offer_type == "none":
            if self.offer_value is not None:
                raise ValueError("offer_type none takes no offer_value")
            return self
        if (self.offer_type is None) != (self.offer_value is None):
            raise ValueError("offer_type and offer_value go together")
        if self.offer_type in PERCENT_TYPES and not 1 <= (self.offer_value or 0) <= 100:
            raise ValueError("a percentage offer_value must be between 1 and 100")
        if self.offer_type in AMOUNT_TYPES and not 1 <= (self.offer_value or 0) <= MAX_AMOUNT_CENTS:
            raise ValueError(f"an amount offer_value is in cents, 1 to {MAX_AMOUNT_CENTS}")
        return self

    def offer(self) -> Offer | None:
        if self.offer_type in (None, "none") or self.offer_value is None:
            return None
        kind = "percent" if self.offer_type in PERCENT_TYPES else "amount"
        return Offer(type=kind, value=self.offer_value)


CAMPAIGN_ID = r"^[A-Za-z0-9_.:-]{1,200}$"
RESERVED_PREFIXES = ("schedule:", "bulk:")  # the scheduler's and the bulk job's run keys


def check_campaign_id(value: str | None) -> str | None:
    if value is not None and value.startswith(RESERVED_PREFIXES):
        raise ValueError(f"campaign_id must not start with {' or '.join(RESERVED_PREFIXES)}")
    return value


class PrazoCertoBody(Body):
    campaign_id: Annotated[str | None, AfterValidator(check_campaign_id)] = Field(
        default=None, pattern=CAMPAIGN_ID
    )
    context: CampaignContext = CampaignContext()
    dry_run: bool = False


class EncherAgendaBody(Body):
    campaign_id: Annotated[str | None, AfterValidator(check_campaign_id)] = Field(
        default=None, pattern=CAMPAIGN_ID
    )
    professional_id: UUID | None = None
    context: CampaignContext = CampaignContext()
    dry_run: bool = False


class CampaignResponse(BaseModel):
    status: Literal["success"] = "success"
    campaign_id: str
    run_id: UUID | None
    campaign_type: CampaignType
    dry_run: bool
    repeated: bool
    total_clients_found: int
    suggestions_created: int
    notifications_sent: int
    skipped: dict[str, int]
    suggestions: list[SuggestionView]
    skips: list[SkipView]


def campaign_options(
    settings: Settings, context: CampaignContext, professional_id: UUID | None = None
) -> CampaignOptions:
    """The cluster's campaign settings (as the scheduler uses them), narrowed by the request
    (the salon's own settings add its frequency cap and default discount)."""
    return settings_options(settings).model_copy(
        update={
            "days_ahead": context.days_ahead or settings.campaign_days_ahead,
            "service_id": context.service_id,
            "professional_id": professional_id or context.professional_id,
            "offer": context.offer(),
            "use_default_offer": context.offer_type != "none",
        }
    )


def to_response(result: CampaignResult) -> CampaignResponse:
    return CampaignResponse(
        campaign_id=result.run_key,
        run_id=result.run_id,
        campaign_type=result.campaign_type,
        dry_run=result.dry_run,
        repeated=result.repeated,
        total_clients_found=result.stats.total_clients_found,
        suggestions_created=result.stats.suggestions_created,
        notifications_sent=result.stats.notifications_sent,
        skipped=result.stats.skipped,
        suggestions=result.suggestions,
        skips=result.skips,
    )


async def run(
    deps: Deps,
    user: OwnerUser,
    campaign_type: CampaignType,
    campaign_id: str | None,
    dry_run: bool,
    options: CampaignOptions,
) -> CampaignResponse:
    command = RunCampaign(
        run_key=campaign_id or f"manual:{uuid4()}",
        campaign_type=campaign_type,
        trigger="manual",
        dry_run=dry_run,
        options=options,
    )
    result = await deps.directory.send(user.tenant_id, command)
    return to_response(result)


@router.post("/prazo-certo/execute", response_model=CampaignResponse)
async def prazo_certo(body: PrazoCertoBody, user: OwnerUser, deps: Deps) -> CampaignResponse:
    options = campaign_options(deps.settings, body.context)
    return await run(deps, user, "prazo_certo", body.campaign_id, body.dry_run, options)


@router.post("/encher-agenda/execute", response_model=CampaignResponse)
async def encher_agenda(body: EncherAgendaBody, user: OwnerUser, deps: Deps) -> CampaignResponse:
    options = campaign_options(deps.settings, body.context, body.professional_id)
    return await run(deps, user, "encher_agenda", body.campaign_id, body.dry_run, options)


class ScheduleBody(Body):
    enabled: bool = True
    local_time: LocalTime = Field(description="the salon's local time, HH:MM")
    weekdays: list[int] = Field(min_length=1, max_length=7, description="0 = Monday … 6 = Sunday")


class ScheduleList(BaseModel):
    data: list[Schedule]


class CampaignRunList(BaseModel):
    data: list[CampaignRunSummary]


@router.get("/runs", response_model=CampaignRunList)
async def campaign_runs(
    user: CurrentUser, deps: Deps, limit: Annotated[int, Query(ge=1, le=100)] = 20
) -> CampaignRunList:
    """This salon's latest campaign runs, newest first (scheduled, manual and bulk)."""
    async with deps.pool.acquire() as conn:
        runs = await list_recent_runs(conn, tenant_id=user.tenant_id, limit=limit)
    return CampaignRunList(data=runs)


@router.get("/schedules", response_model=ScheduleList)
async def schedules(user: CurrentUser, deps: Deps) -> ScheduleList:
    """This salon's campaign times (stored, or the defaults: 09:00 daily, 14:00 Mon/Wed/Fri)."""
    async with deps.pool.acquire() as conn:
        found = await list_schedules(conn, tenant_ids=[user.tenant_id])
    return ScheduleList(data=found)


@router.put("/schedules/{campaign_type}", response_model=Schedule)
async def set_schedule(
    campaign_type: CampaignType,
    body: ScheduleBody,
    user: OwnerUser,
    deps: Deps,
) -> Schedule:
    try:
        command = SetCampaignSchedule(
            campaign_type=campaign_type,
            enabled=body.enabled,
            local_time=body.local_time,
            weekdays=tuple(body.weekdays),
        )
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None
    return await deps.directory.send(user.tenant_id, command)
