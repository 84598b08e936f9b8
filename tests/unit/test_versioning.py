"""A release names the code the actors run: any change to their packages' files changes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from actors import versioning
from actors.versioning import PACKAGES, code_digest, running_release


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for package in PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text(f'"""{package}"""\n')
    (tmp_path / "domain" / "rules.py").write_text("LIMIT = 3\n")
    return tmp_path


@pytest.fixture
def fresh_release() -> Iterator[None]:
    running_release.cache_clear()
    yield
    running_release.cache_clear()


def test_the_digest_is_stable_and_follows_every_file(tree: Path) -> None:
    first = code_digest(tree)
    assert first == code_digest(tree)
    assert len(first) == 16

    (tree / "domain" / "rules.py").write_text("LIMIT = 4\n")
    edited = code_digest(tree)
    (tree / "db" / "queries.sql").write_text("SELECT 1;\n")
    added = code_digest(tree)
    (tree / "db" / "queries.sql").rename(tree / "db" / "other.sql")
    renamed = code_digest(tree)

    assert len({first, edited, added, renamed}) == 4


def test_compiled_files_and_other_folders_do_not_count(tree: Path) -> None:
    before = code_digest(tree)
    (tree / "domain" / "__pycache__").mkdir()
    (tree / "domain" / "__pycache__" / "rules.cpython-312.pyc").write_bytes(b"\0\1")
    (tree / "tests").mkdir()
    (tree / "tests" / "test_x.py").write_text("x = 1\n")
    assert code_digest(tree) == before


def test_the_installed_packages_make_the_release(
    fresh_release: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AGENDA_RELEASE", raising=False)
    assert running_release() == code_digest()
    running_release.cache_clear()
    monkeypatch.setenv("AGENDA_RELEASE", "2026.12.06-abc123")
    assert running_release() == f"2026.12.06-abc123+{code_digest()}"
    assert versioning.PACKAGES == ("actors", "config", "db", "domain", "integrations")
