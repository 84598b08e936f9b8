"""The chat agent's whole answer to one message on a small salon: the booking it asks the owner
for, its events, its one WhatsApp reply, and how it changes the agenda. It is Monday noon; Carol
does the corte on Tuesdays 09:00-18:00."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

from domain.agenda import AgendaChange, ConsentChange
from domain.chat_agent import ProposedSlot
from domain.chat_answer import ChatAnswer, answer_message
from domain.chat_reading import Reading
from domain.chat_situation import InboundMessage
from domain.events import (
    AiResponseData,
    AuthRequestUpdatedData,
    ComplaintReceivedData,
    ConversationPausedData,
    event_type_of,
)
from domain.models import Agent, AuthRequest, AuthRequestStatus, ClientState
from domain.vocabulary import Engine
from tests.factories import make_client
from tests.unit.domain_factories import (
    NOW,
    Salon,
    id_counter,
    local,
    make_booking,
    make_pending,
    make_salon_agenda,
    make_understanding,
    preapproved,
    slot_of,
)

MESSAGE_ID = UUID("6a1f0000-0000-4000-8000-000000000001")
CONVERSATION_ID = UUID("6a1f0000-0000-4000-8000-000000000002")
OWNER = uuid4()


def tuesday_slots(salon: Salon) -> list[ProposedSlot]:
    return [slot_of(salon, local(10, hour)) for hour in (9, 11, 14)]


def reply_to(
    salon: Salon,
    body: str,
    *,
    proposed: list[ProposedSlot] | None = None,
    engine: Engine = "rules",
    llm_reply: str | None = None,
    **understood: Any,
) -> ChatAnswer:
    inbound = InboundMessage(
        message_id=MESSAGE_ID,
        conversation_id=CONVERSATION_ID,
        client_id=salon.client.id,
        body=body,
        proposed=[p.model_dump(mode="json") for p in proposed or []],
    )
    reading = Reading(
        understanding=make_understanding(**understood), engine=engine, llm_reply=llm_reply
    )
    return answer_message(salon.agenda, inbound, reading, now=NOW, new_id=id_counter())


def ai_response(answer: ChatAnswer) -> AiResponseData:
    last = answer.outcome.events[-1]
    assert isinstance(last, AiResponseData)
    return last


# --- a booking ------------------------------------------------------------------------------------
def booked(engine: Engine = "rules") -> tuple[Salon, ChatAnswer]:
    salon = make_salon_agenda()
    answer = reply_to(salon, "2", proposed=tuesday_slots(salon), intent="booking", engine=engine)
    return salon, answer


def test_picking_a_slot_asks_the_owner_with_a_pending_chat_request() -> None:
    salon, answer = booked()
    [request] = answer.outcome.change.requests_added
    assert (request.status, request.created_by_agent, request.command_id) == (
        AuthRequestStatus.PENDING,
        Agent.CHAT,
        f"chat:{MESSAGE_ID}",
    )
    assert request.client_state == ClientState.REQUESTED  # the client asked: told of a rejection
    data = request.appointment_data
    assert (data.client_id, data.service_id, data.professional_id, data.starts_at) == (
        salon.client.id,
        salon.service.id,
        salon.professional.id,
        local(10, 11),
    )
    assert (data.offer, data.final_price_cents) == (None, 12000)


def test_booking_change_only_adds_the_request() -> None:
    _salon, answer = booked()
    requests = answer.outcome.change.requests_added
    assert answer.outcome.change == AgendaChange(requests_added=requests)


def test_booking_reports_auth_request_created_then_ai_response() -> None:
    _salon, answer = booked()
    assert [event_type_of(e) for e in answer.outcome.events] == [
        "auth_request_created",
        "ai_response",
    ]


def test_booking_ai_response_says_a_booking_was_created_by_the_given_engine() -> None:
    salon, answer = booked(engine="gemini")
    [request] = answer.outcome.change.requests_added
    assert ai_response(answer) == AiResponseData(
        conversation_id=CONVERSATION_ID,
        client_id=salon.client.id,
        message=answer.reply.decision.reply,
        intent="booking",
        intent_detail="booking",
        booking_created=True,
        auth_request_id=request.id,
        engine="gemini",
        message_id=answer.reply.reply_id,
    )


def test_reply_is_one_transactional_message_about_the_stored_reply() -> None:
    salon, answer = booked()
    [message] = answer.outcome.messages
    assert (message.client_id, message.kind, message.related_id, message.not_before) == (
        salon.client.id,
        "transactional",
        answer.reply.reply_id,
        None,
    )
    assert message.body.startswith(
        "Perfeito, Ana! Pedi ao salão a confirmação do seu horário de Corte feminino"
    )


def test_agent_reply_links_the_booking_it_created() -> None:
    _salon, answer = booked()
    assert answer.reply.auth_request_id == answer.outcome.change.requests_added[0].id
    assert answer.reply.inbound.message_id == MESSAGE_ID
    assert answer.reply.at == NOW


def test_a_picked_slot_proposed_to_someone_else_meanwhile_is_not_booked() -> None:
    bruno = make_client(name="Bruno Lima")
    salon = make_salon_agenda(clients=[bruno])
    offer = make_pending(salon, local(10, 11), client=bruno)
    salon.agenda.pending = {offer.id: offer}
    answer = reply_to(salon, "2", proposed=tuesday_slots(salon), intent="booking")
    assert answer.outcome.change.requests_added == ()
    assert ai_response(answer).booking_created is False
    assert answer.outcome.messages[0].body.startswith(
        "Poxa, Ana, esse horário acabou de ser reservado."
    )


def test_a_picked_slot_already_past_is_not_booked() -> None:
    salon = make_salon_agenda()
    yesterday = [slot_of(salon, local(3, 10))]  # proposed last Tuesday, never answered
    answer = reply_to(salon, "sim", proposed=yesterday, affirmative=True)
    assert answer.outcome.change.requests_added == ()


# --- opting out and complaints --------------------------------------------------------------------
def test_opt_out_reports_client_opted_out_and_opts_them_out() -> None:
    salon = make_salon_agenda()
    answer = reply_to(salon, "sair", opt_out=True)
    assert [event_type_of(e) for e in answer.outcome.events] == ["client_opted_out", "ai_response"]
    assert answer.outcome.change == AgendaChange(
        consents=(ConsentChange(salon.client.id, granted=False, source="chat", text="sair"),)
    )


def test_an_opt_out_memory_already_had_is_stored_again_but_not_announced() -> None:
    salon = make_salon_agenda(
        client=make_client(name="Ana Souza", marketing_opt_out=True),
    )
    answer = reply_to(salon, "sair", opt_out=True)
    assert [event_type_of(e) for e in answer.outcome.events] == ["ai_response"]
    # another writer may have undone it behind the salon's memory: PostgreSQL hears it again
    assert answer.outcome.change == AgendaChange(
        consents=(ConsentChange(salon.client.id, granted=False, source="chat", text="sair"),)
    )


def test_complaint_reports_complaint_received_and_hands_the_conversation_over() -> None:
    salon = make_salon_agenda()
    answer = reply_to(salon, "o corte ficou horrível", intent="complaint")
    assert [event_type_of(e) for e in answer.outcome.events] == [
        "complaint_received",
        "conversation_paused",
        "ai_response",
    ]
    assert answer.reply.paused_until == NOW + timedelta(hours=12)
    assert answer.outcome.events[0] == ComplaintReceivedData(
        conversation_id=CONVERSATION_ID,
        client_id=salon.client.id,
        client_name="Ana Souza",
        message="o corte ficou horrível",
    )
    assert answer.outcome.change == AgendaChange()


def test_asking_for_a_person_hands_the_conversation_over_for_the_salons_hours() -> None:
    salon = make_salon_agenda()
    salon.agenda.settings = salon.agenda.settings.model_copy(update={"handoff_resume_h": 3})
    answer = reply_to(salon, "quero falar com um atendente", intent="unknown", wants_person=True)
    paused = answer.outcome.events[0]
    assert paused == ConversationPausedData(
        conversation_id=CONVERSATION_ID,
        client_id=salon.client.id,
        client_name="Ana Souza",
        reason="client_asked",
        paused_until=NOW + timedelta(hours=3),
    )
    assert answer.reply.paused_until == NOW + timedelta(hours=3)
    assert "alguém do salão" in answer.reply.decision.reply
    assert answer.reply.decision.book is None


def test_an_ordinary_answer_keeps_the_agent_answering() -> None:
    answer = reply_to(make_salon_agenda(), "oi", intent="hello")
    assert answer.reply.paused_until is None
    assert "conversation_paused" not in [event_type_of(e) for e in answer.outcome.events]


# --- a campaign offer -----------------------------------------------------------------------------
def test_accepting_a_campaign_offer_marks_it_accepted_for_the_owner_and_books_nothing() -> None:
    salon = make_salon_agenda()
    offer = make_pending(salon, local(10, 14), agent=Agent.PRAZO_CERTO)
    salon.agenda.pending = {offer.id: offer}
    answer = reply_to(salon, "sim", affirmative=True)
    response = ai_response(answer)
    assert (response.auth_request_id, response.booking_created) == (offer.id, False)
    assert answer.reply.auth_request_id == offer.id
    (accepted,) = answer.outcome.change.requests_updated
    assert (accepted.id, accepted.client_state, accepted.status) == (
        offer.id,
        ClientState.ACCEPTED,
        AuthRequestStatus.PENDING,
    )
    assert answer.outcome.change.appointments_added == ()
    types = [event_type_of(e) for e in answer.outcome.events]
    assert types == ["auth_request_updated", "ai_response"]


def offered_to_ana(salon: Salon, **overrides: Any) -> AuthRequest:
    """Ana's campaign offer for Tuesday 14:00 (tomorrow), held as pending."""
    offer = make_pending(salon, local(10, 14), agent=Agent.PRAZO_CERTO, **overrides)
    salon.agenda.pending[offer.id] = offer
    return offer


def test_accepting_a_campaign_offer_reports_it_accepted_and_still_pending() -> None:
    salon = make_salon_agenda()
    offer = offered_to_ana(salon, expires_at=local(10, 9))
    answer = reply_to(salon, "sim", affirmative=True)
    assert answer.outcome.events[0] == AuthRequestUpdatedData(
        auth_request_id=offer.id,
        status="pending",
        client_state="accepted",
        expires_at=local(10, 9),
    )


def test_accepting_an_offer_tells_the_client_it_went_to_the_salon_for_confirmation() -> None:
    salon = make_salon_agenda()
    offered_to_ana(salon)
    answer = reply_to(salon, "sim", affirmative=True)
    assert [m.body for m in answer.outcome.messages] == [
        "Ótimo, Ana! Pedi ao salão a confirmação do seu horário de Corte feminino amanhã (10/03)"
        " às 14:00 com Carol. Te aviso por aqui assim que confirmarem."
    ]


def test_accepted_offer_stays_pending_for_the_owner() -> None:
    salon = make_salon_agenda()
    offer = offered_to_ana(salon)
    salon.agenda.apply(reply_to(salon, "sim", affirmative=True).outcome.change)
    assert salon.agenda.pending[offer.id].client_state == ClientState.ACCEPTED
    assert salon.agenda.upcoming == {}


def test_sim_to_an_offer_already_accepted_changes_nothing() -> None:
    salon = make_salon_agenda()
    offered_to_ana(salon, client_state=ClientState.ACCEPTED)
    answer = reply_to(salon, "sim", affirmative=True)
    assert answer.outcome.change == AgendaChange()
    assert [event_type_of(e) for e in answer.outcome.events] == ["ai_response"]


def test_sim_to_an_expired_offer_accepts_nothing() -> None:
    salon = make_salon_agenda()
    offered_to_ana(salon, expires_at=NOW - timedelta(minutes=1))
    answer = reply_to(salon, "sim", affirmative=True)
    assert answer.outcome.change == AgendaChange()
    assert ai_response(answer).auth_request_id is None


def test_sim_answers_the_latest_offer_still_open() -> None:
    salon = make_salon_agenda()
    still_open = offered_to_ana(salon, created_at=NOW - timedelta(days=1))
    offered_to_ana(salon, created_at=NOW - timedelta(hours=1), expires_at=NOW)  # newer, expired
    answer = reply_to(salon, "sim", affirmative=True)
    assert [r.id for r in answer.outcome.change.requests_updated] == [still_open.id]


# --- a campaign offer the owner pre-approved -----------------------------------------------------
def preapproved_offer_accepted() -> tuple[Salon, AuthRequest, ChatAnswer]:
    salon = make_salon_agenda()
    offer = preapproved(offered_to_ana(salon), OWNER, at=local(9, 11))
    salon.agenda.pending[offer.id] = offer
    return salon, offer, reply_to(salon, "sim", affirmative=True)


def test_sim_to_a_preapproved_offer_books_it_at_once() -> None:
    salon, offer, answer = preapproved_offer_accepted()
    [appointment] = answer.outcome.change.appointments_added
    assert (appointment.auth_request_id, appointment.client_id) == (offer.id, salon.client.id)
    assert (appointment.starts_at, appointment.ends_at, appointment.price_cents) == (
        local(10, 14),
        local(10, 15),
        12000,
    )


def test_booked_offer_leaves_pending_approved_by_the_owner_who_preapproved_it() -> None:
    _salon, offer, answer = preapproved_offer_accepted()
    change = answer.outcome.change
    [appointment] = change.appointments_added
    [decided] = change.requests_decided
    assert (decided.id, decided.status, decided.client_state) == (
        offer.id,
        AuthRequestStatus.APPROVED,
        ClientState.ACCEPTED,
    )
    assert (decided.decided_by, decided.decided_at, decided.appointment_id) == (
        OWNER,
        NOW,
        appointment.id,
    )
    assert change.requests_updated == ()


def test_booked_offer_reports_accepted_then_appointment_created_then_ai_response() -> None:
    _salon, _offer, answer = preapproved_offer_accepted()
    assert [event_type_of(e) for e in answer.outcome.events] == [
        "auth_request_updated",
        "appointment_created",
        "ai_response",
    ]


def test_booked_offer_reply_is_the_only_confirmation() -> None:
    _salon, offer, answer = preapproved_offer_accepted()
    told = [m for m in answer.outcome.messages if m.kind != "reminder"]
    assert [m.body for m in told] == [
        "Perfeito, Ana! Seu horário de Corte feminino amanhã (10/03) às 14:00 com Carol está"
        " confirmado. Até lá!"
    ]
    assert ai_response(answer).auth_request_id == offer.id


def test_booking_an_offer_at_once_withdraws_another_offer_for_its_time() -> None:
    bruno = make_client(name="Bruno Lima", phone_e164="+5511912345678")
    salon = make_salon_agenda(clients=[bruno])
    offer = preapproved(offered_to_ana(salon), OWNER)
    bruno_offer = make_pending(
        salon, local(10, 14, 30), client=bruno, client_state=ClientState.ACCEPTED
    )
    salon.agenda.pending = {r.id: r for r in (offer, bruno_offer)}
    answer = reply_to(salon, "sim", affirmative=True)
    salon.agenda.apply(answer.outcome.change)
    assert salon.agenda.pending == {}
    told = [m for m in answer.outcome.messages if m.kind != "reminder"]
    assert [m.client_id for m in told] == [salon.client.id, bruno.id]
    assert told[1].body.startswith(
        "Olá, Bruno! O horário de Corte feminino em 10/03/2026 às 14:30 com Carol acabou de ser"
        " preenchido."
    )


def time_taken_meanwhile() -> tuple[AuthRequest, ChatAnswer]:
    salon = make_salon_agenda()
    offer = preapproved(offered_to_ana(salon), OWNER)
    salon.agenda.pending = {offer.id: offer}
    taken = make_booking(salon, local(10, 13, 30))
    salon.agenda.upcoming = {taken.id: taken}
    return offer, reply_to(salon, "sim", affirmative=True)


def test_sim_to_a_preapproved_offer_whose_time_was_taken_withdraws_it() -> None:
    offer, answer = time_taken_meanwhile()
    withdrawn = offer.model_copy(
        update={
            "status": AuthRequestStatus.CLOSED,
            "client_state": ClientState.WITHDRAWN,
            "client_state_at": NOW,
        }
    )
    assert answer.outcome.change == AgendaChange(requests_decided=(withdrawn,))


def test_withdrawn_offer_reports_auth_request_updated_then_ai_response_naming_no_request() -> None:
    offer, answer = time_taken_meanwhile()
    assert [event_type_of(e) for e in answer.outcome.events] == [
        "auth_request_updated",
        "ai_response",
    ]
    assert answer.outcome.events[0] == AuthRequestUpdatedData(
        auth_request_id=offer.id, status="closed", client_state="withdrawn", preapproved=True
    )
    assert ai_response(answer).auth_request_id is None
    assert answer.reply.auth_request_id is None


def test_client_whose_offer_was_taken_is_told_it_was_filled() -> None:
    _offer, answer = time_taken_meanwhile()
    filled = (
        "Olá, Ana! O horário de Corte feminino em 10/03/2026 às 14:00 com Carol acabou de ser"
        " preenchido. Tenho estes horários próximos para Corte feminino: 1) amanhã (10/03) às"
        " 12:30 com Carol; 2) amanhã (10/03) às 15:00 com Carol; 3) amanhã (10/03) às 16:00 com"
        " Carol. Responda com o número para pedir um deles."
    )
    assert [m.body for m in answer.outcome.messages] == [filled]
    assert ai_response(answer).message == filled
    # kept as the conversation's proposed slots: the next "1" asks for 12:30
    assert [p["starts_at"] for p in answer.reply.proposed] == [
        local(10, 12, 30).isoformat(),
        local(10, 15).isoformat(),
        local(10, 16).isoformat(),
    ]


# --- declining a campaign offer ------------------------------------------------------------------
def test_nao_declines_the_offer_and_frees_its_time() -> None:
    salon = make_salon_agenda()
    offer = offered_to_ana(salon)
    answer = reply_to(salon, "não", negative=True)
    declined = offer.model_copy(
        update={
            "status": AuthRequestStatus.CLOSED,
            "client_state": ClientState.DECLINED,
            "client_state_at": NOW,
        }
    )
    assert answer.outcome.change == AgendaChange(requests_decided=(declined,))


def test_declined_offer_reports_auth_request_updated_then_ai_response() -> None:
    salon = make_salon_agenda()
    offer = offered_to_ana(salon)
    answer = reply_to(salon, "não", negative=True)
    assert [event_type_of(e) for e in answer.outcome.events] == [
        "auth_request_updated",
        "ai_response",
    ]
    assert answer.outcome.events[0] == AuthRequestUpdatedData(
        auth_request_id=offer.id, status="closed", client_state="declined"
    )


def test_declining_books_nothing_and_replies_once() -> None:
    salon = make_salon_agenda()
    offered_to_ana(salon)
    answer = reply_to(salon, "não", negative=True)
    assert answer.outcome.change.appointments_added == ()
    assert [m.body for m in answer.outcome.messages] == [
        "Sem problema, Ana! Quando quiser outro horário, é só chamar."
    ]


# --- the stored reply -----------------------------------------------------------------------------
def test_agent_reply_carries_the_proposed_slots_as_json() -> None:
    salon = make_salon_agenda()
    answer = reply_to(salon, "quero cortar amanhã", intent="booking", service_id=salon.service.id)
    assert answer.reply.proposed[0] == {
        "service_id": str(salon.service.id),
        "professional_id": str(salon.professional.id),
        "starts_at": "2026-03-10T09:00:00-03:00",
        "service_name": "Corte feminino",
        "professional_name": "Carol",
    }
    expected = [slot_of(salon, local(10, hour)) for hour in (9, 10, 11)]
    assert [ProposedSlot.model_validate(p) for p in answer.reply.proposed] == expected


def test_gemini_reply_is_sent_for_small_talk() -> None:
    salon = make_salon_agenda()
    answer = reply_to(salon, "oi", intent="hello", engine="gemini", llm_reply="Oi, Ana!")
    assert answer.outcome.messages[0].body == "Oi, Ana!"
    assert ai_response(answer).message == "Oi, Ana!"


def test_reply_and_message_get_their_own_ids() -> None:
    salon = make_salon_agenda()
    answer = reply_to(salon, "oi", intent="hello")
    ids = {answer.reply.reply_id, answer.outcome.messages[0].message_id, MESSAGE_ID}
    assert len(ids) == 3


def test_ai_response_names_no_booking_for_small_talk() -> None:
    salon = make_salon_agenda()
    answer = reply_to(salon, "oi", intent="hello")
    response = ai_response(answer)
    assert (response.booking_created, response.auth_request_id, response.intent) == (
        False,
        None,
        "hello",
    )
