"""A small WebSocket reader for tests: collect messages until the wanted types arrive."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from websockets.asyncio.client import ClientConnection

RECEIVE_TIMEOUT_S = 20.0


async def receive_json(ws: ClientConnection) -> dict[str, Any]:
    raw = await asyncio.wait_for(ws.recv(), RECEIVE_TIMEOUT_S)
    message: dict[str, Any] = json.loads(raw)
    return message


async def until(ws: ClientConnection, event_type: str) -> dict[str, Any]:
    """Read messages until one of `event_type` arrives; return it."""
    while True:
        message = await receive_json(ws)
        if message["event_type"] == event_type:
            return message


async def events_until(ws: ClientConnection, count: int) -> list[dict[str, Any]]:
    """The next `count` real events (control messages skipped)."""
    events: list[dict[str, Any]] = []
    while len(events) < count:
        message = await receive_json(ws)
        if message["event_id"] is not None:
            events.append(message)
    return events
