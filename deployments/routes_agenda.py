"""The Calendar and the dashboard's tables (read-only queries), and the salon marking or moving
an appointment (through the salon's actor)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from datetime import date as date_type
from datetime import time as time_type
from typing import Annotated, Any, Self
from uuid import UUID
from zoneinfo import ZoneInfo

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import AwareDatetime, BaseModel, Field, model_validator

from db.read.agenda import (
    client_names,
    get_tenant,
    list_appointments,
    list_clients,
    list_professionals,
    list_services,
)
from deployments.auth import CurrentUser, OwnerUser
from deployments.resources import Deps
from deployments.schemas import (
    AppointmentList,
    AppointmentOut,
    Body,
    ClientPage,
    ProfessionalList,
    ServiceList,
)
from domain.commands import (
    ClientConsent,
    EraseClient,
    ExportClient,
    MarkAppointment,
    MoveAppointment,
    RecordConsent,
)
from domain.models import FIRST_DAY, LAST_DAY, in_calendar
from domain.vocabulary import AppointmentMark

MAX_OFFSET = 10_000_000  # more is not a page anyone asks for (and overflows a bigint)
router = APIRouter(prefix="/api/v1", tags=["agenda"])
MAX_RANGE_DAYS = 62


@router.get("/appointments", response_model=AppointmentList)
async def appointments(
    user: CurrentUser,
    deps: Deps,
    from_date: Annotated[date, Query(alias="from", description="first local day")],
    to_date: Annotated[date, Query(alias="to", description="last local day, inclusive")],
    professional_id: UUID | None = None,
) -> AppointmentList:
    if to_date < from_date or (to_date - from_date).days >= MAX_RANGE_DAYS:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"'to' must be on or after 'from' and the range at most {MAX_RANGE_DAYS} days",
        )
    if not (in_calendar(from_date) and in_calendar(to_date)):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"days from {FIRST_DAY} to {LAST_DAY} only"
        )
    async with deps.pool.acquire() as conn:
        tenant = await get_tenant(conn, tenant_id=user.tenant_id)
        zone = ZoneInfo(tenant.time_zone)
        found = await list_appointments(
            conn,
            tenant_id=user.tenant_id,
            starts_from=datetime.combine(from_date, time.min, zone),
            starts_before=datetime.combine(to_date + timedelta(days=1), time.min, zone),
            professional_id=professional_id,
        )
        names = await client_names(
            conn, tenant_id=user.tenant_id, client_ids=list({a.client_id for a in found})
        )
    data = []
    for a in found:
        local = a.starts_at.astimezone(zone)
        data.append(
            AppointmentOut(
                **a.model_dump(),
                client_name=names.get(a.client_id, ""),
                date=local.date().isoformat(),
                time=local.strftime("%H:%M"),
            )
        )
    return AppointmentList(data=data, time_zone=tenant.time_zone)


@router.get("/professionals", response_model=ProfessionalList)
async def professionals(user: CurrentUser, deps: Deps) -> ProfessionalList:
    async with deps.pool.acquire() as conn:
        return ProfessionalList(data=await list_professionals(conn, tenant_id=user.tenant_id))


@router.get("/services", response_model=ServiceList)
async def services(user: CurrentUser, deps: Deps) -> ServiceList:
    async with deps.pool.acquire() as conn:
        return ServiceList(data=await list_services(conn, tenant_id=user.tenant_id))


@router.get("/clients", response_model=ClientPage)
async def clients(
    user: CurrentUser,
    deps: Deps,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    search: Annotated[str | None, Query(max_length=100)] = None,
) -> ClientPage:
    async with deps.pool.acquire() as conn:
        page, total = await list_clients(
            conn, tenant_id=user.tenant_id, limit=limit, offset=offset, search=search
        )
    return ClientPage(data=page, total=total, limit=limit, offset=offset)


class ClientErasedOut(BaseModel):
    client_id: UUID
    appointments_cancelled: int = Field(description="coming bookings cancelled")
    requests_closed: int = Field(description="open offers and requests closed")


@router.get("/clients/{client_id}/export", response_model=dict[str, Any])
async def export_client(client_id: UUID, user: OwnerUser, deps: Deps) -> dict[str, Any]:
    """Everything the salon holds about one client (LGPD access; owner only): profile,
    appointments, offers and requests, chat messages, WhatsApp messages sent, marketing consent
    and past data requests. Recorded in the client's data-request trail."""
    exported = await deps.directory.send(
        user.tenant_id, ExportClient(client_id=client_id, exported_by=user.sub)
    )
    return exported.data


@router.post("/clients/{client_id}/erase", response_model=ClientErasedOut)
async def erase_client(client_id: UUID, user: OwnerUser, deps: Deps) -> ClientErasedOut:
    """Erase a client's personal data (LGPD; owner only): name replaced by "Cliente removido",
    phone and WhatsApp id removed, chats and unsent messages deleted, message texts and the
    client's words removed from stored events, coming bookings cancelled; past appointments stay
    for the salon's books. A client already erased is 404."""
    erased = await deps.directory.send(
        user.tenant_id, EraseClient(client_id=client_id, erased_by=user.sub)
    )
    return ClientErasedOut(**erased.model_dump())


class ConsentBody(Body):
    granted: bool = Field(description="true: the client opts in to offers; false: opts out")
    text: str = Field(
        min_length=1,
        max_length=1000,
        description="what the client agreed to, and how (e.g. 'Autorizou ofertas por WhatsApp"
        " na ficha de cadastro, 05/12')",
    )


@router.post("/clients/{client_id}/consent", response_model=ClientConsent)
async def record_client_consent(
    client_id: UUID, body: ConsentBody, user: OwnerUser, deps: Deps
) -> ClientConsent:
    """Record a client's consent to the salon's offers, or its revocation (owner only), with the
    words agreed to: kept in the client's consent history (`source: owner`). Offers reach only
    clients with an active opt-in where the salon requires it (`require_marketing_consent`)."""
    command = RecordConsent(
        client_id=client_id, granted=body.granted, text=body.text, recorded_by=user.sub
    )
    return await deps.directory.send(user.tenant_id, command)


class MarkBody(Body):
    status: AppointmentMark
    reason: str | None = Field(default=None, max_length=500)
    notify_client: bool = Field(default=True, description="a cancellation is told to the client")


class MoveBody(Body):
    """The new start: `starts_at` (with its offset), or `date` and `time` in the salon's zone."""

    starts_at: AwareDatetime | None = None
    date: date_type | None = None
    time: time_type | None = None
    professional_id: UUID | None = Field(default=None, description="another professional")
    notify_client: bool = True

    @model_validator(mode="after")
    def one_start(self) -> Self:
        if (self.starts_at is None) == (self.date is None or self.time is None):
            raise ValueError("give either starts_at, or date and time (the salon's local time)")
        return self


@router.post(
    "/appointments/{appointment_id}/status",
    response_model=AppointmentOut,
    responses={404: {"description": "unknown"}, 409: {"description": "illegal transition"}},
)
async def mark_appointment(
    appointment_id: UUID, body: MarkBody, user: CurrentUser, deps: Deps
) -> AppointmentOut:
    """Mark a visit completed or no-show, or cancel a booking (owner and staff)."""
    command = MarkAppointment(
        appointment_id=appointment_id,
        status=body.status,
        reason=body.reason,
        changed_by=user.sub,
        notify_client=body.notify_client,
    )
    view = await deps.directory.send(user.tenant_id, command)
    return AppointmentOut(**view.model_dump())


@router.post(
    "/appointments/{appointment_id}/move",
    response_model=AppointmentOut,
    responses={404: {"description": "unknown"}, 409: {"description": "slot taken or started"}},
)
async def move_appointment(
    appointment_id: UUID, body: MoveBody, user: CurrentUser, deps: Deps
) -> AppointmentOut:
    """Move a booking (owner and staff): the same rules as a booking."""
    starts_at = body.starts_at
    if starts_at is None and body.date is not None and body.time is not None:
        async with deps.pool.acquire() as conn:
            tenant = await get_tenant(conn, tenant_id=user.tenant_id)
        starts_at = datetime.combine(body.date, body.time, ZoneInfo(tenant.time_zone))
    command = MoveAppointment(
        appointment_id=appointment_id,
        starts_at=starts_at,
        professional_id=body.professional_id,
        changed_by=user.sub,
        notify_client=body.notify_client,
    )
    view = await deps.directory.send(user.tenant_id, command)
    return AppointmentOut(**view.model_dump())
