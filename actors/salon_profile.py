"""The salon actor's profile part: the salon's own settings (the deployment's are defaults) and
its profile (the facts the chat tells clients)."""

from __future__ import annotations

from functools import partial

from actors.salon_core import SalonCore
from db.read.salon_settings import get_settings_choice
from db.salon_profile import store_profile
from db.salon_settings import store_settings_choice, store_whatsapp_templates
from domain import salon_profile as facts
from domain.agenda import AgendaChange
from domain.commands import SalonTemplates, SetSalonProfile, SetSalonSettings, SetWhatsAppTemplates
from domain.events import SalonProfileUpdatedData
from domain.outcome import Outcome
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

    async def set_settings(self, command: SetSalonSettings) -> SalonSettings:
        core = self._core
        async with core.lock:
            stored = await core.read(partial(get_settings_choice, tenant_id=core.tenant_id))
            choice, settings = chosen_settings(stored, command, defaults=core.defaults)
            return await core.commit(
                Outcome(result=settings, change=AgendaChange(settings=(settings,))),
                store=partial(store_settings_choice, tenant_id=core.tenant_id, choice=choice),
            )
