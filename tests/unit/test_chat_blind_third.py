"""The third blind set of stopping and restarting the salon's offers, written on 2026-12-06 by a
helper who never saw the rules nor the earlier sets, after the rules learnt to ask (a stop or
refusal near the salon's ways of reaching the client). Run once, as it was handed over; its texts
are not read.

Each message goes through the whole decision (rules reading, then `decide`) with free slots and an
open campaign offer in the conversation, so an opt-out answered with an offer would show.
Measured on 2026-12-06: 27/40 opt-outs understood, 7/40 asked about (34/40 handled), no opt-out
answered with an offer or a booking; 0/15 near misses read as a stop, a restart or asked about;
11/15 opt-ins. After the rules learnt from 80 phrasings of our own (this set still unread): 30
understood, 8 asked (38/40), the rest unchanged. After two training sets more
(tests/unit/test_chat_opt_out_training.py): 35 understood, 5 asked (40/40), 13/15 opt-ins, near
misses still untouched. Since an answer to an offer that the rules do not understand gets how to
stop beside "não entendi" (after the seventh set): 2 near misses get it, none is stopped. The first
two sets, under the same measure, are in `test_never_an_offer_...`."""

from __future__ import annotations

import pytest

from domain.chat_agent import ChatDecision, decide
from tests.unit.chat_table_blind_opt_out import BLIND_OPT_OUT
from tests.unit.chat_table_blind_opt_out_eighth import EIGHTH_OPT_OUT
from tests.unit.chat_table_blind_opt_out_fifth import FIFTH_OPT_OUT
from tests.unit.chat_table_blind_opt_out_fourth import FOURTH_OPT_OUT
from tests.unit.chat_table_blind_opt_out_fresh import FRESH_OPT_OUT
from tests.unit.chat_table_blind_opt_out_seventh import SEVENTH_OPT_OUT
from tests.unit.chat_table_blind_opt_out_sixth import SIXTH_OPT_OUT
from tests.unit.chat_table_blind_opt_out_third import THIRD_OPT_IN, THIRD_OPT_OUT
from tests.unit.test_chat_decisions import OFFER, TUESDAY_SLOTS, FakeSlots, context
from tests.unit.test_chat_rules import read

ASKS = "parar de receber as ofertas"  # the question, or how to stop beside "não entendi"


def decision_on(text: str) -> ChatDecision:
    return decide(text, read(text), context(open_offer=OFFER), openings=FakeSlots(TUESDAY_SLOTS))


def offers_something(decision: ChatDecision) -> bool:
    return bool(decision.proposed) or decision.book is not None or decision.accept_offer is not None


def handled(decision: ChatDecision) -> bool:
    """Stopped, or asked whether to stop, and nothing offered."""
    return (decision.opt_out or ASKS in decision.reply) and not offers_something(decision)


def test_the_third_blind_set_is_handled_and_near_misses_are_left_alone() -> None:
    opt_outs = [decision_on(text) for text, stop in THIRD_OPT_OUT if stop]
    near = [decision_on(text) for text, stop in THIRD_OPT_OUT if not stop]
    back_in = [text for text in THIRD_OPT_IN if read(text).opt_in and not read(text).opt_out]
    assert (len(opt_outs), len(near), len(THIRD_OPT_IN)) == (40, 15, 15)
    wrongly = [d for d in near if d.opt_out or d.opt_in]
    assert len(wrongly) == 0, f"{len(wrongly)} near misses read as a stop or a restart"
    asked = sum(ASKS in d.reply for d in near)
    assert asked <= 2, f"{asked} near misses asked about"
    assert sum(map(handled, opt_outs)) == 40, f"{sum(map(handled, opt_outs))}/40 handled"
    assert len(back_in) >= 13, f"{len(back_in)}/15 opt-ins"


@pytest.mark.parametrize(
    "table",
    [
        EIGHTH_OPT_OUT,
        SEVENTH_OPT_OUT,
        SIXTH_OPT_OUT,
        FIFTH_OPT_OUT,
        FOURTH_OPT_OUT,
        THIRD_OPT_OUT,
        FRESH_OPT_OUT,
        [(case.text, case.opt_out) for case in BLIND_OPT_OUT],
    ],
    ids=["eighth", "seventh", "sixth", "fifth", "fourth", "third", "fresh", "first"],
)
def test_never_an_offer_to_a_client_who_asked_to_stop(table: list[tuple[str, bool]]) -> None:
    offered = [text for text, stop in table if stop and offers_something(decision_on(text))]
    assert len(offered) == 0, f"{len(offered)} opt-outs answered with an offer"


def test_a_booking_near_a_stop_word_is_asked_about_and_offered_nothing() -> None:
    decision = decision_on("não quero ficar recebendo horário, marca nada não")
    assert ASKS in decision.reply and not offers_something(decision)
    decision = decision_on("quero marcar um corte terça de manhã")
    assert decision.proposed  # a plain booking still gets slots
