"""One salon's live agenda: all the state its actor holds, and the one way it changes.

`db/agenda.py` loads it; decisions read it and say what changes as an `AgendaChange`; the actor
applies that change only after PostgreSQL committed it, so memory never runs ahead of the truth.
(A row memory did not know, read from PostgreSQL, may be added as read: it is the truth too.)
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.client_book import ClientBook
from domain.errors import NotFoundError
from domain.free_time import Busy, busy_from, closed_busy
from domain.models import (
    Appointment,
    AppointmentStatus,
    AuthRequest,
    Client,
    Professional,
    Service,
    Tenant,
    WorkingHours,
)
from domain.phones import equivalent_phones
from domain.salon_profile import OpeningPeriod, SalonProfile, opening_hours
from domain.salon_settings import SalonSettings
from domain.vocabulary import ConsentSource


@dataclass(frozen=True)
class AppointmentUpdate:
    """An appointment as it was, and as it is now (stored only if it still was as it was)."""

    before: Appointment
    after: Appointment
    changed_by: UUID | None = None  # None: it completed by itself


@dataclass(frozen=True)
class ConsentChange:
    """A client granted (opt-in) or revoked (opt-out) consent to the salon's marketing; `text`:
    the words they agreed to or used."""

    client_id: UUID
    granted: bool
    source: ConsentSource
    text: str | None = None
    recorded_by: UUID | None = None  # the person of the salon who recorded it


@dataclass(frozen=True)
class WeekReplaced:
    """A professional's working hours, replaced whole (none: not working any day)."""

    professional_id: UUID
    hours: tuple[WorkingHours, ...]


@dataclass(frozen=True)
class AgendaChange:
    """What a committed command changed in the salon's memory."""

    clients_added: tuple[Client, ...] = ()
    requests_added: tuple[AuthRequest, ...] = ()
    requests_decided: tuple[AuthRequest, ...] = ()  # no longer pending (decided or closed)
    requests_updated: tuple[AuthRequest, ...] = ()  # still pending: accepted, pre-approved
    appointments_added: tuple[Appointment, ...] = ()
    appointments_updated: tuple[AppointmentUpdate, ...] = ()  # marked or moved
    consents: tuple[ConsentChange, ...] = ()  # clients who opted in to or out of marketing
    clients_erased: tuple[UUID, ...] = ()  # personal data erased: no longer a client here
    # (client, WhatsApp id as received) for clients stored without one: kept from now on.
    whatsapp_ids: tuple[tuple[UUID, str], ...] = ()
    settings: tuple[SalonSettings, ...] = ()  # the salon's settings changed: the last one holds
    profiles: tuple[SalonProfile, ...] = ()  # the salon's profile changed: the last one holds
    weeks: tuple[WeekReplaced, ...] = ()  # professionals' working hours, replaced in this order

    @property
    def clients_opted_out(self) -> tuple[UUID, ...]:
        return tuple(c.client_id for c in self.consents if not c.granted)

    @property
    def clients_opted_in(self) -> tuple[UUID, ...]:
        return tuple(c.client_id for c in self.consents if c.granted)

    def plus(self, other: AgendaChange) -> AgendaChange:
        """Both changes, as one (a command whose decision composes two)."""
        return AgendaChange(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


@dataclass
class Agenda:
    """Professionals, services, hours, clients, upcoming appointments, pending requests, the
    salon's settings (the deployment's defaults overridden by the owner's choices) and profile."""

    tenant: Tenant
    professionals: dict[UUID, Professional]
    services: dict[UUID, Service]
    working_hours: list[WorkingHours]
    clients: MutableMapping[UUID, Client]  # kept as a ClientBook (compact)
    upcoming: dict[UUID, Appointment]
    pending: dict[UUID, AuthRequest]
    settings: SalonSettings = field(default_factory=SalonSettings)
    profile: SalonProfile = field(default_factory=SalonProfile)

    def __post_init__(self) -> None:
        if not isinstance(self.clients, ClientBook):
            self.clients = ClientBook(self.clients.values())

    @property
    def client_book(self) -> ClientBook:
        """The clients as the book they are kept in (again one if a caller replaced them)."""
        if not isinstance(self.clients, ClientBook):  # __post_init__ made it one
            self.clients = ClientBook(self.clients.values())
        return self.clients

    @property
    def time_zone(self) -> str:
        return self.tenant.time_zone

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def apply(self, change: AgendaChange) -> None:
        for client in change.clients_added:
            self.clients[client.id] = client
        for request in change.requests_added:
            self.pending[request.id] = request
        for request in change.requests_decided:
            self.pending.pop(request.id, None)
        for request in change.requests_updated:
            self.pending[request.id] = request
        for appointment in change.appointments_added:
            self.upcoming[appointment.id] = appointment
        for appointment in (update.after for update in change.appointments_updated):
            # A cancelled one frees its time at once; an old one memory did not hold stays out.
            if appointment.status == AppointmentStatus.CANCELLED:
                self.upcoming.pop(appointment.id, None)
            elif appointment.id in self.upcoming or appointment.status == AppointmentStatus.BOOKED:
                self.upcoming[appointment.id] = appointment
        for consent in change.consents:
            if (known := self.clients.get(consent.client_id)) is not None:
                self.clients[consent.client_id] = known.model_copy(
                    update={
                        "marketing_opt_out": not consent.granted,
                        "marketing_consent": consent.granted,
                    }
                )
        for client_id in change.clients_erased:
            self.clients.pop(client_id, None)
        for client_id, whatsapp_id in change.whatsapp_ids:
            if (known := self.clients.get(client_id)) is not None and not known.whatsapp_id:
                self.clients[client_id] = known.model_copy(update={"whatsapp_id": whatsapp_id})
        if change.settings:
            self.settings = change.settings[-1]
        if change.profiles:
            self.profile = change.profiles[-1]
        for week in change.weeks:
            self.working_hours = [
                h for h in self.working_hours if h.professional_id != week.professional_id
            ] + list(week.hours)

    def opening_hours(self) -> tuple[OpeningPeriod, ...]:
        """The owner's opening hours, else those of the professionals working here."""
        active = [p.id for p in self.professionals.values() if p.active]
        return opening_hours(self.profile, self.working_hours, active)

    def busy(self) -> list[Busy]:
        """Time that cannot be offered: bookings, slots already proposed to someone, and the
        salon's closed days."""
        closed = closed_busy(self.settings.closed_days, self.professionals, self.time_zone)
        return (
            closed
            + busy_from(self.upcoming.values())
            + [
                Busy(
                    professional_id=r.appointment_data.professional_id,
                    starts_at=r.appointment_data.starts_at,
                    ends_at=r.appointment_data.ends_at,
                )
                for r in self.pending.values()
            ]
        )

    def booked_client_ids(self) -> frozenset[UUID]:
        """Clients with a booking not yet marked (a visit that happened is marked completed)."""
        return frozenset(
            a.client_id for a in self.upcoming.values() if a.status == AppointmentStatus.BOOKED
        )

    def pending_client_ids(self) -> frozenset[UUID]:
        return frozenset(r.appointment_data.client_id for r in self.pending.values())

    def client_with_phone(self, phone_e164: str, whatsapp_id: str) -> Client | None:
        """The client with this E.164 number (a Brazilian mobile also stored without its ninth
        digit), else with this WhatsApp id exactly as received; ranked as
        `db/clients.find_by_phone` ranks them: the phone's forms in order, then the WhatsApp id,
        then the smallest client id."""
        return self.client_book.with_phone(equivalent_phones(phone_e164), whatsapp_id)

    def booking_parts(
        self, client_id: UUID, service_id: UUID, professional_id: UUID
    ) -> tuple[Client, Service, Professional]:
        """The three things a booking names, or NotFoundError saying which is missing."""
        client = self.clients.get(client_id)
        service = self.services.get(service_id)
        professional = self.professionals.get(professional_id)
        if client is None:
            raise NotFoundError("client not found in this salon")
        if service is None:
            raise NotFoundError("service not found in this salon")
        if professional is None:
            raise NotFoundError("professional not found in this salon")
        return client, service, professional
