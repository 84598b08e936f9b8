"""The salon's WhatsApp: its templates — what each kind of message becomes outside the client's
24 h window (read by owner and staff), the salon's own names and texts (set by the owner, checked
as Meta would before anything is stored), each with the JSON to submit to Meta — and its own
channel (owner only): number, n8n URL on an allowed host, secrets sealed and never answered,
daily budget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from config.secret_box import SecretBox, SecretsKeyMissingError
from config.settings import WEBHOOK_SECRET_RULE, webhook_secret_problem
from db.read.salon_channel import clients_reached_by_salon, get_channel
from db.read.salon_settings import get_whatsapp_templates
from deployments.auth import CurrentUser, OwnerUser
from deployments.resources import Deps
from domain.commands import SalonTemplate, SetWhatsAppChannel, SetWhatsAppTemplates
from domain.errors import InvalidCommandError
from domain.salon_channel import MAX_DAILY_QUOTA, PHONE_NUMBER_ID, SalonChannel, budget_in_force
from domain.whatsapp_templates import (
    EXAMPLES,
    PARAMETERS,
    TEMPLATE_KEYS,
    Category,
    TemplateKey,
    named_text,
    resolve,
)

router = APIRouter(prefix="/api/v1/salon", tags=["salon"])
DAY = timedelta(hours=24)


def utc_now() -> datetime:
    return datetime.now(UTC)


class WhatsAppTemplateOut(BaseModel):
    model_config = ConfigDict(frozen=True)

    purpose: TemplateKey
    category: Category  # MARKETING for offers (Meta's marketing route), else UTILITY
    language: str
    name: str
    text: str = Field(description="Values by name: {{first_name}}, {{service}} …")
    values: list[str] = Field(description="The values this purpose's messages carry")
    own: bool = Field(description="The salon's own name and text (else the shipped template)")
    meta: dict[str, Any] = Field(description="The body of Meta's POST /<WABA_ID>/message_templates")


class WhatsAppTemplatesOut(BaseModel):
    model_config = ConfigDict(frozen=True)

    templates: list[WhatsAppTemplateOut]


class WhatsAppTemplatesBody(BaseModel):
    """The salon's own templates, whole: a purpose left out uses the shipped template."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    templates: dict[TemplateKey, SalonTemplate]


async def _templates_out(deps: Deps, user: CurrentUser) -> WhatsAppTemplatesOut:
    async with deps.pool.acquire() as conn:
        own = await get_whatsapp_templates(conn, tenant_id=user.tenant_id)
    listed = []
    for key in TEMPLATE_KEYS:
        definition = resolve(key, deps.templates, own)
        listed.append(
            WhatsAppTemplateOut(
                purpose=key,
                category=definition.category,
                language=definition.language,
                name=definition.name,
                text=named_text(definition),
                values=list(PARAMETERS[key]),
                own=definition != deps.templates[key],
                meta=definition.meta_json(EXAMPLES),
            )
        )
    return WhatsAppTemplatesOut(templates=listed)


@router.get("/whatsapp-templates", response_model=WhatsAppTemplatesOut)
async def whatsapp_templates(user: CurrentUser, deps: Deps) -> WhatsAppTemplatesOut:
    """Each purpose's template as the salon sends it."""
    return await _templates_out(deps, user)


@router.put("/whatsapp-templates", response_model=WhatsAppTemplatesOut)
async def set_whatsapp_templates(
    body: WhatsAppTemplatesBody, user: OwnerUser, deps: Deps
) -> WhatsAppTemplatesOut:
    """The salon's own names and texts (owner only); 422 names a value the purpose does not have
    or a text Meta would refuse. Submit each to Meta under its name before using it."""
    command = SetWhatsAppTemplates(templates=body.templates, set_by=user.sub)
    await deps.directory.send(user.tenant_id, command)
    return await _templates_out(deps, user)


class WhatsAppChannelOut(SalonChannel):
    """The salon's channel; secrets only as whether they are set."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="WhatsAppChannelOut")

    reached_last_24h: int = Field(description="distinct clients reached by templates, rolling 24 h")
    budget: int = Field(
        description="the budget in force: `daily_quota`, or the deployment's default when null"
    )


class WhatsAppChannelBody(BaseModel):
    """The salon's own channel, whole. `webhook_secret` / `auth_token`: left out, kept; null,
    removed (the salon then uses the deployment's n8n); a value, replaced."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    phone_number_id: str | None = Field(default=None, pattern=PHONE_NUMBER_ID)
    n8n_url: str | None = Field(default=None, max_length=2000)
    webhook_secret: SecretStr | None = Field(
        default=None, description="the salon's n8n signing secret, whsec_ + base64 (write-only)"
    )
    auth_token: SecretStr | None = Field(
        default=None, description="the header token the salon's n8n expects (write-only)"
    )
    daily_quota: int | None = Field(default=None, ge=1, le=MAX_DAILY_QUOTA)


async def _channel_out(deps: Deps, tenant_id: UUID) -> WhatsAppChannelOut:
    async with deps.pool.acquire() as conn:
        channel = await get_channel(conn, tenant_id=tenant_id)
        reached = await clients_reached_by_salon(
            conn, tenant_ids=[tenant_id], since=utc_now() - DAY
        )
    return WhatsAppChannelOut(
        **channel.model_dump(),
        reached_last_24h=len(reached.get(tenant_id, ())),
        budget=budget_in_force(channel.daily_quota, deps.settings.whatsapp_daily_quota),
    )


@router.get("/whatsapp-channel", response_model=WhatsAppChannelOut)
async def whatsapp_channel(user: OwnerUser, deps: Deps) -> WhatsAppChannelOut:
    """The salon's own WhatsApp channel (owner only); secrets are never answered."""
    return await _channel_out(deps, user.tenant_id)


@router.put("/whatsapp-channel", response_model=WhatsAppChannelOut)
async def set_whatsapp_channel(
    body: WhatsAppChannelBody, user: OwnerUser, deps: Deps
) -> WhatsAppChannelOut:
    """State the salon's own channel (owner only). Its n8n URL must be https on a host the
    deployment allows and needs a signing secret of the salon's own; secrets are stored
    encrypted. 422 names what is wrong; nothing changes."""
    settings = deps.settings
    if body.n8n_url is not None:
        problem = settings.outbound_url_problem(body.n8n_url)
        if problem:
            raise InvalidCommandError(f"n8n_url {problem}")
    box = SecretBox(settings.secrets_key.get_secret_value())
    secret, token = body.webhook_secret, body.auth_token
    if secret is not None:
        problem = webhook_secret_problem(secret.get_secret_value(), production=True)
        if problem:
            raise InvalidCommandError(f"webhook_secret: {WEBHOOK_SECRET_RULE}: {problem}")
    try:
        command = SetWhatsAppChannel(
            phone_number_id=body.phone_number_id,
            n8n_url=body.n8n_url,
            daily_quota=body.daily_quota,
            webhook_secret_sealed=None if secret is None else box.seal(secret.get_secret_value()),
            clear_webhook_secret="webhook_secret" in body.model_fields_set and secret is None,
            auth_token_sealed=None if token is None else box.seal(token.get_secret_value()),
            clear_auth_token="auth_token" in body.model_fields_set and token is None,
            set_by=user.sub,
        )
    except SecretsKeyMissingError as error:
        raise InvalidCommandError(str(error)) from None
    await deps.directory.send(user.tenant_id, command)
    return await _channel_out(deps, user.tenant_id)
