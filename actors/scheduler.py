"""The campaign scheduler's logic: which salon runs what now, dispatched in parallel.

A run is identified by (salon, `schedule:<campaign>:<local date>`); the salon's actor stores it in
the same transaction as its suggestions, so after any crash a repeated dispatch is answered with
the stored result. One slow or failing salon never holds back the others: each dispatch is its own
task with its own timeout, bounded by a semaphore.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg

from config.settings import Settings
from db import campaigns as campaign_queries
from db.agenda import (
    tenants_with_ended_bookings,
    tenants_with_stale_requests,
    tenants_with_unfinished_work,
)
from db.client_rights import purge_past_retention
from db.read.campaigns import list_schedules
from db.read.salon_settings import chosen_window_ends
from domain.campaigns import CampaignOptions
from domain.commands import (
    CampaignResult,
    CloseStaleRequests,
    Command,
    CompleteEndedAppointments,
    ResumeWork,
    RunCampaign,
)
from domain.schedule import DueRun, due_runs

logger = logging.getLogger(__name__)
# Chat retention is a matter of months: an hourly purge is plenty.
PURGE_EVERY = timedelta(hours=1)
Dispatch = Callable[[UUID, RunCampaign], Awaitable[CampaignResult]]
# Sends upkeep commands to a salon (ResumeWork, CompleteEndedAppointments): the directory's send.
Upkeep = Callable[[UUID, Command[Any]], Awaitable[object]]
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
    """The deployment's planning options (the salon's own settings add its frequency cap and
    default discount when the run is planned)."""
    return CampaignOptions(
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
        upkeep: Upkeep | None = None,
    ) -> None:
        self._settings = settings
        self._upkeep = upkeep
        self._pool = pool
        self._dispatch = dispatch
        self._semaphore = asyncio.Semaphore(settings.scheduler_concurrency)
        self._in_flight: set[tuple[UUID, str]] = set()
        self._purged_at: datetime | None = None

    async def step(self, now: datetime, tenant_ids: Collection[UUID] | None = None) -> StepReport:
        """Dispatch every run due at `now` that has not run yet; wait for them to finish.

        `tenant_ids` limits the step to some salons (drills, tests); None means all.
        """
        async with self._pool.acquire() as conn:
            schedules = await list_schedules(conn, tenant_ids=tenant_ids)
            windows = await chosen_window_ends(conn, tenant_ids=tenant_ids)
            due = due_runs(
                schedules,
                now=now,
                window_closes=self._settings.send_window_end,
                salon_windows=windows,
            )
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
        await self._complete_ended(now, tenant_ids)
        await self._close_stale(now, tenant_ids)
        await self._purge_past_retention(now, tenant_ids)
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
        async with self._pool.acquire() as conn:
            found = await tenants_with_unfinished_work(conn, older_than=now - UNFINISHED_AFTER)
        await self._send_each(
            {t: ResumeWork() for t in found}, tenant_ids, "waking unfinished work"
        )

    async def _complete_ended(self, now: datetime, tenant_ids: Collection[UUID] | None) -> None:
        """Bookings that ended longer ago than their salon's delay, and nobody marked, complete
        (through the salon's actor: events, memory and the recall history at once)."""
        defaults = self._settings.salon_defaults()
        async with self._pool.acquire() as conn:
            found = await tenants_with_ended_bookings(conn, now=now, defaults=defaults)
        commands = {t: CompleteEndedAppointments(ended_before=at) for t, at in found.items()}
        await self._send_each(commands, tenant_ids, "completing ended bookings")

    async def _close_stale(self, now: datetime, tenant_ids: Collection[UUID] | None) -> None:
        """Offers not answered in time expire, requests whose time came close: their time and
        their clients are free again (through each salon's actor)."""
        async with self._pool.acquire() as conn:
            found = await tenants_with_stale_requests(conn, now=now)
        closes = {t: CloseStaleRequests() for t in found}
        await self._send_each(closes, tenant_ids, "closing stale requests")

    async def _purge_past_retention(
        self, now: datetime, tenant_ids: Collection[UUID] | None
    ) -> None:
        """Chat messages past their salon's retention are deleted and the words kept elsewhere
        blanked, at most once an hour (set-based over every salon: chat messages are not the
        salon's agenda); a pass that stopped at its bound goes on at the next step."""
        if self._purged_at is not None and now - self._purged_at < PURGE_EVERY:
            return
        try:
            async with self._pool.acquire() as conn:
                purged = await purge_past_retention(
                    conn,
                    now=now,
                    default_months=self._settings.chat_retention_months,
                    tenant_ids=None if tenant_ids is None else list(tenant_ids),
                )
        except Exception:  # the loop boundary: log, and try again at the next step
            logger.exception("purging what is past the salons' retention failed")
            return
        if purged.complete:
            self._purged_at = now
        if purged.chat_messages or purged.sent_messages or purged.events:
            logger.info(
                "past their salon's retention: %d chat messages deleted, the words of %d sent"
                " messages and %d events blanked%s",
                purged.chat_messages,
                purged.sent_messages,
                purged.events,
                "" if purged.complete else " (more at the next step)",
            )

    async def _send_each(
        self,
        commands: Mapping[UUID, Command[Any]],
        tenant_ids: Collection[UUID] | None,
        what: str,
    ) -> None:
        """One upkeep command per salon, salons concurrently; a failure is logged, not raised."""
        if self._upkeep is None:
            return
        upkeep = self._upkeep
        wanted = [t for t in commands if tenant_ids is None or t in tenant_ids]
        outcomes = await asyncio.gather(
            *(upkeep(t, commands[t]) for t in wanted), return_exceptions=True
        )
        for tenant_id, outcome in zip(wanted, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                logger.warning("tenant %s: %s failed: %r", tenant_id, what, outcome)

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
