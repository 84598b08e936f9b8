"""Read-only queries of campaigns: a salon's stored runs and every salon's schedules."""

from __future__ import annotations

import logging
from collections.abc import Collection
from uuid import UUID

import asyncpg

from domain.commands import CampaignRunSummary
from domain.models import is_time_zone
from domain.schedule import DEFAULT_SCHEDULES, Schedule

logger = logging.getLogger(__name__)


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
        if not is_time_zone(row["time_zone"]):  # one broken salon row never stops the others
            logger.error("tenant %s: unknown time zone: no scheduled campaigns", row["tenant_id"])
            continue
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
