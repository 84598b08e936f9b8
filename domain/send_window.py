"""When campaign messages may leave: inside the salon's daily send window, in its time zone."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


def next_send_time(now: datetime, *, time_zone: str, opens: time, closes: time) -> datetime:
    """`now` inside the window; otherwise the window's next opening."""
    zone = ZoneInfo(time_zone)
    local = now.astimezone(zone)
    if opens <= local.time() < closes:
        return now
    day = local.date() if local.time() < opens else local.date() + timedelta(days=1)
    return datetime.combine(day, opens, zone)
