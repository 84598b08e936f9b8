"""Writes and the actor's own reads of the auth_request aggregate (lists: db/read/agenda.py)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from db.read.agenda import AUTH_REQUEST_COLUMNS, auth_request_of
from domain.errors import AlreadyDecidedError
from domain.models import AuthRequest


async def insert_auth_requests(
    conn: asyncpg.Connection, *, tenant_id: UUID, requests: Sequence[AuthRequest]
) -> None:
    """All the requests in one statement (a campaign run proposes hundreds): one trigger bump
    of the salon's data version, not one per row."""
    if not requests:
        return
    await conn.execute(
        """
        INSERT INTO auth_request (tenant_id, id, command_id, status, created_by_agent, client_id,
            professional_id, service_id, starts_at, ends_at, appointment_data, created_at,
            campaign_run_id, client_state, expires_at, replaces_appointment_id)
        SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[],
            $7::uuid[], $8::uuid[], $9::timestamptz[], $10::timestamptz[], $11::text[]::jsonb[],
            $12::timestamptz[], $13::uuid[], $14::text[], $15::timestamptz[], $16::uuid[])
        """,
        tenant_id,
        [r.id for r in requests],
        [r.command_id for r in requests],
        [r.status.value for r in requests],
        [r.created_by_agent.value for r in requests],
        [r.appointment_data.client_id for r in requests],
        [r.appointment_data.professional_id for r in requests],
        [r.appointment_data.service_id for r in requests],
        [r.appointment_data.starts_at for r in requests],
        [r.appointment_data.ends_at for r in requests],
        [r.appointment_data.model_dump_json() for r in requests],  # JSON text, as jsonb
        [r.created_at for r in requests],
        [r.campaign_run_id for r in requests],
        [r.client_state.value for r in requests],
        [r.expires_at for r in requests],
        [r.replaces_appointment_id for r in requests],
    )


async def update_requests(
    conn: asyncpg.Connection, *, tenant_id: UUID, requests: Sequence[AuthRequest]
) -> None:
    """Store decisions and client-side changes of pending requests; the `status = 'pending'`
    guard keeps a second writer's decision from being overwritten."""
    stored = await conn.fetch(
        """
        UPDATE auth_request AS r
        SET status = d.status, decided_at = d.decided_at, decided_by = d.decided_by,
            notes = d.notes, appointment_id = d.appointment_id, client_state = d.client_state,
            client_state_at = d.client_state_at, preapproved_at = d.preapproved_at,
            preapproved_by = d.preapproved_by
        FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[], $6::text[], $7::uuid[],
                    $8::text[], $9::timestamptz[], $10::timestamptz[], $11::uuid[])
             AS d(id, status, decided_at, decided_by, notes, appointment_id, client_state,
                  client_state_at, preapproved_at, preapproved_by)
        WHERE r.tenant_id = $1 AND r.id = d.id AND r.status = 'pending'
        RETURNING r.id
        """,
        tenant_id,
        [r.id for r in requests],
        [r.status.value for r in requests],
        [r.decided_at for r in requests],
        [r.decided_by for r in requests],
        [r.notes for r in requests],
        [r.appointment_id for r in requests],
        [r.client_state.value for r in requests],
        [r.client_state_at for r in requests],
        [r.preapproved_at for r in requests],
        [r.preapproved_by for r in requests],
    )
    if len(stored) != len(requests):
        moved = {row["id"] for row in stored}
        late = next(r.id for r in requests if r.id not in moved)
        raise AlreadyDecidedError(f"auth request {late} was decided by another writer")


async def get_auth_request(
    conn: asyncpg.Connection, *, tenant_id: UUID, request_id: UUID
) -> AuthRequest | None:
    row = await conn.fetchrow(
        f"SELECT {AUTH_REQUEST_COLUMNS} FROM auth_request WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        request_id,
    )
    return None if row is None else auth_request_of(row)


async def find_by_command(
    conn: asyncpg.Connection, *, tenant_id: UUID, command_id: str
) -> AuthRequest | None:
    row = await conn.fetchrow(
        f"SELECT {AUTH_REQUEST_COLUMNS} FROM auth_request WHERE tenant_id = $1 AND command_id = $2",
        tenant_id,
        command_id,
    )
    return None if row is None else auth_request_of(row)
