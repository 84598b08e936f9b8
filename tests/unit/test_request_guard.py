"""The request guard, on a small ASGI app: a body over the limit is a 413 read no further, a NUL
character in the body or the query is a 422, both as JSON; anything else reaches the app whole."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI, Request

from deployments.request_guard import RequestGuard


def guarded() -> FastAPI:
    app = FastAPI()
    app.add_middleware(RequestGuard, max_body_bytes=1024)

    @app.post("/echo")
    async def echo(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    @app.get("/q")
    async def query(q: str = "") -> dict[str, str]:
        return {"q": q}

    return app


async def call(method: str, url: str, **kwargs: object) -> httpx.Response:
    transport = httpx.ASGITransport(app=guarded())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.request(method, url, **kwargs)  # type: ignore[arg-type]


async def test_a_body_within_the_limit_reaches_the_app_whole() -> None:
    answer = await call("POST", "/echo", content=b"x" * 1000)
    assert (answer.status_code, answer.json()) == (200, {"bytes": 1000})


async def test_a_body_over_the_limit_is_a_413() -> None:
    answer = await call("POST", "/echo", content=b"x" * 1025)
    assert answer.status_code == 413
    assert answer.json()["code"] == "body_too_large"


@pytest.mark.parametrize("body", [b'{"a": "x\\u0000y"}', b"x\x00y"])
async def test_a_nul_character_in_the_body_is_a_422(body: bytes) -> None:
    answer = await call("POST", "/echo", content=body)
    assert (answer.status_code, answer.json()["code"]) == (422, "invalid_request")


@pytest.mark.parametrize("query", ["q=a%00b", "q=%00"])
async def test_a_nul_character_in_the_query_is_a_422(query: str) -> None:
    answer = await call("GET", f"/q?{query}")
    assert answer.status_code == 422


async def test_an_ordinary_query_passes() -> None:
    answer = await call("GET", "/q?q=Jo%C3%A3o")
    assert answer.json() == {"q": "João"}
