"""Each request's id for its log lines: the caller's plain `X-Request-ID` (answered back by whoever
set it: Serve's proxy), else a new one the app answers back; the salon starts unknown."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from config import logs
from deployments.request_context import RequestContext


def app() -> FastAPI:
    api = FastAPI()
    api.add_middleware(RequestContext)

    @api.get("/seen")
    async def seen() -> dict[str, str | None]:
        return {"work": logs.WORK.get(), "salon": logs.SALON.get()}

    return api


async def get(headers: dict[str, str]) -> httpx.Response:
    transport = httpx.ASGITransport(app=app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.get("/seen", headers=headers)


async def test_a_plain_id_from_the_caller_marks_the_lines_and_is_not_answered_twice() -> None:
    answer = await get({"X-Request-ID": "req-42_a"})
    assert answer.json() == {"work": "req-42_a", "salon": None}
    assert "x-request-id" not in answer.headers  # its setter (Serve's proxy) answers it back


async def test_without_an_id_or_with_a_malformed_one_the_app_makes_and_answers_one() -> None:
    for headers in ({}, {"X-Request-ID": "bad id; drop table"}, {"X-Request-ID": "x" * 65}):
        answer = await get(headers)
        made = answer.json()["work"]
        assert len(made) == 32 and made.isalnum()
        assert answer.headers.get_list("x-request-id") == [made]
