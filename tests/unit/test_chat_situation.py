"""What the chat agent sees before it answers: the client's open campaign offer and proposed slots,
and the salon's real open slots (Carol does the corte on Tuesdays 09:00-18:00; it is Monday noon).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import uuid4

from domain.chat_agent import OpenOffer, ProposedSlot
from domain.chat_situation import InboundMessage, Openings, alternatives_to, chat_context
from domain.models import Agent, AppointmentStatus
from tests.factories import make_appointment, make_client, make_professional, make_service
from tests.unit.domain_factories import (
    NOW,
    THURSDAY,
    TUESDAY,
    Salon,
    local,
    make_pending,
    make_salon_agenda,
    make_understanding,
    slot_of,
    works,
)


def inbound(salon: Salon, proposed: list[dict[str, Any]] | None = None) -> InboundMessage:
    return InboundMessage(
        message_id=uuid4(),
        conversation_id=uuid4(),
        client_id=salon.client.id,
        body="oi",
        proposed=proposed or [],
    )


def starts(slots: list[ProposedSlot]) -> list[datetime]:
    return [s.starts_at for s in slots]


def book(salon: Salon, starts_at: datetime, **overrides: Any) -> None:
    appointment = make_appointment(
        professional_id=salon.professional.id,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=60),
        **overrides,
    )
    salon.agenda.upcoming[appointment.id] = appointment


def ask_corte(**overrides: Any) -> Any:
    return make_understanding(intent="booking", **overrides)


# --- chat_context ---------------------------------------------------------------------------------
def test_open_offer_is_the_client_most_recent_pending_campaign_request() -> None:
    salon = make_salon_agenda()
    older = make_pending(salon, local(10, 9), created_at=NOW - timedelta(days=2))
    newer = make_pending(
        salon, local(10, 15), agent=Agent.ENCHER_AGENDA, created_at=NOW - timedelta(hours=1)
    )
    salon.agenda.pending = {r.id: r for r in (newer, older)}
    context = chat_context(salon.agenda, inbound(salon), NOW)
    assert context.open_offer == OpenOffer(
        auth_request_id=newer.id,
        service_name="Corte feminino",
        professional_name="Carol",
        starts_at=local(10, 15),
    )


def test_a_chat_request_is_not_an_offer() -> None:
    salon = make_salon_agenda()
    asked = make_pending(salon, local(10, 9), agent=Agent.CHAT)
    salon.agenda.pending = {asked.id: asked}
    assert chat_context(salon.agenda, inbound(salon), NOW).open_offer is None


def test_another_client_offer_is_not_theirs() -> None:
    bruno = make_client(name="Bruno Lima")
    salon = make_salon_agenda(clients=[bruno])
    offer = make_pending(salon, local(10, 9), client=bruno)
    salon.agenda.pending = {offer.id: offer}
    assert chat_context(salon.agenda, inbound(salon), NOW).open_offer is None


def test_an_offer_whose_slot_has_passed_is_not_open() -> None:
    salon = make_salon_agenda()
    stale = make_pending(salon, local(3, 10), created_at=local(2, 9))  # last Tuesday's slot
    salon.agenda.pending = {stale.id: stale}
    assert chat_context(salon.agenda, inbound(salon), NOW).open_offer is None


def test_today_is_the_salon_local_day() -> None:
    salon = make_salon_agenda()
    late_monday = datetime(2026, 3, 10, 1, 0, tzinfo=UTC)  # 22:00 on Monday in São Paulo
    assert chat_context(salon.agenda, inbound(salon), late_monday).today == date(2026, 3, 9)


def test_proposed_slots_are_read_from_the_inbound_row() -> None:
    salon = make_salon_agenda()
    slots = [slot_of(salon, local(10, 9)), slot_of(salon, local(10, 11))]
    row = [s.model_dump(mode="json") for s in slots]
    assert chat_context(salon.agenda, inbound(salon, row), NOW).proposed == tuple(slots)


def test_proposed_slots_whose_time_came_are_no_longer_proposed() -> None:
    salon = make_salon_agenda()
    slots = [slot_of(salon, local(10, 9)), slot_of(salon, local(10, 11))]
    row = [s.model_dump(mode="json") for s in slots]
    at_ten = slots[0].starts_at + timedelta(hours=1)
    assert chat_context(salon.agenda, inbound(salon, row), at_ten).proposed == (slots[1],)


def test_context_names_the_client_by_first_name_and_lists_services_by_name() -> None:
    manicure = make_service(name="Manicure", duration_min=45)
    salon = make_salon_agenda(services=[manicure])
    context = chat_context(salon.agenda, inbound(salon), NOW)
    assert (context.client_first_name, context.salon_name) == ("Ana", "Salão Teste")
    assert [s.name for s in context.services] == ["Corte feminino", "Manicure"]


# --- Openings.for_request -------------------------------------------------------------------------
def test_offers_at_most_three_slots_at_least_an_hour_apart() -> None:
    salon = make_salon_agenda()
    found = Openings(salon.agenda, NOW).for_request(ask_corte(service_id=salon.service.id), [])
    assert starts(found) == [local(10, 9), local(10, 10), local(10, 11)]


def test_offered_slots_name_the_service_and_professional() -> None:
    salon = make_salon_agenda()
    found = Openings(salon.agenda, NOW).for_request(ask_corte(service_id=salon.service.id), [])
    assert found[0] == slot_of(salon, local(10, 9))


def test_the_asked_time_comes_first_then_the_nearest() -> None:
    salon = make_salon_agenda()
    asked = ask_corte(service_id=salon.service.id, day=date(2026, 3, 10), at=time(15))
    found = Openings(salon.agenda, NOW).for_request(asked, [])
    assert starts(found) == [local(10, 15), local(10, 14), local(10, 16)]


def test_part_of_day_is_respected() -> None:
    salon = make_salon_agenda()
    asked = ask_corte(service_id=salon.service.id, part_of_day="tarde")
    found = Openings(salon.agenda, NOW).for_request(asked, [])
    assert starts(found) == [local(10, 12), local(10, 13), local(10, 14)]


def test_service_comes_from_the_slots_proposed_last() -> None:
    escova = make_service(name="Escova", duration_min=30)
    salon = make_salon_agenda(services=[escova])
    proposed = [slot_of(salon, local(10, 9), service=escova)]
    found = Openings(salon.agenda, NOW).for_request(ask_corte(), proposed)
    assert {s.service_id for s in found} == {escova.id}
    assert len(found) == 3


def test_no_slots_without_a_service() -> None:
    salon = make_salon_agenda()
    assert Openings(salon.agenda, NOW).for_request(ask_corte(), []) == []


def test_no_slots_for_a_service_the_salon_does_not_have() -> None:
    salon = make_salon_agenda()
    assert Openings(salon.agenda, NOW).for_request(ask_corte(service_id=uuid4()), []) == []


def test_a_booked_slot_is_not_offered() -> None:
    salon = make_salon_agenda()
    book(salon, local(10, 9))
    found = Openings(salon.agenda, NOW).for_request(ask_corte(service_id=salon.service.id), [])
    assert starts(found) == [local(10, 10), local(10, 11), local(10, 12)]


def test_a_slot_proposed_to_someone_else_is_not_offered() -> None:
    bruno = make_client(name="Bruno Lima")
    salon = make_salon_agenda(clients=[bruno])
    offer = make_pending(salon, local(10, 9), client=bruno)
    salon.agenda.pending = {offer.id: offer}
    found = Openings(salon.agenda, NOW).for_request(ask_corte(service_id=salon.service.id), [])
    assert starts(found) == [local(10, 10), local(10, 11), local(10, 12)]


def test_slots_start_at_least_half_an_hour_from_now() -> None:
    salon = make_salon_agenda()
    tuesday_0950 = local(10, 9, 50)
    asked = ask_corte(service_id=salon.service.id)
    found = Openings(salon.agenda, tuesday_0950).for_request(asked, [])
    assert found[0].starts_at == local(10, 10, 30)


# --- Openings.is_open -----------------------------------------------------------------------------
def test_a_free_slot_in_working_hours_is_open() -> None:
    salon = make_salon_agenda()
    assert Openings(salon.agenda, NOW).is_open(slot_of(salon, local(10, 10))) is True


def test_a_booked_slot_is_not_open() -> None:
    salon = make_salon_agenda()
    book(salon, local(10, 10, 30))
    assert Openings(salon.agenda, NOW).is_open(slot_of(salon, local(10, 10))) is False


def test_a_slot_over_a_cancelled_booking_is_open() -> None:
    salon = make_salon_agenda()
    book(salon, local(10, 10), status=AppointmentStatus.CANCELLED)
    assert Openings(salon.agenda, NOW).is_open(slot_of(salon, local(10, 10))) is True


def test_a_slot_pending_for_someone_else_is_not_open() -> None:
    bruno = make_client(name="Bruno Lima")
    salon = make_salon_agenda(clients=[bruno])
    offer = make_pending(salon, local(10, 9, 30), client=bruno)
    salon.agenda.pending = {offer.id: offer}
    assert Openings(salon.agenda, NOW).is_open(slot_of(salon, local(10, 10))) is False


def test_a_slot_outside_working_hours_is_not_open() -> None:
    salon = make_salon_agenda()
    openings = Openings(salon.agenda, NOW)
    assert openings.is_open(slot_of(salon, local(10, 17, 30))) is False  # ends after 18:00
    assert openings.is_open(slot_of(salon, local(11, 10))) is False  # Wednesday: a day off


def test_a_day_the_salon_closed_has_no_open_slot() -> None:
    salon = make_salon_agenda()
    salon.agenda.settings = salon.agenda.settings.model_copy(
        update={"closed_days": (date(2026, 3, 10),)}
    )
    openings = Openings(salon.agenda, NOW)
    assert openings.is_open(slot_of(salon, local(10, 10))) is False
    assert openings.for_request(ask_corte(service_id=salon.service.id), []) == []  # Carol: Tue


def test_a_slot_of_an_unknown_service_is_not_open() -> None:
    salon = make_salon_agenda()
    unknown = slot_of(salon, local(10, 10)).model_copy(update={"service_id": uuid4()})
    assert Openings(salon.agenda, NOW).is_open(unknown) is False


def test_a_slot_of_an_unknown_professional_is_not_open() -> None:
    salon = make_salon_agenda()
    unknown = slot_of(salon, local(10, 10)).model_copy(update={"professional_id": uuid4()})
    assert Openings(salon.agenda, NOW).is_open(unknown) is False


def test_a_slot_already_past_is_not_open() -> None:
    salon = make_salon_agenda()
    tuesday_noon = local(10, 12)
    assert Openings(salon.agenda, tuesday_noon).is_open(slot_of(salon, local(10, 10))) is False


def test_an_inactive_professional_is_not_offered() -> None:
    salon = make_salon_agenda()
    carol = salon.professional
    salon.agenda.professionals[carol.id] = carol.model_copy(update={"active": False})
    found = Openings(salon.agenda, NOW).for_request(ask_corte(service_id=salon.service.id), [])
    assert found == []


# --- alternatives to a time the client cannot have ----------------------------------------------
def alternatives(salon: Salon, around: datetime, professional: Any = None) -> list[datetime]:
    found = alternatives_to(
        salon.agenda,
        service_id=salon.service.id,
        professional_id=(professional or salon.professional).id,
        around=around,
        now=NOW,
    )
    return starts(list(found.slots))


def test_alternatives_are_the_nearest_that_day_in_time_order_without_the_lost_time() -> None:
    salon = make_salon_agenda()
    assert alternatives(salon, local(10, 14)) == [local(10, 12), local(10, 13), local(10, 15)]


def test_alternatives_with_the_same_professional_first() -> None:
    dani = make_professional(name="Dani")
    salon = make_salon_agenda(professionals=[dani])
    salon.agenda.professionals[dani.id] = dani.model_copy(
        update={"service_ids": frozenset({salon.service.id})}
    )
    salon.agenda.working_hours.append(works(dani.id, TUESDAY, 9, 18))
    for hour in range(9, 18):
        if hour != 14:
            book(salon, local(10, hour))  # Carol's Tuesday is full but for the lost 14:00
    found = alternatives_to(
        salon.agenda,
        service_id=salon.service.id,
        professional_id=salon.professional.id,
        around=local(10, 14),
        now=NOW,
    )
    assert {s.professional_name for s in found.slots} == {"Dani"}  # anyone that day, then
    assert starts(list(found.slots)) == [local(10, 13), local(10, 14), local(10, 15)]


def test_alternatives_another_week_day_when_that_day_is_full() -> None:
    salon = make_salon_agenda(hours=[])
    salon.agenda.working_hours.extend(
        [
            works(salon.professional.id, TUESDAY, 9, 10),
            works(salon.professional.id, THURSDAY, 9, 12),
        ]
    )
    assert alternatives(salon, local(10, 9)) == [local(12, 9), local(12, 10), local(12, 11)]


def test_no_alternatives_leave_the_plain_words() -> None:
    salon = make_salon_agenda(hours=[])
    found = alternatives_to(
        salon.agenda,
        service_id=salon.service.id,
        professional_id=salon.professional.id,
        around=local(10, 10),
        now=NOW,
    )
    assert found.slots == () and found.phrase == ""


def test_one_alternative_is_asked_with_sim() -> None:
    salon = make_salon_agenda(hours=[])
    salon.agenda.working_hours.append(works(salon.professional.id, TUESDAY, 9, 11))
    found = alternatives_to(
        salon.agenda,
        service_id=salon.service.id,
        professional_id=salon.professional.id,
        around=local(10, 9),
        now=NOW,
    )
    assert found.phrase == (
        "Tenho um horário de Corte feminino amanhã (10/03) às 10:00 com Carol. Responda SIM"
        " para pedir esse"
        " horário."
    )
