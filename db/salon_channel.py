"""A salon's own WhatsApp channel (`salon_channel`, and `tenant.n8n_webhook_url`): its secrets
only ever sealed (config/secret_box.py)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from domain.commands import SetWhatsAppChannel


async def store_channel(
    conn: asyncpg.Connection, *, tenant_id: UUID, command: SetWhatsAppChannel
) -> None:
    await conn.execute(
        "UPDATE tenant SET n8n_webhook_url = $2, updated_at = now() WHERE id = $1",
        tenant_id,
        command.n8n_url,
    )
    await conn.execute(
        """INSERT INTO salon_channel (tenant_id, phone_number_id, daily_quota,
               webhook_secret_sealed, auth_token_sealed)
           VALUES ($1, $2, $3, $4, $6)
           ON CONFLICT (tenant_id) DO UPDATE SET phone_number_id = $2, daily_quota = $3,
               webhook_secret_sealed = CASE WHEN $5 THEN NULL
                   ELSE coalesce($4, salon_channel.webhook_secret_sealed) END,
               auth_token_sealed = CASE WHEN $7 THEN NULL
                   ELSE coalesce($6, salon_channel.auth_token_sealed) END,
               updated_at = now()""",
        tenant_id,
        command.phone_number_id,
        command.daily_quota,
        command.webhook_secret_sealed,
        command.clear_webhook_secret,
        command.auth_token_sealed,
        command.clear_auth_token,
    )
