"""The sender's retry policy: exponential backoff with a cap and jitter, then give up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.delivery import (
    RetryPolicy,
    SendResult,
    Verdict,
    decide_after_attempt,
    retry_delay_s,
)

POLICY = RetryPolicy(max_attempts=4, base_s=2.0, cap_s=300.0)
NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(("attempts", "delay_s"), [(1, 2.0), (2, 4.0), (3, 8.0), (4, 16.0)])
def test_delay_doubles_with_each_attempt(attempts: int, delay_s: float) -> None:
    assert retry_delay_s(attempts, base_s=2.0, cap_s=300.0, jitter=0.0) == delay_s


@pytest.mark.parametrize("attempts", [9, 10, 50, 10_000])
def test_delay_is_capped(attempts: int) -> None:
    assert retry_delay_s(attempts, base_s=2.0, cap_s=300.0, jitter=0.0) == 300.0


@pytest.mark.parametrize("jitter", [0.0, 0.25, 0.5, 0.999999])
def test_jitter_shortens_by_at_most_half(jitter: float) -> None:
    delay_s = retry_delay_s(3, base_s=2.0, cap_s=300.0, jitter=jitter)
    assert 4.0 < delay_s <= 8.0


def test_jitter_spreads_delays() -> None:
    delays = {retry_delay_s(3, base_s=2.0, cap_s=300.0, jitter=j / 10) for j in range(10)}
    assert len(delays) == 10


@pytest.mark.parametrize("jitter", [-0.1, 1.0])
def test_jitter_outside_a_fraction_is_refused(jitter: float) -> None:
    with pytest.raises(ValueError):
        retry_delay_s(1, base_s=2.0, cap_s=300.0, jitter=jitter)


def test_retryable_failure_is_retried_after_the_backoff() -> None:
    verdict = decide_after_attempt(
        SendResult.RETRYABLE, attempts=2, policy=POLICY, now=NOW, jitter=0.0
    )
    assert verdict == Verdict("retry", retry_at=NOW + timedelta(seconds=4))


def test_last_allowed_attempt_gives_up() -> None:
    verdict = decide_after_attempt(
        SendResult.RETRYABLE, attempts=4, policy=POLICY, now=NOW, jitter=0.0
    )
    assert verdict == Verdict("failed")


def test_permanent_failure_gives_up_at_once() -> None:
    verdict = decide_after_attempt(
        SendResult.PERMANENT, attempts=1, policy=POLICY, now=NOW, jitter=0.0
    )
    assert verdict == Verdict("failed")


def test_delivery_is_final() -> None:
    verdict = decide_after_attempt(
        SendResult.DELIVERED, attempts=4, policy=POLICY, now=NOW, jitter=0.0
    )
    assert verdict == Verdict("sent")
