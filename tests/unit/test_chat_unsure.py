"""Answers to an open offer that the rules cannot read with confidence: they say how to stop,
and offer nothing until the client says what they want (issue 13: when unsure, ask; never answer
an opt-out with an offer). Without an open offer the same messages get the usual answers."""

from __future__ import annotations

from domain.chat_agent import ChatDecision, decide
from tests.unit.test_chat_blind_third import ASKS, decision_on, offers_something
from tests.unit.test_chat_decisions import OFFER, TUESDAY_SLOTS, FakeSlots, context
from tests.unit.test_chat_rules import read

HINT = "Se quiser parar de receber as ofertas do Salão Teste, responda SAIR"


def without_offer(text: str) -> ChatDecision:
    return decide(text, read(text), context(), openings=FakeSlots(TUESDAY_SLOTS))


def test_a_message_not_understood_gets_how_to_stop_beside_not_understood() -> None:
    text = "a chave do meu carro ficou esquecida em cima do balcão"
    decision = decision_on(text)
    assert read(text).intent == "unknown"
    assert decision.reply.startswith("Desculpe, Ana, não entendi.") and HINT in decision.reply
    assert not (decision.opt_out or offers_something(decision))
    assert ASKS not in without_offer(text).reply and "não entendi" in without_offer(text).reply


def test_a_long_no_declines_the_offer_and_says_how_to_stop_a_short_one_only_declines() -> None:
    long_no = decision_on("não, obrigada, a gente agora está morando bem longe daí")
    assert long_no.decline_offer == OFFER.auth_request_id and HINT in long_no.reply
    short_no = decision_on("não, obrigada")
    assert short_no.decline_offer == OFFER.auth_request_id and ASKS not in short_no.reply


def test_a_warm_message_is_greeted_not_told_it_was_not_understood() -> None:
    decision = decision_on("obrigada pelo carinho de sempre, vocês são demais, beijos")
    assert decision.reply.startswith("Olá, Ana!") and ASKS not in decision.reply
    hoping = decision_on("oi boa tarde, tudo bem com vocês? espero que sim, beijos")
    assert hoping.accept_offer is None  # "espero que sim" is a wish, not a yes to the offer


def test_a_service_named_with_nothing_asked_is_asked_about_not_answered_with_slots() -> None:
    text = "o corte eu faço com minha prima agora"
    named = decision_on(text)
    assert read(text).named_only and not offers_something(named)
    assert named.reply.startswith("Ana, quer marcar um horário") and HINT in named.reply
    alone = without_offer(text)
    assert not offers_something(alone) and ASKS not in alone.reply  # no offer: no hint
    assert decision_on("escova").proposed  # a bare name answers "qual serviço?": slots
    assert decision_on("quero um corte").proposed  # a request: slots
    assert decision_on("corte terça de manhã").proposed  # a day named: slots


def test_a_no_that_asks_another_time_declines_the_offer_and_proposes_others() -> None:
    decision = decision_on("não posso nesse dia, tem outro?")
    assert decision.decline_offer == OFFER.auth_request_id and decision.proposed
    assert all(slot.starts_at != OFFER.starts_at for slot in decision.proposed)
    for no in ("sem interesse", "dispenso a escova", "não posso, fica pra outra"):
        plain = decision_on(no)
        assert plain.decline_offer == OFFER.auth_request_id and not offers_something(plain), no


def test_a_no_that_asks_for_another_booking_declines_the_offer_and_answers_it() -> None:
    decision = decision_on("não quero esse, quero marcar um corte terça de manhã")
    assert decision.decline_offer == OFFER.auth_request_id
    assert decision.proposed and ASKS not in decision.reply
