"""The backlog gauges, refreshed by the campaign scheduler's loop (one per cluster): what waits
to leave or to be published or decided, and when the loop last stepped. docs/observability/
plots them and alerts on them."""

from __future__ import annotations

import logging
import time
from dataclasses import fields

import asyncpg
from ray.util.metrics import Gauge

from db.backlog import Backlog, read_backlog

logger = logging.getLogger(__name__)

# Each field of db.backlog.Backlog as the gauge it is exported as (Prometheus: `ray_` + name).
GAUGES = {
    "outbox_queued": ("agenda_outbox_queued", "WhatsApp messages queued to leave"),
    "outbox_oldest_s": (
        "agenda_outbox_oldest_seconds",
        "age of the oldest queued message already due to leave",
    ),
    "events_unpublished": ("agenda_events_unpublished", "events not yet on their Redis stream"),
    "events_oldest_s": (
        "agenda_events_unpublished_oldest_seconds",
        "age of the oldest event not yet on its Redis stream",
    ),
    "requests_pending": ("agenda_auth_requests_pending", "requests waiting for an owner"),
}
LAST_STEP = ("agenda_scheduler_last_step_timestamp_seconds", "when the scheduler last stepped")


class BacklogGauges:
    def __init__(self) -> None:
        self._gauges = {
            field: Gauge(name, description) for field, (name, description) in GAUGES.items()
        }
        self._last_step = Gauge(*LAST_STEP)

    def stepped(self) -> None:
        self._last_step.set(time.time())

    async def refresh(self, pool: asyncpg.Pool) -> Backlog | None:
        """Read the backlog and set the gauges; None (logged) when PostgreSQL did not answer."""
        try:
            async with pool.acquire() as conn:
                backlog = await read_backlog(conn)
        except Exception:  # the loop's boundary: a missed reading, not a stopped loop
            logger.exception("reading the backlog failed")
            return None
        for field in fields(backlog):
            self._gauges[field.name].set(getattr(backlog, field.name))
        return backlog
