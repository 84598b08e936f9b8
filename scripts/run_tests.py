"""Test runner behind scripts/test: start what the tests need, lint, type-check, run pytest."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from integrations.embedded import ensure_services
from scripts import client_kit

ROOT = Path(__file__).resolve().parent.parent
# Three Ray nodes of their own: never in the process of tests/e2e's `ray.init` (one process
# connects to one Ray cluster), so a second pytest runs them (pyproject ignores them otherwise).
CLUSTER_TESTS = Path("tests/cluster")
NO_TESTS_COLLECTED = 5
# pytest options whose value is the next argument and may name a file (not a path to run).
VALUED_OPTIONS = {"-k", "-m", "-p", "-o", "-c", "--deselect", "--ignore", "--ignore-glob"}
VALUED_OPTIONS |= {"--rootdir", "--confcutdir", "--basetemp", "--junit-xml"}
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
        print(
            "    browser tests do not run (install Node.js >= 22.12, or npm to fetch Node.js 24)",
            flush=True,
        )
        return 0
    if (code := client_kit.run_checks(lint=lint)) != 0:
        return code
    if problem := client_kit.chromium_problem():
        print(f"==> browser tests SKIPPED: {problem}", flush=True)
    else:
        print(f"==> browser tests: Chromium at {client_kit.CHROMIUM}", flush=True)
    return 0


def _as_path(arg: str) -> Path | None:
    """The file or folder a pytest argument names (`tests/unit`, `tests/x.py::test_y`), or None."""
    if arg.startswith("-"):
        return None
    path = (ROOT / arg.split("::", 1)[0]).resolve()
    return path if path.exists() else None


@dataclass(frozen=True)
class Runs:
    main: list[str] | None  # the main pytest's arguments; None: not wanted
    cluster: list[str] | None  # the cluster tests' pytest's arguments; None: not wanted
    cluster_named: bool  # paths inside tests/cluster were given (not only the default)


def split_runs(pytest_args: list[str]) -> Runs:
    """No paths, or a folder holding tests/cluster: both runs; paths inside it: the cluster's."""
    named = [
        None if i and pytest_args[i - 1] in VALUED_OPTIONS else _as_path(arg)
        for i, arg in enumerate(pytest_args)
    ]
    options = [a for a, path in zip(pytest_args, named, strict=True) if path is None]
    paths = {a: path for a, path in zip(pytest_args, named, strict=True) if path is not None}
    if not paths:
        return Runs(main=options, cluster=[*options, str(CLUSTER_TESTS)], cluster_named=False)
    cluster = (ROOT / CLUSTER_TESTS).resolve()
    inside = [a for a, path in paths.items() if path.is_relative_to(cluster)]
    main_paths = [a for a in paths if a not in inside]
    holding = any(cluster.is_relative_to(paths[a]) for a in main_paths)
    cluster_paths = inside + ([str(CLUSTER_TESTS)] if holding else [])
    return Runs(
        main=[*options, *main_paths] if main_paths else None,
        cluster=[*options, *cluster_paths] if cluster_paths else None,
        cluster_named=bool(inside),
    )


def run_pytest(args: list[str], env: dict[str, str]) -> int:
    python = str(ROOT / ".venv" / "bin" / "python")
    return subprocess.run([python, "-m", "pytest", *args], cwd=ROOT, env=env).returncode


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
    runs = split_runs(pytest_args)
    codes = []
    try:
        if runs.main is not None:
            print("==> pytest", flush=True)
            codes.append(run_pytest(runs.main, env))
        if runs.cluster is not None:
            print(f"==> pytest {CLUSTER_TESTS} (three Ray nodes, a process of its own)", flush=True)
            code = run_pytest(runs.cluster, env)
            # A filter (-k, -m) that left none of them, when they were not asked for by name.
            unasked = not runs.cluster_named and code == NO_TESTS_COLLECTED
            codes.append(0 if unasked else code)
    finally:
        services.stop()
    return next((code for code in codes if code != 0), 0)


if __name__ == "__main__":
    sys.exit(main())
