"""`agenda`, the operator's command line, against the session's database (as installed: the
console script of .venv, run as an operator would)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from uuid import uuid4

import asyncpg

from domain.salon_import import SalonFile
from tests.factories import SalonIds

AGENDA = Path(sys.executable).parent / "agenda"


async def agenda(database_url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return await run_agenda(*arguments, "--database-url", database_url)


async def run_agenda(*arguments: str) -> subprocess.CompletedProcess[str]:
    command = [str(AGENDA), *arguments]
    return await asyncio.to_thread(
        subprocess.run, command, capture_output=True, text=True, timeout=60
    )


async def test_migrate_status_says_the_schema_is_up_to_date(database_url: str) -> None:
    done = await agenda(database_url, "migrate", "status")
    assert done.returncode == 0, done.stderr
    assert " 0 pending, 0 edited" in done.stdout
    assert "0001_" in done.stdout and "applied 20" in done.stdout


async def failed_message(pool: asyncpg.Pool, ids: SalonIds, client: str) -> object:
    async with pool.acquire() as conn:
        return await conn.fetchval(
            """INSERT INTO outbound_message (tenant_id, id, client_id, kind, body, status,
                   attempts, last_error, error_code)
               VALUES ($1, $2, $3, 'transactional', 'Olá!', 'failed', 6, 'n8n 502', 131000)
               RETURNING id""",
            ids.tenant,
            uuid4(),
            ids.of("client", client),
        )


async def test_outbox_lists_failed_messages_and_queues_them_again(
    database_url: str, pool: asyncpg.Pool, salon: tuple[SalonFile, SalonIds]
) -> None:
    ids = salon[1]
    first, second = await failed_message(pool, ids, "c1"), await failed_message(pool, ids, "c2")
    tenant = str(ids.tenant)
    # The database named before the action or after it (as every other command takes it).
    listed = await run_agenda("outbox", "--database-url", database_url, "list", "--tenant", tenant)
    one = await agenda(database_url, "outbox", "requeue", "--tenant", tenant, str(first))
    again = await agenda(database_url, "outbox", "requeue", "--tenant", tenant, str(first))
    rest = await agenda(database_url, "outbox", "requeue", "--tenant", tenant, "--all-failed")
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT status, attempts, last_error FROM outbound_message WHERE tenant_id = $1",
            ids.tenant,
        )
    assert listed.returncode == 0, listed.stderr
    assert str(first) in listed.stdout and str(second) in listed.stdout
    assert "2 failed message(s)" in listed.stdout and "131000 n8n 502" in listed.stdout
    assert f"queued again: {first}" in one.stdout
    assert "0 message(s) queued again" in again.stdout and "1 not failed" in again.stdout
    assert f"queued again: {second}" in rest.stdout
    assert sorted(tuple(r) for r in rows) == [("queued", 0, None)] * 2


async def test_an_unknown_command_is_refused_with_the_list() -> None:
    done = await asyncio.to_thread(
        subprocess.run, [str(AGENDA), "nope"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "one of: migrate, outbox, import, mint-token, bulk-campaign" in done.stderr
