"""The second blind set of stopping and restarting the salon's offers (written by a helper that
never saw the rules nor the first set; its texts are never read to tune the rules).

Measured on 2026-12-06: 35/40 opt-outs caught, 11/15 opt-ins; one near miss (a message about a
booking) was read as an opt-in. That finding changed a rule as a class, not for its text: a message
whose intent is a booking, a move or a cancellation is never taken as consent (LGPD asks for
unambiguous consent), and an opt-in must name what it receives. After it: 35/40, 0/15, 11/15."""

from __future__ import annotations

from tests.unit.chat_table_blind_opt_out_fresh import FRESH_OPT_IN, FRESH_OPT_OUT
from tests.unit.test_chat_rules import read


def test_the_fresh_blind_set_is_mostly_caught_and_near_misses_never_are() -> None:
    opt_outs = [text for text, stop in FRESH_OPT_OUT if stop]
    near = [text for text, stop in FRESH_OPT_OUT if not stop]
    caught = [text for text in opt_outs if read(text).opt_out]
    wrongly = [text for text in near if read(text).opt_out or read(text).opt_in]
    back_in = [text for text in FRESH_OPT_IN if read(text).opt_in and not read(text).opt_out]
    assert (len(opt_outs), len(near), len(FRESH_OPT_IN)) == (40, 15, 15)
    assert len(wrongly) == 0, f"{len(wrongly)} near misses read as a stop or a restart"
    assert len(caught) >= 0.85 * len(opt_outs), f"{len(caught)}/{len(opt_outs)} opt-outs"
    assert len(back_in) >= 0.70 * len(FRESH_OPT_IN), f"{len(back_in)}/{len(FRESH_OPT_IN)} opt-ins"
