"""A month of one salon's life on real PostgreSQL and Redis, on a clock the test moves an hour at a
time: the scheduler's daily Prazo Certo run (and its upkeep: offers expiring, visits nobody
marked completing), the clients' answers in the chat, the owner's decisions, the staff's marks and
a cancellation, checked against what was worked out by hand below.

The salon is open every day, 00:00–23:59; every past visit was at 08:00 local, so a client's
cycle ends at 08:00 and the 09:00 run offers the slot of their habit (same weekday, 08:00) in the
next seven days. Day 0 is today; the month is days 1–30. W is day 0's weekday.

- ana: corte 44 days before day 0 → due on day 1. Says "sim", the owner approves: day 5 08:00.
  Nobody marks it: it completes 12 h after it ends, and her last visit is day 5 — not offered
  again this month (she came back: no recall "a week later").
- bruno: barba 14 days before → due on day 1, offered on days 1, 8, 15, 22 and 29 (the weekly
  cap, never a completed visit): day 1 expires unanswered; day 8 the owner pre-approves and
  his "sim" books day 14 at once — a no-show; day 15 "não"; days 22 and 29 expire.
- carla: corte 35 days before → due on day 10; "sim", approved for day 14, cancelled by the salon
  on day 12; offered again on day 17, approved for day 21, marked completed by the staff.
- fabio: barba 12 days before → due on day 3; "sim", the owner rejects; offered again on day 10,
  "sim", approved for day 16, completes on its own. Due again on day 31: not this month.
- davi: corte 5 days before: never due this month. elisa: due, opted out: never offered.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg

from actors.salon import Salon
from actors.scheduler import SchedulerCore
from config.settings import Settings
from db.read.funnel import campaign_funnel
from domain.campaigns import CampaignOptions
from domain.commands import (
    Command,
    DecideAuthRequest,
    DeliveryOutcome,
    MarkAppointment,
    ReceiveMessage,
    RecordDeliveries,
    RunCampaign,
    SetCampaignSchedule,
)
from domain.salon_import import ClientPart, SalonFile, VisitPart
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_salon, next_phone
from tests.integration.conftest import import_committed

ZONE = ZoneInfo("America/Sao_Paulo")
DAY_0 = datetime.now(ZONE).date()
MONTH = range(1, 31)


def local(day: int, hour: int) -> datetime:
    return datetime.combine(DAY_0 + timedelta(days=day), time(hour), ZONE)


def weekday_of(day: int) -> int:
    return (DAY_0 + timedelta(days=day)).weekday()


def month_salon() -> SalonFile:
    def client(key: str, name: str, days_before: int, service: str, **extra: Any) -> ClientPart:
        professional = "carol" if service == "corte" else "rafael"
        visit = VisitPart(
            service=service, professional=professional, starts_at=local(-days_before, 8)
        )
        return ClientPart(key=key, name=name, phone=next_phone(), visits=[visit], **extra)

    return make_salon(
        clients=[
            client("ana", "Ana Souza", 44, "corte"),
            client("bruno", "Bruno Lima", 14, "barba"),
            client("carla", "Carla Dias", 35, "corte"),
            client("fabio", "Fábio Reis", 12, "barba"),
            client("davi", "Davi Rocha", 5, "corte"),
            client("elisa", "Elisa Melo", 60, "corte", marketing_opt_out=True),
        ]
    )


class Month:
    """The salon, its clock and what the test does at given hours (after that hour's step)."""

    def __init__(
        self, pool: asyncpg.Pool, stream: EventStream, file: SalonFile, ids: SalonIds
    ) -> None:
        self.pool, self.file, self.ids = pool, file, ids
        self.now = local(1, 0)
        self.salon = Salon(ids.tenant, pool=pool, stream=stream, clock=self.clock)
        self.plan: dict[datetime, list[Callable[[], Awaitable[None]]]] = {}

    def clock(self) -> datetime:
        return self.now

    def at(self, day: int, hour: int, action: Callable[[], Awaitable[None]]) -> None:
        self.plan.setdefault(local(day, hour), []).append(action)

    async def send(self, _tenant_id: UUID, command: Command[Any]) -> Any:
        return await self.salon.handle(command)

    async def live(self, scheduler: SchedulerCore, until: datetime) -> None:
        while self.now <= until:
            await scheduler.step(self.now, [self.ids.tenant])
            await self.deliver()
            for action in self.plan.pop(self.now, []):
                await action()
            self.now += timedelta(hours=1)
        assert not self.plan, "every planned action ran"

    async def deliver(self) -> None:
        """What the WhatsApp sender reports for the salon's messages due now: sent (the real
        sender's scan is across all salons; this month's clock must not touch the others')."""
        due = await self.pool.fetch(
            "SELECT id FROM outbound_message WHERE tenant_id = $1 AND status = 'queued'"
            " AND not_before <= $2",
            self.ids.tenant,
            self.now,
        )
        if due:
            outcomes = [DeliveryOutcome(message_id=r["id"], status="sent", attempts=1) for r in due]
            await self.salon.handle(RecordDeliveries(outcomes=outcomes))

    # What the people do.

    def says(self, client: str, text: str) -> Callable[[], Awaitable[None]]:
        async def act() -> None:
            phone = next(c.phone for c in self.file.clients if c.key == client)
            await self.salon.handle(
                ReceiveMessage(client_name=client, phone=phone, message=text, sent_at=self.now)
            )
            await self.salon.drain()

        return act

    def owner(self, client: str, decision: str) -> Callable[[], Awaitable[None]]:
        async def act() -> None:
            request_id = await self.pool.fetchval(
                "SELECT id FROM auth_request WHERE tenant_id = $1 AND status = 'pending'"
                " AND client_id = $2",
                self.ids.tenant,
                self.ids.of("client", client),
            )
            assert request_id is not None, f"{client} has a pending offer to decide"
            await self.salon.handle(
                DecideAuthRequest(
                    request_id=request_id,
                    decision=decision,  # type: ignore[arg-type]
                    decided_by=self.ids.owner,
                )
            )

        return act

    def marks(
        self, client: str, status: str, reason: str | None = None
    ) -> Callable[[], Awaitable[None]]:
        async def act() -> None:
            appointment_id = await self.pool.fetchval(
                "SELECT id FROM appointment WHERE tenant_id = $1 AND client_id = $2"
                " AND status = 'booked'",
                self.ids.tenant,
                self.ids.of("client", client),
            )
            assert appointment_id is not None, f"{client} has a booking to mark"
            await self.salon.handle(
                MarkAppointment(
                    appointment_id=appointment_id,
                    status=status,  # type: ignore[arg-type]
                    reason=reason,
                    changed_by=self.ids.of("user", "staff"),
                )
            )

        return act

    # What is read back.

    async def offers(self) -> dict[str, list[tuple[date, str, str, date]]]:
        """Per client: (run day, status, client state, offered day) of each offer, in order."""
        rows = await self.pool.fetch(
            """SELECT c.name, r.local_date, q.status, q.client_state, q.starts_at
               FROM auth_request q JOIN campaign_run r ON r.tenant_id = q.tenant_id
                    AND r.id = q.campaign_run_id
               JOIN client c ON c.tenant_id = q.tenant_id AND c.id = q.client_id
               WHERE q.tenant_id = $1 ORDER BY r.local_date""",
            self.ids.tenant,
        )
        found: dict[str, list[tuple[date, str, str, date]]] = {}
        for row in rows:
            first = row["name"].split()[0].lower().replace("á", "a")
            offered_day = row["starts_at"].astimezone(ZONE).date()
            found.setdefault(first, []).append(
                (row["local_date"], row["status"], row["client_state"], offered_day)
            )
        return found

    async def appointments(self) -> list[tuple[str, date, str]]:
        """Bookings made this month: (client, local day, status), by time."""
        rows = await self.pool.fetch(
            """SELECT c.name, a.starts_at, a.status FROM appointment a
               JOIN client c ON c.tenant_id = a.tenant_id AND c.id = a.client_id
               WHERE a.tenant_id = $1 AND a.starts_at > $2 ORDER BY a.starts_at, c.name""",
            self.ids.tenant,
            local(0, 23),
        )
        return [
            (row["name"].split()[0], row["starts_at"].astimezone(ZONE).date(), row["status"])
            for row in rows
        ]


def day(n: int) -> date:
    return DAY_0 + timedelta(days=n)


async def test_a_month_of_salon_life(
    pool: asyncpg.Pool, stream: EventStream, settings: Settings
) -> None:
    salon_file = month_salon()
    ids = await import_committed(pool, salon_file)
    month = Month(pool, stream, salon_file, ids)
    await month.salon.activate()
    everyday = tuple(range(7))
    for campaign, enabled in (("prazo_certo", True), ("encher_agenda", False)):
        await month.salon.handle(
            SetCampaignSchedule(
                campaign_type=campaign, enabled=enabled, local_time=time(9), weekdays=everyday
            )
        )
    scheduler = SchedulerCore(settings, pool, month.send, month.send)
    # The habit weekday of bruno, carla and fabio's offers is checked before the month runs.
    assert {weekday_of(d) for d in (7, 14, 21, 28)} == {weekday_of(0)}

    month.at(1, 10, month.says("ana", "Sim, pode ser!"))
    month.at(1, 11, month.owner("ana", "approve"))
    month.at(3, 10, month.says("fabio", "sim"))
    month.at(3, 12, month.owner("fabio", "reject"))
    month.at(8, 10, month.owner("bruno", "approve"))  # before he answered: a pre-approval
    month.at(8, 11, month.says("bruno", "Sim"))
    month.at(10, 10, month.says("fabio", "sim, quero"))
    month.at(10, 11, month.owner("fabio", "approve"))
    month.at(10, 12, month.says("carla", "sim"))
    month.at(10, 13, month.owner("carla", "approve"))
    month.at(12, 15, month.marks("carla", "cancelled", "Profissional doente"))
    month.at(14, 12, month.marks("bruno", "no_show"))
    month.at(15, 12, month.says("bruno", "Não, obrigado"))
    month.at(17, 10, month.says("carla", "sim"))
    month.at(17, 11, month.owner("carla", "approve"))
    month.at(21, 10, month.marks("carla", "completed"))
    await month.live(scheduler, until=local(30, 18))

    offers = await month.offers()
    assert offers == {
        "ana": [(day(1), "approved", "accepted", day(5))],
        "bruno": [
            (day(1), "closed", "expired", day(7)),
            (day(8), "approved", "accepted", day(14)),
            (day(15), "closed", "declined", day(21)),
            (day(22), "closed", "expired", day(28)),
            (day(29), "closed", "expired", day(35)),
        ],
        "carla": [
            (day(10), "approved", "accepted", day(14)),
            (day(17), "approved", "accepted", day(21)),
        ],
        "fabio": [
            (day(3), "rejected", "accepted", day(9)),
            (day(10), "approved", "accepted", day(16)),
        ],
    }
    assert await month.appointments() == [
        ("Ana", day(5), "completed"),
        ("Bruno", day(14), "no_show"),
        ("Carla", day(14), "cancelled"),
        ("Fábio", day(16), "completed"),
        ("Carla", day(21), "completed"),
    ]
    await check_what_the_clients_read(month)
    await check_the_events(month)
    await check_the_funnel(month)
    # A run planned on the evening of day 30, storing nothing: nobody who came back is due.
    assert month.now == local(30, 19)
    preview = await month.salon.handle(
        RunCampaign(
            run_key="month-end-preview",
            campaign_type="prazo_certo",
            trigger="manual",
            dry_run=True,
            options=CampaignOptions(),
        )
    )
    assert preview.suggestions == []
    assert {s.client_name: s.reason for s in preview.skips} == {
        "Bruno Lima": "frequency_cap",
        "Elisa Melo": "opted_out",
    }


async def check_what_the_clients_read(month: Month) -> None:
    rows = await month.pool.fetch(
        """SELECT c.name, m.kind, m.status, m.body FROM outbound_message m
           JOIN client c ON c.tenant_id = m.tenant_id AND c.id = m.client_id
           WHERE m.tenant_id = $1 ORDER BY m.not_before, m.created_at""",
        month.ids.tenant,
    )
    by_kind: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        by_kind.setdefault((row["name"].split()[0], row["kind"]), []).append(row["status"])
    # One reminder per booking, a day before; the cancelled booking's was never sent.
    assert {k: v for k, v in by_kind.items() if k[1] == "reminder"} == {
        ("Ana", "reminder"): ["sent"],
        ("Bruno", "reminder"): ["sent"],
        ("Carla", "reminder"): ["skipped", "sent"],
        ("Fábio", "reminder"): ["sent"],
    }
    assert {k: len(v) for k, v in by_kind.items() if k[1] == "marketing"} == {
        ("Ana", "marketing"): 1,
        ("Bruno", "marketing"): 5,
        ("Carla", "marketing"): 2,
        ("Fábio", "marketing"): 2,
    }
    told = {
        (row["name"].split()[0], row["body"])
        for row in rows
        if row["kind"] == "transactional" and row["status"] == "sent"
    }
    assert any(name == "Carla" and "cancelado" in body for name, body in told)
    assert any(name == "Fábio" and "não conseguiu confirmar" in body for name, body in told)
    assert not any(name in {"Davi", "Elisa"} for name, _ in told)


async def check_the_events(month: Month) -> None:
    """Every change reached the stream as an event (what the dashboard's socket reads)."""
    rows = await month.pool.fetch(
        "SELECT event_type, data, published_at FROM event WHERE tenant_id = $1 ORDER BY event_id",
        month.ids.tenant,
    )
    assert all(row["published_at"] is not None for row in rows)
    marks = [
        (row["data"]["client_name"].split()[0], row["data"]["status"], row["data"]["changed_by"])
        for row in rows
        if row["event_type"] == "appointment_updated"
    ]
    staff = str(month.ids.of("user", "staff"))
    assert marks == [
        ("Ana", "completed", None),
        ("Carla", "cancelled", staff),
        ("Bruno", "no_show", staff),
        ("Fábio", "completed", None),
        ("Carla", "completed", staff),
    ]
    counted = {t: 0 for t in ("appointment_created", "auth_request_created", "campaign_completed")}
    for row in rows:
        if row["event_type"] in counted:
            counted[row["event_type"]] += 1
    assert counted == {
        "appointment_created": 5,
        "auth_request_created": 10,
        "campaign_completed": 30,
    }


async def check_the_funnel(month: Month) -> None:
    async with month.pool.acquire() as conn:
        funnel = await campaign_funnel(
            conn,
            tenant_id=month.ids.tenant,
            from_date=day(1),
            to_date=day(30),
            campaign_types=["prazo_certo"],
        )
    [total] = funnel.totals
    counts = total.model_dump(exclude={"campaign_type"})
    assert counts == {
        "runs": 30,
        "offers": 10,
        "sent": 10,
        "delivered": None,
        "accepted": 6,  # ana, bruno's day 8, carla twice, fabio twice (one rejected)
        "declined": 1,
        "expired": 3,
        "withdrawn": 0,
        "preapproved": 1,
        "booked": 5,
        "attended": 3,  # ana, fabio (on their own), carla (marked)
        "no_show": 1,
        "cancelled": 1,
        "revenue_booked_cents": 12000 + 4500 + 4500 + 12000,
        "revenue_attended_cents": 12000 + 4500 + 12000,
    }
    assert len(funnel.runs) == 30
    assert all(run.trigger == "schedule" for run in funnel.runs)
