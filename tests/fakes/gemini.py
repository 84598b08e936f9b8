"""A fake Gemini API on 127.0.0.1 for the real google-genai SDK (pointed at it by `base_url`).

It answers POST `/{v1,v1beta}/models/{model}:generateContent` with the JSON the Developer API
returns, records each request (path, model, body, API key header), and a plan picks each call's
behaviour from its number: a structured answer, a 500, a hang past the client's timeout, text
that is not JSON, JSON outside the schema, or no candidates at all. Like the real API, it refuses
with 400 a response schema holding `additionalProperties` (which `extra="forbid"` produces).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from tests.fakes.local_http import LocalHttpServer, Request, respond

Behaviour = Literal["ok", "error", "timeout", "not_json", "off_schema", "empty"]
Plan = Callable[[int], Behaviour]
PATH = re.compile(r"^/(?:v1|v1beta)/models/(?P<model>[^/:]+):generateContent$")
STATUSES = {400: "INVALID_ARGUMENT", 404: "NOT_FOUND", 405: "INVALID_ARGUMENT", 500: "INTERNAL"}

BOOKING_ANSWER: dict[str, Any] = {
    "intent": "booking",
    "reply": "Claro! Tenho horário amanhã às 15:00 com a Ana. Posso reservar?",
    "service": "corte",
    "professional": "Ana",
    "date": "amanhã",
    "time": "15:00",
}


def always(behaviour: Behaviour) -> Plan:
    return lambda _call: behaviour


def in_turn(*behaviours: Behaviour) -> Plan:
    """Call n gets behaviours[n - 1]; calls past the end repeat the last one."""
    return lambda call: behaviours[min(call, len(behaviours)) - 1]


@dataclass(frozen=True)
class GeminiRequest:
    path: str
    model: str
    api_key: str | None
    body: dict[str, Any]

    @property
    def generation_config(self) -> dict[str, Any]:
        config: dict[str, Any] = self.body.get("generationConfig", {})
        return config

    @property
    def system_text(self) -> str:
        parts = self.body.get("systemInstruction", {}).get("parts", [])
        return "".join(part.get("text", "") for part in parts)

    @property
    def inline_data(self) -> list[tuple[str, bytes]]:
        """(MIME type, bytes) of the media sent inline (a voice note's audio)."""
        found = []
        for content in self.body.get("contents", []):
            for part in content.get("parts", []):
                inline = part.get("inlineData") or part.get("inline_data")
                if inline is not None:  # proto JSON: either spelling of each field
                    mime = inline.get("mimeType") or inline.get("mime_type", "")
                    found.append((mime, base64.b64decode(inline["data"])))
        return found

    @property
    def prompt_text(self) -> str:
        return "".join(
            part.get("text", "")
            for content in self.body.get("contents", [])
            for part in content.get("parts", [])
        )


@dataclass
class FakeGemini(LocalHttpServer):
    plan: Plan = field(default=always("ok"))
    answer: dict[str, Any] = field(default_factory=lambda: dict(BOOKING_ANSWER))
    # Answers each "ok" call from its request when set (a scripted reader), else `answer`.
    answerer: Callable[[GeminiRequest], dict[str, Any]] | None = None
    hang_s: float = 30.0  # "timeout" hangs this long; close() cuts it short
    requests: list[GeminiRequest] = field(default_factory=list)  # valid calls, in order
    behaviours: list[Behaviour] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # why calls got a 4xx
    _closing: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def close(self) -> None:
        """Wake hanging calls and end idle connections, so every handler returns on its own.

        (Cancelling the handlers instead makes Python 3.11.7's asyncio log a spurious error.)
        """
        self._closing.set()
        await self._shut(cancel_handlers=False)

    async def _handle(self, request: Request, writer: asyncio.StreamWriter) -> bool:
        match = PATH.match(request.path)
        body = json.loads(request.body or b"{}")
        if request.method != "POST":
            await self._refuse(writer, 405, "method")
        elif match is None:
            await self._refuse(writer, 404, "path")
        elif (problem := schema_problem(body)) is not None:
            await self._refuse(writer, 400, problem)
        else:
            recorded = GeminiRequest(
                path=request.path,
                model=match["model"],
                api_key=request.headers.get("x-goog-api-key"),
                body=body,
            )
            return await self._answer(recorded, writer)
        return True

    async def _refuse(self, writer: asyncio.StreamWriter, status: int, problem: str) -> None:
        self.refused.append(problem)
        await respond(writer, status, error_body(status, problem))

    async def _answer(self, request: GeminiRequest, writer: asyncio.StreamWriter) -> bool:
        """Answer one generateContent call; False when the connection must not be used again."""
        self.requests.append(request)
        behaviour = self.plan(len(self.requests))
        self.behaviours.append(behaviour)
        if behaviour == "timeout":  # hang past the client's timeout, or until close()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), self.hang_s)
            return False
        if behaviour == "error":
            await respond(writer, 500, error_body(500, "Internal error encountered."))
            return True
        texts: dict[Behaviour, str | None] = {
            "ok": json.dumps(
                self.answerer(request) if self.answerer else self.answer, ensure_ascii=False
            ),
            "not_json": "Claro! Tenho horário amanhã às 15h.",
            "off_schema": json.dumps({**self.answer, "intent": "banana"}),
            "empty": None,
        }
        await respond(writer, 200, generate_content_body(texts[behaviour], request.model))
        return True


def generate_content_body(text: str | None, model: str) -> dict[str, Any]:
    """What the Developer API answers; `None` → no candidates (a blocked prompt)."""
    usage = {"promptTokenCount": 42, "candidatesTokenCount": 17, "totalTokenCount": 59}
    if text is None:
        return {"promptFeedback": {"blockReason": "SAFETY"}, "usageMetadata": usage}
    candidate = {
        "content": {"role": "model", "parts": [{"text": text}]},
        "finishReason": "STOP",
        "index": 0,
    }
    return {
        "candidates": [candidate],
        "usageMetadata": usage,
        "modelVersion": model,
        "responseId": "fake-response",
    }


def schema_problem(body: dict[str, Any]) -> str | None:
    """The real API refuses a response schema with keys its Schema message lacks."""
    schema = body.get("generationConfig", {}).get("responseSchema")
    if schema is not None and holds_key(schema, {"additionalProperties", "additional_properties"}):
        return 'Invalid JSON payload received. Unknown name "additional_properties"'
    return None


def holds_key(node: Any, keys: set[str]) -> bool:
    if isinstance(node, dict):
        return any(key in keys or holds_key(value, keys) for key, value in node.items())
    if isinstance(node, list):
        return any(holds_key(value, keys) for value in node)
    return False


def error_body(code: int, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": STATUSES[code]}}


PROMPT_MESSAGE = re.compile(r"^Mensagem do cliente \([^)]*\): (?P<message>.*)$", re.MULTILINE)
UNSCRIPTED: dict[str, Any] = {"intent": "unknown", "reply": "Pode repetir, por favor?"}


@dataclass
class ScriptedGemini(FakeGemini):
    """A fake Gemini that reads like a model from a script: the structured answer for each client
    message (found in the prompt as our prompt template writes it), and the transcript of each
    voice note by its bytes. Unscripted messages get `UNSCRIPTED`."""

    readings: dict[str, dict[str, Any]] = field(default_factory=dict)
    transcripts: dict[bytes, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.answerer = self.read

    def read(self, request: GeminiRequest) -> dict[str, Any]:
        for _mime, data in request.inline_data:
            return {"text": self.transcripts.get(data, "")}
        found = PROMPT_MESSAGE.search(request.prompt_text)
        message = found["message"] if found else ""
        return self.readings.get(message, UNSCRIPTED)

    def prompt_for(self, message: str) -> str:
        """The prompt of the last request that asked about `message`."""
        for request in reversed(self.requests):
            found = PROMPT_MESSAGE.search(request.prompt_text)
            if found and found["message"] == message:
                return request.prompt_text
        raise LookupError(f"Gemini was never asked about {message!r}")
