"""What the browser tests put around the real stack: a cuttable proxy and a control endpoint.

The browser reaches Serve only through `CutProxy`, so a test can cut every open connection (the
socket included) and refuse new ones, then restore. The Node.js scenario script asks the
`control_app` to act on the server side: a client writes on WhatsApp (a signed n8n webhook
straight to Serve), the WhatsApp sender delivers to the fake n8n, the proxy cuts or restores.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4
from zoneinfo import ZoneInfo

import asyncpg
import httpx
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from integrations.n8n import N8nClient
from tests.e2e.chat_helpers import WEBHOOK, sender_for, sender_settings, signed, whatsapp
from tests.e2e.conftest import LiveSalon
from tests.fakes.n8n import FakeN8n

REPLY_WAIT_S = 30.0
STATUS = "/api/v1/webhooks/n8n/message-status"
UNDELIVERABLE = 131026  # Meta: the number cannot receive WhatsApp messages


@dataclass
class CutProxy:
    """A TCP proxy on 127.0.0.1 that can drop all its connections and stop listening."""

    target_port: int
    port: int = 0
    upgrades: list[str] = field(default_factory=list)  # socket request lines, credentials redacted
    _server: asyncio.Server | None = None
    _transports: set[asyncio.WriteTransport] = field(default_factory=set)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        """Server side gone: open connections reset, new ones refused."""
        if self._server is not None:
            self._server.close()
            self._server = None
        for transport in list(self._transports):
            transport.abort()
        self._transports.clear()

    async def restore(self) -> None:
        await self.start()

    async def close(self) -> None:
        await self.cut()
        for task in list(self._tasks):
            task.cancel()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        if self._server is None:  # cut while this connection was being set up
            writer.transport.abort()
            up_writer.transport.abort()
            return
        for w in (writer, up_writer):
            self._transports.add(w.transport)
        for source, sink, first in ((reader, up_writer, True), (up_reader, writer, False)):
            task = asyncio.create_task(self._pipe(source, sink, record=first))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pipe(
        self, source: asyncio.StreamReader, sink: asyncio.StreamWriter, *, record: bool
    ) -> None:
        try:
            while chunk := await source.read(65536):
                if record:
                    self._record(chunk)
                    record = False
                sink.write(chunk)
                await sink.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            self._transports.discard(sink.transport)
            sink.transport.abort()

    def _record(self, chunk: bytes) -> None:
        line = chunk.split(b"\r\n", 1)[0].decode(errors="replace")
        if line.startswith("GET ") and "/ws/sync" in line:
            self.upgrades.append(re.sub(r"(token|ticket)=[^&\s]+", r"\1=…", line))


class WhatsappBody(BaseModel):
    text: str
    wait_reply: bool = False
    # A message that is not text: WhatsApp's type, and a shared location or a file's name.
    kind: str = "text"
    location: dict[str, Any] | None = None
    filename: str | None = None

    def media(self) -> dict[str, Any]:
        return self.model_dump(include={"kind", "location", "filename"}, exclude_none=True)


def host_page(console_url: str, tokens: list[str]) -> str:
    """The salon system's page: frames the console and answers each of its requests (`ready`,
    `token-expired`) with the next token, as docs/console-embed.md shows; records what it heard."""
    return f"""<!doctype html><meta charset="utf-8"><title>Sistema do salão</title>
<iframe id="console" src="{console_url}" width="375" height="700"></iframe>
<script>
  const frame = document.getElementById("console");
  const consoleOrigin = new URL(frame.src).origin;
  const tokens = {json.dumps(tokens)};
  window.received = [];
  window.addEventListener("message", (event) => {{
    if (event.origin !== consoleOrigin || event.source !== frame.contentWindow) return;
    window.received.push(event.data);
    const token = tokens.shift();
    const answer = {{ type: "agenda-cheia:token", token }};
    if (token) frame.contentWindow.postMessage(answer, consoleOrigin);
  }});
</script>"""


@dataclass
class Stage:
    """The server side of one browser scenario."""

    salon: LiveSalon
    pool: asyncpg.Pool
    http: httpx.AsyncClient  # straight to Serve, not through the proxy
    proxy: CutProxy
    n8n: FakeN8n
    conversation_id: str | None = None
    host_page: str = ""  # what GET /host answers (the embedding scenario's framing page)

    async def agent_replies(self) -> int:
        if self.conversation_id is None:
            return 0
        return int(
            await self.pool.fetchval(
                """SELECT count(*) FROM chat_message
                   WHERE tenant_id = $1 AND conversation_id = $2 AND author = 'agent'""",
                self.salon.ids.tenant,
                self.conversation_id,
            )
        )

    async def whatsapp(self, body: WhatsappBody) -> dict[str, Any]:
        before = await self.agent_replies()
        raw, headers = signed(self.salon.api, whatsapp(self.salon, body.text, **body.media()))
        response = await self.http.post(WEBHOOK, content=raw, headers=headers)
        response.raise_for_status()
        accepted: dict[str, Any] = response.json()
        self.conversation_id = accepted["conversation_id"]
        if body.wait_reply:
            async with asyncio.timeout(REPLY_WAIT_S):
                while await self.agent_replies() <= before:  # noqa: ASYNC110 (polls PostgreSQL)
                    await asyncio.sleep(0.1)
        return accepted

    async def deliver(self) -> list[dict[str, Any]]:
        client = N8nClient(sender_settings(self.salon.api, self.n8n))
        try:
            await sender_for(self.salon.api, self.pool, client).step(datetime.now(UTC))
        finally:
            await client.close()
        return list(self.n8n.delivered.values())

    async def fail_delivery(self) -> dict[str, Any]:
        """WhatsApp took the last message n8n sent, then reports it undeliverable (a signed
        status on n8n's inbound workflow, as Meta's webhook gives it)."""
        await self.deliver()
        whatsapp_id = list(self.n8n.whatsapp_ids.values())[-1]
        body = {
            "kind": "status",
            "tenant_id": str(self.salon.ids.tenant),
            "whatsapp_message_id": whatsapp_id,
            "status": "failed",
            "timestamp": datetime.now(UTC).isoformat(),
            "errors": [{"code": UNDELIVERABLE, "title": "Message undeliverable."}],
        }
        raw, headers = signed(self.salon.api, body)
        response = await self.http.post(STATUS, content=raw, headers=headers)
        response.raise_for_status()
        accepted: dict[str, Any] = response.json()
        return accepted

    async def conversation(self) -> list[dict[str, str]]:
        rows = await self.pool.fetch(
            """SELECT author, body FROM chat_message WHERE tenant_id = $1 AND conversation_id = $2
               ORDER BY created_at, id""",
            self.salon.ids.tenant,
            self.conversation_id,
        )
        return [dict(row) for row in rows]

    async def started_visit(self) -> dict[str, str]:
        """A barba with Carol that began a moment ago today, booked by another system."""
        ids = self.salon.ids
        zone = ZoneInfo("America/Sao_Paulo")
        now = datetime.now(zone)
        starts_at = max(
            now.replace(hour=0, minute=0, second=0, microsecond=0), now - timedelta(hours=1)
        )
        appointment_id = uuid4()
        await self.pool.execute(
            """INSERT INTO appointment (tenant_id, id, client_id, professional_id, service_id,
                   starts_at, ends_at, price_cents, source)
               VALUES ($1, $2, $3, $4, $5, $6, $7, 4500, 'manual')""",
            ids.tenant,
            appointment_id,
            ids.of("client", "due"),
            ids.of("professional", "carol"),
            ids.of("service", "barba"),
            starts_at,
            starts_at + timedelta(minutes=30),
        )
        return {"appointment_id": str(appointment_id), "time": f"{starts_at:%H:%M}"}

    async def appointment_statuses(self) -> dict[str, str]:
        rows = await self.pool.fetch(
            "SELECT c.name, a.status FROM appointment a JOIN client c"
            " ON c.tenant_id = a.tenant_id AND c.id = a.client_id"
            " WHERE a.tenant_id = $1 AND a.starts_at > now() - interval '1 day'",
            self.salon.ids.tenant,
        )
        return {row["name"]: row["status"] for row in rows}

    async def pending(self) -> int:
        return int(
            await self.pool.fetchval(
                "SELECT count(*) FROM auth_request WHERE tenant_id = $1 AND status = 'pending'",
                self.salon.ids.tenant,
            )
        )


def control_app(stage: Stage) -> FastAPI:
    app = FastAPI()

    @app.post("/whatsapp")
    async def post_whatsapp(body: WhatsappBody) -> dict[str, Any]:
        return await stage.whatsapp(body)

    @app.post("/cut")
    async def cut() -> dict[str, str]:
        await stage.proxy.cut()
        return {"status": "cut"}

    @app.post("/restore")
    async def restore() -> dict[str, str]:
        await stage.proxy.restore()
        return {"status": "restored"}

    @app.post("/deliver")
    async def deliver() -> dict[str, Any]:
        return {"delivered": await stage.deliver()}

    # Served on the embedding origin's own port: a page Chromium loads from a real server (a
    # page it made up itself would count as public, and a public page may not frame 127.0.0.1).
    @app.get("/host", response_class=HTMLResponse)
    async def host() -> str:
        return stage.host_page

    @app.post("/fail-delivery")
    async def fail_delivery() -> dict[str, Any]:
        return await stage.fail_delivery()

    @app.post("/conversation")
    async def conversation() -> dict[str, Any]:
        return {"answers": await stage.conversation()}

    @app.post("/upgrades")
    async def upgrades() -> dict[str, Any]:
        return {"upgrades": stage.proxy.upgrades}

    @app.post("/visit")
    async def visit() -> dict[str, str]:
        return await stage.started_visit()

    @app.post("/appointments")
    async def appointments() -> dict[str, dict[str, str]]:
        return {"statuses": await stage.appointment_statuses()}

    @app.post("/pending")
    async def pending() -> dict[str, int]:
        return {"count": await stage.pending()}

    return app
