"""Writes of a salon's own settings (one row per salon, created when first changed)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from db.read.salon_settings import CHOICE_COLUMNS
from domain.salon_settings import SettingsChoice

_NAMES = list(SettingsChoice.model_fields)
_PLACEHOLDERS = ", ".join(f"${i}" for i in range(2, len(_NAMES) + 2))
_UPDATES = ", ".join(f"{name} = EXCLUDED.{name}" for name in _NAMES)
STORE_CHOICE = f"""
INSERT INTO salon_settings (tenant_id, {CHOICE_COLUMNS}) VALUES ($1, {_PLACEHOLDERS})
ON CONFLICT (tenant_id) DO UPDATE SET {_UPDATES}, updated_at = now()
"""


async def store_settings_choice(
    conn: asyncpg.Connection, *, tenant_id: UUID, choice: SettingsChoice
) -> None:
    """What the owner chose, whole: a column left NULL follows the deployment's default."""
    values = [getattr(choice, name) for name in _NAMES]
    values[_NAMES.index("closed_days")] = list(choice.closed_days or ())  # a list, never NULL
    await conn.execute(STORE_CHOICE, tenant_id, *values)


async def store_whatsapp_templates(
    conn: asyncpg.Connection, *, tenant_id: UUID, templates: dict[str, dict[str, str]]
) -> None:
    """The salon's own template names and texts, whole (a purpose left out: the shipped one)."""
    await conn.execute(
        """INSERT INTO salon_settings (tenant_id, whatsapp_templates) VALUES ($1, $2)
           ON CONFLICT (tenant_id) DO UPDATE SET whatsapp_templates = $2, updated_at = now()""",
        tenant_id,
        templates,
    )
