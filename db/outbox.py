"""The outbox of WhatsApp messages to clients (`outbound_message`).

Salon actors queue messages in the transaction of what causes them and record final outcomes
(sent, failed, skipped) with their events; the WhatsApp sender claims due rows with a lease and
keeps its retry bookkeeping here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any
from uuid import UUID

import asyncpg

from domain.commands import DeliveryOutcome
from domain.delivery import QueuedMessage
from domain.errors import StaleAgendaError
from domain.outcome import OutboundMessage
from domain.vocabulary import MessageKind
from domain.whatsapp_templates import PARAMETERS, TEMPLATE_KEYS, TemplateCall


async def queue_messages(
    conn: asyncpg.Connection, *, tenant_id: UUID, messages: Sequence[OutboundMessage]
) -> None:
    """Queue messages (one statement); marketing ones wait until `not_before`."""
    if not messages:
        return
    await conn.execute(
        """INSERT INTO outbound_message (tenant_id, id, client_id, kind, body, related_id,
               campaign_run_id, not_before, next_attempt_at, template, template_params)
           SELECT $1, m.id, m.client_id, m.kind, m.body, m.related_id, m.campaign_run_id,
                  coalesce(m.not_before, now()), coalesce(m.not_before, now()), m.template,
                  m.template_params
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::uuid[],
                       $8::timestamptz[], $9::text[], $10::jsonb[])
                AS m(id, client_id, kind, body, related_id, campaign_run_id, not_before,
                     template, template_params)""",
        tenant_id,
        [m.message_id for m in messages],
        [m.client_id for m in messages],
        [m.kind for m in messages],
        [m.body for m in messages],
        [m.related_id for m in messages],
        [m.campaign_run_id for m in messages],
        [m.not_before for m in messages],
        [None if m.template is None else m.template.key for m in messages],
        [{} if m.template is None else dict(m.template.params) for m in messages],
    )
    # A campaign offer is the latest thing the salon said: slots proposed before (in the chat,
    # or as alternatives to a lost time) and a question the agent asked no longer answer the
    # client's next "sim".
    offered_to = [m.client_id for m in messages if m.kind == "marketing" and m.campaign_run_id]
    if offered_to:
        await conn.execute(
            """UPDATE conversation SET proposed_slots = '[]', awaiting = NULL
               WHERE tenant_id = $1 AND client_id = ANY($2::uuid[])
                 AND (proposed_slots <> '[]' OR awaiting IS NOT NULL)""",
            tenant_id,
            offered_to,
        )
    offering = [m for m in messages if m.proposed]
    if offering:
        # The client answers these in the chat: the slots become the conversation's proposed
        # ones (a conversation is opened for a client who never wrote).
        await conn.executemany(
            """INSERT INTO conversation (tenant_id, client_id, proposed_slots)
               VALUES ($1, $2, $3)
               ON CONFLICT (tenant_id, client_id, channel)
               DO UPDATE SET proposed_slots = EXCLUDED.proposed_slots, awaiting = NULL""",
            [
                (
                    tenant_id,
                    m.client_id,
                    [p.model_dump(mode="json", exclude_none=True) for p in m.proposed],
                )
                for m in offering
            ],
        )


async def skip_queued_for(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    related_ids: Sequence[UUID],
    reason: str,
    kind: MessageKind = "marketing",
) -> None:
    """Messages of `kind` about these ids that have not left yet never will: offers closed or
    rejected before their WhatsApp left (the client is not invited to answer them), reminders of
    appointments cancelled, marked or moved (a move queues its new reminders after this)."""
    await conn.execute(
        """UPDATE outbound_message SET status = 'skipped', last_error = $3, claimed_until = NULL
           WHERE tenant_id = $1 AND related_id = ANY($2::uuid[]) AND status = 'queued'
             AND kind = $4""",
        tenant_id,
        list(related_ids),
        reason,
        kind,
    )


async def notification_sent_for(
    conn: asyncpg.Connection, *, tenant_id: UUID, related_id: UUID
) -> bool:
    """Whether the client was told about `related_id` (a decided auth request)."""
    sent: bool | None = await conn.fetchval(
        "SELECT bool_or(status = 'sent') FROM outbound_message"
        " WHERE tenant_id = $1 AND related_id = $2",
        tenant_id,
        related_id,
    )
    return bool(sent)


async def queued_among(
    conn: asyncpg.Connection, *, tenant_id: UUID, message_ids: Sequence[UUID]
) -> list[QueuedMessage]:
    """Those of the messages still waiting for their final outcome."""
    rows = await conn.fetch(
        """SELECT id, client_id, kind FROM outbound_message
           WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = 'queued'
           ORDER BY id""",
        tenant_id,
        list(message_ids),
    )
    return [QueuedMessage(row["id"], row["client_id"], row["kind"]) for row in rows]


async def record_outcomes(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    outcomes: Sequence[DeliveryOutcome],
    at: datetime,
) -> None:
    """Move queued messages to their final status; each must still be queued (the caller read
    them so, under the salon's lock): one that moved meanwhile is a StaleAgendaError."""
    if not outcomes:
        return
    moved = await conn.execute(
        """
        UPDATE outbound_message AS m
        SET status = o.status, attempts = greatest(m.attempts, o.attempts),
            last_error = o.reason, claimed_until = NULL,
            sent_at = CASE WHEN o.status = 'sent' THEN $2::timestamptz END,
            sent_as = o.sent_as, error_code = coalesce(o.error_code, m.error_code),
            whatsapp_message_id = o.whatsapp_message_id
        FROM unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::int[],
                    $9::text[])
             AS o(id, status, attempts, reason, sent_as, error_code, whatsapp_message_id)
        WHERE m.tenant_id = $1 AND m.id = o.id AND m.status = 'queued'
        """,
        tenant_id,
        at,
        [o.message_id for o in outcomes],
        [o.status for o in outcomes],
        [o.attempts for o in outcomes],
        [o.reason for o in outcomes],
        [o.sent_as for o in outcomes],
        [o.error_code for o in outcomes],
        [o.whatsapp_message_id for o in outcomes],
    )
    if int(moved.split()[-1]) != len(outcomes):
        raise StaleAgendaError("a message's outcome was recorded meanwhile by another writer")


# One statement: pick due rows (rows another sender holds are skipped, not waited for), lease
# them and count the attempt. A row is due when queued, past `not_before` and `next_attempt_at`,
# not leased, and either deliverable (it has a URL and, if marketing, the salon's local time is
# inside the salon's own send window, else the default) or one to skip without sending: marketing
# to a client who opted out (or never opted in, where the salon requires it), a reminder whose
# appointment is no longer a coming booking (another writer cancelled or moved it).
CLAIM_DUE = """
WITH due AS (
    SELECT m.tenant_id, m.id, c.name AS client_name, c.phone_e164, c.whatsapp_id,
           c.marketing_opt_out, c.last_inbound_at, t.name AS salon_name,
           coalesce(s.whatsapp_templates, '{}') AS salon_templates, r.webhook_url, k.skip_reason,
           nullif(t.n8n_webhook_url, '') IS NOT NULL AS salon_url, h.phone_number_id,
           h.webhook_secret_sealed, h.auth_token_sealed, h.daily_quota
    FROM outbound_message AS m
    JOIN tenant AS t ON t.id = m.tenant_id
    JOIN client AS c ON c.tenant_id = m.tenant_id AND c.id = m.client_id
    LEFT JOIN salon_settings AS s ON s.tenant_id = m.tenant_id
    LEFT JOIN salon_channel AS h ON h.tenant_id = m.tenant_id
    CROSS JOIN LATERAL (
        SELECT coalesce(nullif(t.n8n_webhook_url, ''), nullif($4::text, '')) AS webhook_url,
               -- a salon row with an unknown zone holds its own marketing, not everyone's sends
               CASE WHEN EXISTS (SELECT 1 FROM known_time_zone AS z WHERE z.name = t.time_zone)
                    THEN ($1::timestamptz AT TIME ZONE t.time_zone)::time END AS local_time,
               coalesce(s.send_window_start, $5::time) AS window_start,
               coalesce(s.send_window_end, $6::time) AS window_end
    ) AS r
    CROSS JOIN LATERAL (
        SELECT CASE WHEN m.kind = 'marketing' AND c.marketing_opt_out THEN 'opted_out'
                    WHEN m.kind = 'marketing' AND c.marketing_consent_at IS NULL
                         AND coalesce(s.require_marketing_consent, $7::bool)
                    THEN 'no_consent'
                    WHEN m.kind = 'reminder' AND NOT EXISTS (
                        SELECT 1 FROM appointment AS a
                        WHERE a.tenant_id = m.tenant_id AND a.id = m.related_id
                          AND a.status = 'booked' AND a.starts_at > $1)
                    THEN 'appointment_changed' END AS skip_reason
    ) AS k
    WHERE m.status = 'queued' AND m.not_before <= $1 AND m.next_attempt_at <= $1
      AND (m.claimed_until IS NULL OR m.claimed_until < $1)
      AND (
        k.skip_reason IS NOT NULL
        OR (r.webhook_url IS NOT NULL AND (m.kind <> 'marketing' OR CASE
              WHEN r.window_start < r.window_end
                THEN r.local_time >= r.window_start AND r.local_time < r.window_end
              ELSE r.local_time >= r.window_start OR r.local_time < r.window_end END))
      )
    ORDER BY m.next_attempt_at
    LIMIT $2
    FOR UPDATE OF m SKIP LOCKED
)
UPDATE outbound_message AS m
SET claimed_until = $1::timestamptz + make_interval(secs => $3::float8),
    attempts = m.attempts + CASE WHEN due.skip_reason IS NOT NULL THEN 0 ELSE 1 END
FROM due
WHERE m.tenant_id = due.tenant_id AND m.id = due.id
RETURNING m.tenant_id, m.id, m.client_id, m.kind, m.body, m.attempts, m.created_at,
          m.claimed_until, m.template, m.template_params, m.error_code, m.template_only, m.resends,
          due.client_name,
          due.phone_e164, due.whatsapp_id, due.marketing_opt_out, due.last_inbound_at,
          due.salon_name, due.salon_templates, due.webhook_url, due.skip_reason, due.salon_url,
          due.phone_number_id, due.webhook_secret_sealed, due.auth_token_sealed, due.daily_quota
"""


@dataclass(frozen=True)
class ChannelRow:
    salon_url: bool = False
    phone_number_id: str | None = None
    webhook_secret_sealed: bytes | None = None
    auth_token_sealed: bytes | None = None
    daily_quota: int | None = None


@dataclass(frozen=True)
class ClaimedMessage:
    """A leased outbox row with what sending it needs; `claimed_until` fences later writes."""

    tenant_id: UUID
    message_id: UUID
    client_id: UUID
    kind: MessageKind
    body: str
    attempts: int
    created_at: datetime
    claimed_until: datetime
    client_name: str
    phone_e164: str
    whatsapp_id: str | None
    marketing_opt_out: bool
    webhook_url: str | None
    # WhatsApp's window and templates: when the client last wrote, the message's template (None:
    # queued before templates) with its values, Meta's code of the last refusal, the salon's name
    # and its own templates (purpose → {name, text}).
    last_inbound_at: datetime | None = None
    template: TemplateCall | None = None
    error_code: int | None = None
    template_only: bool = False
    salon_name: str = ""
    salon_templates: dict[str, Any] = field(default_factory=dict)
    # The salon's own channel: `webhook_url` is the salon's own n8n (`salon_url`), signed with
    # its sealed secret and token; its number at Meta; its budget of clients per rolling 24 h.
    channel: ChannelRow = field(default_factory=ChannelRow)
    # Times WhatsApp failed the message after accepting it (see `idempotency_key`).
    resends: int = 0
    # Never sent: marketing to a client who opted out ("opted_out") or, where the salon requires
    # it, never opted in ("no_consent"), a reminder whose appointment is no longer a coming
    # booking ("appointment_changed").
    skip_reason: str | None = None

    @property
    def idempotency_key(self) -> str:
        """The same for every attempt n8n may already have sent; a new one for each resend
        after WhatsApp failed an accepted attempt (n8n would drop it as a repeat)."""
        return str(self.message_id) + (f":{self.resends}" if self.resends else "")


@dataclass(frozen=True)
class RetryPlan:
    tenant_id: UUID
    message_id: UUID
    claimed_until: datetime
    next_attempt_at: datetime
    error: str
    error_code: int | None = None
    template_only: bool = False
    refund_attempt: bool = False  # held before it was sent (the salon's budget): not an attempt
    # A message Meta holds back a day: its `deferred` outcome tells the owner meanwhile.
    deferred: DeliveryOutcome | None = None


async def claim_due(
    conn: asyncpg.Connection,
    *,
    now: datetime,
    limit: int,
    lease_s: float,
    default_url: str,
    window_start: time,
    window_end: time,
    require_consent: bool = False,
) -> list[ClaimedMessage]:
    """Lease up to `limit` due rows of all salons, oldest `next_attempt_at` first
    (`require_consent`: the deployment's default for salons that did not choose)."""
    rows = await conn.fetch(
        CLAIM_DUE, now, limit, lease_s, default_url, window_start, window_end, require_consent
    )
    return [
        ClaimedMessage(
            tenant_id=row["tenant_id"],
            message_id=row["id"],
            client_id=row["client_id"],
            kind=row["kind"],
            body=row["body"],
            attempts=row["attempts"],
            created_at=row["created_at"],
            claimed_until=row["claimed_until"],
            client_name=row["client_name"],
            phone_e164=row["phone_e164"],
            whatsapp_id=row["whatsapp_id"],
            marketing_opt_out=row["marketing_opt_out"],
            webhook_url=row["webhook_url"],
            skip_reason=row["skip_reason"],
            last_inbound_at=row["last_inbound_at"],
            template=stored_call(row["template"], row["template_params"]),
            error_code=row["error_code"],
            template_only=row["template_only"],
            resends=row["resends"],
            salon_name=row["salon_name"],
            salon_templates=row["salon_templates"],
            channel=ChannelRow(
                salon_url=row["salon_url"],
                phone_number_id=row["phone_number_id"],
                webhook_secret_sealed=row["webhook_secret_sealed"],
                auth_token_sealed=row["auth_token_sealed"],
                daily_quota=row["daily_quota"],
            ),
        )
        for row in rows
    ]


def stored_call(key: str | None, params: dict[str, str]) -> TemplateCall | None:
    """A stored template call; one of a purpose this version no longer knows is dropped (the
    message then goes as the salon's message)."""
    if key not in TEMPLATE_KEYS:
        return None
    names = PARAMETERS[key]
    if set(params) != set(names):
        return None
    return TemplateCall(key, tuple((n, params[n]) for n in names))


async def schedule_retries(conn: asyncpg.Connection, *, retries: Sequence[RetryPlan]) -> int:
    """Release leased rows until their next attempt; return how many were still ours.

    A row whose lease expired and was claimed again by another sender is left to that sender.
    """
    if not retries:
        return 0
    result: str = await conn.execute(
        """
        UPDATE outbound_message AS m
        SET next_attempt_at = r.next_attempt_at, last_error = r.error, claimed_until = NULL,
            error_code = coalesce(r.error_code, m.error_code),
            template_only = m.template_only OR r.template_only,
            attempts = m.attempts - CASE WHEN r.refund THEN 1 ELSE 0 END
        FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[],
                    $6::int[], $7::bool[], $8::bool[])
             AS r(tenant_id, id, claimed_until, next_attempt_at, error, error_code, template_only,
                  refund)
        WHERE m.tenant_id = r.tenant_id AND m.id = r.id
          AND m.status = 'queued' AND m.claimed_until = r.claimed_until
        """,
        [r.tenant_id for r in retries],
        [r.message_id for r in retries],
        [r.claimed_until for r in retries],
        [r.next_attempt_at for r in retries],
        [r.error[:500] for r in retries],
        [r.error_code for r in retries],
        [r.template_only for r in retries],
        [r.refund_attempt for r in retries],
    )
    return int(result.split()[-1])


async def schedule_retry(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    message_id: UUID,
    claimed_until: datetime,
    next_attempt_at: datetime,
    error: str,
) -> bool:
    plan = RetryPlan(tenant_id, message_id, claimed_until, next_attempt_at, error)
    return await schedule_retries(conn, retries=[plan]) == 1


async def count_unroutable(conn: asyncpg.Connection, *, now: datetime) -> dict[UUID, int]:
    """Due rows per salon that have no n8n URL of their own (for when there is no default)."""
    rows = await conn.fetch(
        """
        SELECT m.tenant_id, count(*) AS waiting
        FROM outbound_message AS m JOIN tenant AS t ON t.id = m.tenant_id
        WHERE m.status = 'queued' AND m.not_before <= $1 AND m.next_attempt_at <= $1
          AND (m.claimed_until IS NULL OR m.claimed_until < $1)
          AND nullif(t.n8n_webhook_url, '') IS NULL
        GROUP BY m.tenant_id
        """,
        now,
    )
    return {row["tenant_id"]: row["waiting"] for row in rows}
