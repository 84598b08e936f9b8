"""Read-only query of the campaign funnel: what became of each run's offers, counted from the
stored links (auth requests, their appointments and the outbox rows of each run), per run and per
campaign type, in one statement."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

import asyncpg
from pydantic import AwareDatetime, Field

from domain.models import Value
from domain.vocabulary import CampaignTrigger, CampaignType

COUNTS = (
    "offers",
    "sent",
    "accepted",
    "declined",
    "expired",
    "withdrawn",
    "preapproved",
    "booked",
    "attended",
    "no_show",
    "cancelled",
    "revenue_booked_cents",
    "revenue_attended_cents",
)


class FunnelCounts(Value):
    """What became of a run's offers now: each auth request counts in its current state."""

    offers: int = Field(description="auth requests the run created (one WhatsApp offer each)")
    sent: int = Field(description="the run's WhatsApp offers the sender reports sent")
    delivered: int | None = Field(
        description="always null for now: WhatsApp delivery receipts are not received yet"
    )
    accepted: int = Field(description="offers the client said yes to ('sim')")
    declined: int = Field(description="offers the client said no to ('não')")
    expired: int = Field(description="offers not answered in time, or whose time passed")
    withdrawn: int = Field(description="offers whose time another booking took")
    preapproved: int = Field(description="offers the salon approved before the client answered")
    booked: int = Field(description="offers approved with an appointment (even if cancelled since)")
    attended: int = Field(description="of those, appointments marked completed")
    no_show: int = Field(description="of those, appointments marked no-show")
    cancelled: int = Field(description="of those, appointments cancelled")
    revenue_booked_cents: int = Field(
        description="price of the booked appointments not cancelled (booked, completed, no-show)"
    )
    revenue_attended_cents: int = Field(description="price of the completed appointments")


class FunnelTotal(FunnelCounts):
    campaign_type: CampaignType
    runs: int = Field(description="campaign runs of this type in the range")


class FunnelRun(FunnelCounts):
    run_id: UUID
    campaign_id: str = Field(description="the run's key (the campaign_id it was run with)")
    campaign_type: CampaignType
    trigger: CampaignTrigger
    local_date: date = Field(description="the salon's local day the run is for")
    created_at: AwareDatetime


class Funnel(Value):
    totals: list[FunnelTotal] = Field(description="one per campaign type asked for, even if zero")
    runs: list[FunnelRun] = Field(description="newest first")


# Per run first (its offers with their appointments, its sent messages), then one row per run and
# one total per campaign type (GROUPING SETS). An auth request has at most one appointment
# (auth_request.appointment_id), so the per-run counts count requests: the joins add no rows.
FUNNEL_SQL = """
WITH run AS (
    SELECT id, run_key, campaign_type, trigger, local_date, created_at
    FROM campaign_run
    WHERE tenant_id = $1 AND campaign_type = ANY($2::text[]) AND local_date BETWEEN $3 AND $4
),
offer AS (
    SELECT r.campaign_run_id AS run_id,
           count(*) AS offers,
           count(*) FILTER (WHERE r.client_state = 'accepted') AS accepted,
           count(*) FILTER (WHERE r.client_state = 'declined') AS declined,
           count(*) FILTER (WHERE r.client_state = 'expired') AS expired,
           count(*) FILTER (WHERE r.client_state = 'withdrawn') AS withdrawn,
           count(*) FILTER (WHERE r.preapproved_at IS NOT NULL) AS preapproved,
           count(a.id) FILTER (WHERE r.status = 'approved') AS booked,
           count(*) FILTER (WHERE r.status = 'approved' AND a.status = 'completed') AS attended,
           count(*) FILTER (WHERE r.status = 'approved' AND a.status = 'no_show') AS no_show,
           count(*) FILTER (WHERE r.status = 'approved' AND a.status = 'cancelled') AS cancelled,
           sum(a.price_cents) FILTER (WHERE r.status = 'approved' AND a.status <> 'cancelled')
               AS revenue_booked_cents,
           sum(a.price_cents) FILTER (WHERE r.status = 'approved' AND a.status = 'completed')
               AS revenue_attended_cents
    FROM auth_request r
    LEFT JOIN appointment a ON a.tenant_id = r.tenant_id AND a.id = r.appointment_id
    WHERE r.tenant_id = $1 AND r.campaign_run_id IN (SELECT id FROM run)
    GROUP BY r.campaign_run_id
),
sent AS (
    SELECT m.campaign_run_id AS run_id, count(*) AS sent
    FROM outbound_message m
    WHERE m.tenant_id = $1 AND m.campaign_run_id IN (SELECT id FROM run)
      AND m.kind = 'marketing' AND m.status = 'sent'
    GROUP BY m.campaign_run_id
)
SELECT run.campaign_type, run.id AS run_id, run.run_key AS campaign_id, run.trigger,
       run.local_date, run.created_at, GROUPING(run.id) = 1 AS is_total,
       count(*)::int AS runs,
       coalesce(sum(offer.offers), 0)::bigint AS offers,
       coalesce(sum(sent.sent), 0)::bigint AS sent,
       coalesce(sum(offer.accepted), 0)::bigint AS accepted,
       coalesce(sum(offer.declined), 0)::bigint AS declined,
       coalesce(sum(offer.expired), 0)::bigint AS expired,
       coalesce(sum(offer.withdrawn), 0)::bigint AS withdrawn,
       coalesce(sum(offer.preapproved), 0)::bigint AS preapproved,
       coalesce(sum(offer.booked), 0)::bigint AS booked,
       coalesce(sum(offer.attended), 0)::bigint AS attended,
       coalesce(sum(offer.no_show), 0)::bigint AS no_show,
       coalesce(sum(offer.cancelled), 0)::bigint AS cancelled,
       coalesce(sum(offer.revenue_booked_cents), 0)::bigint AS revenue_booked_cents,
       coalesce(sum(offer.revenue_attended_cents), 0)::bigint AS revenue_attended_cents
FROM run
LEFT JOIN offer ON offer.run_id = run.id
LEFT JOIN sent ON sent.run_id = run.id
GROUP BY GROUPING SETS (
    (run.campaign_type),
    (run.campaign_type, run.id, run.run_key, run.trigger, run.local_date, run.created_at)
)
ORDER BY is_total DESC, run.local_date DESC, run.created_at DESC, run.id
"""


async def campaign_funnel(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    from_date: date,
    to_date: date,
    campaign_types: Sequence[CampaignType],
) -> Funnel:
    """The funnel of the salon's runs whose local day is in [from_date, to_date]."""
    rows = await conn.fetch(FUNNEL_SQL, tenant_id, list(campaign_types), from_date, to_date)
    # WhatsApp delivery receipts are not received yet: how many were delivered is unknown, not 0.
    delivered = None
    zero = dict.fromkeys(COUNTS, 0)
    totals = {
        t: FunnelTotal(campaign_type=t, runs=0, delivered=delivered, **zero) for t in campaign_types
    }
    runs = []
    for row in rows:
        counts = {c: row[c] for c in COUNTS}
        if row["is_total"]:
            totals[row["campaign_type"]] = FunnelTotal(
                campaign_type=row["campaign_type"], runs=row["runs"], delivered=delivered, **counts
            )
        else:
            runs.append(
                FunnelRun(
                    run_id=row["run_id"],
                    campaign_id=row["campaign_id"],
                    campaign_type=row["campaign_type"],
                    trigger=row["trigger"],
                    local_date=row["local_date"],
                    created_at=row["created_at"],
                    delivered=delivered,
                    **counts,
                )
            )
    return Funnel(totals=list(totals.values()), runs=runs)
