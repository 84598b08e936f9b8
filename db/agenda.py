"""A salon's live agenda in PostgreSQL: load it whole (what its actor holds in memory), and store
an `AgendaChange` (the rows behind what a command changed in memory)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import asyncpg

from db import auth_requests, clients, outbox
from db.appointments import insert_appointments, update_appointments
from db.read.agenda import (
    APPOINTMENT_COLUMNS,
    get_tenant,
    list_pending_auth_requests,
    list_professionals,
)
from db.read.salon_profile import get_salon_profile
from db.read.salon_settings import get_salon_settings
from db.working_hours import replace_weeks
from domain.agenda import Agenda, AgendaChange
from domain.client_book import ClientBook
from domain.models import Appointment, AuthRequestStatus, Service, Tenant, WorkingHours
from domain.salon_settings import SalonSettings

# A request that ended without a booking: its offer, if it has not left yet, never will.
ENDED_UNBOOKED = (AuthRequestStatus.CLOSED, AuthRequestStatus.REJECTED)


async def load_agenda(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    now: datetime,
    defaults: SalonSettings,
    tenant: Tenant | None = None,
) -> Agenda:
    """The salon's whole agenda; its settings are `defaults` overridden by the owner's choices.
    `tenant`: the salon's row when the caller read it already (activation takes it with the
    epoch), else read here."""
    if tenant is None:
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
    client_rows = await conn.fetch(
        f"SELECT {clients.CLIENT_COLUMNS} FROM client WHERE tenant_id = $1 AND erased_at IS NULL",
        tenant_id,
    )
    upcoming = await conn.fetch(
        f"""
        SELECT {APPOINTMENT_COLUMNS}
        FROM appointment
        WHERE tenant_id = $1 AND ends_at >= $2 AND status <> 'cancelled'
          -- appointments last at most 600 minutes: this bound lets (tenant_id, starts_at) serve
          AND starts_at >= $2 - interval '600 minutes'
        """,
        tenant_id,
        now,
    )
    pending = await list_pending_auth_requests(conn, tenant_id=tenant_id)
    settings = await get_salon_settings(conn, tenant_id=tenant_id, defaults=defaults)
    profile = await get_salon_profile(conn, tenant_id=tenant_id)
    return Agenda(
        tenant=tenant,
        professionals={p.id: p for p in professionals},
        services={r["id"]: Service(**dict(r)) for r in services},
        working_hours=[WorkingHours(**dict(r)) for r in hours],
        clients=ClientBook.of_rows(client_rows),
        upcoming={r["id"]: Appointment(**dict(r)) for r in upcoming},
        pending={request.id: request for request in pending},
        settings=settings,
        profile=profile,
    )


async def store_change(
    conn: asyncpg.Connection, *, tenant_id: UUID, change: AgendaChange, at: datetime
) -> None:
    """The change's rows, inside the caller's transaction, in the order their keys need.

    New clients are stored by the caller first (what else a command stores may refer to them);
    a refused row raises the domain error saying why (SlotTakenError, AlreadyDecidedError).
    """
    if change.requests_added:
        await auth_requests.insert_auth_requests(
            conn, tenant_id=tenant_id, requests=change.requests_added
        )
    if change.requests_decided or change.requests_updated:
        await auth_requests.update_requests(
            conn,
            tenant_id=tenant_id,
            requests=(*change.requests_decided, *change.requests_updated),
        )
        ended = [r.id for r in change.requests_decided if r.status in ENDED_UNBOOKED]
        if ended:
            await outbox.skip_queued_for(
                conn, tenant_id=tenant_id, related_ids=ended, reason="offer_closed"
            )
    if change.appointments_added:
        await insert_appointments(conn, tenant_id=tenant_id, appointments=change.appointments_added)
    if change.appointments_updated:
        await update_appointments(
            conn, tenant_id=tenant_id, updates=change.appointments_updated, at=at
        )
        unreminded = [
            u.after.id
            for u in change.appointments_updated
            if u.after.status != u.before.status or u.after.starts_at != u.before.starts_at
        ]
        if unreminded:
            await outbox.skip_queued_for(
                conn,
                tenant_id=tenant_id,
                related_ids=unreminded,
                reason="appointment_changed",
                kind="reminder",
            )
    if change.consents:
        await clients.record_consents(conn, tenant_id=tenant_id, consents=change.consents, at=at)
    if change.whatsapp_ids:
        await clients.fill_whatsapp_ids(conn, tenant_id=tenant_id, whatsapp_ids=change.whatsapp_ids)
    if change.weeks:
        await replace_weeks(conn, tenant_id=tenant_id, weeks=change.weeks)


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


async def tenants_with_ended_bookings(
    conn: asyncpg.Connection, *, now: datetime, defaults: SalonSettings
) -> dict[UUID, datetime]:
    """Salons with bookings that ended longer ago than their auto-complete delay, and the moment
    before which theirs count as ended (salons that turned auto-complete off are left out)."""
    rows = await conn.fetch(
        """
        SELECT w.tenant_id, w.ended_before
        FROM (
            SELECT t.id AS tenant_id,
                   $1::timestamptz - make_interval(
                       hours => coalesce(s.auto_complete_after_h, $2)) AS ended_before
            FROM tenant t LEFT JOIN salon_settings s ON s.tenant_id = t.id
            WHERE coalesce(s.auto_complete, $3)
        ) w
        WHERE EXISTS (
            SELECT 1 FROM appointment a
            WHERE a.tenant_id = w.tenant_id AND a.status = 'booked' AND a.ends_at < w.ended_before
        )
        """,
        now,
        defaults.auto_complete_after_h,
        defaults.auto_complete,
    )
    return {row["tenant_id"]: row["ended_before"] for row in rows}


async def tenants_with_stale_requests(conn: asyncpg.Connection, *, now: datetime) -> list[UUID]:
    """Salons with pending requests to close: offers not answered before they expired, and any
    request whose time came (auth_request_pending_until)."""
    rows = await conn.fetch(
        """SELECT DISTINCT tenant_id FROM auth_request
           WHERE status = 'pending'
             AND (starts_at <= $1 OR (client_state = 'offered' AND expires_at <= $1))""",
        now,
    )
    return [row["tenant_id"] for row in rows]
