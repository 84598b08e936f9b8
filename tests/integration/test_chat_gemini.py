"""The chat desk with the real google-genai SDK against a fake Gemini on 127.0.0.1.

A structured answer is used; a 500, a timeout and an invalid answer each fall back to the
Portuguese rules, and the client is answered all the same.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import asyncpg
import pytest

from actors.salon import Salon as SalonActor
from domain.commands import ReceiveMessage, SetSalonSettings
from domain.salon_import import SalonFile
from domain.salon_settings import SettingsChoice
from integrations.event_stream import EventStream
from integrations.gemini import GeminiModel
from tests.factories import SalonIds
from tests.fakes.gemini import FakeGemini, always

Salon = tuple[SalonFile, SalonIds]
HELLO = {
    "intent": "hello",
    "reply": "Olá! Que bom falar com você. Em que posso ajudar hoje?",
    "service": None,
    "professional": None,
    "date": None,
    "time": None,
}


@pytest.fixture
async def gemini() -> AsyncIterator[FakeGemini]:
    server = FakeGemini(answer=dict(HELLO))
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def agenda(
    pool: asyncpg.Pool, stream: EventStream, salon: Salon, gemini: FakeGemini
) -> AsyncIterator[SalonActor]:
    model = GeminiModel(
        "test-key",
        "gemini-test",
        base_url=gemini.base_url,
        timeout_s=0.5,
        attempts=1,
        initial_delay_s=0.01,
    )
    agenda = SalonActor(salon[1].tenant, pool=pool, stream=stream, llm=model)
    await agenda.activate()
    yield agenda
    await model.close()


async def ask(agenda: SalonActor, text: str, external_id: str | None = None) -> None:
    await agenda.handle(
        ReceiveMessage(
            client_name="Lia Santos",
            phone="+5511933332222",
            message=text,
            sent_at=datetime.now(UTC),
            external_id=external_id or uuid4().hex,
        )
    )
    await agenda.drain()


async def replies(pool: asyncpg.Pool, ids: SalonIds) -> list[dict[str, Any]]:
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT data FROM event WHERE tenant_id = $1"
            " AND event_type = 'ai_response' ORDER BY event_id",
            ids.tenant,
        )
    return [row["data"] for row in rows]


async def test_structured_answer_is_used(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, gemini: FakeGemini
) -> None:
    await ask(agenda, "Oi!")
    (reply,) = await replies(pool, salon[1])
    assert (reply["engine"], reply["intent"]) == ("gemini", "hello")
    assert reply["message"] == HELLO["reply"]
    assert "Oi!" in gemini.requests[0].prompt_text


async def test_gemini_booking_fields_give_real_slots(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, gemini: FakeGemini
) -> None:
    # The test salon is open all day, so 15:00 tomorrow is free with Carol.
    gemini.answer = {
        "intent": "booking",
        "reply": "Claro!",
        "service": "Corte feminino",
        "professional": "Carol",
        "date": None,
        "time": "15:00",
    }
    await ask(agenda, "queria cortar o cabelo amanhã lá pelas 3 da tarde")
    (reply,) = await replies(pool, salon[1])
    assert reply["engine"] == "gemini"
    assert "15:00" in reply["message"] and "Carol" in reply["message"]


@pytest.mark.parametrize("failure", ["error", "timeout", "not_json", "off_schema"])
async def test_gemini_failure_falls_back_and_still_answers(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, gemini: FakeGemini, failure: str
) -> None:
    gemini.plan = always(failure)  # type: ignore[arg-type]
    await ask(agenda, "Quanto custa a barba?")
    (reply,) = await replies(pool, salon[1])
    assert reply["engine"] == "rules"
    assert reply["intent"] == "inquiry"
    assert "R$" in reply["message"]


async def test_concurrent_duplicates_make_one_llm_call_and_one_reply(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, gemini: FakeGemini
) -> None:
    message = ReceiveMessage(
        client_name="Lia Santos",
        phone="+5511933332222",
        message="Oi!",
        sent_at=datetime.now(UTC),
        external_id="wamid.DUP",
    )
    await asyncio.gather(*(agenda.handle(message) for _ in range(6)))
    await agenda.drain()
    assert len(gemini.requests) == 1
    assert len(await replies(pool, salon[1])) == 1


async def voice_note(agenda: SalonActor, audio: bytes) -> None:
    await agenda.handle(
        ReceiveMessage(
            client_name="Lia Santos",
            phone="+5511933332222",
            kind="audio",
            mime_type="audio/ogg",
            media_id="media-1",
            audio=audio,
            sent_at=datetime.now(UTC),
            external_id=uuid4().hex,
        )
    )
    await agenda.drain()


async def test_a_voice_note_is_transcribed_only_when_the_salon_asks(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, gemini: FakeGemini
) -> None:
    gemini.answer = {"text": "oi", "intent": "hello", "reply": "Oi! Tudo bem?"}
    await voice_note(agenda, b"first")
    await agenda.handle(
        SetSalonSettings(choice=SettingsChoice(transcribe_voice=True), fields=("transcribe_voice",))
    )
    await voice_note(agenda, b"second")
    first, second = await replies(pool, salon[1])
    audio_parts = [r.inline_data for r in gemini.requests]
    assert first["message"].startswith("Oi, Lia! Por aqui eu ainda não consigo ouvir áudios.")
    assert audio_parts[0] == [("audio/ogg", b"second")]  # the first was never sent to Gemini
    assert second["message"] == "Oi! Tudo bem?" and second["engine"] == "gemini"
    stored = await pool.fetch(
        "SELECT transcript, media_data FROM chat_message WHERE tenant_id = $1 AND kind = 'audio'"
        " ORDER BY created_at",
        salon[1].tenant,
    )
    # answered: the audio is dropped either way, the transcript kept
    assert [(r["transcript"], r["media_data"]) for r in stored] == [(None, None), ("oi", None)]


async def test_a_failed_transcription_asks_for_text(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, gemini: FakeGemini
) -> None:
    gemini.plan = always("error")
    await agenda.handle(
        SetSalonSettings(choice=SettingsChoice(transcribe_voice=True), fields=("transcribe_voice",))
    )
    await voice_note(agenda, b"audio")
    (reply,) = await replies(pool, salon[1])
    assert reply["message"].startswith("Oi, Lia! Por aqui eu ainda não consigo ouvir áudios.")
    assert reply["engine"] == "rules"


async def test_a_client_who_asks_for_offers_again_is_opted_in_when_gemini_reads_it(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, gemini: FakeGemini
) -> None:
    # Gemini's schema has no consent field: the rules' reading of consent counts beside it.
    gemini.answer = dict(HELLO, reply="Claro! Vou te mandar as novidades.")
    await ask(agenda, "quero voltar a receber as promoções de vocês")
    (reply,) = await replies(pool, salon[1])
    assert reply["engine"] == "gemini" and "receber as ofertas" in reply["message"]
    async with pool.acquire() as conn:
        consent = await conn.fetchrow(
            "SELECT c.granted, c.source FROM client_consent c JOIN client k ON k.id = c.client_id"
            " WHERE c.tenant_id = $1 AND k.phone_e164 = '+5511933332222'",
            salon[1].tenant,
        )
    assert consent is not None and (consent["granted"], consent["source"]) == (True, "chat")
