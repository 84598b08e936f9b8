"""An owner message's id comes from its command id: a repeat is recognised, a reuse refused."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.chat_desk import StoredMessage, owner_message_id, repeated_owner_message
from domain.commands import SendOwnerMessage
from domain.errors import DuplicateCommandError


def command(**overrides: object) -> SendOwnerMessage:
    values: dict[str, object] = {
        "command_id": "k-1",
        "conversation_id": uuid4(),
        "text": "Oi!",
        "sent_by": uuid4(),
    }
    return SendOwnerMessage.model_validate(values | overrides)


def test_same_command_id_gives_the_same_message_id_per_salon_and_user() -> None:
    salon, other, ana, bia = uuid4(), uuid4(), uuid4(), uuid4()
    assert owner_message_id(salon, ana, "k-1") == owner_message_id(salon, ana, "k-1")
    assert owner_message_id(salon, ana, "k-1") != owner_message_id(other, ana, "k-1")
    assert owner_message_id(salon, ana, "k-1") != owner_message_id(salon, bia, "k-1")
    assert owner_message_id(salon, ana, "k-1") != owner_message_id(salon, ana, "k-2")


def test_repeat_answers_the_stored_result() -> None:
    sent = command()
    client = uuid4()
    stored = StoredMessage(sent.conversation_id, client, "owner", "Oi!")
    result = repeated_owner_message(sent, uuid4(), stored)
    assert (result.conversation_id, result.client_id) == (sent.conversation_id, client)


@pytest.mark.parametrize("change", ["text", "conversation"])
def test_same_id_for_another_message_is_refused(change: str) -> None:
    sent = command()
    conversation = uuid4() if change == "conversation" else sent.conversation_id
    body = "Outra" if change == "text" else "Oi!"
    stored = StoredMessage(conversation, uuid4(), "owner", body)
    with pytest.raises(DuplicateCommandError):
        repeated_owner_message(sent, uuid4(), stored)
