"""Imports a salon file (domain/salon_import.py) set-based and idempotently (upserts by stable id).

Import is how a salon's existing data gets in; run it before the salon's actor is live, or
passivate the actor afterwards, since the actor otherwise keeps what it loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg

from db.salon_profile import store_profile
from domain.errors import SalonFileError
from domain.salon_import import SalonFile, id_for, rebase_shift, tenant_id_of


@dataclass(frozen=True)
class ImportSummary:
    tenant_id: UUID
    professionals: int
    services: int
    clients: int
    appointments: int
    shifted_days: int


async def import_salon(
    conn: asyncpg.Connection, salon: SalonFile, *, rebase_to: date | None = None
) -> ImportSummary:
    """Upsert everything in the file inside one transaction owned by the caller.

    A row the database refuses (a slug or phone taken, a visit over a stored appointment) is a
    `SalonFileError` saying which: the caller rolls back, so nothing of the file is written.
    """
    try:
        return await _import(conn, salon, rebase_to)
    except asyncpg.UniqueViolationError as error:
        raise SalonFileError(f"{error.detail or error} ({error.constraint_name})") from None


async def _import(
    conn: asyncpg.Connection, salon: SalonFile, rebase_to: date | None
) -> ImportSummary:
    tenant_id = tenant_id_of(salon)
    shift = rebase_shift(salon, rebase_to) if rebase_to else timedelta(0)
    await conn.execute(
        """INSERT INTO tenant (id, slug, name, time_zone) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET slug = $2, name = $3, time_zone = $4,
             updated_at = now()""",
        tenant_id,
        salon.tenant.slug,
        salon.tenant.name,
        salon.tenant.time_zone,
    )
    await conn.executemany(
        """INSERT INTO app_user (tenant_id, id, name, email, role) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (tenant_id, id) DO UPDATE SET name = $3, email = $4, role = $5""",
        [
            (tenant_id, id_for(tenant_id, "user", u.key), u.name, u.email, u.role.value)
            for u in salon.users
        ],
    )
    if salon.profile is not None:
        await store_profile(conn, tenant_id=tenant_id, profile=salon.profile)
    await _import_catalogue(conn, salon, tenant_id)
    await _import_clients(conn, salon, tenant_id, shift)
    await _import_consents(conn, salon, tenant_id, shift)
    appointments = await _import_visits(conn, salon, tenant_id, shift)
    return ImportSummary(
        tenant_id=tenant_id,
        professionals=len(salon.professionals),
        services=len(salon.services),
        clients=len(salon.clients),
        appointments=appointments,
        shifted_days=shift.days,
    )


async def _import_catalogue(conn: asyncpg.Connection, salon: SalonFile, tenant_id: UUID) -> None:
    await conn.executemany(
        """INSERT INTO service (tenant_id, id, name, duration_min, price_cents, return_cycle_days)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (tenant_id, id) DO UPDATE SET name = $3, duration_min = $4,
             price_cents = $5, return_cycle_days = $6""",
        [
            (
                tenant_id,
                id_for(tenant_id, "service", s.key),
                s.name,
                s.duration_min,
                s.price_cents,
                s.return_cycle_days,
            )
            for s in salon.services
        ],
    )
    await conn.executemany(
        """INSERT INTO professional (tenant_id, id, name) VALUES ($1, $2, $3)
           ON CONFLICT (tenant_id, id) DO UPDATE SET name = $3""",
        [
            (tenant_id, id_for(tenant_id, "professional", p.key), p.name)
            for p in salon.professionals
        ],
    )
    professional_ids = [id_for(tenant_id, "professional", p.key) for p in salon.professionals]
    # The file is the whole truth for skills and hours: replace them.
    await conn.execute(
        "DELETE FROM professional_service WHERE tenant_id = $1 AND professional_id = ANY($2)",
        tenant_id,
        professional_ids,
    )
    await conn.execute(
        "DELETE FROM working_hours WHERE tenant_id = $1 AND professional_id = ANY($2)",
        tenant_id,
        professional_ids,
    )
    await conn.executemany(
        "INSERT INTO professional_service (tenant_id, professional_id, service_id)"
        " VALUES ($1, $2, $3)",
        [
            (tenant_id, id_for(tenant_id, "professional", p.key), id_for(tenant_id, "service", s))
            for p in salon.professionals
            for s in p.services
        ],
    )
    await conn.executemany(
        "INSERT INTO working_hours (tenant_id, professional_id, weekday, start_time, end_time)"
        " VALUES ($1, $2, $3, $4, $5)",
        [
            (tenant_id, id_for(tenant_id, "professional", p.key), h.weekday, h.start, h.end)
            for p in salon.professionals
            for h in p.working_hours
        ],
    )


# A file's opt-in counts unless the client opted out, or a grant or revocation was recorded at or
# after it (the chat, the owner, WhatsApp, the same file imported before).
IMPORT_CONSENTS = """
WITH incoming AS (
    SELECT * FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[])
        AS i(client_id, at, source, text)
), fresh AS (
    SELECT i.* FROM incoming AS i
    JOIN client AS c ON c.tenant_id = $1 AND c.id = i.client_id
    WHERE NOT c.marketing_opt_out AND NOT EXISTS (
        SELECT 1 FROM client_consent AS k
        WHERE k.tenant_id = $1 AND k.client_id = i.client_id AND k.at >= i.at)
), recorded AS (
    INSERT INTO client_consent (tenant_id, client_id, granted, at, source, text)
    SELECT $1, client_id, true, at, source, text FROM fresh
    RETURNING client_id, at
)
UPDATE client AS c SET marketing_consent_at = r.at, updated_at = now()
FROM recorded AS r WHERE c.tenant_id = $1 AND c.id = r.client_id
"""


async def _import_consents(
    conn: asyncpg.Connection, salon: SalonFile, tenant_id: UUID, shift: timedelta
) -> None:
    given = [(c.key, c.marketing_consent) for c in salon.clients if c.marketing_consent]
    if not given:
        return
    await conn.execute(
        IMPORT_CONSENTS,
        tenant_id,
        [id_for(tenant_id, "client", key) for key, _ in given],
        [consent.granted_at + shift for _, consent in given],
        [consent.source for _, consent in given],
        [consent.text for _, consent in given],
    )


async def _import_clients(
    conn: asyncpg.Connection, salon: SalonFile, tenant_id: UUID, shift: timedelta
) -> None:
    said_out = [id_for(tenant_id, "client", c.key) for c in salon.clients if c.marketing_opt_out]
    # An opt-in recorded on or after the file's day (the chat, the owner) is newer than the
    # file's opt-out: it stands. Clients already out need no second record.
    file_day = datetime.combine(salon.as_of + shift, time(0), ZoneInfo(salon.tenant.time_zone))
    kept = await conn.fetch(
        """SELECT client_id AS id FROM client_consent
           WHERE tenant_id = $1 AND client_id = ANY($2::uuid[]) AND granted AND at >= $3
           UNION SELECT id FROM client
           WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND marketing_opt_out""",
        tenant_id,
        said_out,
        file_day,
    )
    newly_out = set(said_out) - {row["id"] for row in kept}
    await conn.executemany(
        """INSERT INTO client (tenant_id, id, name, phone_e164, whatsapp_id, marketing_opt_out)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (tenant_id, id) DO UPDATE SET name = $3, phone_e164 = $4,
             whatsapp_id = $5,
             -- an opt-out recorded since (the chat, the owner) is never undone by a file
             marketing_opt_out = client.marketing_opt_out OR $6,
             marketing_consent_at = CASE WHEN $6 THEN NULL ELSE client.marketing_consent_at END,
             updated_at = now()""",
        [
            (
                tenant_id,
                id_for(tenant_id, "client", c.key),
                c.name,
                c.phone,
                c.whatsapp_id,
                id_for(tenant_id, "client", c.key) in newly_out,
            )
            for c in salon.clients
        ],
    )
    # Each new opt-out in the client's consent history (new clients too, now that they exist).
    await conn.execute(
        """INSERT INTO client_consent (tenant_id, client_id, granted, at, source, text)
           SELECT $1, id, false, now(), 'import', 'opted out in the salon file'
           FROM unnest($2::uuid[]) AS id""",
        tenant_id,
        sorted(newly_out),
    )


async def _import_visits(
    conn: asyncpg.Connection, salon: SalonFile, tenant_id: UUID, shift: timedelta
) -> int:
    prices = {s.key: (s.price_cents, s.duration_min) for s in salon.services}
    rows = []
    for client in salon.clients:
        for visit in client.visits:
            price, duration = prices[visit.service]
            starts_at = visit.starts_at + shift
            # Visits have no key: their id comes from what they are, as written in the file.
            visit_key = f"{client.key}:{visit.professional}:{visit.starts_at.isoformat()}"
            rows.append(
                (
                    tenant_id,
                    id_for(tenant_id, "visit", visit_key),
                    id_for(tenant_id, "client", client.key),
                    id_for(tenant_id, "professional", visit.professional),
                    id_for(tenant_id, "service", visit.service),
                    starts_at,
                    starts_at + timedelta(minutes=duration),
                    visit.status,
                    visit.price_cents if visit.price_cents is not None else price,
                )
            )
    try:
        # A savepoint, so the conflict can still be looked up before the caller rolls back.
        async with conn.transaction():
            await conn.executemany(
                """INSERT INTO appointment (tenant_id, id, client_id, professional_id, service_id,
                       starts_at, ends_at, status, price_cents, source)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'import')
                   ON CONFLICT (tenant_id, id) DO NOTHING""",
                rows,
            )
    except asyncpg.ExclusionViolationError:
        # The file itself was checked (SalonFile): a visit meets an appointment already stored.
        raise SalonFileError(await _stored_overlap(conn, salon, tenant_id, rows)) from None
    return len(rows)


async def _stored_overlap(
    conn: asyncpg.Connection, salon: SalonFile, tenant_id: UUID, rows: list[tuple[Any, ...]]
) -> str:
    """One line naming a visit of the file and the stored appointment it overlaps."""
    found = await conn.fetchrow(
        """SELECT v.id AS visit_id, a.id AS appointment_id, a.professional_id,
                  v.starts_at AS visit_at, a.starts_at, a.ends_at
           FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[])
                AS v(id, professional_id, starts_at, ends_at, status)
           JOIN appointment a ON a.tenant_id = $1 AND a.professional_id = v.professional_id
             AND a.id <> v.id AND a.status <> 'cancelled' AND v.status <> 'cancelled'
             AND tstzrange(a.starts_at, a.ends_at) && tstzrange(v.starts_at, v.ends_at)
           ORDER BY v.starts_at LIMIT 1""",
        tenant_id,
        [r[1] for r in rows],
        [r[3] for r in rows],
        [r[5] for r in rows],
        [r[6] for r in rows],
        [r[7] for r in rows],
    )
    if found is None:
        return "a visit overlaps an appointment already stored (another writer meanwhile)"
    keys = {id_for(tenant_id, "professional", p.key): p.key for p in salon.professionals}
    return (
        f"the visit of professional {keys.get(found['professional_id'], '?')} at"
        f" {found['visit_at'].isoformat()} overlaps appointment {found['appointment_id']}"
        f" already stored ({found['starts_at'].isoformat()}–{found['ends_at'].isoformat()})"
    )
