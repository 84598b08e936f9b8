"""Texts the salon's clients read on WhatsApp, in Brazilian Portuguese."""

from __future__ import annotations

from domain.models import AppointmentData


def format_brl(cents: int) -> str:
    """`R$ 1.234,50` with the non-breaking space Brazilian typography uses."""
    reais, centavos = divmod(cents, 100)
    thousands = f"{reais:,}".replace(",", ".")
    return f"R$\u00a0{thousands},{centavos:02d}"


def format_date_br(iso_date: str) -> str:
    year, month, day = iso_date.split("-")
    return f"{day}/{month}/{year}"


def booking_confirmation_text(data: AppointmentData, salon_name: str) -> str:
    first_name = data.client_name.split(" ")[0] if data.client_name else ""
    greeting = f"Olá, {first_name}!" if first_name else "Olá!"
    return (
        f"{greeting} Seu horário no {salon_name} está confirmado: "
        f"{data.service_name} com {data.professional_name} em "
        f"{format_date_br(data.date)} às {data.time}, valor {format_brl(data.final_price_cents)}. "
        "Até lá!"
    )
