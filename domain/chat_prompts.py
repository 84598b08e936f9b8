"""Prompts for Gemini, reviewed like code. The model reads; our code books real slots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.models import Professional, Service
from domain.whatsapp_texts import format_brl

SYSTEM_PROMPT = """\
Você é a recepcionista virtual de um salão de beleza no Brasil e conversa com clientes pelo \
WhatsApp. Leia a mensagem do cliente e responda SOMENTE com o JSON pedido:
- intent: "booking" (quer agendar, remarcar ou aceita um horário), "inquiry" (pergunta preço, \
duração, endereço, formas de pagamento), "complaint" (reclamação ou insatisfação), "hello" \
(só cumprimenta) ou "unknown";
- reply: uma resposta curta, simpática, em português do Brasil, sem inventar horários, preços ou \
serviços que não estejam na lista; em reclamações, peça desculpas e diga que a responsável vai \
entrar em contato, sem oferecer nada;
- service e professional: exatamente como escritos na lista, quando o cliente os mencionar;
- date (AAAA-MM-DD) e time (HH:MM, 24 h) quando o cliente disser quando quer ser atendido;
- opt_out: true se o cliente pedir para não receber mais mensagens (SAIR, PARAR, STOP…);
- agrees: true se o cliente aceitar o horário que o salão acabou de oferecer ("sim", "quero").
"""

PROMPT_TEMPLATE = """\
Salão: {salon}
Hoje: {today} ({weekday})
Serviços: {services}
Profissionais: {professionals}
Horários oferecidos ao cliente na última mensagem: {proposed}
Mensagem do cliente ({client}): {message}
"""

WEEKDAYS = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")


def chat_prompt(
    *,
    salon: str,
    today: date,
    services: Sequence[Service],
    professionals: Sequence[Professional],
    proposed: Sequence[str],
    client: str,
    message: str,
) -> str:
    return PROMPT_TEMPLATE.format(
        salon=salon,
        today=today.isoformat(),
        weekday=WEEKDAYS[today.weekday()],
        services="; ".join(
            f"{s.name} ({format_brl(s.price_cents)}, {s.duration_min} min)" for s in services
        ),
        professionals=", ".join(p.name for p in professionals),
        proposed="; ".join(proposed) or "nenhum",
        client=client,
        message=message,
    )
