"""R8: PostgreSQL cut off under load (every connection dropped, new ones refused, as in a restart;
a TCP relay in front of the shared server is cut, the server itself untouched) — reads and writes
answer 503 with `Retry-After` instead of hanging, client messages arriving meanwhile are accepted
(202, kept) and none is lost, and once PostgreSQL is back the kept messages reach the salon and
writes work again. The webhook and the API run in process (create_api and its lifespan); the
salon's agenda is a salon host in this process, reaching PostgreSQL through the same relay.
The answer and recovery times are figures, not assertions."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID, uuid4

import asyncpg
import httpx
import pytest

from actors.host import TenantHostCore
from config.settings import Settings
from deployments.api import create_api
from deployments.auth import mint_token
from domain.commands import Command
from domain.models import Role
from integrations.webhook_signature import signature_headers
from tests.conftest import TEST_N8N_SECRET
from tests.factories import SalonIds, make_salon
from tests.fakes.tcp_cut import TcpCut
from tests.integration.conftest import import_committed

WEBHOOK = "/api/v1/webhooks/n8n/message-received"
BEFORE, DURING = 10, 20


class LocalDirectory:
    """The tenant directory's `send`, answered by a salon host in this process."""

    def __init__(self, host: TenantHostCore) -> None:
        self._host = host

    async def send(self, tenant_id: UUID, command: Command[Any]) -> Any:
        return await self._host.call(tenant_id, command)


@pytest.fixture
async def relay(settings: Settings) -> AsyncIterator[TcpCut]:
    server = urlsplit(settings.database_url)
    if not server.hostname:
        pytest.skip("R8 cuts a TCP connection: embedded PostgreSQL listens on a Unix socket")
    cut = TcpCut(server.hostname, server.port or 5432)
    await cut.start()
    yield cut
    await cut.close()


def through(settings: Settings, relay: TcpCut) -> Settings:
    parts = urlsplit(settings.database_url)
    netloc = f"{parts.username or 'postgres'}@127.0.0.1:{relay.port}"
    return settings.model_copy(update={"database_url": urlunsplit(parts._replace(netloc=netloc))})


def client_message(ids: SalonIds, number: int) -> tuple[str, bytes, dict[str, str]]:
    external = f"wamid.r8-{uuid4().hex}"
    body = {
        "tenant_id": str(ids.tenant),
        "client_name": f"Cliente {number}",
        "phone": f"+55119{number:08d}",
        "message": "Oi, vocês abrem sábado?",
        "timestamp": "2026-12-06T09:00:00-03:00",
        "message_id": external,
    }
    raw = json.dumps(body).encode()
    headers = signature_headers(
        TEST_N8N_SECRET, msg_id=f"msg_{external}", timestamp=int(time.time()), body=raw
    )
    return external, raw, headers | {"content-type": "application/json"}


async def test_r8_postgresql_cut_off_under_load_fails_fast_and_loses_no_acknowledged_message(
    settings: Settings, pool: asyncpg.Pool, relay: TcpCut, figure: Callable[[str], None]
) -> None:
    own = through(settings, relay)
    ids = await import_committed(pool, make_salon())
    owner = {
        "Authorization": "Bearer "
        + mint_token(own, user_id=ids.owner, tenant_id=ids.tenant, role=Role.OWNER)
    }
    host = TenantHostCore(own)
    app = create_api(own)
    acknowledged: list[str] = []
    async with app.router.lifespan_context(app):
        app.state.resources.directory = LocalDirectory(host)
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:

            async def post(number: int) -> httpx.Response:
                external, raw, headers = client_message(ids, number)
                answer = await http.post(WEBHOOK, content=raw, headers=headers)
                if answer.status_code == 202:
                    acknowledged.append(external)
                return answer

            before = [await post(n) for n in range(BEFORE)]
            relay.cut()
            started = time.monotonic()
            read = await http.get("/api/v1/professionals", headers=owner)
            read_s = time.monotonic() - started
            during = await asyncio.gather(*(post(BEFORE + n) for n in range(DURING)))
            started = time.monotonic()
            write = await http.put(
                "/api/v1/salon/settings", json={"auto_complete": False}, headers=owner
            )
            write_s = time.monotonic() - started
            relay.restore()
            restored = time.monotonic()
            stored = 0
            for _ in range(300):
                stored = await pool.fetchval(
                    "SELECT count(DISTINCT external_id) FROM chat_message"
                    " WHERE tenant_id = $1 AND external_id = ANY($2::text[])",
                    ids.tenant,
                    acknowledged,
                )
                if stored == len(acknowledged):
                    break
                await asyncio.sleep(0.1)
            recovered_s = time.monotonic() - restored
            writes_after = 0
            while writes_after < 5:  # as a client does: again after Retry-After
                writes_after += 1
                again = await http.put(
                    "/api/v1/salon/settings", json={"auto_complete": False}, headers=owner
                )
                if again.status_code != 503:
                    break
                await asyncio.sleep(0.5)
    await host.close()
    queued = sum(1 for a in during if a.json().get("queued"))
    figure(
        f"R8: PostgreSQL cut off under load: a read answered {read.status_code} in {read_s:.2f} s,"
        f" a write {write.status_code} in {write_s:.2f} s; {queued} of {DURING} client messages"
        f" kept meanwhile; all {len(acknowledged)} acknowledged stored {recovered_s:.1f} s after"
        f" PostgreSQL came back; a write then succeeded at attempt {writes_after}"
    )
    assert [a.status_code for a in before] == [202] * BEFORE
    assert [a.status_code for a in during] == [202] * DURING
    assert queued == DURING  # none handed to a salon that could not store it
    assert (read.status_code, write.status_code) == (503, 503)
    assert read.headers["retry-after"] and write.headers["retry-after"]
    assert stored == len(acknowledged) == BEFORE + DURING  # nothing acknowledged was lost
    assert again.status_code == 200
