"""The salon actor's appointments part: the salon marks visits (completed, no-show, cancelled) and
moves bookings; bookings nobody marked complete by themselves once they ended.

Each command: find the appointment (memory holds the coming ones; older ones are read) → decide
(domain/appointments.py) → commit. The salon's lock is held across the read: without it, a move
and an approval could both find the same time free.
"""

from __future__ import annotations

from functools import partial
from uuid import UUID

from actors.salon_core import SalonCore
from db import appointments as appointment_queries
from domain import appointments
from domain.commands import (
    AppointmentsCompleted,
    AppointmentView,
    CompleteEndedAppointments,
    MarkAppointment,
    MoveAppointment,
)
from domain.errors import NotFoundError
from domain.models import Appointment


class Appointments:
    def __init__(self, core: SalonCore) -> None:
        self._core = core

    async def mark(self, command: MarkAppointment) -> AppointmentView:
        core = self._core
        async with core.lock:
            appointment = await self._find(command.appointment_id)
            outcome = appointments.mark_appointment(
                core.agenda, appointment, command, now=core.now(), new_id=core.new_id
            )
            return await core.commit(outcome)

    async def move(self, command: MoveAppointment) -> AppointmentView:
        core = self._core
        async with core.lock:
            appointment = await self._find(command.appointment_id)
            outcome = appointments.move_appointment(
                core.agenda, appointment, command, now=core.now(), new_id=core.new_id
            )
            return await core.commit(outcome)

    async def complete_ended(self, command: CompleteEndedAppointments) -> AppointmentsCompleted:
        core = self._core
        async with core.lock:
            ended = await core.read(
                partial(
                    appointment_queries.ended_bookings,
                    tenant_id=core.tenant_id,
                    ended_before=command.ended_before,
                    limit=command.limit,
                )
            )
            return await core.commit(appointments.complete_ended(core.agenda, ended))

    async def _find(self, appointment_id: UUID) -> Appointment:
        """A coming appointment from memory; an older one (a visit to mark) from PostgreSQL."""
        known = self._core.agenda.upcoming.get(appointment_id)
        if known is not None:
            return known
        stored = await self._core.read(
            partial(
                appointment_queries.get_appointment,
                tenant_id=self._core.tenant_id,
                appointment_id=appointment_id,
            )
        )
        if stored is None:
            raise NotFoundError(f"appointment {appointment_id} not found")
        return stored
