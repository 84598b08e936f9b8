"""What a client's past visits for one service say: how often they come, with whom, and when."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import TypeVar
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import AwareDatetime

from domain.models import Value

# From this many visits on, a client's own rhythm says more than the service's return cycle.
MIN_VISITS_FOR_OWN_CYCLE = 3
T = TypeVar("T")


class Visit(Value):
    starts_at: AwareDatetime
    professional_id: UUID


class ServiceHistory(Value):
    client_id: UUID
    service_id: UUID
    visit_count: int
    last_visit_at: AwareDatetime
    typical_interval_days: float | None
    usual_professional_id: UUID
    usual_weekday: int
    usual_minute: int


def _most_common_latest(values: Sequence[T]) -> T:
    """The most frequent value; on a tie, the one seen last (habits change)."""
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in reversed(values) if counts[v] == best)


def summarize_visits(
    client_id: UUID, service_id: UUID, visits: Sequence[Visit], time_zone: str
) -> ServiceHistory:
    """Summarise completed visits (any order, at least one) of one client for one service."""
    ordered = sorted(visits, key=lambda v: v.starts_at)
    zone = ZoneInfo(time_zone)
    local = [v.starts_at.astimezone(zone) for v in ordered]
    times = [v.starts_at for v in ordered]
    gaps = [(later - earlier).total_seconds() / 86400 for earlier, later in pairwise(times)]
    typical = statistics.median(gaps) if len(ordered) >= MIN_VISITS_FOR_OWN_CYCLE else None
    return ServiceHistory(
        client_id=client_id,
        service_id=service_id,
        visit_count=len(ordered),
        last_visit_at=ordered[-1].starts_at,
        typical_interval_days=typical,
        usual_professional_id=_most_common_latest([v.professional_id for v in ordered]),
        usual_weekday=_most_common_latest([t.weekday() for t in local]),
        usual_minute=int(statistics.median_low([t.hour * 60 + t.minute for t in local])),
    )
