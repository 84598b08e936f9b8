"""Writes and the actor's own reads of campaigns: visit histories, last offers, runs, schedules
(the dashboard's lists: db/read/campaigns.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

import asyncpg

from domain.commands import CampaignResult
from domain.history import ServiceHistory, Visit, summarize_visits
from domain.recall import CampaignFacts
from domain.schedule import Schedule
from domain.vocabulary import CampaignTrigger


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


async def load_facts(conn: asyncpg.Connection, *, tenant_id: UUID, time_zone: str) -> CampaignFacts:
    """What a campaign run reads besides the agenda: histories and last offers per client."""
    booked = await conn.fetch(
        "SELECT DISTINCT client_id FROM appointment WHERE tenant_id = $1 AND status = 'booked'",
        tenant_id,
    )
    return CampaignFacts(
        histories=await load_histories(conn, tenant_id=tenant_id, time_zone=time_zone),
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


async def insert_run(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    result: CampaignResult,
    trigger: CampaignTrigger,
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
