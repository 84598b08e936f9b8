"""The language-model port: `generate(prompt, schema) -> model`, and the one error it raises.

Implementations (Gemini in integrations/gemini.py, the Portuguese rule engine) never let a
transport, HTTP or parsing error through: any failure is a `LanguageModelError`, so the caller
falls back with a single `except`. No provider SDK is imported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)

FailureKind = Literal["timeout", "http", "transport", "empty", "invalid"]


class LanguageModelError(Exception):
    """The model gave no usable answer. `detail` is short and never holds the prompt or a phone.

    Both arguments are positional strings so the error pickles intact across Ray.
    """

    def __init__(self, kind: FailureKind, detail: str) -> None:
        super().__init__(kind, detail)
        self.kind: FailureKind = kind
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


@dataclass(frozen=True)
class Media:
    """Bytes the model reads beside the prompt (a voice note's audio)."""

    mime_type: str
    data: bytes


class LanguageModel(Protocol):
    """Answers a prompt (and `media`, when given) with an instance of `schema`, or raises
    `LanguageModelError`."""

    name: str

    async def generate(
        self,
        prompt: str,
        schema: type[T],
        *,
        system: str | None = None,
        media: Sequence[Media] = (),
    ) -> T: ...
