"""Consent to marketing on real PostgreSQL: the import's opt-ins recorded once and never over a
later opt-out or consent, a file's opt-out recorded, the owner's and the chat's records kept with
their words, and the sender never sending an offer to a client without an active opt-in where the
salon requires one."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from actors.salon import Salon
from config.settings import Settings
from db.salon_import import import_salon
from domain.commands import ReceiveMessage, RecordConsent
from domain.salon_import import ClientPart, ConsentPart, SalonFile
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_salon, next_phone
from tests.fakes.n8n import FakeN8n
from tests.integration.conftest import import_committed
from tests.integration.sender_support import MakeSender, local, queue, route, rows

SINCE = local(-30, 10)
ALL = 100_000  # a step claims every due message of the session's database, ours among them


def consenting(key: str, at: datetime = SINCE, **extra: object) -> ClientPart:
    consent = ConsentPart(granted_at=at, source="import", text="Aceitou ofertas na ficha")
    return ClientPart(
        key=key, name=key.title(), phone=next_phone(), marketing_consent=consent, **extra
    )


async def history(pool: asyncpg.Pool, ids: SalonIds, key: str) -> list[tuple[bool, str, str]]:
    found = await pool.fetch(
        "SELECT granted, source, text FROM client_consent WHERE tenant_id = $1 AND client_id = $2"
        " ORDER BY at, recorded_at",
        ids.tenant,
        ids.of("client", key),
    )
    return [(r["granted"], r["source"], r["text"]) for r in found]


async def consent_at(pool: asyncpg.Pool, ids: SalonIds, key: str) -> datetime | None:
    found: datetime | None = await pool.fetchval(
        "SELECT marketing_consent_at FROM client WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        ids.of("client", key),
    )
    return found


async def reimport(pool: asyncpg.Pool, salon: SalonFile) -> None:
    async with pool.acquire() as conn, conn.transaction():
        await import_salon(conn, salon)


async def test_an_imported_consent_is_recorded_once_with_its_date_and_words(
    pool: asyncpg.Pool,
) -> None:
    salon = make_salon(clients=[consenting("ana")])
    ids = await import_committed(pool, salon)
    await reimport(pool, salon)
    assert await history(pool, ids, "ana") == [(True, "import", "Aceitou ofertas na ficha")]
    assert await consent_at(pool, ids, "ana") == SINCE


async def test_a_reimport_never_undoes_an_opt_out_or_a_consent_recorded_since(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    bia = ClientPart(key="bia", name="Bia", phone=next_phone())
    salon = make_salon(clients=[consenting("ana"), bia])
    ids = await import_committed(pool, salon)
    actor = Salon(ids.tenant, pool=pool, stream=stream)
    await actor.activate()
    phone = next(c.phone for c in salon.clients if c.key == "ana")
    await actor.handle(
        ReceiveMessage(client_name="Ana", phone=phone, message="SAIR", sent_at=local(0, 9))
    )
    await actor.drain()
    await actor.handle(
        RecordConsent(
            client_id=ids.of("client", "bia"),
            granted=False,
            text="Pediu no balcão para não receber",
            recorded_by=ids.owner,
        )
    )
    # The next file says both consented (ana's older date; bia's from before the owner's record).
    ana = salon.clients[0]
    bia_consents = consenting("bia").model_copy(update={"phone": bia.phone})
    newer = salon.model_copy(update={"clients": [ana, bia_consents]})
    await reimport(pool, newer)

    assert [g for g, _, _ in await history(pool, ids, "ana")] == [True, False]
    assert await history(pool, ids, "bia") == [(False, "owner", "Pediu no balcão para não receber")]
    assert await consent_at(pool, ids, "ana") is None and await consent_at(pool, ids, "bia") is None
    opted_out = await pool.fetch(
        "SELECT marketing_opt_out FROM client WHERE tenant_id = $1 ORDER BY name", ids.tenant
    )
    assert [r["marketing_opt_out"] for r in opted_out] == [True, True]


async def test_a_files_opt_out_is_recorded_and_ends_the_opt_in(pool: asyncpg.Pool) -> None:
    salon = make_salon(clients=[consenting("ana")])
    ids = await import_committed(pool, salon)
    ana = salon.clients[0].model_copy(update={"marketing_opt_out": True, "marketing_consent": None})
    await reimport(pool, salon.model_copy(update={"clients": [ana]}))
    assert [(g, s) for g, s, _ in await history(pool, ids, "ana")] == [
        (True, "import"),
        (False, "import"),
    ]
    assert await consent_at(pool, ids, "ana") is None


async def test_the_chats_opt_in_is_a_consent_with_the_clients_words(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    salon = make_salon(clients=[ClientPart(key="ana", name="Ana", phone=next_phone())])
    ids = await import_committed(pool, salon)
    actor = Salon(ids.tenant, pool=pool, stream=stream)
    await actor.activate()
    await actor.handle(
        ReceiveMessage(
            client_name="Ana",
            phone=salon.clients[0].phone,
            message="quero receber as ofertas de vocês",
            sent_at=local(0, 9),
        )
    )
    await actor.drain()
    assert await history(pool, ids, "ana") == [(True, "chat", "quero receber as ofertas de vocês")]
    assert await consent_at(pool, ids, "ana") is not None
    assert actor.agenda.clients[ids.of("client", "ana")].marketing_consent is True


async def test_the_sender_never_sends_an_offer_without_consent_where_the_salon_requires_it(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool
) -> None:
    salon = make_salon(
        clients=[consenting("ana"), ClientPart(key="bia", name="Bia", phone=next_phone())]
    )
    ids = await import_committed(pool, salon)
    await pool.execute(
        "INSERT INTO salon_settings (tenant_id, require_marketing_consent) VALUES ($1, true)"
        " ON CONFLICT (tenant_id) DO UPDATE SET require_marketing_consent = true",
        ids.tenant,
    )
    await route(pool, ids, n8n.url)
    plan = [("ana", "marketing"), ("bia", "marketing"), ("bia", "transactional")]
    (to_ana, _, _), (offer_to_bia, _, _), (reply_to_bia, _, _) = await queue(pool, ids, plan)
    await make_sender(sender_batch_size=ALL).step(local(1, 12))

    stored = await rows(pool, ids)
    assert stored[str(to_ana)]["status"] == "sent"
    assert (stored[str(offer_to_bia)]["status"], stored[str(offer_to_bia)]["last_error"]) == (
        "skipped",
        "no_consent",
    )
    assert stored[str(reply_to_bia)]["status"] == "sent"  # what she asked for still reaches her
    assert set(n8n.delivered) == {str(to_ana), str(reply_to_bia)}


async def test_a_salon_that_never_chose_requires_consent_by_the_deployments_default(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool
) -> None:
    salon = make_salon(clients=[ClientPart(key="bia", name="Bia", phone=next_phone())])
    ids = await import_committed(pool, salon)  # a new salon: no settings of its own
    await route(pool, ids, n8n.url)
    ((offer, _, _),) = await queue(pool, ids, [("bia", "marketing")])
    # The deployment's default as shipped (the suite's own settings turn it off).
    shipped = Settings.model_fields["require_marketing_consent"].default
    assert shipped is True
    await make_sender(require_marketing_consent=shipped, sender_batch_size=ALL).step(local(1, 12))
    stored = await rows(pool, ids)
    assert (stored[str(offer)]["status"], stored[str(offer)]["last_error"]) == (
        "skipped",
        "no_consent",
    )
    assert not n8n.delivered


async def test_a_files_opt_out_never_undoes_an_opt_in_recorded_since(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    out = ClientPart(key="ana", name="Ana", phone=next_phone(), marketing_opt_out=True)
    salon = make_salon(clients=[out])
    ids = await import_committed(pool, salon)
    actor = Salon(ids.tenant, pool=pool, stream=stream)
    await actor.activate()
    await actor.handle(
        ReceiveMessage(
            client_name="Ana",
            phone=out.phone,
            message="quero voltar a receber as ofertas",
            sent_at=local(0, 9),
        )
    )
    await actor.drain()
    await reimport(pool, salon)  # the same file, written before she asked

    assert [(g, s) for g, s, _ in await history(pool, ids, "ana")] == [
        (False, "import"),  # recorded when the new client came in opted out
        (True, "chat"),
    ]
    assert await consent_at(pool, ids, "ana") is not None


async def test_an_opt_out_is_stored_even_when_memory_already_had_it(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    """The customer's services reset the row behind the actor's memory; the client's "PARAR"
    must still reach PostgreSQL (the next campaign reads it there)."""
    ana = ClientPart(key="ana", name="Ana", phone=next_phone())
    ids = await import_committed(pool, make_salon(clients=[ana]))
    actor = Salon(ids.tenant, pool=pool, stream=stream)
    await actor.activate()
    for word, hour in (("SAIR", 9), ("PARAR", 10)):
        if word == "PARAR":
            await pool.execute(
                "UPDATE client SET marketing_opt_out = false WHERE tenant_id = $1", ids.tenant
            )
        await actor.handle(
            ReceiveMessage(client_name="Ana", phone=ana.phone, message=word, sent_at=local(0, hour))
        )
        await actor.drain()
    opted_out = await pool.fetchval(
        "SELECT marketing_opt_out FROM client WHERE tenant_id = $1", ids.tenant
    )
    assert opted_out is True
    assert [(g, t) for g, _, t in await history(pool, ids, "ana")] == [
        (False, "SAIR"),
        (False, "PARAR"),
    ]
