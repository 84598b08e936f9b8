"""Import a salon file (format `agenda-cheia/salon@1`, see docs/salon-format.md) into PostgreSQL.

Idempotent: importing the same file again changes nothing. `--rebase` moves every date forward by
whole weeks so the file's `as_of` lands on or just before today (for demo and test files).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from db.pool import connect
from db.salon_import import ImportSummary, import_salon
from domain.errors import SalonFileError
from domain.salon_import import SalonFile


async def import_file(database_url: str, salon: SalonFile, rebase: bool) -> ImportSummary:
    conn = await connect(database_url)
    try:
        async with conn.transaction():
            return await import_salon(conn, salon, rebase_to=date.today() if rebase else None)
    finally:
        await conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--rebase", action="store_true", help="shift dates to today (whole weeks)")
    parser.add_argument("--database-url", default=os.environ.get("AGENDA_DATABASE_URL"))
    args = parser.parse_args(argv)
    if not args.database_url:
        parser.error("set AGENDA_DATABASE_URL or pass --database-url")
    try:
        salon = SalonFile.model_validate_json(args.file.read_text())
        summary = asyncio.run(import_file(args.database_url, salon, args.rebase))
    except ValidationError as error:
        for problem in error.errors(include_url=False):
            where = ".".join(str(part) for part in problem["loc"])
            message = problem["msg"].removeprefix("Value error, ")
            print(f"{args.file}: {where + ': ' if where else ''}{message}", file=sys.stderr)
        print("nothing was imported", file=sys.stderr)
        return 2
    except SalonFileError as error:
        print(f"{args.file}: {error.message}; nothing was imported", file=sys.stderr)
        return 2
    print(
        f"tenant {summary.tenant_id}: {summary.professionals} professionals, "
        f"{summary.services} services, {summary.clients} clients, "
        f"{summary.appointments} visits (dates shifted {summary.shifted_days} days)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
