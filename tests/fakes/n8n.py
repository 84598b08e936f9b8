"""A fake n8n webhook on 127.0.0.1: a raw asyncio HTTP/1.1 server that misbehaves on purpose.

It checks the auth header and the Standard Webhooks signature (with hmac directly, as an n8n
Crypto node would, not with our own verify), and deduplicates by `Idempotency-Key` like a real
workflow. A plan picks each valid call's behaviour from its number: answer 200, answer 500,
time out (accept the message, then hang past the client's timeout) or reset the connection.
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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

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
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeN8n:
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
    _calls: int = 0
    _server: asyncio.Server | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("fake n8n not started")
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/webhook/agenda-cheia"

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            while (request := await read_request(reader)) is not None:
                if not await self._answer(request, writer):
                    return
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            if task is not None:
                self._tasks.discard(task)
            writer.close()

    async def _answer(self, request: Request, writer: asyncio.StreamWriter) -> bool:
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
        if not duplicate:
            self.delivered[key] = json.loads(request.body)
        if behaviour == "timeout":  # received, but the answer comes too late
            await asyncio.sleep(self.hang_s)
            return False
        self.acks[key] += 1
        return await respond(writer, 200, {"status": "duplicate" if duplicate else "accepted"})

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
        digest = hmac.new(self.secret.encode(), signed, hashlib.sha256).digest()
        expected = "v1," + base64.b64encode(digest).decode()
        if expected not in headers.get("webhook-signature", "").split():
            return "signature"
        key = headers.get("idempotency-key")
        if not key or key != msg_id or json.loads(request.body).get("message_id") != key:
            return "idempotency-key"
        return None


async def read_request(reader: asyncio.StreamReader) -> Request | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None  # the client closed a kept-alive connection
    request_line, *lines = head.decode("latin-1").split("\r\n")
    method, path, _version = request_line.split(" ", 2)
    headers = {}
    for line in lines:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return Request(method, path, headers, body)


async def respond(writer: asyncio.StreamWriter, status: int, payload: dict[str, Any]) -> bool:
    body = json.dumps(payload).encode()
    reason = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 500: "Internal Server Error"}
    writer.write(
        f"HTTP/1.1 {status} {reason[status]}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    await writer.drain()
    return True


def reset(writer: asyncio.StreamWriter) -> None:
    """Close without answering, with a TCP RST (SO_LINGER 0) rather than a polite FIN."""
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
