"""A person of the salon takes a conversation over, on real PostgreSQL and Redis: the client asks
for one, complains, or the salon writes; meanwhile the agent stores the client's messages without
answering them, until the salon gives the conversation back or the salon's hours pass."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import asyncpg
import pytest

from actors import chat_desk as chat_desk_module
from actors.salon import Salon
from domain.commands import ReceiveMessage, ResumeConversation, ResumeWork, SendOwnerMessage
from domain.errors import NotFoundError
from domain.salon_import import ClientPart
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_salon, next_phone
from tests.integration.conftest import import_committed
from tests.integration.test_offer_lifecycle import Clock

PHONE = "+5511977776666"


@pytest.fixture
async def desk(
    pool: asyncpg.Pool, stream: EventStream, salon: tuple[Any, SalonIds]
) -> tuple[Salon, SalonIds, Clock]:
    clock = Clock()
    agenda = Salon(salon[1].tenant, pool=pool, stream=stream, clock=clock)
    await agenda.activate()
    return agenda, salon[1], clock


async def says(agenda: Salon, clock: Clock, text: str) -> Any:
    accepted = await agenda.handle(
        ReceiveMessage(
            client_name="Joana Prado",
            phone=PHONE,
            message=text,
            sent_at=clock.now,
            external_id=uuid4().hex,
        )
    )
    await agenda.drain()
    clock.now += timedelta(minutes=1)  # the next message is a minute later
    return accepted


async def conversation(pool: asyncpg.Pool, ids: SalonIds, conversation_id: Any) -> list[Any]:
    """(author, status) of each message, in order."""
    found = await pool.fetch(
        "SELECT author, status FROM chat_message WHERE tenant_id = $1 AND conversation_id = $2"
        " ORDER BY created_at, direction, author",
        ids.tenant,
        conversation_id,
    )
    return [(row["author"], row["status"]) for row in found]


async def event_data(pool: asyncpg.Pool, ids: SalonIds, event_type: str) -> list[dict[str, Any]]:
    found = await pool.fetch(
        "SELECT data FROM event WHERE tenant_id = $1 AND event_type = $2 ORDER BY event_id",
        ids.tenant,
        event_type,
    )
    return [row["data"] for row in found]


async def test_asking_for_a_person_hands_over_until_the_salon_gives_it_back(
    pool: asyncpg.Pool, desk: tuple[Salon, SalonIds, Clock]
) -> None:
    agenda, ids, clock = desk
    first = await says(agenda, clock, "Quero falar com um atendente")
    await says(agenda, clock, "alô? tem alguém aí?")
    await says(agenda, clock, "quero marcar um corte amanhã")
    assert await conversation(pool, ids, first.conversation_id) == [
        ("client", "answered"),
        ("agent", "answered"),
        ("client", "held"),
        ("client", "held"),
    ]
    [paused] = await event_data(pool, ids, "conversation_paused")
    assert (paused["reason"], paused["paused_by"]) == ("client_asked", None)
    assert agenda.agenda.pending == {}  # the held booking wish became no request

    owner = ids.owner
    resumed = await agenda.handle(
        ResumeConversation(conversation_id=first.conversation_id, resumed_by=owner)
    )
    assert resumed.agent_answers
    [event] = await event_data(pool, ids, "conversation_resumed")
    assert event["resumed_by"] == str(owner)
    await says(agenda, clock, "oi, tudo bem?")
    *_, last_in, last_out = await conversation(pool, ids, first.conversation_id)
    assert (last_in, last_out) == (("client", "answered"), ("agent", "answered"))


async def test_the_salon_writing_takes_the_conversation_for_the_salons_hours(
    pool: asyncpg.Pool, desk: tuple[Salon, SalonIds, Clock]
) -> None:
    agenda, ids, clock = desk
    first = await says(agenda, clock, "oi")
    await agenda.handle(
        SendOwnerMessage(
            command_id=uuid4().hex,
            conversation_id=first.conversation_id,
            text="Oi Joana, aqui é a Ana do salão!",
            sent_by=ids.owner,
        )
    )
    clock.now += timedelta(minutes=1)
    [paused] = await event_data(pool, ids, "conversation_paused")
    assert (paused["reason"], paused["paused_by"]) == ("owner_replied", str(ids.owner))
    await says(agenda, clock, "oi Ana! quero marcar")
    clock.now += timedelta(hours=12, minutes=1)  # the default: the agent answers again
    await says(agenda, clock, "oi, ainda estão aí?")
    assert await conversation(pool, ids, first.conversation_id) == [
        ("client", "answered"),
        ("agent", "answered"),
        ("owner", "answered"),
        ("client", "held"),
        ("client", "answered"),
        ("agent", "answered"),
    ]


async def test_resuming_a_conversation_of_another_salon_is_not_found(
    pool: asyncpg.Pool, desk: tuple[Salon, SalonIds, Clock]
) -> None:
    agenda, ids, _clock = desk
    with pytest.raises(NotFoundError):
        await agenda.handle(ResumeConversation(conversation_id=uuid4(), resumed_by=ids.owner))
    assert await event_data(pool, ids, "conversation_resumed") == []


async def test_a_message_whose_answer_keeps_failing_is_left_for_the_salon_not_retried_forever(
    pool: asyncpg.Pool, stream: EventStream, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = ClientPart(key="ana", name="Ana", phone=next_phone())
    ids = await import_committed(pool, make_salon(clients=[ana]))
    salon = Salon(ids.tenant, pool=pool, stream=stream)
    await salon.activate()
    calls = 0

    def broken(*_args: object, **_kwargs: object) -> object:
        nonlocal calls
        calls += 1
        raise RuntimeError("a bug in answering")

    monkeypatch.setattr(chat_desk_module, "answer_message", broken)
    await salon.handle(
        ReceiveMessage(client_name="Ana", phone=ana.phone, message="oi", sent_at=datetime.now(UTC))
    )
    await salon.drain()
    for _ in range(5):  # the upkeep's resumes
        await salon.handle(ResumeWork())
        await salon.drain()
    status = await pool.fetchval(
        "SELECT status FROM chat_message WHERE tenant_id = $1 AND direction = 'inbound'",
        ids.tenant,
    )
    assert (status, calls) == ("held", chat_desk_module.MAX_ANSWER_FAILURES)
