"""Answers to an open offer that the rules cannot read with confidence: they say how to stop,
and offer nothing until the client says what they want (issue 13: when unsure, ask; never answer
an opt-out with an offer). Without an open offer the same messages get the usual answers."""

from __future__ import annotations

from domain.chat_agent import decide
from tests.unit.test_chat_blind_third import ASKS, decision_on, offers_something
from tests.unit.test_chat_decisions import OFFER, TUESDAY_SLOTS, FakeSlots, context
from tests.unit.test_chat_rules import read

HINT = "Se quiser parar de receber as ofertas do Salão Teste, responda SAIR"


def without_offer(text: str) -> str:
    return decide(text, read(text), context(), openings=FakeSlots(TUESDAY_SLOTS)).reply


def test_a_message_not_understood_gets_how_to_stop_beside_not_understood() -> None:
    text = "a chave do meu carro ficou esquecida em cima do balcão"
    decision = decision_on(text)
    assert read(text).intent == "unknown"
    assert decision.reply.startswith("Desculpe, Ana, não entendi.") and HINT in decision.reply
    assert not (decision.opt_out or offers_something(decision))
    assert ASKS not in without_offer(text) and "não entendi" in without_offer(text)


def test_a_long_no_declines_the_offer_and_says_how_to_stop_a_short_one_only_declines() -> None:
    long_no = decision_on("não, obrigada, a gente agora está morando bem longe daí")
    assert long_no.decline_offer == OFFER.auth_request_id and HINT in long_no.reply
    short_no = decision_on("não, obrigada")
    assert short_no.decline_offer == OFFER.auth_request_id and ASKS not in short_no.reply


def test_a_long_greeting_with_nothing_else_read_says_how_to_stop() -> None:
    assert read("oi boa tarde, olha só, aqui quem fala é a irmã dela").intent == "hello"
    assert HINT in decision_on("oi boa tarde, olha só, aqui quem fala é a irmã dela").reply
    assert ASKS not in decision_on("oi, boa tarde!").reply


def test_a_service_named_with_nothing_asked_is_asked_about_not_answered_with_slots() -> None:
    named = decision_on("o corte eu faço com minha prima agora")
    assert read("o corte eu faço com minha prima agora").named_only
    assert named.reply.startswith("Ana, quer marcar ") and "Me diga o dia" in named.reply
    assert HINT in named.reply and not offers_something(named)
    asked = decision_on("quero um corte")  # a request: slots as before
    assert asked.proposed and not read("quero um corte").named_only
    dated = decision_on("corte terça de manhã")  # a day named: slots as before
    assert dated.proposed


def test_a_no_that_asks_for_another_booking_declines_the_offer_and_answers_it() -> None:
    decision = decision_on("não quero esse, quero marcar um corte terça de manhã")
    assert decision.decline_offer == OFFER.auth_request_id
    assert decision.proposed and ASKS not in decision.reply
