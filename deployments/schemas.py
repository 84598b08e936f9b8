"""Request and response bodies of the HTTP API (the seed's shapes where it names them)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from domain.models import (
    Agent,
    AppointmentData,
    AppointmentStatus,
    AuthRequestStatus,
    Client,
    ClientState,
    Professional,
    Role,
    Service,
)
from domain.vocabulary import Decision


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AuthRequestOut(BaseModel):
    id: UUID
    status: AuthRequestStatus
    appointment_data: AppointmentData
    created_at: datetime
    created_by_agent: Agent
    client_state: ClientState = Field(description="the client's side: offered, accepted, …")
    preapproved: bool = Field(default=False, description="approved before the client said yes")
    expires_at: datetime | None = None
    campaign_run_id: UUID | None = Field(
        default=None, description="the campaign run that offered it"
    )
    replaces_appointment_id: UUID | None = Field(
        default=None,
        description="the client asked to move this booking: approving moves it (no new booking)",
    )


class PendingAuthRequests(BaseModel):
    data: list[AuthRequestOut]
    next_cursor: str | None = Field(
        default=None,
        description="more are pending: ask again with `cursor` set to this (null: that was all)",
    )


class ConfirmAuthRequestBody(Body):
    decision: Decision
    notes: str | None = Field(default=None, max_length=2000)


class ConfirmAuthRequestResponse(BaseModel):
    status: Literal["success"]
    decision: Decision
    auth_request_id: UUID
    appointment_id: UUID | None
    client_notification_sent: bool
    preapproved: bool = Field(
        default=False,
        description="an offer the client has not answered: booked when they say yes",
    )


class BatchDecision(Body):
    auth_request_id: UUID
    decision: Decision
    notes: str | None = Field(default=None, max_length=2000)


class ConfirmAuthRequestsBody(Body):
    decisions: list[BatchDecision] = Field(min_length=1, max_length=200)

    @field_validator("decisions")
    @classmethod
    def each_request_once(cls, decisions: list[BatchDecision]) -> list[BatchDecision]:
        ids = [d.auth_request_id for d in decisions]
        twice = sorted({str(i) for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"each auth request at most once in a batch: {', '.join(twice)}")
        return decisions


class BatchDecisionOut(BaseModel):
    """One decision of the batch: `status` is what the single endpoint would have answered."""

    auth_request_id: UUID
    status: int = Field(description="200, or the refusal's HTTP status (404, 409, 422)")
    code: str | None = Field(description="the refusal's code: slot_taken, offer_closed, …")
    detail: str | None
    result: ConfirmAuthRequestResponse | None


class ConfirmAuthRequestsResponse(BaseModel):
    data: list[BatchDecisionOut]
    approved: int = Field(description="booked now")
    preapproved: int = Field(description="offers booked when their clients say yes")
    rejected: int
    refused: int = Field(description="items not decided: see their status and code")


class AppointmentOut(BaseModel):
    id: UUID
    client_id: UUID
    client_name: str
    professional_id: UUID
    service_id: UUID
    starts_at: datetime
    ends_at: datetime
    date: str
    time: str
    status: AppointmentStatus
    status_reason: str | None = None
    price_cents: int
    auth_request_id: UUID | None
    client_confirmed_at: datetime | None = Field(
        default=None, description="the client answered a reminder CONFIRMO"
    )


class AppointmentList(BaseModel):
    data: list[AppointmentOut]
    time_zone: str


class ProfessionalList(BaseModel):
    data: list[Professional]


class ServiceList(BaseModel):
    data: list[Service]


class ClientPage(BaseModel):
    data: list[Client]
    total: int
    limit: int
    offset: int


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    checks: dict[str, str]


class Live(BaseModel):
    status: Literal["ok"]


class SessionOut(BaseModel):
    tenant_id: UUID
    tenant_name: str
    time_zone: str
    user_id: UUID
    role: Role
    expires_at: datetime


class SocketTicket(BaseModel):
    ticket: str
    expires_in_s: int
