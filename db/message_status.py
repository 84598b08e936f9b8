"""Sent messages WhatsApp later reported `failed`: found by its id, queued again or failed."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from domain.delivery import Verdict
from domain.errors import StaleAgendaError
from domain.message_status import SentMessage


async def sent_message(
    conn: asyncpg.Connection, *, tenant_id: UUID, whatsapp_message_id: str
) -> SentMessage | None:
    """The salon's message WhatsApp accepted under this id and still counted as sent."""
    row = await conn.fetchrow(
        """SELECT id, client_id, kind, sent_as, attempts, error_code FROM outbound_message
           WHERE tenant_id = $1 AND whatsapp_message_id = $2 AND status = 'sent'
           ORDER BY sent_at DESC LIMIT 1""",
        tenant_id,
        whatsapp_message_id,
    )
    if row is None:
        return None
    return SentMessage(
        message_id=row["id"],
        client_id=row["client_id"],
        kind=row["kind"],
        sent_as=row["sent_as"] or "text",
        attempts=row["attempts"],
        error_code=row["error_code"],
    )


async def apply_late_failure(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    message_id: UUID,
    verdict: Verdict,
    error_code: int | None,
) -> None:
    """Queue the message again for `verdict.retry_at` (its next attempt gets a new WhatsApp id),
    or fail it; it must still be sent (read so under the salon's lock)."""
    again = verdict.retry_at is not None
    moved = await conn.execute(
        """
        UPDATE outbound_message
        SET status = CASE WHEN $3 THEN 'queued' ELSE 'failed' END,
            next_attempt_at = coalesce($4::timestamptz, next_attempt_at),
            template_only = template_only OR $5, last_error = $6,
            error_code = coalesce($7, error_code), claimed_until = NULL, sent_at = NULL,
            whatsapp_message_id = CASE WHEN $3 THEN NULL ELSE whatsapp_message_id END,
            resends = resends + CASE WHEN $3 THEN 1 ELSE 0 END
        WHERE tenant_id = $1 AND id = $2 AND status = 'sent'
        """,
        tenant_id,
        message_id,
        again,
        verdict.retry_at,
        verdict.as_template,
        (verdict.reason or "")[:500] or None,
        error_code,
    )
    if moved != "UPDATE 1":
        raise StaleAgendaError("the message's status was changed meanwhile by another writer")
