"""A salon's agenda without Ray: commands persist with their events, then reach the stream."""

from __future__ import annotations

import asyncio
import json
from datetime import time, timedelta
from uuid import uuid4

import asyncpg
import pytest

from actors.salon import Salon as SalonActor
from domain.commands import CreateAuthRequest, DecideAuthRequest
from domain.errors import (
    AlreadyDecidedError,
    DuplicateCommandError,
    NotFoundError,
    OutsideWorkingHoursError,
    SlotTakenError,
)
from domain.models import Agent
from domain.salon_import import SalonFile, WorkingHoursPart
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_salon, next_local_slot
from tests.integration.conftest import import_committed

Salon = tuple[SalonFile, SalonIds]


@pytest.fixture
async def agenda(pool: asyncpg.Pool, stream: EventStream, salon: Salon) -> SalonActor:
    agenda = SalonActor(salon[1].tenant, pool=pool, stream=stream)
    await agenda.activate()
    return agenda


def propose(
    ids: SalonIds, *, client: str = "c1", minutes_later: int = 0, command_id: str | None = None
) -> CreateAuthRequest:
    return CreateAuthRequest(
        command_id=command_id or uuid4().hex,
        created_by_agent=Agent.PRAZO_CERTO,
        client_id=ids.of("client", client),
        service_id=ids.of("service", "corte"),
        professional_id=ids.of("professional", "carol"),
        starts_at=next_local_slot() + timedelta(minutes=minutes_later),
    )


def approve(ids: SalonIds, request_id: object, decision: str = "approve") -> DecideAuthRequest:
    return DecideAuthRequest(request_id=request_id, decision=decision, decided_by=ids.owner)  # type: ignore[arg-type]


async def stream_types(stream: EventStream, ids: SalonIds) -> list[tuple[int, str]]:
    replay = await stream.replay(ids.tenant, after=0, latest=10**9)
    return [(e.event_id, json.loads(e.payload)["event_type"]) for e in replay.events]


async def test_approval_creates_appointment_and_queues_confirmation(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    ids = salon[1]
    created = await agenda.handle(propose(ids))
    result = await agenda.handle(approve(ids, created.auth_request_id))
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT status, auth_request_id FROM appointment WHERE tenant_id = $1 AND id = $2",
            ids.tenant,
            result.appointment_id,
        )
        message = await conn.fetchrow(  # not the booking's reminder, queued when it is near
            "SELECT kind, status, body FROM outbound_message WHERE tenant_id = $1"
            " AND kind <> 'reminder'",
            ids.tenant,
        )
    assert (row["status"], row["auth_request_id"]) == ("booked", created.auth_request_id)
    assert (message["kind"], message["status"]) == ("transactional", "queued")
    assert "confirmado" in message["body"]
    assert result.client_notification_sent is False


async def test_events_reach_stream_in_order(
    agenda: SalonActor, stream: EventStream, salon: Salon
) -> None:
    ids = salon[1]
    first = await agenda.handle(propose(ids))
    second = await agenda.handle(propose(ids, client="c2", minutes_later=120))
    await agenda.handle(approve(ids, first.auth_request_id))
    await agenda.handle(approve(ids, second.auth_request_id, "reject"))
    assert await stream_types(stream, ids) == [
        (1, "auth_request_created"),
        (2, "auth_request_created"),
        (3, "appointment_created"),
        (4, "auth_request_rejected"),
    ]


async def test_outbox_marks_events_published(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    await agenda.handle(propose(salon[1]))
    async with pool.acquire() as conn:
        unpublished = await conn.fetchval(
            "SELECT count(*) FROM event WHERE tenant_id = $1 AND published_at IS NULL",
            salon[1].tenant,
        )
    assert unpublished == 0


async def test_same_approval_twice_books_once(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    ids = salon[1]
    created = await agenda.handle(propose(ids))
    first = await agenda.handle(approve(ids, created.auth_request_id))
    second = await agenda.handle(approve(ids, created.auth_request_id))
    async with pool.acquire() as conn:
        count = await conn.fetchval(
            "SELECT count(*) FROM appointment WHERE tenant_id = $1", ids.tenant
        )
    assert first == second
    assert count == 1


async def test_rejecting_an_approved_request_is_refused(agenda: SalonActor, salon: Salon) -> None:
    ids = salon[1]
    created = await agenda.handle(propose(ids))
    await agenda.handle(approve(ids, created.auth_request_id))
    with pytest.raises(AlreadyDecidedError):
        await agenda.handle(approve(ids, created.auth_request_id, "reject"))


async def test_second_approval_of_same_slot_is_refused_and_stays_pending(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    ids = salon[1]
    one = await agenda.handle(propose(ids, client="c1"))
    two = await agenda.handle(propose(ids, client="c2", minutes_later=30))
    await agenda.handle(approve(ids, one.auth_request_id))
    with pytest.raises(SlotTakenError):
        await agenda.handle(approve(ids, two.auth_request_id))
    async with pool.acquire() as conn:
        status = await conn.fetchval(
            "SELECT status FROM auth_request WHERE tenant_id = $1 AND id = $2",
            ids.tenant,
            two.auth_request_id,
        )
    assert status == "pending"


async def test_concurrent_conflicting_approvals_book_once(
    agenda: SalonActor, pool: asyncpg.Pool, salon: Salon
) -> None:
    ids = salon[1]
    created = [await agenda.handle(propose(ids, client=f"c{i}", minutes_later=i)) for i in range(8)]
    results = await asyncio.gather(
        *(agenda.handle(approve(ids, c.auth_request_id)) for c in created),
        return_exceptions=True,
    )
    booked = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, SlotTakenError)]
    assert (len(booked), len(refused)) == (1, 7)


async def test_repeated_command_id_returns_the_same_request(
    agenda: SalonActor, salon: Salon
) -> None:
    command = propose(salon[1], command_id="campaign-42:c1")
    first = await agenda.handle(command)
    again = await agenda.handle(command)
    assert (again.auth_request_id, again.created) == (first.auth_request_id, False)


async def test_command_id_reused_for_other_booking_is_refused(
    agenda: SalonActor, salon: Salon
) -> None:
    ids = salon[1]
    await agenda.handle(propose(ids, command_id="reused"))
    with pytest.raises(DuplicateCommandError):
        await agenda.handle(propose(ids, command_id="reused", minutes_later=60))


async def test_unknown_request_is_not_found(agenda: SalonActor, salon: Salon) -> None:
    with pytest.raises(NotFoundError):
        await agenda.handle(approve(salon[1], uuid4()))


async def test_proposal_for_unknown_client_is_not_found(agenda: SalonActor, salon: Salon) -> None:
    command = propose(salon[1]).model_copy(update={"client_id": uuid4()})
    with pytest.raises(NotFoundError):
        await agenda.handle(command)


async def test_proposal_over_booked_slot_is_refused(agenda: SalonActor, salon: Salon) -> None:
    ids = salon[1]
    created = await agenda.handle(propose(ids))
    await agenda.handle(approve(ids, created.auth_request_id))
    with pytest.raises(SlotTakenError):
        await agenda.handle(propose(ids, client="c2", minutes_later=15))


async def test_proposal_outside_working_hours_is_refused(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    hours = [WorkingHoursPart(weekday=d, start=time(9), end=time(12)) for d in range(7)]
    salon = make_salon()
    professionals = [p.model_copy(update={"working_hours": hours}) for p in salon.professionals]
    salon = salon.model_copy(update={"professionals": professionals})
    ids = await import_committed(pool, salon)
    agenda = SalonActor(ids.tenant, pool=pool, stream=stream)
    await agenda.activate()
    command = propose(ids).model_copy(update={"starts_at": next_local_slot(hour=15)})
    with pytest.raises(OutsideWorkingHoursError):
        await agenda.handle(command)


async def test_other_tenants_request_is_not_found(
    agenda: SalonActor, pool: asyncpg.Pool, stream: EventStream
) -> None:
    other_ids = await import_committed(pool, make_salon())
    other = SalonActor(other_ids.tenant, pool=pool, stream=stream)
    await other.activate()
    theirs = await other.handle(propose(other_ids))
    with pytest.raises(NotFoundError):
        await agenda.handle(approve(other_ids, theirs.auth_request_id))


async def test_restarted_agenda_rebuilds_pending_requests(
    agenda: SalonActor, pool: asyncpg.Pool, stream: EventStream, salon: Salon
) -> None:
    ids = salon[1]
    created = await agenda.handle(propose(ids))
    reborn = SalonActor(ids.tenant, pool=pool, stream=stream)
    await reborn.activate()
    assert created.auth_request_id in reborn.agenda.pending
