"""A salon's clients in memory, compactly: one tuple of values per client instead of a model
object (a resident salon of 200 clients would spend ~110 KiB on model objects alone; 10,000
salons live on one node). Reading a client builds its `Client` again, with pydantic's
validating constructor (faster than `model_construct`, which fills the fields in Python)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from typing import Any
from uuid import UUID

from domain.models import Client

# name, phone_e164, whatsapp_id, marketing_opt_out, marketing_consent
_Values = tuple[str, str, str | None, bool, bool]


class ClientBook(MutableMapping[UUID, Client]):
    def __init__(self, clients: Iterable[Client] = ()) -> None:
        self._values: dict[UUID, _Values] = {}
        for client in clients:
            self[client.id] = client

    @classmethod
    def of_rows(cls, rows: Iterable[Sequence[Any]]) -> ClientBook:
        """From rows of db.clients.CLIENT_COLUMNS as PostgreSQL holds them (typed by the query,
        checked when they were stored: not one `Client` built per row). By position, the
        columns' order (id, then `_Values`' order): a slice of a row is the tuple kept, half
        the time of five lookups by name (200 clients per salon, at every activation)."""
        book = cls()
        book._values = {row[0]: tuple(row[1:6]) for row in rows}
        return book

    def __getitem__(self, client_id: UUID) -> Client:
        return self._client(client_id, self._values[client_id])

    def __setitem__(self, client_id: UUID, client: Client) -> None:
        if not isinstance(client, Client) or client.id != client_id:
            raise ValueError(f"client {client_id}: expected a Client with that id")
        self._values[client_id] = (
            client.name,
            client.phone_e164,
            client.whatsapp_id,
            client.marketing_opt_out,
            client.marketing_consent,
        )

    def __delitem__(self, client_id: UUID) -> None:
        del self._values[client_id]

    def __iter__(self) -> Iterator[UUID]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, client_id: object) -> bool:
        return client_id in self._values

    def __repr__(self) -> str:
        return f"ClientBook({len(self)} clients)"

    def marketing(self, client_id: UUID) -> tuple[bool, bool] | None:
        """(opted out, consent given) without building the client; None: no such client."""
        values = self._values.get(client_id)
        return None if values is None else (values[3], values[4])

    def name(self, client_id: UUID) -> str | None:
        values = self._values.get(client_id)
        return None if values is None else values[0]

    def with_phone(self, phones: Sequence[str], whatsapp_id: str) -> Client | None:
        """The client whose E.164 number comes first in `phones`, else whose WhatsApp id is this
        one exactly; ties: the smallest client id (without building every client)."""
        best: tuple[int, UUID] | None = None
        for client_id, (_, phone, known_whatsapp_id, _, _) in self._values.items():
            if phone in phones:
                rank = phones.index(phone)
            elif whatsapp_id and known_whatsapp_id == whatsapp_id:
                rank = len(phones)
            else:
                continue
            if best is None or (rank, client_id) < best:
                best = (rank, client_id)
        return None if best is None else self[best[1]]

    @staticmethod
    def _client(client_id: UUID, values: _Values) -> Client:
        name, phone, whatsapp_id, opted_out, consent = values
        return Client(
            id=client_id,
            name=name,
            phone_e164=phone,
            whatsapp_id=whatsapp_id,
            marketing_opt_out=opted_out,
            marketing_consent=consent,
        )
