"""The seventh and eighth blind sets of stopping and restarting the salon's offers, written on
2026-12-06 by helpers who never saw the rules nor the earlier sets: replies to an open offer,
everyday and indirect opt-outs mixed, 15 near misses and 15 opt-ins each. Only counts were looked
at, with one exception told here.

Seventh, measured before the change it led to (below): 31 understood + 4 asked (35/40), none
offered; 1 near miss asked, none stopped; 12/15 opt-ins. Then, by accident, about twenty of its
texts were shown by a linter's line-length report before the change was written, so it is not
fully blind. The change (a decision, not words): while an offer is open, a message the rules do
not understand, or a long one read as no more than "oi" or "não", is answered "não entendi" with
how to stop; a service named with nothing asked is asked about instead of answered with slots; a
"não" that asks for another booking declines the offer and answers the request. After it: 31 + 7
(38/40), none offered, 3 near misses asked, none stopped (4 since a long "não" to an offer
also says how to stop).

Near misses read as a restart (an opt-in): 1 in the seventh, 2 in the eighth, before and after
the change. Both briefs asked for near misses that "decline only this offer but want the next
ones"; the seventh's one (seen) says to keep sending the offers, which is an opt-in. The
eighth's two are not read.

Eighth, handed over after the change and never measured before it: 36 understood + 4 asked
(40/40), none offered; 1 near miss asked, none stopped; 13/15 opt-ins. The same after a later
refinement that our own examples prompted (a "não" with a service named and nothing asked is a
"não"; a bare "agora" is no day named)."""

from __future__ import annotations

from tests.unit.chat_table_blind_opt_out_eighth import EIGHTH_OPT_IN, EIGHTH_OPT_OUT
from tests.unit.chat_table_blind_opt_out_seventh import SEVENTH_OPT_IN, SEVENTH_OPT_OUT
from tests.unit.test_chat_blind_fifth_sixth import counts


def test_the_seventh_blind_set_is_handled_as_measured() -> None:
    found = counts(SEVENTH_OPT_OUT, SEVENTH_OPT_IN)
    assert found["opt-outs"] == 40 and found["offered"] == 0, found
    assert found["handled"] >= 38 and found["opt-ins"] >= 12, found
    assert found["near stopped"] == 0 and found["near restarted"] <= 1, found
    assert found["near asked"] <= 4, found


def test_the_eighth_blind_set_is_handled_as_measured() -> None:
    found = counts(EIGHTH_OPT_OUT, EIGHTH_OPT_IN)
    assert found["opt-outs"] == 40 and found["offered"] == 0, found
    assert found["handled"] == 40 and found["opt-ins"] >= 13, found
    assert found["near stopped"] == 0 and found["near restarted"] <= 2, found
    assert found["near asked"] <= 1, found
