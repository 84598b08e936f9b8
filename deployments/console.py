"""The owner console (built from `clients/react` by Vite) served at `/console` when it is built.

The bundle holds no secrets: the owner pastes a token at its login screen, and every API call
and the socket are authenticated as usual. Headers keep the page from being framed and the
socket's token-bearing URL out of referrers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from config.settings import Settings

BUILT_CONSOLE = Path(__file__).resolve().parent.parent / "clients" / "react" / "dist" / "console"
HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def content_security_policy(host: str | None) -> str:
    """Scripts, styles and calls only from here; the socket only to this same host.

    Older browsers do not count ws(s):// as 'self', so the socket's origin is named explicitly.
    """
    sockets = f" ws://{host} wss://{host}" if host and HOST.match(host) else ""
    return (
        f"default-src 'self'; connect-src 'self'{sockets}; img-src 'self' data:; "
        "style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )


class ConsoleFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update(SECURITY_HEADERS)
        response.headers["Content-Security-Policy"] = content_security_policy(
            Headers(scope=scope).get("host")
        )
        # Vite names assets by content hash; index.html must always be fetched fresh.
        hashed = path.startswith("assets/")
        response.headers["Cache-Control"] = (
            "public, max-age=31536000, immutable" if hashed else "no-cache"
        )
        return response


def console_directory(settings: Settings) -> Path:
    return Path(settings.console_dir) if settings.console_dir else BUILT_CONSOLE


def mount_console(app: FastAPI, settings: Settings) -> None:
    directory = console_directory(settings)
    if (directory / "index.html").is_file():
        app.mount("/console", ConsoleFiles(directory=directory, html=True), name="console")
        return

    @app.get("/console", include_in_schema=False)
    async def console_not_built() -> Any:
        return JSONResponse(
            {
                "code": "console_not_built",
                "detail": "the owner console is not built: run `npm ci && npm run build` in "
                "clients/react (scripts/up does it when Node.js is installed)",
            },
            status_code=404,
        )
