"""Imports point one way: domain ← db, integrations ← actors ← deployments."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IO_LIBRARIES = {"ray", "asyncpg", "redis", "google", "fastapi", "httpx", "starlette", "jwt"}
ALLOWED = {
    "domain": {"domain"},
    "db": {"domain", "db"},
    "integrations": {"domain", "integrations"},
    "actors": {"domain", "db", "integrations", "actors"},
}
OURS = {"domain", "db", "integrations", "actors", "deployments"}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_domain_does_no_io() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & IO_LIBRARIES)
        for path in (ROOT / "domain").rglob("*.py")
        if imported_roots(path) & IO_LIBRARIES
    }
    assert offenders == {}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_layers_below(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted((imported_roots(path) & OURS) - ALLOWED[package])
        for path in (ROOT / package).rglob("*.py")
        if (imported_roots(path) & OURS) - ALLOWED[package]
    }
    assert offenders == {}
