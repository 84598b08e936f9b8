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

from actors.errors import TenantUnavailableError
from actors.host_actor import TenantHost
from config.settings import Placement, Settings
from domain.commands import Command, result_type
from domain.errors import DomainError

logger = logging.getLogger(__name__)
R = TypeVar("R")


class TenantDirectory:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._handles: dict[str, Any] = {}

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

        Domain errors come back as themselves; a dead or retiring host is retried once (commands
        carry ids, so running one again is safe), then it is a TenantUnavailableError.
        """
        expected = result_type(type(command))
        answer = await self._call(tenant_id, command)
        if not isinstance(answer, expected):
            raise TypeError(f"{type(command).__name__} answered {type(answer).__name__}")
        return cast(R, answer)

    async def _call(self, tenant_id: UUID, command: Command[Any]) -> object:
        name = self.actor_name(tenant_id)
        for attempt in (1, 2):
            handle = self.handle(name)
            try:
                answer: object = await asyncio.wait_for(
                    handle.call.remote(tenant_id, command),
                    timeout=self._settings.actor_call_timeout_s,
                )
                return answer
            except RayTaskError as error:
                cause = error.cause
                if isinstance(cause, DomainError):
                    raise cause from None
                if not isinstance(cause, TenantUnavailableError):
                    raise
                gone: Exception = cause  # a host retiring: like a dead one, retry once
                self._handles.pop(name, None)
                if attempt == 2:
                    raise cause from None
                logger.info("tenant %s: host %s retiring (%s), retrying", tenant_id, name, gone)
            except (ActorDiedError, ActorUnavailableError) as error:
                # A retired or crashed host: forget the handle; the retry makes a new one.
                # Commands carry ids, so running one again is safe.
                self._handles.pop(name, None)
                if attempt == 2:
                    raise TenantUnavailableError(f"salon actor {name} unavailable") from error
                logger.info("tenant %s: host %s unavailable, retrying", tenant_id, name)
            except TimeoutError as error:
                raise TenantUnavailableError(f"salon actor {name} did not answer") from error
        raise TenantUnavailableError(f"salon actor {name} unavailable")

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


def ray_is_initialized() -> bool:
    return bool(ray.is_initialized())
