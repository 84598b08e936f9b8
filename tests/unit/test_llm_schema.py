"""The LLM port's pieces that need no server: the schema sent to Gemini, errors, the deadline."""

from __future__ import annotations

import pickle
from typing import Literal

from pydantic import BaseModel, ConfigDict

from integrations.gemini import gemini_from_settings, overall_deadline_s, response_schema
from integrations.llm import LanguageModelError


class Slot(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    date: str
    time: str


class Proposal(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    intent: Literal["booking", "unknown"]
    slots: list[Slot]
    notes: dict[str, str]


def test_response_schema_drops_closed_objects_at_every_depth() -> None:
    schema = response_schema(Proposal)

    assert "additionalProperties" not in schema
    assert "additionalProperties" not in schema["$defs"]["Slot"]
    assert schema["properties"]["intent"]["enum"] == ["booking", "unknown"]
    assert schema["required"] == ["intent", "slots", "notes"]


def test_response_schema_keeps_open_maps() -> None:
    """A dict field's `additionalProperties` is its value type, not the forbid marker."""
    schema = response_schema(Proposal)

    assert schema["properties"]["notes"]["additionalProperties"] == {"type": "string"}


def test_response_schema_leaves_the_model_strict() -> None:
    response_schema(Proposal)

    assert Proposal.model_json_schema()["additionalProperties"] is False


def test_language_model_error_survives_pickling() -> None:
    error = LanguageModelError("timeout", "no answer in time")

    copy = pickle.loads(pickle.dumps(error))

    assert (copy.kind, copy.detail, str(copy)) == ("timeout", "no answer in time", str(error))


def test_deadline_covers_every_attempt_and_backoff() -> None:
    # 2 attempts of 8 s, one backoff of at most 0.5 s + 0.5 s jitter, 1 s of margin.
    assert overall_deadline_s(8.0, 2, 0.5) == 18.0
    assert overall_deadline_s(8.0, 1, 0.5) == 9.0


def test_no_key_means_no_gemini() -> None:
    model = gemini_from_settings(
        api_key="",
        model="gemini-2.5-flash",
        base_url="",
        timeout_s=8.0,
        attempts=2,
        initial_delay_s=0.5,
    )

    assert model is None
