"""Phone numbers read with `phonenumbers` (libphonenumber): E.164 for us, a Brazilian mobile always
with its ninth digit, and the forms of one line that name the same client. The WhatsApp id is not
read here: whoever stores it keeps it as received (digits only, as WhatsApp sends it).
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat

from domain.models import E164_PATTERN

NON_DIGITS = re.compile(r"\D")
# Digits, a leading `+`, and what people put between digits; anything else (letters) is not a phone.
WRITTEN_PHONE = re.compile(r"\+?[\d\s().\-/]+")
BRAZIL = "BR"
BRAZIL_CODE = 55
# A mobile's local number had 8 digits starting with 6–9 before the ninth digit (2012–2016);
# landlines start with 2–5. So 8 digits starting with 6–9 after a DDD are a mobile without its 9.
OLD_MOBILE_FIRST_DIGITS = "6789"
NINE_DIGIT_MOBILE = re.compile(r"\+55(\d{2})9([6-9]\d{7})")

Reading = tuple[str, str | None]  # (text for phonenumbers.parse, default region or None)


def to_e164(raw: str) -> str | None:
    """The E.164 number `raw` writes, or None when it is no valid (nor at least possible) number.

    International: `+…`, a WhatsApp id (its country code and number, digits only, no `+`:
    `14155552671` → `+14155552671`, `5511987654321`, `351912345678`), or `00` and the country code.
    Brazilian national, as owners type it: a DDD and the number (`(11) 98765-4321`,
    `55 98765-4321`: DDD 55 keeps its digits), or with the trunk `0` (`011 98765 4321`).
    A Brazilian mobile without its ninth digit gets it back (`551187654321`, `(11) 8765-4321`
    → `+5511987654321`); a landline (2–5) is left as it is (`551134567890`).

    10 or 11 digits are either a DDD and a number or a short international id, and some are both
    (`51987654321`: Porto Alegre, or a Peruvian mobile). How they are written decides which
    reading is tried first; a valid reading beats a merely possible one whatever the order:
    - bare digits are how WhatsApp sends ids, so international first: `51987654321` →
      `+51987654321` (Peru), `14155552671` → `+14155552671`; a bare Brazilian number still reads
      as one when no country has it (`11987654321` → `+5511987654321`: +1 198… is no number);
    - with spaces, hyphens or parentheses a person wrote it, so Brazilian first:
      `51 98765-4321` → `+5551987654321`; `1 415 555 2671` is no Brazilian number → `+14155552671`.
    12 digits or more always carry a country code; a written local number without its DDD
    (`98765-4321`) and anything with letters (`tel: …`, `ramal 2`) are None. Possible-only
    numbers are kept (metadata lags new ranges; a real client's id must not be refused), and the
    result always fits `E164_PATTERN`, as the model and the database require.
    """
    numbers = [n for n in (parse_reading(r) for r in readings_of(raw)) if n is not None]
    chosen = next((n for n in numbers if phonenumbers.is_valid_number(n)), None)
    if chosen is None:
        chosen = next((n for n in numbers if is_possible(n)), None)
    if chosen is None:
        return None
    e164 = phonenumbers.format_number(chosen, PhoneNumberFormat.E164)
    return e164 if E164_PATTERN.fullmatch(e164) else None


def equivalent_phones(phone_e164: str) -> tuple[str, ...]:
    """The stored numbers that are this line, best first: itself, then, for a Brazilian mobile,
    its form without the ninth digit (another writer may have stored that one)."""
    mobile = NINE_DIGIT_MOBILE.fullmatch(phone_e164)
    if mobile is None:
        return (phone_e164,)
    return (phone_e164, f"+55{mobile[1]}{mobile[2]}")


def readings_of(raw: str) -> tuple[Reading, ...]:
    """The ways to read `raw`, in the order they are tried (see `to_e164`)."""
    text = raw.strip()
    if not WRITTEN_PHONE.fullmatch(text):
        return ()
    digits = NON_DIGITS.sub("", text)
    international: Reading = (f"+{digits}", None)
    national: Reading = (digits, BRAZIL)
    if text.startswith("+"):
        return (international,)
    if digits.startswith("00"):  # `0055 …`; from Brazil also `00` + carrier (`0021 1 415…`)
        return ((f"+{digits[2:]}", None), national)
    if digits.startswith("0"):  # the trunk prefix, maybe with a carrier code (`015 11 …`)
        return (national,)
    if len(digits) > 11:  # longer than any DDD and number: a country code comes first
        return (international,)
    if len(digits) < 10:  # a bare short id; written out, a local number without its DDD
        return (international,) if text == digits else ()
    return (international, national) if text == digits else (national, international)


def parse_reading(reading: Reading) -> PhoneNumber | None:
    text, region = reading
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    return with_ninth_digit(number)


def with_ninth_digit(number: PhoneNumber) -> PhoneNumber:
    """A Brazilian mobile written with 8 digits after its DDD gets its ninth digit back."""
    national = str(number.national_number)
    if (
        number.country_code != BRAZIL_CODE
        or len(national) != 10
        or national[2] not in OLD_MOBILE_FIRST_DIGITS
    ):
        return number
    return PhoneNumber(
        country_code=BRAZIL_CODE, national_number=int(f"{national[:2]}9{national[2:]}")
    )


def is_possible(number: PhoneNumber) -> bool:
    """A length some number of that country has; zeros read as a number are not one."""
    return phonenumbers.is_possible_number(number) and not number.italian_leading_zero
