"""A client's WhatsApp message let in (a newcomer becomes a client, a conversation is found or
opened) and the salon's own message to a client, as outcomes on plain data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

from domain.agenda import AgendaChange
from domain.chat_desk import Admission, admit_message, owner_message
from domain.commands import (
    MessageAccepted,
    OwnerMessageResult,
    ReceiveMessage,
    SendOwnerMessage,
)
from domain.events import (
    ConversationPausedData,
    MessageReceivedData,
    OwnerMessageSentData,
    event_type_of,
)
from domain.models import Client
from tests.factories import make_client
from tests.unit.domain_factories import NOW, id_counter

PHONE_E164 = "+5511987654321"
OLD_WHATSAPP_ID = "551187654321"  # without the mobile's ninth digit, as older ids come


def receive(**overrides: Any) -> ReceiveMessage:
    values: dict[str, Any] = {
        "client_name": "Maria Oliveira",
        "phone": OLD_WHATSAPP_ID,
        "message": "Oi, tem horário amanhã?",
        "sent_at": NOW,
        "external_id": "wamid.1",
    }
    return ReceiveMessage(**(values | overrides))


def admit(
    command: ReceiveMessage | None = None,
    *,
    client: Client | None = None,
    conversation_id: UUID | None = None,
) -> Admission:
    return admit_message(
        command or receive(),
        phone_e164=PHONE_E164,
        client=client,
        conversation_id=conversation_id,
        new_id=id_counter(),
        now=NOW,
    )


# --- who wrote ------------------------------------------------------------------------------------
def test_known_client_keeps_their_id() -> None:
    ana = make_client(name="Ana Souza", phone_e164=PHONE_E164)
    admission = admit(client=ana)
    assert (admission.accepted.client_id, admission.accepted.new_client) == (ana.id, False)


def test_known_client_changes_nothing_in_the_agenda() -> None:
    known = make_client(phone_e164=PHONE_E164, whatsapp_id="5511987654321")
    admission = admit(client=known)
    assert admission.outcome.change == AgendaChange()


def test_known_client_without_a_whatsapp_id_keeps_the_one_received() -> None:
    imported = make_client(phone_e164=PHONE_E164, whatsapp_id=None)
    admission = admit(client=imported)
    raw = "".join(ch for ch in receive().phone if ch.isdigit())
    assert admission.outcome.change == AgendaChange(whatsapp_ids=((imported.id, raw),))


def test_newcomer_becomes_a_client_of_the_salon() -> None:
    admission = admit()
    assert admission.outcome.change == AgendaChange(
        clients_added=(
            Client(
                id=UUID(int=1),
                name="Maria Oliveira",
                phone_e164=PHONE_E164,
                whatsapp_id=OLD_WHATSAPP_ID,
            ),
        )
    )
    assert (admission.accepted.client_id, admission.accepted.new_client) == (UUID(int=1), True)


def test_newcomer_whatsapp_id_is_the_digits_as_received() -> None:
    admission = admit(receive(phone="+55 (11) 8765-4321"))
    [newcomer] = admission.outcome.change.clients_added
    assert (newcomer.whatsapp_id, newcomer.phone_e164) == (OLD_WHATSAPP_ID, PHONE_E164)


def test_newcomer_name_is_trimmed() -> None:
    admission = admit(receive(client_name="  Maria Oliveira "))
    assert admission.outcome.change.clients_added[0].name == "Maria Oliveira"


def test_newcomer_without_a_name_is_called_cliente() -> None:
    admission = admit(receive(client_name="   "))
    assert admission.outcome.change.clients_added[0].name == "Cliente"


# --- which conversation ---------------------------------------------------------------------------
def test_known_conversation_is_reused() -> None:
    conversation = uuid4()
    admission = admit(client=make_client(phone_e164=PHONE_E164), conversation_id=conversation)
    assert admission.accepted.conversation_id == conversation


def test_first_message_opens_a_new_conversation() -> None:
    ana = make_client(phone_e164=PHONE_E164)
    admission = admit(client=ana)
    assert admission.accepted == MessageAccepted(
        message_id=UUID(int=1),
        conversation_id=UUID(int=2),
        client_id=ana.id,
        duplicate=False,
        new_client=False,
    )


# --- what the Chat page hears ---------------------------------------------------------------------
def test_message_received_reports_the_newcomer() -> None:
    admission = admit()
    accepted = admission.accepted
    assert admission.outcome.events == (
        MessageReceivedData(
            conversation_id=accepted.conversation_id,
            message_id=accepted.message_id,
            client_id=accepted.client_id,
            client_name="Maria Oliveira",
            message="Oi, tem horário amanhã?",
            new_client=True,
        ),
    )


def test_message_received_names_a_known_client_as_the_salon_knows_them() -> None:
    ana = make_client(name="Ana Souza", phone_e164=PHONE_E164)
    admission = admit(receive(client_name="Aninha 💇"), client=ana)
    [event] = admission.outcome.events
    assert event_type_of(event) == "message_received"
    assert isinstance(event, MessageReceivedData)
    assert (event.client_name, event.new_client) == ("Ana Souza", False)


def test_admission_sends_nothing_and_keeps_the_command() -> None:
    command = receive()
    admission = admit(command)
    assert admission.outcome.messages == ()
    assert (admission.command, admission.at) == (command, NOW)


# --- the salon writes to a client -----------------------------------------------------------------
def send(**overrides: Any) -> SendOwnerMessage:
    values: dict[str, Any] = {
        "command_id": "owner-1",
        "conversation_id": uuid4(),
        "text": "Oi Ana, a Carol pode te atender às 15h.",
        "sent_by": uuid4(),
    }
    return SendOwnerMessage(**(values | overrides))


LATER = NOW + timedelta(hours=12)


def owner_of(command: SendOwnerMessage, message_id: UUID, client_id: UUID) -> Any:
    return owner_message(
        command,
        message_id=message_id,
        client_id=client_id,
        client_name="Ana Souza",
        salon_name="Barbearia Rio Negro",
        paused_until=LATER,
        new_id=id_counter(),
    )


def test_owner_message_reports_owner_message_sent_and_takes_the_conversation() -> None:
    command, message_id, ana = send(), uuid4(), uuid4()
    outcome = owner_of(command, message_id, ana)
    assert outcome.events == (
        OwnerMessageSentData(
            conversation_id=command.conversation_id,
            message_id=message_id,
            client_id=ana,
            message="Oi Ana, a Carol pode te atender às 15h.",
        ),
        ConversationPausedData(
            conversation_id=command.conversation_id,
            client_id=ana,
            client_name="Ana Souza",
            reason="owner_replied",
            paused_until=LATER,
            paused_by=command.sent_by,
        ),
    )


def test_owner_message_queues_one_transactional_whatsapp_about_it() -> None:
    command, message_id, ana = send(), uuid4(), uuid4()
    outcome = owner_of(command, message_id, ana)
    [outbound] = outcome.messages
    assert (outbound.message_id, outbound.client_id, outbound.kind, outbound.related_id) == (
        UUID(int=1),
        ana,
        "transactional",
        message_id,
    )
    assert (outbound.body, outbound.not_before) == (command.text, None)


def test_owner_message_result_names_the_message_and_conversation() -> None:
    command, message_id, ana = send(), uuid4(), uuid4()
    outcome = owner_of(command, message_id, ana)
    assert outcome.result == OwnerMessageResult(
        message_id=message_id, conversation_id=command.conversation_id, client_id=ana
    )
    assert outcome.change == AgendaChange()
