"""The outbound workflow's Code nodes, run by `node` in a harness that stands in for n8n: our
sender's signed request is checked and routed (text, utility template, marketing template),
repeats dropped, and WhatsApp's refusals read into the 502 the sender understands. Skipped
without `node`."""

from __future__ import annotations

import base64
import json
import re
import time
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import httpx
import pytest
from pydantic import SecretStr

from config.settings import Environment, Settings
from integrations import webhook_signature
from integrations.n8n import N8nClient, TemplatePayload, WhatsAppPayload, meta_error_code
from integrations.webhook_signature import InvalidSignatureError, verify
from tests.unit.n8n_code_support import (
    N8N_ENV,
    PHONE_NUMBER_ID,
    TENANT_ID,
    run_code,
)
from tests.unit.n8n_exports import (
    ALREADY_SENT,
    DROP,
    OUTBOUND,
    READ_ERROR,
    REMEMBER,
    SECRET,
    SECRET_ENV,
    SEND_MARKETING,
    SEND_TEXT,
    VERIFY,
    code_of,
    evaluate,
    load,
    named,
    needs_node,
    route,
    webhook_node_item,
)

pytestmark = needs_node


# --- outbound: our sender's request, checked in n8n --------------------------------------------


def make_settings() -> Settings:
    return Settings(
        environment=Environment.TEST,
        jwt_secret=SecretStr("unit-test-jwt-secret-long-enough-0123456789"),
        n8n_webhook_secret=SecretStr(SECRET),
        n8n_auth_token=SecretStr("n8n-token"),
    )


def make_template(values: tuple[str, ...] = ("Ana", "amanhã às 15:00"), **fields: Any) -> Any:
    """A template as the sender posts it (`components` in the Cloud API's template form)."""
    body = {"type": "body", "parameters": [{"type": "text", "text": value} for value in values]}
    template = {
        "name": "agenda_cheia_booking_confirmed",
        "language": "pt_BR",
        "category": "UTILITY",
        "components": [body],
    }
    return TemplatePayload.model_validate(template | fields)


def make_payload(whatsapp_id: str | None = "551187654321", **fields: Any) -> WhatsAppPayload:
    values: dict[str, Any] = {
        "message_id": uuid4(),
        "tenant_id": TENANT_ID,
        "client_id": uuid4(),
        "client_name": "Ana Souza",
        "phone": "+5511987654321",
        "whatsapp_id": whatsapp_id,
        "send_as": "text",
        "text": "Seu horário está confirmado: amanhã, 15:00. Até lá! ✂️",
        "kind": "transactional",
        "created_at": datetime(2026, 3, 10, 17, 0, tzinfo=UTC),
    }
    return WhatsAppPayload(**(values | fields))


def make_template_payload(template: Any = None, *, marketing: bool = False) -> WhatsAppPayload:
    if template is None:
        category = "MARKETING" if marketing else "UTILITY"
        template = make_template(name="agenda_cheia_encher_agenda_offer", category=category)
    return make_payload(send_as="template", text=None, template=template, marketing=marketing)


async def webhook_item(
    payload: WhatsAppPayload, *, age_s: float = 0.0, body: bytes | None = None
) -> dict[str, Any]:
    """What n8n's Webhook node (raw body on) outputs for one request of our sender (`body`: other
    bytes, signed the same way)."""
    client = N8nClient(
        make_settings(),
        clock_s=lambda: time.time() - age_s,
        transport=httpx.MockTransport(lambda request: httpx.Response(200)),
    )
    raw = payload.model_dump_json().encode() if body is None else body
    headers = client.headers_for(str(payload.message_id), raw)
    await client.close()
    return webhook_node_item(raw, headers)


def verify_in_n8n(item: dict[str, Any], env: dict[str, str] = N8N_ENV) -> dict[str, Any]:
    (result,) = run_code(code_of(load(OUTBOUND), VERIFY), [item], env=env)["output"]
    verdict: dict[str, Any] = result["json"]
    return verdict


async def verified(payload: WhatsAppPayload, body: bytes | None = None) -> dict[str, Any]:
    """What "Verify signature" passes on for a request of our sender, as "Already sent?" gets it."""
    verdict = verify_in_n8n(await webhook_item(payload, body=body))
    assert verdict["valid"] is True, verdict
    return verdict | {"duplicate": False}


async def test_outbound_accepts_what_our_sender_signs() -> None:
    payload = make_payload()
    verdict = verify_in_n8n(await webhook_item(payload))
    assert verdict["valid"] is True
    assert verdict["idempotency_key"] == str(payload.message_id)
    assert (verdict["to"], verdict["text"]) == ("551187654321", payload.text)
    assert verdict["phone_number_id"] == PHONE_NUMBER_ID


async def test_outbound_sends_from_the_salons_own_number_when_the_body_names_it() -> None:
    verdict = verify_in_n8n(await webhook_item(make_payload(phone_number_id="1098765")))
    assert verdict["phone_number_id"] == "1098765"


async def test_outbound_sends_to_the_phone_without_plus_when_no_whatsapp_id() -> None:
    verdict = verify_in_n8n(await webhook_item(make_payload(whatsapp_id=None)))
    assert verdict["to"] == "5511987654321"


async def test_outbound_refuses_a_tampered_body() -> None:
    item = await webhook_item(make_payload())
    body = base64.b64decode(item["binary"]["data"]["data"]).replace(b"15:00", b"16:00")
    item["binary"]["data"]["data"] = base64.b64encode(body).decode()
    assert verify_in_n8n(item) == {"valid": False, "reason": "no matching signature"}


async def test_outbound_refuses_another_secret() -> None:
    item = await webhook_item(make_payload())
    other = "whsec_" + base64.b64encode(b"another-key-of-the-right-size-32").decode()
    verdict = verify_in_n8n(item, env=N8N_ENV | {SECRET_ENV: other})
    assert verdict == {"valid": False, "reason": "no matching signature"}


async def test_outbound_refuses_a_stale_timestamp() -> None:
    item = await webhook_item(make_payload(), age_s=webhook_signature.MAX_AGE_S + 30)
    verdict = verify_in_n8n(item)
    assert verdict == {"valid": False, "reason": "timestamp outside the tolerated age"}
    headers = item["json"]["headers"]
    body = base64.b64decode(item["binary"]["data"]["data"])
    with pytest.raises(InvalidSignatureError):  # the back end would refuse it too
        verify(SECRET, headers=headers, body=body, now_s=int(time.time()))


async def test_outbound_refuses_missing_signature_headers() -> None:
    item = await webhook_item(make_payload())
    del item["json"]["headers"][webhook_signature.SIGNATURE_HEADER]
    assert verify_in_n8n(item) == {"valid": False, "reason": "missing signature headers"}


async def test_outbound_text_goes_to_the_text_sender_with_its_text() -> None:
    payload = make_payload()
    verdict = await verified(payload)
    workflow = load(OUTBOUND)
    assert route(workflow, ALREADY_SENT, verdict) == SEND_TEXT
    text_body = named(workflow, SEND_TEXT)["parameters"]["textBody"]
    assert evaluate(text_body, verdict) == payload.text


async def test_outbound_body_without_send_as_goes_as_text() -> None:
    # A sender that predates templates.
    payload = make_payload()
    old = payload.model_dump(mode="json", exclude={"send_as", "template", "marketing"})
    verdict = await verified(payload, body=json.dumps(old).encode())
    assert (verdict["send_as"], verdict["marketing"]) == ("text", False)
    assert route(load(OUTBOUND), ALREADY_SENT, verdict) == SEND_TEXT


def whatsapp_node_template(node: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """The `template` a WhatsApp node's Send Template posts for `item`, as its MessageFunctions.ts
    builds it: templateInfo splits `template` into name and language code, componentsRequest
    passes a body's text parameters as they are."""
    parameters = node["parameters"]
    name, language = str(evaluate(parameters["template"], item)).split("|")
    template: dict[str, Any] = {"name": name, "language": {"code": language}}
    for component in parameters.get("components", {}).get("component", []):
        values = component["bodyParameters"]["parameter"]
        texts = [{"type": v["type"], "text": evaluate(v["text"], item)} for v in values]
        template.setdefault("components", []).append({"type": "body", "parameters": texts})
    return template


@pytest.mark.parametrize("count", [0, 1, 3, 8])
async def test_outbound_utility_template_reaches_whatsapp_as_the_sender_wrote_it(
    count: int,
) -> None:
    template = make_template(tuple(f"valor {i + 1}, com vírgula" for i in range(count)))
    payload = make_template_payload(template)
    verdict = await verified(payload)
    workflow = load(OUTBOUND)
    sender = named(workflow, route(workflow, ALREADY_SENT, verdict))
    assert (sender["type"], sender["parameters"]["operation"]) == (
        "n8n-nodes-base.whatsApp",
        "sendTemplate",
    )
    expected: dict[str, Any] = {"name": template.name, "language": {"code": "pt_BR"}}
    if count:
        expected["components"] = template.components
    assert whatsapp_node_template(sender, verdict) == expected
    assert evaluate(sender["parameters"]["recipientPhoneNumber"], verdict) == "551187654321"


async def test_outbound_marketing_template_posts_the_marketing_messages_body() -> None:
    payload = make_template_payload(marketing=True)
    assert payload.template is not None
    verdict = await verified(payload)
    workflow = load(OUTBOUND)
    assert route(workflow, ALREADY_SENT, verdict) == SEND_MARKETING
    parameters = named(workflow, SEND_MARKETING)["parameters"]
    url = str(evaluate(parameters["url"], verdict))
    assert re.fullmatch(
        rf"https://graph\.facebook\.com/v\d+\.0/{PHONE_NUMBER_ID}/marketing_messages", url
    )
    assert json.loads(evaluate(parameters["jsonBody"], verdict)) == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "551187654321",
        "type": "template",
        "template": {
            "name": payload.template.name,
            "language": {"code": payload.template.language},
            "components": payload.template.components,
        },
    }


async def test_outbound_marketing_template_passes_any_components_on() -> None:
    header = {
        "type": "header",
        "parameters": [{"type": "image", "image": {"link": "https://x/y.png"}}],
    }
    template = make_template(category="MARKETING", components=[header])
    verdict = await verified(make_template_payload(template, marketing=True))
    assert verdict["template"]["components"] == [header]


@pytest.mark.parametrize(
    "components",
    [
        [{"type": "header", "parameters": [{"type": "text", "text": "Oi"}]}],
        [{"type": "body", "parameters": [{"type": "currency", "currency": {"code": "BRL"}}]}],
        [{"type": "body", "parameters": [{"type": "text", "text": str(i)} for i in range(9)]}],
    ],
    ids=["header", "currency", "nine values"],
)
async def test_outbound_refuses_a_utility_template_the_whatsapp_node_cannot_send(
    components: list[dict[str, Any]],
) -> None:
    payload = make_template_payload(make_template(components=components))
    verdict = verify_in_n8n(await webhook_item(payload))
    assert verdict["valid"] is False
    assert verdict["reason"].startswith("not a template the WhatsApp node can send")


async def test_outbound_refuses_a_template_message_without_its_template() -> None:
    payload = make_payload()
    body = payload.model_dump(mode="json") | {"send_as": "template", "text": None}
    verdict = verify_in_n8n(await webhook_item(payload, body=json.dumps(body).encode()))
    assert verdict == {"valid": False, "reason": "template message without its template"}


def test_outbound_drops_a_key_already_sent_and_remembers_new_ones() -> None:
    workflow = load(OUTBOUND)
    message = {"valid": True, "idempotency_key": "k-1", "message_id": "k-1"}
    first = run_code(code_of(workflow, DROP), [{"json": message}])
    assert first["output"][0]["json"]["duplicate"] is False
    remembered = run_code(
        code_of(workflow, REMEMBER),
        [{"json": {"messages": [{"id": "wamid.sent"}]}}],
        static_data=first["staticData"],
        nodes={DROP: first["output"]},
    )
    assert remembered["output"][0]["json"]["whatsapp_message_id"] == "wamid.sent"
    again = run_code(
        code_of(workflow, DROP), [{"json": message}], static_data=remembered["staticData"]
    )
    assert again["output"][0]["json"]["duplicate"] is True


# --- outbound: what WhatsApp's refusals look like on the senders' error output -----------------
# Shapes from n8n-io/n8n: WhatsApp/MessageFunctions.ts (sendErrorPostReceive), core
# execution-engine/routing-node.ts (the WhatsApp node's error item), workflow-execute.ts
# (handleNodeErrorOutput, normalizeNodeErrors), workflow errors/node-api.error.ts and
# abstract/execution-base.error.ts (toJSON, what a task runner gets), HttpRequest/V3/
# HttpRequestV3.node.ts and core request-helper-functions.ts (requestWithAuthentication,
# proxyRequestToAxios).

N8N_400 = "Bad request - please check your parameters"  # NodeApiError's text for an HTTP 400
DROPPED = {"valid": True, "idempotency_key": "k-9", "message_id": "k-9", "duplicate": False}


def meta_error(code: int, title: str) -> dict[str, Any]:
    """Meta's Graph API error body."""
    error = {
        "message": f"(#{code}) {title}",
        "type": "OAuthException",
        "code": code,
        "error_data": {"messaging_product": "whatsapp", "details": f"{title}."},
        "fbtrace_id": "AbC-dEf_123",
    }
    return {"error": error}


def whatsapp_node_400(code: int, title: str, *, task_runner: bool) -> dict[str, Any]:
    """The WhatsApp node's error item when Meta answered 400: n8n cut "(#<code>) " off the
    message and keeps the body in `errorResponse`, which a task runner never gets (toJSON)."""
    body = meta_error(code, title)
    body["error"]["message"] = title
    error: dict[str, Any] = {"message": N8N_400, "description": title, "context": {}}
    if not task_runner:
        error |= {"httpCode": "400", "errorResponse": {"statusCode": 400, "body": body}}
    return {"json": {"error": N8N_400}, "error": error | {"name": "NodeApiError"}}


def whatsapp_node_other_status(code: int, title: str) -> dict[str, Any]:
    """Through a task runner, when Meta answered another 4xx: the description keeps the code."""
    message = "Forbidden - perhaps check your credentials?"
    error = {"message": message, "description": f"(#{code}) {title}", "context": {}}
    return {"json": {"error": message}, "error": error | {"name": "NodeApiError"}}


def http_node_error(code: int, title: str, *, description: bool = True) -> dict[str, Any]:
    """The HTTP Request node's (v4) error item: `json.error` the NodeApiError of the request, whose
    description is Meta's body as JSON and whose cause says `400 - "<that JSON, as a string>"`."""
    text = json.dumps(meta_error(code, title))
    cause = {"name": "AxiosError", "code": "ERR_BAD_REQUEST", "status": 400}
    error = {"message": N8N_400, "name": "NodeApiError", "context": {"itemIndex": 0}}
    error["cause"] = cause | {"message": f"400 - {json.dumps(text)}"}
    if description:
        error["description"] = text
    return {"json": DROPPED | {"error": error}}


def http_node_error_of_older_n8n(code: int, title: str, *, buffer: bool) -> dict[str, Any]:
    """Older n8n handed the request error itself on, the body parsed or as a Buffer's JSON."""
    body: Any = meta_error(code, title)
    if buffer:
        body = {"type": "Buffer", "data": list(json.dumps(body).encode())}
    error = {"message": f"400 - {json.dumps(body)}", "statusCode": 400, "error": body}
    return {"json": DROPPED | {"error": error}}


def read_error(item: dict[str, Any]) -> dict[str, Any]:
    (answer,) = run_code(
        code_of(load(OUTBOUND), READ_ERROR), [item], nodes={DROP: [{"json": DROPPED}]}
    )["output"]
    body: dict[str, Any] = answer["json"]
    assert meta_error_code(httpx.Response(502, json=body)) == body["error"]["code"]  # the sender
    return body


@pytest.mark.parametrize(
    ("item", "code", "message"),
    [
        (
            whatsapp_node_400(131047, "Re-engagement message", task_runner=False),
            131047,
            "Re-engagement message",
        ),
        (whatsapp_node_other_status(130429, "Rate limit hit"), 130429, "(#130429) Rate limit hit"),
        (
            http_node_error(131049, "This message was not delivered"),
            131049,
            "(#131049) This message was not delivered",
        ),
        (
            http_node_error(131050, "Unable to deliver the message", description=False),
            131050,
            "(#131050) Unable to deliver the message",
        ),
        (
            http_node_error_of_older_n8n(131026, "Message undeliverable", buffer=False),
            131026,
            "(#131026) Message undeliverable",
        ),
        (
            http_node_error_of_older_n8n(131026, "Message undeliverable", buffer=True),
            131026,
            "(#131026) Message undeliverable",
        ),
    ],
    ids=["whatsapp 400", "whatsapp other", "http", "http cause", "http older", "http buffer"],
)
def test_outbound_502_carries_meta_s_error_code(
    item: dict[str, Any], code: int, message: str
) -> None:
    assert read_error(item) == {
        "status": "whatsapp_failed",
        "message_id": "k-9",
        "error": {"code": code, "message": message},
    }


def test_outbound_502_of_a_whatsapp_node_400_through_a_task_runner_has_no_code() -> None:
    # n8n cut the code off Meta's message before handing the error over.
    item = whatsapp_node_400(131047, "Re-engagement message", task_runner=True)
    assert read_error(item)["error"] == {"code": None, "message": "Re-engagement message"}


@pytest.mark.parametrize(
    "item",
    [
        {
            "json": {"error": "The connection timed out"},
            "error": {"message": "The connection timed out"},
        },
        {
            "json": DROPPED
            | {
                "error": {
                    "message": "connect ECONNREFUSED 157.240.22.19:443",
                    "code": "ECONNREFUSED",
                }
            }
        },
    ],
    ids=["whatsapp node", "http node"],
)
def test_outbound_502_without_a_code_from_meta_says_null(item: dict[str, Any]) -> None:
    assert read_error(item)["error"] == {"code": None, "message": None}
