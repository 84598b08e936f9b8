"""The n8n Code nodes' signatures against the `standardwebhooks` package (the oracle) and ours:
what "Build signed request" signs, the package verifies; what the package signs, "Verify
signature" accepts, and refuses as the package does. Skipped when `node` is not installed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from integrations.webhook_signature import MAX_AGE_S, signature_headers, verify
from tests.unit.n8n_exports import (
    INBOUND,
    OUTBOUND,
    SECRET,
    SECRET_ENV,
    SIGN,
    code_of,
    load,
    needs_node,
    run_code,
    webhook_node_item,
)

pytestmark = needs_node

TENANT_ID = "7b0e6c1e-2d7a-4a51-9a3e-5a1c0de0c001"
# Keys of the spec's smallest and largest sizes, padded and not; none of them UTF-8 text.
SECRETS = [
    SECRET,
    "whsec_" + base64.b64encode(hashlib.sha256(b"24").digest()[:24]).decode(),
    "whsec_" + base64.b64encode(hashlib.sha512(b"64").digest()).decode(),
    "whsec_" + base64.b64encode(b"\xff\x00" * 16 + b"\x80").decode().rstrip("="),
    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",  # the reference libraries' test secret
]
OTHER_SECRET = "whsec_" + base64.b64encode(b"\x42" * 32).decode()
LEGACY_SECRET = "a-plain-secret-of-an-earlier-release-0123456789"


def n8n_env(secret: str) -> dict[str, str]:
    return {SECRET_ENV: secret, "AGENDA_TENANT_MAP": json.dumps({"109876543210": TENANT_ID})}


def make_body(text: str = "Oi! Quero marcar às 15h 💇‍♀️ — Conceição") -> dict[str, Any]:
    """What "Build signed request" gets: one typed message body (its fields do not matter here)."""
    return {
        "tenant_id": TENANT_ID,
        "phone": "551187654321",
        "message": text,
        "message_id": "wamid.1",
    }


def signed_in_n8n(secret: str, body: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """(raw body, signature headers) as the inbound workflow sends them."""
    (request,) = run_code(code_of(load(INBOUND), SIGN), [{"json": body}], env=n8n_env(secret))[
        "output"
    ]
    sent = request["json"]
    headers = {
        "webhook-id": sent["webhook_id"],
        "webhook-timestamp": sent["webhook_timestamp"],
        "webhook-signature": sent["webhook_signature"],
    }
    return sent["raw"].encode(), headers


def make_payload(text: str = "Seu horário está confirmado: amanhã, 15:00. Até lá! ✂️") -> bytes:
    """A body as our sender posts it (only the fields the outbound code reads)."""
    payload = {"message_id": "m-1", "tenant_id": TENANT_ID, "phone": "+5511987654321"}
    return json.dumps(
        payload | {"whatsapp_id": None, "kind": "transactional", "text": text}
    ).encode()


def oracle_signed(secret: str, body: bytes, *, age_s: int = 0) -> dict[str, str]:
    """Headers as the `standardwebhooks` package signs them."""
    timestamp = int(time.time()) - age_s
    at = datetime.fromtimestamp(timestamp, UTC)
    signature = Webhook(secret).sign(msg_id="m-1", timestamp=at, data=body)
    return {
        "webhook-id": "m-1",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature,
    }


def verdict_in_n8n(secret: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    item = webhook_node_item(body, headers)
    (result,) = run_code(code_of(load(OUTBOUND), "Verify signature"), [item], env=n8n_env(secret))[
        "output"
    ]
    verdict: dict[str, Any] = result["json"]
    return verdict


@pytest.mark.parametrize("secret", SECRETS)
def test_the_package_verifies_what_n8n_signs(secret: str) -> None:
    raw, headers = signed_in_n8n(secret, make_body())
    assert Webhook(secret).verify(raw, headers)["message"] == make_body()["message"]
    assert verify(secret, headers=headers, body=raw, now_s=int(time.time())) == "wamid.1"


def test_the_package_refuses_what_n8n_signs_with_another_secret() -> None:
    raw, headers = signed_in_n8n(OTHER_SECRET, make_body())
    with pytest.raises(WebhookVerificationError):
        Webhook(SECRET).verify(raw, headers)


def test_the_package_refuses_a_body_changed_after_n8n_signed_it() -> None:
    raw, headers = signed_in_n8n(SECRET, make_body())
    with pytest.raises(WebhookVerificationError):
        Webhook(SECRET).verify(raw.replace(b"15h", b"16h"), headers)


@pytest.mark.parametrize("secret", SECRETS)
def test_n8n_accepts_what_the_package_signs(secret: str) -> None:
    body = make_payload()
    verdict = verdict_in_n8n(secret, body, oracle_signed(secret, body))
    assert verdict["valid"] is True
    assert (verdict["message_id"], verdict["text"]) == ("m-1", json.loads(body)["text"])


def test_n8n_accepts_the_matching_one_of_several_package_signatures() -> None:
    body = make_payload()
    headers = oracle_signed(OTHER_SECRET, body)
    current = oracle_signed(SECRET, body)["webhook-signature"]
    asymmetric = "v1a," + base64.b64encode(bytes(64)).decode()  # an ed25519 one: not for us
    headers["webhook-signature"] = f"{asymmetric} {headers['webhook-signature']} {current}"
    assert verdict_in_n8n(SECRET, body, headers)["valid"] is True
    assert verdict_in_n8n(OTHER_SECRET, body, headers)["valid"] is True
    unknown = "whsec_" + base64.b64encode(b"\x07" * 32).decode()
    assert verdict_in_n8n(unknown, body, headers)["reason"] == "no matching signature"


def test_n8n_refuses_a_package_signature_with_another_secret() -> None:
    body = make_payload()
    verdict = verdict_in_n8n(SECRET, body, oracle_signed(OTHER_SECRET, body))
    assert verdict == {"valid": False, "reason": "no matching signature"}


def test_n8n_refuses_a_body_changed_after_the_package_signed_it() -> None:
    body = make_payload()
    verdict = verdict_in_n8n(SECRET, body.replace(b"15:00", b"16:00"), oracle_signed(SECRET, body))
    assert verdict == {"valid": False, "reason": "no matching signature"}


@pytest.mark.parametrize("age_s", [MAX_AGE_S + 30, -(MAX_AGE_S + 30)])
def test_n8n_refuses_an_old_or_future_timestamp_as_the_package_does(age_s: int) -> None:
    body = make_payload()
    headers = oracle_signed(SECRET, body, age_s=age_s)
    verdict = verdict_in_n8n(SECRET, body, headers)
    assert verdict == {"valid": False, "reason": "timestamp outside the tolerated age"}
    with pytest.raises(WebhookVerificationError, match="timestamp too"):
        Webhook(SECRET).verify(body, headers)


def test_n8n_refuses_a_changed_timestamp() -> None:
    body = make_payload()
    headers = oracle_signed(SECRET, body)
    headers["webhook-timestamp"] = str(int(headers["webhook-timestamp"]) - 1)
    assert verdict_in_n8n(SECRET, body, headers)["reason"] == "no matching signature"


@pytest.mark.parametrize("suffix", [",x", "=", "A"])
def test_n8n_takes_only_the_exact_signature_text_as_the_package_does(suffix: str) -> None:
    """Node's Buffer would read past junk; the package compares the text, and so must n8n."""
    body = make_payload()
    headers = oracle_signed(SECRET, body)
    headers["webhook-signature"] += suffix
    with pytest.raises(WebhookVerificationError):
        Webhook(SECRET).verify(body, headers)
    assert verdict_in_n8n(SECRET, body, headers)["reason"] == "no matching signature"


def test_n8n_and_the_back_end_agree_on_a_legacy_plain_secret() -> None:
    """A plain secret (deprecated) is its UTF-8 bytes on both sides, in both directions."""
    raw, headers = signed_in_n8n(LEGACY_SECRET, make_body())
    assert verify(LEGACY_SECRET, headers=headers, body=raw, now_s=int(time.time())) == "wamid.1"
    body = make_payload()
    ours = signature_headers(LEGACY_SECRET, msg_id="m-1", timestamp=int(time.time()), body=body)
    assert verdict_in_n8n(LEGACY_SECRET, body, ours)["valid"] is True


@pytest.mark.parametrize("secret", ["whsec_", "whsec_abc-def", "whsec_AB="])
def test_n8n_refuses_a_malformed_standard_secret(secret: str) -> None:
    with pytest.raises(AssertionError, match="AGENDA_N8N_WEBHOOK_SECRET is malformed"):
        signed_in_n8n(secret, make_body())
    body = make_payload()
    verdict = verdict_in_n8n(secret, body, oracle_signed(SECRET, body))
    assert verdict == {"valid": False, "reason": "malformed webhook secret"}
