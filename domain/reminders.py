"""Reminders before a booking, pure: when they leave and what they say.

Each booked appointment gets one reminder `reminder_lead_h` hours before it, and a second one
`second_reminder_lead_h` before it when the salon wants one. A reminder never leaves while the
salon's send window is closed (it leaves at the window's last minute before), never within the
hour after the booking was made (the confirmation has just been read) and never after the visit
began. Queued as `reminder` messages about the appointment: a cancellation or a move skips them
(db/agenda.py), and the sender skips any whose appointment is no longer booked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.agenda import Agenda
from domain.chat_agent import when_label
from domain.models import Appointment
from domain.outcome import OutboundMessage, whatsapp_message
from domain.salon_settings import SalonSettings
from domain.whatsapp_texts import reminder_text

# A reminder leaving sooner than this after the booking was made is not sent at all.
AFTER_BOOKING = timedelta(hours=1)


def latest_open(moment: datetime, window: tuple[time, time], zone: ZoneInfo) -> datetime:
    """`moment` if the salon's send window is open then, else the window's last minute before."""
    opens, closes = window
    local = moment.astimezone(zone)
    if opens <= local.time() < closes:
        return moment
    day = local.date() if local.time() >= closes else local.date() - timedelta(days=1)
    return datetime.combine(day, closes, zone) - timedelta(minutes=1)


def reminder_times(
    starts_at: datetime, *, settings: SalonSettings, zone: ZoneInfo, now: datetime
) -> list[datetime]:
    """When the reminders of a booking starting at `starts_at` leave (none, one or two)."""
    times = set()
    for lead_h in settings.reminder_leads_h():
        at = latest_open(starts_at - timedelta(hours=lead_h), settings.send_window, zone)
        if now + AFTER_BOOKING <= at < starts_at:
            times.add(at)
    return sorted(times)


def reminders_for(
    agenda: Agenda, appointment: Appointment, *, now: datetime, new_id: Callable[[], UUID]
) -> tuple[OutboundMessage, ...]:
    """The reminder messages of a booking just made or moved, each held until its time."""
    client = agenda.clients.get(appointment.client_id)
    service = agenda.services.get(appointment.service_id)
    professional = agenda.professionals.get(appointment.professional_id)
    if client is None or service is None or professional is None:
        return ()
    messages = []
    for at in reminder_times(
        appointment.starts_at, settings=agenda.settings, zone=agenda.zone, now=now
    ):
        when = when_label(
            appointment.starts_at,
            professional.name,
            time_zone=agenda.time_zone,
            today=agenda.local_date(at),
        )
        messages.append(
            whatsapp_message(
                message_id=new_id(),
                client_id=appointment.client_id,
                kind="reminder",
                text=reminder_text(client.name, service.name, when, salon_name=agenda.tenant.name),
                related_id=appointment.id,
                not_before=at,
            )
        )
    return tuple(messages)
