"""Read-only queries of a salon's own WhatsApp channel: what the owner may see (never a secret in
clear), the sealed signing secret inbound deliveries are checked with, and the clients its
templates reached (its daily budget's count)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

import asyncpg

from domain.salon_channel import SalonChannel


async def get_channel(conn: asyncpg.Connection, *, tenant_id: UUID) -> SalonChannel:
    row = await conn.fetchrow(
        """SELECT nullif(t.n8n_webhook_url, '') AS n8n_url, c.phone_number_id, c.daily_quota,
                  c.webhook_secret_sealed IS NOT NULL AS has_webhook_secret,
                  c.auth_token_sealed IS NOT NULL AS has_auth_token
           FROM tenant AS t LEFT JOIN salon_channel AS c ON c.tenant_id = t.id
           WHERE t.id = $1""",
        tenant_id,
    )
    if row is None:
        return SalonChannel()
    return SalonChannel(
        phone_number_id=row["phone_number_id"],
        n8n_url=row["n8n_url"],
        has_webhook_secret=bool(row["has_webhook_secret"]),
        has_auth_token=bool(row["has_auth_token"]),
        daily_quota=row["daily_quota"],
    )


async def clients_reached_by_salon(
    conn: asyncpg.Connection, *, tenant_ids: Sequence[UUID], since: datetime
) -> dict[UUID, set[UUID]]:
    """Per salon, the clients a template reached since `since` (one query for a batch)."""
    rows = await conn.fetch(
        """SELECT DISTINCT tenant_id, client_id FROM outbound_message
           WHERE tenant_id = ANY($1::uuid[]) AND sent_as = 'template' AND sent_at > $2""",
        list(tenant_ids),
        since,
    )
    reached: dict[UUID, set[UUID]] = {}
    for row in rows:
        reached.setdefault(row["tenant_id"], set()).add(row["client_id"])
    return reached
