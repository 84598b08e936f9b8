"""The n8n workflow exports in integrations/n8n/ against what the back end expects of n8n.

Static checks read the JSON only: export shape, wiring, URLs, headers, signing, no secrets. When
`node` is installed, the Code nodes' JavaScript also runs in a small harness that stands in for
n8n (`$input`, `$env`, `this.helpers`, static data), and its signatures are checked with our own
`verify`, on bodies our own sender makes.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import time
from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from fastapi.routing import APIRoute
from pydantic import SecretStr

from deployments.routes_webhooks import MessageReceivedBody, router
from domain.delivery import SendResult
from integrations import webhook_signature
from integrations.n8n import N8nClient, WhatsAppPayload, classify_status
from integrations.settings import Environment, Settings
from integrations.webhook_signature import InvalidSignatureError, verify

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


# --- both exports -----------------------------------------------------------------------------


@pytest.fixture(params=[INBOUND, OUTBOUND], ids=lambda path: path.stem)
def workflow(request: pytest.FixtureRequest) -> Workflow:
    return load(request.param)


def test_export_has_the_n8n_shape(workflow: Workflow) -> None:
    assert isinstance(workflow["name"], str) and workflow["name"]
    assert isinstance(workflow["nodes"], list) and workflow["nodes"]
    assert isinstance(workflow["connections"], dict)
    assert isinstance(workflow["settings"], dict)
    for node in workflow["nodes"]:
        UUID(node["id"])
        assert isinstance(node["name"], str) and node["name"]
        assert node["typeVersion"] in NODE_TYPE_VERSIONS[node["type"]], node["name"]
        assert len(node["position"]) == 2
        assert all(isinstance(xy, int | float) for xy in node["position"])
        assert isinstance(node["parameters"], dict)


def test_node_names_and_ids_are_unique(workflow: Workflow) -> None:
    names = [node["name"] for node in workflow["nodes"]]
    ids = [node["id"] for node in workflow["nodes"]]
    assert len(set(names)) == len(names)
    assert len(set(ids)) == len(ids)


def test_connections_point_at_existing_nodes(workflow: Workflow) -> None:
    names = {node["name"] for node in workflow["nodes"]}
    for source, kinds in workflow["connections"].items():
        assert source in names
        assert set(kinds) == {"main"}
        for output in kinds["main"]:
            for link in output:
                assert link["node"] in names
                assert link["type"] == "main" and link["index"] == 0


def test_every_node_is_reachable_from_the_one_trigger(workflow: Workflow) -> None:
    (trigger,) = [node for node in workflow["nodes"] if node["type"] in TRIGGER_TYPES]
    seen, queue = {trigger["name"]}, deque([trigger["name"]])
    while queue:
        for output in workflow["connections"].get(queue.popleft(), {}).get("main", []):
            for link in output:
                if link["node"] not in seen:
                    seen.add(link["node"])
                    queue.append(link["node"])
    assert seen == {node["name"] for node in workflow["nodes"]}


def test_credentials_are_references_only(workflow: Workflow) -> None:
    for node in workflow["nodes"]:
        for reference in node.get("credentials", {}).values():
            assert set(reference) == {"id", "name"}, node["name"]


def test_no_secret_is_written_in_the_export(workflow: Workflow) -> None:
    assert not workflow.get("pinData"), "pinned executions would ship client data"
    for key, value in strings_in(workflow):
        if SECRET_KEY.search(key) and key not in {"jsCode", "notes"}:
            assert value == "" or value.startswith("={{"), key
        for run in OPAQUE_RUN.findall(UUID_TEXT.sub("", value)):
            assert not (re.search(r"\d", run) and re.search("[a-z]", run)), f"{run} in {key}"
    for node in workflow["nodes"]:
        for header in node["parameters"].get("headerParameters", {}).get("parameters", []):
            if SECRET_KEY.search(header["name"]):
                assert header["value"].startswith("={{"), header["name"]


# --- inbound: WhatsApp → signed POST to our webhook -------------------------------------------


def test_inbound_starts_on_client_messages_only() -> None:
    trigger = the(load(INBOUND), "n8n-nodes-base.whatsAppTrigger")
    assert trigger["parameters"]["updates"] == ["messages"]
    assert trigger["parameters"]["options"]["messageStatusUpdates"] == []
    assert set(trigger["credentials"]) == {"whatsAppTriggerApi"}


def test_inbound_posts_to_the_webhook_route_of_the_api() -> None:
    post = the(load(INBOUND), "n8n-nodes-base.httpRequest")["parameters"]
    assert post["method"] == "POST"
    assert post["url"] == "={{ $env.AGENDA_API_URL }}" + route_path("message_received")


def test_inbound_sends_the_three_signature_headers_from_the_signing_node() -> None:
    workflow = load(INBOUND)
    post = the(workflow, "n8n-nodes-base.httpRequest")
    headers = header_parameters(post)
    assert set(headers) == {
        webhook_signature.ID_HEADER,
        webhook_signature.TIMESTAMP_HEADER,
        webhook_signature.SIGNATURE_HEADER,
    }
    code = the(workflow, "n8n-nodes-base.code")
    assert targets(workflow, code["name"]) == [post["name"]]
    for value in headers.values():
        field = re.fullmatch(r"=\{\{ \$json\.(\w+) \}\}", value)
        assert field is not None, value
        assert f"{field.group(1)}:" in code["parameters"]["jsCode"]


def test_inbound_sends_the_signed_string_as_a_raw_body() -> None:
    post = the(load(INBOUND), "n8n-nodes-base.httpRequest")["parameters"]
    assert post["sendBody"] is True
    assert post["contentType"] == "raw"
    assert post["rawContentType"] == "application/json"
    assert post["body"] == "={{ $json.raw }}"
    assert "const raw = JSON.stringify(body);" in code_of(load(INBOUND), "Build signed request")


def compact(code: str) -> str:
    return re.sub(r"\s+", "", code)


def test_inbound_code_signs_id_timestamp_and_body_with_hmac_sha256() -> None:
    code = code_of(load(INBOUND), "Build signed request")
    assert f"$env.{SECRET_ENV}" in code
    assert "functionsign(id,timestamp,body){" in compact(code)
    assert "crypto.createHmac('sha256',secret).update(`${id}.${timestamp}.${body}`)" in compact(
        code
    )
    assert f"`{webhook_signature.VERSION},${{mac.digest('base64')}}`" in code
    assert "webhook_signature: sign(webhookId, webhookTimestamp, raw)" in code
    assert "webhook_id: webhookId," in code


def test_inbound_body_has_exactly_the_fields_of_the_webhook_body() -> None:
    code = code_of(load(INBOUND), "Build signed request")
    builder = re.search(r"const body = \{\n(.*?)\n\s*\};", code, re.DOTALL)
    assert builder is not None
    fields = re.findall(r"^\s*(\w+):", builder.group(1), re.MULTILINE)
    assert sorted(fields) == sorted(MessageReceivedBody.model_fields)


# --- outbound: our sender → n8n webhook → WhatsApp --------------------------------------------


def test_outbound_webhook_checks_our_auth_header_and_keeps_the_raw_body() -> None:
    webhook = the(load(OUTBOUND), "n8n-nodes-base.webhook")
    parameters = webhook["parameters"]
    assert parameters["httpMethod"] == "POST"
    assert parameters["authentication"] == "headerAuth"
    assert set(webhook["credentials"]) == {"httpHeaderAuth"}
    assert parameters["options"]["rawBody"] is True
    assert parameters["responseMode"] == "responseNode"
    assert Settings.model_fields["n8n_auth_header"].default in webhook["notes"]


def test_outbound_code_verifies_the_standard_webhooks_signature() -> None:
    code = code_of(load(OUTBOUND), "Verify signature")
    for header in (
        webhook_signature.ID_HEADER,
        webhook_signature.TIMESTAMP_HEADER,
        webhook_signature.SIGNATURE_HEADER,
        "idempotency-key",
    ):
        assert f"headers['{header}']" in code
    assert f"const MAX_AGE_S = {webhook_signature.MAX_AGE_S};" in code
    assert f"$env.{SECRET_ENV}" in code
    assert (
        "crypto.createHmac('sha256',secret).update(`${id}.${timestamp}.`).update(rawBody).digest()"
        in compact(code)
    )
    assert "Buffer.from(encoded, 'base64')" in code
    assert f"version !== '{webhook_signature.VERSION}'" in code
    assert "crypto.timingSafeEqual" in code
    assert "this.helpers.getBinaryDataBuffer(0, 'data')" in code


def test_outbound_code_reads_only_fields_of_the_payload_we_send() -> None:
    read = set(re.findall(r"payload\.(\w+)", code_of(load(OUTBOUND), "Verify signature")))
    assert read <= set(WhatsAppPayload.model_fields)
    assert {"message_id", "tenant_id", "whatsapp_id", "phone", "text"} <= read


def test_outbound_answers_as_our_sender_classifies() -> None:
    workflow = load(OUTBOUND)

    def answer(names: list[str]) -> SendResult:
        (name,) = names
        node = named(workflow, name)
        assert node["type"] == "n8n-nodes-base.respondToWebhook"
        return classify_status(int(node["parameters"]["options"].get("responseCode", 200)))

    whatsapp = the(workflow, "n8n-nodes-base.whatsApp")
    assert whatsapp["onError"] == "continueErrorOutput"
    assert answer(targets(workflow, "Signature valid?", 1)) == SendResult.PERMANENT
    assert answer(targets(workflow, "Already sent?", 0)) == SendResult.DELIVERED
    assert targets(workflow, "Already sent?", 1) == [whatsapp["name"]]
    assert answer(targets(workflow, whatsapp["name"], 1)) == SendResult.RETRYABLE
    (remember,) = targets(workflow, whatsapp["name"], 0)
    assert answer(targets(workflow, remember)) == SendResult.DELIVERED


def test_outbound_every_path_ends_in_an_answer() -> None:
    workflow = load(OUTBOUND)
    for node in workflow["nodes"]:
        if not any(workflow["connections"].get(node["name"], {}).get("main", [])):
            assert node["type"] == "n8n-nodes-base.respondToWebhook", node["name"]


def test_outbound_sends_the_verified_text_to_the_whatsapp_id() -> None:
    workflow = load(OUTBOUND)
    send = the(workflow, "n8n-nodes-base.whatsApp")
    assert set(send["credentials"]) == {"whatsAppApi"}
    parameters = send["parameters"]
    assert (parameters["resource"], parameters["operation"]) == ("message", "send")
    assert parameters["recipientPhoneNumber"] == "={{ $json.to }}"
    assert parameters["textBody"] == "={{ $json.text }}"
    assert parameters["phoneNumberId"] == "={{ $json.phone_number_id }}"
    verify_code = code_of(workflow, "Verify signature")
    for field in ("to", "text", "phone_number_id", "idempotency_key"):
        assert f"{field}:" in verify_code


# --- the JavaScript itself, run by node -------------------------------------------------------

HARNESS = r"""
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const items = input.items;
const staticData = input.staticData;
const helpers = {
  getBinaryDataBuffer: async (i, name) => Buffer.from(items[i].binary[name].data, 'base64'),
};
const $input = { all: () => items, first: () => items[0] };
const $ = (name) => ({ first: () => input.nodes[name][0] });
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const names = ['$input', '$env', '$getWorkflowStaticData', '$', 'require'];
const run = new AsyncFunction(...names, input.code);
run.call({ helpers }, $input, input.env, () => staticData, $, require).then(
  (output) => process.stdout.write(JSON.stringify({ output, staticData })),
  (error) => { process.stderr.write(String(error.stack)); process.exit(1); },
);
"""
TENANT_ID = UUID("7b0e6c1e-2d7a-4a51-9a3e-5a1c0de0c001")
PHONE_NUMBER_ID = "109876543210"
WAMID = "wamid.HBgMNTUxMTg3NjU0MzIxFQIAEhgUM0VCMDdBQjlFRjA5QzE0NjdFNDAA"
N8N_ENV = {SECRET_ENV: SECRET, "AGENDA_TENANT_MAP": json.dumps({PHONE_NUMBER_ID: str(TENANT_ID)})}


def run_code(
    code: str,
    items: list[dict[str, Any]],
    *,
    env: dict[str, str] = N8N_ENV,
    static_data: dict[str, Any] | None = None,
    nodes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    assert NODE is not None
    stdin = {"code": code, "items": items, "env": env, "staticData": static_data or {}}
    stdin["nodes"] = nodes or {}
    done = subprocess.run(
        [NODE, "-e", HARNESS], input=json.dumps(stdin), capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def make_whatsapp_change(**message: Any) -> dict[str, Any]:
    """One `messages` change as the WhatsApp Trigger node outputs it."""
    text_message = {
        "from": "551187654321",  # an older id, without the ninth digit
        "id": WAMID,
        "timestamp": "1773151200",
        "type": "text",
        "text": {"body": "Oi, quero agendar um corte amanhã às 15h"},
    } | message
    return {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "551130000000", "phone_number_id": PHONE_NUMBER_ID},
        "contacts": [{"profile": {"name": "Ana Souza"}, "wa_id": "551187654321"}],
        "messages": [text_message],
        "field": "messages",
    }


@needs_node
def test_inbound_request_verifies_and_parses_in_the_back_end() -> None:
    code = code_of(load(INBOUND), "Build signed request")
    (item,) = run_code(code, [{"json": make_whatsapp_change()}])["output"]
    sent = item["json"]
    headers = {
        webhook_signature.ID_HEADER: sent["webhook_id"],
        webhook_signature.TIMESTAMP_HEADER: sent["webhook_timestamp"],
        webhook_signature.SIGNATURE_HEADER: sent["webhook_signature"],
    }
    raw = sent["raw"].encode()
    assert verify(SECRET, headers=headers, body=raw, now_s=int(time.time())) == WAMID
    body = MessageReceivedBody.model_validate_json(raw)
    assert body.tenant_id == TENANT_ID
    assert (body.phone, body.client_name, body.message_id) == ("551187654321", "Ana Souza", WAMID)
    assert body.message == "Oi, quero agendar um corte amanhã às 15h"
    assert body.timestamp == datetime.fromtimestamp(1773151200, UTC)


@needs_node
def test_inbound_skips_messages_without_text() -> None:
    code = code_of(load(INBOUND), "Build signed request")
    image = make_whatsapp_change(type="image", image={"id": "1", "mime_type": "image/jpeg"})
    assert run_code(code, [{"json": image}])["output"] == []


def make_settings() -> Settings:
    return Settings(
        environment=Environment.TEST,
        jwt_secret=SecretStr("unit-test-jwt-secret-long-enough-0123456789"),
        n8n_webhook_secret=SecretStr(SECRET),
        n8n_auth_token=SecretStr("n8n-token"),
    )


def make_payload(whatsapp_id: str | None = "551187654321") -> WhatsAppPayload:
    return WhatsAppPayload(
        message_id=uuid4(),
        tenant_id=TENANT_ID,
        client_id=uuid4(),
        client_name="Ana Souza",
        phone="+5511987654321",
        whatsapp_id=whatsapp_id,
        text="Seu horário está confirmado: amanhã, 15:00. Até lá! ✂️",
        kind="transactional",
        created_at=datetime(2026, 3, 10, 17, 0, tzinfo=UTC),
    )


async def webhook_item(payload: WhatsAppPayload, *, age_s: float = 0.0) -> dict[str, Any]:
    """What n8n's Webhook node (raw body on) outputs for one request of our sender."""
    client = N8nClient(
        make_settings(),
        clock_s=lambda: time.time() - age_s,
        transport=httpx.MockTransport(lambda request: httpx.Response(200)),
    )
    body = payload.model_dump_json().encode()
    headers = client.headers_for(str(payload.message_id), body)
    await client.close()
    return {
        "json": {"headers": {name.lower(): value for name, value in headers.items()}, "body": {}},
        "binary": {
            "data": {"data": base64.b64encode(body).decode(), "mimeType": "application/json"}
        },
    }


def verify_in_n8n(item: dict[str, Any], env: dict[str, str] = N8N_ENV) -> dict[str, Any]:
    (result,) = run_code(code_of(load(OUTBOUND), "Verify signature"), [item], env=env)["output"]
    verdict: dict[str, Any] = result["json"]
    return verdict


@needs_node
async def test_outbound_accepts_what_our_sender_signs() -> None:
    payload = make_payload()
    verdict = verify_in_n8n(await webhook_item(payload))
    assert verdict["valid"] is True
    assert verdict["idempotency_key"] == str(payload.message_id)
    assert (verdict["to"], verdict["text"]) == ("551187654321", payload.text)
    assert verdict["phone_number_id"] == PHONE_NUMBER_ID


@needs_node
async def test_outbound_sends_to_the_phone_without_plus_when_no_whatsapp_id() -> None:
    verdict = verify_in_n8n(await webhook_item(make_payload(whatsapp_id=None)))
    assert verdict["to"] == "5511987654321"


@needs_node
async def test_outbound_refuses_a_tampered_body() -> None:
    item = await webhook_item(make_payload())
    body = base64.b64decode(item["binary"]["data"]["data"]).replace(b"15:00", b"16:00")
    item["binary"]["data"]["data"] = base64.b64encode(body).decode()
    assert verify_in_n8n(item) == {"valid": False, "reason": "no matching signature"}


@needs_node
async def test_outbound_refuses_another_secret() -> None:
    item = await webhook_item(make_payload())
    verdict = verify_in_n8n(item, env=N8N_ENV | {SECRET_ENV: SECRET + "-other"})
    assert verdict == {"valid": False, "reason": "no matching signature"}


@needs_node
async def test_outbound_refuses_a_stale_timestamp() -> None:
    item = await webhook_item(make_payload(), age_s=webhook_signature.MAX_AGE_S + 30)
    verdict = verify_in_n8n(item)
    assert verdict == {"valid": False, "reason": "timestamp outside the tolerated age"}
    headers = item["json"]["headers"]
    body = base64.b64decode(item["binary"]["data"]["data"])
    with pytest.raises(InvalidSignatureError):  # the back end would refuse it too
        verify(SECRET, headers=headers, body=body, now_s=int(time.time()))


@needs_node
async def test_outbound_refuses_missing_signature_headers() -> None:
    item = await webhook_item(make_payload())
    del item["json"]["headers"][webhook_signature.SIGNATURE_HEADER]
    assert verify_in_n8n(item) == {"valid": False, "reason": "missing signature headers"}


@needs_node
def test_outbound_drops_a_key_already_sent_and_remembers_new_ones() -> None:
    workflow = load(OUTBOUND)
    message = {"valid": True, "idempotency_key": "k-1", "message_id": "k-1"}
    first = run_code(code_of(workflow, "Drop repeats"), [{"json": message}])
    assert first["output"][0]["json"]["duplicate"] is False
    remembered = run_code(
        code_of(workflow, "Remember delivery"),
        [{"json": {"messages": [{"id": "wamid.sent"}]}}],
        static_data=first["staticData"],
        nodes={"Drop repeats": first["output"]},
    )
    assert remembered["output"][0]["json"]["whatsapp_message_id"] == "wamid.sent"
    again = run_code(
        code_of(workflow, "Drop repeats"), [{"json": message}], static_data=remembered["staticData"]
    )
    assert again["output"][0]["json"]["duplicate"] is True
