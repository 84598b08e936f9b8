"""Many dashboard sockets (`/ws/sync`) held by one benchmark process, for scripts/bench/fanout.

Each socket is opened like a dashboard's (the token in the URL, permessage-deflate offered as
browsers do), counts as open once `sync_started` arrives, and then notes when each
`auth_request_created` reaches it (by auth request id), without parsing any other frame.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from uuid import UUID

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus
from websockets.protocol import State

OPEN_TIMEOUT_S = 30.0  # handshake and `sync_started` together
CLOSE_TIMEOUT_S = 2.0
WATCHED = b"auth_request_created"


@dataclass
class Socket:
    tenant: UUID
    ws: ClientConnection
    arrivals: dict[UUID, float] = field(default_factory=dict)  # auth request id -> perf_counter
    reader: asyncio.Task[None] | None = None

    @property
    def is_open(self) -> bool:
        return self.ws.state is State.OPEN


async def _until_sync_started(ws: ClientConnection) -> None:
    while True:
        raw = await ws.recv()
        text = raw.decode() if isinstance(raw, bytes) else raw
        if json.loads(text).get("event_type") == "sync_started":
            return


def _reason(error: BaseException) -> str:
    if isinstance(error, InvalidStatus):
        return f"HTTP {error.response.status_code}"
    if isinstance(error, ConnectionClosed):
        return f"closed {error.rcvd.code if error.rcvd else 'without a frame'}"
    return type(error).__name__


class SocketFleet:
    """Sockets opened `in_flight` at a time; failures counted by reason, never raised."""

    def __init__(self, in_flight: int) -> None:
        self.sockets: list[Socket] = []
        self.failures: Counter[str] = Counter()
        self.failure_bodies: dict[str, str] = {}  # the first answer of each refusal, cut short
        self._gate = asyncio.Semaphore(in_flight)
        self.arrived = 0  # `auth_request_created` frames received, over all sockets
        self._wanted = math.inf
        self._enough = asyncio.Event()

    async def _read(self, socket: Socket) -> None:
        """Note the arrival time of every `auth_request_created`; end when the socket closes."""
        with suppress(ConnectionClosed):
            async for raw in socket.ws:
                arrived = time.perf_counter()
                data = raw if isinstance(raw, bytes) else raw.encode()
                if WATCHED not in data:
                    continue
                message = json.loads(data)
                if message.get("event_type") == WATCHED.decode():
                    socket.arrivals[UUID(message["data"]["auth_request"]["id"])] = arrived
                    self.arrived += 1
                    if self.arrived >= self._wanted:
                        self._enough.set()

    async def wait_for_arrivals(self, count: int, timeout_s: float) -> None:
        """Until `count` watched frames have arrived in all, or `timeout_s` has passed."""
        self._wanted = count
        self._enough.clear()
        if self.arrived < count:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._enough.wait(), timeout_s)
        self._wanted = math.inf

    async def open(self, targets: Sequence[tuple[UUID, str]]) -> float:
        """Open one socket per (tenant, url); wall seconds until all have answered or failed."""
        started = time.perf_counter()
        await asyncio.gather(*(self._open_one(tenant, url) for tenant, url in targets))
        return time.perf_counter() - started

    async def _open_one(self, tenant: UUID, url: str) -> None:
        async with self._gate:
            ws: ClientConnection | None = None
            try:
                async with asyncio.timeout(OPEN_TIMEOUT_S):
                    ws = await connect(
                        url,
                        proxy=None,
                        open_timeout=None,  # the timeout above bounds the whole opening
                        ping_interval=None,  # the server pings; dashboards answer
                        close_timeout=CLOSE_TIMEOUT_S,
                    )
                    await _until_sync_started(ws)
            except (TimeoutError, OSError, InvalidHandshake, ConnectionClosed) as error:
                reason = _reason(error)
                self.failures[reason] += 1
                if isinstance(error, InvalidStatus) and reason not in self.failure_bodies:
                    body = error.response.body or b""
                    self.failure_bodies[reason] = body[:200].decode(errors="replace")
                if ws is not None:
                    ws.transport.abort()
                return
        socket = Socket(tenant, ws)
        socket.reader = asyncio.create_task(self._read(socket))
        self.sockets.append(socket)

    def open_now(self) -> list[Socket]:
        return [s for s in self.sockets if s.is_open]

    def close_codes(self) -> Counter[str]:
        """How the sockets that are no longer open ended (the server's close code)."""
        return Counter(
            str(s.ws.close_code) if s.ws.close_code is not None else "no close frame"
            for s in self.sockets
            if not s.is_open
        )

    def compression(self) -> str:
        if not self.sockets:
            return "n/a"
        header = (
            self.sockets[0].ws.response.headers.get("Sec-WebSocket-Extensions")
            if (self.sockets[0].ws.response is not None)
            else None
        )
        return header or "none negotiated"

    async def close(self) -> float:
        """Close every socket (a close handshake each, bounded); wall seconds."""
        started = time.perf_counter()

        async def close_one(socket: Socket) -> None:
            async with self._gate:
                with suppress(OSError, ConnectionClosed, TimeoutError):
                    await socket.ws.close()
            if socket.reader is not None:
                socket.reader.cancel()

        await asyncio.gather(*(close_one(s) for s in self.sockets))
        return time.perf_counter() - started
