"""The training set of stopping and restarting the salon's offers (written on 2026-12-06 by a
helper who never saw the rules; read and learnt from, unlike the blind sets): every opt-out
understood as one (not only asked about), no near miss read as a stop, a restart or asked about,
and the opt-ins read as such but one ("quero fazer opt-in de novo nas mensagens" reads as a wish
to book something "de novo", and a booking never carries consent)."""

from __future__ import annotations

from tests.unit.chat_table_opt_out_training import TRAINING_OPT_IN, TRAINING_OPT_OUT
from tests.unit.test_chat_blind_third import ASKS, decision_on, offers_something
from tests.unit.test_chat_rules import read


def test_every_training_opt_out_is_understood_and_offered_nothing() -> None:
    missed = [text for text, stop in TRAINING_OPT_OUT if stop and not decision_on(text).opt_out]
    offered = [
        text for text, stop in TRAINING_OPT_OUT if stop and offers_something(decision_on(text))
    ]
    assert (missed, offered) == ([], [])


def test_no_training_near_miss_is_read_as_a_stop_a_restart_or_asked_about() -> None:
    near = [(text, decision_on(text)) for text, stop in TRAINING_OPT_OUT if not stop]
    assert len(near) == 30
    wrong = [text for text, d in near if d.opt_out or d.opt_in or ASKS in d.reply]
    assert wrong == []


def test_the_training_opt_ins_are_read_as_opt_ins() -> None:
    missed = [
        text for text in TRAINING_OPT_IN if not (read(text).opt_in and not read(text).opt_out)
    ]
    assert missed == ["Quero fazer opt-in de novo nas mensagens"]
