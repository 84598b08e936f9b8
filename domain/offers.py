"""Offers over time, pure: an offer not answered in time expires, a request whose time came
closes, and a booking withdraws the other offers for its time. Closed requests free their time
and their client for later campaigns and the chat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from domain.agenda import Agenda, AgendaChange
from domain.auth_requests import updated_event, with_client_state
from domain.chat_situation import alternatives_for
from domain.commands import RequestsClosed
from domain.free_time import overlaps
from domain.models import AuthRequest, ClientState
from domain.outcome import OutboundMessage, Outcome, whatsapp_message
from domain.whatsapp_texts import offer_filled_text


def is_stale(request: AuthRequest, now: datetime) -> bool:
    """An offer the client did not answer before it expired, or any request whose time came."""
    if request.appointment_data.starts_at <= now:
        return True
    return (
        request.client_state == ClientState.OFFERED
        and request.expires_at is not None
        and request.expires_at <= now
    )


def close_stale(agenda: Agenda, now: datetime) -> Outcome[RequestsClosed]:
    """Every stale pending request of the salon, expired (the owner's pre-approval with it)."""
    closed = [
        with_client_state(r, ClientState.EXPIRED, now=now)[0]
        for r in agenda.pending.values()
        if is_stale(r, now)
    ]
    return Outcome(
        result=RequestsClosed(closed=len(closed)),
        events=tuple(updated_event(r) for r in closed),
        change=AgendaChange(requests_decided=tuple(closed)),
    )


def withdraw_overlapping(
    agenda: Agenda, booked: AuthRequest, *, now: datetime, new_id: Callable[[], UUID]
) -> tuple[list[AuthRequest], list[OutboundMessage]]:
    """Campaign offers for a time the booking now takes are withdrawn; a client who had said
    "sim" to one is told it was filled, with the nearest open slots to pick from. (Other
    pending requests stay: approving one answers 409 slot_taken, and the owner decides.)"""
    data = booked.appointment_data
    withdrawn: list[AuthRequest] = []
    notices: list[OutboundMessage] = []
    for other in agenda.pending.values():
        theirs = other.appointment_data
        if other.id == booked.id or theirs.professional_id != data.professional_id:
            continue
        if other.client_state not in (ClientState.OFFERED, ClientState.ACCEPTED):
            continue
        if not overlaps(theirs.starts_at, theirs.ends_at, data.starts_at, data.ends_at):
            continue
        closed, _event = with_client_state(other, ClientState.WITHDRAWN, now=now)
        withdrawn.append(closed)
        if other.client_state == ClientState.ACCEPTED:
            instead = alternatives_for(agenda, theirs, now)
            notices.append(
                whatsapp_message(
                    message_id=new_id(),
                    client_id=theirs.client_id,
                    kind="transactional",
                    text=offer_filled_text(theirs, instead.phrase, salon_name=agenda.tenant.name),
                    related_id=other.id,
                    proposed=instead.slots,
                )
            )
    return withdrawn, notices
