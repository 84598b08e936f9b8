"""`/ws/sync?ticket=…`: a one-use ticket instead of the bearer token in the socket's URL."""

from __future__ import annotations

import time

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from tests.e2e.conftest import Api, LiveSalon
from tests.e2e.sockets import until
from tests.e2e.test_security import forged

TICKETS = "/api/v1/sync/ws-ticket"


async def ticket_for(http: httpx.AsyncClient, salon: LiveSalon) -> str:
    response = await http.post(TICKETS, headers=salon.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["expires_in_s"] == salon.api.settings.socket_ticket_ttl_s
    ticket: str = body["ticket"]
    return ticket


def ticket_url(salon: LiveSalon, ticket: str) -> str:
    return f"{salon.api.ws_url}?tenant_id={salon.ids.tenant}&ticket={ticket}"


async def test_ticket_opens_the_socket(http: httpx.AsyncClient, live_salon: LiveSalon) -> None:
    ticket = await ticket_for(http, live_salon)
    async with connect(ticket_url(live_salon, ticket)) as ws:
        started = await until(ws, "sync_started")
    assert started["tenant_id"] == str(live_salon.ids.tenant)
    assert ticket not in str(live_salon.owner_token)


async def test_ticket_opens_one_socket_only(http: httpx.AsyncClient, live_salon: LiveSalon) -> None:
    ticket = await ticket_for(http, live_salon)
    async with connect(ticket_url(live_salon, ticket)) as ws:
        await until(ws, "sync_started")
    with pytest.raises(InvalidStatus):
        async with connect(ticket_url(live_salon, ticket)):
            pass


async def test_unknown_ticket_is_refused(live_salon: LiveSalon) -> None:
    with pytest.raises(InvalidStatus):
        async with connect(ticket_url(live_salon, "not-a-ticket")):
            pass


async def test_ticket_of_another_salon_is_refused(
    http: httpx.AsyncClient, live_salon: LiveSalon, other_salon: LiveSalon
) -> None:
    ticket = await ticket_for(http, live_salon)
    with pytest.raises(InvalidStatus):
        async with connect(ticket_url(other_salon, ticket)):
            pass


async def test_tickets_need_a_token(http: httpx.AsyncClient) -> None:
    response = await http.post(TICKETS)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


async def test_ticket_is_spent_even_when_the_rest_of_the_url_is_refused(
    http: httpx.AsyncClient, live_salon: LiveSalon
) -> None:
    ticket = await ticket_for(http, live_salon)
    bad = f"{live_salon.api.ws_url}?tenant_id=not-a-uuid&ticket={ticket}"
    for url in (bad, ticket_url(live_salon, ticket)):
        with pytest.raises(InvalidStatus):
            async with connect(url):
                pass


async def test_ticket_never_outlives_its_token(
    http: httpx.AsyncClient, api: Api, live_salon: LiveSalon
) -> None:
    token = forged(api, live_salon, exp=int(time.time()) + 5)
    response = await http.post(TICKETS, headers={"Authorization": f"Bearer {token}"})
    assert 1 <= response.json()["expires_in_s"] <= 5
