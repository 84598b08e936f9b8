"""The salon actor's deliveries part: the WhatsApp sender's final outcomes, recorded with their
`notification_sent` / `notification_failed` events (a repeat records nothing twice: only messages
still queued move), and WhatsApp's later `failed` statuses of messages it had accepted."""

from __future__ import annotations

from functools import partial

from actors.salon_core import SalonCore
from db import message_status, outbox
from domain.commands import (
    DeliveriesRecorded,
    MessageStatusRecorded,
    RecordDeliveries,
    ReportMessageStatus,
)
from domain.delivery import record_deliveries
from domain.message_status import late_verdict, report_late_failure


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
            # A 131050 always writes the client's opt-out, even when memory says they already
            # opted out: memory can be behind another writer (a re-import, the Prisma services).
            outcome = record_deliveries(command, queued)
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

    async def report_status(self, command: ReportMessageStatus) -> MessageStatusRecorded:
        """WhatsApp's later `failed` for a message it had accepted: sent again or failed, as the
        same code would have decided at send time; an id no sent message carries changes
        nothing (a repeat, or a message already sent again)."""
        core = self._core
        async with core.lock:
            sent = await core.read(
                partial(
                    message_status.sent_message,
                    tenant_id=core.tenant_id,
                    whatsapp_message_id=command.whatsapp_message_id,
                )
            )
            if sent is None:
                return MessageStatusRecorded()
            code = command.error_code
            # Meta's time of the refusal (a day's wait counts from it), never later than now.
            at = min(command.failed_at, core.now())
            verdict = late_verdict(sent, code=code, title=command.error_title, now=at)
            return await core.commit(
                report_late_failure(sent, verdict, code=code),
                store=partial(
                    message_status.apply_late_failure,
                    tenant_id=core.tenant_id,
                    message_id=sent.message_id,
                    verdict=verdict,
                    error_code=code,
                ),
            )
