"""The React kit (clients/react) as scripts/test and scripts/up see it: install, check, build.

Everything here needs Node.js >= 20.19 and npm; `node_problem()` says why it cannot run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / "clients" / "react"
MIN_NODE = (20, 19)
CHROMIUM = os.environ.get("AGENDA_CHROMIUM", "/usr/bin/chromium")


def node_problem() -> str | None:
    """None when Node.js and npm can build the kit; otherwise what is missing."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return "Node.js and npm not found"
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    parts = tuple(int(p) for p in version.lstrip("v").split(".")[:2] if p.isdigit())
    if parts < MIN_NODE:
        return f"Node.js {version} is too old (need {MIN_NODE[0]}.{MIN_NODE[1]} or newer)"
    return None


def chromium_problem() -> str | None:
    if os.access(CHROMIUM, os.X_OK):
        return None
    return f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set AGENDA_CHROMIUM)"


def step(command: list[str], *, quiet: bool = False) -> int:
    print(f"==> {' '.join(command)}  (clients/react)", flush=True)
    output = subprocess.DEVNULL if quiet else None
    return subprocess.run(command, cwd=KIT, stdout=output).returncode


def install() -> int:
    """`npm ci` when node_modules is missing or older than package-lock.json."""
    lock = hashlib.sha256((KIT / "package-lock.json").read_bytes()).hexdigest()[:16]
    stamp = KIT / "node_modules" / f".agenda-installed-{lock}"
    if stamp.exists():
        return 0
    code = step(["npm", "ci", "--no-audit", "--no-fund"])
    if code == 0:
        stamp.touch()
    return code


def build_console() -> int:
    return step(["npm", "run", "build", "--", "--logLevel", "warn"])


def run_checks(*, lint: bool) -> int:
    """Install, (lint: tsc, prettier), Vitest, then build the console for the browser tests.

    That the committed generated types match the back end is a test:
    tests/integration/test_client_types.py.
    """
    steps = [install]
    if lint:
        steps += [
            lambda: step(["npx", "tsc", "--noEmit"]),
            lambda: step(["npx", "prettier", "--check", "--log-level", "warn", "."]),
        ]
    steps += [lambda: step(["npx", "vitest", "run"]), build_console]
    for run in steps:
        if (code := run()) != 0:
            return code
    return 0
