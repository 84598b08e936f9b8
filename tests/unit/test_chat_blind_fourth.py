"""The fourth blind set of stopping and restarting the salon's offers, written on 2026-12-06 by a
helper who never saw the rules nor the earlier sets, after the rules learnt from 80 phrasings of
our own (refusing the messages, "me esquece", tired of them, a lone "parem" in a message about
them, "cancelem minha inscrição"). Run once, as handed over; its texts are not read.

Measured on 2026-12-06, once: 37/40 opt-outs understood, 2/40 asked about (39/40 handled), none
answered with an offer; of 15 near misses 1 read as a stop, 1 as a restart, 1 asked about;
10/15 opt-ins. The rules before that round, on the same set: 36 + 2, and the same near misses.
After the rules learnt from two training sets (tests/unit/test_chat_opt_out_training.py; this set
still unread): 40/40 understood, the same near misses, 14/15 opt-ins."""

from __future__ import annotations

from tests.unit.chat_table_blind_opt_out_fourth import FOURTH_OPT_IN, FOURTH_OPT_OUT
from tests.unit.test_chat_blind_third import ASKS, decision_on, offers_something
from tests.unit.test_chat_rules import read


def test_the_fourth_blind_set_is_handled_as_measured() -> None:
    opt_outs = [decision_on(text) for text, stop in FOURTH_OPT_OUT if stop]
    near = [decision_on(text) for text, stop in FOURTH_OPT_OUT if not stop]
    back_in = [text for text in FOURTH_OPT_IN if read(text).opt_in and not read(text).opt_out]
    assert (len(opt_outs), len(near), len(FOURTH_OPT_IN)) == (40, 15, 15)
    assert sum(map(offers_something, opt_outs)) == 0, "an opt-out answered with an offer"
    assert sum(d.opt_out for d in opt_outs) == 40, f"{sum(d.opt_out for d in opt_outs)}/40"
    stopped = sum(d.opt_out for d in near)
    restarted = sum(d.opt_in for d in near)
    asked = sum(ASKS in d.reply and not d.opt_out for d in near)
    assert stopped <= 1 and restarted <= 1 and asked <= 1, (stopped, restarted, asked)
    assert len(back_in) >= 14, f"{len(back_in)}/15 opt-ins"
