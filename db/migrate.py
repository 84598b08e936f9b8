"""Forward-only migration runner: applies db/migrations/NNNN_slug.sql in order, records each."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import asyncpg

logger = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Serialises concurrent runners (two `scripts/up`, parallel test sessions) on one database.
ADVISORY_LOCK_KEY = 0x41474E44


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
    """Apply what is missing, each in its own transaction; return the names applied."""
    # The lock first, then the table: two first runners at once on an empty database would
    # both try to create it.
    await conn.execute("SELECT pg_advisory_lock($1)", ADVISORY_LOCK_KEY)
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
            async with conn.transaction():
                await conn.execute(migration.sql)
                await conn.execute(
                    "INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)",
                    migration.version,
                    migration.name,
                    migration.checksum,
                )
            logger.info("applied migration %04d_%s", migration.version, migration.name)
            done.append(f"{migration.version:04d}_{migration.name}")
        return done
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", ADVISORY_LOCK_KEY)
