"""A client's rights under the LGPD, pure: erasing their personal data from the salon's agenda,
and the consent to marketing the owner records for them.

Erasing keeps the salon's books: past appointments stay (with a client named "Cliente removido"),
coming bookings are cancelled, open requests and offers close, and the client leaves the salon's
memory. What the database holds besides (chats, messages, events) is removed by the store.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.agenda import Agenda, AgendaChange, AppointmentUpdate, ConsentChange
from domain.appointments import updated_event
from domain.auth_requests import with_client_state
from domain.commands import ClientConsent, ClientErased, EraseClient, RecordConsent
from domain.errors import NotFoundError
from domain.events import ClientErasedData, ClientOptedInData, ClientOptedOutData, EventData
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


def record_consent(agenda: Agenda, command: RecordConsent) -> Outcome[ClientConsent]:
    """The owner's record of a client's opt-in or opt-out; a repeat of the state changes nothing."""
    client = agenda.clients.get(command.client_id)
    if client is None:
        raise NotFoundError(f"client {command.client_id} not found")
    now_consents = command.granted and client.marketing_consent and not client.marketing_opt_out
    now_out = not command.granted and client.marketing_opt_out
    result = ClientConsent(
        client_id=client.id,
        marketing_consent=command.granted,
        marketing_opt_out=not command.granted,
    )
    if now_consents or now_out:
        return Outcome(result=result)
    event: EventData = (
        ClientOptedInData(client_id=client.id, source="owner")
        if command.granted
        else ClientOptedOutData(client_id=client.id, source="owner")
    )
    consent = ConsentChange(
        client.id,
        granted=command.granted,
        source="owner",
        text=command.text,
        recorded_by=command.recorded_by,
    )
    return Outcome(result=result, events=(event,), change=AgendaChange(consents=(consent,)))
