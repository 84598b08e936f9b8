"""Reading the n8n workflow exports in integrations/n8n/ (shared by their static and run checks)."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from collections import deque
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute

from config.settings import Settings
from deployments import routes_statuses, routes_webhooks

Workflow = dict[str, Any]
Node = dict[str, Any]

N8N_DIR = Path(__file__).resolve().parents[2] / "integrations" / "n8n"
INBOUND = N8N_DIR / "whatsapp_inbound.json"
OUTBOUND = N8N_DIR / "whatsapp_outbound.json"
# The node types the exports use, each with every typeVersion n8n ships, as n8n-io/n8n defines them
# in packages/nodes-base/nodes/: the `version` of Code/Code.node.ts, Webhook/Webhook.node.ts,
# RespondToWebhook/RespondToWebhook.node.ts, WhatsApp/WhatsApp.node.ts and
# WhatsApp/WhatsAppTrigger.node.ts; the `nodeVersions` of HttpRequest/HttpRequest.node.ts,
# If/If.node.ts and Switch/Switch.node.ts (VersionedNodeType; Switch 3 to 3.4 are all
# V3/SwitchV3.node.ts, whose expression mode has `numberOutputs` and `output`).
NODE_TYPE_VERSIONS: dict[str, set[float]] = {
    "n8n-nodes-base.code": {1, 2},
    "n8n-nodes-base.httpRequest": {1, 2, 3, 4, 4.1, 4.2, 4.3, 4.4, 4.5},
    "n8n-nodes-base.if": {1, 2, 2.1, 2.2, 2.3},
    "n8n-nodes-base.respondToWebhook": {1, 1.1, 1.2, 1.3, 1.4, 1.5},
    "n8n-nodes-base.switch": {1, 2, 3, 3.1, 3.2, 3.3, 3.4},
    "n8n-nodes-base.webhook": {1, 1.1, 2, 2.1},
    "n8n-nodes-base.whatsApp": {1, 1.1},
    "n8n-nodes-base.whatsAppTrigger": {1},
}
# The inbound workflow's nodes, by name: text goes READ -> VOICE_NOTE -> SIGN -> POST, a voice note
# VOICE_NOTE -> MEDIA_URL -> DOWNLOAD -> ATTACH -> SIGN -> POST.
READ, VOICE_NOTE = "Read messages", "Voice note?"
MEDIA_URL, DOWNLOAD, ATTACH = "Get voice note URL", "Download voice note", "Attach voice note"
SIGN, POST = "Build signed request", "POST to Agenda Cheia"
# The outbound workflow's: a verified message goes TEMPLATE -> SEND_TEXT (free text), or
# TEMPLATE -> MARKETING -> SEND_MARKETING (Meta's Marketing Messages API), or TEMPLATE -> MARKETING
# -> TEMPLATE_VALUES -> the WhatsApp node with as many body fields as it has values; every sender
# goes on to REMEMBER (sent) or READ_ERROR (502).
VERIFY, DROP, ALREADY_SENT = "Verify signature", "Drop repeats", "Already sent?"
TEMPLATE, MARKETING, TEMPLATE_VALUES = "Template?", "Marketing?", "Template values?"
SEND_TEXT, SEND_MARKETING = "Send WhatsApp text", "Send marketing template"
REMEMBER, READ_ERROR = "Remember delivery", "Read WhatsApp error"
TRIGGER_TYPES = {"n8n-nodes-base.webhook", "n8n-nodes-base.whatsAppTrigger"}
SECRET_KEY = re.compile(r"token|secret|password|api_?key|authorization|signature", re.IGNORECASE)
OPAQUE_RUN = re.compile(r"[A-Za-z0-9+=_-]{24,}")  # with digits and lower case: a token or a key
UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# A Standard Webhooks secret, `whsec_` + base64 of 32 key bytes (not UTF-8 text, as most keys).
SECRET = "whsec_" + base64.b64encode(bytes(range(200, 232))).decode()
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


def sources(workflow: Workflow, name: str) -> set[str]:
    """The nodes with a link into `name`."""
    return {
        source
        for source, kinds in workflow["connections"].items()
        for output in kinds.get("main", [])
        if any(link["node"] == name for link in output)
    }


def reachable(workflow: Workflow, names: list[str]) -> set[str]:
    """`names` and every node they lead to."""
    seen, queue = set(names), deque(names)
    while queue:
        for output in workflow["connections"].get(queue.popleft(), {}).get("main", []):
            for link in output:
                if link["node"] not in seen:
                    seen.add(link["node"])
                    queue.append(link["node"])
    return seen


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
    routes = routes_webhooks.router.routes + routes_statuses.router.routes
    (path,) = [r.path for r in routes if isinstance(r, APIRoute) and r.name == name]
    return path


def json_field(expression: str) -> str:
    """`<field>` of an expression `={{ $json.<field> }}`."""
    field = re.fullmatch(r"=\{\{ \$json\.(\w+) \}\}", expression)
    assert field is not None, expression
    return field.group(1)


def if_holds(node: Node, item: dict[str, Any]) -> bool:
    """An If node's one condition (`$json.<field>` equals a string, or is true), on `item`."""
    assert node["type"] == "n8n-nodes-base.if"
    (condition,) = node["parameters"]["conditions"]["conditions"]
    value = item[json_field(condition["leftValue"])]
    operator = condition["operator"]
    if operator == {"type": "string", "operation": "equals"}:
        return bool(value == condition["rightValue"])
    assert operator == {"type": "boolean", "operation": "true", "singleValue": True}, operator
    return value is True


def switch_output(node: Node, item: dict[str, Any]) -> int:
    """The output an expression-mode Switch node `={{ $json.<list>.length }}` sends `item` to."""
    assert node["type"] == "n8n-nodes-base.switch"
    parameters = node["parameters"]
    assert parameters["mode"] == "expression"
    listed = re.fullmatch(r"=\{\{ \$json\.(\w+)\.length \}\}", parameters["output"])
    assert listed is not None, parameters["output"]
    output = len(item[listed.group(1)])
    assert 0 <= output < parameters["numberOutputs"], "n8n fails an item past the last output"
    return output


def route(workflow: Workflow, start: str, item: dict[str, Any]) -> str:
    """The first node past the If and Switch nodes that `item` takes from `start`."""
    node = named(workflow, start)
    while node["type"] in {"n8n-nodes-base.if", "n8n-nodes-base.switch"}:
        if node["type"] == "n8n-nodes-base.switch":
            output = switch_output(node, item)
        else:
            output = 0 if if_holds(node, item) else 1
        (name,) = targets(workflow, node["name"], output)
        node = named(workflow, name)
    reached: str = node["name"]
    return reached


def header_parameters(node: Node) -> dict[str, str]:
    pairs = node["parameters"]["headerParameters"]["parameters"]
    return {pair["name"]: pair["value"] for pair in pairs}


# n8n's Code node, stood in for by `node`: `$input`, `$env`, `$('<node>')` (the items of that node's
# first output, as given in `nodes`), `this.helpers.getBinaryDataBuffer`, the static data.
HARNESS = r"""
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const items = input.items;
const staticData = input.staticData;
const helpers = {
  getBinaryDataBuffer: async (i, name) => Buffer.from(items[i].binary[name].data, 'base64'),
};
const $input = { all: () => items, first: () => items[0] };
const $ = (name) => ({
  first: () => input.nodes[name][0],
  all: (branch = 0) => {
    if (branch !== 0) throw new Error(`the harness only knows output 0 of ${name}`);
    return input.nodes[name];
  },
});
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const names = ['$input', '$env', '$getWorkflowStaticData', '$', 'require'];
const run = new AsyncFunction(...names, input.code);
run.call({ helpers }, $input, input.env, () => staticData, $, require).then(
  (output) => process.stdout.write(JSON.stringify({ output, staticData })),
  (error) => { process.stderr.write(String(error.stack)); process.exit(1); },
);
"""


def webhook_node_item(body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    """What n8n's Webhook node (raw body on) outputs for one request: header names lower-cased,
    the exact bytes received as the binary property `data`."""
    return {
        "json": {"headers": {name.lower(): value for name, value in headers.items()}, "body": {}},
        "binary": {
            "data": {"data": base64.b64encode(body).decode(), "mimeType": "application/json"}
        },
    }


def run_code(
    code: str,
    items: list[dict[str, Any]],
    *,
    env: dict[str, str],
    static_data: dict[str, Any] | None = None,
    nodes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Runs one Code node's JavaScript on `items`: {"output": its items, "staticData": …}."""
    assert NODE is not None
    stdin = {"code": code, "items": items, "env": env, "staticData": static_data or {}}
    stdin["nodes"] = nodes or {}
    done = subprocess.run(
        [NODE, "-e", HARNESS], input=json.dumps(stdin), capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# An n8n parameter value under `node`: `=` then text with `{{ <JavaScript> }}` parts, each run with
# `$json` (a single part keeps its type, as in n8n; several join as text).
EXPRESSION = r"""
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
if (!input.expression.startsWith('=')) throw new Error('not an expression');
const parts = input.expression.slice(1).split(/(\{\{[\s\S]*?\}\})/).filter((part) => part !== '');
const run = (code) => new Function('$json', `return (${code});`)(input.json);
const values = parts.map((part) => (part.startsWith('{{') ? run(part.slice(2, -2)) : part));
const value = values.length === 1 ? values[0] : values.map(String).join('');
process.stdout.write(JSON.stringify({ value }));
"""


def evaluate(expression: str, json_item: dict[str, Any]) -> Any:
    """The value of one n8n expression on an item's json."""
    assert NODE is not None
    stdin = json.dumps({"expression": expression, "json": json_item})
    done = subprocess.run(
        [NODE, "-e", EXPRESSION], input=stdin, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["value"]
