"""Placement: which Ray actor hosts a salon. Callers only say `send(tenant_id, command)`.

`per_tenant`: one Ray actor per salon, named `tenant:<id>` (the Ray dashboard lists each salon).
`shared`: salons spread by a stable hash over `tenant_hosts` actors named `tenant-host:<n>`, for
fleets where ~50 MB and ~1 % of a core per idle process would not fit.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from typing import Any, TypeVar, cast
from uuid import UUID

import ray
from ray.exceptions import ActorDiedError, ActorUnavailableError, RayTaskError

from actors.errors import StaleActorError, TenantUnavailableError
from actors.host_actor import TenantHost
from actors.versioning import may_replace, replace, running_release
from config.settings import Placement, Settings
from domain.commands import Command, result_type
from domain.errors import DomainError

logger = logging.getLogger(__name__)
# Waits between tries while Ray restarts a host (~1-3 s on a busy node), 3.5 s in all; a caller
# over HTTP then gets 503 with Retry-After.
RESTART_WAITS_S = (0.25, 0.5, 1.0, 1.75)
R = TypeVar("R")


class TenantDirectory:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._handles: dict[str, Any] = {}
        # Hosts of another release this process found and, being of an older one, uses as they
        # are (actors/versioning.py); their calls carry no release check.
        self._accepted: set[str] = set()
        self._replacing: dict[str, asyncio.Lock] = {}

    def actor_name(self, tenant_id: UUID) -> str:
        if self._settings.placement == Placement.PER_TENANT:
            return f"tenant:{tenant_id}"
        slot = zlib.crc32(tenant_id.bytes) % self._settings.tenant_hosts
        return f"tenant-host:{slot}"

    def handle(self, name: str) -> Any:
        """The host actor of that name; created if none lives, spread over the cluster's nodes
        (Ray's SPREAD: not on the caller's node, so a fleet's hosts do not pile up on the node
        of the first replica to call)."""
        handle = self._handles.get(name)
        if handle is None:
            handle = TenantHost.options(  # type: ignore[attr-defined]
                name=name,
                namespace=self._settings.ray_namespace,
                lifetime="detached",
                get_if_exists=True,
                scheduling_strategy="SPREAD",
            ).remote(self._settings.for_actor(), self._settings.placement == Placement.PER_TENANT)
            self._handles[name] = handle
        return handle

    async def send(self, tenant_id: UUID, command: Command[R]) -> R:
        """Run a command in the salon's actor and return its result (the `R` it names).

        Domain errors come back as themselves; a dead or retiring host is retried once, a
        restarting one a few times over ~3.5 s (commands carry ids, so running one again is
        safe), then it is a TenantUnavailableError.
        """
        expected = result_type(type(command))
        answer = await self._call(tenant_id, command)
        if not isinstance(answer, expected):
            raise TypeError(f"{type(command).__name__} answered {type(answer).__name__}")
        return cast(R, answer)

    async def _call(self, tenant_id: UUID, command: Command[Any]) -> object:
        name = self.actor_name(tenant_id)
        attempt, replaced = 1, 0  # a failure is retried once; another release replaced once
        restarting = 0  # tries that found the host restarting
        while True:
            handle = self.handle(name)
            expected = None if name in self._accepted else running_release()
            try:
                answer: object = await asyncio.wait_for(
                    handle.call.remote(tenant_id, command, expected),
                    timeout=self._settings.actor_call_timeout_s,
                )
                return answer
            except RayTaskError as error:
                cause = error.cause
                if isinstance(cause, DomainError):
                    raise cause from None
                if isinstance(cause, StaleActorError):
                    await self._outdated(name, handle, cause.running, replaced=replaced)
                    replaced += 1
                    continue  # it ran nothing: the command goes to the host of this release
                if not isinstance(cause, TenantUnavailableError):
                    raise
                self._forget(name)  # a host retiring: like a dead one, retry once
                if attempt == 2:
                    raise cause from None
                attempt += 1
                logger.info("tenant %s: host %s retiring (%s), retrying", tenant_id, name, cause)
            except ActorUnavailableError as error:
                # Ray is restarting the host (a crash, a killed process): it comes back within
                # seconds, so wait a little between tries instead of failing at once.
                self._forget(name)  # looked up again: the same actor once it is back
                if restarting == len(RESTART_WAITS_S):
                    raise TenantUnavailableError(f"salon actor {name} unavailable") from error
                logger.info("tenant %s: host %s restarting, retrying", tenant_id, name)
                await asyncio.sleep(RESTART_WAITS_S[restarting])
                restarting += 1
            except ActorDiedError as error:
                # A retired or crashed host: forget the handle; the retry makes a new one.
                # Commands carry ids, so running one again is safe.
                self._forget(name)
                if attempt == 2:
                    raise TenantUnavailableError(f"salon actor {name} unavailable") from error
                attempt += 1
                logger.info("tenant %s: host %s unavailable, retrying", tenant_id, name)
            except TimeoutError as error:
                raise TenantUnavailableError(f"salon actor {name} did not answer") from error

    async def _outdated(self, name: str, handle: Any, running: str, *, replaced: int) -> None:
        """`handle` runs release `running`, not ours: retire it and make ours if this process
        runs the deployed release, else use it as it is. A host made anew that still runs
        another release means the code on its node is not the deployed code: it is used too
        (and said), rather than failing every call."""
        namespace = self._settings.ray_namespace
        lock = self._replacing.setdefault(name, asyncio.Lock())
        async with lock:  # the calls that met it together replace it once
            if self._handles.get(name) is not handle or name in self._accepted:
                return  # replaced or accepted meanwhile
            if replaced > 0 or not await may_replace(namespace):
                log = logger.warning if replaced > 0 else logger.info
                mine = running_release()
                log("host %s runs release %s, this process %s: used as is", name, running, mine)
                self._accepted.add(name)
                return
            self._handles.pop(name, None)
            await replace(name, namespace, handle, running, lambda: self.handle(name))
        self._replacing.pop(name, None)

    def _forget(self, name: str) -> None:
        self._handles.pop(name, None)
        self._accepted.discard(name)

    async def ping(self) -> int:
        """Ping the hosts this process knows; return how many answered (raises if none did)."""
        handles = list(self._handles.values())
        if not handles:
            return 0
        results = await asyncio.gather(
            *(asyncio.wait_for(h.ping.remote(), timeout=5) for h in handles),
            return_exceptions=True,
        )
        answered = sum(1 for r in results if not isinstance(r, BaseException))
        if answered == 0:
            raise TenantUnavailableError("no salon actor answered")
        return answered

    def forget(self) -> None:
        self._handles.clear()
        self._accepted.clear()


def ray_is_initialized() -> bool:
    return bool(ray.is_initialized())
