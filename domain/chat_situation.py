"""What the chat agent looks at before it answers: the client's situation in the salon's agenda
(the campaign offer they may be answering, the slots proposed to them last) and the salon's real
open slots for what they ask. Pure functions over the agenda.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.agenda import Agenda
from domain.chat_context import (
    MAX_PROPOSED,
    Awaiting,
    ChatContext,
    ComingVisit,
    OpenOffer,
    ProposedSlot,
    alternatives_phrase,
)
from domain.chat_rules import Understanding
from domain.errors import OutsideWorkingHoursError, SlotTakenError
from domain.free_time import Busy, check_slot_open, find_free_slots, overlaps
from domain.models import (
    Agent,
    Appointment,
    AppointmentData,
    AppointmentStatus,
    ClientState,
    Service,
)

CAMPAIGN_AGENTS = frozenset({Agent.PRAZO_CERTO, Agent.ENCHER_AGENDA})
PARTS_OF_DAY = {
    "manha": (time(6), time(12)),
    "tarde": (time(12), time(18)),
    "noite": (time(18), time(23, 59)),
}
SEARCH_DAYS = 7
SPREAD = timedelta(hours=1)  # real choices: no two proposals within the hour of one another
LEAD = timedelta(minutes=30)  # the earliest slot the chat offers, from now


@dataclass(frozen=True)
class InboundMessage:
    """A client's message waiting for its answer, with the slots proposed in its conversation."""

    message_id: UUID
    conversation_id: UUID
    client_id: UUID
    body: str
    proposed: list[dict[str, Any]]
    # Until when a person of the salon has the conversation (the agent does not answer).
    paused_until: datetime | None = None
    awaiting: dict[str, Any] | None = None  # the question the agent asked last, if any
    kind: str = "text"  # WhatsApp's message type; `body` is a media's caption
    transcript: str | None = None  # what a voice note says, when transcribed

    def held(self, now: datetime) -> bool:
        return self.paused_until is not None and self.paused_until > now

    @property
    def text(self) -> str:
        """The words the agent reads: the text, a voice note's transcript, a media's caption."""
        return self.transcript or self.body


def chat_context(agenda: Agenda, inbound: InboundMessage, now: datetime) -> ChatContext:
    client = agenda.clients[inbound.client_id]
    # An offer is open while the client has not answered it, it has not expired and its time
    # has not come.
    offers = [
        r
        for r in agenda.pending.values()
        if r.appointment_data.client_id == client.id
        and r.created_by_agent in CAMPAIGN_AGENTS
        and r.client_state == ClientState.OFFERED
        and r.appointment_data.starts_at > now
        and (r.expires_at is None or r.expires_at > now)
    ]
    offer = max(offers, key=lambda r: r.created_at, default=None)
    return ChatContext(
        salon_name=agenda.tenant.name,
        time_zone=agenda.time_zone,
        client_first_name=client.name.split(" ")[0],
        today=agenda.local_date(now),
        now=now,
        services=tuple(sorted(agenda.services.values(), key=lambda s: s.name)),
        # Slots proposed earlier whose time has come are no longer on offer.
        proposed=tuple(
            slot
            for slot in (ProposedSlot.model_validate(p) for p in inbound.proposed)
            if slot.starts_at > now
        ),
        open_offer=None
        if offer is None
        else OpenOffer(
            auth_request_id=offer.id,
            service_name=offer.appointment_data.service_name,
            professional_name=offer.appointment_data.professional_name,
            starts_at=offer.appointment_data.starts_at,
            preapproved=offer.preapproved,
        ),
        visit=coming_visit(agenda, client.id, now),
        bookings=client_bookings(agenda, client.id, now),
        awaiting=None if inbound.awaiting is None else Awaiting.model_validate(inbound.awaiting),
        profile=agenda.profile,
        hours=agenda.opening_hours(),
        closed_days=agenda.settings.closed_days,
    )


def client_bookings(agenda: Agenda, client_id: UUID, now: datetime) -> tuple[ComingVisit, ...]:
    """The client's bookings from two hours ago on (one under way still counts for "cheguei"),
    in time order."""
    since = now - timedelta(hours=2)
    mine = sorted(
        (
            a
            for a in agenda.upcoming.values()
            if a.client_id == client_id
            and a.status == AppointmentStatus.BOOKED
            and a.starts_at > since
        ),
        key=lambda a: a.starts_at,
    )
    return tuple(_visit(agenda, a) for a in mine)


def _visit(agenda: Agenda, appointment: Appointment) -> ComingVisit:
    service = agenda.services.get(appointment.service_id)
    professional = agenda.professionals.get(appointment.professional_id)
    return ComingVisit(
        appointment_id=appointment.id,
        service_id=appointment.service_id,
        professional_id=appointment.professional_id,
        service_name=service.name if service else "",
        professional_name=professional.name if professional else "",
        starts_at=appointment.starts_at,
        confirmed=appointment.client_confirmed_at is not None,
    )


def coming_visit(agenda: Agenda, client_id: UUID, now: datetime) -> ComingVisit | None:
    """The client's next booking if it starts soon enough for a reminder to have reached them
    (the salon's first reminder lead, at least a day, plus half a day): what "confirmo",
    "cancelar" and "remarcar" are about."""
    lead_h = max(agenda.settings.reminder_leads_h(), default=0)
    horizon = now + timedelta(hours=max(lead_h, 24) + 12)
    coming = [
        a
        for a in agenda.upcoming.values()
        if a.client_id == client_id
        and a.status == AppointmentStatus.BOOKED
        and now < a.starts_at <= horizon
    ]
    first = min(coming, key=lambda a: a.starts_at, default=None)
    return None if first is None else _visit(agenda, first)


class Openings:
    """The salon's open slots as the chat offers them, at one moment (`now`)."""

    def __init__(self, agenda: Agenda, now: datetime, also_busy: Sequence[Busy] = ()) -> None:
        self._agenda = agenda
        self._now = now
        self._busy = agenda.busy() + list(also_busy)

    def for_request(
        self, understanding: Understanding, proposed: Sequence[ProposedSlot]
    ) -> list[ProposedSlot]:
        """Up to three open slots for the service asked (or that of the slots proposed last)."""
        service_id = understanding.service_id or (proposed[0].service_id if proposed else None)
        service = self._agenda.services.get(service_id) if service_id else None
        if service is None:
            return []
        return self._propose(understanding, service)

    def is_open(self, slot: ProposedSlot) -> bool:
        """Still free: an active professional's, not booked, not proposed to anyone else, inside
        working hours."""
        service = self._agenda.services.get(slot.service_id)
        professional = self._agenda.professionals.get(slot.professional_id)
        if service is None or professional is None or not professional.active:
            return False
        if slot.starts_at < self._now + LEAD:  # proposed earlier, its time has come meanwhile
            return False
        ends_at = slot.starts_at + timedelta(minutes=service.duration_min)
        if any(
            b.professional_id == slot.professional_id
            and overlaps(b.starts_at, b.ends_at, slot.starts_at, ends_at)
            for b in self._busy
        ):
            return False
        try:
            check_slot_open(
                appointments=self._agenda.upcoming.values(),
                hours=self._agenda.working_hours,
                professional_id=slot.professional_id,
                starts_at=slot.starts_at,
                ends_at=ends_at,
                time_zone=self._agenda.time_zone,
                closed_days=self._agenda.settings.closed_days,
            )
        except (SlotTakenError, OutsideWorkingHoursError):
            return False
        return True

    def nearest(
        self, service_id: UUID, professional_id: UUID, around: datetime
    ) -> list[ProposedSlot]:
        """Up to three open slots nearest `around` for the service: with the same professional
        that day, anyone that day, the same professional that week, anyone that week — the first
        of these that has any, in time order."""
        local = around.astimezone(self._agenda.zone)
        that_day = Understanding(
            intent="booking",
            opt_out=False,
            affirmative=False,
            negative=False,
            service_id=service_id,
            professional_id=professional_id,
            day=local.date(),
            at=local.time(),
            part_of_day=None,
        )
        anyone = {"professional_id": None}
        week = {"day": None}
        for wanted in (
            that_day,
            that_day.model_copy(update=anyone),
            that_day.model_copy(update=week),
            that_day.model_copy(update=anyone | week),
        ):
            if found := self.for_request(wanted, ()):
                return sorted(found, key=lambda slot: slot.starts_at)
        return []

    def _window(self, understanding: Understanding) -> tuple[datetime, datetime]:
        earliest = self._now + LEAD
        if understanding.day is None:
            return earliest, earliest + timedelta(days=SEARCH_DAYS)
        start = datetime.combine(understanding.day, time(0), ZoneInfo(self._agenda.time_zone))
        return max(start, earliest), start + timedelta(days=1)

    def _propose(self, understanding: Understanding, service: Service) -> list[ProposedSlot]:
        """The asked time first, then the nearest ones; distinct times."""
        start, end = self._window(understanding)
        zone = ZoneInfo(self._agenda.time_zone)
        part = PARTS_OF_DAY.get(understanding.part_of_day or "")
        candidates: list[ProposedSlot] = []
        for professional in self._agenda.professionals.values():
            if not professional.active or understanding.professional_id not in (
                None,
                professional.id,
            ):
                continue
            if professional.service_ids and service.id not in professional.service_ids:
                continue
            for slot in find_free_slots(
                hours=self._agenda.working_hours,
                busy=self._busy,
                professional_id=professional.id,
                start=start,
                end=end,
                duration_min=service.duration_min,
                time_zone=self._agenda.time_zone,
            ):
                local = slot.starts_at.astimezone(zone).time()
                if part is not None and not part[0] <= local < part[1]:
                    continue
                candidates.append(
                    ProposedSlot(
                        service_id=service.id,
                        professional_id=professional.id,
                        starts_at=slot.starts_at,
                        service_name=service.name,
                        professional_name=professional.name,
                    )
                )
        wanted = understanding.at

        def distance(slot: ProposedSlot) -> tuple[float, datetime]:
            if wanted is None:
                return 0.0, slot.starts_at
            local = slot.starts_at.astimezone(zone)
            target = datetime.combine(local.date(), wanted, zone)
            return abs((local - target).total_seconds()), slot.starts_at

        chosen: list[ProposedSlot] = []
        for proposed in sorted(candidates, key=distance):
            if all(abs(proposed.starts_at - other.starts_at) >= SPREAD for other in chosen):
                chosen.append(proposed)
            if len(chosen) == MAX_PROPOSED:
                break
        return sorted(chosen, key=lambda s: s.starts_at) if wanted is None else chosen


@dataclass(frozen=True)
class Alternatives:
    """Open slots offered instead of a time the client cannot have, and their words."""

    slots: tuple[ProposedSlot, ...]
    phrase: str  # "" when there is none


def alternatives_to(
    agenda: Agenda, *, service_id: UUID, professional_id: UUID, around: datetime, now: datetime
) -> Alternatives:
    """The open slots nearest `around` for the service: with the same professional that
    day, anyone that day, the same professional that week, anyone that week — the first of these
    that has any, in time order. The lost time itself is never offered back."""
    service = agenda.services.get(service_id)
    if service is None:
        return Alternatives((), "")
    lost = Busy(
        professional_id=professional_id,
        starts_at=around,
        ends_at=around + timedelta(minutes=service.duration_min),
    )
    openings = Openings(agenda, now, also_busy=(lost,))
    slots = tuple(openings.nearest(service_id, professional_id, around))
    today = agenda.local_date(now)
    return Alternatives(slots, alternatives_phrase(slots, time_zone=agenda.time_zone, today=today))


def alternatives_for(agenda: Agenda, data: AppointmentData, now: datetime) -> Alternatives:
    """`alternatives_to` a requested or offered time."""
    return alternatives_to(
        agenda,
        service_id=data.service_id,
        professional_id=data.professional_id,
        around=data.starts_at,
        now=now,
    )
