"""Loads one tenant's live agenda (what its actor holds in memory) in a handful of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

import asyncpg

from db.auth_requests import list_pending_auth_requests
from db.reads import list_professionals
from domain.errors import NotFoundError
from domain.models import (
    Appointment,
    AuthRequest,
    Client,
    Professional,
    Service,
    Tenant,
    WorkingHours,
)


@dataclass
class AgendaSnapshot:
    tenant: Tenant
    professionals: dict[UUID, Professional]
    services: dict[UUID, Service]
    working_hours: list[WorkingHours]
    clients: dict[UUID, Client]
    upcoming: dict[UUID, Appointment]
    pending: dict[UUID, AuthRequest]
    last_visits: dict[tuple[UUID, UUID], datetime] = field(default_factory=dict)


async def get_tenant(conn: asyncpg.Connection, *, tenant_id: UUID) -> Tenant:
    row = await conn.fetchrow("SELECT id, name, time_zone FROM tenant WHERE id = $1", tenant_id)
    if row is None:
        raise NotFoundError(f"tenant {tenant_id} not found")
    return Tenant(**dict(row))


async def load_agenda(
    conn: asyncpg.Connection, *, tenant_id: UUID, now: datetime
) -> AgendaSnapshot:
    tenant = await get_tenant(conn, tenant_id=tenant_id)
    professionals = await list_professionals(conn, tenant_id=tenant_id)
    services = await conn.fetch(
        "SELECT id, name, duration_min, price_cents, return_cycle_days FROM service"
        " WHERE tenant_id = $1 AND active",
        tenant_id,
    )
    hours = await conn.fetch(
        "SELECT professional_id, weekday, start_time AS start, end_time AS end"
        " FROM working_hours WHERE tenant_id = $1",
        tenant_id,
    )
    clients = await conn.fetch(
        "SELECT id, name, phone_e164, whatsapp_id, marketing_opt_out FROM client"
        " WHERE tenant_id = $1",
        tenant_id,
    )
    upcoming = await conn.fetch(
        """
        SELECT id, client_id, professional_id, service_id, starts_at, ends_at, status,
               price_cents, auth_request_id
        FROM appointment
        WHERE tenant_id = $1 AND ends_at >= $2 AND status <> 'cancelled'
          -- appointments last at most 600 minutes: this bound lets (tenant_id, starts_at) serve
          AND starts_at >= $2 - interval '600 minutes'
        """,
        tenant_id,
        now,
    )
    last_visits = await conn.fetch(
        """
        SELECT client_id, service_id, max(starts_at) AS last_at
        FROM appointment
        WHERE tenant_id = $1 AND status = 'completed'
        GROUP BY client_id, service_id
        """,
        tenant_id,
    )
    pending = await list_pending_auth_requests(conn, tenant_id=tenant_id)
    return AgendaSnapshot(
        tenant=tenant,
        professionals={p.id: p for p in professionals},
        services={r["id"]: Service(**dict(r)) for r in services},
        working_hours=[WorkingHours(**dict(r)) for r in hours],
        clients={r["id"]: Client(**dict(r)) for r in clients},
        upcoming={r["id"]: Appointment(**dict(r)) for r in upcoming},
        pending={request.id: request for request in pending},
        last_visits={(r["client_id"], r["service_id"]): r["last_at"] for r in last_visits},
    )


async def tenants_with_unfinished_work(
    conn: asyncpg.Connection, *, older_than: datetime
) -> list[UUID]:
    """Salons with client messages not answered or events not published since `older_than`
    (a process died, Redis was away): their actors are woken to finish (partial indexes)."""
    rows = await conn.fetch(
        """SELECT DISTINCT tenant_id FROM chat_message
           WHERE status = 'pending' AND created_at < $1
           UNION
           SELECT DISTINCT tenant_id FROM event
           WHERE published_at IS NULL AND occurred_at < $1""",
        older_than,
    )
    return [row["tenant_id"] for row in rows]
