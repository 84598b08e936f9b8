"""A salon's own settings, where the deployment's are only defaults.

The salon stores only what its owner chose (`SettingsChoice`); what it uses (`SalonSettings`) is
the deployment's defaults overridden by those choices, so a default changed later reaches every
salon that did not choose otherwise.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Any, Self

from pydantic import Field, ValidationError, field_validator, model_validator

from domain.errors import InvalidCommandError
from domain.models import FIRST_DAY, LAST_DAY, LocalTime, Offer, Value, in_calendar
from domain.vocabulary import CampaignType

if TYPE_CHECKING:
    from domain.commands import SetSalonSettings

MAX_AUTO_COMPLETE_AFTER_H = 720
MAX_OFFER_EXPIRY_H = 168
MAX_FREQUENCY_CAP_DAYS = 90
MAX_REMINDER_LEAD_H = 168
MAX_CLOSED_DAYS = 400
MAX_HANDOFF_RESUME_H = 168
MAX_CHAT_RETENTION_MONTHS = 120


class SalonSettings(Value):
    """What the salon's agents and upkeep use.

    - Visits: booked appointments that ended `auto_complete_after_h` hours ago become completed,
      unless `auto_complete` is off (the salon's visits are marked by another system).
    - Offers: a campaign offer not answered `offer_expiry_h` hours after it may leave (or by its
      time minus the campaign's lead, if earlier) expires; marketing leaves only inside
      [`send_window_start`, `send_window_end`) of the salon's day; a client gets at most one
      campaign offer every `frequency_cap_days` days; each campaign's offers carry its default
      discount (percent, 0: none) unless a run says otherwise — the scheduled runs too.
    - Reminders: `reminder_lead_h` hours before each booking (0: none) and optionally a second
      one `second_reminder_lead_h` hours before (0: none; nearer than the first).
    - `closed_days`: the salon's days off (holidays): nothing is offered or booked on them.
    - Chat: a conversation a person of the salon took over (the client asked for one, complained,
      or the salon wrote in it) goes back to the agent `handoff_resume_h` hours later; voice
      notes are transcribed (Gemini) and answered when `transcribe_voice` is on, else the agent
      asks for text. Chat messages are kept `chat_retention_months` months (LGPD).
    - Consent: with `require_marketing_consent`, offers go only to clients with an active opt-in
      (the import's, the chat's "quero receber ofertas", or recorded by the owner).
    """

    auto_complete: bool = Field(
        default=True, description="bookings nobody marked become completed by themselves"
    )
    auto_complete_after_h: int = Field(
        default=12, ge=0, le=MAX_AUTO_COMPLETE_AFTER_H, description="hours after the visit ended"
    )
    offer_expiry_h: int = Field(
        default=24,
        ge=1,
        le=MAX_OFFER_EXPIRY_H,
        description="hours a campaign offer waits for its answer after it may leave",
    )
    send_window_start: LocalTime = Field(
        default=time(9, 0), description="marketing leaves from this local time…"
    )
    send_window_end: LocalTime = Field(
        default=time(20, 0), description="…until this one (excluded)"
    )
    frequency_cap_days: int = Field(
        default=7,
        ge=0,
        le=MAX_FREQUENCY_CAP_DAYS,
        description="days between two campaign offers to one client",
    )
    prazo_certo_discount_pct: int = Field(
        default=0, ge=0, le=100, description="Prazo Certo's default discount, percent (0: none)"
    )
    encher_agenda_discount_pct: int = Field(
        default=20, ge=0, le=100, description="Encher Agenda's default discount, percent (0: none)"
    )
    reminder_lead_h: int = Field(
        default=24,
        ge=0,
        le=MAX_REMINDER_LEAD_H,
        description="hours before each booking its reminder leaves (0: none)",
    )
    second_reminder_lead_h: int = Field(
        default=0,
        ge=0,
        le=MAX_REMINDER_LEAD_H,
        description="a second reminder, nearer the visit than the first (0: none)",
    )
    closed_days: tuple[date, ...] = Field(
        default=(),
        max_length=MAX_CLOSED_DAYS,
        description="the salon's days off (holidays): nothing is offered or booked on them",
    )
    handoff_resume_h: int = Field(
        default=12,
        ge=1,
        le=MAX_HANDOFF_RESUME_H,
        description="hours after which a conversation the salon took over goes back to the agent",
    )
    transcribe_voice: bool = Field(
        default=False,
        description="voice notes are transcribed by Gemini and answered (else text is asked for)",
    )
    chat_retention_months: int = Field(
        default=12,
        ge=1,
        le=MAX_CHAT_RETENTION_MONTHS,
        description="chat messages older than this many months are deleted (LGPD)",
    )
    # Off here (a salon built without the deployment's defaults); the deployment's default
    # (AGENDA_REQUIRE_MARKETING_CONSENT) is on, so every new salon requires it.
    require_marketing_consent: bool = Field(
        default=False,
        description="offers only to clients with an active opt-in (LGPD, WhatsApp's policy)",
    )

    @model_validator(mode="after")
    def check_consistent(self) -> Self:
        problems = settings_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def send_window(self) -> tuple[time, time]:
        return self.send_window_start, self.send_window_end

    def default_offer(self, campaign_type: CampaignType) -> Offer | None:
        percent = (
            self.prazo_certo_discount_pct
            if campaign_type == "prazo_certo"
            else self.encher_agenda_discount_pct
        )
        return Offer(type="percent", value=percent) if percent else None

    def is_closed(self, day: date) -> bool:
        return day in self.closed_days

    def reminder_leads_h(self) -> tuple[int, ...]:
        """The hours before a booking its reminders leave, farthest first (none: empty)."""
        return tuple(h for h in (self.reminder_lead_h, self.second_reminder_lead_h) if h)

    def with_choice(self, choice: SettingsChoice) -> SalonSettings:
        """These settings (the defaults) overridden by what a salon chose."""
        return SalonSettings.model_validate(self.model_dump() | choice.chosen())


def settings_problems(settings: SalonSettings) -> list[str]:
    problems = []
    if settings.send_window_start >= settings.send_window_end:
        problems.append("send_window_start must be before send_window_end")
    if settings.second_reminder_lead_h and (
        not settings.reminder_lead_h or settings.second_reminder_lead_h >= settings.reminder_lead_h
    ):
        problems.append(
            "second_reminder_lead_h must be nearer the visit than reminder_lead_h (and needs it)"
        )
    if len(set(settings.closed_days)) != len(settings.closed_days):
        problems.append("closed_days lists a day twice")
    return problems


class SettingsChoice(Value):
    """What a salon's owner chose; None: the deployment's default."""

    auto_complete: bool | None = None
    auto_complete_after_h: int | None = Field(default=None, ge=0, le=MAX_AUTO_COMPLETE_AFTER_H)
    offer_expiry_h: int | None = Field(default=None, ge=1, le=MAX_OFFER_EXPIRY_H)
    send_window_start: LocalTime | None = None
    send_window_end: LocalTime | None = None
    frequency_cap_days: int | None = Field(default=None, ge=0, le=MAX_FREQUENCY_CAP_DAYS)
    prazo_certo_discount_pct: int | None = Field(default=None, ge=0, le=100)
    encher_agenda_discount_pct: int | None = Field(default=None, ge=0, le=100)
    reminder_lead_h: int | None = Field(default=None, ge=0, le=MAX_REMINDER_LEAD_H)
    second_reminder_lead_h: int | None = Field(default=None, ge=0, le=MAX_REMINDER_LEAD_H)
    closed_days: tuple[date, ...] | None = Field(default=None, max_length=MAX_CLOSED_DAYS)
    handoff_resume_h: int | None = Field(default=None, ge=1, le=MAX_HANDOFF_RESUME_H)
    transcribe_voice: bool | None = None
    chat_retention_months: int | None = Field(default=None, ge=1, le=MAX_CHAT_RETENTION_MONTHS)
    require_marketing_consent: bool | None = None

    @field_validator("closed_days")
    @classmethod
    def in_order(cls, days: tuple[date, ...] | None) -> tuple[date, ...] | None:
        if days is not None and not all(in_calendar(day) for day in days):
            raise ValueError(f"a closed day is between {FIRST_DAY} and {LAST_DAY}")
        return None if days is None else tuple(sorted(days))

    def chosen(self) -> dict[str, Any]:
        return {name: value for name, value in self if value is not None}

    def updated(self, change: dict[str, Any]) -> SettingsChoice:
        """This choice with `change` applied: a field set to None goes back to the default."""
        return SettingsChoice.model_validate(self.model_dump() | change)


# Settings that only make sense together: choosing one stores the pair as the salon now has it,
# so a default changed later cannot break it (a window that closes before it opens).
PAIRS = (
    ("send_window_start", "send_window_end"),
    ("reminder_lead_h", "second_reminder_lead_h"),
)


def chosen_settings(
    stored: SettingsChoice, command: SetSalonSettings, *, defaults: SalonSettings
) -> tuple[SettingsChoice, SalonSettings]:
    """The salon's choice after the command, and the settings it uses from then; refused with
    InvalidCommandError when they do not make sense together."""
    if command.replace:
        choice = command.choice
    else:
        choice = stored.updated({name: getattr(command.choice, name) for name in command.fields})
    try:
        settings = defaults.with_choice(choice)
    except ValidationError as error:
        problems = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in error.errors())
        raise InvalidCommandError(problems) from None
    chosen = choice.chosen()
    pairs = {
        name: getattr(settings, name)
        for pair in PAIRS
        if any(name in chosen for name in pair)
        for name in pair
    }
    return choice.updated(pairs), settings
