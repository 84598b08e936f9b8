"""The campaign scheduler's logic: which salon runs what now, dispatched in parallel.

A run is identified by (salon, `schedule:<campaign>:<local date>`); the salon's actor stores it in
the same transaction as its suggestions, so after any crash a repeated dispatch is answered with
the stored result. One slow or failing salon never holds back the others: each dispatch is its own
task with its own timeout, bounded by a semaphore.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

import asyncpg

from config.settings import Settings
from db import campaigns as campaign_queries
from db.agenda import tenants_with_unfinished_work
from db.read.campaigns import list_schedules
from domain.campaigns import CampaignOptions
from domain.commands import CampaignResult, RunCampaign
from domain.schedule import DueRun, due_runs

logger = logging.getLogger(__name__)
Dispatch = Callable[[UUID, RunCampaign], Awaitable[CampaignResult]]
Resume = Callable[[UUID], Awaitable[object]]
# Work older than this without an answer or a publication was left by a process that died.
UNFINISHED_AFTER = timedelta(minutes=1)


@dataclass
class StepReport:
    due: int = 0
    already_done: int = 0
    dispatched: int = 0
    succeeded: list[CampaignResult] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # "<tenant>/<run key>" -> error


def campaign_options(settings: Settings) -> CampaignOptions:
    return CampaignOptions(
        frequency_cap_days=settings.campaign_frequency_cap_days,
        days_ahead=settings.campaign_days_ahead,
        offers_per_slot=settings.campaign_offers_per_slot,
        min_lead_min=settings.campaign_min_lead_min,
    )


class SchedulerCore:
    def __init__(
        self,
        settings: Settings,
        pool: asyncpg.Pool,
        dispatch: Dispatch,
        resume: Resume | None = None,
    ) -> None:
        self._settings = settings
        self._resume = resume
        self._pool = pool
        self._dispatch = dispatch
        self._semaphore = asyncio.Semaphore(settings.scheduler_concurrency)
        self._in_flight: set[tuple[UUID, str]] = set()

    async def step(self, now: datetime, tenant_ids: Collection[UUID] | None = None) -> StepReport:
        """Dispatch every run due at `now` that has not run yet; wait for them to finish.

        `tenant_ids` limits the step to some salons (drills, tests); None means all.
        """
        async with self._pool.acquire() as conn:
            schedules = await list_schedules(conn, tenant_ids=tenant_ids)
            due = due_runs(schedules, now=now, window_closes=self._settings.send_window_end)
            done = await campaign_queries.completed_runs(
                conn, runs=[(run.tenant_id, run.run_key) for run in due]
            )
        todo = [
            run
            for run in due
            if (run.tenant_id, run.run_key) not in done
            and (run.tenant_id, run.run_key) not in self._in_flight
        ]
        report = StepReport(due=len(due), already_done=len(done), dispatched=len(todo))
        await self._wake_unfinished(now, tenant_ids)
        outcomes = await asyncio.gather(*(self._run(run) for run in todo), return_exceptions=True)
        for run, outcome in zip(todo, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                report.failed[f"{run.tenant_id}/{run.run_key}"] = repr(outcome)
            else:
                report.succeeded.append(outcome)
        return report

    async def _wake_unfinished(self, now: datetime, tenant_ids: Collection[UUID] | None) -> None:
        """Wake salons whose messages or events a dead process left behind (after any restart,
        even of the whole cluster, their actors are created on this call and finish the work)."""
        if self._resume is None:
            return
        async with self._pool.acquire() as conn:
            found = await tenants_with_unfinished_work(conn, older_than=now - UNFINISHED_AFTER)
        wanted = [t for t in found if tenant_ids is None or t in tenant_ids]
        outcomes = await asyncio.gather(*(self._resume(t) for t in wanted), return_exceptions=True)
        for tenant_id, outcome in zip(wanted, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                logger.warning("tenant %s: waking unfinished work failed: %r", tenant_id, outcome)

    async def tenant_ids(self) -> list[UUID]:
        async with self._pool.acquire() as conn:
            return await campaign_queries.all_tenant_ids(conn)

    async def _run(self, run: DueRun) -> CampaignResult:
        key = (run.tenant_id, run.run_key)
        self._in_flight.add(key)
        try:
            async with self._semaphore:
                command = RunCampaign(
                    run_key=run.run_key,
                    campaign_type=run.campaign_type,
                    trigger="schedule",
                    options=campaign_options(self._settings),
                    local_date=run.local_date,
                )
                return await self._dispatch(run.tenant_id, command)
        except Exception:
            logger.exception("tenant %s: scheduled %s failed", run.tenant_id, run.run_key)
            raise
        finally:
            self._in_flight.discard(key)
