"""Every HTTP request and socket gets an id for the log lines it causes: the caller's
`X-Request-ID` when it is a plain token (letters, digits, `-`, `_`, at most 64), else a new one.
Serve's proxy puts its request id in every request and answers it back itself; a new id made here
(outside Serve, or a malformed one replaced) is answered back by the app. The salon is added to
the lines once the token or the webhook's signature says which (`config.logs.SALON`)."""

from __future__ import annotations

import re
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config import logs

_PLAIN = re.compile(rb"^[A-Za-z0-9_-]{1,64}$")


class RequestContext:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self._app(scope, receive, send)
            return
        given = dict(scope.get("headers", [])).get(b"x-request-id", b"")
        request_id = given.decode() if _PLAIN.match(given) else uuid.uuid4().hex
        logs.WORK.set(request_id)
        logs.SALON.set(None)
        if request_id == given.decode("latin-1"):
            await self._app(scope, receive, send)  # whoever gave it answers it back
            return

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self._app(scope, receive, send_with_id)
