"""Writes and the actor's own reads of campaigns: visit histories, last offers, runs, schedules
(the dashboard's lists: db/read/campaigns.py)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

import asyncpg

from domain.commands import CampaignResult
from domain.history import MIN_VISITS_FOR_OWN_CYCLE, ServiceHistory
from domain.recall import CampaignFacts
from domain.schedule import Schedule
from domain.vocabulary import CampaignTrigger

# Each client's completed visits per service, summarised as domain.history.summarize_visits does:
# the usual professional and weekday are the most frequent, on a tie the one seen last; the usual
# minute is the lower median of local times of day; gaps are float days as Python computes them
# (exact epoch seconds / 86400), sorted, so the median is taken in Python exactly as there.
HISTORIES_SQL = """
WITH visit AS (
    SELECT client_id, service_id, starts_at, professional_id,
           starts_at AT TIME ZONE $2 AS local_at,
           extract(epoch FROM starts_at - lag(starts_at) OVER pair)::float8 / 86400.0::float8
               AS gap_days
    FROM appointment
    WHERE tenant_id = $1 AND status = 'completed'
    WINDOW pair AS (PARTITION BY client_id, service_id ORDER BY starts_at)
), usual_professional AS (
    SELECT DISTINCT ON (client_id, service_id) client_id, service_id, professional_id
    FROM visit
    GROUP BY client_id, service_id, professional_id
    ORDER BY client_id, service_id, count(*) DESC, max(starts_at) DESC
), usual_weekday AS (
    SELECT DISTINCT ON (client_id, service_id) client_id, service_id,
           extract(isodow FROM local_at)::int - 1 AS weekday
    FROM visit
    GROUP BY client_id, service_id, extract(isodow FROM local_at)
    ORDER BY client_id, service_id, count(*) DESC, max(starts_at) DESC
), summary AS (
    SELECT client_id, service_id, count(*) AS visit_count, max(starts_at) AS last_visit_at,
           array_agg(gap_days ORDER BY gap_days) FILTER (WHERE gap_days IS NOT NULL) AS gaps,
           percentile_disc(0.5) WITHIN GROUP (
               ORDER BY extract(hour FROM local_at)::int * 60 + extract(minute FROM local_at)::int
           ) AS usual_minute
    FROM visit
    GROUP BY client_id, service_id
)
SELECT s.client_id, s.service_id, s.visit_count, s.last_visit_at, s.gaps, s.usual_minute,
       p.professional_id AS usual_professional_id, w.weekday AS usual_weekday
FROM summary s
JOIN usual_professional p USING (client_id, service_id)
JOIN usual_weekday w USING (client_id, service_id)
"""
# Only the summaries that may be due on a day ($3), `DUE_MARGIN_DAYS` ($4) to spare: a client's
# cycle is their rounded median gap from three visits on (never below the floor of the lower
# middle gap), else the service's return cycle; Python decides exactly (domain/recall.py).
DUE_HISTORIES_SQL = (
    HISTORIES_SQL
    + """LEFT JOIN service sv ON sv.tenant_id = $1 AND sv.id = s.service_id
CROSS JOIN LATERAL (
    SELECT $3::date - (s.last_visit_at AT TIME ZONE $2)::date + $4::int AS days
) since
WHERE (s.visit_count >= 3 AND since.days >= floor(s.gaps[s.visit_count / 2]))
   OR since.days >= sv.return_cycle_days
"""
)
# How many days before its due day a summary is still read: the day the facts are read for may
# be one before the run's (read just before midnight), and a local date one off at most.
DUE_MARGIN_DAYS = 2


async def load_histories(
    conn: asyncpg.Connection, *, tenant_id: UUID, time_zone: str, due_on: date | None = None
) -> list[ServiceHistory]:
    """Each client's completed visits per service, summarised in one query (set-based: no
    visit reaches Python; the median gap is taken here, as `summarize_visits` takes it).
    `due_on`: only the summaries that may be due that day (a superset of them: Prazo Certo's
    due rule, domain/recall.py, reads no other)."""
    if due_on is None:
        rows = await conn.fetch(HISTORIES_SQL, tenant_id, time_zone)
    else:
        rows = await conn.fetch(DUE_HISTORIES_SQL, tenant_id, time_zone, due_on, DUE_MARGIN_DAYS)
    return [
        ServiceHistory(
            client_id=row["client_id"],
            service_id=row["service_id"],
            visit_count=row["visit_count"],
            last_visit_at=row["last_visit_at"],
            typical_interval_days=(
                statistics.median(row["gaps"])
                if row["visit_count"] >= MIN_VISITS_FOR_OWN_CYCLE
                else None
            ),
            usual_professional_id=row["usual_professional_id"],
            usual_weekday=row["usual_weekday"],
            usual_minute=row["usual_minute"],
        )
        for row in rows
    ]


async def load_facts(
    conn: asyncpg.Connection, *, tenant_id: UUID, time_zone: str, due_on: date | None = None
) -> CampaignFacts:
    """What a campaign run reads besides the agenda: histories (`due_on`: only those that may
    be due that day, see `load_histories`) and last offers per client."""
    booked = await conn.fetch(  # an index-only scan of the salon's bookings (migration 0020)
        "SELECT DISTINCT client_id FROM appointment WHERE tenant_id = $1 AND status = 'booked'",
        tenant_id,
    )
    return CampaignFacts(
        histories=await load_histories(
            conn, tenant_id=tenant_id, time_zone=time_zone, due_on=due_on
        ),
        last_marketing_at=await last_marketing_at(conn, tenant_id=tenant_id),
        booked_client_ids=frozenset(row["client_id"] for row in booked),
    )


async def last_marketing_at(conn: asyncpg.Connection, *, tenant_id: UUID) -> dict[UUID, datetime]:
    """When each client was last offered something: offers sent or waiting to leave, and offers
    the owner or the client's side closed before they left (a rejected suggestion is not made
    again before the frequency cap allows). An offer counts from when it may leave
    (`not_before`, planned on the salon's clock inside its send window), not from when the row
    was written: a run at night whose offers leave at 9:00 caps the client from 9:00."""
    rows = await conn.fetch(
        """SELECT client_id, max(not_before) AS last_at FROM outbound_message
           WHERE tenant_id = $1 AND kind = 'marketing'
             AND (status IN ('queued', 'sent') OR last_error = 'offer_closed')
           GROUP BY client_id""",
        tenant_id,
    )
    return {row["client_id"]: row["last_at"] for row in rows}


async def find_run(
    conn: asyncpg.Connection, *, tenant_id: UUID, run_key: str
) -> CampaignResult | None:
    stored = await conn.fetchval(
        "SELECT stats FROM campaign_run WHERE tenant_id = $1 AND run_key = $2", tenant_id, run_key
    )
    return None if stored is None else CampaignResult.model_validate(stored)


async def run_or_facts(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    run_key: str,
    time_zone: str,
    due_on: date | None = None,
) -> CampaignResult | CampaignFacts:
    """The run stored under this key (the command is a repeat), else what a new run reads: both
    on one connection."""
    stored = await find_run(conn, tenant_id=tenant_id, run_key=run_key)
    if stored is not None:
        return stored
    return await load_facts(conn, tenant_id=tenant_id, time_zone=time_zone, due_on=due_on)


async def insert_run(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    result: CampaignResult,
    trigger: CampaignTrigger,
    local_date: date,
    context: dict[str, Any],
) -> None:
    # The result as JSON text, encoded once by pydantic (a run's is ~30 KB: no dict between).
    await conn.execute(
        """INSERT INTO campaign_run (tenant_id, id, run_key, campaign_type, trigger, local_date,
               context, stats)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb)""",
        tenant_id,
        result.run_id,
        result.run_key,
        result.campaign_type,
        trigger,
        local_date,
        context,
        result.model_dump_json(),
    )


async def set_schedule(conn: asyncpg.Connection, *, schedule: Schedule) -> None:
    await conn.execute(
        """INSERT INTO campaign_schedule (tenant_id, campaign_type, enabled, local_time, weekdays)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (tenant_id, campaign_type) DO UPDATE
             SET enabled = $3, local_time = $4, weekdays = $5, updated_at = now()""",
        schedule.tenant_id,
        schedule.campaign_type,
        schedule.enabled,
        schedule.local_time,
        list(schedule.weekdays),
    )


async def completed_runs(
    conn: asyncpg.Connection, *, runs: Sequence[tuple[UUID, str]]
) -> set[tuple[UUID, str]]:
    """Which (tenant, run_key) pairs already ran (uses the (tenant_id, run_key) key)."""
    rows = await conn.fetch(
        """SELECT r.tenant_id, r.run_key FROM campaign_run r
           JOIN unnest($1::uuid[], $2::text[]) AS w(tenant_id, run_key)
             ON r.tenant_id = w.tenant_id AND r.run_key = w.run_key""",
        [tenant for tenant, _ in runs],
        [key for _, key in runs],
    )
    return {(row["tenant_id"], row["run_key"]) for row in rows}


async def all_tenant_ids(conn: asyncpg.Connection) -> list[UUID]:
    return [row["id"] for row in await conn.fetch("SELECT id FROM tenant ORDER BY id")]
