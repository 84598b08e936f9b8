"""scripts/test and scripts/up say why the React kit or the browser tests cannot run."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import client_kit


def fake_tool(folder: Path, name: str, version: str) -> None:
    tool = folder / name
    tool.write_text(f"#!/bin/sh\necho {version}\n")
    tool.chmod(0o755)


def test_missing_node_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert client_kit.node_problem() == "Node.js and npm not found"


def test_old_node_is_refused_with_its_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tool(tmp_path, "node", "v18.19.0")
    fake_tool(tmp_path, "npm", "10.2.0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert client_kit.node_problem() == "Node.js v18.19.0 is too old (need 20.19 or newer)"


def test_recent_node_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tool(tmp_path, "node", "v20.19.1")
    fake_tool(tmp_path, "npm", "11.0.0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert client_kit.node_problem() is None


def test_missing_chromium_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_kit, "CHROMIUM", "/nonexistent/chromium")
    problem = client_kit.chromium_problem()
    assert problem is not None and "apt-get install chromium" in problem
