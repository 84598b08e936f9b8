"""Queries of the appointment aggregate; the database's exclusion constraint is the last word."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import asyncpg

from domain.errors import SlotTakenError
from domain.models import Appointment

_COLUMNS = """id, client_id, professional_id, service_id, starts_at, ends_at, status,
              price_cents, auth_request_id"""


async def insert_appointment(
    conn: asyncpg.Connection, *, tenant_id: UUID, appointment: Appointment, source: str
) -> None:
    try:
        # A savepoint keeps the caller's transaction usable after a refused insert.
        async with conn.transaction():
            await conn.execute(
                """
                INSERT INTO appointment (tenant_id, id, client_id, professional_id, service_id,
                    starts_at, ends_at, status, price_cents, source, auth_request_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """,
                tenant_id,
                appointment.id,
                appointment.client_id,
                appointment.professional_id,
                appointment.service_id,
                appointment.starts_at,
                appointment.ends_at,
                appointment.status.value,
                appointment.price_cents,
                source,
                appointment.auth_request_id,
            )
    except asyncpg.ExclusionViolationError as error:
        raise SlotTakenError(
            f"the professional already has an appointment overlapping "
            f"{appointment.starts_at.isoformat()}–{appointment.ends_at.isoformat()}"
        ) from error


async def list_appointments(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    starts_from: datetime,
    starts_before: datetime,
    professional_id: UUID | None = None,
    limit: int = 2000,
) -> list[Appointment]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM appointment
            WHERE tenant_id = $1 AND starts_at >= $2 AND starts_at < $3
              AND ($4::uuid IS NULL OR professional_id = $4)
            ORDER BY starts_at, id LIMIT $5""",
        tenant_id,
        starts_from,
        starts_before,
        professional_id,
        limit,
    )
    return [Appointment(**dict(row)) for row in rows]
