"""Appointments over time on real PostgreSQL and Redis: marked, cancelled, moved, and completed by
themselves once they ended — in memory, in the database, on the stream and in the recall."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import pytest

from actors.host import TenantHostCore
from actors.salon import Salon as SalonActor
from actors.scheduler import SchedulerCore
from config.settings import Settings
from domain.campaigns import CampaignOptions
from domain.commands import (
    CreateAuthRequest,
    DecideAuthRequest,
    MarkAppointment,
    MoveAppointment,
    RunCampaign,
    SetCampaignSchedule,
    SetSalonSettings,
)
from domain.errors import IllegalTransitionError, SlotTakenError
from domain.models import Agent
from domain.salon_import import ClientPart, VisitPart
from domain.salon_settings import SettingsChoice
from domain.vocabulary import CAMPAIGN_TYPES
from integrations.event_stream import EventStream
from tests.factories import SalonIds, days_ago, make_salon, next_local_slot, next_phone
from tests.integration.conftest import import_committed


async def activated(pool: asyncpg.Pool, stream: EventStream, ids: SalonIds) -> SalonActor:
    salon = SalonActor(ids.tenant, pool=pool, stream=stream)
    await salon.activate()
    return salon


async def booked(salon: SalonActor, ids: SalonIds, *, client: str = "c1", hour: int = 10) -> UUID:
    """A booking tomorrow at `hour`, proposed and approved as an agent and the owner do."""
    created = await salon.handle(
        CreateAuthRequest(
            command_id=uuid4().hex,
            created_by_agent=Agent.PRAZO_CERTO,
            client_id=ids.of("client", client),
            service_id=ids.of("service", "corte"),
            professional_id=ids.of("professional", "carol"),
            starts_at=next_local_slot(hour=hour),
        )
    )
    decided = await salon.handle(
        DecideAuthRequest(
            request_id=created.auth_request_id, decision="approve", decided_by=ids.owner
        )
    )
    assert decided.appointment_id is not None
    return decided.appointment_id


def mark(ids: SalonIds, appointment_id: UUID, status: str, **extra: Any) -> MarkAppointment:
    return MarkAppointment(
        appointment_id=appointment_id, status=status, changed_by=ids.owner, **extra
    )


async def row(pool: asyncpg.Pool, ids: SalonIds, appointment_id: UUID) -> dict[str, Any]:
    found = await pool.fetchrow(
        "SELECT status, status_reason, status_changed_by, starts_at FROM appointment"
        " WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        appointment_id,
    )
    assert found is not None
    return dict(found)


async def streamed(stream: EventStream, ids: SalonIds, event_type: str) -> list[dict[str, Any]]:
    replay = await stream.replay(ids.tenant, after=0, latest=10**9)
    frames = [json.loads(e.payload) for e in replay.events]
    return [f["data"] for f in frames if f["event_type"] == event_type]


async def test_a_cancelled_booking_frees_its_slot_at_once(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    ids = await import_committed(pool, make_salon())
    salon = await activated(pool, stream, ids)
    appointment_id = await booked(salon, ids)
    with pytest.raises(SlotTakenError):
        await booked(salon, ids, client="c2")
    view = await salon.handle(mark(ids, appointment_id, "cancelled", reason="cliente ligou"))
    assert view.status == "cancelled"
    assert await booked(salon, ids, client="c2")  # the same time, free again
    stored = await row(pool, ids, appointment_id)
    assert (stored["status"], stored["status_reason"], stored["status_changed_by"]) == (
        "cancelled",
        "cliente ligou",
        ids.owner,
    )
    (updated,) = await streamed(stream, ids, "appointment_updated")
    assert (updated["status"], updated["previous_status"]) == ("cancelled", "booked")
    told = await pool.fetchval(
        "SELECT body FROM outbound_message WHERE tenant_id = $1 AND related_id = $2"
        " AND kind = 'transactional'",  # not the booking's reminder, queued when it is near
        ids.tenant,
        appointment_id,
    )
    assert "foi cancelado pelo salão" in told


async def test_a_moved_booking_frees_its_old_time_and_takes_the_new_one(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    ids = await import_committed(pool, make_salon())
    salon = await activated(pool, stream, ids)
    appointment_id = await booked(salon, ids, hour=10)
    view = await salon.handle(
        MoveAppointment(
            appointment_id=appointment_id,
            starts_at=next_local_slot(hour=15),
            changed_by=ids.owner,
        )
    )
    assert view.time == "15:00"
    assert (await row(pool, ids, appointment_id))["starts_at"] == next_local_slot(hour=15)
    assert await booked(salon, ids, client="c2", hour=10)
    with pytest.raises(SlotTakenError):
        await booked(salon, ids, client="c3", hour=15)


async def test_marking_a_visit_another_writer_cancelled_is_refused_and_memory_reloads(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    ids = await import_committed(pool, make_salon())
    salon = await activated(pool, stream, ids)
    appointment_id = await booked(salon, ids)
    # The customer's Prisma service cancels it directly in PostgreSQL.
    await pool.execute(
        "UPDATE appointment SET status = 'cancelled' WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        appointment_id,
    )
    # Memory hears of the change before deciding: the move is refused for what it is now.
    with pytest.raises(IllegalTransitionError, match="cancelado"):
        await salon.handle(
            MoveAppointment(
                appointment_id=appointment_id,
                starts_at=next_local_slot(hour=16),
                changed_by=ids.owner,
            )
        )
    assert appointment_id not in salon.agenda.upcoming  # reloaded: it is cancelled there
    assert (await row(pool, ids, appointment_id))["status"] == "cancelled"


def salon_with_past_bookings() -> Any:
    """Clients whose corte was booked and never marked: 20 h ago (`late`), 2 h ago (`recent`)."""
    now = datetime.now(UTC)

    def client(key: str, hours_ago: int) -> ClientPart:
        visits = [
            VisitPart(
                service="corte", professional="carol", starts_at=days_ago(60, hour=hours_ago)
            ),
            VisitPart(
                service="corte",
                professional="carol",
                starts_at=now - timedelta(hours=hours_ago),
                status="booked",
            ),
        ]
        return ClientPart(key=key, name=key.title(), phone=next_phone(), visits=visits)

    return make_salon(clients=[client("late", 20), client("recent", 2)])


async def statuses(pool: asyncpg.Pool, ids: SalonIds) -> dict[UUID, str]:
    rows = await pool.fetch(
        "SELECT client_id, status FROM appointment WHERE tenant_id = $1 AND starts_at > $2",
        ids.tenant,
        datetime.now(UTC) - timedelta(days=2),
    )
    return {r["client_id"]: r["status"] for r in rows}


async def test_bookings_nobody_marked_complete_after_the_salons_delay(
    pool: asyncpg.Pool, settings: Settings
) -> None:
    ids = await import_committed(pool, salon_with_past_bookings())
    host = TenantHostCore(settings)
    try:
        await campaigns_off(host, ids)
        core = SchedulerCore(settings, pool, _never_dispatched, host.call)
        await core.step(datetime.now(UTC), [ids.tenant])
        assert await statuses(pool, ids) == {
            ids.of("client", "late"): "completed",  # ended 19 h ago, past the default 12 h
            ids.of("client", "recent"): "booked",
        }
        salon = await host.salon(ids.tenant)
        # The recall reads the completed visit: the client came back, nobody recalls them now.
        preview = await salon.handle(
            RunCampaign(
                run_key=uuid4().hex,
                campaign_type="prazo_certo",
                trigger="manual",
                dry_run=True,
                options=CampaignOptions(),
            )
        )
        recalled = {s.client_id for s in preview.suggestions} | {s.client_id for s in preview.skips}
        assert ids.of("client", "late") not in recalled
        assert ids.of("client", "recent") in {s.client_id for s in preview.skips}  # booked
    finally:
        await host.close()


async def test_a_salon_that_turned_auto_complete_off_keeps_its_bookings(
    pool: asyncpg.Pool, settings: Settings
) -> None:
    ids = await import_committed(pool, salon_with_past_bookings())
    host = TenantHostCore(settings)
    try:
        await campaigns_off(host, ids)
        off = SetSalonSettings(
            choice=SettingsChoice(auto_complete=False), fields=("auto_complete",)
        )
        uses = await host.call(ids.tenant, off)
        assert uses == settings.salon_defaults().model_copy(update={"auto_complete": False})
        await SchedulerCore(settings, pool, _never_dispatched, host.call).step(
            datetime.now(UTC), [ids.tenant]
        )
        assert set((await statuses(pool, ids)).values()) == {"booked"}
    finally:
        await host.close()


async def _never_dispatched(tenant_id: UUID, command: RunCampaign) -> Any:
    raise AssertionError(f"no campaign is due in these tests ({tenant_id}, {command.run_key})")


async def campaigns_off(host: TenantHostCore, ids: SalonIds) -> None:
    """These tests look at appointments: the salon's campaigns are turned off."""
    for campaign in CAMPAIGN_TYPES:
        await host.call(
            ids.tenant,
            SetCampaignSchedule(
                campaign_type=campaign, enabled=False, local_time=time(9), weekdays=(0,)
            ),
        )
