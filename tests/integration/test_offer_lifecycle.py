"""Campaign offers over time on real PostgreSQL and Redis: pre-approved then booked by the client's
"sim", declined, expired, withdrawn when another booking takes their time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import pytest

from actors.salon import Salon as SalonActor
from domain.campaigns import CampaignOptions
from domain.commands import (
    CloseStaleRequests,
    CreateAuthRequest,
    DecideAuthRequest,
    ReceiveMessage,
    RunCampaign,
)
from domain.errors import OfferClosedError, SlotPassedError
from domain.models import Agent
from domain.salon_import import SalonFile
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_recall_salon
from tests.integration.conftest import import_committed


class Clock:
    """The salon's clock, moved by the test (offers expire, times pass)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


async def salon_with_offers(
    pool: asyncpg.Pool, stream: EventStream, clock: Callable[[], datetime]
) -> tuple[SalonActor, SalonIds, SalonFile, dict[UUID, Any]]:
    """The recall salon after a Prazo Certo run: one offer for `due`, one for `regular`."""
    salon_file = make_recall_salon()
    ids = await import_committed(pool, salon_file)
    salon = SalonActor(ids.tenant, pool=pool, stream=stream, clock=clock)
    await salon.activate()
    result = await salon.handle(
        RunCampaign(
            run_key=uuid4().hex,
            campaign_type="prazo_certo",
            trigger="manual",
            options=CampaignOptions(),
        )
    )
    offers = {s.client_id: s for s in result.suggestions}
    assert set(offers) == {ids.of("client", "due"), ids.of("client", "regular")}
    return salon, ids, salon_file, offers


def decide(ids: SalonIds, request_id: UUID | None, decision: str = "approve") -> DecideAuthRequest:
    return DecideAuthRequest(request_id=request_id, decision=decision, decided_by=ids.owner)  # type: ignore[arg-type]


async def says(salon: SalonActor, salon_file: SalonFile, client: str, text: str) -> None:
    phone = next(c.phone for c in salon_file.clients if c.key == client)
    await salon.handle(
        ReceiveMessage(client_name=client, phone=phone, message=text, sent_at=datetime.now(UTC))
    )
    await salon.drain()


async def request_row(pool: asyncpg.Pool, ids: SalonIds, request_id: UUID) -> dict[str, Any]:
    row = await pool.fetchrow(
        "SELECT status, client_state, preapproved_at, appointment_id FROM auth_request"
        " WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        request_id,
    )
    assert row is not None
    return dict(row)


async def texts_to(pool: asyncpg.Pool, ids: SalonIds, client: str) -> list[str]:
    """What the client was told (reminders of their bookings aside)."""
    rows = await pool.fetch(
        "SELECT body FROM outbound_message WHERE tenant_id = $1 AND client_id = $2"
        " AND kind <> 'reminder' ORDER BY created_at, id",
        ids.tenant,
        ids.of("client", client),
    )
    return [row["body"] for row in rows]


async def test_a_preapproved_offer_is_booked_when_the_client_says_yes(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    salon, ids, salon_file, offers = await salon_with_offers(pool, stream, Clock())
    offer = offers[ids.of("client", "due")]
    decided = await salon.handle(decide(ids, offer.auth_request_id))
    assert (decided.preapproved, decided.appointment_id) == (True, None)
    row = await request_row(pool, ids, offer.auth_request_id)  # type: ignore[arg-type]
    assert (row["status"], row["client_state"], row["appointment_id"]) == (
        "pending",
        "offered",
        None,
    )
    assert row["preapproved_at"] is not None
    await says(salon, salon_file, "due", "Sim, quero!")
    row = await request_row(pool, ids, offer.auth_request_id)  # type: ignore[arg-type]
    assert (row["status"], row["client_state"]) == ("approved", "accepted")
    assert row["appointment_id"] in salon.agenda.upcoming
    *_, reply = await texts_to(pool, ids, "due")
    assert "está confirmado" in reply
    assert not any("Seu horário no" in t for t in await texts_to(pool, ids, "due"))


async def regular_answers(
    pool: asyncpg.Pool, stream: EventStream, text: str
) -> tuple[SalonActor, SalonIds, SalonFile, UUID, tuple[str, str]]:
    """The regular client answers their offer with `text`: the salon, its ids and file, the
    offer's id and its (status, client_state) afterwards."""
    salon, ids, salon_file, offers = await salon_with_offers(pool, stream, Clock())
    offer_id = offers[ids.of("client", "regular")].auth_request_id
    assert offer_id is not None
    await says(salon, salon_file, "regular", text)
    row = await request_row(pool, ids, offer_id)
    return salon, ids, salon_file, offer_id, (row["status"], row["client_state"])


async def test_a_no_declines_the_offer_and_frees_the_client(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    salon, ids, _, offer_id, state = await regular_answers(pool, stream, "Não, obrigado")
    assert state == ("closed", "declined")
    assert offer_id not in salon.agenda.pending
    with pytest.raises(OfferClosedError):
        await salon.handle(decide(ids, offer_id))


async def test_an_answer_not_understood_says_how_to_stop_and_sair_then_stops(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    text = "a chave do meu carro ficou esquecida no balcão"
    salon, ids, salon_file, _, state = await regular_answers(pool, stream, text)
    *_, reply = await texts_to(pool, ids, "regular")
    assert reply.startswith("Desculpe") and "parar de receber as ofertas" in reply
    assert state == ("pending", "offered")  # still open
    await says(salon, salon_file, "regular", "SAIR")
    assert salon.agenda.clients[ids.of("client", "regular")].marketing_opt_out


async def test_a_no_that_asks_for_another_booking_declines_the_offer_and_proposes_slots(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    text = "esse não, quero marcar um corte pra outro dia"
    _, ids, _, _, state = await regular_answers(pool, stream, text)
    assert state == ("closed", "declined")
    *_, reply = await texts_to(pool, ids, "regular")
    assert reply.startswith("Tenho estes horários") and "parar de receber" not in reply


async def test_an_offer_nobody_answered_expires_and_cannot_be_approved(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    clock = Clock()
    salon, ids, _file, offers = await salon_with_offers(pool, stream, clock)
    clock.now += timedelta(days=8)  # past every expiry and every slot of the run
    closed = await salon.handle(CloseStaleRequests())
    assert closed.closed == 2
    for offer in offers.values():
        row = await request_row(pool, ids, offer.auth_request_id)  # type: ignore[arg-type]
        assert (row["status"], row["client_state"]) == ("closed", "expired")
        with pytest.raises(OfferClosedError):
            await salon.handle(decide(ids, offer.auth_request_id))
    assert salon.agenda.pending == {}
    # Offers that had not left yet never will: nobody is invited to answer a closed offer.
    queued = await pool.fetchval(
        "SELECT count(*) FROM outbound_message WHERE tenant_id = $1 AND kind = 'marketing'"
        " AND status = 'queued'",
        ids.tenant,
    )
    assert queued == 0


async def test_a_request_whose_time_passed_is_not_approved(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    clock = Clock()
    salon, ids, salon_file, offers = await salon_with_offers(pool, stream, clock)
    offer = offers[ids.of("client", "due")]
    await says(salon, salon_file, "due", "sim")  # accepted: the owner's to approve
    clock.now += timedelta(days=8)
    with pytest.raises(SlotPassedError):
        await salon.handle(decide(ids, offer.auth_request_id))
    assert (await request_row(pool, ids, offer.auth_request_id))["status"] == "pending"  # type: ignore[arg-type]


async def test_another_booking_withdraws_an_accepted_offer_and_tells_the_client(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    salon, ids, salon_file, offers = await salon_with_offers(pool, stream, Clock())
    offer = offers[ids.of("client", "due")]
    await says(salon, salon_file, "due", "sim, pode ser")
    starts_at = datetime.fromisoformat(f"{offer.date}T{offer.time}:00-03:00")
    rival = await salon.handle(
        CreateAuthRequest(
            command_id=uuid4().hex,
            created_by_agent=Agent.MANUAL,
            client_id=ids.of("client", "recent"),
            service_id=offer.service_id,
            professional_id=offer.professional_id,
            starts_at=starts_at,
        )
    )
    booked = await salon.handle(decide(ids, rival.auth_request_id))
    assert booked.appointment_id is not None
    row = await request_row(pool, ids, offer.auth_request_id)  # type: ignore[arg-type]
    assert (row["status"], row["client_state"]) == ("closed", "withdrawn")
    *_, notice = await texts_to(pool, ids, "due")
    assert "acabou de ser preenchido" in notice
    # The notice offers the nearest open slots, kept in the client's conversation: "1" asks
    # the salon for the first, as in the chat.
    assert "Responda com o número" in notice or "Responda SIM" in notice
    proposed = await pool.fetchval(
        "SELECT proposed_slots FROM conversation WHERE tenant_id = $1 AND client_id = $2",
        ids.tenant,
        ids.of("client", "due"),
    )
    assert proposed and all(p["service_id"] == str(offer.service_id) for p in proposed)
    assert starts_at.isoformat() not in {p["starts_at"] for p in proposed}
    await says(salon, salon_file, "due", "1")
    [asked] = [
        r
        for r in salon.agenda.pending.values()
        if r.appointment_data.client_id == ids.of("client", "due")
    ]
    assert (asked.created_by_agent, asked.client_state) == (Agent.CHAT, "requested")
    assert asked.appointment_data.starts_at == datetime.fromisoformat(proposed[0]["starts_at"])
