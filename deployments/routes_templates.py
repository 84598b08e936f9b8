"""The salon's WhatsApp templates: what each kind of message becomes outside the client's 24 h
window (read by owner and staff), and the salon's own names and texts (set by the owner, checked
as Meta would before anything is stored). Each answer carries the JSON to submit to Meta."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from db.read.salon_settings import get_whatsapp_templates
from deployments.auth import CurrentUser, OwnerUser
from deployments.resources import Deps
from domain.commands import SalonTemplate, SetWhatsAppTemplates
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
