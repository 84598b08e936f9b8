"""The chat desk of a salon on real PostgreSQL and Redis, answered by the Portuguese rules."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from functools import partial
from typing import Any
from uuid import uuid4

import asyncpg
import pytest

from actors.salon import Salon as SalonActor
from db import chat as chat_queries
from domain.campaigns import CampaignOptions
from domain.commands import ReceiveMessage, RunCampaign, SendOwnerMessage
from domain.errors import DuplicateCommandError
from domain.salon_import import SalonFile
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_recall_salon

Salon = tuple[SalonFile, SalonIds]


@pytest.fixture
async def agenda(pool: asyncpg.Pool, stream: EventStream, salon: Salon) -> SalonActor:
    agenda = SalonActor(salon[1].tenant, pool=pool, stream=stream)
    await agenda.activate()
    return agenda


def message(
    text: str,
    *,
    phone: str = "+5511988887777",
    external_id: str | None = None,
    name: str = "João Pereira",
) -> ReceiveMessage:
    return ReceiveMessage(
        client_name=name,
        phone=phone,
        message=text,
        sent_at=datetime.now(UTC),
        external_id=external_id or uuid4().hex,
    )


async def say(agenda: SalonActor, text: str, **kwargs: Any) -> None:
    await agenda.handle(message(text, **kwargs))
    await agenda.drain()


async def rows(pool: asyncpg.Pool, sql: str, *args: Any) -> list[asyncpg.Record]:
    async with pool.acquire() as conn:
        return list(await conn.fetch(sql, *args))


async def events(pool: asyncpg.Pool, ids: SalonIds, event_type: str) -> list[dict[str, Any]]:
    found = await rows(
        pool,
        "SELECT data FROM event WHERE tenant_id = $1 AND event_type = $2 ORDER BY event_id",
        ids.tenant,
        event_type,
    )
    return [r["data"] for r in found]


async def test_unknown_phone_becomes_a_client(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    accepted = await agenda.handle(message("Oi, bom dia!", phone="5511977776666"))
    await agenda.drain()
    found = await rows(
        pool,
        "SELECT name, phone_e164, whatsapp_id FROM client WHERE tenant_id = $1 AND id = $2",
        salon[1].tenant,
        accepted.client_id,
    )
    assert accepted.new_client
    assert [tuple(r) for r in found] == [("João Pereira", "+5511977776666", "5511977776666")]


async def test_booking_request_gets_real_slots_then_a_proposal(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    ids = salon[1]
    await say(agenda, "Oi, quero agendar um corte amanhã às 15h")
    first = (await events(pool, ids, "ai_response"))[-1]
    assert first["intent"] == "booking"
    assert "15:00" in first["message"]
    await say(agenda, "sim, pode ser às 15h")
    second = (await events(pool, ids, "ai_response"))[-1]
    created = await events(pool, ids, "auth_request_created")
    assert second["booking_created"] is True
    assert len(created) == 1
    proposal = created[0]["auth_request"]
    assert (proposal["created_by_agent"], proposal["appointment_data"]["time"]) == ("chat", "15:00")


async def test_duplicate_deliveries_are_answered_once(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    text = message("Quanto custa a barba?", external_id="wamid.X1")
    results = await asyncio.gather(*(agenda.handle(text) for _ in range(5)))
    await agenda.handle(text)
    await agenda.drain()
    inbound = await rows(
        pool,
        "SELECT id FROM chat_message WHERE tenant_id = $1 AND direction = 'inbound'",
        salon[1].tenant,
    )
    replies = await events(pool, salon[1], "ai_response")
    assert len({r.message_id for r in results}) == 1
    assert sum(1 for r in results if not r.duplicate) == 1
    assert (len(inbound), len(replies)) == (1, 1)


async def test_a_message_racing_another_writer_is_stored_on_fresh_memory(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    renamed = f"Salão {uuid4().hex[:6]}"
    async with pool.acquire() as other:
        transaction = other.transaction()
        await transaction.start()
        # Another writer changes the salon and holds its transaction open, so the message's
        # commit waits for it, then finds memory behind.
        await other.execute("UPDATE tenant SET name = $2 WHERE id = $1", salon[1].tenant, renamed)
        arriving = asyncio.create_task(agenda.handle(message("Oi, bom dia!")))
        await asyncio.sleep(0.3)
        assert not arriving.done()
        await transaction.commit()
        accepted = await arriving
    await agenda.drain()
    stored = await rows(
        pool, "SELECT status FROM chat_message WHERE tenant_id = $1 AND id = $2",
        salon[1].tenant, accepted.message_id,
    )  # fmt: skip
    assert agenda.agenda.tenant.name == renamed  # reloaded, then decided again
    assert (accepted.duplicate, [r["status"] for r in stored]) == (False, ["answered"])


async def test_opt_out_word_stops_marketing(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    accepted = await agenda.handle(message("SAIR"))
    await agenda.drain()
    opted = await rows(
        pool,
        "SELECT marketing_opt_out FROM client WHERE tenant_id = $1 AND id = $2",
        salon[1].tenant,
        accepted.client_id,
    )
    reply = (await events(pool, salon[1], "ai_response"))[-1]
    assert opted[0]["marketing_opt_out"] is True
    assert "não vai mais receber" in reply["message"]
    assert await events(pool, salon[1], "client_opted_out") == [
        {"client_id": str(accepted.client_id), "source": "chat"}
    ]


async def test_asking_for_the_offers_again_after_sair_opts_back_in(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    accepted = await agenda.handle(message("SAIR"))
    await agenda.drain()
    await agenda.handle(message("pode me mandar as ofertas de novo"))
    await agenda.drain()
    opted = await rows(
        pool,
        "SELECT marketing_opt_out FROM client WHERE tenant_id = $1 AND id = $2",
        salon[1].tenant,
        accepted.client_id,
    )
    assert opted[0]["marketing_opt_out"] is False
    assert agenda.agenda.clients[accepted.client_id].marketing_opt_out is False
    assert await events(pool, salon[1], "client_opted_in") == [
        {"client_id": str(accepted.client_id), "source": "chat"}
    ]


async def test_complaint_is_flagged_and_not_sold_to(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    await say(agenda, "Péssimo atendimento, esperei 40 minutos e ninguém me avisou")
    reply = (await events(pool, salon[1], "ai_response"))[-1]
    flagged = await events(pool, salon[1], "complaint_received")
    assert reply["intent"] == "complaint"
    assert "R$" not in reply["message"] and "horário" not in reply["message"]
    assert len(flagged) == 1


async def test_yes_to_a_campaign_offer_links_that_request(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    from tests.integration.conftest import import_committed

    salon = make_recall_salon()
    ids = await import_committed(pool, salon)
    agenda = SalonActor(ids.tenant, pool=pool, stream=stream)
    await agenda.activate()
    run = await agenda.handle(
        RunCampaign(
            run_key="offer",
            campaign_type="prazo_certo",
            trigger="manual",
            options=CampaignOptions(min_lead_min=0),
        )
    )
    ana = next(c for c in salon.clients if c.key == "due")
    offered = next(s for s in run.suggestions if s.client_id == ids.of("client", "due"))
    await say(agenda, "Sim, quero!", phone=ana.phone, name=ana.name)
    reply = (await events(pool, ids, "ai_response"))[-1]
    requests = await rows(
        pool, "SELECT count(*) AS n FROM auth_request WHERE tenant_id = $1", ids.tenant
    )
    assert reply["auth_request_id"] == str(offered.auth_request_id)
    assert reply["booking_created"] is False
    assert requests[0]["n"] == len(run.suggestions)


async def test_owner_message_is_recorded_queued_and_evented(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    accepted = await agenda.handle(message("Oi!"))
    await agenda.drain()
    await agenda.handle(
        SendOwnerMessage(
            command_id="owner-1",
            conversation_id=accepted.conversation_id,
            text="Oi João, aqui é a Ana, dona do salão.",
            sent_by=salon[1].owner,
        )
    )
    queued = await rows(
        pool,
        "SELECT body FROM outbound_message WHERE tenant_id = $1"
        " AND body LIKE 'Oi João, aqui é a Ana%'",
        salon[1].tenant,
    )
    sent = await events(pool, salon[1], "owner_message_sent")
    assert len(queued) == 1
    assert sent[0]["conversation_id"] == str(accepted.conversation_id)


async def test_owner_message_sent_twice_with_one_command_id_goes_once(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    accepted = await agenda.handle(message("Oi!"))
    await agenda.drain()
    command = SendOwnerMessage(
        command_id="retry-me",
        conversation_id=accepted.conversation_id,
        text="Chegou sua encomenda.",
        sent_by=salon[1].owner,
    )
    first = await agenda.handle(command)
    again = await agenda.handle(command)
    queued = await rows(
        pool,
        "SELECT body FROM outbound_message WHERE tenant_id = $1 AND body = 'Chegou sua encomenda.'",
        salon[1].tenant,
    )
    assert first == again
    assert len(queued) == 1
    assert len(await events(pool, salon[1], "owner_message_sent")) == 1


async def test_same_command_in_two_processes_at_once_is_stored_once(
    agenda: SalonActor,
    pool: asyncpg.Pool,
    stream: EventStream,
    salon: Salon,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A salon briefly held by two hosts: both look, find nothing, and insert; one wins."""
    accepted = await agenda.handle(message("Oi!"))
    await agenda.drain()
    command = SendOwnerMessage(
        command_id="moving-host",
        conversation_id=accepted.conversation_id,
        text="Tudo certo para amanhã.",
        sent_by=salon[1].owner,
    )
    first = await agenda.handle(command)
    other_process = SalonActor(salon[1].tenant, pool=pool, stream=stream)
    await other_process.activate()
    real_find = chat_queries.find_message
    looks = iter([None])  # its first look comes before the other process committed

    async def racing_find(conn: asyncpg.Connection, **kwargs: Any) -> Any:
        return next(looks, None) or await real_find(conn, **kwargs)

    monkeypatch.setattr(chat_queries, "find_message", racing_find)
    again = await other_process.handle(command)
    queued = await rows(
        pool,
        "SELECT 1 FROM outbound_message WHERE tenant_id = $1 AND body = 'Tudo certo para amanhã.'",
        salon[1].tenant,
    )
    assert again == first
    assert len(queued) == 1


async def test_command_id_reused_for_another_text_is_refused(
    agenda: SalonActor, salon: Salon
) -> None:
    accepted = await agenda.handle(message("Oi!"))
    await agenda.drain()
    send = partial(
        SendOwnerMessage,
        command_id="k-1",
        conversation_id=accepted.conversation_id,
        sent_by=salon[1].owner,
    )
    await agenda.handle(send(text="Primeira"))
    with pytest.raises(DuplicateCommandError):
        await agenda.handle(send(text="Outra coisa"))


async def test_message_left_unanswered_is_answered_after_a_restart(
    agenda: SalonActor, pool: asyncpg.Pool, stream: EventStream, salon: Salon
) -> None:
    accepted = await agenda.handle(message("Oi, tudo bem?"))
    for task in list(agenda.chat._answering.values()):  # the process dies before answering
        task.cancel()
    await asyncio.sleep(0)
    restarted = SalonActor(salon[1].tenant, pool=pool, stream=stream)
    await restarted.activate()
    await restarted.drain()
    status = await rows(
        pool,
        "SELECT status FROM chat_message WHERE tenant_id = $1 AND id = $2",
        salon[1].tenant,
        accepted.message_id,
    )
    assert status[0]["status"] == "answered"
    assert len(await events(pool, salon[1], "ai_response")) == 1


async def test_client_added_by_another_writer_is_found_not_duplicated(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    async with pool.acquire() as conn:  # e.g. a re-import or the customer's Prisma service
        await conn.execute(
            "INSERT INTO client (tenant_id, id, name, phone_e164) VALUES ($1, $2, $3, $4)",
            salon[1].tenant,
            uuid4(),
            "Rita Gomes",
            "+5511944443333",
        )
    accepted = await agenda.handle(message("Oi!", phone="+5511944443333"))
    await agenda.drain()
    found = await rows(
        pool,
        "SELECT name FROM client WHERE tenant_id = $1 AND id = $2",
        salon[1].tenant,
        accepted.client_id,
    )
    assert not accepted.new_client
    assert found[0]["name"] == "Rita Gomes"


async def test_two_clients_saying_yes_to_one_slot_book_it_once(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    ana, bia = "+5511922221111", "+5511922220000"
    await say(agenda, "Quero marcar um corte amanhã às 15h", phone=ana, name="Ana")
    await say(agenda, "Quero marcar um corte amanhã às 15h", phone=bia, name="Bia")
    await say(agenda, "sim", phone=ana, name="Ana")
    await say(agenda, "sim", phone=bia, name="Bia")
    created = await events(pool, salon[1], "auth_request_created")
    last = (await events(pool, salon[1], "ai_response"))[-1]
    assert len(created) == 1
    assert last["booking_created"] is False
    assert "Tenho" in last["message"]


async def test_a_number_inside_a_sentence_books_nothing(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    await say(agenda, "Quero marcar uma barba sexta de tarde")
    await say(agenda, "somos 2 pessoas, tem mais horário?")
    assert await events(pool, salon[1], "auth_request_created") == []


async def test_an_answer_that_meets_no_free_connection_is_tried_again_soon(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A host flooded with messages runs out of pooled connections (the acquire gives up after
    its bound): the answer waits a little and goes on, instead of failing until the scheduler's
    next look a minute later (found by scripts/bench/chat_load)."""
    real = chat_queries.pending_inbound
    refused = []

    async def no_connection_at_first(*args: Any, **kwargs: Any) -> Any:
        if "message_id" in kwargs and len(refused) < 2:
            refused.append(kwargs["message_id"])
            raise TimeoutError  # as BoundedPool.acquire raises when no connection frees in time
        return await real(*args, **kwargs)

    monkeypatch.setattr(chat_queries, "pending_inbound", no_connection_at_first)
    monkeypatch.setattr("actors.chat_desk.RETRY_FIRST_S", 0.05)
    accepted = await agenda.handle(message("Oi, tudo bem?"))
    await agenda.drain()
    status = await rows(
        pool,
        "SELECT status FROM chat_message WHERE tenant_id = $1 AND id = $2",
        salon[1].tenant,
        accepted.message_id,
    )
    assert refused == [accepted.message_id] * 2
    assert status[0]["status"] == "answered"
    assert len(await events(pool, salon[1], "ai_response")) == 1
    assert not agenda.chat._failures  # not counted toward leaving it for a person
