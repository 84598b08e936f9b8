"""Writes and the actor's own reads of clients (the dashboard's list: db/read/agenda.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

import asyncpg

from domain.agenda import ConsentChange
from domain.errors import StaleAgendaError
from domain.models import Client
from domain.phones import equivalent_phones

# A client as the salon's memory holds it.
CLIENT_COLUMNS = (
    "id, name, phone_e164, whatsapp_id, marketing_opt_out,"
    " marketing_consent_at IS NOT NULL AS marketing_consent"
)


async def find_by_phone(
    conn: asyncpg.Connection, *, tenant_id: UUID, phone_e164: str, whatsapp_id: str
) -> Client | None:
    """A client another writer (an import, the customer's services) stored since the last load:
    found and ranked as `Agenda.client_with_phone` finds them (a Brazilian mobile also stored
    without its ninth digit; the WhatsApp id exactly as received)."""
    row = await conn.fetchrow(
        f"""SELECT {CLIENT_COLUMNS} FROM client
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


async def record_consents(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    consents: Sequence[ConsentChange],
    at: datetime,
) -> None:
    """Each grant or revocation into the client's consent history, and the client's state: an
    opt-in active since `at`, or opted out."""
    await conn.executemany(
        """INSERT INTO client_consent (tenant_id, client_id, granted, at, source, text, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)""",
        [
            (tenant_id, c.client_id, c.granted, at, c.source, c.text, c.recorded_by)
            for c in consents
        ],
    )
    await conn.execute(
        """UPDATE client AS c SET marketing_opt_out = NOT x.granted,
               marketing_consent_at = CASE WHEN x.granted THEN $4::timestamptz END,
               updated_at = now()
           FROM unnest($2::uuid[], $3::bool[]) AS x(id, granted)
           WHERE c.tenant_id = $1 AND c.id = x.id""",
        tenant_id,
        [c.client_id for c in consents],
        [c.granted for c in consents],
        at,
    )
