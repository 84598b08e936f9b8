"""The salon writes to a client: the message id comes from the command id, so repeats are found."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid5

from domain.commands import OwnerMessageResult, SendOwnerMessage
from domain.errors import DuplicateCommandError


@dataclass(frozen=True)
class StoredMessage:
    conversation_id: UUID
    client_id: UUID
    author: str
    body: str


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
