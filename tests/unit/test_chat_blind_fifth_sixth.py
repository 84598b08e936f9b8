"""The fifth and sixth blind sets of stopping and restarting the salon's offers, written on
2026-12-06 by helpers who never saw the rules nor the earlier sets, each beside a training set
the rules then learnt from (tests/unit/test_chat_opt_out_training.py). Their texts are not read:
only the counts below were looked at.

Fifth (the same kinds as the first training set), measured before any learning: 19 opt-outs
understood + 13 asked about (32/40), 1 near miss read as a stop, 1 asked about, 8/15 opt-ins;
after the first training set: 21 + 12; after the second: 26 + 9 (35/40), no near miss read as a
stop or a restart, 1 asked about, 11/15 opt-ins. None answered with an offer at any point.
Sixth (the hard, indirect kinds of the second training set), measured once, after both: 6
understood + 10 asked (16/40), **one opt-out answered with an offer**, no near miss misread,
5/15 opt-ins. Both again after a third training set (opt-outs that name services and days):
unchanged. Words and patterns do not reach what these clients say.

Then (after the seventh set, see tests/unit/test_chat_blind_seventh_eighth.py) the decision
changed, not the words: while an offer is open, a message the rules do not understand, or a long
one read as no more than "oi" or "não", is answered "não entendi" with how to stop, and a service
named with nothing asked is asked about instead of answered with slots. The categories of these
two sets' answers (counts only: understood, asked, declined, not understood, offered) were looked
at to choose that; their texts still were not. Fifth: 26 understood + 13 asked (39/40), 0
offered, 4 near misses asked (none stopped). Sixth: 6 + 27 (33/40), **none offered**, 3 near
misses asked (none stopped)."""

from __future__ import annotations

from tests.unit.chat_table_blind_opt_out_fifth import FIFTH_OPT_IN, FIFTH_OPT_OUT
from tests.unit.chat_table_blind_opt_out_sixth import SIXTH_OPT_IN, SIXTH_OPT_OUT
from tests.unit.test_chat_blind_third import ASKS, decision_on, handled, offers_something
from tests.unit.test_chat_rules import read


def counts(table: list[tuple[str, bool]], opt_ins: list[str]) -> dict[str, int]:
    opt_outs = [decision_on(text) for text, stop in table if stop]
    near = [decision_on(text) for text, stop in table if not stop]
    return {
        "opt-outs": len(opt_outs),
        "handled": sum(map(handled, opt_outs)),
        "offered": sum(map(offers_something, opt_outs)),
        "near stopped": sum(d.opt_out for d in near),
        "near restarted": sum(d.opt_in for d in near),
        "near asked": sum(ASKS in d.reply and not d.opt_out for d in near),
        "opt-ins": sum(1 for t in opt_ins if read(t).opt_in and not read(t).opt_out),
    }


def test_the_fifth_blind_set_is_handled_as_measured() -> None:
    found = counts(FIFTH_OPT_OUT, FIFTH_OPT_IN)
    assert found["opt-outs"] == 40 and found["offered"] == 0, found
    assert found["handled"] >= 39 and found["opt-ins"] >= 11, found
    assert found["near stopped"] == found["near restarted"] == 0 and found["near asked"] <= 4, found


def test_the_sixth_blind_set_is_handled_as_measured() -> None:
    found = counts(SIXTH_OPT_OUT, SIXTH_OPT_IN)
    assert found["opt-outs"] == 40 and found["handled"] >= 33 and found["opt-ins"] >= 5, found
    assert found["offered"] == 0, found
    assert found["near stopped"] == found["near restarted"] == 0 and found["near asked"] <= 3, found
