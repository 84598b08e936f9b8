"""`agenda`: the operator's command line (installed with the project).

    agenda migrate                       apply the migrations AGENDA_DATABASE_URL lacks
    agenda migrate status                each migration: applied when, pending, or edited since
    agenda import FILE [--rebase]        import a salon file (docs/salon-format.md)
    agenda mint-token --tenant … --user …    a development JWT (AGENDA_JWT_SECRET)
    agenda bulk-campaign --campaign …    a campaign for many salons on the running cluster
    agenda outbox list [--status failed] [--tenant ID] [--limit 50]
    agenda outbox requeue --tenant ID (--all-failed | MESSAGE_ID …)
    agenda actors [--retire-outdated]    the detached actors and the release each runs

Each reads its settings from the environment (AGENDA_*), as the back end does; `--help` after a
command tells its options. docs/runbook.md says when to use which.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from uuid import UUID

from db import outbox_admin
from db.migrate import MigrationState, migration_status
from db.pool import connect
from scripts import actor_releases, bulk_campaign, import_salon, migrate, mint_token

# The commands that are a script of their own: its options, its help, its exit code.
DELEGATED: dict[str, Callable[[list[str] | None], int]] = {
    "import": import_salon.main,
    "mint-token": mint_token.main,
    "bulk-campaign": bulk_campaign.main,
    "actors": actor_releases.main,
}


def database_url(given: str | None) -> str:
    url = given or os.environ.get("AGENDA_DATABASE_URL")
    if not url:
        raise SystemExit("agenda: set AGENDA_DATABASE_URL or pass --database-url")
    return url


async def _status(url: str) -> list[MigrationState]:
    conn = await connect(url)
    try:
        return await migration_status(conn)
    finally:
        await conn.close()


def show_status(states: Sequence[MigrationState]) -> int:
    """One line a migration; 1 when one is pending or was edited after it was applied."""
    for state in states:
        name = f"{state.version:04d}_{state.name}"
        if state.applied_at is None:
            print(f"{name}  pending")
        else:
            edited = "  EDITED since applied: add a new migration instead" if state.changed else ""
            print(f"{name}  applied {state.applied_at.isoformat(timespec='seconds')}{edited}")
    pending = sum(1 for s in states if s.applied_at is None)
    changed = sum(1 for s in states if s.changed)
    print(f"{len(states) - pending} applied, {pending} pending, {changed} edited")
    return 1 if pending or changed else 0


def run_migrate(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="agenda migrate", description="apply or list migrations")
    parser.add_argument("action", nargs="?", choices=["status"], help="list instead of applying")
    parser.add_argument("--database-url")
    args = parser.parse_args(arguments)
    url = database_url(args.database_url)
    if args.action == "status":
        return show_status(asyncio.run(_status(url)))
    return migrate.main(["--database-url", url])


async def _list(url: str, status: str, tenant: UUID | None, limit: int) -> int:
    conn = await connect(url)
    try:
        rows = await outbox_admin.list_messages(conn, status=status, tenant_id=tenant, limit=limit)
    finally:
        await conn.close()
    for row in rows:
        error = f"  {row.error_code or ''} {row.last_error or ''}".rstrip()
        print(
            f"{row.created_at.isoformat(timespec='seconds')}  {row.tenant_id}  {row.id}  "
            f"{row.kind:<13} {row.status:<7} attempts {row.attempts}{error}"
        )
    print(f"{len(rows)} {status} message(s){' (limit reached)' if len(rows) == limit else ''}")
    return 0


async def _requeue(url: str, tenant: UUID, ids: list[UUID] | None) -> int:
    conn = await connect(url)
    try:
        queued = await outbox_admin.requeue_failed(
            conn, tenant_id=tenant, message_ids=ids, at=datetime.now(UTC)
        )
    finally:
        await conn.close()
    for message_id in queued:
        print(f"queued again: {message_id}")
    missed = len(ids) - len(queued) if ids is not None else 0
    note = f"; {missed} not failed (left as they are)" if missed else ""
    print(f"{len(queued)} message(s) queued again for the sender{note}")
    return 0


def run_outbox(arguments: list[str]) -> int:
    # --database-url before or after the action (a subparser's own default would hide the first).
    url_option = argparse.ArgumentParser(add_help=False)
    url_option.add_argument("--database-url", default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="agenda outbox", description="the WhatsApp outbox", parents=[url_option]
    )
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser(
        "list", help="messages by status, newest first", parents=[url_option]
    )
    listing.add_argument("--status", choices=outbox_admin.STATUSES, default="failed")
    listing.add_argument("--tenant", type=UUID, help="one salon (default: all)")
    listing.add_argument("--limit", type=int, default=50)
    requeue = actions.add_parser("requeue", help="send failed messages again", parents=[url_option])
    requeue.add_argument("--tenant", type=UUID, required=True)
    which = requeue.add_mutually_exclusive_group(required=True)
    which.add_argument("--all-failed", action="store_true", help="every failed message")
    which.add_argument("ids", nargs="*", type=UUID, default=[], help="these messages")
    args = parser.parse_args(arguments)
    url = database_url(getattr(args, "database_url", None))
    if args.action == "list":
        if not 1 <= args.limit <= 10_000:
            parser.error("--limit is 1 to 10000")
        return asyncio.run(_list(url, args.status, args.tenant, args.limit))
    return asyncio.run(_requeue(url, args.tenant, None if args.all_failed else args.ids))


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    commands = ["migrate", "outbox", *DELEGATED]
    if not arguments or arguments[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if arguments else 2
    command, rest = arguments[0], arguments[1:]
    if command == "migrate":
        return run_migrate(rest)
    if command == "outbox":
        return run_outbox(rest)
    if command in DELEGATED:
        sys.argv[0] = f"agenda {command}"  # what the script's own --help calls itself
        return DELEGATED[command](rest)
    print(f"agenda: unknown command {command!r}; one of: {', '.join(commands)}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
