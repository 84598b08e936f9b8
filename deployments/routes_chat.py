"""The dashboard's Chat page: conversations, their messages, and the salon writing to a client.

Reads query PostgreSQL; a message from the salon goes through the salon's actor (recorded, sent
through n8n, evented as `owner_message_sent`). Owner and staff alike: whoever answers the salon's
WhatsApp.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID, uuid4

from fastapi import APIRouter, Header, HTTPException, Query, status
from pydantic import BaseModel, Field

from db.read import chat as chat_queries
from deployments.auth import CurrentUser
from deployments.resources import Deps
from deployments.schemas import Body
from domain.commands import (
    ConversationAgent,
    OwnerMessageResult,
    ResumeConversation,
    SendOwnerMessage,
)
from domain.vocabulary import HandoffReason, Intent

MAX_OFFSET = 10_000_000  # more is not a page anyone asks for (and overflows a bigint)
router = APIRouter(prefix="/api/v1/chat", tags=["chat"])


class ConversationOut(BaseModel):
    id: UUID
    client_id: UUID
    client_name: str
    phone_e164: str
    last_message_at: datetime
    last_message: str | None
    last_author: str | None
    last_kind: str | None = Field(
        default=None, description="the last message's WhatsApp type (text, audio, image, …)"
    )
    awaiting_answer: bool = Field(
        default=False,
        description="the agent asked the client about their bookings and waits for the answer",
    )
    paused_until: datetime | None = Field(
        description="a person of the salon has the conversation until then: the agent does not"
        " answer it (null: the agent answers)"
    )
    paused_reason: HandoffReason | None = Field(
        description="why: the client asked for a person, complained, or the salon wrote"
    )


class ConversationList(BaseModel):
    data: list[ConversationOut]


class LocationOut(BaseModel):
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None


class ChatMessageOut(BaseModel):
    id: UUID
    direction: Literal["inbound", "outbound"]
    author: Literal["client", "agent", "owner"]
    body: str
    status: Literal["pending", "answered", "held"] = Field(
        description="inbound: pending until answered; held: arrived while a person of the salon"
        " had the conversation (never answered by the agent)"
    )
    intent: Intent | None = Field(
        description="what the agent read (inbound) or answered (outbound): the seed's five"
        " and cancel, reschedule, handoff, late, salon_info"
    )
    engine: str | None
    auth_request_id: UUID | None
    created_at: datetime
    kind: str = Field(
        default="text",
        description="WhatsApp's message type: text, audio, image, video, sticker, location,"
        " document, contacts, or another type as WhatsApp names it",
    )
    media_id: str | None = Field(default=None, description="WhatsApp's media id")
    mime_type: str | None = None
    filename: str | None = None
    location: LocationOut | None = None
    transcript: str | None = Field(
        default=None, description="what a voice note says (when the salon transcribes them)"
    )


class ChatMessageList(BaseModel):
    data: list[ChatMessageOut]


class SendMessageBody(Body):
    text: str = Field(min_length=1, max_length=4096)


@router.get("/conversations", response_model=ConversationList)
async def conversations(
    user: CurrentUser,
    deps: Deps,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> ConversationList:
    async with deps.pool.acquire() as conn:
        rows = await chat_queries.list_conversations(
            conn, tenant_id=user.tenant_id, limit=limit, offset=offset
        )
    return ConversationList(data=[ConversationOut(**row) for row in rows])


@router.get("/conversations/{conversation_id}/messages", response_model=ChatMessageList)
async def messages(
    conversation_id: UUID,
    user: CurrentUser,
    deps: Deps,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> ChatMessageList:
    async with deps.pool.acquire() as conn:
        rows = await chat_queries.list_messages(
            conn, tenant_id=user.tenant_id, conversation_id=conversation_id, limit=limit
        )
    if rows is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "conversation not found")
    return ChatMessageList(data=[ChatMessageOut(**row) for row in rows])


IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        pattern=r"^[A-Za-z0-9_.:-]{1,200}$",
        description="the same key again sends nothing twice (answers the first result)",
    ),
]


@router.post(
    "/conversations/{conversation_id}/messages",
    status_code=status.HTTP_201_CREATED,
    response_model=OwnerMessageResult,
)
async def send_message(
    conversation_id: UUID,
    body: SendMessageBody,
    user: CurrentUser,
    deps: Deps,
    idempotency_key: IdempotencyKey = None,
) -> OwnerMessageResult:
    # Without a key, one is made per request: at least the directory's own retry is harmless.
    command = SendOwnerMessage(
        command_id=idempotency_key or f"request:{uuid4().hex}",
        conversation_id=conversation_id,
        text=body.text,
        sent_by=user.sub,
    )
    return await deps.directory.send(user.tenant_id, command)


@router.post("/conversations/{conversation_id}/resume", response_model=ConversationAgent)
async def resume(conversation_id: UUID, user: CurrentUser, deps: Deps) -> ConversationAgent:
    """Give a conversation the salon took over (the client asked for a person, complained, or
    the salon wrote in it) back to the agent: it answers the client's next messages. Repeating
    it changes nothing more."""
    command = ResumeConversation(conversation_id=conversation_id, resumed_by=user.sub)
    return await deps.directory.send(user.tenant_id, command)
