"""The chat agent's decision on plain data, with a fake slot source that counts what it is asked:
opting out, complaints, picking a proposed slot, a slot taken meanwhile, campaign offers, and
small talk that never computes free slots. It is Monday 09/03; slots are with Carol."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, time
from typing import Any
from uuid import uuid4

from domain.chat_agent import ChatContext, ChatDecision, OpenOffer, ProposedSlot, decide
from domain.chat_rules import Understanding
from domain.models import Service
from tests.factories import make_service
from tests.unit.domain_factories import NOW, SAO_PAULO, local, make_understanding

CORTE = make_service(name="Corte feminino", duration_min=60, price_cents=12000)
CAROL = uuid4()


class FakeSlots:
    """A `SlotSource` with fixed free slots; counts and records what the decision asks."""

    def __init__(
        self, free: Sequence[ProposedSlot] = (), taken: Collection[ProposedSlot] = ()
    ) -> None:
        self.free = list(free)
        self.taken = list(taken)
        self.asked: list[Understanding] = []
        self.checked: list[ProposedSlot] = []

    def for_request(
        self, understanding: Understanding, proposed: Sequence[ProposedSlot]
    ) -> list[ProposedSlot]:
        self.asked.append(understanding)
        return list(self.free)

    def is_open(self, slot: ProposedSlot) -> bool:
        self.checked.append(slot)
        return slot not in self.taken


def slot(starts_at: datetime, service: Service = CORTE) -> ProposedSlot:
    return ProposedSlot(
        service_id=service.id,
        professional_id=CAROL,
        starts_at=starts_at,
        service_name=service.name,
        professional_name="Carol",
    )


TUESDAY_SLOTS = (slot(local(10, 9)), slot(local(10, 11)), slot(local(10, 14)))
OFFER = OpenOffer(
    auth_request_id=uuid4(),
    service_name="Corte feminino",
    professional_name="Carol",
    starts_at=local(12, 14),
)


def context(**overrides: Any) -> ChatContext:
    values: dict[str, Any] = {
        "salon_name": "Salão Teste",
        "time_zone": SAO_PAULO,
        "client_first_name": "Ana",
        "today": date(2026, 3, 9),
        "now": NOW,
        "services": (CORTE,),
    }
    return ChatContext(**(values | overrides))


def answer(
    text: str, slots: FakeSlots | None = None, *, llm_reply: str | None = None, **understood: Any
) -> ChatDecision:
    """`decide` on `text` read as `understood`, with the Tuesday slots proposed unless told."""
    situation = {k: understood.pop(k) for k in ("proposed", "open_offer") if k in understood}
    return decide(
        text,
        make_understanding(**understood),
        context(**situation),
        openings=slots or FakeSlots(),
        llm_reply=llm_reply,
    )


# --- opting out and complaints --------------------------------------------------------------------
def test_opt_out_stops_offers_and_says_so() -> None:
    decision = answer("sair", opt_out=True)
    assert decision.opt_out is True
    assert decision.reply == (
        "Tudo certo, Ana! Você não vai mais receber ofertas do Salão Teste."
        " Se quiser agendar, é só chamar por aqui."
    )


def test_opt_out_books_nothing_even_with_a_yes() -> None:
    slots = FakeSlots()
    decision = answer(
        "sim, mas pare de mandar", slots, opt_out=True, affirmative=True, proposed=TUESDAY_SLOTS[:1]
    )
    assert (decision.opt_out, decision.book) == (True, None)
    assert slots.checked == []


def test_complaint_is_flagged_and_sells_nothing() -> None:
    slots = FakeSlots(free=TUESDAY_SLOTS)
    decision = answer("o corte ficou horrível", slots, intent="complaint", service_id=CORTE.id)
    assert (decision.complaint, decision.intent, decision.book, decision.proposed) == (
        True,
        "complaint",
        None,
        (),
    )
    assert decision.reply.startswith("Sinto muito pelo ocorrido, Ana.")
    assert slots.asked == []


# --- picking a proposed slot ----------------------------------------------------------------------
def test_picking_a_proposed_slot_by_number_books_it() -> None:
    decision = answer("2", intent="booking", proposed=TUESDAY_SLOTS)
    assert decision.book == TUESDAY_SLOTS[1]
    assert decision.reply == (
        "Perfeito, Ana! Pedi ao salão a confirmação do seu horário de Corte feminino amanhã"
        " (10/03) às 11:00"
        " com Carol. Te aviso por aqui assim que confirmarem."
    )


def test_picking_a_proposed_slot_by_ordinal_word_books_it() -> None:
    decision = answer("quero o terceiro", intent="booking", proposed=TUESDAY_SLOTS)
    assert decision.book == TUESDAY_SLOTS[2]


def test_picking_a_proposed_slot_by_its_time_books_it() -> None:
    decision = answer("pode ser às 14h", intent="booking", at=time(14), proposed=TUESDAY_SLOTS)
    assert decision.book == TUESDAY_SLOTS[2]


def test_yes_books_the_only_proposed_slot() -> None:
    decision = answer("sim", intent="booking", affirmative=True, proposed=TUESDAY_SLOTS[:1])
    assert decision.book == TUESDAY_SLOTS[0]


def test_yes_to_several_proposed_slots_asks_which() -> None:
    decision = answer("sim", intent="booking", affirmative=True, proposed=TUESDAY_SLOTS)
    assert decision.book is None
    assert decision.proposed == TUESDAY_SLOTS
    assert decision.reply == (
        "Combinado, Ana! Qual destes horários? 1) amanhã (10/03) às 09:00 com Carol;"
        " 2) amanhã (10/03) às 11:00 com Carol; 3) amanhã (10/03) às 14:00 com Carol."
        " Responda com o número."
    )


def test_a_number_inside_a_sentence_picks_nothing() -> None:
    decision = answer("somos 2 pessoas hoje", intent="unknown", proposed=TUESDAY_SLOTS)
    assert decision.book is None


def test_a_picked_slot_is_checked_before_it_is_booked() -> None:
    slots = FakeSlots()
    answer("1", slots, intent="booking", proposed=TUESDAY_SLOTS)
    assert slots.checked == [TUESDAY_SLOTS[0]]


def test_a_picked_slot_taken_meanwhile_is_not_booked_and_others_are_offered() -> None:
    others = (slot(local(10, 10)), slot(local(10, 12)))
    slots = FakeSlots(free=others, taken=[TUESDAY_SLOTS[1]])
    decision = answer("2", slots, intent="booking", proposed=TUESDAY_SLOTS)
    assert decision.book is None
    assert decision.proposed == others
    assert decision.reply.startswith("Poxa, Ana, esse horário acabou de ser reservado. ")
    assert "1) amanhã (10/03) às 10:00 com Carol; 2) amanhã (10/03) às 12:00 com Carol" in (
        decision.reply
    )


def test_a_picked_slot_taken_meanwhile_asks_for_the_same_service_near_the_same_time() -> None:
    slots = FakeSlots(taken=[TUESDAY_SLOTS[1]])
    answer("2", slots, intent="booking", proposed=TUESDAY_SLOTS)
    [asked] = slots.asked
    assert (asked.service_id, asked.day, asked.at) == (CORTE.id, date(2026, 3, 10), time(11))


def test_a_picked_slot_taken_with_nothing_else_free_says_so() -> None:
    slots = FakeSlots(taken=[TUESDAY_SLOTS[0]])
    decision = answer("sim", slots, affirmative=True, proposed=TUESDAY_SLOTS[:1])
    assert decision.reply.startswith(
        "Poxa, Ana, esse horário acabou de ser reservado. E não encontrei outro horário livre"
    )
    assert (decision.book, decision.proposed) == (None, ())


# --- campaign offers ------------------------------------------------------------------------------
def test_yes_to_an_open_campaign_offer_accepts_it() -> None:
    slots = FakeSlots()
    decision = answer("sim", slots, affirmative=True, open_offer=OFFER)
    assert (decision.accept_offer, decision.book, decision.intent) == (
        OFFER.auth_request_id,
        None,
        "booking",
    )
    assert decision.reply == (
        "Ótimo, Ana! Pedi ao salão a confirmação do seu horário de Corte feminino quinta (12/03)"
        " às 14:00 com Carol. Te aviso por aqui assim que confirmarem."
    )
    assert slots.asked == []


def test_no_to_an_open_campaign_offer_accepts_nothing() -> None:
    decision = answer("não, obrigada", negative=True, open_offer=OFFER)
    assert decision.accept_offer is None
    assert decision.reply == "Sem problema, Ana! Quando quiser outro horário, é só chamar."


def test_yes_picks_a_proposed_slot_before_an_open_offer() -> None:
    decision = answer("sim", affirmative=True, open_offer=OFFER, proposed=TUESDAY_SLOTS[:1])
    assert (decision.book, decision.accept_offer) == (TUESDAY_SLOTS[0], None)


# --- asking for a booking -------------------------------------------------------------------------
def test_booking_request_offers_the_free_slots() -> None:
    slots = FakeSlots(free=TUESDAY_SLOTS)
    decision = answer("quero cortar", slots, intent="booking", service_id=CORTE.id)
    assert (decision.proposed, decision.book) == (TUESDAY_SLOTS, None)
    assert decision.reply.startswith("Tenho estes horários para Corte feminino: 1) amanhã (10/03)")


def test_booking_request_offers_at_most_three_slots() -> None:
    free = (*TUESDAY_SLOTS, slot(local(10, 16)))
    decision = answer("quero cortar", FakeSlots(free=free), intent="booking", service_id=CORTE.id)
    assert decision.proposed == TUESDAY_SLOTS


def test_booking_request_at_a_free_exact_time_offers_just_that_slot() -> None:
    slots = FakeSlots(free=TUESDAY_SLOTS)
    decision = answer(
        "corte amanhã às 11",
        slots,
        intent="booking",
        service_id=CORTE.id,
        day=date(2026, 3, 10),
        at=time(11),
    )
    assert decision.proposed == (TUESDAY_SLOTS[1],)
    assert decision.reply == (
        "Ana, tenho um horário de Corte feminino amanhã (10/03) às 11:00 com Carol. Posso pedir a"
        " confirmação ao salão? Responda SIM para pedir esse horário."
    )


def test_booking_request_without_a_service_asks_which_with_prices() -> None:
    decision = answer("quero marcar", intent="booking")
    assert decision.reply == (
        "Claro, Ana! Qual serviço você quer agendar? Temos: Corte feminino (R$\u00a0120,00)."
    )


# --- small talk -----------------------------------------------------------------------------------
def test_a_greeting_never_asks_for_free_slots() -> None:
    slots = FakeSlots(free=TUESDAY_SLOTS)
    decision = answer("oi, tudo bem?", slots, intent="hello")
    assert (slots.asked, slots.checked) == ([], [])
    assert decision.reply.startswith("Olá, Ana! Aqui é o atendimento do Salão Teste.")


def test_an_inquiry_lists_prices_without_asking_for_slots() -> None:
    slots = FakeSlots(free=TUESDAY_SLOTS)
    decision = answer("quanto custa o corte?", slots, intent="inquiry", service_id=CORTE.id)
    assert slots.asked == []
    assert decision.reply.startswith("Corte feminino: R$\u00a0120,00 (60 min).")


def test_gemini_reply_is_used_for_small_talk() -> None:
    decision = answer("oi!", intent="hello", llm_reply="Oi, Ana! Tudo ótimo por aqui.")
    assert decision.reply == "Oi, Ana! Tudo ótimo por aqui."
