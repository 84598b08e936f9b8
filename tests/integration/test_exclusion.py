"""The database itself refuses overlapping appointments of one professional."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import asyncpg
import pytest

from db.appointments import insert_appointments
from db.salon_import import import_salon
from domain.errors import SlotTakenError
from domain.models import AppointmentStatus
from tests.factories import SalonIds, make_appointment, make_salon, next_local_slot


@pytest.fixture
async def ids(conn: asyncpg.Connection) -> SalonIds:
    salon = make_salon()
    await import_salon(conn, salon)
    return SalonIds(salon)


def booking(
    ids: SalonIds,
    *,
    professional: str = "carol",
    minutes_later: int = 0,
    status: AppointmentStatus = AppointmentStatus.BOOKED,
) -> object:
    starts = next_local_slot() + timedelta(minutes=minutes_later)
    return make_appointment(
        client_id=ids.of("client", "c1"),
        professional_id=ids.of("professional", professional),
        service_id=ids.of("service", "corte"),
        starts_at=starts,
        ends_at=starts + timedelta(minutes=60),
        status=status,
    )


async def test_overlap_is_refused(conn: asyncpg.Connection, ids: SalonIds) -> None:
    await insert_appointments(
        conn, tenant_id=ids.tenant, appointments=[booking(ids)], source="manual"
    )
    with pytest.raises(SlotTakenError):
        await insert_appointments(
            conn,
            tenant_id=ids.tenant,
            appointments=[booking(ids, minutes_later=30)],
            source="manual",
        )


async def test_back_to_back_is_accepted(conn: asyncpg.Connection, ids: SalonIds) -> None:
    for minutes in (0, 60):
        await insert_appointments(
            conn,
            tenant_id=ids.tenant,
            appointments=[booking(ids, minutes_later=minutes)],
            source="manual",
        )
    count = await conn.fetchval("SELECT count(*) FROM appointment WHERE tenant_id = $1", ids.tenant)
    assert count == 2


async def test_other_professional_same_time_is_accepted(
    conn: asyncpg.Connection, ids: SalonIds
) -> None:
    await insert_appointments(
        conn, tenant_id=ids.tenant, appointments=[booking(ids)], source="manual"
    )
    await insert_appointments(
        conn,
        tenant_id=ids.tenant,
        appointments=[booking(ids, professional="rafael")],
        source="manual",
    )


async def test_cancelled_appointment_does_not_block(
    conn: asyncpg.Connection, ids: SalonIds
) -> None:
    cancelled = booking(ids, status=AppointmentStatus.CANCELLED)
    await insert_appointments(conn, tenant_id=ids.tenant, appointments=[cancelled], source="manual")
    await insert_appointments(
        conn, tenant_id=ids.tenant, appointments=[booking(ids)], source="manual"
    )


async def test_raw_sql_overlap_is_refused_too(conn: asyncpg.Connection, ids: SalonIds) -> None:
    # Another service (e.g. the customer's Prisma code) writing directly hits the same wall.
    starts = next_local_slot()
    insert = """INSERT INTO appointment (tenant_id, id, client_id, professional_id, service_id,
                    starts_at, ends_at, price_cents) VALUES ($1, $2, $3, $4, $5, $6, $7, 100)"""
    args = (ids.of("client", "c1"), ids.of("professional", "carol"), ids.of("service", "corte"))
    await conn.execute(insert, ids.tenant, uuid4(), *args, starts, starts + timedelta(hours=1))
    with pytest.raises(asyncpg.ExclusionViolationError):
        await conn.execute(
            insert,
            ids.tenant,
            uuid4(),
            *args,
            starts + timedelta(minutes=59),
            starts + timedelta(hours=2),
        )
