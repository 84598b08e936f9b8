"""When a salon's campaigns are due, in the salon's own time zone.

Defaults: Prazo Certo every day at 09:00, Encher Agenda Monday, Wednesday and Friday at 14:00. A
run missed earlier in the day (the scheduler was down) is still due while the send window is open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.models import Value
from domain.vocabulary import CampaignType

DEFAULT_SCHEDULES: dict[str, tuple[time, tuple[int, ...]]] = {
    "prazo_certo": (time(9, 0), (0, 1, 2, 3, 4, 5, 6)),
    "encher_agenda": (time(14, 0), (0, 2, 4)),
}


class Schedule(Value):
    tenant_id: UUID
    time_zone: str
    campaign_type: CampaignType
    enabled: bool
    local_time: time
    weekdays: tuple[int, ...]


class DueRun(Value):
    tenant_id: UUID
    campaign_type: CampaignType
    local_date: date

    @property
    def run_key(self) -> str:
        return scheduled_run_key(self.campaign_type, self.local_date)


def scheduled_run_key(campaign_type: str, local_date: date) -> str:
    """One key per salon, campaign and local day: the database lets it run once."""
    return f"schedule:{campaign_type}:{local_date.isoformat()}"


def due_runs(
    schedules: Iterable[Schedule],
    *,
    now: datetime,
    window_closes: time,
    salon_windows: Mapping[UUID, time] | None = None,
) -> list[DueRun]:
    """The runs due at `now`: from each schedule's time until the salon's send window closes
    (`salon_windows`: the salons that chose their own; the others close at `window_closes`)."""
    own = salon_windows or {}
    due = []
    for schedule in schedules:
        local = now.astimezone(ZoneInfo(schedule.time_zone))
        closes = own.get(schedule.tenant_id, window_closes)
        if (
            schedule.enabled
            and local.weekday() in schedule.weekdays
            and schedule.local_time <= local.time() < closes
        ):
            due.append(
                DueRun(
                    tenant_id=schedule.tenant_id,
                    campaign_type=schedule.campaign_type,
                    local_date=local.date(),
                )
            )
    return due
