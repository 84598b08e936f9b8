"""Value objects of one salon's agenda: professionals, services, clients, appointments."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

E164_PATTERN = re.compile(r"^\+[1-9][0-9]{7,14}$")  # ASCII digits only, as PostgreSQL checks
DEFAULT_TIME_ZONE = "America/Sao_Paulo"


def check_e164(phone: str) -> str:
    if not E164_PATTERN.match(phone):
        raise ValueError("phone must be E.164, e.g. +5511987654321")
    return phone


E164Phone = Annotated[str, AfterValidator(check_e164)]


def is_time_zone(name: str) -> bool:
    """An IANA zone this Python knows (tzdata ships with us)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


# The days the agenda reads or writes: further out is a mistake, and date arithmetic overflows.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2199, 12, 31)


def in_calendar(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def _without_offset(value: time) -> time:
    if value.tzinfo is not None:
        raise ValueError("a time of the salon's own day, without an offset (HH:MM)")
    return value


# A time of the salon's day (its own zone): "09:30", never "09:30-03:00".
LocalTime = Annotated[time, AfterValidator(_without_offset)]


class Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Role(StrEnum):
    OWNER = "owner"
    STAFF = "staff"


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class AuthRequestStatus(StrEnum):
    """The owner's side: pending until decided; `closed` when the client's side ended it."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    CLOSED = "closed"


class ClientState(StrEnum):
    """The client's side of a request (see db/migrations/0005_offer_lifecycle.sql)."""

    PROPOSED = "proposed"  # an agent's proposal the client was not asked about
    REQUESTED = "requested"  # the client asked for it in the chat
    OFFERED = "offered"  # a campaign offer sent, not answered yet
    ACCEPTED = "accepted"  # the client said "sim"
    DECLINED = "declined"  # the client said "não"
    EXPIRED = "expired"  # not answered in time, or its time passed
    WITHDRAWN = "withdrawn"  # another booking took its time

    @property
    def closes(self) -> bool:
        return self in (ClientState.DECLINED, ClientState.EXPIRED, ClientState.WITHDRAWN)


class Agent(StrEnum):
    PRAZO_CERTO = "prazo_certo"
    ENCHER_AGENDA = "encher_agenda"
    CHAT = "chat"
    MANUAL = "manual"


class Tenant(Value):
    id: UUID
    name: str
    time_zone: str = DEFAULT_TIME_ZONE


class Professional(Value):
    id: UUID
    name: str
    active: bool = True
    service_ids: frozenset[UUID] = frozenset()


class Service(Value):
    id: UUID
    name: str
    duration_min: int = Field(gt=0, le=600)
    price_cents: int = Field(ge=0)
    return_cycle_days: int | None = Field(default=None, gt=0)


class WorkingHours(Value):
    """One interval of a weekday (0 = Monday); a lunch break is two intervals."""

    professional_id: UUID
    weekday: int = Field(ge=0, le=6)
    start: time
    end: time


class Client(Value):
    id: UUID
    name: str
    phone_e164: E164Phone
    whatsapp_id: str | None = None
    marketing_opt_out: bool = False
    marketing_consent: bool = False  # an active opt-in (needed where the salon requires one)


class Appointment(Value):
    id: UUID
    client_id: UUID
    professional_id: UUID
    service_id: UUID
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    status: AppointmentStatus = AppointmentStatus.BOOKED
    price_cents: int = Field(ge=0)
    auth_request_id: UUID | None = None
    status_reason: str | None = None
    client_confirmed_at: AwareDatetime | None = None  # the client answered a reminder "confirmo"

    @property
    def blocks_time(self) -> bool:
        return self.status != AppointmentStatus.CANCELLED


class Offer(Value):
    """A discount attached to a suggestion: `percent` (0-100) or `amount_cents` off."""

    type: str = Field(pattern="^(percent|amount)$")
    value: int = Field(gt=0)


class AppointmentData(Value):
    """What an auth request proposes, denormalised for the dashboard card (seed's shape)."""

    client_id: UUID
    client_name: str
    service_id: UUID
    service_name: str
    professional_id: UUID
    professional_name: str
    date: str
    time: str
    starts_at: datetime
    ends_at: datetime
    duration_min: int
    price_cents: int
    final_price_cents: int
    offer: Offer | None = None


class AuthRequest(Value):
    id: UUID
    status: AuthRequestStatus
    created_by_agent: Agent
    appointment_data: AppointmentData
    created_at: AwareDatetime
    command_id: str
    decided_at: AwareDatetime | None = None
    decided_by: UUID | None = None
    notes: str | None = None
    appointment_id: UUID | None = None
    campaign_run_id: UUID | None = None  # the campaign run that proposed it, if one did
    client_state: ClientState = ClientState.PROPOSED
    client_state_at: AwareDatetime | None = None
    expires_at: AwareDatetime | None = None  # an offer not answered by then expires
    preapproved_at: AwareDatetime | None = None  # the owner said yes before the client did
    preapproved_by: UUID | None = None
    # A client's "remarcar": approving moves this appointment to the request's time.
    replaces_appointment_id: UUID | None = None

    @property
    def preapproved(self) -> bool:
        return self.preapproved_at is not None
