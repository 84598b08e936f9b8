"""A salon's client with something of everything (chats, a booking, an open offer): what the
client-rights and retention tests start from."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import asyncpg

from actors.salon import Salon as SalonActor
from domain.commands import CreateAuthRequest, DecideAuthRequest, ReceiveMessage
from domain.models import Agent
from domain.salon_import import SalonFile
from integrations.event_stream import EventStream
from tests.factories import SalonIds, next_local_slot

Salon = tuple[SalonFile, SalonIds]
OWNER = uuid4()
PHONE = "+5511977776666"


async def active_salon(pool: asyncpg.Pool, stream: EventStream, salon: Salon) -> SalonActor:
    agenda = SalonActor(salon[1].tenant, pool=pool, stream=stream)
    await agenda.activate()
    return agenda


async def client_who_talked_and_booked(agenda: SalonActor, salon: Salon) -> UUID:
    """A client who wrote twice, has a coming booking and an open offer."""
    accepted = None
    for text in ("Oi, meu nome é Rita", "qual o preço do corte?"):
        accepted = await agenda.handle(
            ReceiveMessage(
                client_name="Rita Gomes",
                phone=PHONE,
                message=text,
                sent_at=datetime.now(UTC),
                external_id=uuid4().hex,
            )
        )
        await agenda.drain()
    assert accepted is not None
    ids = salon[1]
    for days, agent in ((2, Agent.MANUAL), (4, Agent.PRAZO_CERTO)):
        created = await agenda.handle(
            CreateAuthRequest(
                command_id=uuid4().hex,
                created_by_agent=agent,
                client_id=accepted.client_id,
                service_id=ids.of("service", "corte"),
                professional_id=ids.of("professional", "carol"),
                starts_at=next_local_slot(days_ahead=days, hour=10),
            )
        )
        if agent == Agent.MANUAL:  # the salon booked this one
            await agenda.handle(
                DecideAuthRequest(
                    request_id=created.auth_request_id, decision="approve", decided_by=OWNER
                )
            )
    return accepted.client_id


async def fetch(pool: asyncpg.Pool, sql: str, *args: Any) -> list[dict[str, Any]]:
    async with pool.acquire() as conn:
        return [dict(r) for r in await conn.fetch(sql, *args)]


async def refuse_dispatch(tenant_id: UUID, command: object) -> Any:
    raise AssertionError(f"no campaign is due at night for {tenant_id}: {command!r}")
