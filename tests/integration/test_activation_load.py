"""A cold activation reads its salon in fewer round trips (the epoch with the version and the
salon's row, clients by position): memory holds what the plain reads find."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
import pytest

from actors.salon import Salon
from db.activation import salon_stamp, take_activation
from db.agenda import load_agenda
from db.read.agenda import get_tenant
from domain.agenda_check import differences
from domain.errors import NotFoundError
from domain.models import Client
from domain.salon_settings import SalonSettings
from integrations.event_stream import EventStream
from tests.factories import SalonIds


async def test_an_activated_salon_holds_what_a_fresh_load_reads(
    pool: asyncpg.Pool, stream: EventStream, salon: tuple[object, SalonIds]
) -> None:
    tenant_id = salon[1].tenant
    activated = Salon(tenant_id, pool=pool, stream=stream)
    await activated.activate()
    now = datetime.now(UTC)
    async with pool.acquire() as conn:
        truth = await load_agenda(conn, tenant_id=tenant_id, now=now, defaults=SalonSettings())
        rows = await conn.fetch(
            "SELECT id, name, phone_e164, whatsapp_id, marketing_opt_out,"
            " marketing_consent_at IS NOT NULL AS marketing_consent"
            " FROM client WHERE tenant_id = $1 AND erased_at IS NULL",
            tenant_id,
        )
    assert differences(activated.agenda, truth, now=now) == []
    assert dict(activated.agenda.clients) == {row["id"]: Client(**dict(row)) for row in rows}
    assert len(rows) > 0


async def test_taking_an_activation_answers_the_stamp_and_the_salon(
    pool: asyncpg.Pool, salon: tuple[object, SalonIds]
) -> None:
    tenant_id = salon[1].tenant
    async with pool.acquire() as conn:
        version, epoch = await salon_stamp(conn, tenant_id=tenant_id)
        taken = await take_activation(conn, tenant_id=tenant_id)
        assert (taken.version, taken.epoch) == (version, epoch + 1)
        assert await salon_stamp(conn, tenant_id=tenant_id) == (version, epoch + 1)
        assert taken.tenant == await get_tenant(conn, tenant_id=tenant_id)


async def test_an_unknown_salon_is_not_activated(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        with pytest.raises(NotFoundError):
            await take_activation(conn, tenant_id=uuid4())
