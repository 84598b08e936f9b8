"""The owner replaces a professional's working hours: what changes, what is reported.

Bookings already made outside the new hours are kept, never cancelled here: the owner sees them
(counted and listed in the answer and the event) and moves or cancels each one as they choose.
Requests not yet approved are checked against the new hours when the owner decides them, and
slots offered from now on follow the new hours.
"""

from __future__ import annotations

from datetime import datetime

from domain.agenda import Agenda, AgendaChange, WeekReplaced
from domain.commands import SetWorkingHours
from domain.errors import NotFoundError
from domain.events import WorkingHoursUpdatedData
from domain.outcome import Outcome
from domain.working_hours import (
    WorkingHoursView,
    bookings_outside,
    hours_of,
    week_of,
    working_hours_view,
)


def replace_working_hours(
    agenda: Agenda, command: SetWorkingHours, *, now: datetime
) -> Outcome[WorkingHoursView]:
    """The professional's new week, its bookings from `now` outside it, and the event; the same
    week again changes nothing (no event)."""
    professional = agenda.professionals.get(command.professional_id)
    if professional is None:
        raise NotFoundError("professional not found in this salon")
    new_hours = hours_of(professional.id, command.week)
    own = [a for a in agenda.upcoming.values() if a.professional_id == professional.id]
    clients = agenda.clients
    outside = bookings_outside(
        own,
        new_hours,
        professional_id=professional.id,
        client_names={a.client_id: c.name for a in own if (c := clients.get(a.client_id))},
        time_zone=agenda.time_zone,
        now=now,
    )
    view = working_hours_view(professional.id, professional.name, command.week, outside)
    if week_of(professional.id, agenda.working_hours) == command.week:
        return Outcome(result=view)
    updated = WorkingHoursUpdatedData(
        professional_id=professional.id,
        professional_name=professional.name,
        periods=list(command.week.periods),
        bookings_outside_count=view.bookings_outside_count,
        updated_by=command.set_by,
    )
    return Outcome(
        result=view,
        events=(updated,),
        change=AgendaChange(weeks=(WeekReplaced(professional.id, new_hours),)),
    )
