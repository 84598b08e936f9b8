"""PostgreSQL is shared with the customer's Prisma services and the salon import: rows changed
behind a salon actor's back are what its next decision uses, its own writes never trust memory
alone, and a commit racing another writer is refused (memory reloaded), not stored over it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
import pytest

from actors.salon import Salon
from domain.commands import CheckMemory, CreateAuthRequest, MemoryCheck, ReceiveMessage
from domain.errors import OutsideWorkingHoursError, StaleAgendaError
from domain.models import Agent
from integrations.event_stream import EventStream
from tests.factories import SalonIds, make_recall_salon, next_local_slot
from tests.integration.conftest import import_committed
from tests.integration.test_campaigns import prazo_certo


async def recall_salon(pool: asyncpg.Pool, stream: EventStream) -> tuple[Salon, SalonIds, str]:
    salon_file = make_recall_salon()
    ids = await import_committed(pool, salon_file)
    actor = Salon(ids.tenant, pool=pool, stream=stream)
    await actor.activate()
    phone = next(c.phone for c in salon_file.clients if c.key == "due")
    return actor, ids, phone


def proposal(ids: SalonIds) -> CreateAuthRequest:
    return CreateAuthRequest(
        command_id=uuid4().hex,
        created_by_agent=Agent.ENCHER_AGENDA,
        client_id=ids.of("client", "due"),
        service_id=ids.of("service", "barba"),
        professional_id=ids.of("professional", "rafael"),
        starts_at=next_local_slot(hour=11),
    )


async def says(actor: Salon, phone: str, text: str) -> None:
    await actor.handle(
        ReceiveMessage(client_name="Due", phone=phone, message=text, sent_at=datetime.now(UTC))
    )
    await actor.drain()


async def opted_out(pool: asyncpg.Pool, ids: SalonIds, key: str) -> bool:
    value: bool = await pool.fetchval(
        "SELECT marketing_opt_out FROM client WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        ids.of("client", key),
    )
    return value


async def test_an_opt_out_undone_behind_the_actors_back_is_stored_again_and_honoured(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    actor, ids, phone = await recall_salon(pool, stream)
    await says(actor, phone, "SAIR")
    assert await opted_out(pool, ids, "due")
    # The customer's Prisma service resets the flag; the actor is not told.
    await pool.execute(
        "UPDATE client SET marketing_opt_out = false WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        ids.of("client", "due"),
    )
    await says(actor, phone, "PARAR")

    assert await opted_out(pool, ids, "due")  # stored again, not skipped on memory's word
    revocations = await pool.fetchval(
        "SELECT count(*) FROM client_consent WHERE tenant_id = $1 AND client_id = $2"
        " AND NOT granted AND source = 'chat'",
        ids.tenant,
        ids.of("client", "due"),
    )
    assert revocations == 2
    result = await actor.handle(prazo_certo(dry_run=True))
    assert ids.of("client", "due") not in {s.client_id for s in result.suggestions}


async def test_changes_another_writer_makes_are_what_the_next_decision_uses(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    actor, ids, _ = await recall_salon(pool, stream)
    # Behind the actor's back: "regular" opts out on the customer's own screen, and the barber
    # Rafael stops working (his hours removed).
    await pool.execute(
        "UPDATE client SET marketing_opt_out = true WHERE tenant_id = $1 AND id = $2",
        ids.tenant,
        ids.of("client", "regular"),
    )
    await pool.execute(
        "DELETE FROM working_hours WHERE tenant_id = $1 AND professional_id = $2",
        ids.tenant,
        ids.of("professional", "rafael"),
    )
    # Memory alone would still book Rafael at 11:00; the truth says he no longer works.
    with pytest.raises(OutsideWorkingHoursError):
        await actor.handle(proposal(ids))
    assert actor.agenda.clients[ids.of("client", "regular")].marketing_opt_out
    booked = await pool.fetchval(
        "SELECT count(*) FROM auth_request WHERE tenant_id = $1", ids.tenant
    )
    assert booked == 0


async def test_a_commit_racing_another_writer_is_refused_and_memory_reloaded(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    actor, ids, _ = await recall_salon(pool, stream)
    renamed = f"Salão {uuid4().hex[:6]}"
    async with pool.acquire() as other:
        transaction = other.transaction()
        await transaction.start()
        # Another writer changes the salon and holds its transaction open...
        await other.execute("UPDATE tenant SET name = $2 WHERE id = $1", ids.tenant, renamed)
        # ...while the actor decides on the version it read, then waits at its commit.
        attempt = asyncio.create_task(actor.handle(proposal(ids)))
        await asyncio.sleep(0.3)
        assert not attempt.done()
        await transaction.commit()
        with pytest.raises(StaleAgendaError):
            await attempt
    assert actor.agenda.tenant.name == renamed  # reloaded
    again = await actor.handle(proposal(ids))  # the same request now goes through
    assert again.auth_request_id is not None


async def test_memory_checked_against_a_fresh_load_names_what_differs(
    pool: asyncpg.Pool, stream: EventStream
) -> None:
    actor, ids, phone = await recall_salon(pool, stream)
    await says(actor, phone, "Oi, quanto custa a barba?")
    assert await actor.handle(CheckMemory()) == MemoryCheck(differences=[])
    regular = ids.of("client", "regular")
    clients = actor.agenda.clients
    clients[regular] = clients[regular].model_copy(update={"name": "Outro Nome"})  # drift
    found = await actor.handle(CheckMemory())
    assert found.differences == [f"clients: {regular}"]
