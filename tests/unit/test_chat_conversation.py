"""A whole salon conversation on plain data (the rules reading, the real agenda, no I/O): cancel
(named, confirmed, then cancelled; several: which one?), reschedule (real slots linked to the
booking they replace), late and arrival notices tied to the booking, the salon's profile, media
and stickers. It is Monday 09/03 at noon; Carol works on Tuesdays 09:00–18:00."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from uuid import uuid4

from domain.agenda import ConsentChange
from domain.chat_answer import ChatAnswer, answer_message
from domain.chat_reading import Reading
from domain.chat_rules import understand
from domain.chat_situation import InboundMessage
from domain.events import AiResponseData, ClientNoticeData, EventData
from domain.models import Appointment, AppointmentStatus
from domain.salon_profile import OpeningPeriod, SalonProfile
from tests.factories import make_client
from tests.unit.domain_factories import (
    NOW,
    TUESDAY,
    Salon,
    id_counter,
    local,
    make_booking,
    make_salon_agenda,
    works,
)

PROFILE = SalonProfile(
    address="Rua Harmonia, 321 – Vila Madalena",
    maps_url="https://maps.example/harmonia",
    payment_methods=("pix", "credit_card", "cash"),
    cancellation_policy="Cancelamentos com menos de 24 horas podem ser cobrados.",
    cancellation_window_h=24,
)


class Chat:
    """One client's conversation: each answer's stored state (proposed slots, the question
    asked) is what the next message is read against, as the database keeps it."""

    def __init__(self, salon: Salon, now: datetime = NOW) -> None:
        self.salon = salon
        self.now = now
        self.proposed: list[dict[str, Any]] = []
        self.awaiting: dict[str, Any] | None = None
        self.conversation_id = uuid4()

    def says(self, text: str, *, kind: str = "text", transcript: str | None = None) -> ChatAnswer:
        inbound = InboundMessage(
            message_id=uuid4(),
            conversation_id=self.conversation_id,
            client_id=self.salon.client.id,
            body=text,
            proposed=self.proposed,
            awaiting=self.awaiting,
            kind=kind,
            transcript=transcript,
        )
        agenda = self.salon.agenda
        reading = Reading(
            understand(
                inbound.text,
                services=list(agenda.services.values()),
                professionals=list(agenda.professionals.values()),
                today=agenda.local_date(self.now),
            ),
            "rules",
        )
        answer = answer_message(agenda, inbound, reading, now=self.now, new_id=id_counter())
        agenda.apply(answer.outcome.change)
        self.proposed = answer.reply.proposed
        self.awaiting = answer.reply.awaiting
        return answer


def booked(salon: Salon, *starts: datetime) -> list[Appointment]:
    visits = [make_booking(salon, at, client_id=salon.client.id) for at in starts]
    for visit in visits:
        salon.agenda.upcoming[visit.id] = visit
    return visits


def reply(answer: ChatAnswer) -> str:
    return answer.reply.decision.reply


def events(answer: ChatAnswer, kind: type[EventData]) -> list[Any]:
    return [e for e in answer.outcome.events if isinstance(e, kind)]


def status(salon: Salon, visit: Appointment) -> AppointmentStatus | None:
    found = salon.agenda.upcoming.get(visit.id)
    return None if found is None else found.status


# --- cancel -------------------------------------------------------------------------------------
def test_cancel_names_the_booking_asks_then_cancels_on_sim() -> None:
    salon = make_salon_agenda()
    [visit] = booked(salon, local(17, 15))  # next Tuesday: beyond a reminder's reach
    chat = Chat(salon)
    asked = chat.says("Quero cancelar meu horário do dia 17")
    assert reply(asked) == (
        "Ana, você quer cancelar seu horário de Corte feminino de terça (17/03) às 15:00 com"
        " Carol? Responda SIM para cancelar ou NÃO para manter."
    )
    assert status(salon, visit) == AppointmentStatus.BOOKED
    done = chat.says("sim")
    assert reply(done).startswith("Pronto, Ana! Cancelei seu horário de Corte feminino de terça")
    assert status(salon, visit) is None  # cancelled: its time is free again
    [event] = [e for e in done.outcome.events if type(e).__name__ == "AppointmentUpdatedData"]
    assert (event.status, event.by_client) == ("cancelled", True)
    assert chat.awaiting is None


def test_nao_to_the_confirmation_keeps_the_booking() -> None:
    salon = make_salon_agenda()
    [visit] = booked(salon, local(17, 15))
    chat = Chat(salon)
    chat.says("preciso desmarcar")
    kept = chat.says("não, deixa")
    assert reply(kept) == (
        "Combinado, Ana! Seu horário de Corte feminino de terça (17/03) às 15:00 com Carol continua"
        " marcado."
    )
    assert status(salon, visit) == AppointmentStatus.BOOKED


def test_inside_the_cancellation_window_the_policy_is_shown() -> None:
    salon = make_salon_agenda()
    salon.agenda.profile = PROFILE
    booked(salon, local(10, 9))  # tomorrow 09:00: 21 h ahead, inside the 24 h window
    chat = Chat(salon)
    asked = chat.says("cancela meu horario de amanha")
    assert reply(asked) == (
        "Ana, você quer cancelar seu horário de Corte feminino de amanhã (10/03) às 09:00 com"
        " Carol? Atenção: Cancelamentos com menos de 24 horas podem ser cobrados. Responda SIM"
        " para cancelar ou NÃO para manter."
    )
    assert "Lembrando: Cancelamentos" in reply(chat.says("sim"))


def test_outside_the_window_no_policy_is_shown() -> None:
    salon = make_salon_agenda()
    salon.agenda.profile = PROFILE
    booked(salon, local(17, 15))
    assert "Atenção" not in reply(Chat(salon).says("quero cancelar"))


def test_with_several_bookings_it_asks_which_and_cancels_the_one_picked() -> None:
    salon = make_salon_agenda()
    first, second = booked(salon, local(17, 10), local(24, 15))
    chat = Chat(salon)
    asked = chat.says("quero cancelar meu horário")
    assert reply(asked) == (
        "Ana, você tem estes horários marcados: 1) Corte feminino terça (17/03) às 10:00 com"
        " Carol; 2) Corte feminino terça (24/03) às 15:00 com Carol. Qual deles você quer"
        " cancelar? Responda com o número."
    )
    chat.says("2")
    assert status(salon, first) == AppointmentStatus.BOOKED
    assert status(salon, second) is None


def test_a_day_that_names_one_of_several_is_asked_to_confirm() -> None:
    salon = make_salon_agenda()
    booked(salon, local(17, 10), local(24, 15))
    asked = Chat(salon).says("quero cancelar o do dia 24")
    assert reply(asked).startswith(
        "Ana, você quer cancelar seu horário de Corte feminino de terça (24/03) às 15:00"
    )


def test_another_clients_booking_is_never_named_nor_cancelled() -> None:
    salon = make_salon_agenda()
    bia = make_client(name="Bia Lima", phone_e164="+5511911112222")
    salon.agenda.clients[bia.id] = bia
    hers = make_booking(salon, local(17, 10), client_id=bia.id)
    salon.agenda.upcoming[hers.id] = hers
    chat = Chat(salon)
    answer = chat.says("quero cancelar meu horário de terça")
    assert reply(answer) == (
        "Ana, não encontrei nenhum horário marcado no seu nome para cancelar. Se quiser agendar"
        " um novo, me diga o serviço e o dia que prefere."
    )
    assert chat.says("sim").outcome.change.appointments_updated == ()
    assert status(salon, hers) == AppointmentStatus.BOOKED


def test_an_answer_on_another_subject_drops_the_question() -> None:
    salon = make_salon_agenda()
    [visit] = booked(salon, local(17, 15))
    chat = Chat(salon)
    chat.says("quero cancelar")
    chat.says("quanto custa o corte?")
    assert chat.awaiting is None
    chat.says("sim")
    assert status(salon, visit) == AppointmentStatus.BOOKED


def test_cancel_and_stop_the_offers_in_one_message_does_both() -> None:
    salon = make_salon_agenda()
    booked(salon, local(17, 15))
    answer = Chat(salon).says("cancela meu horario de terça e para de me mandar promoção")
    assert answer.reply.decision.opt_out is True
    assert answer.reply.decision.intent == "cancel"
    assert answer.outcome.change.clients_opted_out == (salon.client.id,)


# --- reschedule ---------------------------------------------------------------------------------
def test_reschedule_offers_slots_linked_to_the_booking_it_replaces() -> None:
    salon = make_salon_agenda()
    [visit] = booked(salon, local(17, 15))
    chat = Chat(salon)
    offered = chat.says("preciso remarcar")
    assert reply(offered).startswith(
        "Claro, Ana! Para remarcar seu horário de Corte feminino de terça (17/03) às 15:00 com"
        " Carol, tenho estes horários:"
    )
    assert chat.proposed and all(
        p["replaces_appointment_id"] == str(visit.id) for p in chat.proposed
    )
    picked = chat.says("1")
    [request] = picked.outcome.change.requests_added
    assert request.replaces_appointment_id == visit.id
    assert status(salon, visit) == AppointmentStatus.BOOKED  # until the salon approves
    assert "seu horário atual continua marcado" in reply(picked)


def test_reschedule_to_a_named_day_looks_there() -> None:
    salon = make_salon_agenda()
    [visit] = booked(salon, local(17, 15))
    chat = Chat(salon)
    chat.says("quero mudar meu horário para terça dia 24 às 10h")
    first = chat.proposed[0]
    assert first["starts_at"].startswith("2026-03-24T10:00")
    assert first["replaces_appointment_id"] == str(visit.id)


def test_reschedule_without_a_booking_starts_no_new_booking() -> None:
    salon = make_salon_agenda()
    chat = Chat(salon)
    answer = chat.says("Preciso remarcar")
    assert reply(answer).startswith("Ana, não encontrei nenhum horário marcado no seu nome para")
    assert chat.proposed == [] and answer.outcome.change.requests_added == ()


def test_reschedule_with_several_bookings_asks_which_first() -> None:
    salon = make_salon_agenda()
    _first, second = booked(salon, local(17, 10), local(24, 15))
    chat = Chat(salon)
    asked = chat.says("quero remarcar")
    assert reply(asked).endswith("Qual deles você quer remarcar? Responda com o número.")
    chat.says("o segundo")
    assert chat.proposed and all(
        p["replaces_appointment_id"] == str(second.id) for p in chat.proposed
    )


# --- late, on the way, arrived ------------------------------------------------------------------
def test_late_is_acknowledged_and_the_salon_told_with_the_booking() -> None:
    salon = make_salon_agenda(hours=[works(uuid4(), TUESDAY, 9, 18)])
    [visit] = booked(salon, local(9, 12, 30))  # today 12:30
    answer = Chat(salon).says("vou me atrasar uns 10 min")
    assert reply(answer) == (
        "Obrigado por avisar, Ana! Já passei o recado para o salão: você vai se atrasar uns 10"
        " minutos para o seu horário de Corte feminino das 12:30. Se não der mais para vir, me"
        " avise por aqui."
    )
    [notice] = events(answer, ClientNoticeData)
    assert (notice.kind, notice.appointment_id, notice.minutes) == ("late", visit.id, 10)
    assert (notice.service_name, notice.date, notice.time) == (
        "Corte feminino",
        "2026-03-09",
        "12:30",
    )
    assert notice.message == "vou me atrasar uns 10 min"


def test_arrival_of_a_visit_under_way_is_tied_to_it() -> None:
    salon = make_salon_agenda()
    [visit] = booked(salon, local(9, 11, 45))  # started 15 minutes ago
    answer = Chat(salon).says("cheguei!")
    assert reply(answer).startswith("Que bom, Ana! Já avisei o salão que você chegou para o seu")
    [notice] = events(answer, ClientNoticeData)
    assert (notice.kind, notice.appointment_id) == ("arrived", visit.id)


def test_on_the_way_without_a_booking_today_still_reaches_the_salon() -> None:
    salon = make_salon_agenda()
    answer = Chat(salon).says("to a caminho")
    [notice] = events(answer, ClientNoticeData)
    assert (notice.kind, notice.appointment_id) == ("on_the_way", None)
    assert reply(answer) == "Combinado, Ana! Já avisei o salão que você está a caminho. Até já!"


# --- the salon's profile ------------------------------------------------------------------------
def test_salon_facts_come_from_the_profile() -> None:
    salon = make_salon_agenda()
    salon.agenda.profile = PROFILE
    answer = Chat(salon).says("Qual o endereço? Aceitam cartão?")
    assert reply(answer) == (
        "Claro, Ana! Nosso endereço: Rua Harmonia, 321 – Vila Madalena. Como chegar:"
        " https://maps.example/harmonia Aceitamos Pix, cartão de crédito e dinheiro."
    )
    assert events(answer, ClientNoticeData) == []
    [ai] = events(answer, AiResponseData)
    assert (ai.intent, ai.intent_detail) == ("inquiry", "salon_info")


def test_a_missing_fact_is_checked_with_the_salon_who_is_told() -> None:
    salon = make_salon_agenda()
    salon.agenda.profile = PROFILE
    answer = Chat(salon).says("tem estacionamento?")
    assert reply(answer) == (
        "Boa pergunta, Ana! Sobre o estacionamento, vou confirmar com o salão e te respondo por"
        " aqui assim que souber."
    )
    [notice] = events(answer, ClientNoticeData)
    assert (notice.kind, notice.topics) == ("missing_fact", ["parking"])


def test_opening_hours_are_the_professionals_unless_the_owner_set_them() -> None:
    salon = make_salon_agenda()
    derived = Chat(salon).says("que horas vocês abrem na terça?")
    assert reply(derived) == "Claro, Ana! Amanhã (10/03) abrimos das 9h às 18h."
    salon.agenda.profile = PROFILE.model_copy(
        update={"opening_hours": (OpeningPeriod(weekday=5, opens=time(8), closes=time(13)),)}
    )
    assert reply(Chat(salon).says("vcs abrem no sábado?")) == (
        "Claro, Ana! No sábado (14/03) abrimos das 8h às 13h."
    )
    assert reply(Chat(salon).says("e na terça, abrem?")) == (
        "Claro, Ana! Amanhã (10/03) estamos fechados."
    )


def test_a_closed_day_is_said_closed() -> None:
    salon = make_salon_agenda()
    salon.agenda.settings = salon.agenda.settings.model_copy(
        update={"closed_days": (NOW.date() + timedelta(days=1),)}
    )
    assert reply(Chat(salon).says("amanhã vocês abrem?")) == (
        "Claro, Ana! Amanhã (10/03) estamos fechados."
    )


# --- media ------------------------------------------------------------------------------------
def test_a_voice_note_without_transcript_asks_for_text_and_flags_the_salon() -> None:
    answer = Chat(make_salon_agenda()).says("", kind="audio")
    assert reply(answer).startswith("Oi, Ana! Por aqui eu ainda não consigo ouvir áudios.")
    [notice] = events(answer, ClientNoticeData)
    assert (notice.kind, notice.media_kind) == ("media", "audio")


def test_a_transcribed_voice_note_is_answered_by_its_words() -> None:
    salon = make_salon_agenda()
    salon.agenda.profile = PROFILE
    answer = Chat(salon).says("", kind="audio", transcript="oi qual é o endereço de vocês")
    assert reply(answer).startswith("Claro, Ana! Nosso endereço: Rua Harmonia, 321")
    [notice] = events(answer, ClientNoticeData)
    assert (notice.kind, notice.message) == ("media", "oi qual é o endereço de vocês")


def test_a_photo_with_a_caption_is_read_by_its_caption() -> None:
    answer = Chat(make_salon_agenda()).says("quanto fica esse corte?", kind="image")
    assert answer.reply.decision.intent == "inquiry"
    assert [n.media_kind for n in events(answer, ClientNoticeData)] == ["image"]


def test_a_location_or_an_unknown_kind_is_acknowledged_and_flagged() -> None:
    location = Chat(make_salon_agenda()).says("", kind="location")
    assert reply(location).startswith("Recebi sua localização, Ana, e já passei para a equipe")
    unknown = Chat(make_salon_agenda()).says("", kind="order")
    assert "não consigo abrir esse tipo de conteúdo" in reply(unknown)
    [notice] = events(unknown, ClientNoticeData)
    assert notice.media_kind == "order"


def test_a_sticker_is_kept_without_an_answer() -> None:
    answer = Chat(make_salon_agenda()).says("", kind="sticker")
    assert answer.reply.silent
    assert answer.outcome.messages == () and answer.outcome.events == ()


# --- the greeting ---------------------------------------------------------------------------------
def test_the_greeting_agrees_with_the_salons_name() -> None:
    salon = make_salon_agenda()
    salon.agenda.tenant = salon.agenda.tenant.model_copy(update={"name": "Barbearia Rio Negro"})
    assert reply(Chat(salon).says("oi")).startswith(
        "Olá, Ana! Aqui é o atendimento da Barbearia Rio Negro."
    )


# --- stopping and restarting the offers ---------------------------------------------------------
def test_asking_for_the_offers_again_opts_the_client_back_in() -> None:
    salon = make_salon_agenda()
    salon.agenda.clients[salon.client.id] = salon.client.model_copy(
        update={"marketing_opt_out": True}
    )
    answer = Chat(salon).says("quero voltar a receber as promoções")
    assert reply(answer) == (
        "Pronto, Ana! Você vai receber as ofertas do Salão Teste por aqui. Se quiser parar, é só"
        " responder SAIR."
    )
    assert answer.outcome.change.consents == (
        ConsentChange(
            salon.client.id,
            granted=True,
            source="chat",
            text="quero voltar a receber as promoções",
        ),
    )
    assert [type(e).__name__ for e in answer.outcome.events][0] == "ClientOptedInData"
    assert salon.agenda.clients[salon.client.id].marketing_opt_out is False


def test_an_unhappy_word_about_the_messages_is_asked_about_never_answered_with_an_offer() -> None:
    salon = make_salon_agenda()
    answer = Chat(salon).says("vocês mandam muita mensagem")
    assert reply(answer) == (
        "Ana, quer parar de receber as ofertas do Salão Teste? Responda SAIR e eu tiro seu"
        " número da lista."
    )
    assert answer.outcome.change.clients_opted_out == ()
    assert answer.reply.decision.proposed == ()


def test_an_everyday_opt_out_is_confirmed_and_stops_the_offers() -> None:
    salon = make_salon_agenda()
    answer = Chat(salon).says("me remove dessa lista por favor")
    assert answer.outcome.change.clients_opted_out == (salon.client.id,)
    assert "não vai mais receber ofertas do Salão Teste" in reply(answer)
