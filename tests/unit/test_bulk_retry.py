"""The bulk job waits (bounded) while Ray restarts the scheduler, and only then."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from ray.exceptions import ActorUnavailableError

from scripts.bulk_campaign import while_restarting


def flaky(failures: int, error: Exception) -> tuple[list[int], Callable[[], Awaitable[int]]]:
    calls: list[int] = []

    async def call() -> int:
        calls.append(1)
        if len(calls) <= failures:
            raise error
        return 42

    return calls, call


async def test_unavailable_scheduler_is_asked_again() -> None:
    calls, call = flaky(2, ActorUnavailableError("restarting", None))
    assert await while_restarting(call, delay_s=0) == 42
    assert len(calls) == 3


async def test_gives_up_after_its_attempts() -> None:
    calls, call = flaky(10, ActorUnavailableError("restarting", None))
    with pytest.raises(ActorUnavailableError):
        await while_restarting(call, attempts=4, delay_s=0)
    assert len(calls) == 4


async def test_other_errors_are_not_retried() -> None:
    calls, call = flaky(1, ValueError("bad tenant"))
    with pytest.raises(ValueError):
        await while_restarting(call, delay_s=0)
    assert len(calls) == 1
