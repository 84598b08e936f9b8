"""The owner console (built from `clients/react` by Vite) served at `/console` when it is built.

The bundle holds no secrets: the owner pastes a token at its login screen, and every API call
and the socket are authenticated as usual. Headers keep the page from being framed and the
socket's token-bearing URL out of referrers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from integrations.settings import Settings

BUILT_CONSOLE = Path(__file__).resolve().parent.parent / "clients" / "react" / "dist" / "console"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
        "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class ConsoleFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update(SECURITY_HEADERS)
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
