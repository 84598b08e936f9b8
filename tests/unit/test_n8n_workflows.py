"""The n8n workflow exports in integrations/n8n/, read statically: shape, wiring, routing, URLs,
headers, signing, no secrets. (The Code nodes' JavaScript is run in test_n8n_code_inbound.py and
test_n8n_code_outbound.py.)
"""

from __future__ import annotations

import math
import re
from uuid import UUID

import pytest

from config.settings import Settings
from deployments.inbound import MAX_AUDIO_BASE64, MessageReceivedBody
from deployments.routes_statuses import MessageStatusBody
from domain.delivery import SendResult
from domain.whatsapp_templates import PARAMETERS
from integrations import webhook_signature
from integrations.n8n import WhatsAppPayload, classify_status
from tests.unit.n8n_exports import (
    ALREADY_SENT,
    ATTACH,
    DOWNLOAD,
    INBOUND,
    MEDIA_URL,
    NODE_TYPE_VERSIONS,
    OPAQUE_RUN,
    OUTBOUND,
    POST,
    READ,
    READ_ERROR,
    REMEMBER,
    SECRET_ENV,
    SECRET_KEY,
    SEND_MARKETING,
    SEND_TEXT,
    SIGN,
    TEMPLATE,
    TEMPLATE_VALUES,
    TRIGGER_TYPES,
    UUID_TEXT,
    VERIFY,
    VOICE_NOTE,
    Node,
    Workflow,
    code_of,
    header_parameters,
    load,
    named,
    reachable,
    route,
    route_path,
    sources,
    strings_in,
    targets,
    the,
)

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
    assert reachable(workflow, [trigger["name"]]) == {node["name"] for node in workflow["nodes"]}


def test_node_type_table_lists_the_types_the_exports_use() -> None:
    used = {node["type"] for path in (INBOUND, OUTBOUND) for node in load(path)["nodes"]}
    assert used == set(NODE_TYPE_VERSIONS)


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


# --- inbound: WhatsApp → typed messages → (voice notes: download) → signed POST to our webhook ---


def test_inbound_starts_on_client_messages_and_failed_statuses_only() -> None:
    trigger = the(load(INBOUND), "n8n-nodes-base.whatsAppTrigger")
    assert trigger["parameters"]["updates"] == ["messages"]
    assert trigger["parameters"]["options"]["messageStatusUpdates"] == ["failed"]
    assert set(trigger["credentials"]) == {"whatsAppTriggerApi"}
    assert targets(load(INBOUND), trigger["name"]) == [READ]


def test_inbound_posts_to_the_webhook_route_of_the_api() -> None:
    workflow = load(INBOUND)
    post = named(workflow, POST)["parameters"]
    assert post["method"] == "POST"
    prefix, _, last = route_path("message_received").rpartition("/")
    assert post["url"] == "={{ $env.AGENDA_API_URL }}" + prefix + "/{{ $json.path }}"
    status_prefix, _, status_last = route_path("message_status").rpartition("/")
    assert status_prefix == prefix
    sign = code_of(workflow, SIGN)
    assert f"path: status ? '{status_last}' : '{last}'," in sign
    api = [n for n in workflow["nodes"] if "AGENDA_API_URL" in n["parameters"].get("url", "")]
    assert [node["name"] for node in api] == [POST]


def test_inbound_every_path_ends_in_the_post() -> None:
    workflow = load(INBOUND)
    ends = [n["name"] for n in workflow["nodes"] if not workflow["connections"].get(n["name"])]
    assert ends == [POST]


def test_inbound_only_the_signing_node_feeds_the_post() -> None:
    workflow = load(INBOUND)
    assert sources(workflow, POST) == {SIGN}
    assert targets(workflow, SIGN) == [POST]
    assert sources(workflow, SIGN) == {VOICE_NOTE, ATTACH}


def test_inbound_sends_the_three_signature_headers_from_the_signing_node() -> None:
    workflow = load(INBOUND)
    headers = header_parameters(named(workflow, POST))
    assert set(headers) == {
        webhook_signature.ID_HEADER,
        webhook_signature.TIMESTAMP_HEADER,
        webhook_signature.SIGNATURE_HEADER,
    }
    for value in headers.values():
        field = re.fullmatch(r"=\{\{ \$json\.(\w+) \}\}", value)
        assert field is not None, value
        assert f"{field.group(1)}:" in code_of(workflow, SIGN)


def test_inbound_sends_the_signed_string_as_a_raw_body() -> None:
    post = named(load(INBOUND), POST)["parameters"]
    assert post["sendBody"] is True
    assert post["contentType"] == "raw"
    assert post["rawContentType"] == "application/json"
    assert post["body"] == "={{ $json.raw }}"
    assert "const raw = JSON.stringify(body);" in code_of(load(INBOUND), SIGN)


def compact(code: str) -> str:
    return re.sub(r"\s+", "", code)


def test_inbound_code_signs_id_timestamp_and_body_with_hmac_sha256() -> None:
    code = code_of(load(INBOUND), SIGN)
    assert f"$env.{SECRET_ENV}" in code
    assert "functionsign(id,timestamp,body){" in compact(code)
    assert "crypto.createHmac('sha256',secret).update(`${id}.${timestamp}.${body}`)" in compact(
        code
    )
    assert f"`{webhook_signature.VERSION},${{mac.digest('base64')}}`" in code
    assert "webhook_signature: sign(webhookId, webhookTimestamp, raw)" in code
    assert "webhook_id: webhookId," in code
    # Serialised once: the string that is signed is the string that is sent.
    assert code.count("JSON.stringify(") == 1


def test_inbound_bodies_have_exactly_the_fields_of_the_webhook_bodies() -> None:
    code = code_of(load(INBOUND), READ)
    builders = re.findall(r"const body = \{\n(.*?)\n\s*\};", code, re.DOTALL)
    fields = [sorted(re.findall(r"^\s*(\w+):", b, re.MULTILINE)) for b in builders]
    assert fields == [
        sorted(MessageStatusBody.model_fields),
        sorted(MessageReceivedBody.model_fields),
    ]


def voice_note_condition() -> tuple[str, str]:
    """("<field>", "<value>") of the "Voice note?" node: `$json.<field>` equals "<value>"."""
    node = named(load(INBOUND), VOICE_NOTE)
    assert node["type"] == "n8n-nodes-base.if"
    conditions = node["parameters"]["conditions"]
    (condition,) = conditions["conditions"]
    assert condition["operator"] == {"type": "string", "operation": "equals"}
    field = re.fullmatch(r"=\{\{ \$json\.(\w+) \}\}", condition["leftValue"])
    assert field is not None
    return field.group(1), condition["rightValue"]


def test_inbound_voice_notes_are_audio_messages() -> None:
    assert voice_note_condition() == ("kind", "audio")
    assert targets(load(INBOUND), READ) == [VOICE_NOTE]


def test_inbound_audio_branch_downloads_then_reaches_the_post() -> None:
    workflow = load(INBOUND)
    assert targets(workflow, VOICE_NOTE, 0) == [MEDIA_URL]
    assert targets(workflow, MEDIA_URL) == [DOWNLOAD]
    assert targets(workflow, DOWNLOAD) == [ATTACH]
    assert targets(workflow, ATTACH) == [SIGN]
    assert POST in reachable(workflow, [MEDIA_URL])


def test_inbound_text_does_not_pass_through_the_download() -> None:
    workflow = load(INBOUND)
    assert targets(workflow, VOICE_NOTE, 1) == [SIGN]
    assert reachable(workflow, [SIGN]) == {SIGN, POST}
    assert not reachable(workflow, [SIGN]) & {MEDIA_URL, DOWNLOAD, ATTACH}


def test_inbound_text_branch_runs_before_the_download_branch() -> None:
    # n8n's v1 order runs an IF's branches one after the other, the topmost first.
    workflow = load(INBOUND)
    assert workflow["settings"]["executionOrder"] == "v1"
    assert named(workflow, SIGN)["position"][1] < named(workflow, MEDIA_URL)["position"][1]


def test_inbound_gets_the_voice_note_url_from_whatsapp() -> None:
    node = named(load(INBOUND), MEDIA_URL)
    assert node["type"] == "n8n-nodes-base.whatsApp"
    assert set(node["credentials"]) == {"whatsAppApi"}
    parameters = node["parameters"]
    assert (parameters["resource"], parameters["operation"]) == ("media", "mediaUrlGet")
    assert parameters["mediaGetId"] == "={{ $json.media_id }}"
    assert "media_id" in MessageReceivedBody.model_fields


def test_inbound_downloads_the_voice_note_with_the_whatsapp_credential() -> None:
    workflow = load(INBOUND)
    node = named(workflow, DOWNLOAD)
    assert node["type"] == "n8n-nodes-base.httpRequest"
    assert set(node["credentials"]) == {"whatsAppApi"}
    parameters = node["parameters"]
    assert (parameters["method"], parameters["url"]) == ("GET", "={{ $json.url }}")
    assert parameters["authentication"] == "predefinedCredentialType"
    assert parameters["nodeCredentialType"] == "whatsAppApi"
    response = parameters["options"]["response"]["response"]
    assert response["responseFormat"] == "file"
    binary = response["outputPropertyName"]
    assert f"getBinaryDataBuffer(index, '{binary}')" in code_of(workflow, ATTACH)
    assert f"download.binary.{binary}" in code_of(workflow, ATTACH)


@pytest.mark.parametrize("name", [MEDIA_URL, DOWNLOAD])
def test_inbound_a_failed_download_does_not_stop_the_voice_note(name: str) -> None:
    node = named(load(INBOUND), name)
    assert node["onError"] == "continueRegularOutput"
    assert node["alwaysOutputData"] is True
    assert not node.get("retryOnFail")


def test_inbound_attaches_audio_to_the_voice_notes_of_the_audio_branch() -> None:
    code = code_of(load(INBOUND), ATTACH)
    # Output 0 of "Voice note?" is the audio branch: every voice note comes out once, from there.
    assert f"for (const voiceNote of $('{VOICE_NOTE}').all(0))" in code
    assert "media_base64" in MessageReceivedBody.model_fields


def test_inbound_audio_limit_is_the_back_ends() -> None:
    limit = re.search(
        r"const MAX_AUDIO_BYTES = (\d+) \* (\d+) \* (\d+);", code_of(load(INBOUND), ATTACH)
    )
    assert limit is not None
    max_bytes = int(limit[1]) * int(limit[2]) * int(limit[3])
    assert max_bytes == 2 * 1024 * 1024
    assert 4 * math.ceil(max_bytes / 3) == MAX_AUDIO_BASE64


# --- outbound: our sender → n8n webhook → WhatsApp --------------------------------------------

# What "Verify signature" outputs for each form of message (as test_n8n_code_outbound.py runs it).
VERIFIED = {"valid": True, "idempotency_key": "k-1", "message_id": "k-1", "duplicate": False}
TEXT = VERIFIED | {"send_as": "text", "marketing": False, "template_values": None}
UTILITY = VERIFIED | {
    "send_as": "template",
    "marketing": False,
    "template_values": ["Ana", "15:00"],
}
MARKETING_TEMPLATE = VERIFIED | {"send_as": "template", "marketing": True, "template_values": None}
GRAPH_URL = re.compile(r"=https://graph\.facebook\.com/v\d+\.0/\{\{ \$json\.phone_number_id \}\}/")


def template_senders(workflow: Workflow) -> list[Node]:
    """The WhatsApp nodes that send templates: output n of "Template values?" takes n values."""
    outputs = workflow["connections"][TEMPLATE_VALUES]["main"]
    return [named(workflow, link["node"]) for output in outputs for link in output]


def senders(workflow: Workflow) -> list[Node]:
    return [
        named(workflow, SEND_TEXT),
        named(workflow, SEND_MARKETING),
        *template_senders(workflow),
    ]


def body_values(node: Node) -> list[dict[str, str]]:
    """The body parameters of a WhatsApp node's Send Template (none when it has no components)."""
    components = node["parameters"].get("components", {}).get("component", [])
    if not components:
        return []
    (body,) = components
    assert body["type"] == "body"
    values: list[dict[str, str]] = body["bodyParameters"]["parameter"]
    return values


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
    code = code_of(load(OUTBOUND), VERIFY)
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
    read = set(re.findall(r"payload\.(\w+)", code_of(load(OUTBOUND), VERIFY)))
    assert read <= set(WhatsAppPayload.model_fields)
    assert {"message_id", "tenant_id", "whatsapp_id", "phone", "text"} <= read
    assert {"send_as", "template", "marketing"} <= read


def test_outbound_answers_as_our_sender_classifies() -> None:
    workflow = load(OUTBOUND)

    def answer(names: list[str]) -> SendResult:
        (name,) = names
        node = named(workflow, name)
        assert node["type"] == "n8n-nodes-base.respondToWebhook"
        return classify_status(int(node["parameters"]["options"].get("responseCode", 200)))

    assert answer(targets(workflow, "Signature valid?", 1)) == SendResult.PERMANENT
    assert answer(targets(workflow, ALREADY_SENT, 0)) == SendResult.DELIVERED
    assert targets(workflow, ALREADY_SENT, 1) == [TEMPLATE]
    assert answer(targets(workflow, REMEMBER)) == SendResult.DELIVERED
    assert answer(targets(workflow, READ_ERROR)) == SendResult.RETRYABLE
    for sender in senders(workflow):
        assert sender["onError"] == "continueErrorOutput", sender["name"]
        assert targets(workflow, sender["name"], 0) == [REMEMBER]
        assert targets(workflow, sender["name"], 1) == [READ_ERROR]


def test_outbound_every_path_ends_in_an_answer() -> None:
    workflow = load(OUTBOUND)
    for node in workflow["nodes"]:
        if not any(workflow["connections"].get(node["name"], {}).get("main", [])):
            assert node["type"] == "n8n-nodes-base.respondToWebhook", node["name"]


def test_outbound_only_the_senders_reach_whatsapp() -> None:
    workflow = load(OUTBOUND)
    to_whatsapp = [
        node["name"]
        for node in workflow["nodes"]
        if node["type"] in {"n8n-nodes-base.whatsApp", "n8n-nodes-base.httpRequest"}
    ]
    assert sorted(to_whatsapp) == sorted(node["name"] for node in senders(workflow))
    assert sources(workflow, REMEMBER) == sources(workflow, READ_ERROR) == set(to_whatsapp)


def test_outbound_text_goes_to_the_whatsapp_text_sender() -> None:
    assert route(load(OUTBOUND), ALREADY_SENT, TEXT) == SEND_TEXT


def test_outbound_marketing_template_goes_to_the_marketing_messages_api() -> None:
    assert route(load(OUTBOUND), ALREADY_SENT, MARKETING_TEMPLATE) == SEND_MARKETING


def test_outbound_utility_template_goes_to_the_whatsapp_node_with_its_number_of_values() -> None:
    workflow = load(OUTBOUND)
    sender = named(workflow, route(workflow, ALREADY_SENT, UTILITY))
    assert sender["type"] == "n8n-nodes-base.whatsApp"
    assert sender["parameters"]["operation"] == "sendTemplate"
    assert len(body_values(sender)) == len(UTILITY["template_values"])


def test_outbound_route_conditions_read_what_verify_signature_outputs() -> None:
    verify_code = code_of(load(OUTBOUND), VERIFY)
    for field in ("send_as", "marketing", "template_values"):
        assert re.search(rf"^\s*{field}[:,]", verify_code, re.MULTILINE), field


@pytest.mark.parametrize("count", range(9))
def test_outbound_each_count_of_values_has_a_sender_with_as_many_fields(count: int) -> None:
    workflow = load(OUTBOUND)
    values = [f"valor {i}" for i in range(count)]
    sender = named(workflow, route(workflow, ALREADY_SENT, UTILITY | {"template_values": values}))
    assert body_values(sender) == [
        {"type": "text", "text": f"={{{{ $json.template_values[{i}] }}}}"} for i in range(count)
    ]


def test_outbound_template_senders_take_every_template_of_the_back_end() -> None:
    workflow = load(OUTBOUND)
    switch = named(workflow, TEMPLATE_VALUES)["parameters"]
    most = max(len(names) for names in PARAMETERS.values())
    assert switch["numberOutputs"] == len(template_senders(workflow)) == most + 1
    limit = re.search(r"const MAX_TEMPLATE_VALUES = (\d+);", code_of(workflow, VERIFY))
    assert limit is not None and int(limit.group(1)) == most


def test_outbound_sends_utility_templates_by_name_and_language_from_the_verified_message() -> None:
    workflow = load(OUTBOUND)
    text_sender = named(workflow, SEND_TEXT)
    for sender in template_senders(workflow):
        parameters = sender["parameters"]
        assert (parameters["resource"], parameters["operation"]) == ("message", "sendTemplate")
        # WhatsApp/MessageFunctions.ts templateInfo splits `template` into name and language code.
        assert parameters["template"] == "={{ $json.template.name }}|{{ $json.template.language }}"
        for field in ("phoneNumberId", "recipientPhoneNumber"):
            assert parameters[field] == text_sender["parameters"][field]
        assert sender["credentials"] == text_sender["credentials"]


def test_outbound_sends_the_verified_text_to_the_whatsapp_id() -> None:
    workflow = load(OUTBOUND)
    send = named(workflow, SEND_TEXT)
    assert send["type"] == "n8n-nodes-base.whatsApp"
    assert set(send["credentials"]) == {"whatsAppApi"}
    parameters = send["parameters"]
    assert (parameters["resource"], parameters["operation"]) == ("message", "send")
    assert parameters["recipientPhoneNumber"] == "={{ $json.to }}"
    assert parameters["textBody"] == "={{ $json.text }}"
    assert parameters["phoneNumberId"] == "={{ $json.phone_number_id }}"
    verify_code = code_of(workflow, VERIFY)
    for field in ("to", "text", "phone_number_id", "idempotency_key"):
        assert f"{field}:" in verify_code


def test_outbound_marketing_posts_to_the_marketing_messages_api_with_the_whatsapp_credential() -> (
    None
):
    workflow = load(OUTBOUND)
    node = named(workflow, SEND_MARKETING)
    assert node["type"] == "n8n-nodes-base.httpRequest"
    parameters = node["parameters"]
    assert parameters["method"] == "POST"
    assert GRAPH_URL.match(parameters["url"])
    assert parameters["url"].endswith("/marketing_messages")
    assert parameters["authentication"] == "predefinedCredentialType"
    assert parameters["nodeCredentialType"] == "whatsAppApi"
    assert node["credentials"] == named(workflow, SEND_TEXT)["credentials"]
    assert (parameters["sendBody"], parameters["specifyBody"]) == (True, "json")
    # The body itself is evaluated in test_n8n_code_outbound.py.
    assert parameters["jsonBody"].startswith("={{ JSON.stringify(")


def test_outbound_answers_502_with_what_read_whatsapp_error_outputs() -> None:
    workflow = load(OUTBOUND)
    (respond,) = targets(workflow, READ_ERROR)
    parameters = named(workflow, respond)["parameters"]
    assert parameters["options"]["responseCode"] == 502
    assert parameters["responseBody"] == "={{ JSON.stringify($json) }}"
    assert named(workflow, READ_ERROR)["type"] == "n8n-nodes-base.code"
