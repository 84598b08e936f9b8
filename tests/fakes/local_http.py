"""What the fake HTTP servers share: a raw asyncio HTTP/1.1 server on 127.0.0.1.

Raw on purpose: the fakes misbehave (hang, reset, answer garbage) in ways a framework would hide.
A subclass answers one parsed request in `_handle` and returns whether to keep the connection.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


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
    body = json.dumps(payload, ensure_ascii=False).encode()
    writer.write(
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
        "Content-Type: application/json; charset=UTF-8\r\n"
        f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    await writer.drain()
    return True


@dataclass(kw_only=True)
class LocalHttpServer:
    _server: asyncio.Server | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _writers: set[asyncio.StreamWriter] = field(default_factory=set)

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError(f"{type(self).__name__} not started")
        return int(self._server.sockets[0].getsockname()[1])

    async def _handle(self, request: Request, writer: asyncio.StreamWriter) -> bool:
        raise NotImplementedError

    async def _shut(self, *, cancel_handlers: bool) -> None:
        """Stop listening, end every connection handler, wait for all of it."""
        if self._server is not None:
            self._server.close()
        if cancel_handlers:
            for task in list(self._tasks):
                task.cancel()
        else:  # idle connections end; hanging handlers must be woken by the subclass
            for writer in list(self._writers):
                writer.close()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        self._writers.add(writer)
        try:
            while (request := await read_request(reader)) is not None:
                if not await self._handle(request, writer):
                    return
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            if task is not None:
                self._tasks.discard(task)
            self._writers.discard(writer)
            writer.close()
