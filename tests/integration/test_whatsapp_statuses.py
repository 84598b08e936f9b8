"""Meta's refusals that come after it accepted a message (a `failed` status on its webhook), through
the real sender, PostgreSQL and salon actors: the same code means what it means at send time —
resend as the template, opt the client out, wait a day once, fail with Meta's words — and a
repeat, an unknown id or another salon's id changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg

from actors.host import TenantHostCore
from actors.sender import SenderCore
from domain.commands import MessageStatusRecorded, ReportMessageStatus
from tests.factories import SalonIds, make_salon
from tests.fakes.n8n import FakeN8n
from tests.fakes.whatsapp import FakeWhatsApp
from tests.integration.conftest import import_committed
from tests.integration.sender_support import MakeSender, events, local, queue, route, rows
from tests.integration.test_whatsapp_rules import meta, wrote

NOON = local(1, 12)


async def report(
    host: TenantHostCore, shop: SalonIds, status: dict[str, Any]
) -> MessageStatusRecorded:
    """Meta's status as the inbound workflow forwards it (its first error's code and title)."""
    error = status["errors"][0]
    command = ReportMessageStatus(
        whatsapp_message_id=status["id"],
        error_code=error["code"],
        error_title=error["title"],
        failed_at=NOON,
    )
    result: MessageStatusRecorded = await host.call(shop.tenant, command)
    return result


async def stored(pool: asyncpg.Pool, shop: SalonIds, message_id: UUID) -> asyncpg.Record:
    row: asyncpg.Record = await pool.fetchrow(
        "SELECT status, attempts, sent_as, template_only, resends, whatsapp_message_id,"
        " error_code, last_error FROM outbound_message WHERE tenant_id = $1 AND id = $2",
        shop.tenant,
        message_id,
    )
    return row


async def sent_then_refused(
    n8n: FakeN8n,
    pool: asyncpg.Pool,
    shop: SalonIds,
    sender: SenderCore,
    message: tuple[str, str],
    codes: list[int],
    *,
    wrote_ago: timedelta,
) -> tuple[FakeWhatsApp, str, UUID]:
    """One message (client key, kind) to a client who wrote `wrote_ago` before noon, sent at noon
    and accepted by Meta, which reports it failed later with each of `codes` in turn."""
    whatsapp = await meta(n8n, pool, shop, [NOON])
    address = await wrote(pool, shop, message[0], NOON - wrote_ago)
    whatsapp.client_wrote(address, NOON - wrote_ago)
    whatsapp.late_refusals[address] = codes
    [(message_id, _, _)] = await queue(pool, shop, [message])
    await sender.step(NOON)
    return whatsapp, address, message_id


async def test_a_text_failed_later_as_outside_the_window_goes_again_as_its_template(
    make_sender: MakeSender,
    n8n: FakeN8n,
    pool: asyncpg.Pool,
    shop: SalonIds,
    host: TenantHostCore,
) -> None:
    sender = make_sender()
    whatsapp, address, message_id = await sent_then_refused(
        n8n, pool, shop, sender, ("c1", "transactional"), [131047], wrote_ago=timedelta(hours=2)
    )

    accepted = await stored(pool, shop, message_id)
    assert (accepted["status"], accepted["sent_as"]) == ("sent", "text")
    assert accepted["whatsapp_message_id"] == n8n.whatsapp_ids[str(message_id)]
    [status] = whatsapp.statuses
    answer = await report(host, shop, status)
    assert answer == MessageStatusRecorded(message_id=message_id, outcome="retry")
    again = await stored(pool, shop, message_id)
    assert (again["status"], again["template_only"], again["resends"]) == ("queued", True, 1)
    assert again["whatsapp_message_id"] is None
    assert await report(host, shop, status) == MessageStatusRecorded()  # a repeat: nothing

    await sender.step(NOON + timedelta(seconds=1))
    # A new Idempotency-Key: n8n would drop the first one's repeat without sending it.
    resent = n8n.delivered[f"{message_id}:1"]
    assert (resent["send_as"], resent["template"]["name"]) == (
        "template",
        "agenda_cheia_salon_message",
    )
    final = await stored(pool, shop, message_id)
    assert (final["status"], final["sent_as"], final["attempts"]) == ("sent", "template", 2)
    [deferred] = await events(pool, shop, "notification_deferred")
    assert (deferred["message_id"], deferred["error_code"]) == (str(message_id), 131047)
    sent = await events(pool, shop, "notification_sent")
    assert [e["sent_as"] for e in sent] == ["text", "template"]
    # The refused text never reached the client; the template did.
    assert (whatsapp.texts[address], whatsapp.templates) == (0, {"UTILITY": 1})


async def test_a_client_who_stopped_marketing_is_opted_out_when_meta_says_so_later(
    make_sender: MakeSender,
    n8n: FakeN8n,
    pool: asyncpg.Pool,
    shop: SalonIds,
    host: TenantHostCore,
) -> None:
    sender = make_sender()
    whatsapp, _, offer = await sent_then_refused(
        n8n, pool, shop, sender, ("c4", "marketing"), [131050], wrote_ago=timedelta(days=3)
    )
    [status] = whatsapp.statuses

    assert await report(host, shop, status) == MessageStatusRecorded(
        message_id=offer, outcome="failed"
    )
    failed = await stored(pool, shop, offer)
    assert (failed["status"], failed["error_code"]) == ("failed", 131050)
    client = await pool.fetchrow(
        "SELECT marketing_opt_out, marketing_consent_at FROM client"
        " WHERE tenant_id = $1 AND id = $2",
        shop.tenant,
        shop.of("client", "c4"),
    )
    assert client["marketing_opt_out"] is True
    consent = await pool.fetchrow(
        "SELECT granted, source FROM client_consent WHERE tenant_id = $1 AND client_id = $2"
        " ORDER BY recorded_at DESC LIMIT 1",
        shop.tenant,
        shop.of("client", "c4"),
    )
    assert (consent["granted"], consent["source"]) == (False, "whatsapp")
    assert await events(pool, shop, "client_opted_out") == [
        {"client_id": str(shop.of("client", "c4")), "source": "whatsapp"}
    ]
    [event] = await events(pool, shop, "notification_failed")
    assert (event["error_code"], "stopped marketing" in event["reason"]) == (131050, True)

    [(later, _, _)] = await queue(pool, shop, [("c4", "marketing")])
    await sender.step(NOON + timedelta(seconds=1))
    assert (await rows(pool, shop))[str(later)]["status"] == "skipped"
    assert str(later) not in n8n.delivered


async def test_the_marketing_limit_reported_later_waits_a_day_and_a_second_one_fails(
    make_sender: MakeSender,
    n8n: FakeN8n,
    pool: asyncpg.Pool,
    shop: SalonIds,
    host: TenantHostCore,
) -> None:
    sender = make_sender()
    whatsapp, _, offer = await sent_then_refused(
        n8n, pool, shop, sender, ("c5", "marketing"), [131049, 131049], wrote_ago=timedelta(days=5)
    )
    before = datetime.now(UTC)
    assert (await report(host, shop, whatsapp.statuses[0])).outcome == "retry"
    [deferred] = await events(pool, shop, "notification_deferred")
    retry_at = datetime.fromisoformat(deferred["retry_at"])
    assert retry_at >= before + timedelta(hours=24)  # a day after Meta's refusal
    next_attempt = await pool.fetchval(
        "SELECT next_attempt_at FROM outbound_message WHERE tenant_id = $1 AND id = $2",
        shop.tenant,
        offer,
    )
    assert next_attempt == retry_at

    await sender.step(NOON + timedelta(days=2))
    assert n8n.delivered[f"{offer}:1"]["marketing"] is True
    assert (await report(host, shop, whatsapp.statuses[1])).outcome == "failed"
    final = await stored(pool, shop, offer)
    assert (final["status"], final["error_code"], final["resends"]) == ("failed", 131049, 1)
    assert deferred["error_code"] == 131049
    [failed] = await events(pool, shop, "notification_failed")
    assert "twice" in failed["reason"]


async def test_an_unknown_code_fails_with_metas_words_and_foreign_ids_change_nothing(
    make_sender: MakeSender,
    n8n: FakeN8n,
    pool: asyncpg.Pool,
    shop: SalonIds,
    host: TenantHostCore,
) -> None:
    whatsapp, _, message_id = await sent_then_refused(
        n8n,
        pool,
        shop,
        make_sender(),
        ("c6", "transactional"),
        [131000],
        wrote_ago=timedelta(hours=1),
    )
    [status] = whatsapp.statuses

    other = await import_committed(pool, make_salon())
    await route(pool, other, n8n.url)
    assert await report(host, other, status) == MessageStatusRecorded()  # not its message
    unknown = {**status, "id": "wamid.unknown"}
    assert await report(host, shop, unknown) == MessageStatusRecorded()
    assert (await stored(pool, shop, message_id))["status"] == "sent"

    assert (await report(host, shop, status)).outcome == "failed"
    [failed] = await events(pool, shop, "notification_failed")
    assert failed["reason"] == "WhatsApp did not deliver it (131000: Meta's refusal 131000)"
    assert failed["error_code"] == 131000
