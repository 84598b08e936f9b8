"""What the WhatsApp webhook reads before it hands a client's message to its salon: whether the
salon exists and its own sealed signing secret, in one round trip."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import asyncpg


@dataclass(frozen=True)
class WebhookSalon:
    """`sealed_secret`: the salon's own signing secret, sealed, when it has its own n8n (a URL
    and a secret); None: it uses the deployment's n8n, which signs with the deployment's secret."""

    sealed_secret: bytes | None


async def find_webhook_salon(conn: asyncpg.Connection, *, tenant_id: UUID) -> WebhookSalon | None:
    """The salon as the webhook needs it; None: no such salon."""
    row = await conn.fetchrow(
        """SELECT CASE WHEN nullif(t.n8n_webhook_url, '') IS NOT NULL THEN
                    (SELECT c.webhook_secret_sealed FROM salon_channel AS c
                     WHERE c.tenant_id = t.id)
                  END AS sealed
           FROM tenant AS t WHERE t.id = $1""",
        tenant_id,
    )
    return None if row is None else WebhookSalon(sealed_secret=row["sealed"])
