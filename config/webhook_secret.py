"""What AGENDA_N8N_WEBHOOK_SECRET may hold and the HMAC key it stands for: a Standard Webhooks
secret (`whsec_` + base64 of the key bytes), or a plain secret of earlier releases (deprecated).
"""

from __future__ import annotations

import base64
import re
import secrets

PREFIX = "whsec_"
# The Standard Webhooks spec: a symmetric key of "at least 24 bytes (192 bits, 512 maximum)".
MIN_KEY_BYTES = 24
MAX_KEY_BYTES = 64
NEW_KEY_BYTES = 32
# Standard base64 (not the URL-safe alphabet), padding optional. Stricter than the
# `standardwebhooks` package and than Node's Buffer, which skip or map stray characters each in
# its own way: every secret accepted here is decoded to the same key by all three.
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?")
MALFORMED = (
    f"after `{PREFIX}` must come the standard base64 (A-Z a-z 0-9 + /, `=` padding) of the key"
)


class MalformedWebhookSecretError(ValueError):
    """A `whsec_` secret whose rest is not standard base64 of at least one byte."""


def is_standard(secret: str) -> bool:
    """A Standard Webhooks secret; any other non-empty secret is a deprecated plain one."""
    return secret.startswith(PREFIX)


def signing_key(secret: str) -> bytes:
    """The HMAC-SHA256 key: the base64-decoded bytes after `whsec_`, as the spec says. A plain
    secret (no prefix; deprecated) keeps the meaning it had before: its UTF-8 bytes."""
    if not is_standard(secret):
        return secret.encode()
    encoded = secret.removeprefix(PREFIX)
    if not encoded or not _BASE64.fullmatch(encoded):
        raise MalformedWebhookSecretError(MALFORMED)
    return base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)


def new_webhook_secret() -> str:
    """A fresh Standard Webhooks secret: `whsec_` + base64 of 32 random bytes."""
    return PREFIX + base64.b64encode(secrets.token_bytes(NEW_KEY_BYTES)).decode()
