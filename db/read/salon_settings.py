"""Read-only queries of a salon's own settings: what its owner chose, and what it uses (the
deployment's defaults where it chose nothing)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import time
from uuid import UUID

import asyncpg

from domain.salon_settings import SalonSettings, SettingsChoice

CHOICE_COLUMNS = ", ".join(SettingsChoice.model_fields)


async def get_settings_choice(conn: asyncpg.Connection, *, tenant_id: UUID) -> SettingsChoice:
    row = await conn.fetchrow(
        f"SELECT {CHOICE_COLUMNS} FROM salon_settings WHERE tenant_id = $1", tenant_id
    )
    if row is None:
        return SettingsChoice()
    values = dict(row)
    values["closed_days"] = tuple(values["closed_days"]) or None  # none: nothing chosen
    return SettingsChoice(**values)


async def get_salon_settings(
    conn: asyncpg.Connection, *, tenant_id: UUID, defaults: SalonSettings
) -> SalonSettings:
    return defaults.with_choice(await get_settings_choice(conn, tenant_id=tenant_id))


async def chosen_window_ends(
    conn: asyncpg.Connection, *, tenant_ids: Collection[UUID] | None = None
) -> dict[UUID, time]:
    """When the send window closes for the salons that chose their own (the others: default)."""
    rows = await conn.fetch(
        """SELECT tenant_id, send_window_end FROM salon_settings
           WHERE send_window_end IS NOT NULL
             AND ($1::uuid[] IS NULL OR tenant_id = ANY($1::uuid[]))""",
        None if tenant_ids is None else list(tenant_ids),
    )
    return {row["tenant_id"]: row["send_window_end"] for row in rows}


async def get_whatsapp_templates(
    conn: asyncpg.Connection, *, tenant_id: UUID
) -> dict[str, dict[str, str]]:
    """The salon's own template names and texts per purpose (none: the shipped ones)."""
    found: dict[str, dict[str, str]] | None = await conn.fetchval(
        "SELECT whatsapp_templates FROM salon_settings WHERE tenant_id = $1", tenant_id
    )
    return found or {}
