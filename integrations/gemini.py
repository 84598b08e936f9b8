"""Gemini behind the LanguageModel port, through google-genai (the only module that imports it).

Every call asks for JSON shaped by the pydantic model's schema, validates the answer with that
model, and turns any failure (HTTP error, timeout, transport error, empty, unparseable or
off-schema answer) into `LanguageModelError`, so the caller falls back to the rule engine.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import httpx
from google import genai
from google.genai import errors, types
from pydantic import BaseModel, ValidationError

from integrations.llm import LanguageModelError, Media, T

TEMPERATURE = 0.2
# Slack on top of the SDK's own timeouts and backoff before our outer deadline fires.
DEADLINE_MARGIN_S = 1.0


def response_schema(schema: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema without `additionalProperties: false` (`extra="forbid"`).

    The SDK passes that key through, and the Developer API refuses the whole request with
    400 "Unknown name additional_properties". Extras are still refused: we validate the answer
    with the model itself.
    """
    cleaned: dict[str, Any] = _without_closed_objects(schema.model_json_schema())
    return cleaned


def _without_closed_objects(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: _without_closed_objects(value)
            for key, value in node.items()
            if not (key == "additionalProperties" and value is False)
        }
    if isinstance(node, list):
        return [_without_closed_objects(value) for value in node]
    return node


def overall_deadline_s(timeout_s: float, attempts: int, initial_delay_s: float) -> float:
    """Time every attempt plus the longest backoff between them (delay doubles, jitter ≤ delay)."""
    backoff_s = sum(2 * initial_delay_s * 2.0**retry for retry in range(attempts - 1))
    return timeout_s * attempts + backoff_s + DEADLINE_MARGIN_S


class GeminiModel:
    """One google-genai client for the process; `close()` it when done."""

    name = "gemini"

    def __init__(
        self,
        api_key: str,
        model: str,
        *,
        base_url: str | None,
        timeout_s: float,
        attempts: int,
        initial_delay_s: float,
    ) -> None:
        if not api_key:
            raise ValueError("a Gemini API key is required")
        if timeout_s <= 0 or attempts < 1 or initial_delay_s < 0:
            raise ValueError("timeout_s > 0, attempts ≥ 1 and initial_delay_s ≥ 0 are required")
        self.model = model
        # The SDK retries 408/429/5xx and transport errors itself; jitter bounded by the delay so
        # the deadline below holds (the SDK's default jitter adds up to a whole second).
        retry = types.HttpRetryOptions(
            attempts=attempts,
            initial_delay=initial_delay_s,
            exp_base=2.0,
            jitter=initial_delay_s,
        )
        # Our own httpx client: otherwise the SDK picks aiohttp when Ray has installed it (and
        # warns on every new session) or httpx2, and their timeouts retry differently.
        self._http = httpx.AsyncClient(timeout=timeout_s, follow_redirects=False)
        http_options = types.HttpOptions(
            base_url=base_url or None,
            timeout=max(1, int(timeout_s * 1000)),  # milliseconds
            retry_options=retry,
            httpx_async_client=self._http,
        )
        # vertexai=False pins the Developer API whatever GOOGLE_GENAI_USE_VERTEXAI says.
        self._client = genai.Client(api_key=api_key, vertexai=False, http_options=http_options)
        self._deadline_s = overall_deadline_s(timeout_s, attempts, initial_delay_s)

    async def generate(
        self,
        prompt: str,
        schema: type[T],
        *,
        system: str | None = None,
        media: Sequence[Media] = (),
    ) -> T:
        config = types.GenerateContentConfig(
            system_instruction=system,
            response_mime_type="application/json",
            response_schema=response_schema(schema),
            temperature=TEMPERATURE,
            # No tools: skip the SDK's function-calling loop (and its log line per call).
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
        )
        try:
            # The SDK's timeout is per attempt; this deadline bounds retries and backoff too.
            async with asyncio.timeout(self._deadline_s):
                response = await self._client.aio.models.generate_content(
                    model=self.model, contents=_contents(prompt, media), config=config
                )
        except errors.APIError as exc:
            raise LanguageModelError("http", f"HTTP {exc.code} {exc.status or ''}".strip()) from exc
        except (TimeoutError, httpx.TimeoutException) as exc:  # our deadline, or the last attempt's
            raise LanguageModelError("timeout", "no answer in time") from exc
        except ValueError as exc:  # a 200 body that is not JSON, or a schema the SDK refuses
            raise LanguageModelError("invalid", f"SDK refused ({type(exc).__name__})") from exc
        except Exception as exc:  # the connection boundary: httpx, tenacity, anything else
            raise LanguageModelError("transport", type(exc).__name__) from exc
        return parse_answer(response, schema)

    async def close(self) -> None:
        await self._client.aio.aclose()
        self._client.close()  # the SDK builds a sync client too, unused
        await self._http.aclose()  # the SDK leaves a client it was given open


def _contents(prompt: str, media: Sequence[Media]) -> Any:
    """The prompt alone, or the media inline (base64 in the request) and then the prompt."""
    if not media:
        return prompt
    parts = [types.Part.from_bytes(data=m.data, mime_type=m.mime_type) for m in media]
    return [*parts, types.Part.from_text(text=prompt)]


def parse_answer(response: types.GenerateContentResponse, schema: type[T]) -> T:
    """The answer's text validated by `schema` (the SDK only parses to a dict for a dict schema)."""
    text = response.text
    if not text:
        reason = response.prompt_feedback.block_reason if response.prompt_feedback else None
        raise LanguageModelError("empty", f"no text (block reason {reason})")
    try:
        return schema.model_validate_json(text)
    except ValidationError as exc:
        # `from None`: the validation error quotes the answer, which may echo a client's phone.
        detail = f"{schema.__name__} failed on {failed_fields(exc, schema)}"
        raise LanguageModelError("invalid", detail) from None


def failed_fields(exc: ValidationError, schema: type[BaseModel]) -> str:
    """Our own field names only: an unknown key in the answer could echo the client's message."""
    names = set()
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "json"
        names.add(name if name in schema.model_fields or name == "json" else "?")
    return ",".join(sorted(names))


def gemini_from_settings(
    *,
    api_key: str,
    model: str,
    base_url: str,
    timeout_s: float,
    attempts: int,
    initial_delay_s: float,
) -> GeminiModel | None:
    """A GeminiModel, or None when no key is set (the rule engine then answers alone)."""
    if not api_key:
        return None
    return GeminiModel(
        api_key,
        model,
        base_url=base_url or None,
        timeout_s=timeout_s,
        attempts=attempts,
        initial_delay_s=initial_delay_s,
    )
