"""GeminiModel with the real google-genai SDK against a fake Gemini on 127.0.0.1 (no Postgres).

A structured answer is parsed into the schema; a 500, a timeout, an unreachable server, text that
is not JSON, JSON outside the schema and an empty answer each raise LanguageModelError, which is
what makes the chat agent fall back to the Portuguese rule engine.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict

from integrations.gemini import GeminiModel
from integrations.llm import LanguageModel, LanguageModelError
from tests.fakes.gemini import BOOKING_ANSWER, FakeGemini, always, in_turn

API_KEY = "test-gemini-key"
MODEL = "gemini-test-flash"
SYSTEM = "Você é a recepcionista do salão. Responda em português do Brasil."
PROMPT = "Cliente: Oi, quero agendar um corte amanhã às 15h"
MakeModel = Callable[..., GeminiModel]


class ChatAnswer(BaseModel):
    """Shaped like the chat agent's schema, and a value model as STYLE.md wants (extra=forbid)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    intent: Literal["booking", "inquiry", "complaint", "hello", "unknown"]
    reply: str
    service: str | None
    professional: str | None
    date: str | None
    time: str | None


@pytest.fixture
async def fake() -> AsyncIterator[FakeGemini]:
    server = FakeGemini()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def make_model(fake: FakeGemini) -> AsyncIterator[MakeModel]:
    models: list[GeminiModel] = []

    def make(**overrides: Any) -> GeminiModel:
        options: dict[str, Any] = {"timeout_s": 0.5, "attempts": 1, "initial_delay_s": 0.01}
        options |= overrides
        if "base_url" not in options:
            options["base_url"] = fake.base_url
        model = GeminiModel(API_KEY, MODEL, **options)
        models.append(model)
        return model

    yield make
    for model in models:
        await model.close()


async def generate(model: LanguageModel) -> ChatAnswer:
    return await model.generate(PROMPT, ChatAnswer, system=SYSTEM)


async def failure(model: LanguageModel) -> LanguageModelError:
    with pytest.raises(LanguageModelError) as caught:
        await generate(model)
    return caught.value


async def test_structured_answer_is_parsed_into_the_schema(make_model: MakeModel) -> None:
    answer = await generate(make_model())

    assert answer == ChatAnswer.model_validate(BOOKING_ANSWER)
    assert answer.intent == "booking"
    assert answer.time == "15:00"


async def test_request_names_our_model_and_asks_for_json_in_our_schema(
    fake: FakeGemini, make_model: MakeModel
) -> None:
    await generate(make_model())

    [request] = fake.requests
    assert request.path == f"/v1/models/{MODEL}:generateContent"
    assert request.model == MODEL
    assert request.api_key == API_KEY
    assert request.system_text == SYSTEM
    assert request.prompt_text == PROMPT
    config = request.generation_config
    assert config["responseMimeType"] == "application/json"
    assert config["temperature"] == pytest.approx(0.2)
    schema = config["responseSchema"]
    assert schema["type"] == "OBJECT"
    assert schema["properties"]["intent"]["enum"] == [
        "booking",
        "inquiry",
        "complaint",
        "hello",
        "unknown",
    ]
    assert set(schema["required"]) == set(ChatAnswer.model_fields)
    assert schema["properties"]["service"]["nullable"] is True


async def test_server_error_raises_after_every_attempt(
    fake: FakeGemini, make_model: MakeModel
) -> None:
    fake.plan = always("error")

    error = await failure(make_model(attempts=2))

    assert error.kind == "http"
    assert "500" in error.detail
    assert fake.behaviours == ["error", "error"]


async def test_server_error_then_answer_is_retried(fake: FakeGemini, make_model: MakeModel) -> None:
    fake.plan = in_turn("error", "ok")

    answer = await generate(make_model(attempts=2))

    assert answer.intent == "booking"
    assert fake.behaviours == ["error", "ok"]


async def test_timeout_raises_after_every_attempt(fake: FakeGemini, make_model: MakeModel) -> None:
    fake.plan = always("timeout")

    error = await failure(make_model(timeout_s=0.2, attempts=2))

    assert error.kind == "timeout"
    assert fake.behaviours == ["timeout", "timeout"]  # the SDK retries a timed-out attempt


async def test_overall_deadline_stops_retries(fake: FakeGemini, make_model: MakeModel) -> None:
    """Our own deadline holds even when the SDK's per-attempt timeout would not fire in time."""
    fake.plan = always("timeout")
    model = make_model(timeout_s=3.0, attempts=2)
    model._deadline_s = 0.2  # shorter than one SDK attempt

    error = await failure(model)

    assert error.kind == "timeout"
    assert fake.behaviours == ["timeout"]  # cut during the first attempt, so never retried


async def test_unreachable_server_raises(fake: FakeGemini, make_model: MakeModel) -> None:
    base_url = fake.base_url
    await fake.close()  # nothing listens on that port any more

    error = await failure(make_model(base_url=base_url))

    assert error.kind == "transport"


async def test_text_that_is_not_json_raises(fake: FakeGemini, make_model: MakeModel) -> None:
    fake.plan = always("not_json")

    error = await failure(make_model())

    assert error.kind == "invalid"
    assert error.detail == "ChatAnswer failed on json"


async def test_json_outside_the_schema_raises(fake: FakeGemini, make_model: MakeModel) -> None:
    fake.plan = always("off_schema")

    error = await failure(make_model())

    assert error.kind == "invalid"
    assert error.detail == "ChatAnswer failed on intent"


async def test_answer_with_unknown_keys_raises_without_echoing_them(
    fake: FakeGemini, make_model: MakeModel
) -> None:
    phone = "+5511987654321"
    fake.answer = {**BOOKING_ANSWER, phone: "ligue para este número"}

    error = await failure(make_model())

    assert error.kind == "invalid"
    assert phone not in str(error)
    assert error.__cause__ is None  # the ValidationError, which quotes the answer, is not chained


async def test_empty_answer_raises(fake: FakeGemini, make_model: MakeModel) -> None:
    fake.plan = always("empty")

    error = await failure(make_model())

    assert error.kind == "empty"


async def test_schema_of_a_forbid_extra_model_is_accepted(
    fake: FakeGemini, make_model: MakeModel
) -> None:
    """extra="forbid" emits additionalProperties, which the API refuses: it must not be sent."""
    await generate(make_model())

    assert fake.refused == []
    assert len(fake.requests) == 1
