"""Writes and the actor's own reads of appointments; the exclusion constraint is the last word."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

import asyncpg

from db.read.agenda import APPOINTMENT_COLUMNS
from domain.agenda import AppointmentUpdate
from domain.errors import SlotTakenError, StaleAgendaError
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
        wanted = ", ".join(
            f"{a.starts_at.isoformat()}–{a.ends_at.isoformat()}" for a in appointments
        )
        raise SlotTakenError(
            f"the professional already has an appointment overlapping {wanted}"
        ) from error


async def update_appointments(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    updates: Sequence[AppointmentUpdate],
    at: datetime,
) -> None:
    """Store marks and moves, each only if the row is still as the decision saw it."""
    try:
        stored = await conn.fetch(
            """
            UPDATE appointment AS a
            SET status = u.status, status_reason = u.reason,
                status_changed_by = CASE WHEN a.status <> u.status OR a.starts_at <> u.starts_at
                                         THEN u.changed_by ELSE a.status_changed_by END,
                status_changed_at = CASE WHEN a.status <> u.status OR a.starts_at <> u.starts_at
                                         THEN $2 ELSE a.status_changed_at END,
                starts_at = u.starts_at, ends_at = u.ends_at,
                professional_id = u.professional_id, client_confirmed_at = u.confirmed_at,
                updated_at = $2
            FROM unnest($3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::timestamptz[],
                        $8::timestamptz[], $9::uuid[], $10::text[], $11::timestamptz[],
                        $12::timestamptz[])
                 AS u(id, status, reason, changed_by, starts_at, ends_at, professional_id,
                      was_status, was_starts_at, confirmed_at)
            WHERE a.tenant_id = $1 AND a.id = u.id
              AND a.status = u.was_status AND a.starts_at = u.was_starts_at
            RETURNING a.id
            """,
            tenant_id,
            at,
            [u.after.id for u in updates],
            [u.after.status.value for u in updates],
            [u.after.status_reason for u in updates],
            [u.changed_by for u in updates],
            [u.after.starts_at for u in updates],
            [u.after.ends_at for u in updates],
            [u.after.professional_id for u in updates],
            [u.before.status.value for u in updates],
            [u.before.starts_at for u in updates],
            [u.after.client_confirmed_at for u in updates],
        )
    except asyncpg.ExclusionViolationError as error:
        raise SlotTakenError(
            "the professional already has an appointment overlapping the new time"
        ) from error
    if len(stored) != len(updates):
        raise StaleAgendaError("an appointment was changed meanwhile by another writer")


async def get_appointment(
    conn: asyncpg.Connection, *, tenant_id: UUID, appointment_id: UUID
) -> Appointment | None:
    row = await conn.fetchrow(
        f"SELECT {APPOINTMENT_COLUMNS} FROM appointment WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        appointment_id,
    )
    return None if row is None else Appointment(**dict(row))


async def ended_bookings(
    conn: asyncpg.Connection, *, tenant_id: UUID, ended_before: datetime, limit: int
) -> list[Appointment]:
    """Bookings of the salon that ended before `ended_before` and were never marked."""
    rows = await conn.fetch(
        f"""SELECT {APPOINTMENT_COLUMNS} FROM appointment
            WHERE tenant_id = $1 AND status = 'booked' AND ends_at < $2
            ORDER BY ends_at, id LIMIT $3""",
        tenant_id,
        ended_before,
        limit,
    )
    return [Appointment(**dict(row)) for row in rows]
