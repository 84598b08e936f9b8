"""Reminders before a booking on real PostgreSQL and Redis: queued when a booking is made, skipped
when it is cancelled or moved (the move queues the new time's), skipped at send time when another
writer changed the booking; the client's CONFIRMO, CANCELAR and REMARCAR through the chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg

from actors.salon import Salon
from db.outbox import claim_due
from domain.commands import (
    CreateAuthRequest,
    DecideAuthRequest,
    MarkAppointment,
    MoveAppointment,
    ReceiveMessage,
)
from domain.models import Agent
from domain.salon_import import SalonFile
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_salon, next_local_slot
from tests.integration.conftest import import_committed


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


class Booked:
    """A salon whose client c1 was just booked with Carol in three days at 15:00."""

    def __init__(self, salon: Salon, ids: SalonIds, file: SalonFile, clock: Clock) -> None:
        self.salon, self.ids, self.file, self.clock = salon, ids, file, clock
        self.appointment_id: UUID = uuid4()
        self.starts_at = next_local_slot(days_ahead=3, hour=15)

    async def book(self) -> None:
        created = await self.salon.handle(
            CreateAuthRequest(
                command_id=uuid4().hex,
                created_by_agent=Agent.MANUAL,
                client_id=self.ids.of("client", "c1"),
                service_id=self.ids.of("service", "corte"),
                professional_id=self.ids.of("professional", "carol"),
                starts_at=self.starts_at,
            )
        )
        decided = await self.salon.handle(self.approve(created.auth_request_id))
        assert decided.appointment_id is not None
        self.appointment_id = decided.appointment_id

    def approve(self, request_id: UUID) -> DecideAuthRequest:
        return DecideAuthRequest(
            request_id=request_id, decision="approve", decided_by=self.ids.owner
        )

    async def says(self, text: str) -> None:
        phone = next(c.phone for c in self.file.clients if c.key == "c1")
        await self.salon.handle(
            ReceiveMessage(client_name="c1", phone=phone, message=text, sent_at=self.clock.now)
        )
        await self.salon.drain()


async def booked(pool: asyncpg.Pool, stream: EventStream) -> Booked:
    salon_file = make_salon()
    ids = await import_committed(pool, salon_file)
    clock = Clock()
    salon = Salon(ids.tenant, pool=pool, stream=stream, clock=clock)
    await salon.activate()
    state = Booked(salon, ids, salon_file, clock)
    await state.book()
    return state


async def reminders(pool: asyncpg.Pool, ids: SalonIds) -> list[dict[str, Any]]:
    rows = await pool.fetch(
        """SELECT related_id, status, not_before, last_error, body FROM outbound_message
           WHERE tenant_id = $1 AND kind = 'reminder' ORDER BY not_before, created_at""",
        ids.tenant,
    )
    return [dict(r) for r in rows]


async def appointment(pool: asyncpg.Pool, ids: SalonIds, appointment_id: UUID) -> dict[str, Any]:
    row = await pool.fetchrow(
        "SELECT status, starts_at, client_confirmed_at, status_reason FROM appointment"
        " WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        appointment_id,
    )
    assert row is not None
    return dict(row)


async def test_a_booking_gets_its_reminder_a_day_before(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    state = await booked(pool, stream)
    [reminder] = await reminders(pool, state.ids)
    assert (reminder["related_id"], reminder["status"]) == (state.appointment_id, "queued")
    assert reminder["not_before"] == state.starts_at - timedelta(hours=24)
    assert "Responda CONFIRMO para confirmar" in reminder["body"]


async def test_cancelling_a_booking_skips_its_reminder(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    state = await booked(pool, stream)
    await state.salon.handle(
        MarkAppointment(
            appointment_id=state.appointment_id,
            status="cancelled",
            changed_by=state.ids.owner,
            notify_client=False,
        )
    )
    [reminder] = await reminders(pool, state.ids)
    assert (reminder["status"], reminder["last_error"]) == ("skipped", "appointment_changed")


async def test_moving_a_booking_reminds_of_the_new_time_only(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    state = await booked(pool, stream)
    later = state.starts_at + timedelta(days=1)
    await state.salon.handle(
        MoveAppointment(
            appointment_id=state.appointment_id, starts_at=later, changed_by=state.ids.owner
        )
    )
    old, new = await reminders(pool, state.ids)
    assert (old["status"], new["status"]) == ("skipped", "queued")
    assert new["not_before"] == later - timedelta(hours=24)


async def test_the_sender_skips_a_reminder_whose_booking_another_writer_cancelled(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    state = await booked(pool, stream)
    await pool.execute(  # the customer's Prisma service, not our actor
        "UPDATE appointment SET status = 'cancelled' WHERE tenant_id = $1 AND id = $2",
        state.ids.tenant,
        state.appointment_id,
    )
    [reminder] = await reminders(pool, state.ids)
    async with pool.acquire() as conn:
        claimed = await claim_due(
            conn,
            now=reminder["not_before"] + timedelta(minutes=1),
            limit=1000,
            lease_s=60,
            default_url="",  # no URL at all: a message to skip is claimed anyway
            window_start=datetime.min.time(),
            window_end=datetime.max.time(),
        )
    ours = [m for m in claimed if m.tenant_id == state.ids.tenant]
    assert [(m.kind, m.skip_reason, m.attempts) for m in ours] == [
        ("reminder", "appointment_changed", 0)
    ]


async def test_confirmo_confirms_the_booking(pool: asyncpg.Pool, stream: EventStream) -> None:
    state = await booked(pool, stream)
    state.clock.now = state.starts_at - timedelta(hours=20)  # the reminder has left
    await state.says("Confirmo!")
    row = await appointment(pool, state.ids, state.appointment_id)
    assert (row["status"], row["client_confirmed_at"]) == ("booked", state.clock.now)
    event = await pool.fetchval(
        """SELECT data FROM event WHERE tenant_id = $1 AND event_type = 'appointment_updated'
           ORDER BY event_id DESC LIMIT 1""",
        state.ids.tenant,
    )
    assert event["by_client"] is True and event["client_confirmed_at"] is not None


async def test_cancelar_cancels_the_booking_and_its_reminder(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    state = await booked(pool, stream)
    state.clock.now = state.starts_at - timedelta(hours=30)
    await state.says("Não vou poder ir, pode cancelar")  # named back, asked to confirm
    row = await appointment(pool, state.ids, state.appointment_id)
    assert row["status"] == "booked"
    await state.says("sim")
    row = await appointment(pool, state.ids, state.appointment_id)
    assert (row["status"], row["status_reason"]) == (
        "cancelled",
        "cancelado pelo cliente no WhatsApp",
    )
    assert state.appointment_id not in state.salon.agenda.upcoming
    assert [r["status"] for r in await reminders(pool, state.ids)] == ["skipped"]


async def test_remarcar_moves_the_booking_once_the_owner_approves(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    state = await booked(pool, stream)
    state.clock.now = state.starts_at - timedelta(hours=20)
    await state.says("Preciso remarcar")
    proposed = await pool.fetchval(
        "SELECT proposed_slots FROM conversation WHERE tenant_id = $1 AND client_id = $2",
        state.ids.tenant,
        state.ids.of("client", "c1"),
    )
    assert proposed and {p["replaces_appointment_id"] for p in proposed} == {
        str(state.appointment_id)
    }
    await state.says("1")
    [request] = state.salon.agenda.pending.values()
    assert request.replaces_appointment_id == state.appointment_id
    decided = await state.salon.handle(state.approve(request.id))
    assert decided.appointment_id == state.appointment_id
    row = await appointment(pool, state.ids, state.appointment_id)
    new_time = datetime.fromisoformat(proposed[0]["starts_at"])
    assert (row["status"], row["starts_at"]) == ("booked", new_time)
    count = await pool.fetchval(
        "SELECT count(*) FROM appointment WHERE tenant_id = $1 AND client_id = $2",
        state.ids.tenant,
        state.ids.of("client", "c1"),
    )
    assert count == 1  # moved, not booked twice
    statuses = [r["status"] for r in await reminders(pool, state.ids)]
    assert statuses[0] == "skipped"  # the old time's
