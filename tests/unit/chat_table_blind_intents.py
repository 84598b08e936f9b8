"""A blind set for the chat intents: written by someone who did not see the engine's rules,
never used to tune them; the test reports how many the engine reads right.
"""

from __future__ import annotations

from tests.unit.chat_case import Case

__all__ = ["BLIND_INTENTS"]

# One message a row; only intent, topics, notice and minutes are measured.
# fmt: off
BLIND_INTENTS: list[Case] = [
    # cancel
    Case(
        "oi boa tarde, vou precisar cancelar meu horario de amanha, surgiu um imprevisto no "
        "trabalho e nao tenho como sair",
        "cancel",
    ),
    Case("desmarca minha unha de sexta por favor", "cancel"),
    Case(
        "Olá! Infelizmente não vou conseguir ir sábado, pode cancelar? Obrigada pela compreensão",
        "cancel",
    ),
    Case("cancela o horario da minha filha q ela ta com febre", "cancel"),
    Case(
        "bom dia gente entao meu marido teve que viajar de ultima hora e eu fiquei sem ninguem "
        "pra ficar com as criancas entao hoje nao vai dar pode desmarcar meu horario",
        "cancel",
    ),
    Case("kero cancelar", "cancel"),
    Case(
        "preciso desmarcar a escova de amanha, voces cobram alguma taxa se cancelar em cima da "
        "hora?",
        "cancel", topics=("cancellation",),
    ),
    Case("cancelar agendamento de quinta 14h", "cancel"),
    Case("nao vou poder ir amanha nao, cancela pra mim pfv 🙏", "cancel"),
    Case(
        "Bom dia. Gostaria de solicitar o cancelamento do meu horário com o Marcos na "
        "sexta-feira.",
        "cancel",
    ),
    # reschedule
    Case("oi, da pra remarcar minha escova de amanha? nao vou conseguir", "reschedule"),
    Case("Preciso mudar meu horário de sexta pra segunda, tem como?", "reschedule"),
    Case("consigo passar meu corte pra semana que vem?", "reschedule"),
    Case(
        "gente surgiu uma reunião bem na hora da minha manicure, tem como trocar pra mais tarde?",
        "reschedule",
    ),
    Case("queria adiar a hidratacao pra outro dia", "reschedule"),
    Case(
        "oi amiga entao eu tinha marcado sabado de manha com a juliana mas meu filho tem "
        "apresentacao na escola bem nesse horario sera que consegue me passar pra tarde no "
        "mesmo dia",
        "reschedule",
    ),
    Case("Remarca pra quinta?", "reschedule"),
    Case("posso trocar o dia da minha sobrancelha? quarta nao da mais", "reschedule"),
    Case(
        "oi, preciso remarcar a pedicure de quinta, se nao tiver outro horario essa semana pode "
        "cancelar mesmo",
        "reschedule",
    ),
    Case("muda meu horario das 10 pras 11 pf", "reschedule"),
    # handoff
    Case("quero falar com uma atendente", "handoff"),
    Case("isso é robô? quero falar com gente de verdade", "handoff"),
    Case("Oi, pede pra Carol me ligar? é sobre um orçamento de noiva", "handoff"),
    Case("tem alguma pessoa ai pra me atender??", "handoff"),
    Case("preciso falar com a dona do salao", "handoff"),
    Case("me liga assim que puder por favor", "handoff"),
    Case(
        "nao to entendendo nada dessas mensagem automatica, tem um humano ai?",
        "handoff",
    ),
    Case("Boa tarde, gostaria de falar com o gerente.", "handoff"),
    Case("da pra alguem me ligar? prefiro resolver por telefone", "handoff"),
    Case(
        "to tentando marcar faz meia hora e esse robo nao entende nada, quero falar com alguem",
        "handoff",
    ),
    # late
    Case("oi to atrasada uns 10 min", "late", notice="late", minutes=10),
    Case(
        "Vou chegar uns 15 minutinhos atrasada, desculpa!! o transito ta horrivel",
        "late", notice="late", minutes=15,
    ),
    Case("ja to saindo de casa", "late", notice="on_the_way"),
    Case("cheguei", "late", notice="arrived"),
    Case(
        "gente vou atrasar meia horinha, ainda da pra fazer a escova?",
        "late", notice="late", minutes=30,
    ),
    Case("estou a caminho viu, ja ja chego", "late", notice="on_the_way"),
    Case(
        "o onibus quebrou vou me atrasar um pouquinho uns vinte minutos",
        "late", notice="late", minutes=20,
    ),
    Case("Bom dia, já estou aí na recepção", "late", notice="arrived"),
    Case("desculpa vou chegar atrasado, to preso no transito", "late", notice="late"),
    Case(
        "vou me atrasar uns 40 min, ainda consigo fazer ou perco o horario?",
        "late", notice="late", minutes=40,
    ),
    # salon_info
    Case("onde fica o salao?", "salon_info", topics=("address",)),
    Case("Vcs abrem domingo?", "salon_info", topics=("hours",)),
    Case("aceita pix?", "salon_info", topics=("payment",)),
    Case(
        "Oi! qual o endereço de vocês e até que horas funcionam hoje?",
        "salon_info", topics=("address", "hours"),
    ),
    Case("tem estacionamento ai perto? vou de carro", "salon_info", topics=("parking",)),
    Case("da pra parcelar no cartao?", "salon_info", topics=("payment",)),
    Case("se eu faltar voces cobram alguma coisa?", "salon_info", topics=("cancellation",)),
    Case("qual o insta de vcs? quero ver uns trabalhos", "salon_info", topics=("about",)),
    Case(
        "boa tarde voces funcionam no feriado e aceitam dinheiro",
        "salon_info", topics=("hours", "payment"),
    ),
    Case("como faço pra chegar ai saindo do metro", "salon_info", topics=("address",)),
    # the old intents, in the same casual style
    Case("tem horario pra barba hj?", "booking"),
    Case("qro fazer pé e mão sabado cedo da?", "booking"),
    Case("quanto ta a hidratacao?", "inquiry"),
    Case("quanto tempo demora pra fazer luzes?", "inquiry"),
    Case("obrigadaaa, ate sabado 😘", "hello"),
    Case("bom diaa", "hello"),
    Case(
        "fiz a coloracao semana passada e ja ta desbotando, to muito chateada",
        "complaint",
    ),
    Case(
        "quero falar com a gerente sobre o corte horrivel que fizeram no meu filho ontem",
        "complaint",
    ),
    Case("para de me mandar promoção por favor", "unknown", opt_out=True),
    Case(
        "quero cancelar essas mensagens de promocao, nao quero mais receber",
        "unknown", opt_out=True, negative=True,
    ),
]
# fmt: on
