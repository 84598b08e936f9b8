"""Every HTTP request's body and query, checked before anything reads them: a body over the
deployment's limit is a 413 (read no further), a NUL character (which PostgreSQL's text refuses)
in the body or the query is a 422 — both clear JSON answers, before authentication, parsing or
any store sees them. A GET's or HEAD's body is never read (no route of theirs reads one)."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from deployments.errors import error_body

NUL_MARKS = (b"\\u0000", b"\x00")
NUL_IN_QUERY = (b"%00", b"\x00")
BODILESS = frozenset({"GET", "HEAD"})


class RequestGuard:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self._app = app
        self._max = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "websocket" and _nul_in_query(scope):
                await send({"type": "websocket.close", "code": 1008})
                return
            await self._app(scope, receive, send)
            return
        if _nul_in_query(scope):
            await _answer(send, 422, "invalid_request", "NUL characters are not accepted")
            return
        if scope["method"] in BODILESS:  # their routes read no body: nothing to hold back
            await self._app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self._max:
            await _answer(send, 413, "body_too_large", self._too_large())
            return
        body = b""
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self._max:
                await _answer(send, 413, "body_too_large", self._too_large())
                return
        if any(mark in body for mark in NUL_MARKS):
            await _answer(send, 422, "invalid_request", "NUL characters are not accepted")
            return
        await self._app(scope, _replay(body, receive), send)

    def _too_large(self) -> str:
        return f"the request body is over {self._max} bytes"


def _nul_in_query(scope: Scope) -> bool:
    query: bytes = scope.get("query_string", b"")
    return any(mark in query.lower() for mark in NUL_IN_QUERY)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: the disconnect, when it comes

    return replay


async def _answer(send: Send, status: int, code: str, detail: str) -> None:
    payload = json.dumps(error_body(code, detail)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
