"""Events in the past tense, one envelope for all, parsed by one discriminated union."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, cast, get_args
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter

from domain.models import Agent, AppointmentData
from domain.vocabulary import (
    CampaignType,
    ConsentSource,
    Engine,
    HandoffReason,
    Intent,
    MessageKind,
    NoticeKind,
    SalonTopic,
    SeedIntent,
    SentAs,
)
from domain.working_hours import WorkingPeriod

# Serialised events always carry every key: generated client types mark them all as present.
STRICT_OUTPUT = ConfigDict(
    frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
)


class EventData(BaseModel):
    model_config = STRICT_OUTPUT


ClientStateName = Literal[
    "proposed", "requested", "offered", "accepted", "declined", "expired", "withdrawn"
]


class AuthRequestView(EventData):
    id: UUID
    appointment_data: AppointmentData
    created_by_agent: Agent
    created_at: datetime
    client_state: ClientStateName = "proposed"  # the client's side: a campaign offer is "offered"
    expires_at: datetime | None = None
    campaign_run_id: UUID | None = None  # the campaign run that offered it
    replaces_appointment_id: UUID | None = None  # a client's "remarcar": approving moves it


class AuthRequestCreatedData(EventData):
    auth_request: AuthRequestView


class AuthRequestUpdatedData(EventData):
    """The client's side of a request changed (accepted, declined, expired, withdrawn), or the
    owner pre-approved an offer; `status` is `closed` once the client's side ended it."""

    auth_request_id: UUID
    status: Literal["pending", "approved", "rejected", "closed"]
    client_state: ClientStateName
    preapproved: bool = False
    expires_at: datetime | None = None


class AuthRequestRejectedData(EventData):
    auth_request_id: UUID
    notes: str | None = None


class AppointmentCreatedData(EventData):
    appointment_id: UUID
    auth_request_id: UUID | None = None
    client_id: UUID
    client_name: str = ""
    professional_id: UUID
    professional_name: str = ""
    service_id: UUID
    service_name: str
    date: str
    time: str
    starts_at: datetime
    ends_at: datetime
    price_cents: int = 0


class AppointmentUpdatedData(EventData):
    """An appointment was marked (completed, no-show, cancelled) or moved; `changed_by` is None
    when it completed by itself after it ended."""

    appointment_id: UUID
    status: Literal["booked", "completed", "cancelled", "no_show"]
    previous_status: Literal["booked", "completed", "cancelled", "no_show"]
    reason: str | None = None
    changed_by: UUID | None = None
    client_id: UUID
    client_name: str
    professional_id: UUID
    professional_name: str
    service_id: UUID
    service_name: str
    date: str
    time: str
    starts_at: datetime
    ends_at: datetime
    moved_from: datetime | None = None  # the start before a move
    price_cents: int
    client_confirmed_at: datetime | None = None  # the client answered a reminder "confirmo"
    by_client: bool = False  # the client changed it on WhatsApp (confirmed or cancelled)


class AiResponseData(EventData):
    conversation_id: UUID
    client_id: UUID
    message: str
    intent: SeedIntent  # the seed's five; what the agent read exactly is `intent_detail`
    booking_created: bool
    auth_request_id: UUID | None = None  # a booking created, or a campaign offer accepted
    engine: Engine | None = None
    message_id: UUID | None = None  # the stored reply (the Chat page's REST list has the same id)
    # The agent's own intent: the seed's five and cancel, reschedule, handoff, late, salon_info
    # (each maps to `intent` as domain.vocabulary.SEED_INTENT says).
    intent_detail: Intent | None = None


class MessageReceivedData(EventData):
    """A client wrote on WhatsApp (the Chat page shows it before the agent answers)."""

    conversation_id: UUID
    message_id: UUID
    client_id: UUID
    client_name: str
    message: str  # the text, or a media's caption ("" when none)
    new_client: bool = False
    kind: str = "text"  # WhatsApp's message type: text, audio, image, location, sticker, …


class OwnerMessageSentData(EventData):
    conversation_id: UUID
    message_id: UUID
    client_id: UUID
    message: str


class ComplaintReceivedData(EventData):
    """A client complained: the owner should answer personally (the agent sells nothing)."""

    conversation_id: UUID
    client_id: UUID
    client_name: str
    message: str


class ClientNoticeData(EventData):
    """Something in a client's message the salon should know, tied to their booking when there
    is one: late (`minutes` when said), on the way, arrived; a question about the salon its
    profile does not answer (`topics`); a voice note, image or other media (`media_kind`)."""

    conversation_id: UUID
    client_id: UUID
    client_name: str
    kind: NoticeKind | Literal["missing_fact", "media"]
    message: str = ""  # the client's words (a caption or a transcript for media)
    message_id: UUID | None = None  # the client's message (the Chat page's list has it)
    appointment_id: UUID | None = None
    starts_at: AwareDatetime | None = None
    # The booking as the salon reads it: its service, professional, local date and time.
    service_name: str | None = None
    professional_name: str | None = None
    date: str | None = None  # YYYY-MM-DD, the salon's time zone
    time: str | None = None  # HH:MM
    minutes: int | None = None
    topics: list[SalonTopic] = []
    media_kind: str | None = None


class SalonProfileUpdatedData(EventData):
    """The owner changed the salon's profile (the facts the chat tells clients)."""

    updated_by: UUID | None = None


class WorkingHoursUpdatedData(EventData):
    """The owner changed a professional's working hours (`periods`: the whole week; a weekday
    without one is a day off); `bookings_outside_count` coming bookings fall outside them."""

    professional_id: UUID
    professional_name: str
    periods: list[WorkingPeriod]
    bookings_outside_count: int = 0
    updated_by: UUID | None = None


class ClientOptedOutData(EventData):
    """The client stopped the salon's offers: in the chat, or on WhatsApp itself (Meta answered
    131050 to a marketing message)."""

    client_id: UUID
    source: ConsentSource | None = None


class ClientErasedData(EventData):
    """A client's personal data was erased (LGPD) by `erased_by`."""

    client_id: UUID
    erased_by: UUID | None = None


class ClientOptedInData(EventData):
    """The client consented to the salon's offers (asked for them in the chat, or the owner
    recorded their consent)."""

    client_id: UUID
    source: ConsentSource | None = None


class ConversationPausedData(EventData):
    """A person of the salon has the conversation until `paused_until`: the agent stays quiet
    (the client asked for a person, complained, or the salon wrote in it: `paused_by`)."""

    conversation_id: UUID
    client_id: UUID
    client_name: str
    reason: HandoffReason
    paused_until: AwareDatetime
    paused_by: UUID | None = None


class ConversationResumedData(EventData):
    """The agent answers the conversation again (`resumed_by`: who gave it back)."""

    conversation_id: UUID
    client_id: UUID
    resumed_by: UUID


class CampaignStats(EventData):
    total_clients_found: int
    suggestions_created: int
    notifications_sent: int  # offers queued to the WhatsApp sender (it reports each delivery)
    skipped: dict[str, int] = {}


class CampaignCompletedData(EventData):
    campaign_type: CampaignType
    stats: CampaignStats
    run_id: UUID | None = None


class NotificationSentData(EventData):
    """WhatsApp took the message: as free text inside the client's 24 h window, or as the
    template named `template` outside it."""

    message_id: UUID
    client_id: UUID
    kind: MessageKind
    sent_as: SentAs | None = None
    template: str | None = None


class NotificationFailedData(EventData):
    """The message was given up on; `error_code` is Meta's when WhatsApp refused it."""

    message_id: UUID
    client_id: UUID
    kind: MessageKind
    reason: str
    attempts: int
    error_code: int | None = None


class NotificationDeferredData(EventData):
    """WhatsApp held the message back (Meta's marketing limit per client): it is tried once more
    at `retry_at`."""

    message_id: UUID
    client_id: UUID
    kind: MessageKind
    reason: str
    error_code: int
    retry_at: AwareDatetime


class _Envelope(BaseModel):
    model_config = STRICT_OUTPUT

    event_id: int = Field(gt=0)
    tenant_id: UUID
    occurred_at: AwareDatetime


class AuthRequestCreated(_Envelope):
    event_type: Literal["auth_request_created"] = "auth_request_created"
    data: AuthRequestCreatedData


class AuthRequestUpdated(_Envelope):
    event_type: Literal["auth_request_updated"] = "auth_request_updated"
    data: AuthRequestUpdatedData


class AuthRequestRejected(_Envelope):
    event_type: Literal["auth_request_rejected"] = "auth_request_rejected"
    data: AuthRequestRejectedData


class AppointmentCreated(_Envelope):
    event_type: Literal["appointment_created"] = "appointment_created"
    data: AppointmentCreatedData


class AppointmentUpdated(_Envelope):
    event_type: Literal["appointment_updated"] = "appointment_updated"
    data: AppointmentUpdatedData


class AiResponse(_Envelope):
    event_type: Literal["ai_response"] = "ai_response"
    data: AiResponseData


class CampaignCompleted(_Envelope):
    event_type: Literal["campaign_completed"] = "campaign_completed"
    data: CampaignCompletedData


class NotificationSent(_Envelope):
    event_type: Literal["notification_sent"] = "notification_sent"
    data: NotificationSentData


class MessageReceived(_Envelope):
    event_type: Literal["message_received"] = "message_received"
    data: MessageReceivedData


class OwnerMessageSent(_Envelope):
    event_type: Literal["owner_message_sent"] = "owner_message_sent"
    data: OwnerMessageSentData


class ComplaintReceived(_Envelope):
    event_type: Literal["complaint_received"] = "complaint_received"
    data: ComplaintReceivedData


class ClientOptedOut(_Envelope):
    event_type: Literal["client_opted_out"] = "client_opted_out"
    data: ClientOptedOutData


class ClientErased(_Envelope):
    event_type: Literal["client_erased"] = "client_erased"
    data: ClientErasedData


class ClientOptedIn(_Envelope):
    event_type: Literal["client_opted_in"] = "client_opted_in"
    data: ClientOptedInData


class ConversationPaused(_Envelope):
    event_type: Literal["conversation_paused"] = "conversation_paused"
    data: ConversationPausedData


class ConversationResumed(_Envelope):
    event_type: Literal["conversation_resumed"] = "conversation_resumed"
    data: ConversationResumedData


class ClientNotice(_Envelope):
    event_type: Literal["client_notice"] = "client_notice"
    data: ClientNoticeData


class SalonProfileUpdated(_Envelope):
    event_type: Literal["salon_profile_updated"] = "salon_profile_updated"
    data: SalonProfileUpdatedData


class WorkingHoursUpdated(_Envelope):
    event_type: Literal["working_hours_updated"] = "working_hours_updated"
    data: WorkingHoursUpdatedData


class NotificationFailed(_Envelope):
    event_type: Literal["notification_failed"] = "notification_failed"
    data: NotificationFailedData


class NotificationDeferred(_Envelope):
    event_type: Literal["notification_deferred"] = "notification_deferred"
    data: NotificationDeferredData


Event = Annotated[
    AuthRequestCreated
    | AuthRequestUpdated
    | AuthRequestRejected
    | AppointmentCreated
    | AppointmentUpdated
    | AiResponse
    | CampaignCompleted
    | NotificationSent
    | NotificationFailed
    | MessageReceived
    | OwnerMessageSent
    | ComplaintReceived
    | ClientOptedOut
    | ConversationPaused
    | ConversationResumed
    | ClientNotice
    | SalonProfileUpdated
    | ClientOptedIn
    | ClientErased
    | NotificationDeferred
    | WorkingHoursUpdated,
    Field(discriminator="event_type"),
]
EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
# Each event type's name is written once, in its envelope above; the rest is read from the union.
ENVELOPES: tuple[type[_Envelope], ...] = get_args(get_args(Event)[0])
EVENT_TYPES: dict[type[EventData], str] = {
    cast(type[EventData], envelope.model_fields["data"].annotation): envelope.model_fields[
        "event_type"
    ].default
    for envelope in ENVELOPES
}


def event_type_of(data: EventData) -> str:
    return EVENT_TYPES[type(data)]


_ENVELOPE_OF: dict[type[EventData], type[_Envelope]] = {
    cast(type[EventData], envelope.model_fields["data"].annotation): envelope
    for envelope in ENVELOPES
}


def envelope_of(data: EventData, *, event_id: int, tenant_id: UUID, occurred_at: datetime) -> Event:
    """The envelope of an event our own code made (its data, a model already, is taken as it is;
    pydantic does not validate a model instance again)."""
    if event_id < 1 or occurred_at.tzinfo is None:
        raise ValueError(f"event {event_id} at {occurred_at}: ids start at 1, times are aware")
    envelope = _ENVELOPE_OF[type(data)]
    return cast(
        Event, envelope(event_id=event_id, tenant_id=tenant_id, occurred_at=occurred_at, data=data)
    )


def parse_event(raw: dict[str, Any]) -> Event:
    """Parse any stored or streamed envelope into its typed event."""
    return EVENT_ADAPTER.validate_python(raw)
