"""The WhatsApp sender as a Ray actor: a thin shell running `SenderCore.step` in a loop.

Named "whatsapp-sender" and detached, restarted by Ray on failure. It keeps no state of its own:
leases in PostgreSQL say which rows are in flight, so a restarted sender simply goes on.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import ray
from ray.util.metrics import Counter

from actors.directory import TenantDirectory
from actors.progress import LoopProgress
from actors.sender import SenderCore, SenderStepResult
from actors.versioning import drain, ensure_current, running_release
from config import logs
from config.gc_tuning import tune_gc
from config.settings import Settings
from db.pool import create_pool
from integrations.n8n import N8nClient

logger = logging.getLogger(__name__)

ACTOR_NAME = "whatsapp-sender"
DRAIN_S = 60.0  # how long a retiring sender lets its step finish


@ray.remote(num_cpus=0.01, max_restarts=-1, max_task_retries=0, max_concurrency=8)  # type: ignore[call-overload]
class WhatsAppSender:
    async def __init__(self, overrides: dict[str, Any]) -> None:  # type: ignore[misc]
        self._settings = Settings(**overrides)
        logs.configure(self._settings.log_level)
        tune_gc(freeze=True)
        self._core: SenderCore | None = None
        self._start_lock = asyncio.Lock()
        self._sent = Counter(
            "agenda_messages_sent", description="WhatsApp messages n8n accepted", tag_keys=("kind",)
        )
        self._sent_as = Counter(
            "agenda_messages_sent_as",
            description="WhatsApp messages sent as free text (inside the 24 h window) or template",
            tag_keys=("sent_as",),
        )
        self._meta_errors = Counter(
            "agenda_whatsapp_errors",
            description="WhatsApp refusals by Meta's error code",
            tag_keys=("code",),
        )
        self._failed = Counter(
            "agenda_messages_failed",
            description="WhatsApp messages given up on",
            tag_keys=("kind",),
        )
        self._loop_task: asyncio.Task[None] | None = None
        self._retiring = False
        self._progress = LoopProgress()
        if self._settings.sender_enabled:
            self._loop_task = asyncio.get_running_loop().create_task(self._run())

    async def step_once(self) -> SenderStepResult:
        """One step now (also what the loop runs); safe beside the loop: claims are leased."""
        core = await self._ensure_core()
        result = await core.tick()
        for kind, count in result.sent.items():
            self._sent.inc(count, tags={"kind": kind})
        for kind, count in result.failed.items():
            self._failed.inc(count, tags={"kind": kind})
        for form, count in result.sent_as.items():
            self._sent_as.inc(count, tags={"sent_as": form})
        for code, count in result.error_codes.items():
            self._meta_errors.inc(count, tags={"code": str(code)})
        return result

    async def progress(self) -> dict[str, Any]:
        """Whether the loop runs and when its last step started and ended (readiness)."""
        running = self._loop_task is not None and not self._loop_task.done()
        return self._progress.report(running=running)

    async def version(self) -> str:
        return running_release()

    async def retire(self) -> None:
        """Leave for a sender of a newer release: finish the step under way (bounded; a step
        cut short leaves leases that expire), start no other, exit."""
        self._retiring = True
        if self._loop_task is not None:
            await drain({self._loop_task}, DRAIN_S)
        logger.warning("sender of release %s retiring for a newer deploy", running_release())
        ray.actor.exit_actor()  # type: ignore[no-untyped-call]

    async def _run(self) -> None:
        while not self._retiring:
            self._progress.start()
            try:
                await self.step_once()
            except Exception:  # the loop boundary: log and go on
                logger.exception("whatsapp sender step failed")
            self._progress.end()
            await asyncio.sleep(self._settings.sender_poll_interval_s)

    async def _ensure_core(self) -> SenderCore:
        # Built lazily, under a lock: the loop and a manual step_once may both arrive first,
        # and a database that is down at start must not kill the actor.
        async with self._start_lock:
            if self._core is None:
                pool = await create_pool(
                    self._settings.database_url, max_size=self._settings.db_pool_max
                )
                directory = TenantDirectory(self._settings)

                self._core = SenderCore(
                    self._settings,
                    pool=pool,
                    client=N8nClient(self._settings),
                    record=directory.send,
                )
            return self._core


async def ensure_sender(settings: Settings) -> Any:
    """The sender actor of this release (one per cluster), started if it is not running."""

    def create() -> Any:
        return WhatsAppSender.options(  # type: ignore[attr-defined]
            name=ACTOR_NAME,
            namespace=settings.ray_namespace,
            lifetime="detached",
            get_if_exists=True,
        ).remote(settings.for_actor())

    return await ensure_current(ACTOR_NAME, settings.ray_namespace, create)
