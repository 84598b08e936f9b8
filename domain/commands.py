"""Commands are orders to a salon's agenda; each names its result type and carries the id
that makes a repeat safe.

`Command[R]` is generic in its result: `TenantDirectory.send(tenant_id, command)` returns `R`, so
mypy checks every caller against what the salon answers; the salon's handler table maps each
command type to the one part that handles it (actors/salon.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, Literal, TypeVar
from uuid import UUID

from pydantic import AwareDatetime, Field, field_validator, model_validator

from domain.campaigns import CampaignOptions
from domain.models import Agent, AppointmentStatus, LocalTime, Offer, Value
from domain.salon_channel import MAX_DAILY_QUOTA, PHONE_NUMBER_ID, SalonChannel
from domain.salon_profile import SalonProfile
from domain.salon_settings import SalonSettings, SettingsChoice
from domain.schedule import Schedule
from domain.vocabulary import (
    AppointmentMark,
    CampaignTrigger,
    CampaignType,
    Decision,
    DeliveryStatus,
    SentAs,
)
from domain.whatsapp_templates import TemplateKey
from domain.working_hours import WeekHours, WorkingHoursView

R = TypeVar("R")


class Command(Value, Generic[R]):
    """An order to one salon whose handler answers an `R` (both cross Ray as frozen values)."""


def result_type(command_type: type[Command[Any]]) -> type[Any]:
    """The `R` of a `Command[R]` subclass, read from its parametrised base."""
    for base in command_type.__mro__:
        metadata = getattr(base, "__pydantic_generic_metadata__", None)
        if metadata and metadata["origin"] is Command and metadata["args"]:
            found: type[Any] = metadata["args"][0]
            return found
    raise TypeError(f"{command_type.__name__} does not name its result: subclass Command[R]")


# --- results ---------------------------------------------------------------------------------


class AuthRequestCreatedResult(Value):
    auth_request_id: UUID
    created: bool


class DecisionResult(Value):
    """What the seed's confirm endpoint answers; repeats of one decision return the same."""

    status: Literal["success"] = "success"
    decision: Decision
    auth_request_id: UUID
    appointment_id: UUID | None
    client_notification_sent: bool
    # Approving an offer the client has not answered books nothing yet: it is booked and
    # confirmed to the client when they say "sim".
    preapproved: bool = False


class DecisionItem(Value):
    """One decision of a batch: its result, or why it was refused (the error's code)."""

    auth_request_id: UUID
    result: DecisionResult | None = None
    code: str | None = None  # slot_taken, offer_closed, slot_passed, not_found, …
    detail: str | None = None


class DecisionsResult(Value):
    items: list[DecisionItem]


class DeliveryOutcome(Value):
    """What happened to one outbound message: sent, or given up on (`failed`, `skipped`)."""

    message_id: UUID
    status: DeliveryStatus
    attempts: int = Field(ge=0)
    reason: str | None = Field(default=None, max_length=500)
    sent_as: SentAs | None = None
    template: str | None = Field(default=None, max_length=512)  # the template's name at Meta
    error_code: int | None = None  # Meta's
    retry_at: AwareDatetime | None = None  # a deferred message's next attempt
    opt_out: bool = False  # the client stopped marketing on WhatsApp (131050)
    whatsapp_message_id: str | None = Field(default=None, max_length=200)  # a sent one's wamid


class DeliveriesRecorded(Value):
    recorded: int


class SuggestionView(Value):
    client_id: UUID
    client_name: str
    service_id: UUID
    service_name: str
    professional_id: UUID
    professional_name: str
    date: str
    time: str
    price_cents: int
    final_price_cents: int
    offer: Offer | None
    why: str
    auth_request_id: UUID | None = None


class SkipView(Value):
    client_id: UUID
    client_name: str
    reason: str


class CampaignStatsView(Value):
    total_clients_found: int
    suggestions_created: int
    notifications_sent: int
    skipped: dict[str, int]


class CampaignResult(Value):
    run_id: UUID | None
    run_key: str
    campaign_type: CampaignType
    dry_run: bool
    repeated: bool
    stats: CampaignStatsView
    suggestions: list[SuggestionView]
    skips: list[SkipView]


class CampaignRunSummary(Value):
    """A stored campaign run, for the dashboard's results (without its suggestion lists)."""

    run_id: UUID
    campaign_type: CampaignType
    trigger: CampaignTrigger
    created_at: AwareDatetime
    stats: CampaignStatsView


class MessageAccepted(Value):
    message_id: UUID
    conversation_id: UUID
    client_id: UUID
    duplicate: bool
    new_client: bool = False


class OwnerMessageResult(Value):
    message_id: UUID
    conversation_id: UUID
    client_id: UUID


class ConversationAgent(Value):
    """Whether the agent answers a conversation (after the salon gave it back: it does)."""

    conversation_id: UUID
    client_id: UUID
    agent_answers: bool


class WorkResumed(Value):
    answers_scheduled: int
    events_unpublished: int


class AppointmentView(Value):
    """An appointment as the Calendar shows it (the salon's local date and time)."""

    id: UUID
    client_id: UUID
    client_name: str
    professional_id: UUID
    service_id: UUID
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    date: str
    time: str
    status: AppointmentStatus
    status_reason: str | None = None
    price_cents: int
    auth_request_id: UUID | None
    client_confirmed_at: AwareDatetime | None = None


class AppointmentsCompleted(Value):
    completed: int


class RequestsClosed(Value):
    closed: int


class ClientErased(Value):
    """A client's personal data erased: their coming bookings cancelled, open requests closed."""

    client_id: UUID
    appointments_cancelled: int
    requests_closed: int


# --- commands --------------------------------------------------------------------------------


class CreateAuthRequest(Command[AuthRequestCreatedResult]):
    """An agent proposes a booking; nothing is booked until the owner approves it."""

    command_id: str = Field(min_length=1, max_length=200)
    created_by_agent: Agent
    client_id: UUID
    service_id: UUID
    professional_id: UUID
    starts_at: AwareDatetime
    offer: Offer | None = None
    # The client's coming booking this asks to move: approving moves it (no second booking).
    replaces_appointment_id: UUID | None = None


class DecideAuthRequest(Command[DecisionResult]):
    """The owner approves or rejects a pending auth request."""

    request_id: UUID
    decision: Decision
    decided_by: UUID
    notes: str | None = Field(default=None, max_length=2000)


class DecideAuthRequests(Command[DecisionsResult]):
    """Many decisions at once (e.g. every offer of a campaign run), each decided and stored on
    its own: one refused never holds back the others, and each answer is reported."""

    decisions: list[DecideAuthRequest] = Field(min_length=1, max_length=200)


class RecordDeliveries(Command[DeliveriesRecorded]):
    """The sender reports final outcomes; repeats change nothing (only queued rows move)."""

    outcomes: list[DeliveryOutcome] = Field(min_length=1, max_length=1000)


class MemoryCheck(Value):
    """What the salon's memory holds differently from PostgreSQL ("<field>: <key>")."""

    differences: list[str]


class CheckMemory(Command[MemoryCheck]):
    """Compare the salon's agenda in memory with a fresh load from PostgreSQL (changes nothing)."""


class MessageStatusRecorded(Value):
    """What a WhatsApp status report did: `outcome` None when it changed nothing (an id no sent
    message carries: unknown, already failed, or sent again since)."""

    message_id: UUID | None = None
    outcome: Literal["failed", "retry"] | None = None


class ReportMessageStatus(Command[MessageStatusRecorded]):
    """WhatsApp reports that a message it had accepted failed after all (a `failed` status on
    its webhook, with Meta's error code and title)."""

    whatsapp_message_id: str = Field(min_length=1, max_length=200)
    error_code: int | None = None
    error_title: str | None = Field(default=None, max_length=500)
    failed_at: AwareDatetime


class RunCampaign(Command[CampaignResult]):
    """Run Prazo Certo or Encher Agenda for one salon; `run_key` makes a repeat return the first."""

    run_key: str = Field(min_length=1, max_length=200)
    campaign_type: CampaignType
    trigger: CampaignTrigger
    dry_run: bool = False
    options: CampaignOptions
    local_date: date | None = None  # the salon's day a scheduled run is for


class SharedLocation(Value):
    """A location a client shared on WhatsApp."""

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    name: str | None = Field(default=None, max_length=200)
    address: str | None = Field(default=None, max_length=500)


MAX_VOICE_NOTE_BYTES = 2 * 1024 * 1024


class ReceiveMessage(Command[MessageAccepted]):
    """A client's WhatsApp message, as n8n forwarded it; its ids make a repeat a no-op.

    `kind` is WhatsApp's message type ("text", "audio", "image", …, or any other as received);
    for media, `message` is the caption ("" when none) and `audio` a voice note's bytes when n8n
    downloaded them (for the salon's transcription setting)."""

    client_name: str = Field(default="", max_length=200)
    phone: str = Field(min_length=8, max_length=40)
    message: str = Field(default="", max_length=4096)
    channel: Literal["whatsapp"] = "whatsapp"
    sent_at: AwareDatetime
    external_id: str | None = Field(default=None, max_length=200)
    webhook_id: str | None = Field(default=None, max_length=200)
    kind: str = Field(default="text", pattern=r"^[a-z_]{1,32}$")
    media_id: str | None = Field(default=None, max_length=200)
    mime_type: str | None = Field(default=None, max_length=100)
    filename: str | None = Field(default=None, max_length=255)
    location: SharedLocation | None = None
    audio: bytes | None = Field(default=None, max_length=MAX_VOICE_NOTE_BYTES)

    @model_validator(mode="after")
    def _has_words_or_media(self) -> ReceiveMessage:
        if self.kind == "text" and not self.message.strip():
            raise ValueError("a text message needs a non-empty message")
        if self.audio is not None and self.kind != "audio":
            raise ValueError("audio is only taken for an audio message")
        return self


class SendOwnerMessage(Command[OwnerMessageResult]):
    """The salon writes to a client. The same `command_id` again sends nothing twice."""

    command_id: str = Field(min_length=1, max_length=200)
    conversation_id: UUID
    text: str = Field(min_length=1, max_length=4096)
    sent_by: UUID


class ResumeConversation(Command[ConversationAgent]):
    """The salon gives a conversation it took over back to the agent."""

    conversation_id: UUID
    resumed_by: UUID


class SetCampaignSchedule(Command[Schedule]):
    """The owner moves a campaign's time, changes its weekdays, or turns it off."""

    campaign_type: CampaignType
    enabled: bool
    local_time: LocalTime
    weekdays: tuple[int, ...] = Field(min_length=1, max_length=7)

    @field_validator("weekdays")
    @classmethod
    def check_weekdays(cls, weekdays: tuple[int, ...]) -> tuple[int, ...]:
        if any(day < 0 or day > 6 for day in weekdays) or len(set(weekdays)) != len(weekdays):
            raise ValueError("weekdays are distinct numbers 0 (Monday) to 6 (Sunday)")
        return tuple(sorted(weekdays))


class ResumeWork(Command[WorkResumed]):
    """Finish what a dead process left: answer pending messages, publish pending events."""


class MarkAppointment(Command[AppointmentView]):
    """The salon marks a visit completed or no-show, or cancels a booking (with a reason).

    The same mark again changes nothing; a cancellation tells the client unless asked not to.
    """

    appointment_id: UUID
    status: AppointmentMark
    reason: str | None = Field(default=None, max_length=500)
    changed_by: UUID
    notify_client: bool = True


class MoveAppointment(Command[AppointmentView]):
    """The salon moves a booking (same rules as a booking: working hours, no overlap)."""

    appointment_id: UUID
    starts_at: AwareDatetime
    professional_id: UUID | None = None  # another professional, or the same one
    changed_by: UUID
    notify_client: bool = True


class CompleteEndedAppointments(Command[AppointmentsCompleted]):
    """Bookings that ended before `ended_before` and were not marked become completed."""

    ended_before: AwareDatetime
    limit: int = Field(default=500, ge=1, le=5000)


class CloseStaleRequests(Command[RequestsClosed]):
    """Offers not answered in time expire; requests whose time came close (the scheduler's)."""


class ClientExport(Value):
    """Everything the salon holds about one client, as JSON values."""

    data: dict[str, Any]


class ExportClient(Command[ClientExport]):
    """The owner exports a client's data (LGPD access); the export is recorded."""

    client_id: UUID
    exported_by: UUID


class EraseClient(Command[ClientErased]):
    """The owner erases a client's personal data (LGPD): name and phone removed, chats deleted,
    coming bookings cancelled; the appointment rows stay for the salon's books."""

    client_id: UUID
    erased_by: UUID


class ClientConsent(Value):
    """A client's consent to the salon's marketing as it stands."""

    client_id: UUID
    marketing_consent: bool  # an active opt-in
    marketing_opt_out: bool


class RecordConsent(Command[ClientConsent]):
    """The owner records a client's consent to marketing (given in person, on paper…) or its
    revocation, with the words agreed to; the same state again records nothing."""

    client_id: UUID
    granted: bool
    text: str = Field(min_length=1, max_length=1000)
    recorded_by: UUID


class SetWhatsAppChannel(Command[SalonChannel]):
    """The owner states the salon's own channel, whole; its secrets arrive sealed (a secret left
    None is kept unless `clear_…`). A salon URL needs a signing secret of the salon's own."""

    phone_number_id: str | None = Field(default=None, pattern=PHONE_NUMBER_ID)
    n8n_url: str | None = Field(default=None, max_length=2000)
    daily_quota: int | None = Field(default=None, ge=1, le=MAX_DAILY_QUOTA)
    webhook_secret_sealed: bytes | None = None
    clear_webhook_secret: bool = False
    auth_token_sealed: bytes | None = None
    clear_auth_token: bool = False
    set_by: UUID | None = None


class SetSalonProfile(Command[SalonProfile]):
    """The owner states the salon's whole profile (what it leaves out is unknown to the chat)."""

    profile: SalonProfile
    set_by: UUID | None = None


class SetSalonSettings(Command[SalonSettings]):
    """The owner changes the salon's own settings: `fields` of `choice` (a field None goes back
    to the deployment's default), or, with `replace`, the whole choice (what it leaves None
    follows the defaults). Answers the settings the salon uses from now on."""

    choice: SettingsChoice
    fields: tuple[str, ...] = ()
    replace: bool = False

    @field_validator("fields")
    @classmethod
    def known_fields(cls, fields: tuple[str, ...]) -> tuple[str, ...]:
        unknown = set(fields) - set(SettingsChoice.model_fields)
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return fields


class SalonTemplate(Value):
    """A salon's own WhatsApp template: its name at Meta and its text, values by name
    (`Olá, {{first_name}}! …`)."""

    name: str = Field(min_length=1, max_length=512)
    text: str = Field(min_length=1, max_length=1024)


class SalonTemplates(Value):
    """The salon's own templates per purpose (a purpose missing: the shipped template)."""

    templates: dict[TemplateKey, SalonTemplate]


class SetWhatsAppTemplates(Command[SalonTemplates]):
    """The owner states the salon's own templates, whole: a purpose left out uses the shipped
    template. Each is checked as Meta would (values the purpose has, no value first or last)."""

    templates: dict[TemplateKey, SalonTemplate]
    set_by: UUID | None = None


class SetWorkingHours(Command[WorkingHoursView]):
    """The owner states a professional's whole week (domain/working_hours.py); bookings already
    made outside it are kept and reported. The same week again changes nothing."""

    professional_id: UUID
    week: WeekHours
    set_by: UUID | None = None
