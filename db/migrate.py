"""Forward-only migration runner: applies db/migrations/NNNN_slug.sql in order, records each."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
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


async def apply_migrations(conn: asyncpg.Connection, directory: Path = MIGRATIONS_DIR) -> list[str]:
    """Apply what is missing, each in its own transaction; return the names applied."""
    await conn.execute(
        """
        CREATE TABLE IF NOT EXISTS schema_migration (
            version     integer PRIMARY KEY,
            name        text NOT NULL,
            checksum    text NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now()
        )
        """
    )
    await conn.execute("SELECT pg_advisory_lock($1)", ADVISORY_LOCK_KEY)
    try:
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
