"""Routing a test salon to a fake n8n as its own channel: the URL, and the salon's own secret and
token sealed as the back end stores them (the fakes check the same values)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from config.secret_box import SecretBox

# A Fernet key for tests only (AGENDA_SECRETS_KEY).
TEST_SECRETS_KEY = "LhnQI4PTH1MD8k3nU8lCzQTdr-WCfEG7ernXZfnAE3k="
# The hosts a test salon's own n8n may be on (the fakes listen on 127.0.0.1).
TEST_OUTBOUND_HOSTS = "127.0.0.1,salon.test"


async def route_salon(
    db: asyncpg.Pool | asyncpg.Connection,
    tenant_id: UUID,
    url: str,
    *,
    secret: str,
    token: str | None = None,
    daily_quota: int | None = None,
) -> None:
    box = SecretBox(TEST_SECRETS_KEY)
    await db.execute("UPDATE tenant SET n8n_webhook_url = $2 WHERE id = $1", tenant_id, url)
    await db.execute(
        """INSERT INTO salon_channel (tenant_id, webhook_secret_sealed, auth_token_sealed,
               daily_quota)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id) DO UPDATE SET webhook_secret_sealed = $2,
               auth_token_sealed = $3, daily_quota = $4""",
        tenant_id,
        box.seal(secret),
        None if token is None else box.seal(token),
        daily_quota,
    )
