"""The dashboard's page of pending requests is built as JSON by PostgreSQL: it must say exactly
what the salon's own pending list says (offers with their run and expiry, a preapproved one, a
request made by hand), in UTC whatever the session's time zone, page after page."""

from __future__ import annotations

from uuid import uuid4

import asyncpg

from db.read.agenda import list_pending_auth_requests, pending_auth_requests_json
from deployments.routes_sync import PAGE
from deployments.schemas import AuthRequestOut
from domain.commands import CreateAuthRequest
from domain.models import Agent, AuthRequest
from integrations.event_stream import EventStream
from tests.factories import next_local_slot
from tests.integration.test_offer_lifecycle import Clock, decide, salon_with_offers


def as_listed(request: AuthRequest) -> dict[str, object]:
    """What the route answered for a request before the page was built in SQL."""
    fields = set(AuthRequestOut.model_fields) - {"preapproved"}
    out = AuthRequestOut(**{name: getattr(request, name) for name in fields})
    return out.model_copy(update={"preapproved": request.preapproved}).model_dump(mode="json")


async def test_the_page_says_what_the_pending_list_says(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    salon, ids, _, offers = await salon_with_offers(pool, stream, Clock())
    preapproved = offers[ids.of("client", "due")]
    assert (await salon.handle(decide(ids, preapproved.auth_request_id))).preapproved
    for hours in (3, 5):
        await salon.handle(
            CreateAuthRequest(
                command_id=uuid4().hex,
                created_by_agent=Agent.MANUAL,
                client_id=ids.of("client", "recent"),
                service_id=preapproved.service_id,
                professional_id=preapproved.professional_id,
                starts_at=next_local_slot(9, hour=8 + hours),
            )
        )
    async with pool.acquire() as conn:
        listed = await list_pending_auth_requests(conn, tenant_id=ids.tenant)
        await conn.execute("SET TIME ZONE 'America/Sao_Paulo'")  # a server not set to UTC
        try:
            whole = PAGE.validate_json(
                await pending_auth_requests_json(conn, tenant_id=ids.tenant, limit=50)
            )
            first = PAGE.validate_json(
                await pending_auth_requests_json(conn, tenant_id=ids.tenant, limit=2)
            )
            last = first[-1]
            rest = PAGE.validate_json(
                await pending_auth_requests_json(
                    conn, tenant_id=ids.tenant, limit=50, after=(last.created_at, last.id)
                )
            )
        finally:
            await conn.execute("RESET TIME ZONE")
    assert len(listed) == 4
    assert {r.preapproved for r in listed} == {True, False}
    assert any(r.expires_at is not None and r.campaign_run_id is not None for r in listed)
    expected = [as_listed(r) for r in listed]
    assert [r.model_dump(mode="json") for r in whole] == expected
    assert [r.model_dump(mode="json") for r in first + rest] == expected
    assert whole[0].created_at.utcoffset() is not None
    assert all(r.created_at.utcoffset().total_seconds() == 0 for r in whole)  # type: ignore[union-attr]
