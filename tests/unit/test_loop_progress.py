"""Readiness of the sender's and scheduler's loops, from what each loop reports."""

from __future__ import annotations

import pytest

from actors.progress import LoopProgress, loop_state


def report(running: bool, since_start: float | None, since_end: float | None) -> dict[str, object]:
    return {"running": running, "since_start_s": since_start, "since_end_s": since_end}


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (report(False, 1.0, 0.5), "stopped"),
        (report(True, None, None), "ok"),  # just started
        (report(True, 2.0, 1.0), "ok"),  # waiting between steps
        (report(True, 40.0, 39.0), "stalled"),  # no step for 3 periods + 5 s
        (report(True, 100.0, None), "ok"),  # first step still running, within the stall bound
        (report(True, 50.0, 60.0), "ok"),  # a step running for 50 s, bound 120 s
        (report(True, 130.0, 140.0), "stalled"),  # a step running past the bound
    ],
)
def test_a_loop_is_ready_while_it_runs_and_progresses(
    state: dict[str, object], expected: str
) -> None:
    assert loop_state(state, every_s=10, stall_s=120) == expected


def test_progress_reports_seconds_since_the_last_step() -> None:
    progress = LoopProgress()
    assert progress.report(running=True) == report(True, None, None)
    progress.start()
    running = progress.report(running=True)
    assert running["since_end_s"] is None and running["since_start_s"] >= 0
    progress.end()
    ended = progress.report(running=True)
    assert 0 <= ended["since_end_s"] <= ended["since_start_s"]
    assert loop_state(ended, every_s=1, stall_s=1) == "ok"
