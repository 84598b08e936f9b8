"""The directory's tries when a salon's host is restarting (Ray brings a killed or crashed host
back within seconds): it waits between tries instead of failing the caller at once."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Coroutine
from typing import Any
from uuid import uuid4

import pytest
from ray.exceptions import ActorUnavailableError

from actors import directory as directory_module
from actors.directory import RESTART_WAITS_S, TenantDirectory
from actors.errors import TenantUnavailableError
from config.settings import Environment, Settings
from domain.commands import CheckMemory, MemoryCheck

SETTINGS = Settings(environment=Environment.TEST, jwt_secret="s" * 64)  # type: ignore[arg-type]


class RestartingHost:
    """A host handle whose first `unavailable` calls find it restarting."""

    def __init__(self, unavailable: int) -> None:
        self.unavailable = unavailable
        self.calls = 0
        self.call = self

    def remote(self, *args: Any) -> asyncio.Future[Any]:
        self.calls += 1
        answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        if self.calls <= self.unavailable:
            answer.set_exception(ActorUnavailableError("The actor is restarting.", None))
        else:
            answer.set_result(MemoryCheck(differences=[]))
        return answer


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The directory's waits, not slept. `asyncio.sleep` is one function for the whole loop: a
    task another test left running (a live feed retrying) sleeps for real and is not counted."""
    slept: list[float] = []
    real_sleep = asyncio.sleep

    def sleep(seconds: float) -> Coroutine[Any, Any, None]:
        if sys._getframe(1).f_globals.get("__name__") != directory_module.__name__:
            return real_sleep(seconds)
        slept.append(seconds)
        return real_sleep(0)

    monkeypatch.setattr(directory_module.asyncio, "sleep", sleep)
    return slept


def directory_with(host: RestartingHost) -> TenantDirectory:
    found = TenantDirectory(SETTINGS)
    found.handle = lambda name: host  # type: ignore[method-assign]
    return found


async def test_a_restarting_host_is_tried_again_after_short_waits(waits: list[float]) -> None:
    host = RestartingHost(unavailable=3)
    answer = await directory_with(host).send(uuid4(), CheckMemory())
    assert answer == MemoryCheck(differences=[])
    assert (host.calls, waits) == (4, list(RESTART_WAITS_S[:3]))


async def test_a_host_that_stays_away_is_unavailable_after_the_waits(waits: list[float]) -> None:
    host = RestartingHost(unavailable=100)
    with pytest.raises(TenantUnavailableError):
        await directory_with(host).send(uuid4(), CheckMemory())
    assert (host.calls, waits) == (len(RESTART_WAITS_S) + 1, list(RESTART_WAITS_S))
