"""Writes and the actor's own reads of clients (the dashboard's list: db/read/agenda.py)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from domain.errors import StaleAgendaError
from domain.models import Client
from domain.phones import equivalent_phones


async def find_by_phone(
    conn: asyncpg.Connection, *, tenant_id: UUID, phone_e164: str, whatsapp_id: str
) -> Client | None:
    """A client another writer (an import, the customer's services) stored since the last load:
    found and ranked as `Agenda.client_with_phone` finds them (a Brazilian mobile also stored
    without its ninth digit; the WhatsApp id exactly as received)."""
    row = await conn.fetchrow(
        """SELECT id, name, phone_e164, whatsapp_id, marketing_opt_out FROM client
           WHERE tenant_id = $1
             AND (phone_e164 = ANY($2::text[]) OR ($3::text <> '' AND whatsapp_id = $3))
           ORDER BY array_position($2::text[], phone_e164) NULLS LAST, id LIMIT 1""",
        tenant_id,
        list(equivalent_phones(phone_e164)),
        whatsapp_id,
    )
    return None if row is None else Client(**dict(row))


async def insert_clients(
    conn: asyncpg.Connection, *, tenant_id: UUID, clients: Sequence[Client]
) -> None:
    """New clients; a phone stored meanwhile by another writer means memory was behind."""
    stored = await conn.fetch(
        """INSERT INTO client (tenant_id, id, name, phone_e164, whatsapp_id, marketing_opt_out)
           SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::bool[])
           ON CONFLICT DO NOTHING
           RETURNING id""",
        tenant_id,
        [c.id for c in clients],
        [c.name for c in clients],
        [c.phone_e164 for c in clients],
        [c.whatsapp_id for c in clients],
        [c.marketing_opt_out for c in clients],
    )
    if len(stored) != len(clients):
        raise StaleAgendaError("a client with this phone was stored meanwhile by another writer")


async def fill_whatsapp_ids(
    conn: asyncpg.Connection, *, tenant_id: UUID, whatsapp_ids: Sequence[tuple[UUID, str]]
) -> None:
    """Keep the WhatsApp id as received for clients stored without one (never overwrite one)."""
    await conn.execute(
        """UPDATE client AS c SET whatsapp_id = w.whatsapp_id, updated_at = now()
           FROM unnest($2::uuid[], $3::text[]) AS w(id, whatsapp_id)
           WHERE c.tenant_id = $1 AND c.id = w.id AND c.whatsapp_id IS NULL""",
        tenant_id,
        [client_id for client_id, _ in whatsapp_ids],
        [whatsapp_id for _, whatsapp_id in whatsapp_ids],
    )


async def opt_out(conn: asyncpg.Connection, *, tenant_id: UUID, client_ids: Sequence[UUID]) -> None:
    await conn.execute(
        """UPDATE client SET marketing_opt_out = true, updated_at = now()
           WHERE tenant_id = $1 AND id = ANY($2::uuid[])""",
        tenant_id,
        list(client_ids),
    )
