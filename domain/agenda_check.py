"""Memory against the truth: what a salon's agenda in memory holds that a fresh load from
PostgreSQL does not (or holds differently), field by field — for on-call checks and the
reliability suite (after a host is killed and restarted, both must agree)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from domain.agenda import Agenda


def differences(memory: Agenda, truth: Agenda, *, now: datetime) -> list[str]:
    """Each difference as "<field>: <key>" (an empty list: memory is the truth). Appointments
    that ended meanwhile are left out of both: a load no longer reads them."""
    found: list[str] = []
    if memory.tenant != truth.tenant:
        found.append("tenant")
    for name in ("professionals", "services", "clients", "pending"):
        found.extend(_keyed(name, getattr(memory, name), getattr(truth, name)))
    coming = {k: a for k, a in memory.upcoming.items() if a.ends_at >= now}
    found.extend(_keyed("upcoming", coming, truth.upcoming))
    if sorted(map(repr, memory.working_hours)) != sorted(map(repr, truth.working_hours)):
        found.append("working_hours")
    if memory.settings != truth.settings:
        found.append("settings")
    if memory.profile != truth.profile:
        found.append("profile")
    return found


def _keyed(name: str, memory: Mapping[Any, Any], truth: Mapping[Any, Any]) -> list[str]:
    keys = sorted(set(memory) | set(truth), key=str)
    return [f"{name}: {key}" for key in keys if memory.get(key) != truth.get(key)]
