"""The owner console (built from `clients/react` by Vite) served at `/console` when it is built.

The bundle holds no secrets: the customer's app hands it an owner token (in the URL fragment, or
by postMessage from a page on `AGENDA_CONSOLE_EMBED_ORIGINS` that frames it; docs/console-embed.md),
or the owner pastes one, and every API call and the socket are authenticated as usual. Headers keep
the page from being framed by anyone else and the socket's token-bearing URL out of referrers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from config.settings import Settings

BUILT_CONSOLE = Path(__file__).resolve().parent.parent / "clients" / "react" / "dist" / "console"
HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
EMBED_CONFIG = "embed.json"


class EmbedConfig(BaseModel):
    """What the console reads before it trusts a parent window: the origins that may frame it
    and hand it tokens by postMessage (an empty list: it runs only as a page of its own)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    origins: list[str]


def content_security_policy(host: str | None, embed_origins: Sequence[str] = ()) -> str:
    """Scripts, styles and calls only from here; the socket only to this same host; framed only
    by the embedding origins (none unless configured).

    Older browsers do not count ws(s):// as 'self', so the socket's origin is named explicitly.
    """
    sockets = f" ws://{host} wss://{host}" if host and HOST.match(host) else ""
    ancestors = " ".join(embed_origins) or "'none'"
    return (
        f"default-src 'self'; connect-src 'self'{sockets}; img-src 'self' data:; "
        f"style-src 'self'; frame-ancestors {ancestors}; base-uri 'none'; form-action 'self'"
    )


class ConsoleFiles(StaticFiles):
    def __init__(self, *, directory: Path, embed_origins: Sequence[str]) -> None:
        super().__init__(directory=directory, html=True)
        self.embed_origins = tuple(embed_origins)

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update(SECURITY_HEADERS)
        # X-Frame-Options cannot name origins: frame-ancestors alone says who may frame us.
        if not self.embed_origins:
            response.headers["X-Frame-Options"] = "DENY"
        response.headers["Content-Security-Policy"] = content_security_policy(
            Headers(scope=scope).get("host"), self.embed_origins
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
        origins = settings.console_embed_origin_list

        # Registered before the mount, which would otherwise answer it as a missing file.
        @app.get(f"/console/{EMBED_CONFIG}", include_in_schema=False)
        async def console_embed_config() -> EmbedConfig:
            return EmbedConfig(origins=origins)

        app.mount(
            "/console", ConsoleFiles(directory=directory, embed_origins=origins), name="console"
        )
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
