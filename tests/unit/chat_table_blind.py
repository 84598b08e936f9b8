"""Harder client messages for the rule engine, written before it first ran on them."""

from __future__ import annotations

from tests.unit.chat_case import Case, T, mar

# fmt: off
# Harder samples (run-on, several questions, stories around the request), each written before
# the engine first ran on it; the engine was then fixed, never the expectations.
MORE = [
    Case(
        "boa tarde moça tudo bem com vc? queria saber se amanha vcs tem horario pra fazer escova "
        "e unha pq tenho um casamento sabado",
        "booking", "escova", day=mar(12),
    ),
    Case(
        "Oii! Tem como encaixar uma hidratação + escova pra hoje ainda? Chego aí umas 5",
        "booking", "hidratacao", day=mar(11), at=T(17),
    ),
    Case("vcs atendem de domingo?", "salon_info", day=mar(15), topics=("hours",)),
    Case("Boa noite! Vcs ainda estão atendendo?", "salon_info", topics=("hours",)),
    Case(
        "quero fazer o pé com a juliana quinta feira as 10:00",
        "booking", "pedicure", "juliana", mar(12), T(10),
    ),
    Case(
        "Quero marcar pra mim e pra minha filha, corte nas duas, sábado de manhã",
        "booking", "corte_f", day=mar(14), part="manha",
    ),
    Case(
        "me vê um horário pro meu esposo cortar o cabelo e fazer a barba amanhã depois das 17",
        "booking", "corte_m", day=mar(12), part="tarde",
    ),
    Case("tem horario pras 14h amanha?", "booking", day=mar(12), at=T(14)),
    Case(
        "Ola bom dia gostaria de saber o valor da escova e se tem horario hj",
        "booking", "escova", day=mar(11),
    ),
    Case("Oi td bem? Quanto tá o corte masculino e a barba?", "inquiry", "corte_m"),
    Case("a Carol vai estar ai amanha?", "booking", professional="carol", day=mar(12)),
    Case("manicure sábado 10h tem?", "booking", "manicure", day=mar(14), at=T(10)),
    Case("Bom dia! Gostaria de cancelar meu horário de amanhã", "cancel", day=mar(12)),
    Case("Oi! Vi no insta a promo de luzes, como funciona?", "inquiry", "luzes"),
    Case("vcs fazem unha de gel?", "inquiry", "manicure"),
    Case("quero cortar franja só, é rapidinho, dá pra hj?", "booking", "corte_f", day=mar(11)),
    Case(
        "Sábado às 16h tá bom pra mim", "booking", day=mar(14), at=T(16), affirmative=True
    ),
    Case("Pode ser com o Rafael então", "booking", professional="rafael", affirmative=True),
    Case("não gostei do atendimento da recepcionista, muito grossa", "complaint"),
    Case("meu cabelo ficou horrível, quero falar com o dono", "complaint"),
    Case(
        "Oi, marquei com a Juliana às 14h mas vou atrasar uns 15 min, tudo bem?",
        "late", professional="juliana", at=T(14), notice="late", minutes=15,
    ),
    Case("amanha 9h ou 10h, qualquer um", "booking", day=mar(12), at=T(9)),
    Case(
        "Bom dia, tem horário hoje pra sobrancelha? Se possível no horário de almoço",
        "booking", "sobrancelha", day=mar(11),
    ),
    Case("Quero agendar uma coloração, qual o primeiro horário livre?", "booking", "coloracao"),
    Case(
        "tem vaga amanhã à tarde com o Marcos pra corte masculino?",
        "booking", "corte_m", "marcos", mar(12), part="tarde",
    ),
    Case(
        "vcs tem horario sabado a tarde? seria para luzes e corte",
        "booking", "luzes", day=mar(14), part="tarde",
    ),
    Case("Amanhã às 10h fica bom?", "booking", day=mar(12), at=T(10)),
    Case(
        "oi querida, pode me encaixar hoje pra fazer a mão? qualquer horário",
        "booking", "manicure", day=mar(11),
    ),
    Case("Preciso retocar a raiz urgente 😩 essa semana ainda", "booking", "coloracao"),
    Case(
        "Quanto custa pé e mão? E vcs tem horário na sexta?", "booking", "pedicure", day=mar(13)
    ),
    Case(
        "Não vou conseguir ir amanhã, pode remarcar pra segunda?",
        "reschedule", day=mar(16), negative=True,
    ),
    Case("Obrigadaaa! Até sábado 😘", "hello", day=mar(14)),
    Case("ok obrigada, até amanhã então", "hello", day=mar(12), affirmative=True),
    Case(
        "corte + barba c/ o Marcos sab 9h", "booking", "corte_m", "marcos", mar(14), T(9)
    ),
    Case("qual a diferença de luzes pra mechas?", "inquiry", "luzes"),
    Case("Fiz luzes semana passada e já desbotou 😡", "complaint", "luzes"),
    Case("Oi, a Juliana faz progressiva?", "inquiry", professional="juliana"),
    Case(
        "gostaria de agendar uma sessão de hidratação para dia 16/03 as 18:30",
        "booking", "hidratacao", day=mar(16), at=T(18, 30),
    ),
    Case(
        "Moça, pode ser amanhã 11h com quem tiver disponível",
        "booking", day=mar(12), at=T(11), affirmative=True,
    ),
    Case(
        "Tenho uma festa sexta à noite, queria fazer escova antes, tem como na sexta de tarde?",
        "booking", "escova", day=mar(13), part="tarde",
    ),
    Case("pode ser na terça-feira às 15:00?", "booking", day=mar(17), at=T(15), affirmative=True),
    Case(
        "vc consegue me encaixar amanha cedinho? tipo 8h",
        "booking", day=mar(12), at=T(8), part="manha",
    ),
    Case("qto custa a escova e hidratacao junto?", "inquiry", "escova"),
    Case("Oi tudo bem! Eu queria saber se vocês fazem corte infantil", "inquiry", "corte_f"),
    Case(
        "Bom dia! Sexta-feira tem horário com a Carol p/ fazer sobrancelha e buço?",
        "booking", "sobrancelha", "carol", mar(13),
    ),
    Case(
        "Olá, faço aniversário semana que vem e queria fazer luzes + escova antes, tem horário "
        "dia 17?",
        "booking", "luzes", day=mar(17),
    ),
    Case("n quero mais receber msg de vcs", "unknown", opt_out=True, negative=True),
    Case("Gente, parem de mandar mensagem, já pedi!", "complaint", opt_out=True),
    Case("Qual o Instagram de vcs?", "salon_info", topics=("about",)),
    Case("Às 19h vocês ainda estão abertos?", "salon_info", at=T(19), topics=("hours",)),
]

BLIND = [
    Case(
        "oi bom dia eu queria marcar um horario pra fazer minhas unhas pode ser amanha depois "
        "das 3 da tarde",
        "booking", "manicure", day=mar(12), part="tarde", affirmative=True,
    ),
    Case("QUERO MARCAR CORTE", "booking", "corte_f"),
    Case("tem como vc me mandar a tabela de preços?", "inquiry"),
    Case("Boa tarde!! Sou cliente nova, vcs atendem cabelo cacheado?", "inquiry"),
    Case("vou querer a escova sim, pode ser 16h", "booking", "escova", at=T(16), affirmative=True),
    Case(
        "Bom dia amiga, sexta as 9 tem com a carol?",
        "booking", professional="carol", day=mar(13), at=T(9),
    ),
    Case("a sobrancelha ficou toda falhada, tô muito chateada", "complaint", "sobrancelha"),
    Case("oie, qual horario mais cedo que tem amanhã?", "booking", day=mar(12)),
    Case("Oi! Meu horário é amanhã às 14h né? Só confirmando", "inquiry", day=mar(12), at=T(14)),
    Case("Posso levar meu filho de 5 anos pra cortar junto?", "booking", "corte_m"),
    Case(
        "vcs tem horario pra sabado? se tiver quero fazer pé mão e sobrancelha",
        "booking", "pedicure", day=mar(14),
    ),
    Case(
        "tô precisando muito de uma hidratação kkkk tem vaga essa semana?", "booking", "hidratacao"
    ),
    Case("Tem alguém disponível agora?", "booking", day=mar(11)),
    Case("Quanto custa a barba? E o corte masc?", "inquiry", "barba"),
    Case(
        "Boa noite, minha cliente indicou vocês. Fazem coloração com produto sem amônia?",
        "inquiry", "coloracao",
    ),
    Case(
        "Oi, ontem fiz escova com a Juliana e amei, quero marcar de novo pra semana que vem",
        "booking", "escova", "juliana",
    ),
    Case(
        "to com a unha quebrada, vcs conseguem arrumar hj ainda?",
        "booking", "manicure", day=mar(11),
    ),
    Case(
        "amanhã, 16h, com a Juliana. Escova. Pode ser?",
        "booking", "escova", "juliana", mar(12), T(16), affirmative=True,
    ),
    Case("Vocês tem horário no domingo?", "booking", day=mar(15)),
    Case("Cheguei e não tinha ninguém pra me atender, que absurdo", "complaint", notice="arrived"),
    Case("Obrigada pela confirmação 😊", "hello"),
    Case(
        "Oi, tudo bem? Gostaria de saber se vocês fazem alongamento de unha e quanto custa",
        "inquiry", "manicure",
    ),
    Case(
        "Marca pra mim corte e escova com a Carol dia 20 às 10h, por favor!",
        "booking", "corte_f", "carol", mar(20), T(10),
    ),
    Case("Pode ser. Qual o endereço?", "salon_info", affirmative=True, topics=("address",)),
    Case(
        "nao consigo ir hoje, desculpa. Podemos remarcar?",
        "reschedule", day=mar(11), negative=True,
    ),
    Case("quero fazer luzes, mas queria saber o preço antes", "booking", "luzes"),
    Case(
        "Boa tarde, qual o valor do pé e mão com a Juliana?", "inquiry", "pedicure", "juliana"
    ),
    Case("amanha as 10 da pra mim", "booking", day=mar(12), at=T(10), affirmative=True),
    Case("nossa q demora pra responder hein", "complaint"),
    Case("Boa tarde! Queria fazer um orçamento de luzes", "inquiry", "luzes"),
    Case("sabado 10h30 sobrancelha e buço", "booking", "sobrancelha", day=mar(14), at=T(10, 30)),
    Case("Estou esperando desde às 14h e até agora nada!", "complaint", at=T(14)),
    Case(
        "Bom dia!! tem vaga pra escova amanhã cedo? tipo 9h?",
        "booking", "escova", day=mar(12), at=T(9), part="manha",
    ),
    Case(
        "Me passa os horários de amanhã da Juliana por favor",
        "booking", professional="juliana", day=mar(12),
    ),
    Case("É possível fazer coloração e luzes no mesmo dia?", "inquiry", "coloracao"),
]

BLIND_2 = [
    Case(
        "Olá! Meu nome é Carol e queria agendar uma escova pra sexta",
        "booking", "escova", day=mar(13),
    ),
    Case(
        "Boa tarde, teria como encaixar eu hoje ainda pra fazer sobrancelha? Saio do serviço 17h",
        "booking", "sobrancelha", day=mar(11), at=T(17),
    ),
    Case("ai que raiva, a unha que fiz ontem já quebrou", "complaint", "manicure"),
    Case("tem pra hoje as 18?", "booking", day=mar(11), at=T(18)),
    Case(
        "Quero fazer uma hidratação na sexta, mas só posso depois das 19h",
        "booking", "hidratacao", day=mar(13), part="noite",
    ),
    Case("Oi boa noite, vcs fazem barba na navalha?", "inquiry", "barba"),
    Case("pode ser 10h30 então 😊", "booking", at=T(10, 30), affirmative=True),
    Case("Vou querer sim, obrigada!", "hello", affirmative=True),
    Case(
        "nao vou poder ir sexta, pode ser semana que vem?",
        "reschedule", day=mar(13), affirmative=True, negative=True,
    ),
    Case("Olá, gostaria de saber se a Carol ainda trabalha aí", "inquiry", professional="carol"),
    Case("qual o preço do corte masculino com barba?", "inquiry", "corte_m"),
    Case(
        "amanha de manha tem alguem pra fazer minha mao?",
        "booking", "manicure", day=mar(12), part="manha",
    ),
    Case(
        "Boa tarde! Vocês têm horário disponível pra amanhã às 11h30? Corte feminino",
        "booking", "corte_f", day=mar(12), at=T(11, 30),
    ),
    Case("não precisa, obrigada", "hello", negative=True),
    Case("SIM quero marcar", "booking", affirmative=True),
    Case("Queria saber quanto fica uma escova com hidratação", "inquiry", "escova"),
    Case("tava marcada 15h e ninguém me atendeu até agora", "complaint", at=T(15)),
    Case(
        "Pode ser quinta às 9h com o Marcos?",
        "booking", professional="marcos", day=mar(12), at=T(9), affirmative=True,
    ),
    Case("me manda o endereço por favor", "salon_info", topics=("address",)),
    Case(
        "Oi, queria cortar o cabelo do meu filho de 8 anos, vcs atendem criança?",
        "inquiry", "corte_m",
    ),
]
# fmt: on
