"""A week of one salon's WhatsApp on real PostgreSQL, Redis and the real sender, against a fake
n8n that applies Meta's rules (free text only within 24 h of the client's last message, refusals
chosen per number), on a clock the test moves an hour at a time.

Prazo Certo and Encher Agenda run every morning; the salon requires an opt-in. ana is due and says
"sim" (her reply comes back as text); the owner approves the next day, outside her window (the
confirmation and the reminder go as templates). bruno stopped the salon's marketing on WhatsApp
itself (Meta answers 131050: he is opted out and never offered again); carla hits Meta's marketing
limit once (131049: held a day, then sent; offers stay open three days); davi asks a question
(answered as text); elisa opted out long ago; fernanda is due but never opted in. Whatever the
campaigns chose, every message that should reach a client does, as text or template, and none
reaches a client who opted out or never opted in.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg

from actors.salon import Salon
from actors.scheduler import SchedulerCore
from actors.sender import SenderCore
from config.settings import Settings
from domain.commands import (
    Command,
    DecideAuthRequest,
    ReceiveMessage,
    SetCampaignSchedule,
    SetSalonSettings,
)
from domain.salon_import import ClientPart, ConsentPart, SalonFile, VisitPart
from domain.salon_settings import SettingsChoice
from integrations.event_stream import EventStream
from integrations.n8n import N8nClient
from tests.factories import SalonIds, make_salon, next_phone
from tests.fakes.n8n import FakeN8n
from tests.fakes.whatsapp import FakeWhatsApp
from tests.integration.conftest import import_committed
from tests.integration.sender_support import route

ZONE = ZoneInfo("America/Sao_Paulo")
DAY_0 = datetime.now(ZONE).date()


def local(day: int, hour: int) -> datetime:
    return datetime.combine(DAY_0 + timedelta(days=day), time(hour), ZONE)


def week_salon() -> SalonFile:
    def client(key: str, name: str, days_before: int, **extra: Any) -> ClientPart:
        visit = VisitPart(service="corte", professional="carol", starts_at=local(-days_before, 8))
        consent = ConsentPart(granted_at=visit.starts_at, text="Aceitou ofertas na ficha")
        extra = {"marketing_consent": consent} | extra
        return ClientPart(key=key, name=name, phone=next_phone(), visits=[visit], **extra)

    return make_salon(
        clients=[
            client("ana", "Ana Souza", 44),
            client("bruno", "Bruno Lima", 46),
            client("carla", "Carla Dias", 45),
            client("davi", "Davi Rocha", 5),
            client("elisa", "Elisa Melo", 60, marketing_opt_out=True, marketing_consent=None),
            client("fernanda", "Fernanda Reis", 47, marketing_consent=None),
        ]
    )


class Week:
    def __init__(self, pool: asyncpg.Pool, stream: EventStream, ids: SalonIds, file: SalonFile):
        self.pool, self.ids, self.file = pool, ids, file
        self.now = local(1, 0)
        self.salon = Salon(ids.tenant, pool=pool, stream=stream, clock=lambda: self.now)
        self.whatsapp = FakeWhatsApp(clock=lambda: self.now)
        self.plan: dict[datetime, list[Callable[[], Awaitable[None]]]] = {}

    async def send(self, _tenant_id: UUID, command: Command[Any]) -> Any:
        return await self.salon.handle(command)

    def phone(self, key: str) -> str:
        return next(c.phone for c in self.file.clients if c.key == key)

    def says(self, key: str, text: str) -> Callable[[], Awaitable[None]]:
        async def act() -> None:
            self.whatsapp.client_wrote(self.phone(key).lstrip("+"))
            await self.salon.handle(
                ReceiveMessage(
                    client_name=key, phone=self.phone(key), message=text, sent_at=self.now
                )
            )
            await self.salon.drain()

        return act

    def approves(self, key: str) -> Callable[[], Awaitable[None]]:
        async def act() -> None:
            request_id = await self.pool.fetchval(
                "SELECT id FROM auth_request WHERE tenant_id = $1 AND status = 'pending'"
                " AND client_id = $2 AND client_state = 'accepted'",
                self.ids.tenant,
                self.ids.of("client", key),
            )
            assert request_id is not None, f"{key} accepted an offer to approve"
            await self.salon.handle(
                DecideAuthRequest(
                    request_id=request_id, decision="approve", decided_by=self.ids.owner
                )
            )

        return act

    async def live(self, scheduler: SchedulerCore, sender: SenderCore, until: datetime) -> None:
        while self.now <= until:
            await scheduler.step(self.now, [self.ids.tenant])
            for action in self.plan.pop(self.now, []):
                await action()
            for _ in range(5):  # a resend as a template goes out in the same hour
                if not (await sender.step(self.now)).claimed:
                    break
            self.now += timedelta(hours=1)
        assert not self.plan, "every planned action ran"


async def test_a_week_of_whatsapp_reaches_every_client_it_should_and_no_one_else(
    pool: asyncpg.Pool,
    stream: EventStream,
    settings: Settings,
    sender_settings: Settings,
    n8n: FakeN8n,
) -> None:
    salon_file = week_salon()
    ids = await import_committed(pool, salon_file)
    week = Week(pool, stream, ids, salon_file)
    n8n.whatsapp = week.whatsapp
    await route(pool, ids, n8n.url)
    week.whatsapp.stopped_marketing.add(week.phone("bruno").lstrip("+"))
    week.whatsapp.marketing_limited[week.phone("carla").lstrip("+")] = 1
    await week.salon.activate()
    # Offers stay open three days (one Meta holds back a day still goes out), and only to
    # clients who opted in (as every new salon by default).
    choice = SettingsChoice(offer_expiry_h=72, require_marketing_consent=True)
    await week.salon.handle(
        SetSalonSettings(choice=choice, fields=("offer_expiry_h", "require_marketing_consent"))
    )
    for campaign, hour in (("prazo_certo", 9), ("encher_agenda", 10)):
        await week.salon.handle(
            SetCampaignSchedule(
                campaign_type=campaign,
                enabled=True,
                local_time=time(hour),
                weekdays=tuple(range(7)),
            )
        )
    scheduler = SchedulerCore(settings, pool, week.send, week.send)
    client = N8nClient(sender_settings)
    sender = SenderCore(
        sender_settings,
        pool=pool,
        client=client,
        record=week.send,
        clock=lambda: week.now,
        random_fraction=random.Random(3).random,
    )
    week.plan[local(1, 12)] = [week.says("ana", "Sim, quero esse horário")]
    week.plan[local(2, 15)] = [week.approves("ana")]
    week.plan[local(3, 11)] = [week.says("davi", "Oi! Vocês aceitam pix?")]
    try:
        await week.live(scheduler, sender, until=local(7, 23))
    finally:
        await client.close()

    rows = await pool.fetch(
        """SELECT m.id, c.name, m.kind, m.status, m.sent_as, m.error_code, m.last_error,
                  m.template, m.not_before
           FROM outbound_message m JOIN client c ON c.tenant_id = m.tenant_id AND c.id = m.client_id
           WHERE m.tenant_id = $1""",
        ids.tenant,
    )
    first = {row["id"]: row["name"].split()[0] for row in rows}
    received = {
        body["message_id"]: body for bodies in week.whatsapp.received.values() for body in bodies
    }
    sent = {str(r["id"]) for r in rows if r["status"] == "sent"}
    # Every message recorded as sent reached its client, and only those.
    assert set(received) == sent
    assert not any(first[UUID(m)] in {"Bruno", "Elisa", "Fernanda"} for m in received)
    assert not [r for r in rows if first[r["id"]] == "Fernanda"]  # due, never asked: not offered
    # What did not go: bruno's refused offer (and any of his later ones), offers closed before
    # they left; nothing still waiting that was due.
    unsent = [r for r in rows if r["status"] != "sent"]
    assert {
        (r["name"].split()[0], r["status"], r["error_code"])
        for r in unsent
        if r["status"] == "failed"
    } == {("Bruno", "failed", 131050)}
    assert not [r for r in unsent if r["status"] == "queued" and r["not_before"] <= week.now]
    assert all(
        r["last_error"] in {"opted_out", "offer_closed"} for r in unsent if r["status"] == "skipped"
    )
    # Our window is Meta's: no free text was ever refused as outside it.
    assert set(week.whatsapp.refusals) == {131050, 131049}
    assert week.whatsapp.refusals[131049] == 1
    forms = Counter((r["kind"], r["sent_as"]) for r in rows if r["status"] == "sent")
    assert forms[("transactional", "text")] >= 2  # the replies to ana and davi
    assert forms[("transactional", "template")] >= 1  # ana's confirmation, a day later
    assert forms[("reminder", "template")] >= 1
    marketing_templates = sum(
        n for (kind, form), n in forms.items() if kind == "marketing" and form == "template"
    )
    assert week.whatsapp.templates["MARKETING"] == marketing_templates > 0
    carla = [r for r in rows if first[r["id"]] == "Carla"]
    assert [(r["kind"], r["status"], r["sent_as"]) for r in carla] == [
        ("marketing", "sent", "template")
    ]
    opted = await pool.fetch(
        "SELECT data FROM event WHERE tenant_id = $1 AND event_type = 'client_opted_out'",
        ids.tenant,
    )
    assert [o["data"] for o in opted] == [
        {"client_id": str(ids.of("client", "bruno")), "source": "whatsapp"}
    ]
    deferred = await pool.fetch(
        "SELECT data FROM event WHERE tenant_id = $1 AND event_type = 'notification_deferred'",
        ids.tenant,
    )
    assert [d["data"]["client_id"] for d in deferred] == [str(ids.of("client", "carla"))]
