"""A client's rights under the LGPD on the real database: export everything, erase the personal
data (the salon's books stay), both recorded (retention: test_retention.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import asyncpg
import pytest

from actors.salon import Salon as SalonActor
from domain.commands import EraseClient, ExportClient, ReceiveMessage
from domain.errors import NotFoundError
from domain.events import parse_event
from integrations.event_stream import EventStream
from tests.integration.client_rights_support import (
    OWNER,
    PHONE,
    Salon,
    active_salon,
    client_who_talked_and_booked,
    fetch,
)


@pytest.fixture
async def agenda(pool: asyncpg.Pool, stream: EventStream, salon: Salon) -> SalonActor:
    return await active_salon(pool, stream, salon)


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
