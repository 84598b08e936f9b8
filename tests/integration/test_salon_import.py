"""Importing a salon file: a conflict is named in one line and nothing of the file is written."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import time, timedelta
from pathlib import Path

import asyncpg
import pytest

from db.appointments import insert_appointments
from db.read.salon_profile import get_salon_profile
from db.salon_import import import_salon
from domain.errors import SalonFileError
from domain.models import Appointment
from domain.salon_import import ClientPart, SalonFile
from domain.salon_profile import OpeningPeriod, SalonProfile
from tests.factories import SalonIds, make_appointment, make_salon, make_visit, next_phone

ROOT = Path(__file__).resolve().parents[2]


def run_import(path: Path, database_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.import_salon", str(path), "--database-url", database_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


async def salon_with_a_booking(
    pool: asyncpg.Pool, *, client: str, minutes_after_visit: int
) -> tuple[SalonFile, SalonIds, Appointment]:
    """An imported salon, and an appointment booked since with Carol near `make_visit()`'s time."""
    salon = make_salon()
    async with pool.acquire() as conn, conn.transaction():
        await import_salon(conn, salon)
    ids = SalonIds(salon)
    at = make_visit().starts_at + timedelta(minutes=minutes_after_visit)
    booked = make_appointment(
        client_id=ids.of("client", client),
        professional_id=ids.of("professional", "carol"),
        service_id=ids.of("service", "corte"),
        starts_at=at,
        ends_at=at + timedelta(minutes=60),
    )
    async with pool.acquire() as conn:
        await insert_appointments(
            conn, tenant_id=ids.tenant, appointments=[booked], source="manual"
        )
    return salon, ids, booked


async def test_visit_over_a_stored_appointment_is_refused_and_nothing_is_written(
    pool: asyncpg.Pool,
) -> None:
    salon, ids, booked = await salon_with_a_booking(pool, client="c1", minutes_after_visit=30)
    newcomer = ClientPart(key="new", name="Nova", phone=next_phone(), visits=[make_visit()])
    again = salon.model_copy(update={"clients": [*salon.clients, newcomer]})
    with pytest.raises(SalonFileError) as refused:
        async with pool.acquire() as conn, conn.transaction():
            await import_salon(conn, again)
    assert "professional carol" in refused.value.message
    assert str(booked.id) in refused.value.message
    async with pool.acquire() as conn:
        stored = await conn.fetchval(
            "SELECT count(*) FROM client WHERE tenant_id = $1 AND id = $2",
            ids.tenant,
            ids.of("client", "new"),
        )
    assert stored == 0


async def test_import_script_names_overlapping_visits_in_one_line_and_writes_nothing(
    tmp_path: Path, database_url: str, pool: asyncpg.Pool
) -> None:
    at = make_visit().starts_at
    salon = make_salon(
        clients=[
            ClientPart(key="ana", name="Ana", phone=next_phone(), visits=[make_visit()]),
            ClientPart(key="bia", name="Bia", phone=next_phone(), visits=[]),
        ]
    )
    written = salon.model_dump(mode="json")
    # Written by hand, as a file from elsewhere would be: the model would refuse to build it.
    written["clients"][1]["visits"] = [
        make_visit(starts_at=at + timedelta(minutes=15)).model_dump(mode="json")
    ]
    path = tmp_path / "salon.json"
    path.write_text(json.dumps(written))
    result = await asyncio.to_thread(run_import, path, database_url)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert "visits overlap for professional carol: client ana at" in first
    assert "client bia at" in first
    assert result.stderr.splitlines()[-1] == "nothing was imported"
    async with pool.acquire() as conn:
        tenant = await conn.fetchval(
            "SELECT count(*) FROM tenant WHERE slug = $1", salon.tenant.slug
        )
    assert tenant == 0


async def test_import_script_refusal_leaves_no_part_of_the_file_behind(
    tmp_path: Path, database_url: str, pool: asyncpg.Pool
) -> None:
    """A conflict found by the database (an appointment booked since) rolls back the import."""
    salon, ids, booked = await salon_with_a_booking(pool, client="c2", minutes_after_visit=0)
    renamed = salon.tenant.model_copy(update={"name": "Renamed"})
    newcomer = ClientPart(key="new", name="Nova", phone=next_phone(), visits=[make_visit()])
    again = salon.model_copy(update={"tenant": renamed, "clients": [*salon.clients, newcomer]})
    path = tmp_path / "salon.json"
    path.write_text(json.dumps(again.model_dump(mode="json")))
    result = await asyncio.to_thread(run_import, path, database_url)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert f"overlaps appointment {booked.id}" in result.stderr
    async with pool.acquire() as conn:
        name = await conn.fetchval("SELECT name FROM tenant WHERE id = $1", ids.tenant)
        newcomers = await conn.fetchval(
            "SELECT count(*) FROM client WHERE tenant_id = $1 AND id = $2",
            ids.tenant,
            ids.of("client", "new"),
        )
    assert (name, newcomers) == (salon.tenant.name, 0)


async def test_a_file_with_a_profile_stores_it_and_one_without_leaves_it(
    pool: asyncpg.Pool,
) -> None:
    profile = SalonProfile(
        address="Rua Harmonia, 321",
        payment_methods=("pix", "cash"),
        opening_hours=(OpeningPeriod(weekday=5, opens=time(8), closes=time(13)),),
    )
    salon = make_salon()
    with_profile = SalonFile.model_validate(salon.model_dump() | {"profile": profile})
    async with pool.acquire() as conn:
        async with conn.transaction():
            await import_salon(conn, with_profile)
        stored = await get_salon_profile(conn, tenant_id=SalonIds(salon).tenant)
        async with conn.transaction():
            await import_salon(conn, salon)  # an older file, written before profiles
        kept = await get_salon_profile(conn, tenant_id=SalonIds(salon).tenant)
    assert stored == profile
    assert kept == profile
    assert "profile" not in json.loads(salon.model_dump_json(exclude_none=True))


async def test_reimporting_a_file_never_undoes_an_opt_out_recorded_since(
    pool: asyncpg.Pool,
) -> None:
    salon = make_salon()
    ids = SalonIds(salon)
    client_id = ids.of("client", "c0")
    async with pool.acquire() as conn:
        async with conn.transaction():
            await import_salon(conn, salon)
        await conn.execute(  # the client said SAIR in the chat
            "UPDATE client SET marketing_opt_out = true WHERE tenant_id = $1 AND id = $2",
            ids.tenant,
            client_id,
        )
        async with conn.transaction():
            await import_salon(conn, salon)  # the salon's old export says nothing of it
        opted_out = await conn.fetchval(
            "SELECT marketing_opt_out FROM client WHERE tenant_id = $1 AND id = $2",
            ids.tenant,
            client_id,
        )
    assert opted_out is True
