"""The salon actor's part for a client's rights under the LGPD: exporting and erasing a client's
data (both recorded in the client's data-request trail)."""

from __future__ import annotations

from functools import partial

from actors.salon_core import SalonCore
from db.client_rights import erase_client_data, record_request
from db.read.client_rights import as_json, client_export
from domain.client_rights import erase_client, record_consent
from domain.commands import (
    ClientConsent,
    ClientErased,
    ClientExport,
    EraseClient,
    ExportClient,
    RecordConsent,
)
from domain.errors import NotFoundError
from domain.outcome import Outcome


class ClientData:
    def __init__(self, core: SalonCore) -> None:
        self._core = core

    async def export(self, command: ExportClient) -> ClientExport:
        core = self._core
        async with core.lock:
            found = await core.read(
                partial(client_export, tenant_id=core.tenant_id, client_id=command.client_id)
            )
            if found is None:
                raise NotFoundError(f"client {command.client_id} not found")
            return await core.commit(
                Outcome(result=ClientExport(data=as_json(found))),
                store=partial(
                    record_request,
                    tenant_id=core.tenant_id,
                    client_id=command.client_id,
                    action="export",
                    requested_by=command.exported_by,
                    at=core.now(),
                ),
            )

    async def record_consent(self, command: RecordConsent) -> ClientConsent:
        core = self._core
        async with core.lock:
            return await core.commit(record_consent(core.agenda, command))

    async def erase(self, command: EraseClient) -> ClientErased:
        core = self._core
        async with core.lock:
            outcome = erase_client(core.agenda, command, now=core.now())
            return await core.commit(
                outcome,
                store=partial(
                    erase_client_data,
                    tenant_id=core.tenant_id,
                    client_id=command.client_id,
                    by=command.erased_by,
                    at=core.now(),
                ),
            )
