"""The campaign scheduler as a Ray actor: named, detached, restarted by Ray, one per cluster.

Every `scheduler_interval_s` it starts a step without waiting for the previous one, so a salon
whose campaign is slow never delays the next salon's turn; runs in flight are not dispatched
twice, and runs that finished are known from PostgreSQL after any restart.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import asyncpg
import ray
from ray.util.metrics import Counter, Histogram

from actors.backlog import BacklogGauges
from actors.directory import TenantDirectory
from actors.progress import LoopProgress
from actors.scheduler import SchedulerCore, StepReport, campaign_options
from actors.versioning import drain, ensure_current, running_release
from config import logs
from config.gc_tuning import tune_gc
from config.settings import Settings
from db.pool import create_pool
from domain.commands import CampaignResult, RunCampaign
from domain.vocabulary import CampaignType

logger = logging.getLogger(__name__)
SCHEDULER_NAME = "campaign-scheduler"
BACKLOG_TIMEOUT_S = 10.0
DRAIN_S = 60.0  # how long a retiring scheduler lets its steps finish


@ray.remote(num_cpus=0.01, max_restarts=-1, max_task_retries=0, max_concurrency=100)  # type: ignore[call-overload]
class CampaignScheduler:
    def __init__(self, overrides: dict[str, Any]) -> None:
        self._settings = Settings(**overrides)
        logs.configure(self._settings.log_level)
        tune_gc(freeze=True)
        self._directory = TenantDirectory(self._settings)
        self._core: SchedulerCore | None = None
        self._steps: set[asyncio.Task[StepReport]] = set()
        self._loop: asyncio.Task[None] | None = None
        self._progress = LoopProgress()
        self._pool: asyncpg.Pool | None = None
        self._backlog = BacklogGauges()
        self._runs = Counter(
            "agenda_campaign_runs", "campaign runs", tag_keys=("campaign", "result")
        )
        self._suggestions = Counter(
            "agenda_campaign_suggestions", "suggestions created", tag_keys=("campaign",)
        )
        self._duration = Histogram(
            "agenda_campaign_run_seconds",
            "duration of one salon's campaign run",
            boundaries=[0.1, 0.5, 1, 2, 5, 10, 30, 60, 120],
            tag_keys=("campaign",),
        )

    async def _ensure_core(self) -> SchedulerCore:
        if self._core is None:
            self._pool = await create_pool(self._settings.database_url, max_size=4)
            self._core = SchedulerCore(
                self._settings, self._pool, self._dispatch, self._directory.send
            )
        return self._core

    async def _dispatch(self, tenant_id: UUID, command: RunCampaign) -> CampaignResult:
        started = asyncio.get_running_loop().time()
        tags: dict[str, str] = {"campaign": command.campaign_type}
        try:
            result = await self._directory.send(tenant_id, command)
        except Exception:
            self._runs.inc(1, tags | {"result": "failed"})
            raise
        self._duration.observe(asyncio.get_running_loop().time() - started, tags)
        self._runs.inc(1, tags | {"result": "repeated" if result.repeated else "ok"})
        if result.stats.suggestions_created > 0:  # Ray counters refuse to add zero
            self._suggestions.inc(result.stats.suggestions_created, tags)
        return result

    async def tenant_ids(self) -> list[str]:
        """Every salon's id (for bulk jobs, which hold no database credentials)."""
        core = await self._ensure_core()
        return [str(t) for t in await core.tenant_ids()]

    async def run_for(
        self,
        tenant_id: str,
        campaign_type: CampaignType,
        run_key: str,
        dry_run: bool,
    ) -> CampaignResult:
        """One salon's campaign now with the cluster's campaign settings (bulk jobs)."""
        command = RunCampaign(
            run_key=run_key,
            campaign_type=campaign_type,  # validated by pydantic
            trigger="bulk",
            dry_run=dry_run,
            options=campaign_options(self._settings),
        )
        return await self._dispatch(UUID(tenant_id), command)

    async def start(self) -> bool:
        """Start the loop (idempotent); a restarted actor is started again by its creator."""
        if self._loop is None or self._loop.done():
            self._loop = asyncio.get_running_loop().create_task(self._run_forever())
        return True

    async def step(
        self, now_iso: str | None = None, tenant_ids: list[UUID] | None = None
    ) -> dict[str, Any]:
        """One step at `now` (ISO, for drills and tests) or the real time; waits for its runs."""
        core = await self._ensure_core()
        now = datetime.fromisoformat(now_iso) if now_iso else datetime.now(UTC)
        report = await core.step(now, tenant_ids)
        return {
            "due": report.due,
            "already_done": report.already_done,
            "dispatched": report.dispatched,
            "succeeded": len(report.succeeded),
            "failed": report.failed,
        }

    async def progress(self) -> dict[str, Any]:
        """Whether the loop runs and when it last started a step (readiness; steps overlap, so
        only their starts say the loop goes on)."""
        return self._progress.report(running=self._loop is not None and not self._loop.done())

    async def _run_forever(self) -> None:
        core = await self._ensure_core()
        while True:
            self._progress.start()
            self._progress.end()  # the loop itself never waits for a step
            self._backlog.stepped()
            if self._pool is not None:  # bounded: a slow database delays no step for long
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._backlog.refresh(self._pool), BACKLOG_TIMEOUT_S)
            try:
                task = asyncio.get_running_loop().create_task(core.step(datetime.now(UTC)))
                self._steps.add(task)
                task.add_done_callback(self._finished)
            except Exception:  # the loop boundary: log and go on
                logger.exception("scheduler step could not start")
            await asyncio.sleep(self._settings.scheduler_interval_s)

    async def version(self) -> str:
        return running_release()

    async def retire(self) -> None:
        """Leave for a scheduler of a newer release: start no step, let the running ones finish
        (bounded; a run cut short is known unfinished from PostgreSQL), exit."""
        if self._loop is not None:
            self._loop.cancel()
        await drain(self._steps, DRAIN_S)
        if self._pool is not None:
            await self._pool.close()
        logger.warning("scheduler of release %s retiring for a newer deploy", running_release())
        ray.actor.exit_actor()  # type: ignore[no-untyped-call]

    def _finished(self, task: asyncio.Task[StepReport]) -> None:
        self._steps.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("scheduler step failed: %r", task.exception())


async def ensure_scheduler(settings: Settings) -> Any:
    """The cluster's scheduler actor of this release, created if missing, its loop started
    when enabled."""

    def create() -> Any:
        return CampaignScheduler.options(  # type: ignore[attr-defined]
            name=SCHEDULER_NAME,
            namespace=settings.ray_namespace,
            lifetime="detached",
            get_if_exists=True,
        ).remote(settings.for_actor())

    handle = await ensure_current(SCHEDULER_NAME, settings.ray_namespace, create)
    if settings.scheduler_enabled:
        handle.start.remote()
    return handle
