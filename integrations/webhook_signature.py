"""Standard Webhooks signatures (HMAC-SHA256) between us and n8n, both directions.

`webhook-signature: v1,<base64(HMAC-SHA256(key, f"{id}.{timestamp}.{body}"))>`, the body the exact
bytes sent, the key what config/webhook_secret.py makes of the secret (`whsec_` + base64: the
decoded bytes; a deprecated plain secret: its UTF-8 bytes). The `standardwebhooks` package is the
tests' oracle.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping

from config.webhook_secret import signing_key

MAX_AGE_S = 300
VERSION = "v1"
ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"
# Integer unix seconds, written as a sender writes them: the signed text is this very string.
_TIMESTAMP = re.compile(r"[1-9][0-9]*")


class InvalidSignatureError(Exception):
    """A webhook whose signature headers are missing, malformed, stale or do not match."""


def sign(secret: str, *, msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` value for one message."""
    return f"{VERSION},{_mac(secret, msg_id=msg_id, timestamp=timestamp, body=body)}"


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
    if not _TIMESTAMP.fullmatch(raw_timestamp):
        raise InvalidSignatureError("malformed timestamp")
    timestamp = int(raw_timestamp)
    if abs(now_s - timestamp) > max_age_s:
        raise InvalidSignatureError("timestamp outside the tolerated age")
    expected = _mac(secret, msg_id=msg_id, timestamp=timestamp, body=body).encode()
    # A space-separated list (the spec): during a secret rotation, one signature per secret;
    # other schemes (`v1a,…`) may sit beside ours. One match is enough. The base64 text is
    # compared, as the reference libraries do: only the canonical encoding matches.
    for candidate in signatures.split(" "):
        version, _, encoded = candidate.partition(",")
        if version == VERSION and hmac.compare_digest(encoded.encode(), expected):
            return msg_id
    raise InvalidSignatureError("no matching signature")


def _mac(secret: str, *, msg_id: str, timestamp: int, body: bytes) -> str:
    """base64 of the HMAC-SHA256 of `{id}.{timestamp}.{body}`."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(signing_key(secret), signed, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()
