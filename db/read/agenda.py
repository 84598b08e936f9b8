"""Read-only queries of a salon's agenda: the tenant, its team and services, its clients, the
calendar and the pending auth requests (the dashboard's lists, and what loading an agenda reads).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg
from pydantic import TypeAdapter

from domain.errors import NotFoundError
from domain.models import (
    Appointment,
    AppointmentData,
    AuthRequest,
    Client,
    Professional,
    Service,
    Tenant,
)

AUTH_REQUEST_COLUMNS = """id, status, created_by_agent, appointment_data, created_at, command_id,
              decided_at, decided_by, notes, appointment_id, campaign_run_id, client_state,
              client_state_at, expires_at, preapproved_at, preapproved_by,
              replaces_appointment_id"""
APPOINTMENT_COLUMNS = """id, client_id, professional_id, service_id, starts_at, ends_at, status,
              price_cents, auth_request_id, status_reason, client_confirmed_at"""


CLIENT_PAGE = TypeAdapter(list[Client])  # one validation call for a page (cheaper than one per row)


def auth_request_of(row: Any) -> AuthRequest:
    values = dict(row)
    values["appointment_data"] = AppointmentData.model_validate(values["appointment_data"])
    return AuthRequest(**values)


async def get_tenant(conn: asyncpg.Connection, *, tenant_id: UUID) -> Tenant:
    row = await conn.fetchrow("SELECT id, name, time_zone FROM tenant WHERE id = $1", tenant_id)
    if row is None:
        raise NotFoundError(f"tenant {tenant_id} not found")
    return Tenant(**dict(row))


PROFESSIONALS_SQL = """
        SELECT p.id, p.name, p.active,
               coalesce(array_agg(ps.service_id) FILTER (WHERE ps.service_id IS NOT NULL), '{}')
                 AS service_ids
        FROM professional p
        LEFT JOIN professional_service ps
          ON ps.tenant_id = p.tenant_id AND ps.professional_id = p.id
        WHERE p.tenant_id = $1
        GROUP BY p.id, p.name, p.active
        ORDER BY p.name, p.id
        """


async def list_professionals(conn: asyncpg.Connection, *, tenant_id: UUID) -> list[Professional]:
    rows = await conn.fetch(PROFESSIONALS_SQL, tenant_id)
    return [Professional(**dict(row)) for row in rows]


async def list_services(conn: asyncpg.Connection, *, tenant_id: UUID) -> list[Service]:
    rows = await conn.fetch(
        "SELECT id, name, duration_min, price_cents, return_cycle_days FROM service"
        " WHERE tenant_id = $1 AND active ORDER BY name, id",
        tenant_id,
    )
    return [Service(**dict(row)) for row in rows]


async def list_clients(
    conn: asyncpg.Connection, *, tenant_id: UUID, limit: int, offset: int, search: str | None
) -> tuple[list[Client], int]:
    """One page of clients by name, and the total matching, for a paginated table."""
    pattern = None if not search else f"%{search}%"
    rows = await conn.fetch(
        """
        SELECT id, name, phone_e164, whatsapp_id, marketing_opt_out, count(*) OVER () AS total
        FROM client
        WHERE tenant_id = $1 AND erased_at IS NULL
          AND ($2::text IS NULL OR name ILIKE $2 OR phone_e164 LIKE $2)
        ORDER BY name, id
        LIMIT $3 OFFSET $4
        """,
        tenant_id,
        pattern,
        limit,
        offset,
    )
    total = rows[0]["total"] if rows else 0
    if not rows and offset > 0:
        total = await conn.fetchval(
            "SELECT count(*) FROM client WHERE tenant_id = $1 AND erased_at IS NULL"
            " AND ($2::text IS NULL OR name ILIKE $2 OR phone_e164 LIKE $2)",
            tenant_id,
            pattern,
        )
    page = CLIENT_PAGE.validate_python(
        [{k: v for k, v in row.items() if k != "total"} for row in rows]
    )
    return page, int(total)


async def client_names(
    conn: asyncpg.Connection, *, tenant_id: UUID, client_ids: list[UUID]
) -> dict[UUID, str]:
    """Names of the given clients of one salon (one query for a whole calendar page)."""
    rows = await conn.fetch(
        "SELECT id, name FROM client WHERE tenant_id = $1 AND id = ANY($2::uuid[])",
        tenant_id,
        client_ids,
    )
    return {row["id"]: row["name"] for row in rows}


async def list_pending_auth_requests(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    limit: int | None = None,
    after: tuple[datetime, UUID] | None = None,
) -> list[AuthRequest]:
    """Pending requests, oldest first; a page of `limit` after the (created_at, id) `after`
    (keyset: a request decided meanwhile shifts nothing). Without `limit`, all of them (what the
    salon's memory loads)."""
    rows = await conn.fetch(
        f"""SELECT {AUTH_REQUEST_COLUMNS} FROM auth_request
            WHERE tenant_id = $1 AND status = 'pending'
              AND ($3::timestamptz IS NULL OR (created_at, id) > ($3, $4::uuid))
            ORDER BY created_at, id LIMIT $2""",
        tenant_id,
        limit,
        None if after is None else after[0],
        None if after is None else after[1],
    )
    return [auth_request_of(row) for row in rows]


def _utc(column: str) -> str:
    """A timestamptz as JSON text in UTC, whatever the session's time zone."""
    return f"""to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""


# The dashboard's page of pending requests, as JSON built by PostgreSQL: the route validates it
# into its response model in one pass (no rows, no domain objects on the way).
PENDING_PAGE_SQL = f"""
    SELECT coalesce(json_agg(json_build_object(
               'id', id, 'status', status, 'appointment_data', appointment_data,
               'created_at', {_utc("created_at")}, 'created_by_agent', created_by_agent,
               'client_state', client_state, 'preapproved', preapproved_at IS NOT NULL,
               'expires_at', {_utc("expires_at")}, 'campaign_run_id', campaign_run_id,
               'replaces_appointment_id', replaces_appointment_id
           ) ORDER BY created_at, id), '[]')::text
    FROM (SELECT * FROM auth_request
          WHERE tenant_id = $1 AND status = 'pending'
            AND ($3::timestamptz IS NULL OR (created_at, id) > ($3, $4::uuid))
          ORDER BY created_at, id LIMIT $2) AS page"""


async def pending_auth_requests_json(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    limit: int,
    after: tuple[datetime, UUID] | None = None,
) -> str:
    """What `list_pending_auth_requests` pages, as a JSON array of the dashboard's fields."""
    text: str = await conn.fetchval(
        PENDING_PAGE_SQL,
        tenant_id,
        limit,
        None if after is None else after[0],
        None if after is None else after[1],
    )
    return text


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
        f"""SELECT {APPOINTMENT_COLUMNS} FROM appointment
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
