"""Phones as WhatsApp sends them and as owners type them, read into E.164 (pinned by hand), and the
forms of one line that name the same client."""

from __future__ import annotations

import pytest

from domain.phones import equivalent_phones, to_e164

# (as written, E.164 or None, why)
PHONES: list[tuple[str, str | None, str]] = [
    # Brazilian mobiles as WhatsApp ids: country code, DDD, number; digits only.
    ("5511987654321", "+5511987654321", "São Paulo mobile id"),
    ("551187654321", "+5511987654321", "old id without the ninth digit gets it back"),
    ("557199876543", "+5571999876543", "Salvador: old id, 8 digits starting with 9"),
    ("5521976543210", "+5521976543210", "Rio de Janeiro mobile id"),
    ("5511934567890", "+5511934567890", "a new range (9 then 3) stays as it is"),
    ("5555991234567", "+5555991234567", "DDD 55 (Santa Maria, RS) mobile id"),
    ("555591234567", "+5555991234567", "DDD 55 old id without the ninth digit"),
    ("5551987654321", "+5551987654321", "Porto Alegre mobile id"),
    # Brazilian landlines (2–5 after the DDD): never given a ninth digit.
    ("551134567890", "+551134567890", "São Paulo landline (WhatsApp Business)"),
    ("555532221234", "+555532221234", "DDD 55 landline id"),
    ("(55) 3222-1234", "+555532221234", "DDD 55 landline typed"),
    ("5532221234", "+555532221234", "DDD 55 landline, bare national digits"),
    ("055 3222 1234", "+555532221234", "DDD 55 landline with the trunk 0"),
    ("(21) 2345-6789", "+552123456789", "Rio de Janeiro landline typed"),
    ("(61) 3333-4444", "+556133334444", "Brasília landline typed"),
    ("6133334444", "+556133334444", "Brasília landline, bare: no country has it"),
    # Brazilian numbers as owners type them.
    ("+55 (11) 98765-4321", "+5511987654321", "international, written out"),
    ("+55 55 99123-4567", "+5555991234567", "international, DDD 55"),
    ("(11) 98765-4321", "+5511987654321", "DDD in parentheses"),
    ("11 98765-4321", "+5511987654321", "DDD and a hyphen"),
    ("011 98765 4321", "+5511987654321", "trunk 0"),
    ("015 11 98765 4321", "+5511987654321", "trunk 0 and a carrier code"),
    ("(11) 8765-4321", "+5511987654321", "typed without the ninth digit"),
    ("11987654321", "+5511987654321", "bare national: +1 198… is no number"),
    ("1187654321", "+5511987654321", "bare national without the ninth digit"),
    ("(55) 99123-4567", "+5555991234567", "DDD 55 keeps its digits"),
    ("55 99123-4567", "+5555991234567", "DDD 55 keeps its digits without parentheses"),
    ("55991234567", "+5555991234567", "DDD 55, bare: +55 991… is no number"),
    ("(51) 98765-4321", "+5551987654321", "written out: Porto Alegre, not Peru"),
    ("51 98765-4321", "+5551987654321", "written out: Porto Alegre, not Peru"),
    ("0055 11 98765 4321", "+5511987654321", "international prefix 00"),
    # Other countries.
    ("14155552671", "+14155552671", "US id (once +5514155552671)"),
    ("+1 (415) 555-2671", "+14155552671", "US written out"),
    ("1 415 555 2671", "+14155552671", "US without +: no Brazilian number"),
    ("0021 1 415 555 2671", "+14155552671", "US dialled from Brazil with a carrier"),
    ("351912345678", "+351912345678", "Portuguese mobile id"),
    ("+351 912 345 678", "+351912345678", "Portuguese mobile written out"),
    ("5491123456789", "+5491123456789", "Argentine mobile id (54 9)"),
    ("+54 11 4321-4321", "+541143214321", "Buenos Aires landline"),
    ("51987654321", "+51987654321", "bare: a Peruvian mobile id, not Porto Alegre"),
    # Junk.
    ("", None, "empty"),
    ("abc", None, "letters"),
    ("123", None, "too short"),
    ("98765-4321", None, "a local number without its DDD"),
    ("tel: 11 98765-4321", None, "words around a number"),
    ("11 98765-4321 ramal 2", None, "an extension"),
    ("00000000000", None, "zeros"),
    ("+55", None, "a country code alone"),
    ("+999 1234 5678", None, "no such country code"),
    ("99999999999999999", None, "too long"),
]


@pytest.mark.parametrize(("raw", "e164", "why"), PHONES, ids=[row[0] or "empty" for row in PHONES])
def test_phone_reads_as_e164(raw: str, e164: str | None, why: str) -> None:
    assert to_e164(raw) == e164, why


@pytest.mark.parametrize("e164", sorted({row[1] for row in PHONES if row[1] is not None}))
def test_e164_reads_back_as_itself(e164: str) -> None:
    assert to_e164(e164) == e164


def test_brazilian_mobile_is_also_stored_without_its_ninth_digit() -> None:
    assert equivalent_phones("+5511987654321") == ("+5511987654321", "+551187654321")


def test_ddd_55_mobile_is_also_stored_without_its_ninth_digit() -> None:
    assert equivalent_phones("+5555991234567") == ("+5555991234567", "+555591234567")


def test_new_range_mobile_has_no_eight_digit_form() -> None:
    # Without its 9, `+551134567890` is a São Paulo landline: another line.
    assert equivalent_phones("+5511934567890") == ("+5511934567890",)


@pytest.mark.parametrize("e164", ["+551134567890", "+14155552671", "+351912345678"])
def test_landline_or_foreign_number_has_one_form(e164: str) -> None:
    assert equivalent_phones(e164) == (e164,)


def test_every_form_of_a_mobile_reads_as_its_nine_digit_form() -> None:
    phones = equivalent_phones("+5511987654321")
    assert {to_e164(phone) for phone in phones} == {"+5511987654321"}
