"""The salon actor's deliveries part: the WhatsApp sender's final outcomes, recorded with their
`notification_sent` / `notification_failed` events. A repeat records nothing twice (only messages
still queued move)."""

from __future__ import annotations

from functools import partial

from actors.salon_core import SalonCore
from db import outbox
from domain.commands import DeliveriesRecorded, RecordDeliveries
from domain.delivery import record_deliveries


class Deliveries:
    def __init__(self, core: SalonCore) -> None:
        self._core = core

    async def record(self, command: RecordDeliveries) -> DeliveriesRecorded:
        core = self._core
        async with core.lock:
            queued = await core.read(
                partial(
                    outbox.queued_among,
                    tenant_id=core.tenant_id,
                    message_ids=[o.message_id for o in command.outcomes],
                )
            )
            clients = core.agenda.clients
            opted_out = {  # of these messages' clients only: a report never scans the salon
                q.client_id
                for q in queued
                if (c := clients.get(q.client_id)) is not None and c.marketing_opt_out
            }
            outcome = record_deliveries(command, queued, opted_out=opted_out)
            latest = {o.message_id: o for o in command.outcomes}  # one outcome per message
            # A deferred message stays queued: only its event is stored.
            final = [
                latest[q.message_id] for q in queued if latest[q.message_id].status != "deferred"
            ]
            return await core.commit(
                outcome,
                store=partial(
                    outbox.record_outcomes, tenant_id=core.tenant_id, outcomes=final, at=core.now()
                ),
            )
