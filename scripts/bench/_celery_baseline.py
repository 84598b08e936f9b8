"""The campaign benchmark's (b): what the design document's Celery task per salon would do.

Row by row, one statement per step, autocommit, with the same domain rules as ours (recall,
free slots, offer texts) so that all approaches find the same due clients and skips.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import groupby
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg
import httpx

from db.read.agenda import get_tenant, list_professionals, list_services
from domain.auth_requests import build_appointment_data
from domain.campaigns import CampaignOptions, FreeTime
from domain.free_time import Busy, Slot
from domain.history import Visit, summarize_visits
from domain.models import (
    AppointmentData,
    Client,
    Professional,
    Service,
    Tenant,
    WorkingHours,
)
from domain.recall import DueClient, SkipReason, cycle_position
from domain.whatsapp_texts import campaign_offer_text

from ._campaign_data import Phase

# The Celery-style baseline's statements and decisions (the same domain rules as ours).
CLIENTS_SQL = """SELECT id, name, phone_e164, whatsapp_id, marketing_opt_out,
                        marketing_consent_at IS NOT NULL AS marketing_consent
                 FROM client WHERE tenant_id = $1"""
HOURS_SQL = """SELECT professional_id, weekday, start_time AS start, end_time AS end
               FROM working_hours WHERE tenant_id = $1"""
VISITS_SQL = """SELECT service_id, starts_at, professional_id FROM appointment
                WHERE tenant_id = $1 AND client_id = $2 AND status = 'completed'
                ORDER BY service_id"""
# Whether the client is booked or has a pending suggestion, their last offer, and the salon's
# bookings and pending suggestions in the campaign window (the slots already taken).
CHECK_SQL = """
WITH busy AS (
    SELECT professional_id, starts_at, ends_at FROM appointment
    WHERE tenant_id = $1 AND status <> 'cancelled' AND ends_at >= $3 AND starts_at < $4
      AND starts_at > $3 - interval '1 day'
    UNION ALL
    SELECT professional_id, starts_at, ends_at FROM auth_request
    WHERE tenant_id = $1 AND status = 'pending' AND ends_at >= $3 AND starts_at < $4
)
SELECT EXISTS (SELECT 1 FROM appointment WHERE tenant_id = $1 AND client_id = $2
                 AND ends_at >= $3 AND status <> 'cancelled') AS booked,
       EXISTS (SELECT 1 FROM auth_request WHERE tenant_id = $1 AND client_id = $2
                 AND status = 'pending') AS pending,
       (SELECT max(created_at) FROM outbound_message WHERE tenant_id = $1 AND client_id = $2
          AND kind = 'marketing' AND status IN ('queued', 'sent')) AS last_marketing_at,
       (SELECT coalesce(array_agg(professional_id), '{}') FROM busy) AS busy_professionals,
       (SELECT coalesce(array_agg(starts_at), '{}') FROM busy) AS busy_starts,
       (SELECT coalesce(array_agg(ends_at), '{}') FROM busy) AS busy_ends
"""
INSERT_SQL = """
INSERT INTO auth_request (tenant_id, command_id, created_by_agent, client_id, professional_id,
    service_id, starts_at, ends_at, appointment_data)
VALUES ($1, $2, 'prazo_certo', $3, $4, $5, $6, $7, $8)
RETURNING id
"""


@dataclass(frozen=True)
class Salon:
    tenant: Tenant
    services: dict[UUID, Service]
    professionals: list[Professional]
    hours: list[WorkingHours]


def most_overdue(
    client_id: UUID, visits: Sequence[asyncpg.Record], salon: Salon, now: datetime
) -> DueClient | None:
    """The recall rule of domain/recall.py, applied to one client's visits."""
    zone = salon.tenant.time_zone
    today = now.astimezone(ZoneInfo(zone)).date()
    best: DueClient | None = None
    for service_id, rows in groupby(visits, key=lambda r: r["service_id"]):
        service = salon.services.get(service_id)
        if service is None:
            continue
        own = [Visit(starts_at=r["starts_at"], professional_id=r["professional_id"]) for r in rows]
        history = summarize_visits(client_id, service_id, own, zone)
        position = cycle_position(history, service, today=today, time_zone=zone)
        if position is None or position.overdue_days < 0:
            continue
        if best is None or position.urgency > best.urgency:
            best = position
    return best


def best_slot(
    salon: Salon, due: DueClient, busy: list[Busy], now: datetime, options: CampaignOptions
) -> Slot | None:
    """A real open slot, found as plan_prazo_certo finds it (FreeTime over the same window):
    the usual professional first, then nearest the usual weekday and time of day."""
    service = salon.services[due.service_id]
    performers = [
        p
        for p in salon.professionals
        if p.active and (not p.service_ids or service.id in p.service_ids)
    ]
    zone = ZoneInfo(salon.tenant.time_zone)
    start = now + timedelta(minutes=options.min_lead_min)
    free = FreeTime(
        hours=salon.hours,
        busy=busy,
        professionals=performers,
        start=start,
        end=now + timedelta(days=options.days_ahead),
        time_zone=salon.tenant.time_zone,
    )
    duration = timedelta(minutes=service.duration_min)
    candidates = [
        Slot(professional_id=p.id, starts_at=start, ends_at=start + duration)
        for p in performers
        for start in free.starts(p.id, service.duration_min)
    ]

    def score(slot: Slot) -> tuple[int, int, int, datetime]:
        local = slot.starts_at.astimezone(zone)
        weekday_gap = abs(local.weekday() - due.history.usual_weekday)
        minute_gap = abs(local.hour * 60 + local.minute - due.history.usual_minute)
        usual = 0 if slot.professional_id == due.history.usual_professional_id else 1
        return usual, min(weekday_gap, 7 - weekday_gap), minute_gap, slot.starts_at

    return min(candidates, key=score, default=None)


async def load_salon(conn: asyncpg.Connection, tenant_id: UUID) -> Salon:
    return Salon(
        tenant=await get_tenant(conn, tenant_id=tenant_id),
        services={s.id: s for s in await list_services(conn, tenant_id=tenant_id)},
        professionals=await list_professionals(conn, tenant_id=tenant_id),
        hours=[WorkingHours(**dict(r)) for r in await conn.fetch(HOURS_SQL, tenant_id)],
    )


def check_skip(check: asyncpg.Record, now: datetime, cap_days: int) -> SkipReason | None:
    """The skips of domain/recall.py (after opt-out) from one CHECK_SQL row."""
    last_offer = check["last_marketing_at"]
    if check["booked"]:
        return "already_booked"
    if check["pending"]:
        return "pending_suggestion"
    if last_offer is not None and now - last_offer < timedelta(days=cap_days):
        return "frequency_cap"
    return None


def busy_of(check: asyncpg.Record) -> list[Busy]:
    columns = (check["busy_professionals"], check["busy_starts"], check["busy_ends"])
    return [
        Busy(professional_id=p, starts_at=s, ends_at=e) for p, s, e in zip(*columns, strict=True)
    ]


def offer_body(
    salon: Salon, client: Client, due: DueClient, appointment: AppointmentData, *, message_id: UUID
) -> dict[str, Any]:
    """What the baseline posts to n8n: the offer text in Portuguese, as our sender would."""
    last_visit = due.history.last_visit_at.astimezone(ZoneInfo(salon.tenant.time_zone))
    text = campaign_offer_text(
        appointment,
        salon_name=salon.tenant.name,
        campaign="prazo_certo",
        last_visit_date=last_visit.date().isoformat(),
    )
    return {
        "message_id": str(message_id),
        "tenant_id": str(salon.tenant.id),
        "client_id": str(client.id),
        "client_name": client.name,
        "phone": client.phone_e164,
        "whatsapp_id": client.whatsapp_id,
        "channel": "whatsapp",
        "text": text.text,
        "kind": "marketing",
    }


class CeleryStyle:
    """What a Celery task per salon would do: row by row, one statement per step, autocommit."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        http: httpx.AsyncClient | None,
        options: CampaignOptions,
        *,
        require_consent: bool,
    ) -> None:
        self._require_consent = require_consent  # the bench salons keep the deployment's default
        self._pool = pool
        self._http = http
        self._options = options
        self.queries = 0
        self.sends = 0

    async def salon(self, tenant_id: UUID, phase: Phase) -> None:
        now = datetime.now(UTC)
        async with self._pool.acquire() as conn:
            salon = await load_salon(conn, tenant_id)  # 4 small queries
            clients = [Client(**dict(r)) for r in await conn.fetch(CLIENTS_SQL, tenant_id)]
            self.queries += 5
            suggested = 0
            for client in clients:
                visits = await conn.fetch(VISITS_SQL, tenant_id, client.id)
                self.queries += 1
                due = most_overdue(client.id, visits, salon, now)
                if due is None:
                    continue
                phase.due.add((tenant_id, client.id))
                reason = await self._suggest(conn, salon, client, due, now, suggested)
                if reason is None:
                    suggested += 1
                else:
                    phase.skipped[reason] += 1
            phase.suggestions += suggested

    async def _suggest(
        self,
        conn: asyncpg.Connection,
        salon: Salon,
        client: Client,
        due: DueClient,
        now: datetime,
        suggested: int,
    ) -> SkipReason | None:
        """Check, pick a slot, insert the auth request, send the offer; or why not."""
        if client.marketing_opt_out:
            return "opted_out"
        if self._require_consent and not client.marketing_consent:
            return "no_consent"
        window_end = now + timedelta(days=self._options.days_ahead)
        check = await conn.fetchrow(CHECK_SQL, salon.tenant.id, client.id, now, window_end)
        self.queries += 1
        reason = check_skip(check, now, self._options.frequency_cap_days)
        if reason is not None:
            return reason
        if suggested >= self._options.max_suggestions:
            return "run_limit"
        slot = best_slot(salon, due, busy_of(check), now, self._options)
        if slot is None:
            return "no_slot"
        await self._insert_and_send(conn, salon, client, due, slot)
        return None

    async def _insert_and_send(
        self,
        conn: asyncpg.Connection,
        salon: Salon,
        client: Client,
        due: DueClient,
        slot: Slot,
    ) -> None:
        professional = next(p for p in salon.professionals if p.id == slot.professional_id)
        appointment = build_appointment_data(
            client=client,
            service=salon.services[due.service_id],
            professional=professional,
            starts_at=slot.starts_at,
            time_zone=salon.tenant.time_zone,
            offer=self._options.offer,
        )
        request_id = await conn.fetchval(
            INSERT_SQL,
            salon.tenant.id,
            f"bench-b:{client.id}",
            client.id,
            slot.professional_id,
            due.service_id,
            slot.starts_at,
            slot.ends_at,
            appointment.model_dump(mode="json"),
        )
        self.queries += 1
        if self._http is None:
            return
        body = offer_body(salon, client, due, appointment, message_id=request_id)
        response = await self._http.post(
            "/webhook/whatsapp", json=body, headers={"Idempotency-Key": str(request_id)}
        )
        response.raise_for_status()
        self.sends += 1
