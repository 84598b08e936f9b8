"""The visit histories Prazo Certo reads are summarised in SQL (db/campaigns.py): they must equal
what `summarize_visits` makes of the same visits in Python — counts, last visit, the median gap
(a client's own cycle), the usual professional and weekday (ties: the one seen last) and the
usual time of day — in São Paulo and in a zone whose clocks change."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from itertools import groupby
from uuid import UUID, uuid4

import asyncpg
import pytest

from db.campaigns import load_histories
from domain.history import Visit, summarize_visits
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
