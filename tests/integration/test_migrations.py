"""Migrations apply from empty, record what they applied, and refuse an edited history."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest

from db.migrate import (
    MIGRATIONS_DIR,
    NO_TRANSACTION,
    Migration,
    MigrationChecksumError,
    apply_migrations,
    load_migrations,
    migration_status,
)
from db.pool import with_database


@pytest.fixture
async def empty_database_url(server_database_url: str) -> AsyncIterator[str]:
    name = f"agenda_mig_{uuid4().hex[:10]}"
    admin = await asyncpg.connect(server_database_url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    yield with_database(server_database_url, name)
    await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    await admin.close()


@pytest.fixture
async def empty_database(empty_database_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(empty_database_url)
    yield conn
    await conn.close()


async def test_migrations_apply_from_empty(empty_database: asyncpg.Connection) -> None:
    applied = await apply_migrations(empty_database)
    tables = {
        row["table_name"]
        for row in await empty_database.fetch(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        )
    }
    assert applied == [f"{m.version:04d}_{m.name}" for m in load_migrations()]
    assert {
        "tenant",
        "app_user",
        "professional",
        "service",
        "working_hours",
        "client",
        "appointment",
        "auth_request",
        "event",
        "outbound_message",
    } <= tables


async def test_second_run_applies_nothing(empty_database: asyncpg.Connection) -> None:
    await apply_migrations(empty_database)
    assert await apply_migrations(empty_database) == []


def copy_migrations(target: Path) -> list[Path]:
    copies = []
    for source in sorted(MIGRATIONS_DIR.glob("*.sql")):
        copy = target / source.name
        copy.write_text(source.read_text())
        copies.append(copy)
    return copies


async def test_edited_migration_is_refused(
    empty_database: asyncpg.Connection, tmp_path: Path
) -> None:
    copies = copy_migrations(tmp_path)
    await apply_migrations(empty_database, tmp_path)
    copies[0].write_text(copies[0].read_text() + "\n-- edited\n")
    with pytest.raises(MigrationChecksumError):
        await apply_migrations(empty_database, tmp_path)


async def test_status_lists_each_migration_pending_applied_or_edited(
    empty_database: asyncpg.Connection, tmp_path: Path
) -> None:
    copies = copy_migrations(tmp_path)
    before = await migration_status(empty_database, tmp_path)  # no schema_migration table yet
    await apply_migrations(empty_database, tmp_path)
    copies[0].write_text(copies[0].read_text() + "\n-- edited\n")
    newer = tmp_path / "9999_not_yet.sql"
    newer.write_text("SELECT 1;")
    after = await migration_status(empty_database, tmp_path)
    assert [s.applied_at for s in before] == [None] * len(copies)
    assert [(s.changed, s.applied_at is None) for s in after] == [
        (True, False),
        *[(False, False)] * (len(copies) - 1),
        (False, True),
    ]
    assert after[-1].version == 9999


async def test_each_fleet_wide_index_has_a_twin_for_one_salon(
    empty_database: asyncpg.Connection,
) -> None:
    """An index of a salon table that does not lead with tenant_id serves the scans across every
    salon (the sender's due messages, expiries); a salon's own lookup with the same condition
    needs a twin that does, or PostgreSQL reads the whole fleet's entries for it (Prazo Certo's
    booked clients did, through `(ends_at) WHERE status = 'booked'`: 7.6 ms a salon at 10,000)."""
    await apply_migrations(empty_database)
    rows = await empty_database.fetch(
        """SELECT c.relname AS table_name, i.relname AS index_name,
                  pg_get_expr(x.indpred, x.indrelid) AS predicate,
                  coalesce(a.attname = 'tenant_id', false) AS by_salon,
                  x.indisunique AS is_unique
           FROM pg_index x
           JOIN pg_class i ON i.oid = x.indexrelid
           JOIN pg_class c ON c.oid = x.indrelid
           LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
           WHERE c.relnamespace = current_schema()::regnamespace
             AND EXISTS (SELECT 1 FROM pg_attribute t
                         WHERE t.attrelid = c.oid AND t.attname = 'tenant_id')"""
    )
    by_salon = {(r["table_name"], r["predicate"]) for r in rows if r["by_salon"]}
    fleet_wide = [r for r in rows if not r["by_salon"] and not r["is_unique"]]
    assert fleet_wide  # the sender's and the expiries' scans exist: the check checks something
    without_twin = [
        r["index_name"] for r in fleet_wide if (r["table_name"], r["predicate"]) not in by_salon
    ]
    assert without_twin == []


async def test_a_no_transaction_migration_builds_concurrently_and_can_run_again_after_failing(
    empty_database: asyncpg.Connection, tmp_path: Path
) -> None:
    copy_migrations(tmp_path)
    concurrent = tmp_path / "9999_concurrent.sql"
    failing = f"{NO_TRANSACTION}\n-- two indexes, then a failure\n" + "".join(
        f"DROP INDEX CONCURRENTLY IF EXISTS {name};\n"
        f"CREATE INDEX CONCURRENTLY {name} ON tenant ({column});\n"
        for name, column in (("tenant_by_name", "name"), ("tenant_by_zone", "time_zone"))
    )
    concurrent.write_text(failing + "SELECT 1 / 0;\n")
    with pytest.raises(asyncpg.DivisionByZeroError):
        await apply_migrations(empty_database, tmp_path)
    recorded = await empty_database.fetchval("SELECT max(version) FROM schema_migration")
    assert recorded == load_migrations()[-1].version  # the failed one is not recorded
    concurrent.write_text(failing + "SELECT 1;\n")
    assert await apply_migrations(empty_database, tmp_path) == ["9999_concurrent"]
    indexes = await empty_database.fetch(
        """SELECT i.relname, x.indisvalid FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
           WHERE i.relname LIKE 'tenant_by_%' ORDER BY 1"""
    )
    assert [tuple(row) for row in indexes] == [("tenant_by_name", True), ("tenant_by_zone", True)]


async def test_two_runners_at_once_while_indexes_build_concurrently(
    empty_database: asyncpg.Connection, empty_database_url: str
) -> None:
    """A runner waiting for the lock holds no snapshot the other's CREATE INDEX CONCURRENTLY
    would wait for (with `pg_advisory_lock` it did: PostgreSQL failed one as a deadlock)."""
    assert any(not m.in_transaction for m in load_migrations())  # 0021 builds concurrently
    other = await asyncpg.connect(empty_database_url)
    try:
        first, second = await asyncio.gather(
            apply_migrations(empty_database), apply_migrations(other)
        )
    finally:
        await other.close()
    assert sorted([len(first), len(second)]) == [0, len(load_migrations())]


def test_a_no_transaction_migrations_statements_split_at_each_line_ending_semicolon() -> None:
    sql = (
        f"{NO_TRANSACTION}\r\n-- why\r\nCREATE INDEX CONCURRENTLY a ON t (x);\r\n"
        "CREATE INDEX CONCURRENTLY b ON t (y); -- the second\n"
        "CREATE INDEX CONCURRENTLY c ON t (z)\n    WHERE z <> ';';\n-- done\n"
    )
    statements = Migration(9999, "split", sql).statements()
    assert [s.rsplit("\n", 1)[-1] for s in statements] == [
        "CREATE INDEX CONCURRENTLY a ON t (x)",
        "CREATE INDEX CONCURRENTLY b ON t (y)",
        "    WHERE z <> ';'",
    ]
