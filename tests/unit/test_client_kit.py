"""scripts/test and scripts/up say why the React kit or the browser tests cannot run."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from platform import machine

import pytest

from scripts import client_kit

# This machine as one a Node.js package exists for (named node-test).
PACKAGE_HERE = {(sys.platform, machine().lower()): "node-test"}


def fake_tool(folder: Path, name: str, version: str) -> None:
    tool = folder / name
    tool.write_text(f"#!/bin/sh\necho {version}\n")
    tool.chmod(0o755)


def test_missing_node_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert client_kit.node_problem() == "Node.js and npm not found"


def test_old_node_is_refused_with_its_version_where_none_can_be_fetched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tool(tmp_path, "node", "v18.19.0")
    fake_tool(tmp_path, "npm", "10.2.0")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(client_kit, "NODE_PACKAGES", {})
    problem = client_kit.node_problem()
    assert problem is not None
    assert problem.startswith("Node.js v18.19.0 is too old (need 22.12 or newer)")


def test_recent_node_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tool(tmp_path, "node", "v22.12.0")
    fake_tool(tmp_path, "npm", "10.9.0")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(client_kit, "NODE_PACKAGES", {})
    assert client_kit.node_problem() is None


def test_old_node_is_accepted_where_the_lts_can_be_fetched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tool(tmp_path, "node", "v20.20.2")
    fake_tool(tmp_path, "npm", "11.0.0")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(client_kit, "NODE_HOME", tmp_path / "fetched")
    monkeypatch.setattr(client_kit, "NODE_PACKAGES", PACKAGE_HERE)
    assert client_kit.node_problem() is None


def test_fetched_node_goes_first_on_path_when_the_machines_is_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tool(tmp_path, "node", "v20.20.2")
    fetched = tmp_path / "fetched" / client_kit.LTS_NODE / "node_modules" / "node-test" / "bin"
    fetched.mkdir(parents=True)
    fake_tool(fetched, "node", f"v{client_kit.LTS_NODE}")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(client_kit, "NODE_HOME", tmp_path / "fetched")
    monkeypatch.setattr(client_kit, "NODE_PACKAGES", PACKAGE_HERE)
    assert client_kit.ensure_node() == 0  # already there: nothing to fetch
    assert client_kit.node_env()["PATH"] == f"{fetched}{os.pathsep}{tmp_path}"


def test_recent_machine_node_is_used_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tool(tmp_path, "node", "v24.11.0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert client_kit.node_env()["PATH"] == str(tmp_path)


def test_missing_chromium_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_kit, "CHROMIUM", "/nonexistent/chromium")
    problem = client_kit.chromium_problem()
    assert problem is not None and "apt-get install chromium" in problem
