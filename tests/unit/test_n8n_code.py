"""The n8n Code nodes' JavaScript, run by `node` in a small harness that stands in for n8n
(`$input`, `$env`, `$('<node>')`, `this.helpers`, static data); signatures are checked with our own
`verify` and the `standardwebhooks` package, bodies with the back end's own models, the senders'
expressions evaluated on what the Code nodes output. Skipped when `node` is not installed. The
signing itself, against the package: test_n8n_signatures.py.
"""

from __future__ import annotations

import base64
import json
import re
import time
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from pydantic import SecretStr
from standardwebhooks import Webhook

from config.settings import Environment, Settings
from deployments.routes_webhooks import MAX_AUDIO_BASE64, MessageReceivedBody
from integrations import webhook_signature
from integrations.n8n import N8nClient, TemplatePayload, WhatsAppPayload, meta_error_code
from integrations.webhook_signature import InvalidSignatureError, verify
from tests.unit.n8n_exports import (
    ALREADY_SENT,
    ATTACH,
    DROP,
    INBOUND,
    OUTBOUND,
    READ,
    READ_ERROR,
    REMEMBER,
    SECRET,
    SECRET_ENV,
    SEND_MARKETING,
    SEND_TEXT,
    SIGN,
    VERIFY,
    VOICE_NOTE,
    code_of,
    evaluate,
    load,
    named,
    needs_node,
    route,
    webhook_node_item,
)
from tests.unit.n8n_exports import run_code as run_js

pytestmark = needs_node

TENANT_ID = UUID("7b0e6c1e-2d7a-4a51-9a3e-5a1c0de0c001")
PHONE_NUMBER_ID = "109876543210"
PHONE = "551187654321"  # an older WhatsApp id, without the ninth digit
WAMID = "wamid.HBgMNTUxMTg3NjU0MzIxFQIAEhgUM0VCMDdBQjlFRjA5QzE0NjdFNDAA"
TEXT = "Oi, quero agendar um corte amanhã às 15h"
AUDIO_ID = "1384953712409876"
MAX_AUDIO_BYTES = 2 * 1024 * 1024
N8N_ENV = {SECRET_ENV: SECRET, "AGENDA_TENANT_MAP": json.dumps({PHONE_NUMBER_ID: str(TENANT_ID)})}


def run_code(
    code: str,
    items: list[dict[str, Any]],
    *,
    env: dict[str, str] = N8N_ENV,
    static_data: dict[str, Any] | None = None,
    nodes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return run_js(code, items, env=env, static_data=static_data, nodes=nodes)


# --- inbound: what the WhatsApp Trigger outputs, through the Code nodes, to the back end ------


def make_message(kind: str = "text", content: Any = None, **fields: Any) -> dict[str, Any]:
    """One client message as WhatsApp sends it: `{"type": kind, kind: content, …}`."""
    message: dict[str, Any] = {"from": PHONE, "id": WAMID, "timestamp": "1773151200", "type": kind}
    message[kind] = {"body": TEXT} if content is None else content
    return message | fields


def make_voice_note(media_id: str = AUDIO_ID, message_id: str = WAMID) -> dict[str, Any]:
    audio = {"id": media_id, "mime_type": "audio/ogg; codecs=opus", "sha256": "c2hh", "voice": True}
    return make_message("audio", audio, id=message_id)


def make_whatsapp_change(*messages: dict[str, Any]) -> dict[str, Any]:
    """One `messages` change as the WhatsApp Trigger node outputs it."""
    return {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "551130000000", "phone_number_id": PHONE_NUMBER_ID},
        "contacts": [{"profile": {"name": "Ana Souza"}, "wa_id": PHONE}],
        "messages": list(messages) or [make_message()],
        "field": "messages",
    }


def downloaded(audio: bytes, media_id: str = AUDIO_ID, **answer: Any) -> dict[str, Any]:
    """What "Download voice note" outputs for a voice note it fetched: its input (WhatsApp's media
    URL answer) as json, and the file as the binary property `audio`."""
    media_url = {
        "messaging_product": "whatsapp",
        "url": f"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid={media_id}",
        "mime_type": "audio/ogg",
        "sha256": "c2hh",
        "file_size": len(audio),
        "id": media_id,
    }
    file = {"data": base64.b64encode(audio).decode(), "mimeType": "audio/ogg", "fileName": "a.ogg"}
    return {"json": media_url | answer, "binary": {"audio": file}}


def failed_download() -> dict[str, Any]:
    """What the download nodes output (on error they continue) when WhatsApp refused."""
    return {"json": {"error": {"message": "Request failed with status code 404"}}}


def takes_the_download_branch(body: dict[str, Any]) -> bool:
    """The export's "Voice note?" condition, applied to one body."""
    (condition,) = named(load(INBOUND), VOICE_NOTE)["parameters"]["conditions"]["conditions"]
    field = re.fullmatch(r"=\{\{ \$json\.(\w+) \}\}", condition["leftValue"])
    assert field is not None
    assert condition["operator"] == {"type": "string", "operation": "equals"}
    return bool(body[field.group(1)] == condition["rightValue"])


def accepted(request: dict[str, Any]) -> MessageReceivedBody:
    """One request of "Build signed request", checked as the back end checks it."""
    sent = request["json"]
    headers = {
        webhook_signature.ID_HEADER: sent["webhook_id"],
        webhook_signature.TIMESTAMP_HEADER: sent["webhook_timestamp"],
        webhook_signature.SIGNATURE_HEADER: sent["webhook_signature"],
    }
    raw = sent["raw"].encode()
    assert verify(SECRET, headers=headers, body=raw, now_s=int(time.time())) == sent["webhook_id"]
    Webhook(SECRET).verify(raw, headers, json_parse=False)  # and any Standard Webhooks receiver
    body = MessageReceivedBody.model_validate_json(raw)
    assert body.message_id == sent["webhook_id"]
    return body


def deliver(
    *changes: dict[str, Any], downloads: list[dict[str, Any]] | None = None
) -> list[MessageReceivedBody]:
    """The bodies the back end gets for `changes`, through the inbound Code nodes as n8n runs them:
    text and the like straight to signing, voice notes through `downloads` (what the download
    nodes output; by default, a failure for each) and "Attach voice note"."""
    workflow = load(INBOUND)
    items = run_code(code_of(workflow, READ), [{"json": change} for change in changes])["output"]
    voice_notes = [item for item in items if takes_the_download_branch(item["json"])]
    others = [item for item in items if not takes_the_download_branch(item["json"])]
    requests = run_code(code_of(workflow, SIGN), others)["output"] if others else []
    if voice_notes:
        outputs = [failed_download() for _ in voice_notes] if downloads is None else downloads
        attached = run_code(code_of(workflow, ATTACH), outputs, nodes={VOICE_NOTE: voice_notes})
        requests += run_code(code_of(workflow, SIGN), attached["output"])["output"]
    return [accepted(request) for request in requests]


def deliver_one(message: dict[str, Any], **kwargs: Any) -> MessageReceivedBody:
    (body,) = deliver(make_whatsapp_change(message), **kwargs)
    return body


def test_inbound_text_verifies_and_parses_in_the_back_end() -> None:
    body = deliver_one(make_message())
    assert body.tenant_id == TENANT_ID
    assert (body.phone, body.client_name, body.message_id) == (PHONE, "Ana Souza", WAMID)
    assert (body.kind, body.message) == ("text", TEXT)
    assert body.timestamp == datetime.fromtimestamp(1773151200, UTC)
    assert (body.media_id, body.location, body.media_base64) == (None, None, None)


def test_inbound_text_does_not_take_the_download_branch() -> None:
    (item,) = run_code(code_of(load(INBOUND), READ), [{"json": make_whatsapp_change()}])["output"]
    assert not takes_the_download_branch(item["json"])
    assert takes_the_download_branch(item["json"] | {"kind": "audio"})


def test_inbound_button_reply_is_text_with_its_title() -> None:
    body = deliver_one(make_message("button", {"text": "Confirmar", "payload": "confirm-1"}))
    assert (body.kind, body.message) == ("text", "Confirmar")


@pytest.mark.parametrize("reply", ["button_reply", "list_reply"])
def test_inbound_interactive_reply_is_text_with_its_title(reply: str) -> None:
    content = {"type": reply, reply: {"id": "slot-2", "title": "Quinta 15:00"}}
    body = deliver_one(make_message("interactive", content))
    assert (body.kind, body.message) == ("text", "Quinta 15:00")


def test_inbound_reply_without_text_keeps_its_whatsapp_type() -> None:
    body = deliver_one(make_message("button", {"text": "", "payload": ""}))
    assert (body.kind, body.message) == ("button", "")


def test_inbound_voice_note_carries_its_downloaded_audio() -> None:
    audio = b"OggS\x00\x02" + bytes(range(256)) * 40
    body = deliver_one(make_voice_note(), downloads=[downloaded(audio)])
    assert (body.kind, body.message, body.media_id) == ("audio", "", AUDIO_ID)
    assert body.mime_type == "audio/ogg; codecs=opus"
    assert body.media_base64 is not None
    assert base64.b64decode(body.media_base64) == audio


def test_inbound_voice_note_goes_on_without_audio_when_the_download_fails() -> None:
    body = deliver_one(make_voice_note(), downloads=[failed_download()])
    assert (body.kind, body.media_id, body.media_base64) == ("audio", AUDIO_ID, None)


def test_inbound_voice_note_of_exactly_2_mib_carries_its_audio() -> None:
    audio = b"\xff" * MAX_AUDIO_BYTES
    body = deliver_one(make_voice_note(), downloads=[downloaded(audio)])
    assert body.media_base64 is not None
    assert len(body.media_base64) == MAX_AUDIO_BASE64


def test_inbound_voice_note_over_2_mib_goes_on_without_audio() -> None:
    # WhatsApp's answer need not say the size: the bytes themselves are measured.
    download = downloaded(b"\xff" * (MAX_AUDIO_BYTES + 1), file_size=None)
    body = deliver_one(make_voice_note(), downloads=[download])
    assert (body.kind, body.media_id, body.media_base64) == ("audio", AUDIO_ID, None)


def test_inbound_voice_note_said_to_be_over_2_mib_is_not_read() -> None:
    download = downloaded(b"OggS", file_size=MAX_AUDIO_BYTES + 1)
    assert deliver_one(make_voice_note(), downloads=[download]).media_base64 is None


def test_inbound_voice_notes_get_their_own_audio_whatever_the_download_order() -> None:
    first, second = make_voice_note("111", "wamid.first"), make_voice_note("222", "wamid.second")
    downloads = [downloaded(b"second", "222"), failed_download(), downloaded(b"first", "111")]
    bodies = deliver(make_whatsapp_change(first, second), downloads=downloads)
    audio = {body.message_id: base64.b64decode(body.media_base64 or "") for body in bodies}
    assert audio == {"wamid.first": b"first", "wamid.second": b"second"}


def test_inbound_image_carries_its_caption_and_media_id() -> None:
    image = {"id": "987654321", "mime_type": "image/jpeg", "sha256": "c2hh", "caption": "Assim?"}
    body = deliver_one(make_message("image", image))
    assert (body.kind, body.message, body.media_id) == ("image", "Assim?", "987654321")
    assert (body.mime_type, body.media_base64) == ("image/jpeg", None)


def test_inbound_sticker_has_an_empty_message() -> None:
    sticker = {"id": "555", "mime_type": "image/webp", "sha256": "c2hh", "animated": False}
    body = deliver_one(make_message("sticker", sticker))
    assert (body.kind, body.message, body.media_id, body.mime_type) == (
        "sticker",
        "",
        "555",
        "image/webp",
    )


def test_inbound_document_carries_its_filename() -> None:
    document = {"id": "777", "mime_type": "application/pdf", "filename": "pedido.pdf"}
    body = deliver_one(make_message("document", document))
    assert (body.kind, body.message, body.media_id) == ("document", "", "777")
    assert (body.filename, body.mime_type) == ("pedido.pdf", "application/pdf")


def test_inbound_location_carries_coordinates_name_and_address() -> None:
    place = {"latitude": -23.5614, "longitude": -46.6559, "name": "Masp", "address": "Av. Paulista"}
    body = deliver_one(make_message("location", place | {"url": "https://masp.org.br"}))
    assert (body.kind, body.message) == ("location", "")
    assert body.location is not None
    assert body.location.model_dump() == place


def test_inbound_shared_contacts_are_listed_in_the_message() -> None:
    contacts = [
        {
            "name": {"formatted_name": "Bia Lima", "first_name": "Bia"},
            "phones": [{"phone": "+55 11 98888-7777", "wa_id": "5511988887777", "type": "CELL"}],
        },
        {
            "name": {"first_name": "Caio", "last_name": "Reis"},
            "phones": [{"wa_id": "5511977776666"}],
        },
    ]
    body = deliver_one(make_message("contacts", contacts))
    assert body.kind == "contacts"
    assert body.message == "Bia Lima: +55 11 98888-7777; Caio Reis: 5511977776666"


def test_inbound_reaction_carries_its_emoji() -> None:
    body = deliver_one(make_message("reaction", {"message_id": "wamid.ours", "emoji": "👍"}))
    assert (body.kind, body.message) == ("reaction", "👍")


def test_inbound_removed_reaction_has_an_empty_message() -> None:
    body = deliver_one(make_message("reaction", {"message_id": "wamid.ours"}))
    assert (body.kind, body.message) == ("reaction", "")


@pytest.mark.parametrize(
    ("whatsapp_type", "kind"),
    [
        ("unsupported", "unsupported"),
        ("order", "order"),
        ("request_welcome", "request_welcome"),
        ("New-Type 2", "new_type__"),
    ],
)
def test_inbound_other_types_go_on_under_their_own_kind(whatsapp_type: str, kind: str) -> None:
    body = deliver_one(make_message(whatsapp_type, {"errors": [{"code": 131051}]}))
    assert (body.kind, body.message, body.media_id) == (kind, "", None)


def test_inbound_every_message_of_a_change_is_forwarded() -> None:
    messages = [
        make_message(id="wamid.text"),
        make_voice_note(message_id="wamid.audio"),
        make_message("image", {"id": "1", "mime_type": "image/jpeg"}, id="wamid.image"),
        make_message("reaction", {"message_id": "wamid.ours", "emoji": "❤️"}, id="wamid.reaction"),
        make_message("unsupported", {}, id="wamid.unsupported"),
    ]
    bodies = deliver(make_whatsapp_change(*messages))
    assert sorted(body.message_id or "" for body in bodies) == sorted(m["id"] for m in messages)


def test_inbound_status_receipts_are_not_messages() -> None:
    receipt = make_whatsapp_change() | {"statuses": [{"id": WAMID, "status": "read"}]}
    del receipt["messages"]
    assert run_code(code_of(load(INBOUND), READ), [{"json": receipt}])["output"] == []


def test_inbound_caption_is_cut_to_the_back_end_limit_between_characters() -> None:
    caption = "a" + "😀" * 5000
    body = deliver_one(
        make_message("video", {"id": "9", "mime_type": "video/mp4", "caption": caption})
    )
    assert body.message == caption[:4096]


def test_inbound_signing_needs_the_secret() -> None:
    item = {"json": {"message_id": WAMID}}
    with pytest.raises(AssertionError, match="AGENDA_N8N_WEBHOOK_SECRET is not set"):
        run_code(code_of(load(INBOUND), SIGN), [item], env={})


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
