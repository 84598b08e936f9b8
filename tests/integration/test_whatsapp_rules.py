"""WhatsApp's rules through the real sender, PostgreSQL and salon actors, against a fake n8n that
applies Meta's: free text inside the client's 24 h window, a template outside it, and each of
Meta's refusals handled as the owner would want (resend, opt out, wait a day, give up, say why)."""

from __future__ import annotations

from datetime import datetime, timedelta

import asyncpg

from tests.factories import SalonIds
from tests.fakes.n8n import FakeN8n
from tests.fakes.whatsapp import FakeWhatsApp, recipient
from tests.integration.sender_support import (
    MakeSender,
    events,
    local,
    queue,
    route,
    rows,
)

NOON = local(1, 12)


async def meta(
    n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds, now: list[datetime]
) -> FakeWhatsApp:
    """Meta's rules on the fake, on the test's clock; the salon routed to it."""
    n8n.whatsapp = FakeWhatsApp(clock=lambda: now[0])
    await route(pool, shop, n8n.url)
    return n8n.whatsapp


async def wrote(pool: asyncpg.Pool, shop: SalonIds, key: str, at: datetime) -> str:
    """The client `key` wrote at `at` (as the inbound webhook records it); their address."""
    row = await pool.fetchrow(
        "UPDATE client SET last_inbound_at = $3 WHERE tenant_id = $1 AND id = $2"
        " RETURNING phone_e164, whatsapp_id",
        shop.tenant,
        shop.of("client", key),
        at,
    )
    return recipient({"phone": row["phone_e164"], "whatsapp_id": row["whatsapp_id"]})


async def test_inside_the_window_text_outside_it_the_kinds_template(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    now = [NOON]
    whatsapp = await meta(n8n, pool, shop, now)
    whatsapp.client_wrote(
        await wrote(pool, shop, "c1", NOON - timedelta(hours=2)), NOON - timedelta(hours=2)
    )
    queued = await queue(
        pool, shop, [("c1", "transactional"), ("c2", "transactional"), ("c3", "marketing")]
    )
    result = await make_sender().step(NOON)

    by_key = {key: n8n.delivered[str(m)] for m, key, _ in queued}
    assert by_key["c1"]["send_as"] == "text"
    assert (by_key["c2"]["send_as"], by_key["c2"]["template"]["name"]) == (
        "template",
        "agenda_cheia_salon_message",
    )
    offer = by_key["c3"]["template"]
    assert (offer["name"], offer["category"], by_key["c3"]["marketing"]) == (
        "agenda_cheia_prazo_certo_offer",
        "MARKETING",
        True,
    )
    assert offer["language"] == "pt_BR"
    assert [p["text"] for p in offer["components"][0]["parameters"]][:2] == ["c3", "Corte"]
    assert whatsapp.templates == {"UTILITY": 1, "MARKETING": 1}
    assert result.sent_as == {"text": 1, "template": 2}
    sent = {e["message_id"]: e for e in await events(pool, shop, "notification_sent")}
    assert sent[str(queued[0][0])]["sent_as"] == "text"
    assert sent[str(queued[1][0])] | {"message_id": None, "client_id": None} == {
        "message_id": None,
        "client_id": None,
        "kind": "transactional",
        "sent_as": "template",
        "template": "agenda_cheia_salon_message",
    }


async def test_a_text_meta_finds_outside_the_window_is_resent_as_its_template(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    now = [NOON]
    whatsapp = await meta(n8n, pool, shop, now)
    # We saw the client write an hour ago; Meta's window closed already (a message we missed).
    address = await wrote(pool, shop, "c1", NOON - timedelta(hours=1))
    whatsapp.client_wrote(address, NOON - timedelta(hours=25))
    [(message_id, _, _)] = await queue(pool, shop, [("c1", "transactional")])
    sender = make_sender()
    first = await sender.step(NOON)
    second = await sender.step(NOON + timedelta(seconds=1))

    assert first.error_codes == {131047: 1} and first.retried == 1
    assert second.sent_as == {"template": 1}
    assert n8n.delivered[str(message_id)]["send_as"] == "template"
    stored = (await rows(pool, shop))[str(message_id)]
    assert (stored["status"], stored["attempts"]) == ("sent", 2)
    [sent] = await events(pool, shop, "notification_sent")
    assert sent["sent_as"] == "template"


async def test_a_client_who_stopped_marketing_on_whatsapp_is_opted_out_for_good(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    now = [NOON]
    whatsapp = await meta(n8n, pool, shop, now)
    whatsapp.stopped_marketing.add(await wrote(pool, shop, "c4", NOON - timedelta(days=3)))
    first, later, reply = await queue(
        pool, shop, [("c4", "marketing"), ("c4", "marketing"), ("c4", "transactional")]
    )
    sender = make_sender(sender_batch_size=1)
    await sender.step(NOON)
    await sender.step(NOON + timedelta(seconds=1))
    await sender.step(NOON + timedelta(seconds=2))

    stored = await rows(pool, shop)
    # Whichever offer the sender took first was refused; the other was never sent nor retried.
    offers = sorted((stored[str(m)]["status"], str(m)) for m in (first[0], later[0]))
    assert [status for status, _ in offers] == ["failed", "skipped"]
    refused = offers[0][1]
    assert stored[str(reply[0])]["status"] == "sent"  # a utility message still reaches them
    assert whatsapp.refusals == {131050: 1}
    opted_out = await pool.fetchval(
        "SELECT marketing_opt_out FROM client WHERE tenant_id = $1 AND id = $2",
        shop.tenant,
        shop.of("client", "c4"),
    )
    assert opted_out is True
    assert await events(pool, shop, "client_opted_out") == [
        {"client_id": str(shop.of("client", "c4")), "source": "whatsapp"}
    ]
    failed = {e["message_id"]: e for e in await events(pool, shop, "notification_failed")}
    assert failed[refused]["error_code"] == 131050
    assert "stopped marketing" in failed[refused]["reason"]


async def test_the_marketing_limit_waits_a_day_then_tries_once_more(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    now = [NOON]
    whatsapp = await meta(n8n, pool, shop, now)
    address = await wrote(pool, shop, "c5", NOON - timedelta(days=5))
    whatsapp.marketing_limited[address] = 1
    twice = await wrote(pool, shop, "c6", NOON - timedelta(days=5))
    whatsapp.marketing_limited[twice] = 2
    (held, _, _), (again, _, _) = await queue(
        pool, shop, [("c5", "marketing"), ("c6", "marketing")]
    )
    sender = make_sender()
    await sender.step(NOON)
    await sender.step(NOON + timedelta(hours=23))  # not yet
    assert whatsapp.refusals == {131049: 2}
    deferred = await events(pool, shop, "notification_deferred")
    assert {e["message_id"] for e in deferred} == {str(held), str(again)}
    assert all(e["error_code"] == 131049 for e in deferred)
    assert datetime.fromisoformat(deferred[0]["retry_at"]) == NOON + timedelta(hours=24)

    now[0] = NOON + timedelta(hours=24, minutes=1)
    await sender.step(now[0])
    stored = await rows(pool, shop)
    assert (stored[str(held)]["status"], stored[str(held)]["attempts"]) == ("sent", 2)
    assert (stored[str(again)]["status"], stored[str(again)]["attempts"]) == ("failed", 2)
    [failed] = await events(pool, shop, "notification_failed")
    assert (failed["message_id"], failed["error_code"]) == (str(again), 131049)


async def test_an_undeliverable_number_fails_at_once_with_the_reason(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    now = [NOON]
    whatsapp = await meta(n8n, pool, shop, now)
    whatsapp.undeliverable.add(await wrote(pool, shop, "c7", NOON - timedelta(hours=1)))
    [(message_id, _, _)] = await queue(pool, shop, [("c7", "transactional")])
    await make_sender().step(NOON)

    stored = (await rows(pool, shop))[str(message_id)]
    assert (stored["status"], stored["attempts"]) == ("failed", 1)
    [failed] = await events(pool, shop, "notification_failed")
    assert failed["error_code"] == 131026
    assert "could not deliver" in failed["reason"]


async def test_the_salons_own_template_name_and_text_are_sent(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    now = [NOON]
    await meta(n8n, pool, shop, now)
    await pool.execute(
        """INSERT INTO salon_settings (tenant_id, whatsapp_templates) VALUES ($1, $2)
           ON CONFLICT (tenant_id) DO UPDATE SET whatsapp_templates = $2""",
        shop.tenant,
        {
            "salon_message": {
                "name": "bela_recado",
                "text": "Oi {{first_name}}: {{message}} Beijos!",
            }
        },
    )
    [(message_id, _, _)] = await queue(pool, shop, [("c8", "transactional")])
    await make_sender().step(NOON)

    template = n8n.delivered[str(message_id)]["template"]
    assert (template["name"], template["category"]) == ("bela_recado", "UTILITY")
    assert [p["text"] for p in template["components"][0]["parameters"]] == [
        "c8",
        "Mensagem transactional para c8.",
    ]


async def test_a_text_refused_without_metas_code_is_resent_as_its_template(
    make_sender: MakeSender, n8n: FakeN8n, pool: asyncpg.Pool, shop: SalonIds
) -> None:
    now = [NOON]
    whatsapp = await meta(n8n, pool, shop, now)
    whatsapp.codes_lost = True
    address = await wrote(pool, shop, "c2", NOON - timedelta(hours=1))
    whatsapp.client_wrote(address, NOON - timedelta(hours=30))
    [(message_id, _, _)] = await queue(pool, shop, [("c2", "transactional")])
    sender = make_sender()
    first = await sender.step(NOON)
    await sender.step(NOON + timedelta(seconds=1))

    assert first.error_codes == {} and whatsapp.refusals == {131047: 1}
    stored = (await rows(pool, shop))[str(message_id)]
    assert (stored["status"], stored["attempts"]) == ("sent", 2)
    assert n8n.delivered[str(message_id)]["send_as"] == "template"
