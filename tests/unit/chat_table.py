"""Client messages as they arrive on WhatsApp, each with what a receptionist reads in it.

The salon is the one `test_chat_rules` builds; `today` is Wednesday 2026-03-11. Every expectation
is written by hand: service and professional keys, the day, the time, the part of the day and
the answer flags. A field left out is expected to be None (or False for a flag).
"""

from __future__ import annotations

from tests.unit.chat_case import TODAY, Case, T, apr, mar
from tests.unit.chat_table_blind import BLIND, BLIND_2, MORE
from tests.unit.chat_table_intents import INTENTS_TABLE
from tests.unit.chat_table_opt_out import OPT_OUT_TABLE

__all__ = ["CASES", "TODAY", "Case", "mar"]

# One message a row, its expectations beside it: the rows stay as written.
# fmt: off
BOOKING = [
    Case("Oi, quero agendar um corte amanhã às 15h", "booking", "corte_f", day=mar(12), at=T(15)),
    Case(
        "oiii tudo bem? vc tem horario pra escova hj a tarde?",
        "booking", "escova", day=mar(11), part="tarde",
    ),
    Case(
        "Boa tarde! Gostaria de marcar manicure e pedicure para sábado de manhã",
        "booking", "manicure", day=mar(14), part="manha",
    ),
    Case(
        "quero fazer a unha sexta 3 da tarde com a Carol",
        "booking", "manicure", "carol", mar(13), T(15), "tarde",
    ),
    Case(
        "tem vaga pra hoje? preciso fazer a sobrancelha urgente kkkk",
        "booking", "sobrancelha", day=mar(11),
    ),
    Case(
        "Bom dia, a Juliana tem horário amanhã cedo pra escova?",
        "booking", "escova", "juliana", mar(12), part="manha",
    ),
    Case("queria marcar corte pro meu filho sábado", "booking", "corte_m", day=mar(14)),
    Case(
        "Preciso cortar o cabelo e fazer a barba, tem horário quinta à noite?",
        "booking", "corte_m", day=mar(12), part="noite",
    ),
    Case(
        "Tem horário com o Rafa na sexta depois das 18h?",
        "booking", professional="rafael", day=mar(13), part="noite",
    ),
    Case("Consigo encaixar uma escova hoje umas 16h?", "booking", "escova", day=mar(11), at=T(16)),
    Case("da pra marcar luzes dia 20?", "booking", "luzes", day=mar(20)),
    Case(
        "Oi! Queria fazer luzes, quanto fica? E tem horário semana que vem?", "booking", "luzes"
    ),
    Case("agendar hidratação 12/03 às 10h30", "booking", "hidratacao", day=mar(12), at=T(10, 30)),
    Case("Quero remarcar meu horário de quinta pra sexta", "reschedule", day=mar(13)),
    Case(
        "Boa noite, tem como me atender amanhã 9h? Escova e hidratação",
        "booking", "escova", day=mar(12), at=T(9),
    ),
    Case("Pode ser sábado às 10?", "booking", day=mar(14), at=T(10), affirmative=True),
    Case("Sim, pode marcar!", "booking", affirmative=True),
    Case("sim quero esse horário", "booking", affirmative=True),
    Case("bora! sexta às 14h então", "booking", day=mar(13), at=T(14), affirmative=True),
    Case("Quero sim!! pode ser com a Carol?", "booking", professional="carol", affirmative=True),
    Case("Pode ser às 3?", "booking", at=T(15), affirmative=True),
    Case(
        "tem algum horário de manhã na terça? pode ser com qualquer uma",
        "booking", day=mar(17), part="manha",
    ),
    Case(
        "Oi, vcs tem horário pra corte masculino amanhã depois do almoço?",
        "booking", "corte_m", day=mar(12), part="tarde",
    ),
    Case(
        "Queria agendar design de sobrancelha com a Ju", "booking", "sobrancelha", "juliana"
    ),
    Case(
        "Marca pra mim uma pedicure quinta 17h30 por favor",
        "booking", "pedicure", day=mar(12), at=T(17, 30),
    ),
    Case(
        "Tem encaixe hoje pra barba? Tô saindo do trabalho 18h",
        "booking", "barba", day=mar(11), at=T(18),
    ),
    Case("qro marcar escova p amanha as 2", "booking", "escova", day=mar(12), at=T(14)),
    Case(
        "Olá, boa tarde! Vocês teriam horário para coloração no dia 18?",
        "booking", "coloracao", day=mar(18),
    ),
    Case(
        "quero pintar o cabelo, retoque de raiz, dá pra ser sábado?",
        "booking", "coloracao", day=mar(14),
    ),
    Case(
        "Queria fazer mechas com a Juliana, ela tem vaga na próxima sexta?",
        "booking", "luzes", "juliana", mar(13),
    ),
    Case("tem horario sexta q vem as 11?", "booking", day=mar(13), at=T(11)),
    Case("marcar barba e corte p/ terça 19h", "booking", "barba", day=mar(17), at=T(19)),
    Case(
        "Bom diaaa! hj tem manicure disponível no fim da tarde?",
        "booking", "manicure", day=mar(11), part="tarde",
    ),
    Case(
        "Quero marcar com o Marcos dia 25/03 às 16:30",
        "booking", professional="marcos", day=mar(25), at=T(16, 30),
    ),
    Case(
        "Agenda pra mim uma hidratação amanhã de tarde, 4 horas",
        "booking", "hidratacao", day=mar(12), at=T(16), part="tarde",
    ),
    Case("escova amanha 10h", "booking", "escova", day=mar(12), at=T(10)),
    Case(
        "posso ir hoje às 17h? quero aparar a franja", "booking", "corte_f", day=mar(11), at=T(17)
    ),
    Case(
        "Oi Carol! Tem horário pra fazer pé e mão sábado?",
        "booking", "pedicure", "carol", mar(14),
    ),
    Case(
        "Quero marcar uma escova com a Juliana e hidratação, pode ser quarta que vem às 14h?",
        "booking", "escova", "juliana", mar(18), T(14), affirmative=True,
    ),
    Case("tem horário dia 12 de abril?", "booking", day=apr(12)),
    Case("queria ver horário para o dia 3/4 de manhã", "booking", day=apr(3), part="manha"),
    Case(
        "meu marido quer cortar o cabelo amanhã, tem vaga com o Marcos?",
        "booking", "corte_m", "marcos", mar(12),
    ),
    Case(
        "tem horário de meio-dia amanhã pra unha?", "booking", "manicure", day=mar(12), at=T(12)
    ),
    Case(
        "Amanhã às 8 da noite da pra fazer escova?",
        "booking", "escova", day=mar(12), at=T(20), part="noite",
    ),
    Case(
        "sábado de manhã, umas 10 e meia, pode?",
        "booking", day=mar(14), at=T(10, 30), part="manha",
    ),
    Case(
        "Vocês tem horário pra luzes na segunda? Se tiver com a Juliana melhor",
        "booking", "luzes", "juliana", mar(16),
    ),
    Case(
        "amanha as 3 e meia da tarde tem?", "booking", day=mar(12), at=T(15, 30), part="tarde"
    ),
    Case("Quero agendar p 3a feira às 16h", "booking", day=mar(17), at=T(16)),
    Case("tem horário na 6ª feira de manhã?", "booking", day=mar(13), part="manha"),
    Case("hj 19h30 tem?", "booking", day=mar(11), at=T(19, 30)),
    Case("Marcar escova dia 31/02", "booking", "escova"),
    Case("Quero marcar pro dia 5", "booking", day=apr(5)),
    Case(
        "sabado 15:30 manicure com a carol blz?",
        "booking", "manicure", "carol", mar(14), T(15, 30),
    ),
    Case(
        "boa tarde gostaria d agendar uma escovinha c a juliana amanha a tarde",
        "booking", "escova", "juliana", mar(12), part="tarde",
    ),
    Case(
        "Bom dia, tem horário pra fazer a barba hoje às 10 da manhã?",
        "booking", "barba", day=mar(11), at=T(10), part="manha",
    ),
    Case("Preciso de um horário urgente p hj, qualquer coisa serve", "booking", day=mar(11)),
    Case("quero marcar uma escova progressiva", "booking"),
    Case(
        "Olá! Tudo bem? Queria saber se tem horário pra corte + escova no sábado depois das 14h",
        "booking", "corte_f", day=mar(14), part="tarde",
    ),
    Case(
        "Vou levar minha filha pra cortar a franja, ela pode sábado às 11",
        "booking", "corte_f", day=mar(14), at=T(11),
    ),
    Case("quero fazer as unhas amanhã", "booking", "manicure", day=mar(12)),
    Case(
        "Tem horário com a Juliana ou com a Carol na quinta?",
        "booking", professional="juliana", day=mar(12),
    ),
    Case("eu queria fazer luzes mas tenho medo de estragar o cabelo", "booking", "luzes"),
    Case(
        "amanhã 14h com o Rafael tá ótimo",
        "booking", professional="rafael", day=mar(12), at=T(14), affirmative=True,
    ),
    Case("Pode ser depois de amanhã às 17h?", "booking", day=mar(13), at=T(17), affirmative=True),
    Case("tem como fazer pé hoje à noite?", "booking", "pedicure", day=mar(11), part="noite"),
    Case(
        "Quero marcar um horário para minha mãe, ela quer fazer coloração e escova quinta-feira "
        "à tarde",
        "booking", "coloracao", day=mar(12), part="tarde",
    ),
    Case(
        "Oi, sou a Carol, cliente de vcs, queria marcar manicure com a Juliana sexta",
        "booking", "manicure", "juliana", mar(13),
    ),
    Case("Reservar horário sábado 9h30 pra escova", "booking", "escova", day=mar(14), at=T(9, 30)),
    Case("eai, tem barbeiro hj?", "booking", day=mar(11)),
    Case(
        "Oi! Queria agendar um corte às 9 da manhã da próxima terça",
        "booking", "corte_f", day=mar(17), at=T(9), part="manha",
    ),
    Case("Tem horário dia 11/03/2026?", "booking", day=mar(11)),
    Case("Marca escova 14/3 10h", "booking", "escova", day=mar(14), at=T(10)),
    Case("quero agendar 12 de março às 15h", "booking", day=mar(12), at=T(15)),
    Case("Tem horário pra corte hoje? É pra ele", "booking", "corte_m", day=mar(11)),
    Case("quero marcar escova e tb hidratação pra quinta", "booking", "escova", day=mar(12)),
    Case("💅💅 quero fazer as unhas sábado 🥰", "booking", "manicure", day=mar(14)),
    Case("qria agendar sombrancelha amanha", "booking", "sobrancelha", day=mar(12)),
    Case("tem orario pra escova hj?", "booking", "escova", day=mar(11)),
    Case(
        "Confirmo! Sábado às 9 com o Rafael",
        "booking", professional="rafael", day=mar(14), at=T(9), affirmative=True,
    ),
    Case("Isso mesmo, corte feminino às 15h", "booking", "corte_f", at=T(15), affirmative=True),
    Case(
        "hoje não dá, pode ser amanhã de manhã?",
        "booking", day=mar(12), part="manha", affirmative=True, negative=True,
    ),
    Case(
        "n consigo esse horário, tem mais tarde?", "booking", negative=True,
    ),
    Case(
        "sexta fica ruim pra mim, tem sábado?", "booking", day=mar(14), negative=True
    ),
    Case(
        "Com o Marcos não, prefiro o Rafael", "booking", professional="rafael", negative=True
    ),
    Case("Amanhã não posso, só sábado", "booking", day=mar(14), negative=True),
]

INQUIRY = [
    Case("quanto custa a hidratação?", "inquiry", "hidratacao"),
    Case("Qual o valor do corte masculino?", "inquiry", "corte_m"),
    Case("vcs aceitam pix ou cartão?", "salon_info", topics=("payment",)),
    Case("Oi, qual o endereço de vocês?", "salon_info", topics=("address",)),
    Case("que horas vcs abrem no sábado?", "salon_info", day=mar(14), topics=("hours",)),
    Case("Onde fica o salão? tem estacionamento?", "salon_info", topics=("address", "parking")),
    Case("qto ta a escova?", "inquiry", "escova"),
    Case("quanto tempo demora as luzes?", "inquiry", "luzes"),
    Case("Vcs fazem progressiva?", "inquiry"),
    Case("Aceita cartão de crédito? Parcela?", "salon_info", topics=("payment",)),
    Case("Bom dia! Qual o horário de funcionamento de vocês?", "salon_info", topics=("hours",)),
    Case("Até que horas vocês atendem hoje?", "salon_info", day=mar(11), topics=("hours",)),
    Case("oi qnto é a sobrancelha com henna", "inquiry", "sobrancelha"),
    Case("Vocês abrem domingo?", "salon_info", day=mar(15), topics=("hours",)),
    Case("quanto fica pé e mão?", "inquiry", "pedicure"),
    Case("o preço da coloração é com a tinta inclusa?", "inquiry", "coloracao"),
    Case("Tem vaga de estacionamento aí perto?", "salon_info", topics=("parking",)),
    Case("Quanto custa o corte feminino com a Carol?", "inquiry", "corte_f", "carol"),
    Case("quanto é barba?", "inquiry", "barba"),
    Case("a hidratação dura quanto tempo?", "inquiry", "hidratacao"),
    Case("vcs trabalham com mechas loiro claro?", "inquiry", "luzes"),
    Case("Qual o valor da escova? Meu cabelo é bem longo", "inquiry", "escova"),
    Case("Vocês funcionam feriado?", "salon_info", topics=("hours",)),
    Case("Tem desconto pra primeira vez?", "inquiry"),
    Case("qual marca de esmalte vocês usam?", "inquiry", "manicure"),
    Case("demora quanto tempo a progressiva? umas 2h?", "inquiry"),
    Case("oi, boa tarde. vcs fazem design de sobrancelha? qual o valor?", "inquiry", "sobrancelha"),
    Case("boa noite!! amanhã vcs abrem que horas?", "salon_info", day=mar(12), topics=("hours",)),
    Case("qual horário vcs fecham hoje?", "salon_info", day=mar(11), topics=("hours",)),
    Case(
        "Oi, tudo bem? Vi a promoção de hidratação, ainda tá valendo?", "inquiry", "hidratacao"
    ),
]

COMPLAINT = [
    Case("Péssimo atendimento, esperei 40 minutos e ninguém me atendeu", "complaint"),
    Case(
        "A Carol queimou meu cabelo na escova, to muito insatisfeita",
        "complaint", "escova", "carol",
    ),
    Case("o esmalte descascou em 2 dias, absurdo", "complaint", "manicure"),
    Case("Vocês cobraram errado meu corte ontem", "complaint", "corte_f"),
    Case("Não gostei da coloração, ficou manchada", "complaint", "coloracao"),
    Case("Que falta de respeito, marquei 14h e atrasou uma hora", "complaint", at=T(14)),
    Case("horrível o corte que o Marcos fez, ficou torto", "complaint", "corte_f", "marcos"),
    Case("Estou decepcionada, a manicure machucou meu dedo", "complaint", "manicure"),
    Case("quero meu dinheiro de volta", "complaint"),
    Case("Fiquei esperando na recepção e ninguém avisou do atraso", "complaint"),
    Case("mto ruim o atendimento de hj", "complaint", day=mar(11)),
    Case("estragaram meu cabelo com essa tintura, vou no procon", "complaint", "coloracao"),
]

HELLO = [
    Case("Oi", "hello"),
    Case("Bom dia!!", "hello"),
    Case("oiee tudo bem?", "hello"),
    Case("Boa noite", "hello"),
    Case("e aí, beleza?", "hello"),
    Case("Olá 😊", "hello"),
    Case("Obrigada, amei o resultado!", "hello"),
    Case("valeu!", "hello"),
    Case("boa tarde, tudo bom?", "hello"),
    Case("Oi Carol, tudo bem?", "hello", professional="carol"),
    Case("Obrigada pelo atendimento de ontem, a Juliana arrasou!", "hello", professional="juliana"),
    Case("agora não, obrigada", "hello", negative=True),
    Case("não obrigado", "hello", negative=True),
]

OPT_OUT = [
    Case("SAIR", "unknown", opt_out=True),
    Case("Parar", "unknown", opt_out=True),
    Case("STOP", "unknown", opt_out=True),
    Case("não quero mais receber essas mensagens", "unknown", opt_out=True, negative=True),
    Case("Por favor me tira da lista", "unknown", opt_out=True),
    Case("pare de me mandar promoção", "unknown", opt_out=True),
    Case("quero descadastrar meu número", "unknown", opt_out=True),
    Case("sair por favor", "unknown", opt_out=True),
    Case(
        "Não quero mais receber promoção de corte, obrigado",
        "unknown", "corte_f", opt_out=True, negative=True,
    ),
]

ANSWERS = [
    Case("Sim", "unknown", affirmative=True),
    Case("simmm 😍", "unknown", affirmative=True),
    Case("pode ser", "unknown", affirmative=True),
    Case("ss", "unknown", affirmative=True),
    Case("fechado 👍", "unknown", affirmative=True),
    Case("ok, confirmo", "unknown", affirmative=True),
    Case("ok", "unknown", affirmative=True),
    Case("👍", "unknown", affirmative=True),
    Case("claro, pode ser", "unknown", affirmative=True),
    Case("quero", "unknown", affirmative=True),
    Case("não", "unknown", negative=True),
    Case("Nao posso sexta", "unknown", day=mar(13), negative=True),
    Case("melhor não, fica pra próxima", "unknown", negative=True),
    Case("Não vou poder ir, preciso desmarcar", "cancel", negative=True),
    Case("Já tô chegando, desculpa o atraso!", "late", notice="late"),
    Case("vou me atrasar uns 10 min", "late", notice="late", minutes=10),
]

CASES = (
    BOOKING + MORE + BLIND + BLIND_2 + INQUIRY + COMPLAINT + HELLO + OPT_OUT + ANSWERS
    + INTENTS_TABLE + OPT_OUT_TABLE
)
# fmt: on
