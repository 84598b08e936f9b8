"""ClientBook: clients kept as value tuples read back as the `Client` they were."""

from __future__ import annotations

from uuid import uuid4

import pytest

from db.clients import CLIENT_COLUMNS
from domain.client_book import ClientBook
from domain.models import Client


def clients() -> list[Client]:
    return [
        Client(id=uuid4(), name="Ana", phone_e164="+5511987654321", marketing_consent=True),
        Client(
            id=uuid4(),
            name="Bia",
            phone_e164="+5511912345678",
            whatsapp_id="5511912345678",
            marketing_opt_out=True,
        ),
    ]


def row(client: Client) -> tuple[object, ...]:
    """A row of db.clients.CLIENT_COLUMNS, in its columns' order."""
    return (
        client.id,
        client.name,
        client.phone_e164,
        client.whatsapp_id,
        client.marketing_opt_out,
        client.marketing_consent,
    )


def test_a_client_reads_back_as_it_was_stored() -> None:
    stored = clients()
    book = ClientBook(stored)
    assert [book[c.id] for c in stored] == stored
    assert len(book) == 2 and list(book) == [c.id for c in stored]


def test_a_book_of_rows_equals_a_book_of_clients() -> None:
    stored = clients()
    from_rows = ClientBook.of_rows(row(c) for c in stored)
    assert dict(from_rows) == dict(ClientBook(stored))
    assert from_rows.with_phone(["+5511912345678"], "") == stored[1]


def test_with_phone_prefers_the_number_then_the_whatsapp_id() -> None:
    ana, bia = clients()
    book = ClientBook([ana, bia])
    assert book.with_phone(["+5511000000000", "+5511987654321"], "5511912345678") == ana
    assert book.with_phone(["+5511000000000"], "5511912345678") == bia
    assert book.with_phone(["+5511000000000"], "") is None


def test_only_a_client_with_its_own_id_goes_in() -> None:
    ana, bia = clients()
    book = ClientBook([ana])
    with pytest.raises(ValueError, match="expected a Client"):
        book[ana.id] = bia
    del book[ana.id]
    assert ana.id not in book


def test_rows_are_read_in_the_order_of_the_client_columns() -> None:
    columns = [part.split(" AS ")[-1].strip() for part in CLIENT_COLUMNS.split(",")]
    assert columns == [
        "id",
        "name",
        "phone_e164",
        "whatsapp_id",
        "marketing_opt_out",
        "marketing_consent",
    ]
