"""The inbound workflow's Code nodes, run by `node` in a harness that stands in for n8n: what the
WhatsApp Trigger outputs reaches the back end as a signed body its own models accept (texts,
replies, voice notes with their audio, media, locations, contacts, reactions). Skipped without
`node`."""

from __future__ import annotations

import base64
import json
import re
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from standardwebhooks import Webhook

from deployments.inbound import MAX_AUDIO_BASE64, MessageReceivedBody
from deployments.routes_statuses import MessageStatusBody
from integrations import webhook_signature
from integrations.webhook_signature import verify
from tests.unit.n8n_code_support import (
    AUDIO_ID,
    MAX_AUDIO_BYTES,
    PHONE,
    PHONE_NUMBER_ID,
    TENANT_ID,
    TEXT,
    WAMID,
    run_code,
)
from tests.unit.n8n_exports import (
    ATTACH,
    INBOUND,
    READ,
    SECRET,
    SIGN,
    VOICE_NOTE,
    code_of,
    load,
    named,
    needs_node,
)

pytestmark = needs_node


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
    body = MessageReceivedBody.model_validate_json(verified(sent))
    assert body.message_id == sent["webhook_id"]
    return body


def verified(sent: dict[str, Any]) -> bytes:
    """The signed raw body, its signature checked by ours and by any Standard Webhooks
    receiver."""
    headers = {
        webhook_signature.ID_HEADER: sent["webhook_id"],
        webhook_signature.TIMESTAMP_HEADER: sent["webhook_timestamp"],
        webhook_signature.SIGNATURE_HEADER: sent["webhook_signature"],
    }
    raw: bytes = sent["raw"].encode()
    assert verify(SECRET, headers=headers, body=raw, now_s=int(time.time())) == sent["webhook_id"]
    Webhook(SECRET).verify(raw, headers, json_parse=False)
    return raw


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


# --- inbound: Meta's failed statuses of messages we sent, to the message-status route ---------


def make_status(status: str = "failed", code: int | None = 131047, **fields: Any) -> dict[str, Any]:
    """One status of a message we sent, as WhatsApp's webhook carries it."""
    found: dict[str, Any] = {
        "id": "wamid.SENT1",
        "status": status,
        "timestamp": "1773151260",
        "recipient_id": PHONE,
    }
    if code is not None:
        found["errors"] = [{"code": code, "title": "Re-engagement message", "message": "x"}]
    return found | fields


def status_change(*statuses: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A `messages` change carrying statuses (what the trigger lets through for "failed")."""
    change = make_whatsapp_change() | {"statuses": list(statuses)}
    del change["messages"], change["contacts"]
    return change | fields


def signed_requests(*changes: dict[str, Any]) -> list[dict[str, Any]]:
    """What "Build signed request" outputs for `changes` that take no download."""
    workflow = load(INBOUND)
    items = run_code(code_of(workflow, READ), [{"json": change} for change in changes])["output"]
    assert not any(takes_the_download_branch(item["json"]) for item in items)
    return [request["json"] for request in run_code(code_of(workflow, SIGN), items)["output"]]


def status_accepted(sent: dict[str, Any]) -> MessageStatusBody:
    return MessageStatusBody.model_validate_json(verified(sent))


def test_inbound_failed_status_goes_signed_to_the_status_route() -> None:
    (sent,) = signed_requests(status_change(make_status()))
    assert sent["path"] == "message-status"
    assert sent["webhook_id"] == "wamid.SENT1.failed"
    body = status_accepted(sent)
    assert (body.tenant_id, body.whatsapp_message_id, body.status) == (
        TENANT_ID,
        "wamid.SENT1",
        "failed",
    )
    assert body.timestamp == datetime.fromtimestamp(1773151260, UTC)
    assert [(e.code, e.title) for e in body.errors] == [(131047, "Re-engagement message")]
    assert sorted(json.loads(sent["raw"])) == sorted(MessageStatusBody.model_fields)


def test_inbound_other_statuses_are_not_forwarded_and_messages_still_are() -> None:
    change = status_change(
        make_status("delivered", None, id="wamid.A"),
        make_status("read", None, id="wamid.B"),
        make_status(code=131050, id="wamid.C"),
    )
    change["messages"] = [make_message()]
    change["contacts"] = [{"profile": {"name": "Ana Souza"}, "wa_id": PHONE}]
    sent = signed_requests(change)
    assert sorted(s["path"] for s in sent) == ["message-received", "message-status"]
    (status,) = [status_accepted(s) for s in sent if s["path"] == "message-status"]
    assert (status.whatsapp_message_id, status.errors[0].code) == ("wamid.C", 131050)


def test_inbound_failed_status_without_errors_still_reaches_the_back_end() -> None:
    (sent,) = signed_requests(status_change(make_status(code=None)))
    body = status_accepted(sent)
    assert [(e.code, e.title) for e in body.errors] == [(None, None)]
