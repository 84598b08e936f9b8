"""The salon JSON format (`agenda-cheia/salon@1`): how a salon's existing data gets in.

References inside the file use short `key`s; database ids are derived from the tenant id and the
key (uuid5), so importing the same file twice changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Literal
from uuid import NAMESPACE_URL, UUID, uuid5

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

from domain.models import DEFAULT_TIME_ZONE, E164Phone, Role, is_time_zone
from domain.salon_profile import SalonProfile
from domain.vocabulary import ConsentSource
from domain.working_hours import WorkingPeriod, week_problems

FORMAT = "agenda-cheia/salon@1"
Key = str


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TenantPart(_Part):
    id: UUID | None = None
    name: str = Field(min_length=1)
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    time_zone: str = DEFAULT_TIME_ZONE

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if not is_time_zone(value):
            raise ValueError(f"{value!r} is not an IANA time zone, e.g. America/Sao_Paulo")
        return value


class UserPart(_Part):
    key: Key
    name: str
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")
    role: Role


class ServicePart(_Part):
    key: Key
    name: str
    duration_min: int = Field(gt=0, le=600)
    price_cents: int = Field(ge=0)
    return_cycle_days: int | None = Field(default=None, gt=0)


class WorkingHoursPart(_Part):
    weekday: int = Field(ge=0, le=6, description="0 = Monday … 6 = Sunday")
    start: time
    end: time

    @model_validator(mode="after")
    def check_order(self) -> WorkingHoursPart:
        if self.end <= self.start:
            raise ValueError("working hours must end after they start")
        return self


class ProfessionalPart(_Part):
    key: Key
    name: str
    services: list[Key]
    working_hours: list[WorkingHoursPart]

    @model_validator(mode="after")
    def check_week(self) -> ProfessionalPart:
        """The rules the owner's working-hours page holds a week to: no two periods of a day
        overlapping or touching, at most four a day."""
        problems = week_problems(
            WorkingPeriod.model_construct(weekday=h.weekday, start=h.start, end=h.end)
            for h in self.working_hours
        )
        if problems:
            raise ValueError(f"working hours of {self.key}: " + "; ".join(problems))
        return self


class VisitPart(_Part):
    service: Key
    professional: Key
    starts_at: AwareDatetime
    status: Literal["completed", "booked", "cancelled", "no_show"] = "completed"
    price_cents: int | None = Field(default=None, ge=0)


class ConsentPart(_Part):
    """The client's opt-in to the salon's marketing: when, how it was collected, the words they
    agreed to (LGPD asks the salon to show it)."""

    granted_at: AwareDatetime
    source: ConsentSource = "import"
    text: str = Field(min_length=1, max_length=1000)


class ClientPart(_Part):
    key: Key
    name: str
    phone: E164Phone
    whatsapp_id: str | None = None
    marketing_opt_out: bool = False
    # Optional: an opt-in. Never undoes an opt-out or a consent recorded since (chat, owner).
    marketing_consent: ConsentPart | None = None
    visits: list[VisitPart] = []


class SalonFile(_Part):
    format: Literal["agenda-cheia/salon@1"]
    as_of: date = Field(description="the day the file was written; dates can be rebased to today")
    tenant: TenantPart
    users: list[UserPart] = []
    services: list[ServicePart]
    professionals: list[ProfessionalPart]
    clients: list[ClientPart] = []
    # Optional (files written before it still import): the facts the chat tells clients.
    profile: SalonProfile | None = None

    @model_validator(mode="after")
    def check_references(self) -> SalonFile:
        service_keys = {s.key for s in self.services}
        professional_keys = {p.key for p in self.professionals}
        for group, keys in (
            ("services", [s.key for s in self.services]),
            ("professionals", [p.key for p in self.professionals]),
            ("clients", [c.key for c in self.clients]),
            ("users", [u.key for u in self.users]),
        ):
            if len(keys) != len(set(keys)):
                raise ValueError(f"duplicate keys in {group}")
        for professional in self.professionals:
            unknown = set(professional.services) - service_keys
            if unknown:
                raise ValueError(f"professional {professional.key}: unknown services {unknown}")
        for client in self.clients:
            for visit in client.visits:
                if visit.service not in service_keys:
                    raise ValueError(f"client {client.key}: unknown service {visit.service}")
                if visit.professional not in professional_keys:
                    raise ValueError(
                        f"client {client.key}: unknown professional {visit.professional}"
                    )
        clash = find_overlapping_visits(self)
        if clash is not None:
            raise ValueError(clash.describe())
        return self


class FileVisit(_Part):
    """A visit as the file places it: whose, with whom, from when to when."""

    client: Key
    professional: Key
    starts_at: AwareDatetime
    ends_at: AwareDatetime

    def label(self) -> str:
        return f"client {self.client} at {self.starts_at.isoformat()}"


class VisitOverlap(_Part):
    first: FileVisit
    second: FileVisit

    def describe(self) -> str:
        first, second = self.first, self.second
        return (
            f"visits overlap for professional {first.professional}: {first.label()}"
            f" (until {first.ends_at.isoformat()}) and {second.label()}"
        )


def find_overlapping_visits(salon: SalonFile) -> VisitOverlap | None:
    """The first two visits of one professional that overlap (cancelled ones never block)."""
    durations = {s.key: timedelta(minutes=s.duration_min) for s in salon.services}
    placed: dict[tuple[Key, Key, datetime], FileVisit] = {}
    for client in salon.clients:
        for visit in client.visits:
            if visit.status == "cancelled":
                continue
            # The same visit twice is one row (its id comes from these three).
            placed[(client.key, visit.professional, visit.starts_at)] = FileVisit(
                client=client.key,
                professional=visit.professional,
                starts_at=visit.starts_at,
                ends_at=visit.starts_at + durations[visit.service],
            )
    ordered = sorted(placed.values(), key=lambda v: (v.professional, v.starts_at, v.client))
    latest: FileVisit | None = None  # the visit ending last so far, of the same professional
    for current in ordered:
        if latest is not None and latest.professional == current.professional:
            if current.starts_at < latest.ends_at:
                return VisitOverlap(first=latest, second=current)
            if current.ends_at <= latest.ends_at:
                continue
        latest = current
    return None


def tenant_id_of(salon: SalonFile) -> UUID:
    return salon.tenant.id or uuid5(NAMESPACE_URL, f"agenda-cheia:tenant:{salon.tenant.slug}")


def id_for(tenant_id: UUID, kind: str, key: str) -> UUID:
    """Stable id of a keyed record of one tenant: the same file imports to the same rows."""
    return uuid5(tenant_id, f"{kind}:{key}")


def rebase_shift(salon: SalonFile, today: date) -> timedelta:
    """Whole weeks between the file's `as_of` and today, so weekdays keep their meaning."""
    return timedelta(weeks=(today - salon.as_of).days // 7)
