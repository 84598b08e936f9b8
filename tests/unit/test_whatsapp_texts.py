"""What clients read: Brazilian money and dates."""

from __future__ import annotations

from domain.whatsapp_texts import format_brl, format_date_br


def test_money_has_brazilian_separators() -> None:
    assert format_brl(123450) == "R$\u00a01.234,50"


def test_small_amount_keeps_two_decimals() -> None:
    assert format_brl(4505) == "R$\u00a045,05"


def test_date_is_day_month_year() -> None:
    assert format_date_br("2026-03-10") == "10/03/2026"
