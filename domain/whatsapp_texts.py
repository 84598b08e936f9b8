"""Texts the salon's clients read on WhatsApp, in Brazilian Portuguese."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from domain.models import AppointmentData, Offer
from domain.whatsapp_templates import FALLBACK_NAME, TemplateCall, template_call


@dataclass(frozen=True)
class WhatsAppText:
    """A message's free text (inside the 24 h window) and its template call (outside it)."""

    text: str
    template: TemplateCall


# A salon's name takes the article of its first word's gender: "da Barbearia Rio Negro", "do
# Studio Bella". Brand names with no such noun take "o" (o salão is meant): "do Jacques Janine".
FEMININE_HEADS = frozenset(
    {"academia", "beleza", "casa", "clinica", "escola", "estetica", "loja", "oficina"}
)
FEMININE_ENDINGS = ("aria", "eria")  # barbearia, esmalteria, sobrancelharia


def _feminine(salon_name: str) -> bool:
    words = salon_name.strip().split()
    head = unicodedata.normalize("NFKD", words[0].lower()) if words else ""
    head = "".join(c for c in head if not unicodedata.combining(c))
    return head in FEMININE_HEADS or head.endswith(FEMININE_ENDINGS)


def of_salon(salon_name: str) -> str:
    """'da Barbearia Rio Negro', 'do Salão Bela Vista'."""
    return f"{'da' if _feminine(salon_name) else 'do'} {salon_name}"


def at_salon(salon_name: str) -> str:
    """'na Barbearia Rio Negro', 'no Salão Bela Vista'."""
    return f"{'na' if _feminine(salon_name) else 'no'} {salon_name}"


def format_brl(cents: int) -> str:
    """`R$ 1.234,50` with the non-breaking space Brazilian typography uses."""
    reais, centavos = divmod(cents, 100)
    thousands = f"{reais:,}".replace(",", ".")
    return f"R$\u00a0{thousands},{centavos:02d}"


def format_date_br(iso_date: str) -> str:
    year, month, day = iso_date.split("-")
    return f"{day}/{month}/{year}"


def first_name_of(client_name: str) -> str:
    return client_name.split(" ")[0] if client_name.strip() else ""


def booking_confirmation_text(data: AppointmentData, salon_name: str) -> WhatsAppText:
    first_name = first_name_of(data.client_name)
    greeting = f"Olá, {first_name}!" if first_name else "Olá!"
    date, price = format_date_br(data.date), format_brl(data.final_price_cents)
    return WhatsAppText(
        f"{greeting} Seu horário {at_salon(salon_name)} está confirmado: "
        f"{data.service_name} com {data.professional_name} em {date} às {data.time},"
        f" valor {price}. Até lá!",
        template_call(
            "booking_confirmed",
            first_name=first_name or FALLBACK_NAME,
            at_salon=at_salon(salon_name),
            service=data.service_name,
            professional=data.professional_name,
            date=date,
            time=data.time,
            price=price,
            salon=salon_name,
        ),
    )


WEEKDAYS_PT = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")


def offer_phrase(price_cents: int, final_price_cents: int, offer: Offer | None) -> str:
    """'por R$ 50,00', 'com 20% de desconto: de R$ 50,00 por R$ 40,00'."""
    if offer is None or final_price_cents >= price_cents:
        return f"por {format_brl(price_cents)}"
    if offer.type == "percent":
        return (
            f"com {offer.value}% de desconto: de {format_brl(price_cents)} por "
            f"{format_brl(final_price_cents)}"
        )
    discount = format_brl(price_cents - final_price_cents)
    return f"com {discount} de desconto: {format_brl(final_price_cents)}"


def campaign_offer_text(
    data: AppointmentData, *, salon_name: str, campaign: str, last_visit_date: str | None
) -> WhatsAppText:
    """The WhatsApp offer of a campaign suggestion: the real slot, the price, how to answer."""
    first_name = first_name_of(data.client_name)
    greeting = f"Oi, {first_name}!" if first_name else "Oi!"
    weekday = WEEKDAYS_PT[datetime.fromisoformat(data.date).weekday()]
    when = f"{weekday}, {format_date_br(data.date)[:5]}, às {data.time}"
    price = offer_phrase(data.price_cents, data.final_price_cents, data.offer)
    values = {
        "first_name": first_name or FALLBACK_NAME,
        "service": data.service_name,
        "professional": data.professional_name,
        "when": when,
        "offer": price,
        "salon": salon_name,
    }
    if campaign == "prazo_certo":
        since = (
            f" (a última visita foi em {format_date_br(last_visit_date)})"
            if last_visit_date
            else ""
        )
        opening = f"{greeting} Está na hora de agendar {data.service_name} de novo{since}."
        slot = f" {data.professional_name} tem um horário {when} {price}."
        template = template_call("prazo_certo_offer", **values)
    else:
        opening = f"{greeting} Abriu um horário {at_salon(salon_name)}:"
        slot = f" {data.service_name} com {data.professional_name} {when} {price}."
        template = template_call("encher_agenda_offer", at_salon=at_salon(salon_name), **values)
    return WhatsAppText(
        f"{opening}{slot} Responda SIM para pedir esse horário ou SAIR para não receber mais"
        " ofertas.",
        template,
    )


def _greeting(client_name: str) -> str:
    first_name = first_name_of(client_name)
    return f"Olá, {first_name}!" if first_name else "Olá!"


def _first(client_name: str) -> str:
    return first_name_of(client_name) or FALLBACK_NAME


def appointment_cancelled_text(
    *,
    client_name: str,
    service_name: str,
    professional_name: str,
    date: str,
    time: str,
    salon_name: str,
    alternatives: str = "",
) -> WhatsAppText:
    """The salon cancelled a booking (the owner's reason stays with the salon)."""
    next_step = alternatives or "Se quiser marcar outro horário, é só responder por aqui."
    return WhatsAppText(
        f"{_greeting(client_name)} Seu horário de {service_name} com {professional_name} em"
        f" {format_date_br(date)} às {time} foi cancelado pelo salão. {next_step}",
        template_call(
            "appointment_cancelled",
            first_name=_first(client_name),
            service=service_name,
            professional=professional_name,
            date=format_date_br(date),
            time=time,
            next_step=next_step,
            salon=salon_name,
        ),
    )


def appointment_moved_text(
    *,
    client_name: str,
    service_name: str,
    professional_name: str,
    date: str,
    time: str,
    salon_name: str,
) -> WhatsAppText:
    """The salon moved a booking."""
    return WhatsAppText(
        f"{_greeting(client_name)} Seu horário de {service_name} foi remarcado para"
        f" {format_date_br(date)} às {time} com {professional_name}. Se não puder nesse horário,"
        " é só responder por aqui.",
        template_call(
            "appointment_moved",
            first_name=_first(client_name),
            service=service_name,
            date=format_date_br(date),
            time=time,
            professional=professional_name,
            salon=salon_name,
        ),
    )


def reschedule_approved_text(
    *,
    client_name: str,
    service_name: str,
    professional_name: str,
    date: str,
    time: str,
    salon_name: str,
) -> WhatsAppText:
    """The salon approved the new time the client picked for their booking."""
    return WhatsAppText(
        f"{_greeting(client_name)} Tudo certo: seu horário de {service_name} agora é"
        f" {format_date_br(date)} às {time} com {professional_name}. Até lá!",
        template_call(
            "reschedule_approved",
            first_name=_first(client_name),
            service=service_name,
            date=format_date_br(date),
            time=time,
            professional=professional_name,
            salon=salon_name,
        ),
    )


def _about(data: AppointmentData, salon_name: str, next_step: str) -> dict[str, str]:
    return {
        "first_name": _first(data.client_name),
        "service": data.service_name,
        "date": format_date_br(data.date),
        "time": data.time,
        "next_step": next_step,
        "salon": salon_name,
    }


def booking_rejected_text(
    data: AppointmentData, alternatives: str = "", *, salon_name: str
) -> WhatsAppText:
    """The salon could not take a booking the client asked for (`alternatives`: other open
    slots, as `chat_agent.alternatives_phrase` words them)."""
    next_step = alternatives or "Se quiser, me diga outro dia ou horário e eu procuro para você."
    return WhatsAppText(
        f"{_greeting(data.client_name)} O salão não conseguiu confirmar {data.service_name} em"
        f" {format_date_br(data.date)} às {data.time}. {next_step}",
        template_call("booking_rejected", **_about(data, salon_name, next_step)),
    )


def reschedule_rejected_text(
    data: AppointmentData, alternatives: str = "", *, salon_name: str
) -> WhatsAppText:
    """The salon could not move a booking to the time the client picked: the booking stays."""
    next_step = alternatives or "Se quiser tentar outro dia ou horário, é só me dizer."
    return WhatsAppText(
        f"{_greeting(data.client_name)} O salão não conseguiu passar seu horário de"
        f" {data.service_name} para {format_date_br(data.date)} às {data.time}; seu horário atual"
        f" continua marcado. {next_step}",
        template_call("reschedule_rejected", **_about(data, salon_name, next_step)),
    )


def offer_filled_text(
    data: AppointmentData, alternatives: str = "", *, salon_name: str
) -> WhatsAppText:
    """A time the client said yes to was taken by another booking first."""
    next_step = alternatives or "Se quiser outro horário, me diga o dia e eu procuro para você."
    return WhatsAppText(
        f"{_greeting(data.client_name)} O horário de {data.service_name} em"
        f" {format_date_br(data.date)} às {data.time} com {data.professional_name} acabou de ser"
        f" preenchido. {next_step}",
        template_call(
            "offer_filled",
            professional=data.professional_name,
            **_about(data, salon_name, next_step),
        ),
    )


def reminder_text(
    client_name: str, service_name: str, when: str, *, salon_name: str
) -> WhatsAppText:
    """A reminder before a booking (`when`: "amanhã (06/12) às 15:00 com Carol")."""
    return WhatsAppText(
        f"{_greeting(client_name)} Lembrete {of_salon(salon_name)}: seu horário de {service_name}"
        f" é {when}. Responda CONFIRMO para confirmar, CANCELAR se não puder vir ou REMARCAR para"
        " mudar o horário.",
        template_call(
            "reminder",
            first_name=_first(client_name),
            of_salon=of_salon(salon_name),
            service=service_name,
            when=when,
            salon=salon_name,
        ),
    )


def salon_message_text(text: str, *, client_name: str, salon_name: str) -> WhatsAppText:
    """A message the salon writes (the owner, or the agent's reply): free text in the window,
    outside it a template that carries it and invites the client to answer."""
    return WhatsAppText(
        text,
        template_call(
            "salon_message",
            first_name=_first(client_name),
            of_salon=of_salon(salon_name),
            message=text,
            salon=salon_name,
        ),
    )
