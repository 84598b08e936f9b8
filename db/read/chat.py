"""Read-only queries of the Chat page: conversations and their messages."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg


async def list_conversations(
    conn: asyncpg.Connection, *, tenant_id: UUID, limit: int, offset: int
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """SELECT c.id, c.client_id, cl.name AS client_name, cl.phone_e164, c.last_message_at,
                  last.body AS last_message, last.author AS last_author, last.kind AS last_kind,
                  c.awaiting IS NOT NULL AS awaiting_answer,
                  CASE WHEN c.paused_until > now() THEN c.paused_until END AS paused_until,
                  CASE WHEN c.paused_until > now() THEN c.paused_reason END AS paused_reason
           FROM conversation c
           JOIN client cl ON cl.tenant_id = c.tenant_id AND cl.id = c.client_id
           LEFT JOIN LATERAL (
               SELECT body, author, kind FROM chat_message m
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
               SELECT id, direction, author, body, status, intent, engine, auth_request_id,
                      created_at, kind, media_id, mime_type, filename, location, transcript
               FROM chat_message WHERE tenant_id = $1 AND conversation_id = $2
               ORDER BY created_at DESC, id DESC LIMIT $3
           ) newest ORDER BY created_at, id""",
        tenant_id,
        conversation_id,
        limit,
    )
    return [dict(row) for row in rows]
