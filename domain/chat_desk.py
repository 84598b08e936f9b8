"""The salon's WhatsApp desk, pure: a client's message let in, and the salon writing to a client.

An inbound message is stored before anyone answers it (the webhook answers 202 at once); a client
the salon does not know becomes one, E.164 with the WhatsApp id kept exactly as received. An
owner message's id comes from its command id, so a repeat is found and a reuse refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid5

from domain.agenda import AgendaChange
from domain.commands import (
    ConversationAgent,
    MessageAccepted,
    OwnerMessageResult,
    ReceiveMessage,
    ResumeConversation,
    SendOwnerMessage,
)
from domain.errors import DuplicateCommandError
from domain.events import (
    ConversationPausedData,
    ConversationResumedData,
    MessageReceivedData,
    OwnerMessageSentData,
)
from domain.models import Client
from domain.outcome import Outcome, whatsapp_message
from domain.phones import NON_DIGITS
from domain.whatsapp_texts import salon_message_text


@dataclass(frozen=True)
class StoredMessage:
    conversation_id: UUID
    client_id: UUID
    author: str
    body: str


@dataclass(frozen=True)
class Admission:
    """A client's message let in: the outcome, and the message row to store."""

    outcome: Outcome[MessageAccepted]
    command: ReceiveMessage
    at: datetime

    @property
    def accepted(self) -> MessageAccepted:
        return self.outcome.result


def admit_message(
    command: ReceiveMessage,
    *,
    phone_e164: str,
    client: Client | None,
    conversation_id: UUID | None,
    new_id: Callable[[], UUID],
    now: datetime,
) -> Admission:
    """`client` is who has this phone (None: a newcomer), `conversation_id` their conversation."""
    new_client = client is None
    whatsapp_id = NON_DIGITS.sub("", command.phone)
    # A client stored without a WhatsApp id (an import, another service) gets the one received.
    fills_whatsapp_id = client is not None and not client.whatsapp_id
    if client is None:
        client = Client(
            id=new_id(),
            name=command.client_name.strip() or "Cliente",
            phone_e164=phone_e164,
            whatsapp_id=whatsapp_id,
        )
    accepted = MessageAccepted(
        message_id=new_id(),
        conversation_id=conversation_id or new_id(),
        client_id=client.id,
        duplicate=False,
        new_client=new_client,
    )
    received = MessageReceivedData(
        conversation_id=accepted.conversation_id,
        message_id=accepted.message_id,
        client_id=client.id,
        client_name=client.name,
        message=command.message,
        new_client=new_client,
        kind=command.kind,
    )
    outcome = Outcome(
        result=accepted,
        events=(received,),
        change=AgendaChange(
            clients_added=(client,) if new_client else (),
            whatsapp_ids=((client.id, whatsapp_id),) if fills_whatsapp_id else (),
        ),
    )
    return Admission(outcome=outcome, command=command, at=now)


def owner_message_id(tenant_id: UUID, sent_by: UUID, command_id: str) -> UUID:
    """Keys are per salon and per user: two people's keys never meet."""
    return uuid5(tenant_id, f"owner-message:{sent_by}:{command_id}")


def repeated_owner_message(
    command: SendOwnerMessage, message_id: UUID, stored: StoredMessage
) -> OwnerMessageResult:
    """The first result for a repeated command; another message under the same id is refused."""
    if (stored.conversation_id, stored.author, stored.body) != (
        command.conversation_id,
        "owner",
        command.text,
    ):
        raise DuplicateCommandError(
            f"command id {command.command_id!r} was used for another message"
        )
    return OwnerMessageResult(
        message_id=message_id, conversation_id=stored.conversation_id, client_id=stored.client_id
    )


def owner_message(
    command: SendOwnerMessage,
    *,
    message_id: UUID,
    client_id: UUID,
    client_name: str,
    salon_name: str,
    paused_until: datetime,
    new_id: Callable[[], UUID],
) -> Outcome[OwnerMessageResult]:
    """The salon's message, its WhatsApp delivery and its events: a person of the salon now has
    the conversation, so the agent stays quiet in it until `paused_until`."""
    return Outcome(
        result=OwnerMessageResult(
            message_id=message_id, conversation_id=command.conversation_id, client_id=client_id
        ),
        events=(
            OwnerMessageSentData(
                conversation_id=command.conversation_id,
                message_id=message_id,
                client_id=client_id,
                message=command.text,
            ),
            ConversationPausedData(
                conversation_id=command.conversation_id,
                client_id=client_id,
                client_name=client_name,
                reason="owner_replied",
                paused_until=paused_until,
                paused_by=command.sent_by,
            ),
        ),
        messages=(
            whatsapp_message(
                message_id=new_id(),
                client_id=client_id,
                kind="transactional",
                text=salon_message_text(
                    command.text, client_name=client_name, salon_name=salon_name
                ),
                related_id=message_id,
            ),
        ),
    )


def resumed(command: ResumeConversation, *, client_id: UUID) -> Outcome[ConversationAgent]:
    """The agent answers the conversation again; the salon sees it on the socket."""
    return Outcome(
        result=ConversationAgent(
            conversation_id=command.conversation_id, client_id=client_id, agent_answers=True
        ),
        events=(
            ConversationResumedData(
                conversation_id=command.conversation_id,
                client_id=client_id,
                resumed_by=command.resumed_by,
            ),
        ),
    )
