"""The salon actor's profile part: the salon's own settings (the deployment's are defaults)."""

from __future__ import annotations

from functools import partial

from actors.salon_core import SalonCore
from db.salon_settings import store_salon_settings
from domain.commands import SetSalonSettings
from domain.outcome import Outcome
from domain.salon_settings import SalonSettings


class SalonProfile:
    def __init__(self, core: SalonCore) -> None:
        self._core = core

    async def set_settings(self, command: SetSalonSettings) -> SalonSettings:
        core = self._core
        async with core.lock:
            return await core.commit(
                Outcome(result=command.settings),
                store=partial(
                    store_salon_settings, tenant_id=core.tenant_id, settings=command.settings
                ),
            )
