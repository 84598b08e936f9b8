"""What one command decided: its result, the events it reports, the WhatsApp messages it sends
and how the salon's memory changes — stored together in one transaction by the salon's actor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar
from uuid import UUID

from domain.agenda import AgendaChange
from domain.chat_agent import ProposedSlot
from domain.events import EventData
from domain.vocabulary import MessageKind
from domain.whatsapp_templates import TemplateCall
from domain.whatsapp_texts import WhatsAppText

R = TypeVar("R")


@dataclass(frozen=True)
class OutboundMessage:
    """A WhatsApp message to a client, queued in the same transaction as what caused it."""

    message_id: UUID
    client_id: UUID
    kind: MessageKind
    body: str
    related_id: UUID | None  # the auth request or chat message it is about
    campaign_run_id: UUID | None = None
    not_before: datetime | None = None  # marketing waits for the salon's send window
    # Slots the message offers: they become the client's conversation's proposed slots, so the
    # reply "1" or "sim" asks for one as in the chat.
    proposed: tuple[ProposedSlot, ...] = ()
    # What the message becomes outside the client's 24 h window (None: sent only as text).
    template: TemplateCall | None = None


def whatsapp_message(
    *,
    message_id: UUID,
    client_id: UUID,
    kind: MessageKind,
    text: WhatsAppText,
    related_id: UUID | None,
    campaign_run_id: UUID | None = None,
    not_before: datetime | None = None,
    proposed: tuple[ProposedSlot, ...] = (),
) -> OutboundMessage:
    """A message with its free text and its template."""
    return OutboundMessage(
        message_id=message_id,
        client_id=client_id,
        kind=kind,
        body=text.text,
        related_id=related_id,
        campaign_run_id=campaign_run_id,
        not_before=not_before,
        proposed=proposed,
        template=text.template,
    )


@dataclass(frozen=True)
class Outcome(Generic[R]):
    result: R
    events: Sequence[EventData] = ()
    messages: Sequence[OutboundMessage] = ()
    change: AgendaChange = field(default_factory=AgendaChange)

    @property
    def changes_nothing(self) -> bool:
        """A repeat answered from what is stored: nothing to store, tell or publish."""
        return not self.events and not self.messages and self.change == AgendaChange()
