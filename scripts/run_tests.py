"""Test runner behind scripts/test: start what the tests need, lint, type-check, run pytest."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from integrations.embedded import ensure_services
from scripts import client_kit

ROOT = Path(__file__).resolve().parent.parent
CHECKS = [
    ["ruff", "check", "."],
    ["ruff", "format", "--check", "."],
    ["mypy", "domain", "db", "config", "integrations", "actors", "deployments", "scripts"],
]


def parse_args() -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(
        prog="scripts/test",
        description="Lint, type-check and run the test suite on real PostgreSQL, Redis and Ray. "
        "Unknown arguments are passed to pytest.",
    )
    parser.add_argument("--no-lint", action="store_true", help="skip ruff, mypy, tsc, type drift")
    parser.add_argument(
        "--no-js", action="store_true", help="skip the React kit (Vitest, console build)"
    )
    return parser.parse_known_args()


def run_checks() -> int:
    for command in CHECKS:
        print(f"==> {' '.join(command)}", flush=True)
        result = subprocess.run([str(ROOT / ".venv" / "bin" / command[0]), *command[1:]], cwd=ROOT)
        if result.returncode != 0:
            return result.returncode
    return 0


def run_kit(*, lint: bool) -> int:
    """The React kit's checks and the console build, or a clear word on why they are skipped."""
    if problem := client_kit.node_problem():
        print(
            f"==> React kit SKIPPED: {problem}; Vitest, type checks, console build and the",
            flush=True,
        )
        print("    browser tests do not run (install Node.js >= 20.19 and npm)", flush=True)
        return 0
    if (code := client_kit.run_checks(lint=lint)) != 0:
        return code
    if problem := client_kit.chromium_problem():
        print(f"==> browser tests SKIPPED: {problem}", flush=True)
    else:
        print(f"==> browser tests: Chromium at {client_kit.CHROMIUM}", flush=True)
    return 0


def main() -> int:
    args, pytest_args = parse_args()
    if not args.no_lint and (code := run_checks()) != 0:
        return code
    if not args.no_js and (code := run_kit(lint=not args.no_lint)) != 0:
        return code
    services = ensure_services(
        ROOT / ".data" / "test",
        database_url=os.environ.get("AGENDA_DATABASE_URL"),
        redis_url=os.environ.get("AGENDA_REDIS_URL"),
    )
    embedded = [
        name
        for name, given in (("PostgreSQL", "AGENDA_DATABASE_URL"), ("Redis", "AGENDA_REDIS_URL"))
        if not os.environ.get(given)
    ]
    print(
        f"==> services: {'embedded ' + ', '.join(embedded) if embedded else 'as given'}", flush=True
    )
    env = os.environ | {
        "AGENDA_DATABASE_URL": services.database_url,
        "AGENDA_REDIS_URL": services.redis_url,
    }
    try:
        print("==> pytest", flush=True)
        return subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "-m", "pytest", *pytest_args],
            cwd=ROOT,
            env=env,
        ).returncode
    finally:
        services.stop()


if __name__ == "__main__":
    sys.exit(main())
