"""The operator's view of the WhatsApp outbox (`agenda outbox list|requeue`): messages by status,
and failed ones sent again. A message sent again is still checked when the sender claims it (an
offer closed or an appointment changed meanwhile is skipped, not sent)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import asyncpg

STATUSES = ("queued", "sent", "failed", "skipped")


@dataclass(frozen=True)
class OutboxRow:
    tenant_id: UUID
    id: UUID
    kind: str
    status: str
    attempts: int
    error_code: int | None
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime


async def list_messages(
    conn: asyncpg.Connection, *, status: str, tenant_id: UUID | None, limit: int
) -> list[OutboxRow]:
    """The newest messages with this status, of one salon or of all."""
    rows = await conn.fetch(
        """SELECT tenant_id, id, kind, status, attempts, error_code, last_error, created_at,
                  next_attempt_at
           FROM outbound_message
           WHERE status = $1 AND ($2::uuid IS NULL OR tenant_id = $2)
           ORDER BY created_at DESC, id
           LIMIT $3""",
        status,
        tenant_id,
        limit,
    )
    return [OutboxRow(**dict(row)) for row in rows]


async def requeue_failed(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    message_ids: Sequence[UUID] | None,
    at: datetime,
) -> list[UUID]:
    """Failed messages of the salon (these, or all when None) queued again with fresh attempts;
    the ids queued (a message that is not failed is left as it is)."""
    rows = await conn.fetch(
        """UPDATE outbound_message
           SET status = 'queued', attempts = 0, next_attempt_at = $3, claimed_until = NULL,
               last_error = NULL, error_code = NULL
           WHERE tenant_id = $1 AND status = 'failed' AND ($2::uuid[] IS NULL OR id = ANY($2))
           RETURNING id""",
        tenant_id,
        list(message_ids) if message_ids is not None else None,
        at,
    )
    return [row["id"] for row in rows]
