"""A salon conversation end to end, over signed n8n webhooks and the owner's WebSocket: salon
facts (and one the profile lacks), cancelling, rescheduling (approved, then rejected), a person
taking over and giving the chat back, running late, and a voice note.

Each runs twice: on the `/` app, where the Portuguese rules read every message, and on the
`/gemini` app, where the real google-genai SDK reads them through a fake Gemini on 127.0.0.1
that answers from a script (and transcribes voice notes by their bytes).
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg
import httpx
import pytest
from websockets.asyncio.client import ClientConnection, connect

from domain.salon_import import ClientPart, SalonFile, VisitPart
from domain.salon_profile import SalonProfile
from tests.e2e.chat_helpers import WEBHOOK, signed, whatsapp
from tests.e2e.conftest import Api, LiveSalon, open_salon
from tests.e2e.sockets import receive_json, until
from tests.factories import make_salon, next_local_slot, next_phone
from tests.fakes.gemini import ScriptedGemini

PROFILE = SalonProfile(
    address="Rua Harmonia, 321 – Vila Madalena",
    payment_methods=("pix", "credit_card"),
    cancellation_policy="Cancelamentos com menos de 24 horas podem ser cobrados.",
    cancellation_window_h=24,
)


@dataclass
class Engine:
    name: str
    api: Api
    gemini: ScriptedGemini | None

    def reads(self, message: str, **reading: Any) -> None:
        """What the scripted Gemini answers to `message` (the rules need no script)."""
        if self.gemini is not None:
            self.gemini.readings[message] = {"reply": "Certo!"} | reading


@pytest.fixture(params=["rules", "gemini"])
def engine(request: pytest.FixtureRequest, default_api: Api) -> Engine:
    if request.param == "rules":
        return Engine("rules", default_api, None)
    gemini: ScriptedGemini = request.getfixturevalue("e2e_gemini")
    return Engine("gemini", request.getfixturevalue("gemini_api"), gemini)


@dataclass
class Talk:
    """One client writing to the salon on WhatsApp while the owner's socket is open."""

    salon: LiveSalon
    http: httpx.AsyncClient
    ws: ClientConnection
    phone: str
    seen: list[dict[str, Any]] = field(default_factory=list)

    async def post(self, text: str, **extra: Any) -> httpx.Response:
        body = whatsapp(self.salon, text, phone=self.phone, client_name="Marina Alves") | extra
        raw, headers = signed(self.salon.api, body)
        response = await self.http.post(WEBHOOK, content=raw, headers=headers)
        assert response.status_code == 202, response.text
        return response

    async def says(self, text: str, **extra: Any) -> dict[str, Any]:
        """The agent's answer (`ai_response` data); every event before it is kept in `seen`."""
        await self.post(text, **extra)
        return (await self.until("ai_response"))["data"]

    async def until(self, event_type: str) -> dict[str, Any]:
        while True:
            message = await receive_json(self.ws)
            if message["event_id"] is not None:
                self.seen.append(message)
            if message["event_type"] == event_type:
                return message

    def last(self, event_type: str) -> dict[str, Any]:
        """The latest event of this type seen so far (one that came with an answer)."""
        return next(e for e in reversed(self.seen) if e["event_type"] == event_type)

    def notices(self) -> list[dict[str, Any]]:
        return [e["data"] for e in self.seen if e["event_type"] == "client_notice"]


def within_the_hour() -> datetime:
    """The next quarter hour at least an hour from now (São Paulo)."""
    now = datetime.now(ZoneInfo("America/Sao_Paulo")).replace(second=0, microsecond=0)
    return now + timedelta(hours=1, minutes=15 - now.minute % 15)


async def salon_with_bookings(
    pool: asyncpg.Pool, api: Api, *days: int, soon: bool = False
) -> tuple[LiveSalon, str]:
    """A salon with the profile above and client Marina booked with Carol at 15:00 on each of
    `days` days ahead (and within the hour when `soon`); returns the salon and Marina's phone."""
    phone = next_phone()
    starts = [next_local_slot(days_ahead=day, hour=15) for day in days]
    visits = [
        VisitPart(service="corte", professional="carol", starts_at=at, status="booked")
        for at in [*starts, *([within_the_hour()] if soon else [])]
    ]
    base = make_salon()
    salon = SalonFile.model_validate(
        base.model_dump()
        | {
            "clients": [ClientPart(key="marina", name="Marina Alves", phone=phone, visits=visits)],
            "profile": PROFILE,
        }
    )
    return await open_salon(pool, api, salon), phone


@pytest.fixture
async def talk_for(
    http_any: httpx.AsyncClient,
) -> AsyncIterator[Any]:
    sockets: list[Any] = []

    async def start(salon: LiveSalon, phone: str) -> Talk:
        socket = connect(salon.ws())
        ws = await socket.__aenter__()
        sockets.append(socket)
        await until(ws, "sync_started")
        return Talk(salon, http_any, ws, phone)

    yield start
    for socket in sockets:
        await socket.__aexit__(None, None, None)


@pytest.fixture
async def http_any(engine: Engine) -> AsyncIterator[httpx.AsyncClient]:
    async with engine.api.client() as client:
        yield client


async def booked_times(pool: asyncpg.Pool, salon: LiveSalon) -> list[tuple[str, Any]]:
    rows = await pool.fetch(
        "SELECT status, starts_at FROM appointment WHERE tenant_id = $1 ORDER BY starts_at",
        salon.ids.tenant,
    )
    return [(r["status"], r["starts_at"]) for r in rows]


# --- salon facts --------------------------------------------------------------------------------
async def test_salon_facts_come_from_the_profile_and_a_missing_one_reaches_the_owner(
    engine: Engine, pool: asyncpg.Pool, talk_for: Any
) -> None:
    salon, phone = await salon_with_bookings(pool, engine.api)
    talk: Talk = await talk_for(salon, phone)
    engine.reads(
        "Qual o endereço de vocês? Aceitam pix?",
        intent="salon_info",
        topics=["address", "payment"],
        reply="Estamos na Rua Harmonia, 321 – Vila Madalena, e aceitamos Pix e cartão!",
    )
    # Gemini claims a parking the profile does not mention: the chat checks with the salon.
    engine.reads("tem estacionamento?", intent="salon_info", topics=["parking"], reply="Temos!")
    facts = await talk.says("Qual o endereço de vocês? Aceitam pix?")
    missing = await talk.says("tem estacionamento?")
    assert (facts["intent"], facts["intent_detail"], facts["engine"]) == (
        "inquiry",
        "salon_info",
        engine.name,
    )
    assert "Rua Harmonia, 321" in facts["message"] and "Pix" in facts["message"]
    assert "vou confirmar com o salão" in missing["message"]
    [notice] = talk.notices()
    assert (notice["kind"], notice["topics"], notice["client_name"]) == (
        "missing_fact",
        ["parking"],
        "Marina Alves",
    )
    if engine.gemini is not None:  # the request carried the profile and the conversation
        prompt = engine.gemini.prompt_for("tem estacionamento?")
        assert "- Endereço: Rua Harmonia, 321 – Vila Madalena" in prompt
        assert "- Estacionamento: não informado" in prompt
        assert "cliente: Qual o endereço de vocês? Aceitam pix?" in prompt
        assert "salão (assistente): Estamos na Rua Harmonia" in prompt


# --- cancel -------------------------------------------------------------------------------------
async def test_a_client_cancels_one_of_two_bookings_after_saying_which(
    engine: Engine, pool: asyncpg.Pool, talk_for: Any
) -> None:
    salon, phone = await salon_with_bookings(pool, engine.api, 3, 5)
    talk: Talk = await talk_for(salon, phone)
    engine.reads("quero cancelar meu horário", intent="cancel")
    engine.reads("o segundo", intent="cancel")
    which = await talk.says("quero cancelar meu horário")
    done = await talk.says("o segundo")
    updated = next(e["data"] for e in talk.seen if e["event_type"] == "appointment_updated")
    times = await booked_times(pool, salon)
    assert "Qual deles você quer cancelar?" in which["message"]
    assert done["message"].startswith("Pronto, Marina! Cancelei seu horário de Corte feminino")
    assert (done["intent"], done["intent_detail"]) == ("booking", "cancel")
    assert (updated["status"], updated["by_client"]) == ("cancelled", True)
    assert [status for status, _ in times] == ["booked", "cancelled"]
    if engine.gemini is not None:  # Gemini saw both bookings
        prompt = engine.gemini.prompt_for("quero cancelar meu horário")
        assert prompt.count("Corte feminino") >= 2 and "às 15:00 com Carol" in prompt


# --- reschedule ---------------------------------------------------------------------------------
async def test_reschedule_approved_moves_the_booking_and_rejected_keeps_it(
    engine: Engine, pool: asyncpg.Pool, talk_for: Any, http_any: httpx.AsyncClient
) -> None:
    salon, phone = await salon_with_bookings(pool, engine.api, 3)
    [(_, first_time)] = await booked_times(pool, salon)
    talk: Talk = await talk_for(salon, phone)
    engine.reads("preciso remarcar", intent="reschedule")
    engine.reads("1", intent="reschedule")
    offered = await talk.says("preciso remarcar")
    await talk.says("1")
    created = talk.last("auth_request_created")
    request = created["data"]["auth_request"]
    approved = await http_any.post(
        f"/api/v1/sync/confirm-auth-request/{request['id']}",
        json={"decision": "approve"},
        headers=salon.auth,
    )
    moved = await talk.until("appointment_updated")
    [(status, moved_time)] = await booked_times(pool, salon)

    engine.reads("quero mudar o horário de novo", intent="reschedule")
    await talk.says("quero mudar o horário de novo")
    await talk.says("1")
    second = talk.last("auth_request_created")["data"]["auth_request"]
    rejected = await http_any.post(
        f"/api/v1/sync/confirm-auth-request/{second['id']}",
        json={"decision": "reject"},
        headers=salon.auth,
    )
    told = await pool.fetchval(
        "SELECT body FROM outbound_message WHERE tenant_id = $1 AND related_id = $2",
        salon.ids.tenant,
        UUID(second["id"]),
    )
    assert "Para remarcar seu horário de Corte feminino" in offered["message"]
    assert request["replaces_appointment_id"] is not None
    assert approved.status_code == 200
    assert moved["data"]["appointment_id"] == request["replaces_appointment_id"]
    assert status == "booked" and moved_time != first_time  # moved: never two, never none
    assert rejected.status_code == 200
    assert await booked_times(pool, salon) == [("booked", moved_time)]
    assert "seu horário atual continua marcado" in told


# --- a person takes over ------------------------------------------------------------------------
async def test_asking_for_a_person_pauses_the_agent_until_the_salon_gives_it_back(
    engine: Engine, pool: asyncpg.Pool, talk_for: Any, http_any: httpx.AsyncClient
) -> None:
    salon, phone = await salon_with_bookings(pool, engine.api)
    talk: Talk = await talk_for(salon, phone)
    engine.reads("quero falar com um atendente", intent="handoff")
    handed = await talk.says("quero falar com um atendente")
    paused = talk.last("conversation_paused")
    await talk.post("oi, tem alguém aí?")
    held = await talk.until("message_received")
    resumed = await http_any.post(
        f"/api/v1/chat/conversations/{handed['conversation_id']}/resume", headers=salon.auth
    )
    await talk.until("conversation_resumed")
    engine.reads(
        "Qual o endereço?", intent="salon_info", topics=["address"], reply="Rua Harmonia, 321."
    )
    again = await talk.says("Qual o endereço?")
    messages = (
        await http_any.get(
            f"/api/v1/chat/conversations/{handed['conversation_id']}/messages", headers=salon.auth
        )
    ).json()["data"]
    assert handed["intent_detail"] == "handoff"
    assert paused["data"]["reason"] == "client_asked"
    assert held["data"]["message"] == "oi, tem alguém aí?"
    assert resumed.status_code == 200
    assert "Rua Harmonia, 321" in again["message"]
    assert [m["status"] for m in messages if m["body"] == "oi, tem alguém aí?"] == ["held"]
    # nothing answered the held message: two answers only, the handoff's and the last one
    answered = [e["data"]["message"] for e in talk.seen if e["event_type"] == "ai_response"]
    assert answered == [handed["message"], again["message"]]


# --- late ---------------------------------------------------------------------------------------
async def test_running_late_reaches_the_owner_tied_to_the_booking(
    engine: Engine, pool: asyncpg.Pool, talk_for: Any
) -> None:
    salon, phone = await salon_with_bookings(pool, engine.api, soon=True)
    talk: Talk = await talk_for(salon, phone)
    engine.reads("vou me atrasar uns 15 min", intent="late", notice="late", minutes=15)
    answer = await talk.says("vou me atrasar uns 15 min")
    [notice] = talk.notices()
    [appointment_id] = await pool.fetch(
        "SELECT id FROM appointment WHERE tenant_id = $1", salon.ids.tenant
    )
    assert answer["intent_detail"] == "late"
    assert "vai se atrasar uns 15 minutos" in answer["message"]
    assert (notice["kind"], notice["minutes"]) == ("late", 15)
    assert notice["appointment_id"] == str(appointment_id["id"])


# --- a voice note -------------------------------------------------------------------------------
async def test_a_voice_note_is_answered_kindly_or_transcribed_when_the_salon_wants(
    engine: Engine, pool: asyncpg.Pool, talk_for: Any, http_any: httpx.AsyncClient
) -> None:
    salon, phone = await salon_with_bookings(pool, engine.api)
    talk: Talk = await talk_for(salon, phone)
    audio = b"OggS fake voice note " + phone.encode()
    voice = {"kind": "audio", "media_id": "media-1", "mime_type": "audio/ogg; codecs=opus"}
    plain = await talk.says("", **voice)
    setting = await http_any.patch(
        "/api/v1/salon/settings", json={"transcribe_voice": True}, headers=salon.auth
    )
    if engine.gemini is not None:
        engine.gemini.transcripts[audio] = "oi qual o endereço de vocês"
        engine.reads(
            "oi qual o endereço de vocês",
            intent="salon_info",
            topics=["address"],
            reply="Fica na Rua Harmonia, 321 – Vila Madalena.",
        )
    heard = await talk.says(
        "", **(voice | {"media_id": "media-2", "media_base64": base64.b64encode(audio).decode()})
    )
    messages = (
        await http_any.get(
            f"/api/v1/chat/conversations/{heard['conversation_id']}/messages", headers=salon.auth
        )
    ).json()["data"]
    voices = [m for m in messages if m["kind"] == "audio"]
    assert plain["message"].startswith("Oi, Marina! Por aqui eu ainda não consigo ouvir áudios.")
    assert setting.status_code == 200
    assert [n["media_kind"] for n in talk.notices()] == ["audio", "audio"]
    assert [m["media_id"] for m in voices] == ["media-1", "media-2"]
    if engine.gemini is None:  # no Gemini: no transcription, text is asked for again
        assert heard["message"] == plain["message"]
        assert [m["transcript"] for m in voices] == [None, None]
    else:
        assert "Rua Harmonia, 321" in heard["message"]
        assert [m["transcript"] for m in voices] == [None, "oi qual o endereço de vocês"]
        assert engine.gemini.requests[-2].inline_data == [("audio/ogg; codecs=opus", audio)]
