"""Prompts for Gemini, reviewed like code. The model reads; our code books real slots.

The request carries the conversation's last turns, the salon's profile, the client's coming
bookings and open offer, so Gemini reads "sim", "o de amanhã" or "e aceita pix?" in context. Its
answer is validated (`LlmReading`) and the rule engine stays the fallback for every intent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.models import Professional, Service
from domain.salon_profile import (
    OpeningPeriod,
    SalonProfile,
    payment_text,
    week_hours_text,
)
from domain.whatsapp_texts import format_brl

HISTORY_TURNS = 10  # the conversation's last messages the prompt carries
AUTHORS = {"client": "cliente", "agent": "salão (assistente)", "owner": "salão (equipe)"}

SYSTEM_PROMPT = """\
Você é o atendimento virtual de um salão de beleza ou barbearia no Brasil e conversa com \
clientes pelo WhatsApp. Leia a última mensagem do cliente, no contexto da conversa, e \
responda SOMENTE com o JSON pedido:
- intent: "booking" (quer agendar um horário novo ou aceita um horário oferecido), "cancel" \
(quer cancelar um horário que já tem), "reschedule" (quer remarcar/mudar o dia ou a hora de \
um horário que já tem), "handoff" (pede para falar com uma pessoa, um atendente, o dono, a \
dona ou o gerente), "late" (avisa que vai atrasar, que está a caminho ou que chegou), \
"salon_info" (pergunta endereço, horário de funcionamento, formas de pagamento, \
estacionamento, política de cancelamento ou sobre o salão), "inquiry" (pergunta preço, \
duração ou como é um serviço), "complaint" (reclamação ou insatisfação), "hello" (só \
cumprimenta ou agradece) ou "unknown";
- reply: uma resposta curta (no máximo duas frases), simpática, em português do Brasil, sem \
markdown. Trate o cliente por "você" e pelo primeiro nome, sem presumir o gênero (nada de \
"bem-vinda", "querida", "atrasado(a)"); fale pelo salão como "nós" ou "a equipe". Nunca \
invente horários, preços, serviços nem fatos do salão: use só o que está no perfil e nas \
listas abaixo; se o perfil não disser o que o cliente pergunta, responda que vai confirmar \
com o salão. Em reclamações, peça desculpas e diga que a equipe vai entrar em contato, sem \
oferecer nada. Para cancelar ou remarcar, não confirme nada: o sistema pergunta e confirma;
- topics: o que o cliente pergunta sobre o salão, entre "address", "hours", "payment", \
"parking", "cancellation" e "about" (lista vazia se nada);
- notice: "late", "on_the_way" ou "arrived" quando o cliente avisa que vai atrasar, que está \
a caminho ou que chegou; minutes: os minutos de atraso ou de distância, quando ditos;
- service e professional: exatamente como escritos na lista, quando o cliente os mencionar;
- date (AAAA-MM-DD) e time (HH:MM, 24 h): quando o cliente quer ser atendido (ao remarcar, o \
novo dia e hora; ao cancelar, o dia e hora do horário que quer cancelar);
- opt_out: true se o cliente pedir para não receber mais mensagens (SAIR, PARAR, STOP…);
- agrees: true se o cliente aceitar o que o salão acabou de oferecer ou perguntar ("sim", \
"quero", "pode").
"""

TRANSCRIBE_PROMPT = """\
Transcreva este áudio de WhatsApp de um cliente de salão de beleza, em português do Brasil, \
exatamente como foi falado, sem resumir nem responder. Responda SOMENTE com o JSON pedido.
"""

PROMPT_TEMPLATE = """\
Salão: {salon}
Hoje: {today} ({weekday})
Perfil do salão:
{profile}
Dias em que o salão não abre: {closed}
Serviços: {services}
Profissionais: {professionals}
Horários marcados do cliente: {bookings}
Oferta de horário aguardando resposta do cliente: {offer}
Horários oferecidos ao cliente na última mensagem: {proposed}
Conversa até aqui (mais antiga primeiro):
{history}
Mensagem do cliente ({client}): {message}
"""

WEEKDAYS = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")


def profile_lines(profile: SalonProfile, hours: Sequence[OpeningPeriod]) -> str:
    """The profile as the prompt states it; a fact not given is said to be unknown."""
    unknown = "não informado (diga que vai confirmar com o salão)"
    payment = payment_text(profile)
    policy = profile.cancellation_policy
    if policy and profile.cancellation_window_h:
        policy = (
            f"{policy} (vale para cancelamentos com menos de {profile.cancellation_window_h} h)"
        )
    address = profile.address
    if address and profile.maps_url:
        address = f"{address} (mapa: {profile.maps_url})"
    facts = (
        ("Endereço", address),
        ("Horário de funcionamento", week_hours_text(hours) if hours else None),
        ("Pagamento", payment or None),
        ("Estacionamento", profile.parking),
        ("Política de cancelamento", policy),
        ("Sobre", profile.about),
    )
    return "\n".join(f"- {name}: {value or unknown}" for name, value in facts)


def history_lines(turns: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f"{AUTHORS.get(author, author)}: {words}" for author, words in turns) or (
        "(primeira mensagem)"
    )


def chat_prompt(
    *,
    salon: str,
    today: date,
    services: Sequence[Service],
    professionals: Sequence[Professional],
    proposed: Sequence[str],
    client: str,
    message: str,
    profile: str = "",
    bookings: Sequence[str] = (),
    offer: str | None = None,
    history: Sequence[tuple[str, str]] = (),
    closed: Sequence[date] = (),
) -> str:
    return PROMPT_TEMPLATE.format(
        salon=salon,
        today=today.isoformat(),
        weekday=WEEKDAYS[today.weekday()],
        profile=profile or "(não informado)",
        closed="; ".join(f"{WEEKDAYS[d.weekday()]} ({d:%d/%m})" for d in closed if d >= today)
        or "nenhum",
        services="; ".join(
            f"{s.name} ({format_brl(s.price_cents)}, {s.duration_min} min)" for s in services
        ),
        professionals=", ".join(p.name for p in professionals),
        bookings="; ".join(bookings) or "nenhum",
        offer=offer or "nenhuma",
        proposed="; ".join(proposed) or "nenhum",
        history=history_lines(history),
        client=client,
        message=message,
    )
