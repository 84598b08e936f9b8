"""Outbox of WhatsApp messages to clients (delivered by the n8n sender)."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

import asyncpg


async def queue_message(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    message_id: UUID,
    client_id: UUID,
    kind: Literal["marketing", "transactional"],
    body: str,
    related_id: UUID | None,
) -> None:
    await conn.execute(
        """INSERT INTO outbound_message (tenant_id, id, client_id, kind, body, related_id)
           VALUES ($1, $2, $3, $4, $5, $6)""",
        tenant_id,
        message_id,
        client_id,
        kind,
        body,
        related_id,
    )


async def notification_sent_for(
    conn: asyncpg.Connection, *, tenant_id: UUID, related_id: UUID
) -> bool:
    """Whether the client was told about `related_id` (a decided auth request)."""
    sent: bool | None = await conn.fetchval(
        "SELECT bool_or(status = 'sent') FROM outbound_message"
        " WHERE tenant_id = $1 AND related_id = $2",
        tenant_id,
        related_id,
    )
    return bool(sent)
