"""A client's rights under the LGPD on the real database: export everything, erase the personal
data (the salon's books stay), both recorded; chat messages past the salon's retention go."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import pytest

from actors.salon import Salon as SalonActor
from actors.scheduler import SchedulerCore
from config.settings import Settings
from db.client_rights import purge_old_chat_messages
from domain.commands import (
    CreateAuthRequest,
    DecideAuthRequest,
    EraseClient,
    ExportClient,
    ReceiveMessage,
)
from domain.errors import NotFoundError
from domain.events import parse_event
from domain.models import Agent
from domain.salon_import import SalonFile
from integrations.event_stream import EventStream
from tests.factories import SalonIds, next_local_slot

Salon = tuple[SalonFile, SalonIds]
OWNER = uuid4()
PHONE = "+5511977776666"


@pytest.fixture
async def agenda(pool: asyncpg.Pool, stream: EventStream, salon: Salon) -> SalonActor:
    agenda = SalonActor(salon[1].tenant, pool=pool, stream=stream)
    await agenda.activate()
    return agenda


async def client_who_talked_and_booked(agenda: SalonActor, salon: Salon) -> UUID:
    """A client who wrote twice, has a coming booking and an open offer."""
    accepted = None
    for text in ("Oi, meu nome é Rita", "qual o preço do corte?"):
        accepted = await agenda.handle(
            ReceiveMessage(
                client_name="Rita Gomes",
                phone=PHONE,
                message=text,
                sent_at=datetime.now(UTC),
                external_id=uuid4().hex,
            )
        )
        await agenda.drain()
    assert accepted is not None
    ids = salon[1]
    for days, agent in ((2, Agent.MANUAL), (4, Agent.PRAZO_CERTO)):
        created = await agenda.handle(
            CreateAuthRequest(
                command_id=uuid4().hex,
                created_by_agent=agent,
                client_id=accepted.client_id,
                service_id=ids.of("service", "corte"),
                professional_id=ids.of("professional", "carol"),
                starts_at=next_local_slot(days_ahead=days, hour=10),
            )
        )
        if agent == Agent.MANUAL:  # the salon booked this one
            await agenda.handle(
                DecideAuthRequest(
                    request_id=created.auth_request_id, decision="approve", decided_by=OWNER
                )
            )
    return accepted.client_id


async def fetch(pool: asyncpg.Pool, sql: str, *args: Any) -> list[dict[str, Any]]:
    async with pool.acquire() as conn:
        return [dict(r) for r in await conn.fetch(sql, *args)]


async def test_export_holds_everything_about_the_client_and_is_recorded(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    client_id = await client_who_talked_and_booked(agenda, salon)
    exported = (await agenda.handle(ExportClient(client_id=client_id, exported_by=OWNER))).data
    trail = await fetch(
        pool,
        "SELECT action, requested_by FROM client_data_request WHERE tenant_id = $1",
        salon[1].tenant,
    )
    assert exported["client"]["name"] == "Rita Gomes"
    assert exported["client"]["phone_e164"] == PHONE
    assert [m["body"] for m in exported["chat_messages"] if m["author"] == "client"] == [
        "Oi, meu nome é Rita",
        "qual o preço do corte?",
    ]
    assert len(exported["appointments"]) == 1
    assert len(exported["offers_and_requests"]) == 2
    assert exported["whatsapp_messages_sent"]  # the agent's replies and the confirmation
    assert trail == [{"action": "export", "requested_by": OWNER}]


async def test_erase_removes_personal_data_and_keeps_the_books(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    tenant = salon[1].tenant
    client_id = await client_who_talked_and_booked(agenda, salon)
    erased = await agenda.handle(EraseClient(client_id=client_id, erased_by=OWNER))
    client = (
        await fetch(
            pool,
            "SELECT name, phone_e164, whatsapp_id, erased_at FROM client"
            " WHERE tenant_id = $1 AND id = $2",
            tenant,
            client_id,
        )
    )[0]
    appointments = await fetch(
        pool, "SELECT status, status_reason FROM appointment WHERE tenant_id = $1", tenant
    )
    messages = await fetch(pool, "SELECT id FROM chat_message WHERE tenant_id = $1", tenant)
    bodies = await fetch(pool, "SELECT body FROM outbound_message WHERE tenant_id = $1", tenant)
    personal = await fetch(
        pool,
        """SELECT event_type FROM event WHERE tenant_id = $1
           AND (data::text LIKE '%Rita%' OR data::text LIKE '%977776666%'
                OR data::text LIKE '%preço do corte%')""",
        tenant,
    )
    requests = await fetch(
        pool, "SELECT status FROM auth_request WHERE tenant_id = $1 AND status = 'pending'", tenant
    )
    assert (erased.appointments_cancelled, erased.requests_closed) == (1, 1)
    assert (client["name"], client["phone_e164"], client["whatsapp_id"]) == (
        "Cliente removido",
        None,
        None,
    )
    assert client["erased_at"] is not None
    assert appointments == [
        {"status": "cancelled", "status_reason": "dados do cliente removidos (LGPD)"}
    ]
    assert messages == [] and requests == []
    assert {b["body"] for b in bodies} <= {""}
    assert personal == []
    assert client_id not in agenda.agenda.clients
    with pytest.raises(NotFoundError):
        await agenda.handle(EraseClient(client_id=client_id, erased_by=OWNER))
    # the same phone writing again is a new client, not the erased one
    again = await agenda.handle(
        ReceiveMessage(client_name="Rita", phone=PHONE, message="oi", sent_at=datetime.now(UTC))
    )
    assert again.client_id != client_id


async def test_old_chat_messages_go_after_the_salons_retention(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    tenant = salon[1].tenant
    await client_who_talked_and_booked(agenda, salon)
    now = datetime.now(UTC)
    async with pool.acquire() as conn:
        await conn.execute(  # the first exchange happened 13 months ago
            """UPDATE chat_message SET created_at = $2
               WHERE tenant_id = $1 AND id IN (
                   SELECT id FROM chat_message WHERE tenant_id = $1
                   ORDER BY created_at LIMIT 2)""",
            tenant,
            now - timedelta(days=400),
        )
        kept_by_a_longer_choice = await conn.execute(
            "INSERT INTO salon_settings (tenant_id, chat_retention_months) VALUES ($1, 24)",
            tenant,
        )
        spared = await purge_old_chat_messages(
            conn, now=now, default_months=12, tenant_ids=[tenant]
        )
        await conn.execute("DELETE FROM salon_settings WHERE tenant_id = $1", tenant)
        deleted = await purge_old_chat_messages(
            conn, now=now, default_months=12, tenant_ids=[tenant]
        )
        left = await conn.fetchval("SELECT count(*) FROM chat_message WHERE tenant_id = $1", tenant)
    assert kept_by_a_longer_choice == "INSERT 0 1"
    assert (spared, deleted, left) == (0, 2, 2)


async def test_the_scheduler_blanks_words_past_retention_in_events_and_sent_messages(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon, settings: Settings
) -> None:
    tenant = salon[1].tenant
    await client_who_talked_and_booked(agenda, salon)
    now = datetime.now(UTC)
    old = now - timedelta(days=400)
    async with pool.acquire() as conn:  # everything said so far happened 13 months ago
        await conn.execute(
            "UPDATE chat_message SET created_at = $2 WHERE tenant_id = $1", tenant, old
        )
        await conn.execute("UPDATE event SET occurred_at = $2 WHERE tenant_id = $1", tenant, old)
        await conn.execute(
            "UPDATE outbound_message SET created_at = $2, status = 'sent' WHERE tenant_id = $1",
            tenant,
            old,
        )
        said = await conn.fetchval(
            "SELECT count(*) FROM event WHERE tenant_id = $1 AND data ->> 'message' <> ''", tenant
        )
    # Late at night in São Paulo: the day's campaigns are past their send window, none is due.
    night = (now + timedelta(days=1)).replace(hour=2, minute=30)
    scheduler = SchedulerCore(settings, pool, dispatch=refuse_dispatch)
    report = await scheduler.step(night, tenant_ids=[tenant])
    assert report.due == 0
    async with pool.acquire() as conn:
        counts = await conn.fetchrow(
            """SELECT
                 (SELECT count(*) FROM chat_message WHERE tenant_id = $1) AS messages,
                 (SELECT count(*) FROM event WHERE tenant_id = $1
                    AND data ->> 'message' <> '') AS events_with_words,
                 (SELECT count(*) FROM event WHERE tenant_id = $1 AND data ? 'message') AS events,
                 (SELECT count(*) FROM outbound_message WHERE tenant_id = $1
                    AND (body <> '' OR template_params <> '{}')) AS sent_with_words""",
            tenant,
        )
        stored = await fetch(
            pool,
            "SELECT event_id, event_type, occurred_at, data FROM event WHERE tenant_id = $1",
            tenant,
        )
    assert said >= 4  # two messages of the client's, two answers
    assert dict(counts) == {
        "messages": 0,
        "events_with_words": 0,
        "events": said,
        "sent_with_words": 0,
    }
    assert all(parse_event(row | {"tenant_id": str(tenant)}) for row in stored)


async def refuse_dispatch(tenant_id: UUID, command: object) -> Any:
    raise AssertionError(f"no campaign is due at night for {tenant_id}: {command!r}")


async def test_scrubbed_events_still_parse_for_sockets_replaying_them(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    client_id = await client_who_talked_and_booked(agenda, salon)
    await agenda.handle(EraseClient(client_id=client_id, erased_by=OWNER))
    stored = await fetch(
        pool,
        "SELECT event_id, event_type, occurred_at, data FROM event WHERE tenant_id = $1",
        salon[1].tenant,
    )
    parsed = [parse_event(row | {"tenant_id": str(salon[1].tenant)}) for row in stored]
    received = [e for e in parsed if e.event_type == "message_received"]
    assert received and all(e.data.message == "" for e in received)
