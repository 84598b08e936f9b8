"""Writes of the appointment aggregate; the database's exclusion constraint is the last word."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from domain.errors import SlotTakenError
from domain.models import Appointment


async def insert_appointments(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    appointments: Sequence[Appointment],
    source: str = "auth_request",
) -> None:
    """Insert appointments; an overlap with a stored one (whoever wrote it) is SlotTakenError.

    After a refusal the caller's transaction is aborted: it rolls back (nothing half-stored).
    """
    try:
        await conn.executemany(
            """
            INSERT INTO appointment (tenant_id, id, client_id, professional_id, service_id,
                starts_at, ends_at, status, price_cents, source, auth_request_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """,
            [
                (
                    tenant_id,
                    a.id,
                    a.client_id,
                    a.professional_id,
                    a.service_id,
                    a.starts_at,
                    a.ends_at,
                    a.status.value,
                    a.price_cents,
                    source,
                    a.auth_request_id,
                )
                for a in appointments
            ],
        )
    except asyncpg.ExclusionViolationError as error:
        first = appointments[0]
        raise SlotTakenError(
            f"the professional already has an appointment overlapping "
            f"{first.starts_at.isoformat()}–{first.ends_at.isoformat()}"
        ) from error
