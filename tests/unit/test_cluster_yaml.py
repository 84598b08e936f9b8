"""cluster.yaml: valid for Ray's cluster launcher, free of literal secrets, and deploys the app."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import ray.autoscaler
import yaml

from scripts.lockfile import LOCKS, RUNTIME

CLUSTER_YAML = Path(__file__).resolve().parents[2] / "cluster.yaml"
RAY_SCHEMA = Path(ray.autoscaler.__file__).parent / "ray-schema.json"

# NAME=value or NAME: value, where NAME looks like it holds a secret and value is a literal
# rather than a `$NAME` / `${NAME}` reference expanded on the node.
SECRET_ASSIGNMENT = re.compile(
    r"\b(?P<name>[A-Z][A-Z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|DATABASE_URL|REDIS_URL)"
    r"[A-Z0-9_]*)[ \t]*[=:][ \t]*(?P<value>[^\s,;)]+)"
)
# user:password@ inside a URL, an AWS access key id, a PEM private key.
CREDENTIAL_LITERAL = re.compile(
    r"[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@"
    r"|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"
    r"|-----BEGIN [A-Z ]*KEY-----"
)


@pytest.fixture(scope="module")
def cluster_text() -> str:
    return CLUSTER_YAML.read_text()


@pytest.fixture(scope="module")
def cluster_config(cluster_text: str) -> dict[str, Any]:
    config = yaml.safe_load(cluster_text)
    assert isinstance(config, dict)
    return config


def find_literal_secrets(text: str) -> list[str]:
    """Return each line of `text` that seems to carry a secret value rather than a reference."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in SECRET_ASSIGNMENT.finditer(line):
            if not match["value"].lstrip("'\"").startswith("$"):
                found.append(f"line {number}: {match['name']}= literal")
        if CREDENTIAL_LITERAL.search(line):
            found.append(f"line {number}: credential literal")
    return found


def test_cluster_yaml_matches_ray_schema(cluster_config: dict[str, Any]) -> None:
    schema = json.loads(RAY_SCHEMA.read_text())
    errors = [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in jsonschema.Draft7Validator(schema).iter_errors(cluster_config)
    ]
    assert not errors, "cluster.yaml violates ray-schema.json:\n" + "\n".join(errors)


def test_secret_detector_flags_literal_and_passes_reference() -> None:
    literal = "export AGENDA_JWT_SECRET=s3cr3t-value\nurl: postgresql://app:pw@db/agenda\n"
    reference = 'export AGENDA_JWT_SECRET="$AGENDA_JWT_SECRET"\nRAY_AUTH_TOKEN=${RAY_AUTH_TOKEN}\n'
    assert find_literal_secrets(literal) == [
        "line 1: AGENDA_JWT_SECRET= literal",
        "line 2: credential literal",
    ]
    assert find_literal_secrets(reference) == []


def test_cluster_yaml_has_no_literal_secret(cluster_text: str) -> None:
    found = find_literal_secrets(cluster_text)
    assert not found, "cluster.yaml seems to hold secrets:\n" + "\n".join(found)


def test_head_start_commands_deploy_serve_config_after_ray_start(
    cluster_config: dict[str, Any],
) -> None:
    commands: list[str] = cluster_config["head_start_ray_commands"]
    starts = [i for i, command in enumerate(commands) if "ray start --head" in command]
    deploys = [
        i
        for i, command in enumerate(commands)
        if re.search(r"\bserve deploy serve_config\.yaml\b", command)
    ]
    assert starts, f"no `ray start --head` in {commands}"
    assert deploys, f"no `serve deploy serve_config.yaml` in {commands}"
    assert deploys[0] > starts[0], "serve deploy must run after ray start"


@pytest.mark.parametrize("section", ["head_start_ray_commands", "worker_start_ray_commands"])
def test_ray_start_runs_with_serve_ingress_flags(
    cluster_config: dict[str, Any], section: str
) -> None:
    ray_starts = [c for c in cluster_config[section] if "ray start" in c]
    assert ray_starts, f"no `ray start` in {section}"
    for command in ray_starts:
        prefix = command.split("ray start")[0]
        assert "RAY_SERVE_ENABLE_HA_PROXY=1" in prefix, command
        assert "RAY_SERVE_THROUGHPUT_OPTIMIZED=1" in prefix, command


# The GCS's node checks that tests/cluster runs with (a crashed node's salons back within 10 s).
FAST_NODE_CHECKS = ("RAY_health_check_period_ms=500", "RAY_health_check_failure_threshold=3")


def test_head_starts_with_fast_node_health_checks(cluster_config: dict[str, Any]) -> None:
    head = next(c for c in cluster_config["head_start_ray_commands"] if "ray start --head" in c)
    prefix = head.split("ray start")[0]
    assert all(check in prefix for check in FAST_NODE_CHECKS), head


def pip_install_problems(config: dict[str, Any]) -> list[str]:
    """Each `pip install` on the nodes takes a lock with hashes (requirements/*.txt) or is the
    project itself without dependencies, built by the lock's setuptools: nothing resolved at
    boot, so every node, a worker launched months after the head included, runs the same
    versions."""
    sections = ("setup_commands", "head_setup_commands", "worker_setup_commands")
    commands = [c for section in sections for c in config.get(section) or []]
    installs = [i for c in commands for i in re.findall(r"pip install[^;&|\n]*", c)]
    locks = {spec.path for spec in LOCKS}
    problems = []
    for install in installs:
        words = install.split()
        locked = "--require-hashes" in words and any(
            a == "-r" and b in locks for a, b in itertools.pairwise(words)
        )
        project = {"--no-deps", "--no-build-isolation"} <= set(words) and words[-1] == "."
        if not (locked or project):
            problems.append(f"unlocked: {install}")
    lock_installs = [i for i in installs if "--require-hashes" in i]
    if not any(RUNTIME.path in i for i in lock_installs):
        problems.append(f"no node installs {RUNTIME.path}")
    return problems


def test_nodes_install_from_the_locks(cluster_config: dict[str, Any]) -> None:
    assert pip_install_problems(cluster_config) == []


@pytest.mark.parametrize(
    "command",
    [
        "~/agenda-venv/bin/pip install 'boto3>=1.34'",
        "cd ~/agenda-cheia && ~/agenda-venv/bin/pip install -e .",
        "cd ~/agenda-cheia && ~/agenda-venv/bin/pip install --no-deps -e .",
        "~/agenda-venv/bin/pip install -r requirements/runtime.txt",
        "~/agenda-venv/bin/pip install --require-hashes -r requirements/other.txt",
    ],
)
def test_lock_check_refuses_an_unlocked_install(
    cluster_config: dict[str, Any], command: str
) -> None:
    changed = {**cluster_config, "worker_setup_commands": [command]}
    assert pip_install_problems(changed) == [f"unlocked: {command[command.index('pip ') :]}"]
