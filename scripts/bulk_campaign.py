"""Run Prazo Certo or Encher Agenda now for many salons, in parallel, against a running cluster.

    ray job submit --working-dir . -- python scripts/bulk_campaign.py --campaign prazo_certo
    python scripts/bulk_campaign.py --campaign encher_agenda --tenants <id>,<id> --dry-run

It holds no database credentials: the cluster's campaign scheduler actor lists the salons and runs
each salon's campaign through that salon's actor. Progress is printed as salons finish, a summary
table at the end; the exit code is 1 if any salon failed. Each run has the key
`bulk:<campaign>:<job id>`, so submitting the same `--job-id` again runs nothing twice.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from uuid import UUID

import ray
from ray.exceptions import ActorUnavailableError

from actors.scheduler_actor import SCHEDULER_NAME
from domain.commands import CampaignResult
from domain.vocabulary import CAMPAIGN_TYPES

T = TypeVar("T")
UNAVAILABLE_ATTEMPTS = 5


async def while_restarting(
    call: Callable[[], Awaitable[T]], *, attempts: int = UNAVAILABLE_ATTEMPTS, delay_s: float = 1.0
) -> T:
    """Ray answers "unavailable" while it restarts the scheduler: wait and ask again (bounded).

    Safe to repeat: every run carries its key, so a salon's campaign runs at most once.
    """
    for attempt in range(attempts):
        try:
            return await call()
        except ActorUnavailableError:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(delay_s * 2**attempt)
    raise AssertionError("unreachable")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--campaign", choices=CAMPAIGN_TYPES, required=True)
    parser.add_argument("--tenants", default="all", help="'all' or comma-separated tenant ids")
    parser.add_argument("--dry-run", action="store_true", help="preview only; change nothing")
    parser.add_argument("--concurrency", type=int, default=8, help="salons at once (default 8)")
    parser.add_argument("--job-id", default=os.environ.get("RAY_JOB_ID") or f"{int(time.time())}")
    parser.add_argument("--address", default=os.environ.get("RAY_ADDRESS", "auto"))
    parser.add_argument("--namespace", default=os.environ.get("AGENDA_RAY_NAMESPACE", "agenda"))
    return parser.parse_args(argv)


async def all_tenants(scheduler: Any) -> list[str]:
    async def ask() -> list[str]:
        return list(await scheduler.tenant_ids.remote())

    return await while_restarting(ask)


def tenant_list(args: argparse.Namespace, scheduler: Any) -> list[str]:
    if args.tenants == "all":
        return asyncio.run(all_tenants(scheduler))
    tenants = [t.strip() for t in args.tenants.split(",") if t.strip()]
    for tenant in tenants:
        UUID(tenant)  # a clear error before anything runs
    return tenants


async def run_all(args: argparse.Namespace, scheduler: Any, tenants: list[str]) -> dict[str, Any]:
    semaphore = asyncio.Semaphore(args.concurrency)
    results: dict[str, Any] = {}
    totals = {"suggestions": 0, "messages": 0, "failed": 0}

    async def one(tenant: str) -> None:
        run_key = f"bulk:{args.campaign}:{args.job_id}"
        async with semaphore:
            try:
                result: CampaignResult = await while_restarting(
                    lambda: scheduler.run_for.remote(tenant, args.campaign, run_key, args.dry_run)
                )
                results[tenant] = result
                totals["suggestions"] += len(result.suggestions)
                totals["messages"] += result.stats.notifications_sent
            except Exception as error:  # one salon's failure is reported, the others go on
                results[tenant] = error
                totals["failed"] += 1
        print(
            f"[{len(results):>5}/{len(tenants)}] salons done · {totals['suggestions']} suggestions"
            f" · {totals['messages']} messages · {totals['failed']} failed",
            flush=True,
        )

    await asyncio.gather(*(one(t) for t in tenants))
    return results


def print_summary(results: dict[str, Any]) -> None:
    print(f"\n{'tenant':<38} {'status':<9} {'found':>6} {'suggested':>9} {'messages':>8}  skipped")
    for tenant, result in sorted(results.items()):
        if isinstance(result, BaseException):
            reason = str(result).strip().splitlines()[-1][:80] if str(result).strip() else ""
            print(f"{tenant:<38} {'FAILED':<9} {'':>6} {'':>9} {'':>8}  {reason}")
            continue
        stats = result.stats
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(stats.skipped.items())) or "-"
        status = "repeated" if result.repeated else ("preview" if result.dry_run else "ok")
        print(
            f"{tenant:<38} {status:<9} {stats.total_clients_found:>6} "
            f"{len(result.suggestions):>9} {stats.notifications_sent:>8}  {skipped}"
        )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ray.init(address=args.address, namespace=args.namespace, log_to_driver=False)
    try:
        scheduler = ray.get_actor(SCHEDULER_NAME, namespace=args.namespace)
    except ValueError:
        print(
            f"no {SCHEDULER_NAME} actor in namespace {args.namespace!r}: is the back end up?",
            file=sys.stderr,
        )
        return 2
    tenants = tenant_list(args, scheduler)
    mode = "dry run" if args.dry_run else "run"
    print(f"{args.campaign} {mode} over {len(tenants)} salons (job {args.job_id})", flush=True)
    started = time.monotonic()
    results = asyncio.run(run_all(args, scheduler, tenants))
    print_summary(results)
    failed = sum(1 for r in results.values() if isinstance(r, BaseException))
    print(f"\n{len(results) - failed} ok, {failed} failed in {time.monotonic() - started:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
