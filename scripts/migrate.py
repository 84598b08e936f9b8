"""Apply the SQL migrations to AGENDA_DATABASE_URL (forward-only, recorded in schema_migration)."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from db.migrate import apply_migrations
from db.pool import connect


async def migrate(database_url: str) -> list[str]:
    conn = await connect(database_url)
    try:
        return await apply_migrations(conn)
    finally:
        await conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("AGENDA_DATABASE_URL"))
    args = parser.parse_args(argv)
    if not args.database_url:
        parser.error("set AGENDA_DATABASE_URL or pass --database-url")
    applied = asyncio.run(migrate(args.database_url))
    print(f"applied: {', '.join(applied)}" if applied else "schema up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
