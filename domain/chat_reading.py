"""How a client's message is read: by the Portuguese rules, or by Gemini's structured answer
merged with the rules' safety flags. The result is one `Reading` the decision works from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from domain.chat_rules import ABOUT_A_BOOKING, Understanding
from domain.vocabulary import Engine, Intent, NoticeKind, SalonTopic


class LlmReading(BaseModel):
    """The structured answer asked of Gemini (its `response_schema`)."""

    model_config = ConfigDict(extra="ignore")

    intent: Intent
    reply: str = Field(min_length=1, max_length=1000)
    service: str | None = None
    professional: str | None = None
    date: str | None = Field(default=None, description="YYYY-MM-DD")
    time: str | None = Field(default=None, description="HH:MM, 24 h")
    opt_out: bool = False
    agrees: bool = Field(default=False, description="the client says yes to what was offered")
    topics: list[SalonTopic] = Field(default=[], description="what is asked about the salon")
    notice: NoticeKind | None = None
    minutes: int | None = Field(default=None, ge=0, le=600, description="minutes late or away")


class Transcript(BaseModel):
    """What a voice note says (the structured answer asked of Gemini for its audio)."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field(max_length=4096, description="the words, in Portuguese, as spoken")


@dataclass(frozen=True)
class Reading:
    """What the message says, which engine read it, and Gemini's own reply when it read it."""

    understanding: Understanding
    engine: Engine
    llm_reply: str | None = None


def from_reading(
    reading: LlmReading,
    rules: Understanding,
    *,
    named: tuple[UUID | None, UUID | None],
) -> Understanding:
    """Gemini's reading as an Understanding, with the rules' safety flags kept.

    `rules` is the rule engine's reading of the client's text (opt-out words always count);
    `named` is (service id, professional id) of the names Gemini gave, resolved by the rules'
    matchers against the salon's own lists.
    """
    try:
        day = date.fromisoformat(reading.date) if reading.date else rules.day
        at = datetime.strptime(reading.time, "%H:%M").time() if reading.time else rules.at
    except ValueError:
        day, at = rules.day, rules.at
    service_id, professional_id = named
    intent = reading.intent
    opt_out = reading.opt_out or rules.opt_out
    return Understanding(
        intent=intent,
        opt_out=opt_out,
        # Consent as the rules read it (LGPD: unambiguous, never from a message about a
        # booking), and their doubt about the messages: Gemini's schema reads neither.
        opt_in=rules.opt_in and not opt_out and intent not in ABOUT_A_BOOKING,
        maybe_opt_out=rules.maybe_opt_out and not opt_out,
        # A booking the rules read only from a service named in a long message ("a escova eu
        # faço em casa agora"): asked about, whoever read it as a booking.
        named_only=rules.named_only and intent == "booking",
        asks=rules.asks,
        another_time=rules.another_time,
        words=rules.words,
        affirmative=reading.agrees or rules.affirmative,
        negative=rules.negative and not reading.agrees,
        service_id=service_id or rules.service_id,
        professional_id=professional_id or rules.professional_id,
        day=day,
        at=at,
        part_of_day=rules.part_of_day,
        confirms=rules.confirms,
        cancels=rules.cancels or intent == "cancel",
        reschedules=rules.reschedules or intent == "reschedule",
        wants_person=rules.wants_person or intent == "handoff",
        topics=tuple(dict.fromkeys([*reading.topics, *rules.topics])),
        notice=(reading.notice or rules.notice or "late") if intent == "late" else rules.notice,
        late_min=reading.minutes if reading.minutes is not None else rules.late_min,
    )
