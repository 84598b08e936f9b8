"""A client's rights under the LGPD, pure: erasing their personal data from the salon's agenda.

Erasing keeps the salon's books: past appointments stay (with a client named "Cliente removido"),
coming bookings are cancelled, open requests and offers close, and the client leaves the salon's
memory. What the database holds besides (chats, messages, events) is removed by the store.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.agenda import Agenda, AgendaChange, AppointmentUpdate
from domain.appointments import updated_event
from domain.auth_requests import with_client_state
from domain.commands import ClientErased, EraseClient
from domain.errors import NotFoundError
from domain.events import ClientErasedData, EventData
from domain.models import AppointmentStatus, ClientState
from domain.outcome import Outcome

ERASED_NAME = "Cliente removido"
ERASED_REASON = "dados do cliente removidos (LGPD)"


def erase_client(agenda: Agenda, command: EraseClient, *, now: datetime) -> Outcome[ClientErased]:
    client = agenda.clients.get(command.client_id)
    if client is None:
        raise NotFoundError(f"client {command.client_id} not found")
    # The events this writes already name the client as erased.
    anonymous = replace(
        agenda,
        clients={**agenda.clients, client.id: client.model_copy(update={"name": ERASED_NAME})},
    )
    events: list[EventData] = []
    updates = []
    for booking in agenda.upcoming.values():
        if booking.client_id != client.id or booking.status != AppointmentStatus.BOOKED:
            continue
        if booking.starts_at <= now:
            continue
        after = booking.model_copy(
            update={"status": AppointmentStatus.CANCELLED, "status_reason": ERASED_REASON}
        )
        updates.append(AppointmentUpdate(booking, after))
        events.append(updated_event(anonymous, after, booking, changed_by=command.erased_by))
    closed = []
    for request in agenda.pending.values():
        if request.appointment_data.client_id != client.id:
            continue
        data = request.appointment_data.model_copy(update={"client_name": ERASED_NAME})
        unnamed = request.model_copy(update={"appointment_data": data})
        withdrawn, event = with_client_state(unnamed, ClientState.WITHDRAWN, now=now)
        closed.append(withdrawn)
        events.append(event)
    events.append(ClientErasedData(client_id=client.id, erased_by=command.erased_by))
    return Outcome(
        result=ClientErased(
            client_id=client.id,
            appointments_cancelled=len(updates),
            requests_closed=len(closed),
        ),
        events=tuple(events),
        change=AgendaChange(
            appointments_updated=tuple(updates),
            requests_decided=tuple(closed),
            clients_erased=(client.id,),
        ),
    )
