"""The React kit's committed TypeScript types are what the back end produces now.

Runs `python -m scripts.client_types --check` (exports the OpenAPI document and the socket's JSON
Schema, generates with openapi-typescript and json-schema-to-typescript, compares). Skipped, with
the reason, without Node.js or the kit's node_modules (`scripts/test` installs them).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts import client_kit

ROOT = Path(__file__).resolve().parents[2]


def missing() -> str | None:
    if problem := client_kit.node_problem():
        return problem
    if not (client_kit.KIT / "node_modules" / "openapi-typescript").is_dir():
        return "the React kit's node_modules are not installed (npm ci in clients/react)"
    return None


@pytest.mark.skipif(missing() is not None, reason=f"type check skipped: {missing()}")
def test_committed_client_types_match_the_back_end() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts.client_types", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
