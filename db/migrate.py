"""Forward-only migration runner: applies db/migrations/NNNN_slug.sql in order, records each.

Each migration runs in its own transaction, unless its first line is `-- migrate: no
transaction`: then its statements (one per `;` at a line's end, no function bodies) run one by
one outside any — for `CREATE INDEX CONCURRENTLY` on tables too large to stop writing to while an
index builds. Such a migration must be safe to run again from the start (`DROP INDEX
CONCURRENTLY IF EXISTS` before each build: a build that failed leaves an invalid index).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import asyncpg

logger = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Serialises concurrent runners (two `scripts/up`, parallel test sessions) on one database.
ADVISORY_LOCK_KEY = 0x41474E44
LOCK_POLL_S = 0.2
NO_TRANSACTION = "-- migrate: no transaction"


class MigrationChecksumError(Exception):
    """A migration that was applied has since been edited: migrations are forward-only."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()

    @property
    def in_transaction(self) -> bool:
        return not self.sql.startswith(NO_TRANSACTION)

    def statements(self) -> list[str]:
        """The statements of a migration run outside a transaction, in order."""
        chunks = re.split(r";[ \t]*(?:--[^\n]*)?\r?(?:\n|$)", self.sql)
        return [chunk.strip() for chunk in chunks if _has_sql(chunk)]


def _has_sql(text: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in text.splitlines())


def load_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    migrations = []
    for path in sorted(directory.glob("*.sql")):
        number, _, slug = path.stem.partition("_")
        migrations.append(Migration(version=int(number), name=slug, sql=path.read_text()))
    return migrations


CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migration (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
)
"""


@dataclass(frozen=True)
class MigrationState:
    version: int
    name: str
    applied_at: datetime | None  # None: not applied yet
    changed: bool  # applied, and its file edited since (the runner refuses to go on)


async def migration_status(
    conn: asyncpg.Connection, directory: Path = MIGRATIONS_DIR
) -> list[MigrationState]:
    """Each migration file, applied or not, and any applied version with no file (last)."""
    exists = await conn.fetchval("SELECT to_regclass('schema_migration') IS NOT NULL")
    rows = (
        await conn.fetch("SELECT version, name, checksum, applied_at FROM schema_migration")
        if exists
        else []
    )
    applied = {row["version"]: row for row in rows}
    states = []
    for migration in load_migrations(directory):
        row = applied.pop(migration.version, None)
        states.append(
            MigrationState(
                version=migration.version,
                name=migration.name,
                applied_at=row["applied_at"] if row else None,
                changed=row is not None and row["checksum"] != migration.checksum,
            )
        )
    for version, row in sorted(applied.items()):
        states.append(MigrationState(version, row["name"], row["applied_at"], changed=True))
    return states


async def apply_migrations(conn: asyncpg.Connection, directory: Path = MIGRATIONS_DIR) -> list[str]:
    """Apply what is missing, in order (each in its own transaction unless it says otherwise);
    return the names applied."""
    # The lock first, then the table: two first runners at once on an empty database would
    # both try to create it.
    await _take_lock(conn)
    try:
        await conn.execute(CREATE_TABLE)
        rows = await conn.fetch("SELECT version, checksum FROM schema_migration")
        applied = {row["version"]: row["checksum"] for row in rows}
        done: list[str] = []
        for migration in load_migrations(directory):
            if migration.version in applied:
                if applied[migration.version] != migration.checksum:
                    raise MigrationChecksumError(
                        f"migration {migration.version:04d}_{migration.name} changed after it was"
                        " applied; add a new migration instead"
                    )
                continue
            if migration.in_transaction:
                async with conn.transaction():
                    await conn.execute(migration.sql)
                    await _record(conn, migration)
            else:
                for statement in migration.statements():
                    await conn.execute(statement)
                await _record(conn, migration)
            logger.info("applied migration %04d_%s", migration.version, migration.name)
            done.append(f"{migration.version:04d}_{migration.name}")
        return done
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", ADVISORY_LOCK_KEY)


async def _take_lock(conn: asyncpg.Connection) -> None:
    """The runners' lock, asked for again every LOCK_POLL_S rather than waited for: a runner
    waiting inside `pg_advisory_lock` holds a snapshot, which a `CREATE INDEX CONCURRENTLY` of
    the runner holding the lock would wait for in turn (a deadlock PostgreSQL ends by failing
    one of them)."""
    waited = False
    while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", ADVISORY_LOCK_KEY):
        if not waited:
            logger.info("another runner is migrating this database: waiting for it")
            waited = True
        await asyncio.sleep(LOCK_POLL_S)


async def _record(conn: asyncpg.Connection, migration: Migration) -> None:
    await conn.execute(
        "INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)",
        migration.version,
        migration.name,
        migration.checksum,
    )
