"""The n8n Code nodes' JavaScript, run by `node` in a small harness that stands in for n8n
(`$input`, `$env`, `this.helpers`, static data); signatures are checked with our own `verify`, on
bodies our own sender makes. Skipped when `node` is not installed.
"""

from __future__ import annotations

import base64
import json
import subprocess
import time
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from pydantic import SecretStr

from config.settings import Environment, Settings
from deployments.routes_webhooks import MessageReceivedBody
from integrations import webhook_signature
from integrations.n8n import N8nClient, WhatsAppPayload
from integrations.webhook_signature import InvalidSignatureError, verify
from tests.unit.n8n_exports import (
    INBOUND,
    NODE,
    OUTBOUND,
    SECRET,
    SECRET_ENV,
    code_of,
    load,
    needs_node,
)

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
