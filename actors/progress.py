"""How a background loop (the sender's, the scheduler's) is doing: whether it runs and when its
last step started and ended, for readiness (deployments/routes_health.py)."""

from __future__ import annotations

from dataclasses import dataclass
from time import monotonic
from typing import Any


@dataclass
class LoopProgress:
    started: float | None = None  # monotonic seconds
    ended: float | None = None

    def start(self) -> None:
        self.started = monotonic()

    def end(self) -> None:
        self.ended = monotonic()

    def report(self, *, running: bool) -> dict[str, Any]:
        """Plain values (the answer crosses Ray): seconds since the last step started and
        ended, None when none did."""
        now = monotonic()
        return {
            "running": running,
            "since_start_s": None if self.started is None else now - self.started,
            "since_end_s": None if self.ended is None else now - self.ended,
        }


def loop_state(report: dict[str, Any], *, every_s: float, stall_s: float) -> str:
    """ "ok", or why not: "stopped" (no loop), "stalled" (a step running longer than `stall_s`,
    or none started for three periods of `every_s` and 5 s more)."""
    if not report["running"]:
        return "stopped"
    since_start, since_end = report["since_start_s"], report["since_end_s"]
    if since_start is None:
        return "ok"  # the loop was just started: its first step is on its way
    step_running = since_end is None or since_end > since_start
    if step_running:
        return "stalled" if since_start > stall_s else "ok"
    return "stalled" if since_start > 3 * every_s + 5 else "ok"
