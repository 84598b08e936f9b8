"""A fake n8n webhook on 127.0.0.1: a raw asyncio HTTP/1.1 server that misbehaves on purpose.

It checks the auth header and the Standard Webhooks signature (with hmac directly, as n8n's
Code node does, not with our own verify), and deduplicates by `Idempotency-Key` like a real
workflow. A plan picks each valid call's behaviour from its number: answer 200, answer 500,
time out (accept the message, then hang past the client's timeout) or reset the connection.
With `whatsapp` set, Meta's rules decide whether an accepted message reaches the client.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import socket
import struct
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from tests.fakes.local_http import LocalHttpServer, Request, respond
from tests.fakes.whatsapp import FakeWhatsApp

Behaviour = Literal["ok", "error", "timeout", "reset", "reject"]
Plan = Callable[[int], Behaviour]
MAX_AGE_S = 300


def always(behaviour: Behaviour) -> Plan:
    return lambda _call: behaviour


def every_third_fails(call: int) -> Behaviour:
    """Calls 3, 6, 9 … fail, by turns with a 500, a timeout and a reset."""
    if call % 3:
        return "ok"
    failures: tuple[Behaviour, ...] = ("error", "timeout", "reset")
    return failures[(call // 3 - 1) % 3]


@dataclass
class FakeN8n(LocalHttpServer):
    secret: str
    auth_header: str
    auth_token: str
    plan: Plan = field(default=always("ok"))
    hang_s: float = 2.0
    latency_s: float = 0.0
    delivered: dict[str, dict[str, Any]] = field(default_factory=dict)  # first accepted body
    posts: Counter[str] = field(default_factory=Counter)  # valid calls per key
    acks: Counter[str] = field(default_factory=Counter)  # 200s answered per key
    behaviours: Counter[str] = field(default_factory=Counter)
    refused: list[str] = field(default_factory=list)  # why calls were refused (401)
    last_headers: dict[str, str] = field(default_factory=dict)
    whatsapp: FakeWhatsApp | None = None  # Meta's rules, when a test wants them
    whatsapp_ids: dict[str, str] = field(default_factory=dict)  # key → WhatsApp's id of it
    _calls: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook/agenda-cheia"

    async def close(self) -> None:
        await self._shut(cancel_handlers=True)

    async def _handle(self, request: Request, writer: asyncio.StreamWriter) -> bool:
        """Answer one request; False when the connection must not be used again."""
        problem = self._check(request)
        if problem is not None:
            self.refused.append(problem)
            return await respond(writer, 401, {"error": problem})
        self._calls += 1
        behaviour = self.plan(self._calls)
        self.behaviours[behaviour] += 1
        key = request.headers["idempotency-key"]
        self.posts[key] += 1
        self.last_headers = request.headers
        if latency := self.latency_s:
            await asyncio.sleep(latency)
        if behaviour == "reset":
            reset(writer)
            return False
        if behaviour in ("error", "reject"):
            return await respond(writer, 500 if behaviour == "error" else 400, {"error": "no"})
        duplicate = key in self.delivered
        whatsapp_id = f"wamid.{uuid.uuid4().hex}"
        if not duplicate and self.whatsapp is not None:
            code = self.whatsapp.deliver(json.loads(request.body), whatsapp_id)
            if code is not None:  # as the workflow answers Meta's refusal
                lost = self.whatsapp.codes_lost
                error = {"code": None if lost else code, "message": f"(#{code}) refused"}
                return await respond(writer, 502, {"status": "whatsapp_failed", "error": error})
        if not duplicate:
            self.delivered[key] = json.loads(request.body)
        if behaviour == "timeout":  # received, but the answer comes too late
            await asyncio.sleep(self.hang_s)
            return False
        self.acks[key] += 1
        if duplicate:  # as the workflow answers a repeat: no WhatsApp id
            return await respond(writer, 200, {"status": "duplicate"})
        self.whatsapp_ids[key] = whatsapp_id
        answer = {"status": "sent", "message_id": key, "whatsapp_message_id": whatsapp_id}
        return await respond(writer, 200, answer)

    def _check(self, request: Request) -> str | None:
        headers = request.headers
        if request.method != "POST":
            return "method"
        if headers.get(self.auth_header.lower()) != self.auth_token:
            return "auth"
        msg_id = headers.get("webhook-id", "")
        timestamp = headers.get("webhook-timestamp", "")
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_AGE_S:
            return "timestamp"
        signed = f"{msg_id}.{timestamp}.".encode() + request.body
        digest = hmac.new(hmac_key(self.secret), signed, hashlib.sha256).digest()
        expected = "v1," + base64.b64encode(digest).decode()
        if expected not in headers.get("webhook-signature", "").split():
            return "signature"
        # The message id, or `<message id>:<n>` for its n-th resend after a late failure.
        key = headers.get("idempotency-key")
        message_id = json.loads(request.body).get("message_id")
        if not key or key != msg_id or key.split(":")[0] != message_id:
            return "idempotency-key"
        return None


def hmac_key(secret: str) -> bytes:
    """As n8n's Code node reads the secret: `whsec_` + base64 is the decoded bytes (Standard
    Webhooks), a plain secret (deprecated) its UTF-8 bytes."""
    if secret.startswith("whsec_"):
        return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    return secret.encode()


def reset(writer: asyncio.StreamWriter) -> None:
    """Close without answering, with a TCP RST (SO_LINGER 0) rather than a polite FIN."""
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
