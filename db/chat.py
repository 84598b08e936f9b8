"""Queries of conversations and chat messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from domain.models import Client
from domain.owner_messages import StoredMessage


@dataclass(frozen=True)
class InboundRef:
    message_id: UUID
    conversation_id: UUID
    client_id: UUID


async def find_delivery(
    conn: asyncpg.Connection, *, tenant_id: UUID, external_id: str | None, webhook_id: str | None
) -> InboundRef | None:
    """An inbound message already stored under this WhatsApp id or webhook delivery id."""
    if external_id is None and webhook_id is None:
        return None
    row = await conn.fetchrow(
        """SELECT m.id, m.conversation_id, c.client_id FROM chat_message m
           JOIN conversation c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
           WHERE m.tenant_id = $1 AND m.direction = 'inbound'
             AND (m.external_id = $2 OR m.webhook_id = $3)
           LIMIT 1""",
        tenant_id,
        external_id,
        webhook_id,
    )
    return None if row is None else InboundRef(row["id"], row["conversation_id"], row["client_id"])


async def upsert_client(conn: asyncpg.Connection, *, tenant_id: UUID, client: Client) -> Client:
    """Insert a client who wrote in, or return the one already stored under that phone."""
    row = await conn.fetchrow(
        """INSERT INTO client (tenant_id, id, name, phone_e164, whatsapp_id)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (tenant_id, phone_e164)
             DO UPDATE SET whatsapp_id = coalesce(client.whatsapp_id, excluded.whatsapp_id)
           RETURNING id, name, phone_e164, whatsapp_id, marketing_opt_out""",
        tenant_id,
        client.id,
        client.name,
        client.phone_e164,
        client.whatsapp_id,
    )
    return Client(**dict(row))


async def conversation_of(
    conn: asyncpg.Connection, *, tenant_id: UUID, client_id: UUID, new_id: UUID, at: datetime
) -> UUID:
    """The client's WhatsApp conversation, created on the first message."""
    conversation_id: UUID = await conn.fetchval(
        """INSERT INTO conversation (tenant_id, id, client_id, last_message_at)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, client_id, channel)
             DO UPDATE SET last_message_at = excluded.last_message_at
           RETURNING id""",
        tenant_id,
        new_id,
        client_id,
        at,
    )
    return conversation_id


async def insert_message(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    message_id: UUID,
    conversation_id: UUID,
    direction: str,
    author: str,
    body: str,
    status: str = "answered",
    intent: str | None = None,
    engine: str | None = None,
    external_id: str | None = None,
    webhook_id: str | None = None,
    auth_request_id: UUID | None = None,
    sent_at: datetime | None = None,
    created_at: datetime,
) -> None:
    await conn.execute(
        """INSERT INTO chat_message (tenant_id, id, conversation_id, direction, author, body,
               status, intent, engine, external_id, webhook_id, auth_request_id, sent_at,
               created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""",
        tenant_id,
        message_id,
        conversation_id,
        direction,
        author,
        body,
        status,
        intent,
        engine,
        external_id,
        webhook_id,
        auth_request_id,
        sent_at,
        created_at,
    )


@dataclass(frozen=True)
class PendingInbound:
    message_id: UUID
    conversation_id: UUID
    client_id: UUID
    body: str
    proposed: list[dict[str, Any]]


async def pending_inbound(
    conn: asyncpg.Connection, *, tenant_id: UUID, message_id: UUID | None = None
) -> list[PendingInbound]:
    """Inbound messages not answered yet (all, or one), oldest first."""
    rows = await conn.fetch(
        """SELECT m.id, m.conversation_id, c.client_id, m.body, c.proposed_slots
           FROM chat_message m
           JOIN conversation c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
           WHERE m.tenant_id = $1 AND m.status = 'pending'
             AND ($2::uuid IS NULL OR m.id = $2)
           ORDER BY m.created_at, m.id""",
        tenant_id,
        message_id,
    )
    return [
        PendingInbound(
            r["id"], r["conversation_id"], r["client_id"], r["body"], r["proposed_slots"]
        )
        for r in rows
    ]


async def mark_answered(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    message_id: UUID,
    intent: str,
    engine: str,
    auth_request_id: UUID | None,
) -> bool:
    """Only a still-pending message moves: answering twice is impossible."""
    result = await conn.execute(
        """UPDATE chat_message SET status = 'answered', intent = $3, engine = $4,
               auth_request_id = $5
           WHERE tenant_id = $1 AND id = $2 AND status = 'pending'""",
        tenant_id,
        message_id,
        intent,
        engine,
        auth_request_id,
    )
    return bool(result == "UPDATE 1")


async def set_proposed(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    conversation_id: UUID,
    proposed: list[dict[str, Any]],
    at: datetime,
) -> None:
    await conn.execute(
        """UPDATE conversation SET proposed_slots = $3, last_message_at = $4
           WHERE tenant_id = $1 AND id = $2""",
        tenant_id,
        conversation_id,
        proposed,
        at,
    )


async def opt_out(conn: asyncpg.Connection, *, tenant_id: UUID, client_id: UUID) -> None:
    await conn.execute(
        """UPDATE client SET marketing_opt_out = true, updated_at = now()
           WHERE tenant_id = $1 AND id = $2""",
        tenant_id,
        client_id,
    )


async def list_conversations(
    conn: asyncpg.Connection, *, tenant_id: UUID, limit: int, offset: int
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """SELECT c.id, c.client_id, cl.name AS client_name, cl.phone_e164, c.last_message_at,
                  last.body AS last_message, last.author AS last_author
           FROM conversation c
           JOIN client cl ON cl.tenant_id = c.tenant_id AND cl.id = c.client_id
           LEFT JOIN LATERAL (
               SELECT body, author FROM chat_message m
               WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id
               ORDER BY m.created_at DESC, m.id DESC LIMIT 1
           ) last ON true
           WHERE c.tenant_id = $1
           ORDER BY c.last_message_at DESC, c.id
           LIMIT $2 OFFSET $3""",
        tenant_id,
        limit,
        offset,
    )
    return [dict(row) for row in rows]


async def list_messages(
    conn: asyncpg.Connection, *, tenant_id: UUID, conversation_id: UUID, limit: int
) -> list[dict[str, Any]] | None:
    """The newest `limit` messages in time order; None if the conversation is not this salon's."""
    exists = await conn.fetchval(
        "SELECT 1 FROM conversation WHERE tenant_id = $1 AND id = $2", tenant_id, conversation_id
    )
    if exists is None:
        return None
    rows = await conn.fetch(
        """SELECT * FROM (
               SELECT id, direction, author, body, intent, engine, auth_request_id, created_at
               FROM chat_message WHERE tenant_id = $1 AND conversation_id = $2
               ORDER BY created_at DESC, id DESC LIMIT $3
           ) newest ORDER BY created_at, id""",
        tenant_id,
        conversation_id,
        limit,
    )
    return [dict(row) for row in rows]


async def conversation_client(
    conn: asyncpg.Connection, *, tenant_id: UUID, conversation_id: UUID
) -> UUID | None:
    client_id: UUID | None = await conn.fetchval(
        "SELECT client_id FROM conversation WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        conversation_id,
    )
    return client_id


async def find_message(
    conn: asyncpg.Connection, *, tenant_id: UUID, message_id: UUID
) -> StoredMessage | None:
    """One stored message, with its conversation's client (to recognise a repeated command)."""
    row = await conn.fetchrow(
        """SELECT m.conversation_id, c.client_id, m.author, m.body
           FROM chat_message m
           JOIN conversation c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
           WHERE m.tenant_id = $1 AND m.id = $2""",
        tenant_id,
        message_id,
    )
    return None if row is None else StoredMessage(**dict(row))
