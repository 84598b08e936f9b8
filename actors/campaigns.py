"""The salon actor's campaigns part: run Prazo Certo or Encher Agenda, set their schedule.

A run plans on the agenda in memory — the salon's lock reloads it when another writer changed the
salon (tenant.data_version), so it is what PostgreSQL holds — and on the visit histories read
fresh (domain/campaign_runs.py), and stores the run, its suggestions, offers and events at once.
Its run key makes it happen once: a repeat answers the stored result.
"""

from __future__ import annotations

from functools import partial

import asyncpg

from actors.salon_core import SalonCore
from db import campaigns as campaign_queries
from domain.campaign_runs import CampaignRun, plan_run, send_day
from domain.commands import CampaignResult, RunCampaign, SetCampaignSchedule
from domain.errors import DuplicateCommandError
from domain.outcome import Outcome
from domain.schedule import Schedule


class Campaigns:
    def __init__(self, core: SalonCore) -> None:
        self._core = core

    async def run(self, command: RunCampaign) -> CampaignResult:
        core = self._core
        async with core.lock:
            # Prazo Certo reads only the visit histories that may be due on the day its offers
            # leave (the rest are never due); Encher Agenda reads them all.
            prazo_certo = command.campaign_type == "prazo_certo"
            found = await core.read(
                partial(
                    campaign_queries.run_or_facts,
                    tenant_id=core.tenant_id,
                    run_key=command.run_key,
                    time_zone=core.agenda.time_zone,
                    due_on=send_day(core.agenda, core.now()) if prazo_certo else None,
                )
            )
            if isinstance(found, CampaignResult):  # a repeat: the stored result
                if found.campaign_type != command.campaign_type:
                    raise DuplicateCommandError(
                        f"campaign id {command.run_key} was used for {found.campaign_type}"
                    )
                return found.model_copy(update={"repeated": True})
            run = plan_run(core.agenda, found, command, now=core.now(), new_id=core.new_id)
            if command.dry_run:
                return run.outcome.result
            return await core.commit(run.outcome, store=partial(self._store_run, command, run))

    async def _store_run(
        self, command: RunCampaign, run: CampaignRun, conn: asyncpg.Connection
    ) -> None:
        await campaign_queries.insert_run(
            conn,
            tenant_id=self._core.tenant_id,
            result=run.outcome.result,
            trigger=command.trigger,
            local_date=run.local_date,
            context=run.context,
        )

    async def set_schedule(self, command: SetCampaignSchedule) -> Schedule:
        """Store the salon's schedule for one campaign; the scheduler reads it at its next step."""
        core = self._core
        schedule = Schedule(
            tenant_id=core.tenant_id, time_zone=core.agenda.time_zone, **command.model_dump()
        )
        async with core.lock:
            return await core.commit(
                Outcome(result=schedule),
                store=partial(campaign_queries.set_schedule, schedule=schedule),
            )
