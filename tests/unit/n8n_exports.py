"""Reading the n8n workflow exports in integrations/n8n/ (shared by their static and run checks)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute

from config.settings import Settings
from deployments.routes_webhooks import router

Workflow = dict[str, Any]
Node = dict[str, Any]

N8N_DIR = Path(__file__).resolve().parents[2] / "integrations" / "n8n"
INBOUND = N8N_DIR / "whatsapp_inbound.json"
OUTBOUND = N8N_DIR / "whatsapp_outbound.json"
NODE_TYPE_VERSIONS: dict[str, set[float]] = {  # types used here, with versions n8n ships
    "n8n-nodes-base.code": {1, 2},
    "n8n-nodes-base.httpRequest": {4, 4.1, 4.2},
    "n8n-nodes-base.if": {2},
    "n8n-nodes-base.respondToWebhook": {1, 1.1},
    "n8n-nodes-base.webhook": {2},
    "n8n-nodes-base.whatsApp": {1},
    "n8n-nodes-base.whatsAppTrigger": {1},
}
TRIGGER_TYPES = {"n8n-nodes-base.webhook", "n8n-nodes-base.whatsAppTrigger"}
SECRET_KEY = re.compile(r"token|secret|password|api_?key|authorization|signature", re.IGNORECASE)
OPAQUE_RUN = re.compile(r"[A-Za-z0-9+=_-]{24,}")  # with digits and lower case: a token or a key
UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SECRET = "unit-test-n8n-secret-long-enough-0123456789"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(
    NODE is None, reason="node is not installed: the workflows' JavaScript is only read statically"
)


def env_name(setting: str) -> str:
    """The environment variable of one of our settings: n8n reads the same name."""
    assert setting in Settings.model_fields
    return f"{Settings.model_config['env_prefix']}{setting.upper()}"


SECRET_ENV = env_name("n8n_webhook_secret")


def load(path: Path) -> Workflow:
    workflow: Workflow = json.loads(path.read_text(encoding="utf-8"))
    return workflow


def by_type(workflow: Workflow, node_type: str) -> list[Node]:
    return [node for node in workflow["nodes"] if node["type"] == node_type]


def the(workflow: Workflow, node_type: str) -> Node:
    (node,) = by_type(workflow, node_type)
    return node


def named(workflow: Workflow, name: str) -> Node:
    nodes: list[Node] = workflow["nodes"]
    (node,) = [node for node in nodes if node["name"] == name]
    return node


def targets(workflow: Workflow, name: str, output: int = 0) -> list[str]:
    outputs = workflow["connections"].get(name, {}).get("main", [])
    return [link["node"] for link in outputs[output]] if output < len(outputs) else []


def code_of(workflow: Workflow, name: str) -> str:
    code: str = named(workflow, name)["parameters"]["jsCode"]
    return code


def strings_in(value: Any, key: str = "") -> list[tuple[str, str]]:
    """Every (key, string) in a JSON value, depth first."""
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in strings_in(v, k)]
    if isinstance(value, list):
        return [pair for v in value for pair in strings_in(v, key)]
    return []


def route_path(name: str) -> str:
    (path,) = [r.path for r in router.routes if isinstance(r, APIRoute) and r.name == name]
    return path


def header_parameters(node: Node) -> dict[str, str]:
    pairs = node["parameters"]["headerParameters"]["parameters"]
    return {pair["name"]: pair["value"] for pair in pairs}
