"""The salon actor's profile part: the salon's own settings (the deployment's are defaults) and
its profile (the facts the chat tells clients)."""

from __future__ import annotations

from functools import partial

from actors.salon_core import SalonCore
from db.read.salon_channel import get_channel
from db.read.salon_settings import get_settings_choice
from db.salon_channel import store_channel
from db.salon_profile import store_profile
from db.salon_settings import store_settings_choice, store_whatsapp_templates
from domain import salon_profile as facts
from domain.agenda import AgendaChange
from domain.commands import (
    SalonTemplates,
    SetSalonProfile,
    SetSalonSettings,
    SetWhatsAppChannel,
    SetWhatsAppTemplates,
)
from domain.errors import InvalidCommandError
from domain.events import SalonProfileUpdatedData
from domain.outcome import Outcome
from domain.salon_channel import SalonChannel
from domain.salon_settings import SalonSettings, chosen_settings
from domain.whatsapp_templates import salon_definition


class SalonProfile:
    def __init__(self, core: SalonCore) -> None:
        self._core = core

    async def set_profile(self, command: SetSalonProfile) -> facts.SalonProfile:
        core = self._core
        async with core.lock:
            updated = SalonProfileUpdatedData(updated_by=command.set_by)
            return await core.commit(
                Outcome(
                    result=command.profile,
                    events=(updated,),
                    change=AgendaChange(profiles=(command.profile,)),
                ),
                store=partial(store_profile, tenant_id=core.tenant_id, profile=command.profile),
            )

    async def set_templates(self, command: SetWhatsAppTemplates) -> SalonTemplates:
        """Checked before anything is stored: a bad one answers 422, never fails at 09:00."""
        for key, own in command.templates.items():
            salon_definition(key, name=own.name, text=own.text)
        stored: dict[str, dict[str, str]] = {
            key: {"name": own.name, "text": own.text} for key, own in command.templates.items()
        }
        core = self._core
        async with core.lock:
            return await core.commit(
                Outcome(result=SalonTemplates(templates=command.templates)),
                store=partial(store_whatsapp_templates, tenant_id=core.tenant_id, templates=stored),
            )

    async def set_channel(self, command: SetWhatsAppChannel) -> SalonChannel:
        core = self._core
        async with core.lock:
            stored = await core.read(partial(get_channel, tenant_id=core.tenant_id))
            has_secret = command.webhook_secret_sealed is not None or (
                stored.has_webhook_secret and not command.clear_webhook_secret
            )
            if command.n8n_url and not has_secret:
                raise InvalidCommandError(
                    "a salon's own n8n URL needs the salon's own webhook_secret: the deployment's"
                    " secret and token are never sent to it"
                )
            await core.commit(
                Outcome(result=None),
                store=partial(store_channel, tenant_id=core.tenant_id, command=command),
            )
            return await core.read(partial(get_channel, tenant_id=core.tenant_id))

    async def set_settings(self, command: SetSalonSettings) -> SalonSettings:
        core = self._core
        async with core.lock:
            stored = await core.read(partial(get_settings_choice, tenant_id=core.tenant_id))
            choice, settings = chosen_settings(stored, command, defaults=core.defaults)
            return await core.commit(
                Outcome(result=settings, change=AgendaChange(settings=(settings,))),
                store=partial(store_settings_choice, tenant_id=core.tenant_id, choice=choice),
            )
