"""The salon actor's working-hours part: the owner replaces a professional's week, stored and
applied to the agenda in one commit (free slots, offers and bookings follow it at once)."""

from __future__ import annotations

from actors.salon_core import SalonCore
from domain.commands import SetWorkingHours
from domain.hours_change import replace_working_hours
from domain.working_hours import WorkingHoursView


class WorkingHoursDesk:
    def __init__(self, core: SalonCore) -> None:
        self._core = core

    async def set_week(self, command: SetWorkingHours) -> WorkingHoursView:
        core = self._core
        # Held across the commit's awaits: a booking decided meanwhile would read the old hours.
        async with core.lock:
            outcome = replace_working_hours(core.agenda, command, now=core.now())
            return await core.commit(outcome)
