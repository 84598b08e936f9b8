"""Queries of the auth_request aggregate."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg

from domain.errors import AlreadyDecidedError
from domain.models import AppointmentData, AuthRequest

_COLUMNS = """id, status, created_by_agent, appointment_data, created_at, command_id,
              decided_at, decided_by, notes, appointment_id"""


def _to_model(row: Any) -> AuthRequest:
    values = dict(row)
    values["appointment_data"] = AppointmentData.model_validate(values["appointment_data"])
    return AuthRequest(**values)


async def insert_auth_request(
    conn: asyncpg.Connection, *, tenant_id: UUID, request: AuthRequest
) -> None:
    data = request.appointment_data
    await conn.execute(
        """
        INSERT INTO auth_request (tenant_id, id, command_id, status, created_by_agent, client_id,
            professional_id, service_id, starts_at, ends_at, appointment_data, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """,
        tenant_id,
        request.id,
        request.command_id,
        request.status.value,
        request.created_by_agent.value,
        data.client_id,
        data.professional_id,
        data.service_id,
        data.starts_at,
        data.ends_at,
        data.model_dump(mode="json"),
        request.created_at,
    )


async def record_decision(
    conn: asyncpg.Connection, *, tenant_id: UUID, request: AuthRequest
) -> None:
    """Store a decision; the `status = 'pending'` guard keeps a second writer from overwriting."""
    result = await conn.execute(
        """
        UPDATE auth_request
        SET status = $3, decided_at = $4, decided_by = $5, notes = $6, appointment_id = $7
        WHERE tenant_id = $1 AND id = $2 AND status = 'pending'
        """,
        tenant_id,
        request.id,
        request.status.value,
        request.decided_at,
        request.decided_by,
        request.notes,
        request.appointment_id,
    )
    if result != "UPDATE 1":
        raise AlreadyDecidedError(f"auth request {request.id} was decided by another writer")


async def get_auth_request(
    conn: asyncpg.Connection, *, tenant_id: UUID, request_id: UUID
) -> AuthRequest | None:
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM auth_request WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        request_id,
    )
    return None if row is None else _to_model(row)


async def find_by_command(
    conn: asyncpg.Connection, *, tenant_id: UUID, command_id: str
) -> AuthRequest | None:
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM auth_request WHERE tenant_id = $1 AND command_id = $2",
        tenant_id,
        command_id,
    )
    return None if row is None else _to_model(row)


async def list_pending_auth_requests(
    conn: asyncpg.Connection, *, tenant_id: UUID, limit: int = 1000
) -> list[AuthRequest]:
    rows = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM auth_request
            WHERE tenant_id = $1 AND status = 'pending'
            ORDER BY created_at, id LIMIT $2""",
        tenant_id,
        limit,
    )
    return [_to_model(row) for row in rows]
