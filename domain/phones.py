"""Brazilian phone numbers as WhatsApp sends them: E.164 for us, the raw id kept as received.

Older WhatsApp ids often lack the mobile's ninth digit (`5511` + 8 digits); the E.164 number gets
it back when the local number is a mobile one (it starts with 6–9).
"""

from __future__ import annotations

import re

from domain.models import E164_PATTERN

NON_DIGITS = re.compile(r"\D")


def to_e164(raw: str) -> str | None:
    """`+5511987654321` from `+55 (11) 98765-4321`, `5511987654321` or `551187654321`."""
    digits = NON_DIGITS.sub("", raw)
    if digits.startswith("55") and len(digits) == 12 and digits[4] in "6789":
        digits = f"{digits[:4]}9{digits[4:]}"
    if len(digits) in (10, 11) and not digits.startswith("55"):
        digits = f"55{digits}"
        if len(digits) == 12 and digits[4] in "6789":
            digits = f"{digits[:4]}9{digits[4:]}"
    candidate = f"+{digits}"
    return candidate if E164_PATTERN.match(candidate) else None
