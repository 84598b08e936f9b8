"""Pooled connections go back to the pool without a reset query (db/pool.py `_keep_session`):
that is only right while no code leaves session state on one. This scan keeps it so."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("domain", "db", "config", "integrations", "actors", "deployments", "scripts")
# db/migrate.py takes its session advisory lock on a connection of its own, never a pooled one.
OWN_CONNECTION = {Path("db/migrate.py")}
SESSION_STATE = {
    "a session SET": re.compile(r"""["'(]\s*SET\s+(?!LOCAL\b)(SESSION\s+)?\w+\s*(=|TO\b)""", re.I),
    "set_config(…, false)": re.compile(r"set_config\([^)]*false\s*\)", re.I),
    "LISTEN": re.compile(r"""["']\s*LISTEN\s""", re.I),
    "add_listener": re.compile(r"\.add_listener\("),
    "a session advisory lock": re.compile(r"pg_(try_)?advisory_lock(_shared)?\(", re.I),
    "DECLARE … WITH HOLD": re.compile(r"WITH\s+HOLD", re.I),
}


def session_state_uses(text: str) -> list[str]:
    return [name for name, pattern in SESSION_STATE.items() if pattern.search(text)]


def test_no_code_leaves_session_state_on_a_pooled_connection() -> None:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative not in OWN_CONNECTION:
                found += [f"{relative}: {use}" for use in session_state_uses(path.read_text())]
    assert found == []


def test_the_scan_finds_session_state() -> None:
    assert session_state_uses('await conn.execute("SET statement_timeout = 0")')
    assert session_state_uses("await conn.execute('LISTEN agenda')")
    assert session_state_uses('conn.fetch("SELECT pg_advisory_lock($1)", key)')
    assert session_state_uses("SELECT set_config('search_path', 'x', false)")
    assert not session_state_uses('conn.execute("SET LOCAL statement_timeout = 0")')
    assert not session_state_uses('"UPDATE tenant SET name = $2 WHERE id = $1"')
    assert not session_state_uses("SELECT pg_advisory_xact_lock($1)")
