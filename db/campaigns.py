"""Queries of campaigns: visit histories, marketing frequency, runs, schedules."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

import asyncpg

from domain.commands import CampaignResult, CampaignRunSummary
from domain.history import ServiceHistory, Visit, summarize_visits
from domain.models import AuthRequest
from domain.schedule import DEFAULT_SCHEDULES, Schedule


async def load_histories(
    conn: asyncpg.Connection, *, tenant_id: UUID, time_zone: str
) -> list[ServiceHistory]:
    """Each client's completed visits per service, summarised (one query, arrays per pair)."""
    rows = await conn.fetch(
        """
        SELECT client_id, service_id,
               array_agg(starts_at ORDER BY starts_at) AS starts,
               array_agg(professional_id ORDER BY starts_at) AS professionals
        FROM appointment
        WHERE tenant_id = $1 AND status = 'completed'
        GROUP BY client_id, service_id
        """,
        tenant_id,
    )
    return [
        summarize_visits(
            row["client_id"],
            row["service_id"],
            [
                Visit(starts_at=s, professional_id=p)
                for s, p in zip(row["starts"], row["professionals"], strict=True)
            ],
            time_zone,
        )
        for row in rows
    ]


async def last_marketing_at(conn: asyncpg.Connection, *, tenant_id: UUID) -> dict[UUID, datetime]:
    rows = await conn.fetch(
        """SELECT client_id, max(created_at) AS last_at FROM outbound_message
           WHERE tenant_id = $1 AND kind = 'marketing' AND status IN ('queued', 'sent')
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


async def list_recent_runs(
    conn: asyncpg.Connection, *, tenant_id: UUID, limit: int
) -> list[CampaignRunSummary]:
    rows = await conn.fetch(
        """SELECT id AS run_id, campaign_type, trigger, created_at, stats->'stats' AS stats
           FROM campaign_run WHERE tenant_id = $1
           ORDER BY created_at DESC, id LIMIT $2""",
        tenant_id,
        limit,
    )
    return [CampaignRunSummary(**dict(row)) for row in rows]


async def insert_run(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    result: CampaignResult,
    trigger: str,
    local_date: date,
    context: dict[str, Any],
) -> None:
    await conn.execute(
        """INSERT INTO campaign_run (tenant_id, id, run_key, campaign_type, trigger, local_date,
               context, stats)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""",
        tenant_id,
        result.run_id,
        result.run_key,
        result.campaign_type,
        trigger,
        local_date,
        context,
        result.model_dump(mode="json"),
    )


async def insert_campaign_requests(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    requests: Sequence[AuthRequest],
    campaign_run_id: UUID,
) -> None:
    """All of a run's auth requests in one batched statement."""
    await conn.executemany(
        """
        INSERT INTO auth_request (tenant_id, id, command_id, status, created_by_agent, client_id,
            professional_id, service_id, starts_at, ends_at, appointment_data, created_at,
            campaign_run_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        """,
        [
            (
                tenant_id,
                r.id,
                r.command_id,
                r.status.value,
                r.created_by_agent.value,
                r.appointment_data.client_id,
                r.appointment_data.professional_id,
                r.appointment_data.service_id,
                r.appointment_data.starts_at,
                r.appointment_data.ends_at,
                r.appointment_data.model_dump(mode="json"),
                r.created_at,
                campaign_run_id,
            )
            for r in requests
        ],
    )


async def queue_campaign_messages(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    messages: Sequence[tuple[UUID, UUID, str, UUID]],
    campaign_run_id: UUID,
    not_before: datetime,
) -> None:
    """Marketing messages (id, client, text, auth request) held until `not_before`."""
    await conn.executemany(
        """INSERT INTO outbound_message (tenant_id, id, client_id, kind, body, related_id,
               campaign_run_id, not_before, next_attempt_at)
           VALUES ($1, $2, $3, 'marketing', $4, $5, $6, $7, $7)""",
        [
            (tenant_id, message_id, client_id, body, related_id, campaign_run_id, not_before)
            for message_id, client_id, body, related_id in messages
        ],
    )


async def list_schedules(
    conn: asyncpg.Connection, *, tenant_ids: Collection[UUID] | None = None
) -> list[Schedule]:
    """Every salon × campaign (or those of `tenant_ids`), with its stored override or the
    default (one query)."""
    rows = await conn.fetch(
        """
        SELECT t.id AS tenant_id, t.time_zone, c.campaign_type,
               coalesce(s.enabled, true) AS enabled, s.local_time, s.weekdays
        FROM tenant t
        CROSS JOIN unnest($1::text[]) AS c(campaign_type)
        LEFT JOIN campaign_schedule s
          ON s.tenant_id = t.id AND s.campaign_type = c.campaign_type
        WHERE $2::uuid[] IS NULL OR t.id = ANY($2::uuid[])
        ORDER BY t.id, c.campaign_type
        """,
        list(DEFAULT_SCHEDULES),
        None if tenant_ids is None else list(tenant_ids),
    )
    schedules = []
    for row in rows:
        default_time, default_days = DEFAULT_SCHEDULES[row["campaign_type"]]
        schedules.append(
            Schedule(
                tenant_id=row["tenant_id"],
                time_zone=row["time_zone"],
                campaign_type=row["campaign_type"],
                enabled=row["enabled"],
                local_time=row["local_time"] or default_time,
                weekdays=tuple(row["weekdays"]) if row["weekdays"] is not None else default_days,
            )
        )
    return schedules


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
