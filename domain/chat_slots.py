"""Which real open slots the chat agent proposes for what the client asked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.chat_agent import MAX_PROPOSED, ProposedSlot
from domain.chat_rules import Understanding
from domain.free_slots import Busy, find_free_slots
from domain.models import Professional, Service, WorkingHours

PARTS_OF_DAY = {
    "manha": (time(6), time(12)),
    "tarde": (time(12), time(18)),
    "noite": (time(18), time(23, 59)),
}
SEARCH_DAYS = 7
SPREAD = timedelta(hours=1)


def search_window(
    understanding: Understanding, *, now: datetime, time_zone: str, lead: timedelta
) -> tuple[datetime, datetime]:
    earliest = now + lead
    if understanding.day is None:
        return earliest, earliest + timedelta(days=SEARCH_DAYS)
    zone = ZoneInfo(time_zone)
    start = datetime.combine(understanding.day, time(0), zone)
    return max(start, earliest), start + timedelta(days=1)


def propose_slots(
    understanding: Understanding,
    *,
    service: Service,
    professionals: Iterable[Professional],
    hours: Sequence[WorkingHours],
    busy: Sequence[Busy],
    now: datetime,
    time_zone: str,
    lead: timedelta = timedelta(minutes=30),
) -> list[ProposedSlot]:
    """Up to three open slots: the asked time first, then the nearest ones; distinct times."""
    start, end = search_window(understanding, now=now, time_zone=time_zone, lead=lead)
    zone = ZoneInfo(time_zone)
    candidates: list[ProposedSlot] = []
    for professional in professionals:
        if understanding.professional_id not in (None, professional.id):
            continue
        if professional.service_ids and service.id not in professional.service_ids:
            continue
        for slot in find_free_slots(
            hours=hours,
            busy=busy,
            professional_id=professional.id,
            start=start,
            end=end,
            duration_min=service.duration_min,
            time_zone=time_zone,
        ):
            local = slot.starts_at.astimezone(zone).time()
            part = PARTS_OF_DAY.get(understanding.part_of_day or "")
            if part is not None and not part[0] <= local < part[1]:
                continue
            candidates.append(
                ProposedSlot(
                    service_id=service.id,
                    professional_id=professional.id,
                    starts_at=slot.starts_at,
                    service_name=service.name,
                    professional_name=professional.name,
                )
            )
    wanted = understanding.at

    def distance(slot: ProposedSlot) -> tuple[float, datetime]:
        if wanted is None:
            return 0.0, slot.starts_at
        local = slot.starts_at.astimezone(zone)
        target = datetime.combine(local.date(), wanted, zone)
        return abs((local - target).total_seconds()), slot.starts_at

    chosen: list[ProposedSlot] = []
    for proposed in sorted(candidates, key=distance):
        # Real choices: no two offers within the hour of one another.
        if all(abs(proposed.starts_at - other.starts_at) >= SPREAD for other in chosen):
            chosen.append(proposed)
        if len(chosen) == MAX_PROPOSED:
            break
    return sorted(chosen, key=lambda s: s.starts_at) if wanted is None else chosen
