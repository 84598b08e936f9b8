"""Standard Webhooks signatures: what n8n checks on our calls and we check on its calls."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from integrations.webhook_signature import (
    InvalidSignatureError,
    sign,
    signature_headers,
    verify,
)

SECRET = "a-webhook-secret-of-at-least-32-characters"
BODY = b'{"message_id": "m-1", "text": "Ol\xc3\xa1!"}'
NOW = 1_800_000_000


def signed(**overrides: object) -> dict[str, str]:
    values: dict[str, object] = {"msg_id": "m-1", "timestamp": NOW, "body": BODY} | overrides
    return signature_headers(SECRET, **values)  # type: ignore[arg-type]


def test_signed_webhook_verifies() -> None:
    assert verify(SECRET, headers=signed(), body=BODY, now_s=NOW + 10) == "m-1"


def test_known_vector_matches_hmac_computed_by_hand() -> None:
    digest = hmac.new(SECRET.encode(), b"m-1.1800000000." + BODY, hashlib.sha256).digest()
    expected = "v1," + base64.b64encode(digest).decode()
    assert sign(SECRET, msg_id="m-1", timestamp=NOW, body=BODY) == expected
    assert signed() == {
        "webhook-id": "m-1",
        "webhook-timestamp": "1800000000",
        "webhook-signature": expected,
    }


def test_header_names_are_case_insensitive() -> None:
    headers = {name.title(): value for name, value in signed().items()}
    assert verify(SECRET, headers=headers, body=BODY, now_s=NOW) == "m-1"


def test_one_matching_signature_among_several_is_enough() -> None:
    headers = signed()
    headers["webhook-signature"] = "v1,b2xk " + headers["webhook-signature"]
    assert verify(SECRET, headers=headers, body=BODY, now_s=NOW) == "m-1"


def test_tampered_body_is_refused() -> None:
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=signed(), body=BODY.replace(b"m-1", b"m-2"), now_s=NOW)


def test_wrong_secret_is_refused() -> None:
    with pytest.raises(InvalidSignatureError):
        verify(SECRET + "x", headers=signed(), body=BODY, now_s=NOW)


def test_changed_id_is_refused() -> None:
    headers = signed() | {"webhook-id": "m-2"}
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=headers, body=BODY, now_s=NOW)


@pytest.mark.parametrize("skew_s", [301, -301])
def test_stale_or_future_timestamp_is_refused(skew_s: int) -> None:
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=signed(), body=BODY, now_s=NOW + skew_s)


def test_timestamp_at_the_age_limit_is_accepted() -> None:
    assert verify(SECRET, headers=signed(), body=BODY, now_s=NOW + 300) == "m-1"


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_missing_header_is_refused(missing: str) -> None:
    headers = signed()
    del headers[missing]
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=headers, body=BODY, now_s=NOW)


@pytest.mark.parametrize(
    "garbled",
    [
        {"webhook-timestamp": "soon"},
        {"webhook-signature": "v1,not base64!"},
        {"webhook-signature": "v2," + signed()["webhook-signature"][3:]},
        {"webhook-signature": signed()["webhook-signature"][3:]},
        {"webhook-signature": ""},
    ],
)
def test_garbled_header_is_refused(garbled: dict[str, str]) -> None:
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=signed() | garbled, body=BODY, now_s=NOW)


def test_empty_secret_never_verifies() -> None:
    headers = signature_headers("", msg_id="m-1", timestamp=NOW, body=BODY)
    with pytest.raises(InvalidSignatureError):
        verify("", headers=headers, body=BODY, now_s=NOW)
