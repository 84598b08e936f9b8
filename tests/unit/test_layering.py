"""Imports point one way: domain ← db, config ← integrations ← actors ← deployments; the ingress
reads PostgreSQL only through db/read, so every write goes through a salon's actor."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IO_LIBRARIES = {"ray", "asyncpg", "redis", "google", "fastapi", "httpx", "starlette", "jwt"}
ALLOWED = {
    "domain": {"domain"},
    "db": {"domain", "db"},
    "config": {"domain", "config"},
    "integrations": {"domain", "config", "integrations"},
    "actors": {"domain", "db", "config", "integrations", "actors"},
}
OURS = {"domain", "db", "config", "integrations", "actors", "deployments"}
# What the ingress may import of db/: the read-only queries and the pool that runs them.
INGRESS_DB_MODULES = ("db.read", "db.pool")


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
            # `from db import chat` imports the module db.chat
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def imported_roots(path: Path) -> set[str]:
    return {module.split(".")[0] for module in imported_modules(path)}


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


def db_modules_written_through(path: Path) -> set[str]:
    """The db modules a file imports that are not read-only (db.read.*) nor the pool."""
    return {
        module
        for module in imported_modules(path)
        if module.split(".")[0] == "db"
        and module != "db"
        and not module.startswith(INGRESS_DB_MODULES)
    }


def test_ingress_reads_only_through_read_only_queries() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(db_modules_written_through(path))
        for path in (ROOT / "deployments").rglob("*.py")
        if db_modules_written_through(path)
    }
    assert offenders == {}


def test_read_only_queries_write_nothing() -> None:
    writes = ("INSERT ", "UPDATE ", "DELETE ", "TRUNCATE ", "ALTER ", "CREATE ")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "db" / "read").rglob("*.py")
        if any(word in path.read_text().upper() for word in writes)
    ]
    assert offenders == []


def test_the_layering_check_sees_a_write_module_imported_by_the_ingress(tmp_path: Path) -> None:
    module = tmp_path / "route.py"
    module.write_text("from db import chat\nfrom db.read.chat import list_messages\n")
    assert db_modules_written_through(module) == {"db.chat"}
