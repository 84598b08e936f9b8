"""One salon's actor: a small core and one part per concern, reached through one typed entry.

`Salon.handle(command)` looks the command's type up in the handler table and returns what that
part answers: the `R` of `Command[R]`. A command's whole path is its part (actors/approvals.py,
appointments.py, campaigns.py, chat_desk.py, deliveries.py, salon_profile.py, salon_hours.py),
its decision in domain/ and its rows in db/; the core (actors/salon_core.py) holds the lock,
the agenda, the commit and publishing for all of them.
This is plain Python: tests build and await it without Ray; `TenantHost` hosts many in a process.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar, cast
from uuid import UUID, uuid4

import asyncpg

from actors.appointments import Appointments
from actors.approvals import Approvals
from actors.campaigns import Campaigns
from actors.chat_desk import ChatDesk, ChatObserver
from actors.client_data import ClientData
from actors.deliveries import Deliveries
from actors.published_marks import PublishedMarks
from actors.salon_core import SalonCore, utc_now
from actors.salon_hours import WorkingHoursDesk
from actors.salon_profile import SalonProfile
from domain.agenda import Agenda
from domain.commands import (
    CheckMemory,
    CloseStaleRequests,
    Command,
    CompleteEndedAppointments,
    CreateAuthRequest,
    DecideAuthRequest,
    DecideAuthRequests,
    EraseClient,
    ExportClient,
    MarkAppointment,
    MemoryCheck,
    MoveAppointment,
    ReceiveMessage,
    RecordConsent,
    RecordDeliveries,
    ReportMessageStatus,
    ResumeConversation,
    ResumeWork,
    RunCampaign,
    SendOwnerMessage,
    SetCampaignSchedule,
    SetSalonProfile,
    SetSalonSettings,
    SetWhatsAppChannel,
    SetWhatsAppTemplates,
    SetWorkingHours,
)
from domain.salon_settings import SalonSettings
from integrations.event_stream import EventStream
from integrations.llm import LanguageModel

R = TypeVar("R")
Handler = Callable[[Any], Awaitable[Any]]


class Salon:
    def __init__(
        self,
        tenant_id: UUID,
        *,
        pool: asyncpg.Pool,
        stream: EventStream,
        llm: LanguageModel | None = None,
        observer: ChatObserver | None = None,
        salon_defaults: SalonSettings | None = None,
        clock: Callable[[], datetime] = utc_now,
        new_id: Callable[[], UUID] = uuid4,
        marks: PublishedMarks | None = None,
    ) -> None:
        self.core = SalonCore(
            tenant_id,
            pool=pool,
            stream=stream,
            defaults=salon_defaults,
            clock=clock,
            new_id=new_id,
            marks=marks,
        )
        self.approvals = Approvals(self.core)
        self.campaigns = Campaigns(self.core)
        self.chat = ChatDesk(self.core, llm=llm, observer=observer)
        self.deliveries = Deliveries(self.core)
        self.appointments = Appointments(self.core)
        self.profile = SalonProfile(self.core)
        self.client_data = ClientData(self.core)
        self.hours = WorkingHoursDesk(self.core)
        # The one handler table: each command type, the part's method that answers it.
        self.handlers: dict[type[Command[Any]], Handler] = {
            CreateAuthRequest: self.approvals.create,
            DecideAuthRequest: self.approvals.decide,
            DecideAuthRequests: self.approvals.decide_many,
            RunCampaign: self.campaigns.run,
            SetCampaignSchedule: self.campaigns.set_schedule,
            ReceiveMessage: self.chat.receive,
            SendOwnerMessage: self.chat.send_owner_message,
            ResumeConversation: self.chat.resume_conversation,
            ResumeWork: self.chat.resume,
            RecordDeliveries: self.deliveries.record,
            ReportMessageStatus: self.deliveries.report_status,
            MarkAppointment: self.appointments.mark,
            MoveAppointment: self.appointments.move,
            CompleteEndedAppointments: self.appointments.complete_ended,
            SetSalonSettings: self.profile.set_settings,
            SetSalonProfile: self.profile.set_profile,
            SetWhatsAppTemplates: self.profile.set_templates,
            SetWhatsAppChannel: self.profile.set_channel,
            SetWorkingHours: self.hours.set_week,
            CloseStaleRequests: self.approvals.close_stale,
            EraseClient: self.client_data.erase,
            ExportClient: self.client_data.export,
            RecordConsent: self.client_data.record_consent,
            CheckMemory: self._check_memory,
        }

    async def _check_memory(self, command: CheckMemory) -> MemoryCheck:
        return MemoryCheck(differences=await self.core.check_memory())

    @property
    def tenant_id(self) -> UUID:
        return self.core.tenant_id

    @property
    def agenda(self) -> Agenda:
        return self.core.agenda

    async def handle(self, command: Command[R]) -> R:
        handler = self.handlers.get(type(command))
        if handler is None:
            raise TypeError(f"a salon has no handler for {type(command).__name__}")
        self.core.touch()
        return cast(R, await handler(command))

    async def activate(self) -> None:
        """Load from PostgreSQL, publish what a previous life left, answer what it left."""
        await self.core.activate()
        await self.chat.answer_pending()

    async def publish_pending(self) -> None:
        await self.core.publish_pending()

    async def drain(self) -> None:
        """Wait until every message received so far is answered (tests, shutdown)."""
        await self.chat.drain()

    @property
    def busy(self) -> bool:
        """Not to be passivated: deciding something, or still answering a client."""
        return self.core.lock.locked() or self.chat.answering

    @property
    def unpublished_count(self) -> int:
        return self.core.unpublished_count

    def idle_for_s(self) -> float:
        return self.core.idle_for_s()
