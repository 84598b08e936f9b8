"""The three training sets of stopping and restarting the salon's offers (written on 2026-12-06 by
helpers who never saw the rules; read and learnt from, unlike the blind sets). The first: every
opt-out understood as one, no near miss read as a stop, a restart or asked about, the opt-ins read
as such but one ("quero fazer opt-in de novo nas mensagens" reads as a wish to book something "de
novo", and a booking never carries consent). The second, the hard and indirect round (a death, a
number now someone else's, irony, the law, English and Spanish): every opt-out stopped or asked
about but two written with the words run together, none offered anything; one near miss read as a
stop ("Stop! Não acredito nesse preço", an excited stop); every opt-in. The third: opt-outs that
name services, days, prices or slots ("podem pausar as promoções de progressiva") and booking
requests that name a stop ("para de mandar áudio, manda os horários de sexta"): every opt-out
stopped or asked about, none offered a slot; no booking request stopped, one asked about.

Since the seventh and eighth blind sets, an answer to an open offer that the rules do not
understand (or a long one read as no more than "oi" or "não") is answered "não entendi" with how
to stop, and a service named with nothing asked is asked about: the two run-together opt-outs are
asked about now, and so are the near misses the rules did not understand (listed below; before,
they got "não entendi, quer agendar?"). None is stopped."""

from __future__ import annotations

from tests.unit.chat_table_opt_out_training import TRAINING_OPT_IN, TRAINING_OPT_OUT
from tests.unit.chat_table_opt_out_training_second import (
    SECOND_TRAINING_OPT_IN,
    SECOND_TRAINING_OPT_OUT,
)
from tests.unit.chat_table_opt_out_training_third import THIRD_TRAINING_OPT_OUT
from tests.unit.test_chat_blind_third import ASKS, decision_on, offers_something
from tests.unit.test_chat_rules import read


def test_every_training_opt_out_is_understood_and_offered_nothing() -> None:
    missed = [text for text, stop in TRAINING_OPT_OUT if stop and not decision_on(text).opt_out]
    offered = [
        text for text, stop in TRAINING_OPT_OUT if stop and offers_something(decision_on(text))
    ]
    assert (missed, offered) == ([], [])


# Near misses the rules do not understand: they get how to stop beside "não entendi" or beside a
# question (a service named, nothing asked; a long "não").
UNREAD_NEAR = [
    "Meu número mudou, anota o novo: 11 98765-4321",
    "Pode parar de se preocupar, deu tudo certo com a escova 😊",
    "Não quero mais fazer luzes, quero voltar pro castanho",
    "Qual o número do salão pra ligar?",
    "Parei de tomar o remédio e o cabelo continua caindo, o que vocês indicam?",
    "Para de chover e eu vou aí kkk",
    "Atualiza meu cadastro com o email novo: ana.souza@email.com",
]
SECOND_UNREAD_NEAR = [
    "Pede pra Carla não puxar tanto meu cabelo na escova, da última vez doeu demais",
    "Vocês podem parar a progressiva no meio se eu sentir ardência?",
    "A mensagem de vocês chegou toda cortada, só apareceu 'Promo de' e mais nada",
    "Mudei de número, esse aqui é o novo. Atualiza aí no meu cadastro por favor",
    "Não me manda mensagem depois das 22h que meu marido acorda, mas de dia pode mandar",
    "A moça da recepção me bloqueou? Mandei mensagem ontem e ninguém respondeu",
    "Me mudei pro centro, vocês têm unidade perto da Praça da Sé?",
    "Dá pra parar de usar aquele shampoo de cheiro forte no meu cabelo? Me dá dor de cabeça",
    "Não recebo mais o lembrete por e-mail, podem mandar só por aqui mesmo?",
    "Meu marido não quer mais cortar com o Jorge, pode trocar ele pro Felipe?",
]


def test_no_training_near_miss_is_read_as_a_stop_or_a_restart() -> None:
    near = [(text, decision_on(text)) for text, stop in TRAINING_OPT_OUT if not stop]
    assert len(near) == 30
    assert [text for text, d in near if d.opt_out or d.opt_in] == []
    assert [text for text, d in near if ASKS in d.reply] == UNREAD_NEAR


def test_the_training_opt_ins_are_read_as_opt_ins() -> None:
    missed = [
        text for text in TRAINING_OPT_IN if not (read(text).opt_in and not read(text).opt_out)
    ]
    assert missed == ["Quero fazer opt-in de novo nas mensagens"]


GARBLED = ["naoquero maisreceber essasmensagen", "paradimandaissopramim"]  # words run together


def test_the_second_training_sets_opt_outs_are_stopped_or_asked_about() -> None:
    decided = [(text, decision_on(text)) for text, stop in SECOND_TRAINING_OPT_OUT if stop]
    unhandled = [text for text, d in decided if not (d.opt_out or ASKS in d.reply)]
    assert unhandled == []
    assert [text for text, d in decided if text in GARBLED and not d.opt_out] == GARBLED
    assert [text for text, d in decided if offers_something(d)] == []
    assert sum(d.opt_out for _, d in decided) >= 71  # the rest are asked about


def test_the_second_training_sets_near_misses_are_left_alone_but_an_excited_stop() -> None:
    near = [(text, decision_on(text)) for text, stop in SECOND_TRAINING_OPT_OUT if not stop]
    assert len(near) == 40
    wrong = [text for text, d in near if d.opt_out or d.opt_in]
    assert wrong == [next(text for text, _ in near if text.startswith("Stop!"))]
    assert [text for text, d in near if ASKS in d.reply and not d.opt_out] == SECOND_UNREAD_NEAR


def test_the_second_training_sets_opt_ins_are_read_as_opt_ins() -> None:
    missed = [t for t in SECOND_TRAINING_OPT_IN if not (read(t).opt_in and not read(t).opt_out)]
    assert missed == []


def test_opt_outs_that_name_services_and_days_are_stopped_or_asked_never_offered() -> None:
    decided = [(text, decision_on(text)) for text, stop in THIRD_TRAINING_OPT_OUT if stop]
    assert len(decided) == 60
    assert [text for text, d in decided if not (d.opt_out or ASKS in d.reply)] == []
    assert [text for text, d in decided if offers_something(d)] == []
    assert sum(d.opt_out for _, d in decided) >= 55


def test_booking_requests_that_name_a_stop_are_not_stopped() -> None:
    near = [(text, decision_on(text)) for text, stop in THIRD_TRAINING_OPT_OUT if not stop]
    assert len(near) == 30
    assert [text for text, d in near if d.opt_out or d.opt_in] == []
    assert (
        sum(ASKS in d.reply for _, d in near) <= 1
    )  # "Não vou conseguir essa promoção de quarta…"
