"""Shared by the chat end-to-end tests: signed n8n webhooks, WhatsApp messages, the sender."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import asyncpg
from pydantic import SecretStr

from actors.sender import SenderCore
from config.settings import Settings
from domain.commands import DeliveriesRecorded, RecordDeliveries
from integrations.n8n import N8nClient
from integrations.webhook_signature import signature_headers
from tests.e2e.conftest import Api, LiveSalon
from tests.fakes.n8n import FakeN8n

WEBHOOK = "/api/v1/webhooks/n8n/message-received"


def signed(
    api: Api, body: dict[str, Any], *, secret: str | None = None, age_s: int = 0
) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body).encode()
    headers = signature_headers(
        secret or api.settings.n8n_webhook_secret.get_secret_value(),
        msg_id=f"msg_{uuid4().hex}",
        timestamp=int(time.time()) - age_s,
        body=raw,
    )
    return raw, headers | {"content-type": "application/json"}


def whatsapp(salon: LiveSalon, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "tenant_id": str(salon.ids.tenant),
        "client_name": "João Pereira",
        "phone": "+5511955554444",
        "message": text,
        "channel": "whatsapp",
        "timestamp": datetime.now(UTC).isoformat(),
        "message_id": f"wamid.{uuid4().hex}",
    } | extra


def sender_settings(api: Api, fake: FakeN8n) -> Settings:
    return api.settings.model_copy(update={"n8n_auth_token": SecretStr(fake.auth_token)})


def sender_for(api: Api, pool: asyncpg.Pool, client: N8nClient) -> SenderCore:
    settings = api.settings

    async def record(tenant_id: Any, command: RecordDeliveries) -> DeliveriesRecorded:
        result: DeliveriesRecorded = await api.directory.send(tenant_id, command)
        return result

    return SenderCore(settings, pool=pool, client=client, record=record)


@asynccontextmanager
async def fake_n8n_for(api: Api, **options: Any) -> AsyncIterator[FakeN8n]:
    """A fake n8n on 127.0.0.1 that checks the deployment's signing secret (and its token)."""
    fake = FakeN8n(
        secret=api.settings.n8n_webhook_secret.get_secret_value(),
        auth_header=api.settings.n8n_auth_header,
        auth_token="e2e-token",
        **options,
    )
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()
