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
            outcome = record_deliveries(command, queued)
            latest = {o.message_id: o for o in command.outcomes}  # one outcome per message
            return await core.commit(
                outcome,
                store=partial(
                    outbox.record_outcomes,
                    tenant_id=core.tenant_id,
                    outcomes=[latest[q.message_id] for q in queued],
                    at=core.now(),
                ),
            )
