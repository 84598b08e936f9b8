"""Queries of campaigns: visit histories, marketing frequency, runs, schedules."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any
from uuid import UUID

import asyncpg

from domain.commands import CampaignResult
from domain.history import ServiceHistory, Visit, summarize_visits
from domain.models import AuthRequest


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


class ScheduleRow:
    """A salon's schedule for one campaign as stored (or the default when none is)."""

    def __init__(
        self,
        tenant_id: UUID,
        time_zone: str,
        campaign_type: str,
        enabled: bool,
        local_time: time,
        weekdays: Sequence[int],
    ) -> None:
        self.tenant_id = tenant_id
        self.time_zone = time_zone
        self.campaign_type = campaign_type
        self.enabled = enabled
        self.local_time = local_time
        self.weekdays = tuple(weekdays)


async def list_schedules(
    conn: asyncpg.Connection, *, defaults: dict[str, tuple[time, tuple[int, ...]]]
) -> list[ScheduleRow]:
    """Every salon × campaign, with stored overrides or the defaults (one query)."""
    rows = await conn.fetch(
        """
        SELECT t.id AS tenant_id, t.time_zone, c.campaign_type,
               coalesce(s.enabled, true) AS enabled, s.local_time, s.weekdays
        FROM tenant t
        CROSS JOIN unnest($1::text[]) AS c(campaign_type)
        LEFT JOIN campaign_schedule s
          ON s.tenant_id = t.id AND s.campaign_type = c.campaign_type
        ORDER BY t.id, c.campaign_type
        """,
        list(defaults),
    )
    return [
        ScheduleRow(
            row["tenant_id"],
            row["time_zone"],
            row["campaign_type"],
            row["enabled"],
            row["local_time"] or defaults[row["campaign_type"]][0],
            row["weekdays"] if row["weekdays"] is not None else defaults[row["campaign_type"]][1],
        )
        for row in rows
    ]


async def runs_on(conn: asyncpg.Connection, *, run_keys: Sequence[str]) -> set[tuple[UUID, str]]:
    """Which (tenant, run_key) pairs already ran."""
    rows = await conn.fetch(
        "SELECT tenant_id, run_key FROM campaign_run WHERE run_key = ANY($1::text[])",
        list(run_keys),
    )
    return {(row["tenant_id"], row["run_key"]) for row in rows}


def encode_context(context: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(context, default=str))  # type: ignore[no-any-return]
