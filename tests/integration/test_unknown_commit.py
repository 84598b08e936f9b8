"""A commit whose outcome the salon cannot know: the connection is lost while PostgreSQL is
executing COMMIT (a deferred trigger holds it there a moment; a TCP relay in front of the server
is cut meanwhile). PostgreSQL commits anyway; the salon saw an error. Its memory is then reloaded
before the next command: the owner's retry of the approval is answered with the stored decision
(not a 409), nothing is booked twice, and memory equals PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from uuid import uuid4

import asyncpg
import pytest

from actors.salon import Salon
from config.settings import Settings
from db.pool import CONNECTION_LOST, create_pool
from domain.commands import CheckMemory, DecideAuthRequest, MemoryCheck
from integrations.event_stream import EventStream
from tests.factories import make_salon
from tests.fakes.tcp_cut import TcpCut
from tests.integration.conftest import import_committed
from tests.integration.test_event_stream import proposal
from tests.integration.test_reliability_r8 import relay, through  # noqa: F401  (its fixture)


@pytest.fixture
async def slow_commit(pool: asyncpg.Pool) -> AsyncIterator[str]:
    """A deferred trigger that holds the COMMIT of a booking of the named salon for a second."""
    tenant = str(uuid4())
    await pool.execute(
        f"""
        CREATE FUNCTION slow_commit_{tenant[:8]}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.tenant_id::text = current_setting('agenda.slow_tenant', true) THEN
                PERFORM pg_sleep(1);
            END IF;
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER slow_commit_{tenant[:8]} AFTER INSERT ON appointment
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
            EXECUTE FUNCTION slow_commit_{tenant[:8]}();
        """
    )
    yield tenant[:8]
    await pool.execute(
        f"DROP TRIGGER slow_commit_{tenant[:8]} ON appointment;"
        f" DROP FUNCTION slow_commit_{tenant[:8]}();"
    )


async def test_an_approval_committed_behind_a_lost_connection_is_answered_on_retry(
    settings: Settings,
    pool: asyncpg.Pool,
    stream: EventStream,
    relay: TcpCut,  # noqa: F811
    slow_commit: str,
) -> None:
    ids = await import_committed(pool, make_salon())
    relayed = await create_pool(through(settings, relay).database_url, max_size=4)
    try:
        await relayed.execute(
            f'ALTER DATABASE "{settings.database_url.rsplit("/", 1)[-1]}"'
            f" SET agenda.slow_tenant = '{ids.tenant}'"
        )
        await relayed.expire_connections()
        agenda = Salon(ids.tenant, pool=relayed, stream=stream)
        await agenda.activate()
        offer = await agenda.handle(proposal(ids, "c1"))
        decision = DecideAuthRequest(
            request_id=offer.auth_request_id, decision="approve", decided_by=ids.owner
        )
        attempt = asyncio.create_task(agenda.handle(decision))
        await asyncio.sleep(0.5)  # the COMMIT is running, held by the trigger
        relay.cut()
        with pytest.raises(CONNECTION_LOST):
            await attempt
        relay.restore()
        for _ in range(50):  # PostgreSQL finishes the COMMIT it was running
            booked = await pool.fetchval(
                "SELECT count(*) FROM appointment WHERE tenant_id = $1", ids.tenant
            )
            if booked:
                break
            await asyncio.sleep(0.1)
        retried = await agenda.handle(decision)
        check = await agenda.handle(CheckMemory())
    finally:
        await relayed.execute(
            f'ALTER DATABASE "{settings.database_url.rsplit("/", 1)[-1]}" RESET agenda.slow_tenant'
        )
        await relayed.close()
    stored = await pool.fetch("SELECT id FROM appointment WHERE tenant_id = $1", ids.tenant)
    assert booked == 1 and len(stored) == 1  # committed once, though the salon saw an error
    assert retried.appointment_id == stored[0]["id"]  # the stored decision, not a 409
    assert check == MemoryCheck(differences=[])
