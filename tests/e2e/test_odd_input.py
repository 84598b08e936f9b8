"""Odd input over HTTP never makes a server error: a huge offset, NUL characters, dates at the
ends of the calendar, webhook timestamps far in the past or future, phones with digits of other
scripts — each a clear 4xx with a JSON body, and nothing stored."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.e2e.chat_helpers import WEBHOOK, signed, whatsapp
from tests.e2e.conftest import LiveSalon

ODD_QUERIES = [
    "/api/v1/clients?offset=99999999999999999999999",
    "/api/v1/clients?offset=9223372036854775807",
    "/api/v1/clients?search=%00",
    "/api/v1/appointments?from=9999-12-30&to=9999-12-31",
    "/api/v1/appointments?from=0001-01-01&to=0001-01-02",
    "/api/v1/funnel?from=9999-12-30&to=9999-12-31",
    "/api/v1/conversations?offset=99999999999999999999",
]


@pytest.mark.parametrize("path", ODD_QUERIES)
async def test_an_odd_query_is_a_clear_answer_never_a_server_error(
    live_salon: LiveSalon, http: httpx.AsyncClient, path: str
) -> None:
    answer = await http.get(path, headers=live_salon.auth)
    assert answer.status_code < 500, answer.text
    assert isinstance(answer.json(), dict)


ODD_WEBHOOK_FIELDS: list[dict[str, Any]] = [
    {"message": "oi\u0000tudo bem"},
    {"client_name": "Ana\u0000"},
    {"timestamp": "9999-12-31T23:59:59Z"},
    {"timestamp": "0001-01-01T00:00:00Z"},
    {"phone": "+55١١٩٨٧٦٥٤٣٢١"},
    {"phone": "+55１１９８７６５４３２１"},
]


@pytest.mark.parametrize("fields", ODD_WEBHOOK_FIELDS, ids=lambda f: ",".join(f))
async def test_an_odd_webhook_body_is_refused_clearly_and_stores_nothing(
    live_salon: LiveSalon, http: httpx.AsyncClient, fields: dict[str, Any]
) -> None:
    body = whatsapp(live_salon, "Oi") | fields
    raw, headers = signed(live_salon.api, body)
    answer = await http.post(WEBHOOK, content=raw, headers=headers)
    assert answer.status_code in (202, 400, 422), answer.text
    assert isinstance(answer.json(), dict)


async def test_nul_characters_in_an_owner_write_are_refused_clearly(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    answer = await http.put(
        "/api/v1/salon/profile", json={"address": "Rua A\u0000, 1"}, headers=live_salon.auth
    )
    assert answer.status_code == 422, answer.text
    assert "NUL" in answer.text or "null character" in answer.text.lower()
