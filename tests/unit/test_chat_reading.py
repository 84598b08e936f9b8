"""Gemini's reading merged with the rules' safety flags: what its schema does not read (consent
given back, doubt about the salon's messages) comes from the rules."""

from __future__ import annotations

from domain.chat_reading import LlmReading, from_reading
from tests.unit.test_chat_rules import read


def merged(text: str, **gemini: object) -> tuple[bool, bool, bool]:
    reading = LlmReading.model_validate({"intent": "hello", "reply": "Oi!"} | gemini)
    found = from_reading(reading, read(text), named=(None, None))
    return found.opt_in, found.opt_out, found.maybe_opt_out


def test_an_opt_in_read_by_the_rules_counts_when_gemini_reads_the_message() -> None:
    assert merged("quero voltar a receber as promoções") == (True, False, False)


def test_no_opt_in_from_a_message_gemini_reads_as_a_booking_or_a_stop() -> None:
    assert merged("quero voltar a receber as promoções", intent="booking")[0] is False
    assert merged("quero voltar a receber as promoções", opt_out=True) == (False, True, False)


def test_the_rules_doubt_about_the_messages_is_kept_unless_it_is_a_stop() -> None:
    assert merged("vocês mandam mensagem demais") == (False, False, True)
    assert merged("vocês mandam mensagem demais", opt_out=True) == (False, True, False)
