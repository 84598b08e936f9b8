"""One client per line on real PostgreSQL: a Brazilian mobile with and without its ninth digit is
the same client, in the actor's memory and in `db/clients.find_by_phone` alike."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

import asyncpg
import pytest

from actors.salon import Salon as SalonActor
from db import clients as client_queries
from db.salon_import import import_salon
from domain.commands import ReceiveMessage
from domain.models import Client
from domain.salon_import import ClientPart, SalonFile
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_agenda, make_salon
from tests.integration.conftest import import_committed


def message(phone: str) -> ReceiveMessage:
    return ReceiveMessage(
        client_name="Ana Souza",
        phone=phone,
        message="Oi, tem horário amanhã?",
        sent_at=datetime.now(UTC),
        external_id=uuid4().hex,
    )


async def client_rows(pool: asyncpg.Pool, tenant_id: UUID) -> list[tuple[str, str | None]]:
    async with pool.acquire() as conn:
        found = await conn.fetch(
            "SELECT phone_e164, whatsapp_id FROM client WHERE tenant_id = $1", tenant_id
        )
    return [(r["phone_e164"], r["whatsapp_id"]) for r in found]


async def test_imported_client_writing_from_an_old_whatsapp_id_is_the_same_client(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    ana = ClientPart(key="ana", name="Ana Souza", phone="+5511987654321", visits=[])
    salon = make_salon(clients=[ana])
    ids = await import_committed(pool, salon)
    actor = SalonActor(ids.tenant, pool=pool, stream=stream)
    await actor.activate()
    accepted = await actor.handle(message("551187654321"))  # no ninth digit, as older ids come
    await actor.drain()
    assert (accepted.client_id, accepted.new_client) == (ids.of("client", "ana"), False)
    assert await client_rows(pool, ids.tenant) == [("+5511987654321", "551187654321")]


async def test_client_stored_meanwhile_without_the_ninth_digit_is_found_not_duplicated(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    ids = await import_committed(pool, make_salon(clients=[]))
    actor = SalonActor(ids.tenant, pool=pool, stream=stream)
    await actor.activate()
    rita = uuid4()
    async with pool.acquire() as conn:  # the customer's Prisma service, after the agenda loaded
        await conn.execute(
            "INSERT INTO client (tenant_id, id, name, phone_e164) VALUES ($1, $2, $3, $4)",
            ids.tenant,
            rita,
            "Rita Gomes",
            "+551187654321",
        )
    accepted = await actor.handle(message("5511987654321"))
    await actor.drain()
    assert (accepted.client_id, accepted.new_client) == (rita, False)
    assert await client_rows(pool, ids.tenant) == [("+551187654321", "5511987654321")]


# Stored clients: (key, phone as stored, WhatsApp id as stored).
STORED = [
    ("old_form", "+551187654321", None),  # a mobile stored without its ninth digit
    ("moved", "+5511912345678", "5511987654321"),  # wrote from an id its phone no longer is
    ("landline", "+551134567890", None),
    ("santa_maria", "+555591234567", None),  # DDD 55, stored without its ninth digit
    ("us_1", "+14155550000", "14155552671"),
    ("us_2", "+14155550001", "14155552671"),
    ("blank_id", "+5521912340000", ""),
]
# (E.164 read from the message, WhatsApp id as received, key of the client found)
LOOKUPS = [
    ("+5511987654321", "5511987654321", "old_form"),  # the phone before the WhatsApp id
    ("+5511912345678", "5511912345678", "moved"),
    ("+5511999990000", "5511987654321", "moved"),
    ("+5511934567890", "5511934567890", None),  # 9 then 3: not the landline
    ("+5555991234567", "5555991234567", "santa_maria"),
    ("+14155552671", "14155552671", "us_1 or us_2"),  # the smaller client id
    ("+5521900000000", "", None),  # an empty id is no id
]


@pytest.fixture
async def stored(conn: asyncpg.Connection) -> tuple[SalonFile, list[Client]]:
    salon = make_salon(
        clients=[
            ClientPart(key=key, name=key, phone=phone, whatsapp_id=whatsapp_id, visits=[])
            for key, phone, whatsapp_id in STORED
        ]
    )
    await import_salon(conn, salon)
    rows = await conn.fetch(
        """SELECT id, name, phone_e164, whatsapp_id, marketing_opt_out FROM client
           WHERE tenant_id = $1""",
        SalonIds(salon).tenant,
    )
    return salon, [Client(**dict(r)) for r in rows]


@pytest.mark.parametrize(("phone_e164", "whatsapp_id", "key"), LOOKUPS)
async def test_database_and_memory_find_the_same_client(
    conn: asyncpg.Connection,
    stored: tuple[SalonFile, list[Client]],
    phone_e164: str,
    whatsapp_id: str,
    key: str | None,
) -> None:
    salon, clients = stored
    ids = SalonIds(salon)
    expected = None if key is None else ids.of("client", key)
    if key == "us_1 or us_2":
        expected = min(ids.of("client", "us_1"), ids.of("client", "us_2"))
    found = await client_queries.find_by_phone(
        conn, tenant_id=ids.tenant, phone_e164=phone_e164, whatsapp_id=whatsapp_id
    )
    in_memory = make_agenda(clients=clients).client_with_phone(phone_e164, whatsapp_id)
    assert (found and found.id, in_memory and in_memory.id) == (expected, expected)
