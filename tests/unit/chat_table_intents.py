"""Client messages for the engine's new intents: cancel, reschedule, handoff, late, salon_info.

The salon is the one `test_chat_rules` builds; `today` is Wednesday 2026-03-11. Every expectation
is written by hand from the labelling rules, never taken from the engine: besides the fields of
`chat_table`, the topics a question asks about the salon (in the order asked) and what a client
tells about arriving (late, on the way, arrived; the minutes when said). A field left out is None.
"""

from __future__ import annotations

from tests.unit.chat_case import Case, T, apr, mar

__all__ = ["INTENTS_TABLE"]

# One message a row, its expectations beside it: the rows stay as written.
# fmt: off
# Cancelling one's own coming booking; the day, time, service and person of that booking are read.
CANCEL = [
    Case("oi, preciso cancelar meu horario de sexta", "cancel", day=mar(13)),
    Case("CANCELAR", "cancel"),
    Case(
        "Bom dia, não vou poder ir amanhã, cancela pra mim por favor",
        "cancel", day=mar(12), negative=True,
    ),
    Case("quero desmarcar a escova de sábado", "cancel", "escova", day=mar(14)),
    Case(
        "cancela minha manicure com a Carol de amanhã às 10h",
        "cancel", "manicure", "carol", mar(12), T(10),
    ),
    Case(
        "oii tudo bem? surgiu um imprevisto aqui e vou ter que cancelar hj 😔",
        "cancel", day=mar(11),
    ),
    Case(
        "Boa tarde, gostaria de desmarcar o horário do meu filho, ele ia cortar o cabelo quinta",
        "cancel", "corte_m", day=mar(12),
    ),
    Case("pode cancelar o de amanha", "cancel", day=mar(12)),
    Case("desmarca minha hidratação por favor, fiquei doente", "cancel", "hidratacao"),
    Case(
        "Olá! Infelizmente preciso cancelar a coloração do dia 20",
        "cancel", "coloracao", day=mar(20),
    ),
    Case("cancela ai o corte e a barba de terça valeu", "cancel", "corte_m", day=mar(17)),
    Case(
        "nao vou conseguir ir mais, pode desmarcar minha sobrancelha",
        "cancel", "sobrancelha", negative=True,
    ),
    Case("Cancelar agendamento", "cancel"),
    Case(
        "meu horario com a juliana amanha 14h30, preciso cancelar, desculpa",
        "cancel", professional="juliana", day=mar(12), at=T(14, 30),
    ),
    Case(
        "oi aqui é a Carol, quero cancelar minha escova de sexta", "cancel", "escova", day=mar(13)
    ),
    Case("CANCELA MEU HORÁRIO DE QUINTA POR FAVOR", "cancel", day=mar(12)),
    Case(
        "então é que minha filha ficou doente então não vou poder levar ela amanhã cancela por "
        "favor",
        "cancel", day=mar(12), negative=True,
    ),
    Case("desmarca o pé e mão de sabado pra mim", "cancel", "pedicure", day=mar(14)),
    Case("vou ter q cancelar as luzes do dia 3, mil desculpas", "cancel", "luzes", day=apr(3)),
    Case(
        "Preciso desmarcar meu horário das 4 da tarde de hoje",
        "cancel", day=mar(11), at=T(16), part="tarde",
    ),
    Case("oi moça cancela meu horario com o Marcos pfv", "cancel", professional="marcos"),
    Case("não vou mais, pode cancelar", "cancel", negative=True),
    Case("amiga desmarca minha unha de amanha que vou viajar", "cancel", "manicure", day=mar(12)),
    Case(
        "Boa noite! Gostaria de cancelar o atendimento marcado para segunda-feira às 9h",
        "cancel", day=mar(16), at=T(9),
    ),
    Case("cancela pra mim 🙏 hj nao vai dar", "cancel", day=mar(11), negative=True),
    Case(
        "vixe vou ter que desmarcar com o Rafa amanhã",
        "cancel", professional="rafael", day=mar(12),
    ),
]

# Moving one's own booking: day, time and part of the day are the new ones asked for.
RESCHEDULE = [
    Case("REMARCAR", "reschedule"),
    Case(
        "oi, preciso remarcar minha escova de amanhã pra sábado",
        "reschedule", "escova", day=mar(14),
    ),
    Case("da pra passar meu horario pra sexta?", "reschedule", day=mar(13)),
    Case("Consigo mudar o horário de quinta pra mais tarde?", "reschedule", day=mar(12)),
    Case(
        "quero trocar o dia da minha manicure, pode ser segunda?",
        "reschedule", "manicure", day=mar(16), affirmative=True,
    ),
    Case("tem como adiar meu corte pra semana que vem?", "reschedule", "corte_f"),
    Case(
        "Bom dia! Preciso mudar meu horário das 14h pras 16h hoje",
        "reschedule", day=mar(11), at=T(16),
    ),
    Case(
        "nao vou conseguir ir amanha de manha, consigo trocar pra tarde?",
        "reschedule", day=mar(12), part="tarde", negative=True,
    ),
    Case(
        "remarca minha hidratação pro dia 19 às 15h por favor",
        "reschedule", "hidratacao", day=mar(19), at=T(15),
    ),
    Case(
        "oii será que dá pra trocar meu horário com a Juliana pra quarta que vem?",
        "reschedule", professional="juliana", day=mar(18),
    ),
    Case("vou precisar remarcar, surgiu uma reunião no trabalho", "reschedule"),
    Case(
        "queria mudar minha sobrancelha de sexta pra terça",
        "reschedule", "sobrancelha", day=mar(17),
    ),
    Case(
        "então tipo assim eu marquei pra sábado mas vou ter que mudar pra domingo se tiver",
        "reschedule", day=mar(15),
    ),
    Case("Dá pra passar minha escova das 10 pras 11?", "reschedule", "escova", at=T(11)),
    Case(
        "preciso adiar minhas luzes uma semana, pode ser dia 25?",
        "reschedule", "luzes", day=mar(25), affirmative=True,
    ),
    Case(
        "Oi Rafael, tem como mudar meu corte e barba de amanhã pra depois de amanhã?",
        "reschedule", "corte_m", "rafael", mar(13),
    ),
    Case("trocar horario p mais tarde hj, tipo umas 18h", "reschedule", day=mar(11), at=T(18)),
    Case("Dá pra jogar minha coloração mais pro fim do mês?", "reschedule", "coloracao"),
    Case(
        "oi td bem, eu tinha marcado corte feminino sexta 15h, consigo passar pra sexta 17h?",
        "reschedule", "corte_f", day=mar(13), at=T(17),
    ),
    Case("posso trocar a manicure pra de noite?", "reschedule", "manicure", part="noite"),
    Case(
        "Preciso reagendar meu horário, qual o próximo livre com a Carol?",
        "reschedule", professional="carol",
    ),
    Case("mudar meu horario de terça pra quinta 9h pfv", "reschedule", day=mar(12), at=T(9)),
    Case(
        "ai gente esqueci que tenho médico amanhã, dá pra remarcar minha escova pra sexta à "
        "tarde?",
        "reschedule", "escova", day=mar(13), part="tarde",
    ),
    Case("preciso remarcar o horario de amanhã", "reschedule", day=mar(12)),
    Case(
        "é que eu marquei mas não vou conseguir ir, dá pra trocar o dia?",
        "reschedule", negative=True,
    ),
]

# Asking for a person of the salon (a named professional is read as usual).
HANDOFF = [
    Case("quero falar com uma atendente por favor", "handoff"),
    Case("tem alguém aí de verdade ou é só robô?", "handoff"),
    Case("vc é robo?", "handoff"),
    Case("Quero falar com a dona do salão", "handoff"),
    Case("me liga por favor, é mais fácil", "handoff"),
    Case("chama alguém aí pra falar comigo", "handoff"),
    Case("gostaria de falar com o gerente", "handoff"),
    Case("posso falar com uma pessoa de verdade?", "handoff"),
    Case("ATENDENTE", "handoff"),
    Case("oi boa tarde, tem como uma pessoa me responder? prefiro falar com gente", "handoff"),
    Case("passa pra recepção por favor", "handoff"),
    Case("alguém humano pode me atender?", "handoff"),
    Case(
        "Preciso falar com a Juliana direto, pede pra ela me chamar aqui",
        "handoff", professional="juliana",
    ),
    Case("to falando com robo ne kkkk chama uma moça ai", "handoff"),
    Case("vcs tem um telefone pra eu ligar? queria falar com alguém", "handoff"),
    Case("me passa pra alguém de verdade pfv", "handoff"),
    Case("Olá, quero falar com o responsável pelo salão", "handoff"),
    Case("é bot? preciso de uma pessoa pra resolver uma coisa", "handoff"),
    Case("Oi, a Carol pode me ligar quando der?", "handoff", professional="carol"),
    Case(
        "então eu queria falar com alguém da recepção é que é um assunto meio pessoal", "handoff"
    ),
    Case("me chama no privado alguém do salão, é urgente", "handoff"),
    Case("atendimento humano", "handoff"),
    Case("quem ta respondendo é gente ou maquina?", "handoff"),
    Case("quero falar com o Marcos, ele tá aí?", "handoff", professional="marcos"),
]

# Running late, on the way, arrived; minutes only when said.
LATE = [
    Case("vou atrasar uns 15 min desculpa 🙏", "late", notice="late", minutes=15),
    Case(
        "to atrasada meia hora, ainda consigo ser atendida?", "late", notice="late", minutes=30
    ),
    Case(
        "Oi, marquei com a Carol às 10h e vou chegar uns 20 minutos atrasada",
        "late", professional="carol", at=T(10), notice="late", minutes=20,
    ),
    Case("chego 10 min depois, trânsito parado aqui", "late", notice="late", minutes=10),
    Case("MOÇA VOU ATRASAR 5 MINUTINHOS", "late", notice="late", minutes=5),
    Case(
        "to presa no transito, acho que atraso uns 25 min pra escova",
        "late", "escova", notice="late", minutes=25,
    ),
    Case(
        "vou me atrasar uma meia horinha, avisa o Rafael por favor",
        "late", professional="rafael", notice="late", minutes=30,
    ),
    Case(
        "meu horario é 15h mas vou atrasar uns 40 minutos, tudo bem?",
        "late", at=T(15), notice="late", minutes=40,
    ),
    Case(
        "oi aqui é a Juliana cliente de vcs vou atrasar uns 10 minutos",
        "late", notice="late", minutes=10,
    ),
    Case("bah guria vou chegar uns 20 min atrasada", "late", notice="late", minutes=20),
    Case("vou me atrasar um pouquinho, desculpa", "late", notice="late"),
    Case("to super atrasada hj desculpa 😩", "late", day=mar(11), notice="late"),
    Case(
        "Boa tarde, vou chegar um pouco atrasada na manicure de hoje",
        "late", "manicure", day=mar(11), notice="late",
    ),
    Case("então é que o ônibus quebrou vou atrasar", "late", notice="late"),
    Case("atrasei, ainda posso ir?", "late", notice="late"),
    Case("to a caminho!", "late", notice="on_the_way"),
    Case("saindo de casa agora 🏃‍♀️", "late", day=mar(11), notice="on_the_way"),
    Case("to chegando aí", "late", notice="on_the_way"),
    Case("já to no uber, chego em uns 10 min", "late", notice="on_the_way", minutes=10),
    Case(
        "Oi Juliana, estou a caminho, chego em 5 minutos",
        "late", professional="juliana", notice="on_the_way", minutes=5,
    ),
    Case("tô indo pra aí, 15 minutinhos e to ai", "late", notice="on_the_way", minutes=15),
    Case(
        "acabei de sair do trabalho, to indo pra minha escova das 18h",
        "late", "escova", at=T(18), notice="on_the_way",
    ),
    Case("ja ja to ai", "late", notice="on_the_way"),
    Case("cheguei viu, to aguardando", "late", notice="arrived"),
    Case("to aqui na porta, pode abrir?", "late", notice="arrived"),
    Case(
        "Já estou aí na recepção, aguardo a Carol",
        "late", professional="carol", notice="arrived",
    ),
    Case("cheguei! desculpa os 15 min de atraso", "late", notice="arrived", minutes=15),
    Case("oi to aqui embaixo no prédio", "late", notice="arrived"),
    Case("acabei de chegar pro meu horário das 2", "late", at=T(14), notice="arrived"),
    Case("oxe, cheguei aqui e to sentada na frente", "late", notice="arrived"),
]

# Questions about the salon itself; topics in the order asked, other fields read as usual.
SALON_INFO = [
    Case("qual o endereço do salão?", "salon_info", topics=("address",)),
    Case(
        "vcs ficam em qual bairro? da pra estacionar na rua?",
        "salon_info", topics=("address", "parking"),
    ),
    Case("que horas vcs abrem amanha?", "salon_info", day=mar(12), topics=("hours",)),
    Case("vcs abrem sabado e domingo?", "salon_info", day=mar(14), topics=("hours",)),
    Case("PIX vcs aceitam?", "salon_info", topics=("payment",)),
    Case("da pra parcelar em 3x no cartão?", "salon_info", topics=("payment",)),
    Case("qual a política de cancelamento de vocês?", "salon_info", topics=("cancellation",)),
    Case("se eu faltar vcs cobram alguma coisa?", "salon_info", topics=("cancellation",)),
    Case("me fala um pouco do salão, vcs são novos aí?", "salon_info", topics=("about",)),
    Case("há quanto tempo vocês existem?", "salon_info", topics=("about",)),
    Case("tem site ou insta pra ver os trabalhos?", "salon_info", topics=("about",)),
    Case(
        "qual a rua de vcs e até que horas ficam abertos hj?",
        "salon_info", day=mar(11), topics=("address", "hours"),
    ),
    Case("Aceitam débito ou só dinheiro?", "salon_info", topics=("payment",)),
    Case("como chego aí saindo do metrô?", "salon_info", topics=("address",)),
    Case("tem algum ponto de referência perto?", "salon_info", topics=("address",)),
    Case("Qual o horário de funcionamento no feriado?", "salon_info", topics=("hours",)),
    Case("vcs fecham pra almoço?", "salon_info", topics=("hours",)),
    Case("onde deixo o carro quando for ai?", "salon_info", topics=("parking",)),
    Case("cobra taxa de cancelamento?", "salon_info", topics=("cancellation",)),
    Case("manda a localização pfv 📍", "salon_info", topics=("address",)),
    Case(
        "Boa tarde! Quais as formas de pagamento e vocês tem estacionamento próprio?",
        "salon_info", topics=("payment", "parking"),
    ),
    Case("abre segunda? e aceita pix?", "salon_info", day=mar(16), topics=("hours", "payment")),
    Case("ESTACIONAMENTO É PAGO?", "salon_info", topics=("parking",)),
    Case("oi, vi vcs no insta, desde quando o salão existe?", "salon_info", topics=("about",)),
    Case(
        "qual endereço e quais as formas de pagamento?",
        "salon_info", topics=("address", "payment"),
    ),
    Case(
        "vcs atendem até que horas na sexta? e onde fica?",
        "salon_info", day=mar(13), topics=("hours", "address"),
    ),
    Case(
        "Me fala sobre o salão e como funciona o cancelamento",
        "salon_info", topics=("about", "cancellation"),
    ),
    Case(
        "oi então eu queria saber vírgula vocês aceitam cartão de crédito ou só pix",
        "salon_info", topics=("payment",),
    ),
    Case("uai sô, vcs abrem domingo? 🙏", "salon_info", day=mar(15), topics=("hours",)),
]

# Mixed messages decided by precedence: complaint > handoff > reschedule > cancel > late >
# booking > salon_info > inquiry > hello > unknown; topics, notice and flags are read whatever
# wins.
MIXES = [
    Case(
        "a manicure tirou um bife do meu dedo, quero falar com a gerente", "complaint", "manicure"
    ),
    Case(
        "fiquei super insatisfeita com a escova de ontem, me passa pra uma pessoa de verdade",
        "complaint", "escova",
    ),
    Case("quero falar com alguém pra cancelar meu horario", "handoff"),
    Case("queria remarcar mas prefiro falar com uma pessoa, me liga?", "handoff"),
    Case(
        "vou atrasar uns 40 min, melhor remarcar pra amanhã?",
        "reschedule", day=mar(12), notice="late", minutes=40,
    ),
    Case(
        "to atrasada, consegue passar meu horario pras 17h?",
        "reschedule", at=T(17), notice="late",
    ),
    Case("cancela o de quinta e marca pra sábado", "reschedule", day=mar(14)),
    Case(
        "quero desmarcar minha escova de amanha, vai ter taxa?",
        "cancel", "escova", day=mar(12), topics=("cancellation",),
    ),
    Case("tem multa se eu desmarcar em cima da hora?", "salon_info", topics=("cancellation",)),
    Case("cancela essas mensagens de promoção pfv", "unknown", opt_out=True),
    Case(
        "cancela meu horario de sexta e para de me mandar promoção tb",
        "cancel", day=mar(13), opt_out=True,
    ),
    Case(
        "to chegando, onde deixo o carro?",
        "late", notice="on_the_way", topics=("parking",),
    ),
    Case(
        "quero marcar escova sexta de manha, aceita pix?",
        "booking", "escova", day=mar(13), part="manha", topics=("payment",),
    ),
    Case(
        "tem vaga amanhã à tarde? e vaga pro carro, tem?",
        "booking", day=mar(12), part="tarde", topics=("parking",),
    ),
    Case("tem vaga pra estacionar na rua de vcs?", "salon_info", topics=("parking",)),
    Case("qual horário vcs abrem no domingo?", "salon_info", day=mar(15), topics=("hours",)),
    Case(
        "vcs abrem que horas sabado? queria marcar uma hidratação",
        "booking", "hidratacao", day=mar(14), topics=("hours",),
    ),
    Case(
        "quanto ta a escova? aceita cartão?", "salon_info", "escova", topics=("payment",)
    ),
]

INTENTS_TABLE: list[Case] = CANCEL + RESCHEDULE + HANDOFF + LATE + SALON_INFO + MIXES
# fmt: on
