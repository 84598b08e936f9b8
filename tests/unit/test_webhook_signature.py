"""Standard Webhooks signatures: what n8n checks on our calls and we check on its calls, with the
`standardwebhooks` package (the spec's reference library) as the oracle in both directions."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from datetime import UTC, datetime

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from config.webhook_secret import MalformedWebhookSecretError
from integrations.webhook_signature import (
    MAX_AGE_S,
    InvalidSignatureError,
    sign,
    signature_headers,
    verify,
)

KEY = bytes(range(200, 232))  # 32 bytes, not UTF-8: the key is bytes, never text
SECRET = "whsec_" + base64.b64encode(KEY).decode()
BODY = b'{"message_id": "m-1", "text": "Ol\xc3\xa1!"}'
NOW = 1_800_000_000


def whsec(key: bytes, *, padded: bool = True) -> str:
    encoded = base64.b64encode(key).decode()
    return "whsec_" + (encoded if padded else encoded.rstrip("="))


# Keys of the spec's smallest and largest sizes, padded and not, random-looking and plain text.
SECRETS = [
    SECRET,
    whsec(hashlib.sha256(b"second").digest()[:24]),
    whsec(hashlib.sha512(b"third").digest()),
    whsec(b"\x00\xff" * 16 + b"\x01", padded=False),
    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",  # the reference libraries' test secret
]
BODIES = [
    BODY,
    '{"text":"Corte às 15h? Sim 💇‍♀️✂️ — obrigada, Conceição!"}'.encode(),
    b'{\n  "pretty": true,\n  "spaces": "  kept  "\n}\n',
    b"",
    b"\xff\xfe\x00 not UTF-8",
    b'{"audio": "' + base64.b64encode(bytes(range(256)) * 400) + b'"}',
]


def signed(**overrides: object) -> dict[str, str]:
    values: dict[str, object] = {"msg_id": "m-1", "timestamp": NOW, "body": BODY} | overrides
    return signature_headers(SECRET, **values)  # type: ignore[arg-type]


def oracle_headers(secret: str, *, msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The headers the `standardwebhooks` package writes for one message."""
    at = datetime.fromtimestamp(timestamp, UTC)
    signature = Webhook(secret).sign(msg_id=msg_id, timestamp=at, data=body)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature,
    }


def oracle_accepts(secret: str | bytes, headers: dict[str, str], body: bytes) -> bool:
    """Whether the package verifies a message (against the wall clock: it takes no `now`)."""
    try:
        Webhook(secret).verify(body, headers, json_parse=False)
    except WebhookVerificationError:
        return False
    return True


def test_signed_webhook_verifies() -> None:
    assert verify(SECRET, headers=signed(), body=BODY, now_s=NOW + 10) == "m-1"


def test_known_vector_uses_the_base64_decoded_key() -> None:
    digest = hmac.new(KEY, b"m-1.1800000000." + BODY, hashlib.sha256).digest()
    expected = "v1," + base64.b64encode(digest).decode()
    assert sign(SECRET, msg_id="m-1", timestamp=NOW, body=BODY) == expected
    assert signed() == {
        "webhook-id": "m-1",
        "webhook-timestamp": "1800000000",
        "webhook-signature": expected,
    }


def test_reference_vector_of_the_standard_webhooks_libraries() -> None:
    # libraries/python/tests/test_webhooks.py test_sign_function, in standard-webhooks.
    secret, msg_id = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek"
    signature = sign(secret, msg_id=msg_id, timestamp=1614265330, body=b'{"test": 2432232314}')
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


@pytest.mark.parametrize("secret", SECRETS)
@pytest.mark.parametrize("body", BODIES, ids=range(len(BODIES)))
def test_we_verify_what_the_package_signs(secret: str, body: bytes) -> None:
    headers = oracle_headers(secret, msg_id="wamid.HBgM.1", timestamp=NOW, body=body)
    assert verify(secret, headers=headers, body=body, now_s=NOW + 5) == "wamid.HBgM.1"


@pytest.mark.parametrize("secret", SECRETS)
@pytest.mark.parametrize("body", BODIES, ids=range(len(BODIES)))
def test_the_package_verifies_what_we_sign(secret: str, body: bytes) -> None:
    headers = signature_headers(secret, msg_id="msg-1", timestamp=int(time.time()), body=body)
    assert oracle_accepts(secret, headers, body)


def test_a_legacy_plain_secret_is_its_utf8_bytes() -> None:
    plain = "a-plain-secret-of-an-earlier-release-ção"
    headers = signature_headers(plain, msg_id="m-1", timestamp=int(time.time()), body=BODY)
    # The package takes a bytes secret as the raw key: what a plain secret is to us (given as
    # text, it would base64-decode it: a plain secret is not a Standard Webhooks one).
    assert oracle_accepts(plain.encode(), headers, BODY)


def test_we_pick_the_matching_one_of_the_package_signatures() -> None:
    old, new, other = SECRETS[:3]
    headers = oracle_headers(old, msg_id="m-1", timestamp=NOW, body=BODY)
    rotated = oracle_headers(new, msg_id="m-1", timestamp=NOW, body=BODY)["webhook-signature"]
    asymmetric = "v1a," + base64.b64encode(bytes(64)).decode()  # an ed25519 one, not ours
    headers["webhook-signature"] = f"{asymmetric} {headers['webhook-signature']} {rotated}"
    assert verify(old, headers=headers, body=BODY, now_s=NOW) == "m-1"
    assert verify(new, headers=headers, body=BODY, now_s=NOW) == "m-1"
    with pytest.raises(InvalidSignatureError):
        verify(other, headers=headers, body=BODY, now_s=NOW)


def test_the_package_picks_the_matching_one_of_our_signatures() -> None:
    old, new, other = SECRETS[:3]
    now = int(time.time())
    headers = signature_headers(old, msg_id="m-1", timestamp=now, body=BODY)
    rotated = sign(new, msg_id="m-1", timestamp=now, body=BODY)
    headers["webhook-signature"] = f"{rotated} {headers['webhook-signature']}"
    assert oracle_accepts(old, headers, BODY) and oracle_accepts(new, headers, BODY)
    assert not oracle_accepts(other, headers, BODY)


@pytest.mark.parametrize("skew_s", [-(MAX_AGE_S + 30), MAX_AGE_S + 30])
def test_old_or_future_timestamp_is_refused_by_both(skew_s: int) -> None:
    now = int(time.time())
    ours = signature_headers(SECRET, msg_id="m-1", timestamp=now + skew_s, body=BODY)
    assert not oracle_accepts(SECRET, ours, BODY)
    theirs = oracle_headers(SECRET, msg_id="m-1", timestamp=now + skew_s, body=BODY)
    with pytest.raises(InvalidSignatureError, match="tolerated age"):
        verify(SECRET, headers=theirs, body=BODY, now_s=now)


@pytest.mark.parametrize("skew_s", [-(MAX_AGE_S - 30), MAX_AGE_S - 30])
def test_timestamp_within_the_tolerance_is_accepted_by_both(skew_s: int) -> None:
    now = int(time.time())
    ours = signature_headers(SECRET, msg_id="m-1", timestamp=now + skew_s, body=BODY)
    assert oracle_accepts(SECRET, ours, BODY)
    theirs = oracle_headers(SECRET, msg_id="m-1", timestamp=now + skew_s, body=BODY)
    assert verify(SECRET, headers=theirs, body=BODY, now_s=now) == "m-1"


def test_a_changed_timestamp_is_refused_by_both() -> None:
    now = int(time.time())
    ours = signature_headers(SECRET, msg_id="m-1", timestamp=now, body=BODY)
    ours["webhook-timestamp"] = str(now - 1)
    assert not oracle_accepts(SECRET, ours, BODY)
    theirs = oracle_headers(SECRET, msg_id="m-1", timestamp=now, body=BODY)
    theirs["webhook-timestamp"] = str(now - 1)
    with pytest.raises(InvalidSignatureError, match="no matching signature"):
        verify(SECRET, headers=theirs, body=BODY, now_s=now)


@pytest.mark.parametrize("body", BODIES[:2], ids=range(2))
def test_tampered_body_is_refused_by_both(body: bytes) -> None:
    tampered = body.replace(b"1", b"2").replace(b"Corte", b"Barba")
    now = int(time.time())
    assert not oracle_accepts(
        SECRET, signature_headers(SECRET, msg_id="m-1", timestamp=now, body=body), tampered
    )
    theirs = oracle_headers(SECRET, msg_id="m-1", timestamp=now, body=body)
    with pytest.raises(InvalidSignatureError, match="no matching signature"):
        verify(SECRET, headers=theirs, body=tampered, now_s=now)


def test_wrong_secret_is_refused_by_both() -> None:
    now = int(time.time())
    ours = signature_headers(SECRETS[1], msg_id="m-1", timestamp=now, body=BODY)
    assert not oracle_accepts(SECRET, ours, BODY)
    theirs = oracle_headers(SECRETS[1], msg_id="m-1", timestamp=now, body=BODY)
    with pytest.raises(InvalidSignatureError, match="no matching signature"):
        verify(SECRET, headers=theirs, body=BODY, now_s=now)


def test_a_secret_read_as_text_is_not_the_key() -> None:
    """The mistake this module once made: the key is the decoded bytes, not the `whsec_` text."""
    digest = hmac.new(SECRET.encode(), b"m-1.1800000000." + BODY, hashlib.sha256).digest()
    headers = signed() | {"webhook-signature": "v1," + base64.b64encode(digest).decode()}
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=headers, body=BODY, now_s=NOW)


def test_non_canonical_base64_of_the_right_mac_is_refused_by_both() -> None:
    now = int(time.time())
    headers = signature_headers(SECRET, msg_id="m-1", timestamp=now, body=BODY)
    encoded = headers["webhook-signature"].removeprefix("v1,")
    # 32 bytes take 43 characters and 2 spare bits: set them, the bytes decoded stay the same.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = alphabet[alphabet.index(encoded[42]) | 3]
    variant = encoded[:42] + last + encoded[43:]
    assert variant != encoded and base64.b64decode(variant) == base64.b64decode(encoded)
    headers["webhook-signature"] = "v1," + variant
    assert not oracle_accepts(SECRET, headers, BODY)
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=headers, body=BODY, now_s=now)


def test_header_names_are_case_insensitive() -> None:
    headers = {name.title(): value for name, value in signed().items()}
    assert verify(SECRET, headers=headers, body=BODY, now_s=NOW) == "m-1"


def test_changed_id_is_refused() -> None:
    headers = signed() | {"webhook-id": "m-2"}
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=headers, body=BODY, now_s=NOW)


def test_timestamp_at_the_age_limit_is_accepted() -> None:
    assert verify(SECRET, headers=signed(), body=BODY, now_s=NOW + MAX_AGE_S) == "m-1"
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=signed(), body=BODY, now_s=NOW + MAX_AGE_S + 1)


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
        {"webhook-timestamp": "1800000000.0"},
        {"webhook-timestamp": "01800000000"},
        {"webhook-timestamp": "+1800000000"},
        {"webhook-timestamp": "1_800_000_000"},
        {"webhook-timestamp": " 1800000000"},
        {"webhook-signature": "v1,not base64!"},
        {"webhook-signature": "v2," + signed()["webhook-signature"][3:]},
        {"webhook-signature": signed()["webhook-signature"][3:]},
        {"webhook-signature": signed()["webhook-signature"] + ",x"},
        {"webhook-signature": "v1, " + signed()["webhook-signature"][3:]},
        {"webhook-signature": "v1,ção"},
        {"webhook-signature": ""},
    ],
)
def test_garbled_header_is_refused(garbled: dict[str, str]) -> None:
    with pytest.raises(InvalidSignatureError):
        verify(SECRET, headers=signed() | garbled, body=BODY, now_s=NOW)


def test_empty_secret_never_verifies() -> None:
    headers = signature_headers("", msg_id="m-1", timestamp=NOW, body=BODY)
    with pytest.raises(InvalidSignatureError, match="no webhook secret"):
        verify("", headers=headers, body=BODY, now_s=NOW)


@pytest.mark.parametrize("secret", ["whsec_", "whsec_abc-def", "whsec_AB=", "whsec_QUJD\n"])
def test_malformed_standard_secret_signs_nothing(secret: str) -> None:
    with pytest.raises(MalformedWebhookSecretError):
        sign(secret, msg_id="m-1", timestamp=NOW, body=BODY)
