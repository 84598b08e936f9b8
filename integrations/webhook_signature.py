"""Standard Webhooks signatures (HMAC-SHA256) between us and n8n, both directions.

`webhook-signature: v1,<base64(HMAC-SHA256(secret, f"{id}.{timestamp}.{body}"))>`, where the
secret is the raw bytes of the configured string and the body the exact bytes sent.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Mapping

MAX_AGE_S = 300
VERSION = "v1"
ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"


class InvalidSignatureError(Exception):
    """A webhook whose signature headers are missing, malformed, stale or do not match."""


def sign(secret: str, *, msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` value for one message."""
    digest = _mac(secret, msg_id=msg_id, timestamp=timestamp, body=body)
    return f"{VERSION},{base64.b64encode(digest).decode()}"


def signature_headers(secret: str, *, msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        ID_HEADER: msg_id,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: sign(secret, msg_id=msg_id, timestamp=timestamp, body=body),
    }


def verify(
    secret: str,
    *,
    headers: Mapping[str, str],
    body: bytes,
    now_s: int,
    max_age_s: int = MAX_AGE_S,
) -> str:
    """Check a signed webhook; return its id, or raise InvalidSignatureError."""
    if not secret:
        raise InvalidSignatureError("no webhook secret configured")
    lowered = {name.lower(): value for name, value in headers.items()}
    msg_id = lowered.get(ID_HEADER)
    raw_timestamp = lowered.get(TIMESTAMP_HEADER)
    signatures = lowered.get(SIGNATURE_HEADER)
    if not msg_id or not raw_timestamp or not signatures:
        raise InvalidSignatureError("missing signature headers")
    try:
        timestamp = int(raw_timestamp)
    except ValueError:
        raise InvalidSignatureError("malformed timestamp") from None
    if abs(now_s - timestamp) > max_age_s:
        raise InvalidSignatureError("timestamp outside the tolerated age")
    expected = _mac(secret, msg_id=msg_id, timestamp=timestamp, body=body)
    # The header may carry several space-separated signatures (during a secret rotation).
    for candidate in signatures.split():
        version, _, encoded = candidate.partition(",")
        if version != VERSION:
            continue
        try:
            given = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            continue
        if hmac.compare_digest(given, expected):
            return msg_id
    raise InvalidSignatureError("no matching signature")


def _mac(secret: str, *, msg_id: str, timestamp: int, body: bytes) -> bytes:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).digest()
