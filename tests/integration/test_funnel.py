"""The campaign funnel on real PostgreSQL and Redis: campaigns run through the salon's actor,
clients answer on WhatsApp, the salon approves, moves, cancels and marks visits, offers expire;
the funnel counts what was stored, per campaign type and per run, for the salon asked about only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from actors.salon import Salon as SalonActor
from db.read.funnel import COUNTS, Funnel, campaign_funnel
from domain.campaigns import CampaignOptions
from domain.commands import (
    CampaignResult,
    CloseStaleRequests,
    DeliveryOutcome,
    MarkAppointment,
    MoveAppointment,
    RecordDeliveries,
    RunCampaign,
)
from domain.models import Offer
from domain.salon_import import ClientPart, SalonFile, VisitPart
from domain.vocabulary import CAMPAIGN_TYPES, AppointmentMark, CampaignType, DeliveryStatus
from integrations.event_stream import EventStream
from tests.factories import SalonIds, days_ago, make_recall_salon, make_salon, next_phone
from tests.integration.conftest import import_committed
from tests.integration.test_offer_lifecycle import Clock, decide, says

ZONE = ZoneInfo("America/Sao_Paulo")
PRAZO_CERTO = [f"p{i}" for i in range(1, 8)]  # corte with Carol 50 days ago: due
ENCHER_AGENDA = ["e1", "e2", "e3"]  # barba with Rafael 20 days ago: Rafael's regulars
EARLIER = ["o1"]  # barba with Carol 20 days ago: due for barba, not Rafael's


def visit(days: int, service: str, professional: str, hour: int) -> VisitPart:
    return VisitPart(service=service, professional=professional, starts_at=days_ago(days, hour))


def funnel_salon() -> SalonFile:
    def client(key: str, *visits: VisitPart) -> ClientPart:
        return ClientPart(key=key, name=f"Cliente {key}", phone=next_phone(), visits=list(visits))

    return make_salon(
        clients=[client(k, visit(50, "corte", "carol", 9 + i)) for i, k in enumerate(PRAZO_CERTO)]
        + [client(k, visit(20, "barba", "rafael", 9 + i)) for i, k in enumerate(ENCHER_AGENDA)]
        + [client(k, visit(20, "barba", "carol", 9)) for k in EARLIER]
    )


@dataclass
class Played:
    ids: SalonIds
    other: SalonIds
    today: date
    runs: dict[str, UUID]  # A, B, C: this salon's runs; U: the other salon's


class Campaigner:
    """One salon's actor on the test's clock, and what its runs offered to whom."""

    def __init__(self, salon: SalonActor, ids: SalonIds, salon_file: SalonFile) -> None:
        self.salon, self.ids, self.file = salon, ids, salon_file
        self.offers: dict[str, UUID] = {}  # client key → auth request id
        self.runs: dict[str, UUID] = {}  # run name → run id

    async def run(
        self, name: str, campaign_type: CampaignType, local_date: date | None = None, **options: Any
    ) -> CampaignResult:
        result = await self.salon.handle(
            RunCampaign(
                run_key=f"funnel-{name}",
                campaign_type=campaign_type,
                trigger="schedule" if local_date else "manual",
                local_date=local_date,
                options=CampaignOptions(**options),
            )
        )
        assert result.run_id is not None
        self.runs[name] = result.run_id
        keys = {self.ids.of("client", c.key): c.key for c in self.file.clients}
        for s in result.suggestions:
            assert s.auth_request_id is not None
            self.offers[keys[s.client_id]] = s.auth_request_id
        return result

    async def deliver(self, pool: asyncpg.Pool, outcomes: dict[str, DeliveryStatus]) -> None:
        """The sender's reports for the offers' WhatsApp messages (what `sent` counts)."""
        rows = await pool.fetch(
            "SELECT id, related_id FROM outbound_message WHERE tenant_id = $1"
            " AND kind = 'marketing'",
            self.ids.tenant,
        )
        message_of = {row["related_id"]: row["id"] for row in rows}
        await self.salon.handle(
            RecordDeliveries(
                outcomes=[
                    DeliveryOutcome(
                        message_id=message_of[self.offers[key]], status=status, attempts=1
                    )
                    for key, status in outcomes.items()
                ]
            )
        )

    async def says(self, key: str, text: str) -> None:
        await says(self.salon, self.file, key, text)

    async def decide(self, key: str, decision: str = "approve") -> None:
        await self.salon.handle(decide(self.ids, self.offers[key], decision))

    async def appointment(self, pool: asyncpg.Pool, key: str) -> UUID:
        found: UUID | None = await pool.fetchval(
            "SELECT appointment_id FROM auth_request WHERE tenant_id = $1 AND id = $2",
            self.ids.tenant,
            self.offers[key],
        )
        assert found is not None, f"{key} has no appointment"
        return found

    async def mark(self, pool: asyncpg.Pool, key: str, status: AppointmentMark) -> None:
        await self.salon.handle(
            MarkAppointment(
                appointment_id=await self.appointment(pool, key),
                status=status,
                changed_by=self.ids.owner,
            )
        )


async def campaigner(
    pool: asyncpg.Pool, stream: EventStream, clock: Clock, salon_file: SalonFile
) -> Campaigner:
    ids = await import_committed(pool, salon_file)
    salon = SalonActor(ids.tenant, pool=pool, stream=stream, clock=clock)
    await salon.activate()
    return Campaigner(salon, ids, salon_file)


async def play_other_salon(pool: asyncpg.Pool, stream: EventStream, clock: Clock) -> Campaigner:
    """Another salon, same days: one Prazo Certo run, one offer booked. Never in the first's."""
    other = await campaigner(pool, stream, clock, make_recall_salon())
    await other.run("U", "prazo_certo", offer=Offer(type="percent", value=20))
    assert set(other.offers) == {"due", "regular"}
    await other.deliver(pool, {"regular": "sent"})
    await other.decide("due")
    await other.says("due", "Sim, quero!")
    return other


@pytest.fixture
async def played(pool: asyncpg.Pool, stream: EventStream) -> Played:
    """Three runs of one salon (A, B today; C stored for 20 days ago) and what became of them:

    A  Prazo Certo, corte at 10 % off (R$ 108,00), p1–p7:
       p1 pre-approved, "sim" (booked), attended · p2 "sim", approved, moved, no-show ·
       p3 "sim", approved, cancelled · p4 "não" · p5 pre-approved, never answers (expires) ·
       p6 never answers (expires; its WhatsApp failed) · p7 "sim", the salon rejects it.
    B  Encher Agenda with Rafael at R$ 5,00 off (barba R$ 40,00): one slot offered to e1–e3:
       e2 "sim" first; e1 pre-approved then "sim" (booked, attended) — e2 and e3 withdrawn.
    C  Prazo Certo, barba, for an earlier day (as the scheduler stores a day's run): o1 "não".
    """
    clock = Clock()
    today = clock.now.astimezone(ZONE).date()
    other = await play_other_salon(pool, stream, clock)
    salon = await campaigner(pool, stream, clock, funnel_salon())
    corte, barba = salon.ids.of("service", "corte"), salon.ids.of("service", "barba")
    await salon.run("A", "prazo_certo", service_id=corte, offer=Offer(type="percent", value=10))
    b = await salon.run(
        "B",
        "encher_agenda",
        professional_id=salon.ids.of("professional", "rafael"),
        offer=Offer(type="amount", value=500),
    )
    await salon.run("C", "prazo_certo", today - timedelta(days=20), service_id=barba)
    assert set(salon.offers) == {*PRAZO_CERTO, *ENCHER_AGENDA, *EARLIER}
    assert len({(s.date, s.time) for s in b.suggestions}) == 1  # one slot, three offers
    await salon.deliver(
        pool, {k: "failed" if k == "p6" else "sent" for k in PRAZO_CERTO + ENCHER_AGENDA + EARLIER}
    )

    await salon.decide("p1")  # pre-approved: booked on the "sim"
    await salon.says("p1", "Sim, quero!")
    for key in ("p2", "p3", "p7"):
        await salon.says(key, "sim, pode ser")
    await salon.decide("p2")
    await salon.decide("p3")
    await salon.decide("p7", "reject")
    await salon.says("p4", "Não, obrigado")
    await salon.decide("p5")
    await salon.says("e2", "sim")
    await salon.decide("e1")
    await salon.says("e1", "Sim!")  # booked: the slot's other offers are withdrawn
    await salon.says("o1", "não, obrigada")
    await salon.mark(pool, "p3", "cancelled")
    moved = await salon.appointment(pool, "p2")
    starts_at = salon.salon.agenda.upcoming[moved].starts_at.astimezone(ZONE)
    await salon.salon.handle(
        MoveAppointment(
            appointment_id=moved,
            starts_at=datetime.combine(starts_at.date() + timedelta(days=1), time(3, 0), ZONE),
            changed_by=salon.ids.owner,
        )
    )

    clock.now += timedelta(days=10)  # past every offer's expiry and every visit
    assert (await salon.salon.handle(CloseStaleRequests())).closed == 2  # p5, p6
    await salon.mark(pool, "p1", "completed")
    await salon.mark(pool, "p2", "no_show")
    await salon.mark(pool, "e1", "completed")
    return Played(ids=salon.ids, other=other.ids, today=today, runs=salon.runs | other.runs)


def counts(**nonzero: int) -> dict[str, int | None]:
    return dict.fromkeys(COUNTS, 0) | {"delivered": None} | nonzero


RUN_A = counts(
    offers=7,
    sent=6,  # p6's WhatsApp failed
    accepted=4,  # p1, p2, p3 (booked) and p7 (rejected by the salon)
    declined=1,  # p4
    expired=2,  # p5 (pre-approved, never answered), p6
    preapproved=2,  # p1, p5
    booked=3,  # p1, p2 (moved since), p3 (cancelled since)
    attended=1,  # p1
    no_show=1,  # p2
    cancelled=1,  # p3
    revenue_booked_cents=2 * 10800,  # p1 and p2: R$ 120,00 less 10 %; p3 cancelled
    revenue_attended_cents=10800,  # p1
)
RUN_B = counts(
    offers=3,
    sent=3,
    accepted=1,  # e1 (e2 said "sim" too, but the slot went to e1)
    withdrawn=2,  # e2, e3
    preapproved=1,  # e1
    booked=1,
    attended=1,
    revenue_booked_cents=4000,  # barba R$ 45,00 less R$ 5,00
    revenue_attended_cents=4000,
)
RUN_C = counts(offers=1, sent=1, declined=1)
RUN_U = counts(
    offers=2, sent=1, accepted=1, preapproved=1, booked=1, revenue_booked_cents=9600
)  # corte R$ 120,00 less 20 %, not marked yet


def summed(*runs: dict[str, int | None]) -> dict[str, int | None]:
    return counts(**{c: sum(r[c] or 0 for r in runs) for c in COUNTS})


def totals_of(found: Funnel) -> dict[str, dict[str, Any]]:
    return {
        t.campaign_type: t.model_dump(exclude={"campaign_type"}, mode="json") for t in found.totals
    }


def runs_of(found: Funnel, played: Played) -> list[tuple[str, dict[str, Any]]]:
    names = {run_id: name for name, run_id in played.runs.items()}
    return [
        (names[r.run_id], r.model_dump(include={*COUNTS, "delivered"}, mode="json"))
        for r in found.runs
    ]


async def read_funnel(
    pool: asyncpg.Pool,
    tenant_id: UUID,
    first: date,
    last: date,
    types: tuple[CampaignType, ...] = CAMPAIGN_TYPES,
) -> Funnel:
    async with pool.acquire() as conn:
        return await campaign_funnel(
            conn, tenant_id=tenant_id, from_date=first, to_date=last, campaign_types=types
        )


async def test_the_funnel_counts_each_campaign_type_from_the_stored_links(
    pool: asyncpg.Pool, played: Played
) -> None:
    today = played.today
    found = await read_funnel(pool, played.ids.tenant, today - timedelta(days=30), today)
    assert totals_of(found) == {
        "prazo_certo": {"runs": 2, **summed(RUN_A, RUN_C)},
        "encher_agenda": {"runs": 1, **RUN_B},
    }


async def test_the_funnel_counts_each_run_newest_first(pool: asyncpg.Pool, played: Played) -> None:
    today = played.today
    found = await read_funnel(pool, played.ids.tenant, today - timedelta(days=30), today)
    assert runs_of(found, played) == [("B", RUN_B), ("A", RUN_A), ("C", RUN_C)]
    run_c = found.runs[-1]
    assert (run_c.campaign_id, run_c.trigger, run_c.local_date) == (
        "funnel-C",
        "schedule",
        today - timedelta(days=20),
    )


async def test_another_salons_runs_are_never_counted(pool: asyncpg.Pool, played: Played) -> None:
    today = played.today
    found = await read_funnel(pool, played.other.tenant, today - timedelta(days=30), today)
    assert runs_of(found, played) == [("U", RUN_U)]
    assert totals_of(found) == {
        "prazo_certo": {"runs": 1, **RUN_U},
        "encher_agenda": {"runs": 0, **counts()},
    }


async def test_the_date_range_keeps_the_runs_of_its_days_inclusive(
    pool: asyncpg.Pool, played: Played
) -> None:
    today, tenant = played.today, played.ids.tenant
    day_c = today - timedelta(days=20)
    only_c = await read_funnel(pool, tenant, day_c, day_c)
    after_c = await read_funnel(pool, tenant, day_c + timedelta(days=1), today)
    before = await read_funnel(pool, tenant, today - timedelta(days=90), day_c - timedelta(days=1))
    assert runs_of(only_c, played) == [("C", RUN_C)]
    assert totals_of(only_c)["prazo_certo"] == {"runs": 1, **RUN_C}
    assert runs_of(after_c, played) == [("B", RUN_B), ("A", RUN_A)]
    assert totals_of(after_c)["prazo_certo"] == {"runs": 1, **RUN_A}
    assert runs_of(before, played) == []
    assert totals_of(before) == {t: {"runs": 0, **counts()} for t in CAMPAIGN_TYPES}


async def test_the_campaign_type_filter_keeps_that_type_only(
    pool: asyncpg.Pool, played: Played
) -> None:
    today = played.today
    found = await read_funnel(
        pool, played.ids.tenant, today - timedelta(days=30), today, ("encher_agenda",)
    )
    assert runs_of(found, played) == [("B", RUN_B)]
    assert totals_of(found) == {"encher_agenda": {"runs": 1, **RUN_B}}
