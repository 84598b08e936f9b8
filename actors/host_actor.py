"""The Ray actor that hosts salons: a thin shell over TenantHostCore.

Named and detached, restarted by Ray on failure; a restarted host starts empty and each salon
rebuilds itself from PostgreSQL on its next command, so commands are safe to repeat.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any
from uuid import UUID

import ray
from ray.util.metrics import Counter, Histogram

from actors.errors import StaleActorError, TenantUnavailableError
from actors.host import TenantHostCore
from actors.versioning import published_release, running_release
from config import logs
from config.gc_tuning import tune_gc
from config.settings import Settings
from domain.commands import Command, ReportMessageStatus

logger = logging.getLogger(__name__)
DRAIN_S = 30.0  # how long a retiring host lets the calls it runs finish

# num_cpus=0.01: an idle actor process really costs ~1 % of a core (measured), and a non-zero
# request keeps the autoscaler from taking a node that hosts salons for an idle one.


class ChatMetrics:
    """The chat desk's reports as Ray metrics (visible on each node's metrics endpoint)."""

    def __init__(self) -> None:
        self._messages = Counter(
            "agenda_chat_messages", "client messages answered", tag_keys=("intent", "engine")
        )
        self._llm_seconds = Histogram(
            "agenda_llm_seconds",
            "Gemini call duration",
            boundaries=[0.25, 0.5, 1, 2, 4, 8, 16],
            tag_keys=("result",),
        )
        self._fallbacks = Counter(
            "agenda_llm_fallbacks", "answers by the rules after Gemini failed", tag_keys=("reason",)
        )

    def answered(self, intent: str, engine: str) -> None:
        self._messages.inc(1, {"intent": intent, "engine": engine})

    def llm_called(self, seconds: float, *, failure: str | None) -> None:
        self._llm_seconds.observe(seconds, {"result": "failed" if failure else "ok"})
        if failure is not None:
            self._fallbacks.inc(1, {"reason": failure})


@ray.remote(num_cpus=0.01, max_restarts=-1, max_task_retries=0, max_concurrency=1000)  # type: ignore[call-overload]
class TenantHost:
    def __init__(self, overrides: dict[str, Any], retire_when_empty: bool) -> None:
        # Secrets come from this process's environment; overrides carry only plain options.
        self._settings = Settings(**overrides)
        logs.configure(self._settings.log_level)
        tune_gc(freeze=True)
        self._core = TenantHostCore(self._settings)
        self._core.chat_observer = ChatMetrics()
        self._late_failures = Counter(
            "agenda_whatsapp_late_failures",
            "failed statuses WhatsApp reported after accepting a message, by code and outcome",
            tag_keys=("code", "outcome"),
        )
        self._retire_when_empty = retire_when_empty
        self._upkeep_task: asyncio.Task[None] | None = None
        self._retiring = False
        self._running = 0  # calls in progress (a retiring host lets them finish)
        self._release = running_release()
        self._release_checked = time.monotonic()

    async def call(
        self, tenant_id: UUID, command: Command[Any], expected_release: str | None = None
    ) -> Any:
        """Run `command` in the salon; a caller that names the release it expects gets a
        StaleActorError, and nothing run, from a host of another release."""
        if self._retiring:  # the pool is closing: the caller retries on a new host
            raise TenantUnavailableError("salon host is retiring")
        if expected_release is not None and expected_release != self._release:
            raise StaleActorError(self._release)
        self._ensure_upkeep()
        self._running += 1
        try:
            result = await self._core.call(tenant_id, command)
        finally:
            self._running -= 1
        if isinstance(command, ReportMessageStatus) and result.outcome is not None:
            tags = {"code": str(command.error_code), "outcome": result.outcome}
            self._late_failures.inc(1, tags)
        return result

    async def activate(self, tenant_id: UUID) -> None:
        """Make the salon resident (loaded from PostgreSQL unless it is). Answers nothing: the
        list of resident salons (`ping`) cost ~4 ms per call at 500 salons, ~19 ms at 5,000."""
        self._ensure_upkeep()
        await self._core.salon(tenant_id)

    async def ping(self) -> dict[str, Any]:
        status = self._core.status()
        return {"tenants": status.tenants, "unpublished_events": status.unpublished_events}

    async def version(self) -> str:
        return self._release

    async def retire(self) -> None:
        """Leave for a host of a newer release: refuse new calls (callers retry on the next
        host), let running ones finish (bounded), store what is pending, exit."""
        self._retiring = True
        waited = 0.0
        while self._running > 0 and waited < DRAIN_S:
            await asyncio.sleep(0.05)
            waited += 0.05
        await self._core.close()
        logger.warning("tenant host of release %s retiring for a newer deploy", self._release)
        ray.actor.exit_actor()  # type: ignore[no-untyped-call]

    async def retire_if_idle(self) -> bool:
        """Exit the process when it hosts nothing (one-salon-per-actor mode frees ~50 MB)."""
        if not self._core.empty:
            return False
        self._retiring = True  # before the first await: no call may start on a closing pool
        await self._core.close()
        logger.info("tenant host retiring: no active salon")
        ray.actor.exit_actor()  # type: ignore[no-untyped-call]
        return True  # not reached

    def _ensure_upkeep(self) -> None:
        if self._upkeep_task is None or self._upkeep_task.done():
            self._upkeep_task = asyncio.get_running_loop().create_task(self._upkeep_loop())

    async def _upkeep_loop(self) -> None:
        while True:
            await asyncio.sleep(self._settings.upkeep_interval_s)
            try:
                await self._core.upkeep()
                me = ray.get_runtime_context().current_actor
                if await self._outdated():
                    await me.retire.remote()  # through the queue, as below
                    return
                if self._retire_when_empty and self._core.empty:
                    # Through the actor's own queue, so no call is cut half-way.
                    if await me.retire_if_idle.remote():
                        return
            except Exception:  # the loop boundary: log and go on
                logger.exception("tenant host upkeep failed")

    async def _outdated(self) -> bool:
        """Whether a deploy published a release other than this host's: it then leaves even if
        no caller of the new release reaches it (its salons come back on their next command)."""
        if time.monotonic() - self._release_checked < self._settings.release_check_s:
            return False
        self._release_checked = time.monotonic()
        published = await asyncio.to_thread(published_release, self._settings.ray_namespace)
        return published is not None and published != self._release
