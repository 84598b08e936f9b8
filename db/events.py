"""The event outbox: events are numbered per tenant and stored with the change they report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

import asyncpg

from domain.events import Event, EventData, envelope_of, event_type_of, parse_event


async def append_events(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    payloads: Sequence[EventData],
    occurred_at: datetime,
) -> list[Event]:
    """Number and store events inside the caller's transaction; return their envelopes."""
    events, _ = await append_events_stamped(
        conn, tenant_id=tenant_id, payloads=payloads, occurred_at=occurred_at
    )
    return events


async def append_events_stamped(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    payloads: Sequence[EventData],
    occurred_at: datetime,
) -> tuple[list[Event], int | None]:
    """`append_events`, and the salon's `data_version` once the transaction's writes before
    them bumped it (read in the same statement; None when there are no events to store)."""
    if not payloads:
        return [], None
    # Numbered and stored in one statement: the row lock the UPDATE takes on the tenant
    # serialises numbering even if a second writer ever appears. Moving only the event counter
    # leaves data_version alone (migration 0017's trigger).
    data = [payload.model_dump_json() for payload in payloads]  # JSON text: encoded once
    row = await conn.fetchrow(
        """WITH numbered AS (
               UPDATE tenant SET last_event_id = last_event_id + $2 WHERE id = $1
               RETURNING last_event_id, data_version
           ), stored AS (
               INSERT INTO event (tenant_id, event_id, event_type, occurred_at, data)
               SELECT $1, numbered.last_event_id - $2 + e.position, e.event_type, $4,
                      e.data::jsonb
               FROM numbered, unnest($3::text[], $5::text[]) WITH ORDINALITY
                    AS e(event_type, data, position)
               RETURNING event_id
           )
           SELECT (SELECT max(event_id) FROM stored) AS last,
                  (SELECT data_version FROM numbered) AS data_version""",
        tenant_id,
        len(payloads),
        [event_type_of(payload) for payload in payloads],
        occurred_at,
        data,
    )
    first = row["last"] - len(payloads) + 1
    envelopes = [
        envelope_of(payload, event_id=first + offset, tenant_id=tenant_id, occurred_at=occurred_at)
        for offset, payload in enumerate(payloads)
    ]
    return envelopes, row["data_version"]


async def list_unpublished(
    conn: asyncpg.Connection, *, tenant_id: UUID, limit: int = 1000
) -> list[Event]:
    rows = await conn.fetch(
        """SELECT event_id, event_type, tenant_id, occurred_at, data FROM event
           WHERE tenant_id = $1 AND published_at IS NULL ORDER BY event_id LIMIT $2""",
        tenant_id,
        limit,
    )
    return [parse_event(dict(row)) for row in rows]


async def mark_published(
    conn: asyncpg.Connection, *, tenant_id: UUID, event_ids: Sequence[int], at: datetime
) -> None:
    """Mark exactly the events the stream took: never one below them that was not sent."""
    await conn.execute(
        "UPDATE event SET published_at = $3"
        " WHERE tenant_id = $1 AND event_id = ANY($2::bigint[]) AND published_at IS NULL",
        tenant_id,
        list(event_ids),
        at,
    )


async def mark_published_batch(
    conn: asyncpg.Connection, *, marks: Sequence[tuple[UUID, int, datetime]]
) -> None:
    """`mark_published` for many salons at once: (tenant id, event id, when the stream took it)."""
    await conn.execute(
        """UPDATE event AS e SET published_at = m.at
           FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[]) AS m(tenant_id, event_id, at)
           WHERE e.tenant_id = m.tenant_id AND e.event_id = m.event_id
             AND e.published_at IS NULL""",
        [tenant_id for tenant_id, _, _ in marks],
        [event_id for _, event_id, _ in marks],
        [at for _, _, at in marks],
    )
