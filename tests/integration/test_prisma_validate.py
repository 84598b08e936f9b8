"""Prisma's own CLI (npm `prisma`, pinned in db/prisma/package.json) validates db/schema.prisma,
offline: its engines are never downloaded (validation runs in the CLI's WebAssembly; the engine
paths only have to exist). The models against the migrated database: test_prisma_schema.py."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRISMA = ROOT / "db" / "prisma"
SCHEMA = ROOT / "db" / "schema.prisma"
TIMEOUT_S = 300


def installed() -> Path:
    """The pinned CLI, installed from its lock when missing (`npm ci`, no install scripts: they
    would fetch engines from outside the registry)."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip("Node.js and npm not found: Prisma's CLI cannot run here")
    lock = hashlib.sha256((PRISMA / "package-lock.json").read_bytes()).hexdigest()[:16]
    stamp = PRISMA / "node_modules" / f".agenda-installed-{lock}"
    if not stamp.exists():
        command = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"]
        done = subprocess.run(
            command, cwd=PRISMA, capture_output=True, text=True, timeout=TIMEOUT_S
        )
        assert done.returncode == 0, done.stderr[-2000:]
        stamp.touch()
    return PRISMA / "node_modules" / ".bin" / "prisma"


def validate(schema: Path) -> subprocess.CompletedProcess[str]:
    stand_in = shutil.which("true") or "/bin/true"
    env = os.environ | {
        "DATABASE_URL": "postgresql://prisma@127.0.0.1:5432/unused",  # read, never connected
        "PRISMA_SCHEMA_ENGINE_BINARY": stand_in,
        "PRISMA_QUERY_ENGINE_LIBRARY": stand_in,
        "PRISMA_HIDE_UPDATE_MESSAGE": "1",
        "CHECKPOINT_DISABLE": "1",  # no telemetry call
    }
    command = [str(installed()), "validate", "--schema", str(schema)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT_S)


def test_prisma_validates_the_schema() -> None:
    done = validate(SCHEMA)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "is valid" in done.stdout


def test_prisma_refuses_a_broken_copy(tmp_path: Path) -> None:
    broken = tmp_path / "schema.prisma"
    broken.write_text(SCHEMA.read_text().replace("@id", "@idd", 1))
    done = validate(broken)
    assert done.returncode != 0
    assert 'Attribute not known: "@idd"' in done.stdout + done.stderr
