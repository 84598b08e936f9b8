"""Writes and the actor's own reads of conversations and chat messages (the Chat page's lists:
db/read/chat.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import asyncpg

from domain.chat_answer import AgentReply
from domain.chat_desk import Admission, StoredMessage
from domain.chat_situation import InboundMessage
from domain.commands import SendOwnerMessage
from domain.errors import AlreadyAnsweredError, StaleAgendaError


@dataclass(frozen=True)
class InboundRef:
    message_id: UUID
    conversation_id: UUID
    client_id: UUID


@dataclass(frozen=True)
class Arrival:
    """What PostgreSQL knows of a client's message as it arrives: the inbound message stored
    before under its WhatsApp id or webhook delivery id (a repeat), the client's conversation."""

    seen: InboundRef | None
    conversation_id: UUID | None


async def find_arrival(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    external_id: str | None,
    webhook_id: str | None,
    client_id: UUID | None,
) -> Arrival:
    """The delivery seen before under this WhatsApp id or webhook id, if any, and the WhatsApp
    conversation of `client_id` (None: a newcomer), in one round trip."""
    row = await conn.fetchrow(
        """SELECT seen.id, seen.conversation_id, seen.client_id,
                  (SELECT id FROM conversation WHERE tenant_id = $1 AND client_id = $4
                     AND channel = 'whatsapp') AS own_conversation_id
           FROM (SELECT 1) AS one
           LEFT JOIN LATERAL (
               SELECT m.id, m.conversation_id, c.client_id FROM chat_message m
               JOIN conversation c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
               WHERE m.tenant_id = $1 AND m.direction = 'inbound'
                 AND (m.external_id = $2 OR m.webhook_id = $3)
               LIMIT 1
           ) AS seen ON true""",
        tenant_id,
        external_id,
        webhook_id,
        client_id,
    )
    if row is None:  # the query always answers one row
        return Arrival(None, None)
    seen = None
    if row["id"] is not None:
        seen = InboundRef(row["id"], row["conversation_id"], row["client_id"])
    return Arrival(seen, row["own_conversation_id"])


# The client's conversation (created on the first message), when they last wrote, and their
# message, pending, in one statement. The message is stored only in the conversation decided
# on (`$2`): another writer's conversation for this client means memory was behind.
STORE_INBOUND = """
WITH conversation_row AS (
    INSERT INTO conversation (tenant_id, id, client_id, last_message_at)
    VALUES ($1, $2, $3, $4)
    ON CONFLICT (tenant_id, client_id, channel)
      DO UPDATE SET last_message_at = excluded.last_message_at
    RETURNING id
), wrote AS (
    UPDATE client SET last_inbound_at = greatest(last_inbound_at, $5)
    WHERE tenant_id = $1 AND id = $3
), message AS (
    INSERT INTO chat_message (tenant_id, id, conversation_id, direction, author, body, status,
        external_id, webhook_id, sent_at, created_at, kind, media_id, mime_type, filename,
        location, media_data)
    SELECT $1, $6::uuid, conversation_row.id, 'inbound', 'client', $7::text, 'pending',
           $8::text, $9::text, $10::timestamptz, $4::timestamptz, $11::text, $12::text,
           $13::text, $14::text, $15::jsonb, $16::bytea
    FROM conversation_row WHERE conversation_row.id = $2
)
SELECT id FROM conversation_row
"""


async def store_inbound(conn: asyncpg.Connection, *, tenant_id: UUID, admission: Admission) -> None:
    """The client's conversation (created on the first message) and their message, pending."""
    accepted, command = admission.accepted, admission.command
    # WhatsApp's 24 h window for free text opens when the client wrote (WhatsApp's time, never
    # later than we received it).
    wrote_at = admission.at if command.sent_at is None else min(command.sent_at, admission.at)
    conversation_id = await conn.fetchval(
        STORE_INBOUND,
        tenant_id,
        accepted.conversation_id,
        accepted.client_id,
        admission.at,
        wrote_at,
        accepted.message_id,
        command.message,
        command.external_id,
        command.webhook_id,
        command.sent_at,
        command.kind,
        command.media_id,
        command.mime_type,
        command.filename,
        None if command.location is None else command.location.model_dump(),
        command.audio,
    )
    if conversation_id != accepted.conversation_id:
        raise StaleAgendaError("the client's conversation was created meanwhile by another writer")


# The client's message answered (only while pending), the agent's reply stored and the slots it
# proposes kept on the conversation, in one statement; the reply and the conversation's change
# only follow an answered message ($10: a silent answer stores neither). A voice note's audio
# is dropped once answered; its transcript stays.
STORE_REPLY = """
WITH answered AS (
    UPDATE chat_message SET status = 'answered', intent = $3, engine = $4,
        auth_request_id = $5, transcript = $6, media_data = NULL
    WHERE tenant_id = $1 AND id = $2 AND status = 'pending'
    RETURNING id
), reply AS (
    INSERT INTO chat_message (tenant_id, id, conversation_id, direction, author, body, status,
        intent, created_at)
    SELECT $1, $7::uuid, $8::uuid, 'outbound', 'agent', $9::text, 'answered', $3::text,
           $11::timestamptz
    FROM answered WHERE NOT $10::boolean
), conversation_row AS (
    UPDATE conversation SET proposed_slots = $12, last_message_at = $11,
        paused_until = coalesce($13, paused_until),
        paused_reason = coalesce($14, paused_reason), awaiting = $15
    WHERE tenant_id = $1 AND id = $8 AND NOT $10::boolean AND EXISTS (SELECT FROM answered)
)
SELECT count(*) FROM answered
"""


async def store_reply(conn: asyncpg.Connection, *, tenant_id: UUID, reply: AgentReply) -> None:
    """The client's message answered (only once: a repeat raises), the agent's reply stored,
    and the slots it proposes kept on the conversation for the client's next message."""
    inbound, decision = reply.inbound, reply.decision
    answered = await conn.fetchval(
        STORE_REPLY,
        tenant_id,
        inbound.message_id,
        decision.intent,
        reply.engine,
        reply.auth_request_id,
        inbound.transcript,
        reply.reply_id,
        inbound.conversation_id,
        decision.reply,
        reply.silent,  # a sticker: seen, not answered
        reply.at,
        reply.proposed,
        reply.paused_until,
        decision.handoff,
        reply.awaiting,
    )
    if answered != 1:
        raise AlreadyAnsweredError(f"message {inbound.message_id} was answered already")


async def hold_inbound(conn: asyncpg.Connection, *, tenant_id: UUID, message_id: UUID) -> None:
    """A client's message that arrived while a person of the salon has the conversation: kept
    and shown, never answered by the agent."""
    held = await conn.execute(
        """UPDATE chat_message SET status = 'held'
           WHERE tenant_id = $1 AND id = $2 AND status = 'pending'""",
        tenant_id,
        message_id,
    )
    if held != "UPDATE 1":
        raise AlreadyAnsweredError(f"message {message_id} was answered already")


async def pause_conversation(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    conversation_id: UUID,
    until: datetime | None,
    reason: str | None,
) -> None:
    """A person of the salon has the conversation until `until` (None: the agent answers)."""
    await conn.execute(
        """UPDATE conversation SET paused_until = $3, paused_reason = $4
           WHERE tenant_id = $1 AND id = $2""",
        tenant_id,
        conversation_id,
        until,
        reason,
    )


async def store_owner_message(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    command: SendOwnerMessage,
    message_id: UUID,
    at: datetime,
    paused_until: datetime,
) -> None:
    await pause_conversation(
        conn,
        tenant_id=tenant_id,
        conversation_id=command.conversation_id,
        until=paused_until,
        reason="owner_replied",
    )
    await insert_message(
        conn,
        tenant_id=tenant_id,
        message_id=message_id,
        conversation_id=command.conversation_id,
        direction="outbound",
        author="owner",
        body=command.text,
        created_at=at,
    )


async def insert_message(
    conn: asyncpg.Connection,
    *,
    tenant_id: UUID,
    message_id: UUID,
    conversation_id: UUID,
    direction: str,
    author: str,
    body: str,
    status: str = "answered",
    intent: str | None = None,
    engine: str | None = None,
    external_id: str | None = None,
    webhook_id: str | None = None,
    auth_request_id: UUID | None = None,
    sent_at: datetime | None = None,
    created_at: datetime,
) -> None:
    await conn.execute(
        """INSERT INTO chat_message (tenant_id, id, conversation_id, direction, author, body,
               status, intent, engine, external_id, webhook_id, auth_request_id, sent_at,
               created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""",
        tenant_id,
        message_id,
        conversation_id,
        direction,
        author,
        body,
        status,
        intent,
        engine,
        external_id,
        webhook_id,
        auth_request_id,
        sent_at,
        created_at,
    )


async def pending_inbound(
    conn: asyncpg.Connection, *, tenant_id: UUID, message_id: UUID | None = None
) -> list[InboundMessage]:
    """Inbound messages not answered yet (all, or one), oldest first."""
    rows = await conn.fetch(
        """SELECT m.id, m.conversation_id, c.client_id, m.body, c.proposed_slots, c.paused_until,
                  c.awaiting, m.kind, m.transcript
           FROM chat_message m
           JOIN conversation c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
           WHERE m.tenant_id = $1 AND m.status = 'pending'
             AND ($2::uuid IS NULL OR m.id = $2)
           ORDER BY m.created_at, m.id""",
        tenant_id,
        message_id,
    )
    return [
        InboundMessage(
            r["id"],
            r["conversation_id"],
            r["client_id"],
            r["body"],
            r["proposed_slots"],
            r["paused_until"],
            r["awaiting"],
            r["kind"],
            r["transcript"],
        )
        for r in rows
    ]


async def recent_turns(
    conn: asyncpg.Connection, *, tenant_id: UUID, message_id: UUID, limit: int
) -> list[tuple[str, str]]:
    """The conversation's last `limit` messages before this one, oldest first: (author, words)
    with author 'client', 'agent' or 'owner' (a voice note by its transcript, media by its kind)."""
    rows = await conn.fetch(
        """SELECT m.author, m.body, m.kind, m.transcript FROM chat_message m
           JOIN chat_message this ON this.tenant_id = m.tenant_id
             AND this.conversation_id = m.conversation_id
           WHERE this.tenant_id = $1 AND this.id = $2 AND m.id <> this.id
             AND (m.created_at, m.id) < (this.created_at, this.id)
           ORDER BY m.created_at DESC, m.id DESC
           LIMIT $3""",
        tenant_id,
        message_id,
        limit,
    )
    turns = []
    for row in reversed(rows):
        words = row["transcript"] or row["body"]
        if row["kind"] != "text" and not row["transcript"]:
            words = f"[{row['kind']}] {words}".strip()
        turns.append((row["author"], words))
    return turns


async def voice_note(
    conn: asyncpg.Connection, *, tenant_id: UUID, message_id: UUID
) -> tuple[bytes, str] | None:
    """A pending voice note's audio and its MIME type, when n8n sent them."""
    row = await conn.fetchrow(
        """SELECT media_data, coalesce(mime_type, 'audio/ogg') AS mime_type FROM chat_message
           WHERE tenant_id = $1 AND id = $2 AND media_data IS NOT NULL""",
        tenant_id,
        message_id,
    )
    return None if row is None else (bytes(row["media_data"]), row["mime_type"])


async def conversation_client(
    conn: asyncpg.Connection, *, tenant_id: UUID, conversation_id: UUID
) -> UUID | None:
    client_id: UUID | None = await conn.fetchval(
        "SELECT client_id FROM conversation WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        conversation_id,
    )
    return client_id


async def find_message(
    conn: asyncpg.Connection, *, tenant_id: UUID, message_id: UUID
) -> StoredMessage | None:
    """One stored message, with its conversation's client (to recognise a repeated command)."""
    row = await conn.fetchrow(
        """SELECT m.conversation_id, c.client_id, m.author, m.body
           FROM chat_message m
           JOIN conversation c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
           WHERE m.tenant_id = $1 AND m.id = $2""",
        tenant_id,
        message_id,
    )
    return None if row is None else StoredMessage(**dict(row))
