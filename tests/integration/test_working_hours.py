"""The owner replaces a professional's working hours through the host core, on real PostgreSQL
and Redis: memory and the stored rows change in one commit, the event is stored and streamed,
bookings follow at once, bookings already made outside are kept, and a refusal changes nothing."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import pytest

from actors.host import TenantHostCore
from domain.commands import CheckMemory, CreateAuthRequest, DecideAuthRequest, SetWorkingHours
from domain.errors import NotFoundError, OutsideWorkingHoursError
from domain.models import Agent
from domain.salon_import import SalonFile
from domain.working_hours import WeekHours, week_of
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_salon, next_local_slot
from tests.integration.conftest import import_committed

Salon = tuple[SalonFile, SalonIds]


def weekday_of(moment: datetime) -> int:
    return moment.weekday()  # next_local_slot is São Paulo time already


def new_week(ids: SalonIds, *periods: tuple[int, str, str], who: str = "carol") -> SetWorkingHours:
    week = WeekHours.model_validate(
        {"periods": [{"weekday": d, "start": s, "end": e} for d, s, e in periods]}
    )
    return SetWorkingHours(professional_id=ids.of("professional", who), week=week, set_by=ids.owner)


def proposal(ids: SalonIds, starts_at: datetime) -> CreateAuthRequest:
    return CreateAuthRequest(
        command_id=uuid4().hex,
        created_by_agent=Agent.MANUAL,
        client_id=ids.of("client", "c1"),
        service_id=ids.of("service", "corte"),
        professional_id=ids.of("professional", "carol"),
        starts_at=starts_at,
    )


async def stored_hours(pool: asyncpg.Pool, ids: SalonIds, who: str = "carol") -> list[Any]:
    rows = await pool.fetch(
        """SELECT weekday, to_char(start_time, 'HH24:MI') AS start, to_char(end_time, 'HH24:MI')
                  AS end
           FROM working_hours WHERE tenant_id = $1 AND professional_id = $2
           ORDER BY weekday, start_time""",
        ids.tenant,
        ids.of("professional", who),
    )
    return [tuple(r) for r in rows]


async def hours_events(pool: asyncpg.Pool, ids: SalonIds) -> list[dict[str, Any]]:
    rows = await pool.fetch(
        "SELECT data FROM event WHERE tenant_id = $1 AND event_type = 'working_hours_updated'"
        " ORDER BY event_id",
        ids.tenant,
    )
    return [json.loads(r["data"]) if isinstance(r["data"], str) else r["data"] for r in rows]


async def test_a_new_week_is_stored_held_in_memory_and_streamed(
    host: TenantHostCore, salon: Salon, pool: asyncpg.Pool, stream: EventStream
) -> None:
    ids = salon[1]
    view = await host.call(ids.tenant, new_week(ids, (1, "14:00", "19:00"), (1, "09:00", "12:00")))
    assert [(p.weekday, f"{p.start:%H:%M}") for p in view.periods] == [(1, "09:00"), (1, "14:00")]
    assert await stored_hours(pool, ids) == [(1, "09:00", "12:00"), (1, "14:00", "19:00")]
    memory = (await host.salon(ids.tenant)).agenda.working_hours
    assert week_of(ids.of("professional", "carol"), memory).periods == view.periods
    assert len(week_of(ids.of("professional", "rafael"), memory).periods) == 7  # untouched
    assert (await host.call(ids.tenant, CheckMemory())).differences == []
    [event] = await hours_events(pool, ids)
    assert event["professional_name"] == "Carol" and event["updated_by"] == str(ids.owner)
    streamed = await stream.read_after(ids.tenant, after=0, block_ms=1000)
    assert [json.loads(s.payload)["event_type"] for s in streamed] == ["working_hours_updated"]


async def test_bookings_follow_the_new_hours_at_once_and_after_a_restart(
    host: TenantHostCore, salon: Salon
) -> None:
    ids = salon[1]
    morning = next_local_slot(days_ahead=2, hour=10)
    evening = next_local_slot(days_ahead=2, hour=20)
    day = weekday_of(morning)
    await host.call(ids.tenant, new_week(ids, (day, "09:00", "18:00")))
    with pytest.raises(OutsideWorkingHoursError):
        await host.call(ids.tenant, proposal(ids, evening))
    assert host.passivate_idle(idle_after_s=0) == [ids.tenant]
    with pytest.raises(OutsideWorkingHoursError):
        await host.call(ids.tenant, proposal(ids, evening))
    created = await host.call(ids.tenant, proposal(ids, morning))
    assert created.created


async def test_a_booking_outside_the_new_hours_is_kept_and_reported(
    host: TenantHostCore, salon: Salon, pool: asyncpg.Pool
) -> None:
    ids = salon[1]
    evening = next_local_slot(days_ahead=3, hour=20)
    created = await host.call(ids.tenant, proposal(ids, evening))
    decided = await host.call(
        ids.tenant,
        DecideAuthRequest(
            request_id=created.auth_request_id, decision="approve", decided_by=ids.owner
        ),
    )
    view = await host.call(ids.tenant, new_week(ids, (weekday_of(evening), "09:00", "18:00")))
    assert view.bookings_outside_count == 1
    [outside] = view.bookings_outside
    assert (outside.appointment_id, outside.time, outside.client_name) == (
        decided.appointment_id,
        "20:00",
        "Cliente 1",
    )
    status = await pool.fetchval(
        "SELECT status FROM appointment WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        decided.appointment_id,
    )
    assert status == "booked"
    [event] = await hours_events(pool, ids)
    assert event["bookings_outside_count"] == 1


async def test_the_same_week_twice_is_stored_and_told_once(
    host: TenantHostCore, salon: Salon, pool: asyncpg.Pool
) -> None:
    ids = salon[1]
    first = await host.call(ids.tenant, new_week(ids, (2, "08:00", "12:00")))
    again = await host.call(ids.tenant, new_week(ids, (2, "08:00", "12:00")))
    assert first == again
    assert len(await hours_events(pool, ids)) == 1


async def test_a_week_off_removes_every_row(
    host: TenantHostCore, salon: Salon, pool: asyncpg.Pool
) -> None:
    ids = salon[1]
    view = await host.call(ids.tenant, new_week(ids))
    assert view.periods == () and await stored_hours(pool, ids) == []
    assert (await host.call(ids.tenant, CheckMemory())).differences == []


@pytest.mark.parametrize("whose", ["unknown", "another salon's"])
async def test_a_professional_not_of_this_salon_is_not_found_and_nothing_changes(
    host: TenantHostCore, salon: Salon, pool: asyncpg.Pool, whose: str
) -> None:
    ids = salon[1]
    professional_id: UUID = uuid4()
    if whose == "another salon's":
        other = await import_committed(pool, make_salon())
        professional_id = other.of("professional", "carol")
    before = await stored_hours(pool, ids)
    command = new_week(ids, (1, "09:00", "10:00")).model_copy(
        update={"professional_id": professional_id}
    )
    with pytest.raises(NotFoundError, match="professional not found"):
        await host.call(ids.tenant, command)
    assert await stored_hours(pool, ids) == before
    assert await hours_events(pool, ids) == []
    if whose == "another salon's":
        assert len(await stored_hours(pool, other)) == 7


async def test_a_week_another_writer_changed_is_decided_on_what_is_stored(
    host: TenantHostCore, salon: Salon, pool: asyncpg.Pool
) -> None:
    ids = salon[1]
    await host.call(ids.tenant, new_week(ids, (1, "09:00", "18:00")))
    await pool.execute(  # the customer's Prisma services, say
        "DELETE FROM working_hours WHERE tenant_id = $1 AND professional_id = $2",
        ids.tenant,
        ids.of("professional", "carol"),
    )
    await host.call(ids.tenant, new_week(ids, (1, "09:00", "18:00")))
    assert await stored_hours(pool, ids) == [(1, "09:00", "18:00")]
    assert len(await hours_events(pool, ids)) == 2
    assert (await host.call(ids.tenant, CheckMemory())).differences == []
