"""The visit histories Prazo Certo reads are summarised in SQL (db/campaigns.py): they must equal
what `summarize_visits` makes of the same visits in Python — counts, last visit, the median gap
(a client's own cycle), the usual professional and weekday (ties: the one seen last) and the
usual time of day — in São Paulo and in a zone whose clocks change. Read for one day (Prazo
Certo's run), they leave out only summaries that are not due that day."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from itertools import groupby
from uuid import UUID, uuid4

import asyncpg
import pytest

from db.campaigns import load_histories
from domain.history import Visit, summarize_visits
from domain.models import Service
from domain.recall import due_clients
from tests.factories import make_salon
from tests.integration.conftest import import_committed

CLIENTS = 40


async def fill_visits(conn: asyncpg.Connection, tenant_id: UUID, seed: int) -> list[asyncpg.Record]:
    """Random completed visits (some on the same weekday or professional as often as another:
    ties), none overlapping for a professional; returns them as stored."""
    rng = random.Random(seed)
    professionals = [
        r["id"]
        for r in await conn.fetch("SELECT id FROM professional WHERE tenant_id = $1", tenant_id)
    ]
    services = [
        r["id"] for r in await conn.fetch("SELECT id FROM service WHERE tenant_id = $1", tenant_id)
    ]
    clients = []
    for number in range(CLIENTS):
        client_id = uuid4()
        clients.append(client_id)
        await conn.execute(
            "INSERT INTO client (tenant_id, id, name, phone_e164, whatsapp_id)"
            " VALUES ($1, $2, $3, $4, $5)",
            tenant_id,
            client_id,
            f"Cliente {number}",
            f"+55219{number:08d}",
            f"55219{number:08d}",
        )
    taken: set[tuple[UUID, datetime]] = set()
    rows = []
    base = datetime(2026, 11, 30, tzinfo=UTC)
    for client_id in clients:
        for service_id in rng.sample(services, rng.randint(1, 2)):
            for _ in range(rng.randint(1, 7)):
                professional = rng.choice(professionals[:2])
                while True:  # hours apart: never overlapping; seconds too (window starts)
                    starts = (
                        base
                        - timedelta(hours=rng.randint(24, 24 * 700))
                        + timedelta(seconds=rng.choice((0, 0, 17)))
                    )
                    if (professional, starts.replace(second=0)) not in taken:
                        taken.add((professional, starts.replace(second=0)))
                        break
                rows.append(
                    (
                        tenant_id,
                        uuid4(),
                        client_id,
                        professional,
                        service_id,
                        starts,
                        starts + timedelta(minutes=30),
                        "completed",
                        5000,
                        "import",
                    )
                )
    await conn.copy_records_to_table(
        "appointment",
        records=rows,
        columns=(
            "tenant_id id client_id professional_id service_id starts_at ends_at status"
            " price_cents source"
        ).split(),
    )
    return await conn.fetch(
        "SELECT client_id, service_id, starts_at, professional_id FROM appointment"
        " WHERE tenant_id = $1 AND status = 'completed' ORDER BY client_id, service_id, starts_at",
        tenant_id,
    )


@pytest.mark.parametrize("zone", ["America/Sao_Paulo", "America/Santiago"])
async def test_sql_histories_equal_the_python_summary(pool: asyncpg.Pool, zone: str) -> None:
    ids = await import_committed(pool, make_salon())
    async with pool.acquire() as conn, conn.transaction():
        visits = await fill_visits(conn, ids.tenant, seed=len(zone))
        loaded = await load_histories(conn, tenant_id=ids.tenant, time_zone=zone)
    expected = {
        (client, service): summarize_visits(
            client,
            service,
            [Visit(starts_at=r["starts_at"], professional_id=r["professional_id"]) for r in group],
            zone,
        )
        for (client, service), group in groupby(
            visits, key=lambda r: (r["client_id"], r["service_id"])
        )
    }
    assert len(expected) >= CLIENTS
    assert {(h.client_id, h.service_id): h for h in loaded} == expected


@pytest.mark.parametrize("zone", ["America/Sao_Paulo", "America/Santiago"])
async def test_histories_read_for_a_day_keep_every_client_due_that_day(
    pool: asyncpg.Pool, zone: str
) -> None:
    ids = await import_committed(pool, make_salon())
    async with pool.acquire() as conn, conn.transaction():
        # One service without a return cycle: only clients with a rhythm of their own are due.
        await conn.execute(
            "UPDATE service SET return_cycle_days = NULL WHERE tenant_id = $1 AND name = 'Barba'",
            ids.tenant,
        )
        await fill_visits(conn, ids.tenant, seed=7 + len(zone))
        services = {
            row["id"]: Service(**dict(row))
            for row in await conn.fetch(
                "SELECT id, name, duration_min, price_cents, return_cycle_days FROM service"
                " WHERE tenant_id = $1",
                ids.tenant,
            )
        }
        every = await load_histories(conn, tenant_id=ids.tenant, time_zone=zone)
        days = [date(2025, 1, 1) + timedelta(days=n) for n in range(0, 760, 9)]
        read_for = {
            day: await load_histories(conn, tenant_id=ids.tenant, time_zone=zone, due_on=day)
            for day in days
        }
    left_out = 0
    for day, histories in read_for.items():
        assert set(histories) <= set(every)
        left_out += len(every) - len(histories)
        assert due_clients(histories, services, time_zone=zone, today=day) == due_clients(
            every, services, time_zone=zone, today=day
        )
    assert left_out > 0  # the day's reading does leave summaries out
    assert any(due_clients(every, services, time_zone=zone, today=day) for day in days)
