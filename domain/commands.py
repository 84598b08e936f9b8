"""Commands are orders to a tenant's agenda; each carries the id that makes a repeat safe."""

from __future__ import annotations

from datetime import date, time
from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from domain.campaigns import CampaignOptions
from domain.models import Agent, Offer


class Command(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CreateAuthRequest(Command):
    """An agent proposes a booking; nothing is booked until the owner approves it."""

    command_id: str = Field(min_length=1, max_length=200)
    created_by_agent: Agent
    client_id: UUID
    service_id: UUID
    professional_id: UUID
    starts_at: AwareDatetime
    offer: Offer | None = None


class DecideAuthRequest(Command):
    """The owner approves or rejects a pending auth request."""

    request_id: UUID
    decision: Literal["approve", "reject"]
    decided_by: UUID
    notes: str | None = Field(default=None, max_length=2000)


class AuthRequestCreatedResult(Command):
    auth_request_id: UUID
    created: bool


class DecisionResult(Command):
    """What the seed's confirm endpoint answers; repeats of one decision return the same."""

    status: Literal["success"] = "success"
    decision: Literal["approve", "reject"]
    auth_request_id: UUID
    appointment_id: UUID | None
    client_notification_sent: bool


class DeliveryOutcome(Command):
    """What happened to one outbound message: sent, or given up on (`failed`, `skipped`)."""

    message_id: UUID
    status: Literal["sent", "failed", "skipped"]
    attempts: int = Field(ge=0)
    reason: str | None = Field(default=None, max_length=500)


class RecordDeliveries(Command):
    """The sender reports final outcomes; repeats change nothing (only queued rows move)."""

    outcomes: list[DeliveryOutcome] = Field(min_length=1, max_length=1000)


class DeliveriesRecorded(Command):
    recorded: int


class RunCampaign(Command):
    """Run Prazo Certo or Encher Agenda for one salon; `run_key` makes a repeat return the first."""

    run_key: str = Field(min_length=1, max_length=200)
    campaign_type: Literal["prazo_certo", "encher_agenda"]
    trigger: Literal["schedule", "manual", "bulk"]
    dry_run: bool = False
    options: CampaignOptions
    local_date: date | None = None  # the salon's day a scheduled run is for


class SuggestionView(Command):
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


class SkipView(Command):
    client_id: UUID
    client_name: str
    reason: str


class CampaignStatsView(Command):
    total_clients_found: int
    suggestions_created: int
    notifications_sent: int
    skipped: dict[str, int]


class CampaignResult(Command):
    run_id: UUID | None
    run_key: str
    campaign_type: Literal["prazo_certo", "encher_agenda"]
    dry_run: bool
    repeated: bool
    stats: CampaignStatsView
    suggestions: list[SuggestionView]
    skips: list[SkipView]


class CampaignRunSummary(Command):
    """A stored campaign run, for the dashboard's results (without its suggestion lists)."""

    run_id: UUID
    campaign_type: Literal["prazo_certo", "encher_agenda"]
    trigger: Literal["schedule", "manual", "bulk"]
    created_at: AwareDatetime
    stats: CampaignStatsView


class ReceiveMessage(Command):
    """A client's WhatsApp message, as n8n forwarded it; its ids make a repeat a no-op."""

    client_name: str = Field(default="", max_length=200)
    phone: str = Field(min_length=8, max_length=40)
    message: str = Field(min_length=1, max_length=4096)
    channel: Literal["whatsapp"] = "whatsapp"
    sent_at: AwareDatetime
    external_id: str | None = Field(default=None, max_length=200)
    webhook_id: str | None = Field(default=None, max_length=200)


class MessageAccepted(Command):
    message_id: UUID
    conversation_id: UUID
    client_id: UUID
    duplicate: bool
    new_client: bool = False


class SendOwnerMessage(Command):
    """The salon writes to a client. The same `command_id` again sends nothing twice."""

    command_id: str = Field(min_length=1, max_length=200)
    conversation_id: UUID
    text: str = Field(min_length=1, max_length=4096)
    sent_by: UUID


class OwnerMessageResult(Command):
    message_id: UUID
    conversation_id: UUID
    client_id: UUID


class SetCampaignSchedule(Command):
    """The owner moves a campaign's time, changes its weekdays, or turns it off."""

    campaign_type: Literal["prazo_certo", "encher_agenda"]
    enabled: bool
    local_time: time
    weekdays: tuple[int, ...] = Field(min_length=1, max_length=7)

    @field_validator("weekdays")
    @classmethod
    def check_weekdays(cls, weekdays: tuple[int, ...]) -> tuple[int, ...]:
        if any(day < 0 or day > 6 for day in weekdays) or len(set(weekdays)) != len(weekdays):
            raise ValueError("weekdays are distinct numbers 0 (Monday) to 6 (Sunday)")
        return tuple(sorted(weekdays))


class ResumeWork(Command):
    """Finish what a dead process left: answer pending messages, publish pending events."""


class WorkResumed(Command):
    answers_scheduled: int
    events_unpublished: int
