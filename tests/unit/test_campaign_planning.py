"""Prazo Certo and Encher Agenda plans on tiny hand-built salons, send windows and offer texts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from domain.agenda import Agenda
from domain.campaigns import CampaignOptions, CampaignPlan
from domain.encher_agenda import plan_encher_agenda
from domain.history import ServiceHistory
from domain.models import AppointmentData, Offer, Service, WorkingHours
from domain.prazo_certo import plan_prazo_certo
from domain.recall import CampaignFacts
from domain.send_window import next_send_time
from domain.whatsapp_texts import campaign_offer_text
from tests.factories import make_agenda, make_client, make_hours, make_professional, make_service

SAO_PAULO = "America/Sao_Paulo"
SP = ZoneInfo(SAO_PAULO)
CAROL = uuid4()
RAFAEL = uuid4()
CORTE = make_service(duration_min=60, return_cycle_days=45)
MONDAY_8AM = datetime(2026, 3, 9, 8, 0, tzinfo=SP)  # São Paulo is UTC-3 all year
TUESDAY, WEDNESDAY, THURSDAY = 1, 2, 3
PROFESSIONALS = [
    make_professional(id=CAROL, name="Carol"),
    make_professional(id=RAFAEL, name="Rafael"),
]


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=SP)


def works(professional_id: UUID, weekday: int, start: int, end: int) -> WorkingHours:
    return make_hours(professional_id, weekday=weekday, start=time(start), end=time(end))


def make_history(overdue_days: int = 0, **overrides: Any) -> ServiceHistory:
    """A one-visit client of Carol for CORTE, `overdue_days` past due on Monday 2026-03-09."""
    last_day = date(2026, 3, 9) - timedelta(days=45 + overdue_days)
    values: dict[str, Any] = {
        "client_id": uuid4(),
        "service_id": CORTE.id,
        "visit_count": 1,
        "last_visit_at": datetime.combine(last_day, time(14), SP),
        "typical_interval_days": None,
        "usual_professional_id": CAROL,
        "usual_weekday": THURSDAY,
        "usual_minute": 14 * 60,
    }
    return ServiceHistory(**(values | overrides))


def make_salon(
    histories: list[ServiceHistory],
    hours: list[WorkingHours],
    *,
    services: Iterable[Service] = (CORTE,),
    opted_out: Iterable[UUID] = (),
) -> tuple[Agenda, CampaignFacts]:
    clients = [
        make_client(id=h.client_id, marketing_opt_out=h.client_id in set(opted_out))
        for h in histories
    ]
    agenda = make_agenda(
        professionals=PROFESSIONALS, services=services, working_hours=hours, clients=clients
    )
    return agenda, CampaignFacts(histories=histories, last_marketing_at={})


def prazo(
    salon: tuple[Agenda, CampaignFacts], now: datetime = MONDAY_8AM, **options: Any
) -> CampaignPlan:
    return plan_prazo_certo(*salon, now=now, options=CampaignOptions(**options))


def encher(salon: tuple[Agenda, CampaignFacts], **options: Any) -> CampaignPlan:
    return plan_encher_agenda(*salon, now=MONDAY_8AM, options=CampaignOptions(**options))


def offered(plan: CampaignPlan) -> list[tuple[UUID, UUID, datetime]]:
    return [(s.client_id, s.professional_id, s.starts_at) for s in plan.suggestions]


# --- Prazo Certo ----------------------------------------------------------------------------
def test_prazo_certo_picks_the_usual_weekday_and_time() -> None:
    client = make_history(overdue_days=5)
    hours = [works(CAROL, TUESDAY, 14, 18), works(CAROL, THURSDAY, 14, 18)]
    plan = prazo(make_salon([client], hours))
    assert offered(plan) == [(client.client_id, CAROL, local(12, 14))]
    assert plan.suggestions[0].ends_at == local(12, 15)


def test_prazo_certo_prefers_the_usual_professional_over_the_usual_weekday() -> None:
    client = make_history(overdue_days=5)
    hours = [works(CAROL, TUESDAY, 14, 18), works(RAFAEL, THURSDAY, 14, 18)]
    assert offered(prazo(make_salon([client], hours))) == [(client.client_id, CAROL, local(10, 14))]


def test_prazo_certo_offers_the_usual_time_itself_when_it_is_free() -> None:
    client = make_history(overdue_days=5)
    plan = prazo(make_salon([client], [works(CAROL, THURSDAY, 9, 18)]))
    assert offered(plan) == [(client.client_id, CAROL, local(12, 14))]


def test_prazo_certo_stays_inside_lead_time_and_days_ahead() -> None:
    client = make_history(overdue_days=5)
    # Thursday 13:00: the lead time rules out 14:00 today, days_ahead rules out next Thursday.
    thursday_1pm = local(12, 13)
    plan = prazo(make_salon([client], [works(CAROL, THURSDAY, 14, 18)]), now=thursday_1pm)
    assert offered(plan) == [(client.client_id, CAROL, local(12, 15))]


def test_prazo_certo_judges_due_dates_on_the_salon_local_day() -> None:
    client = make_history(overdue_days=0)  # due on Monday 2026-03-09
    sunday_10pm = datetime(2026, 3, 9, 1, 0, tzinfo=UTC)  # still Sunday 03-08 in São Paulo
    plan = prazo(make_salon([client], [works(CAROL, THURSDAY, 14, 18)]), now=sunday_10pm)
    assert (plan.total_clients_found, plan.suggestions) == (0, [])


def test_two_due_clients_get_consecutive_not_overlapping_slots() -> None:
    first, second = make_history(overdue_days=9), make_history(overdue_days=3)
    plan = prazo(make_salon([second, first], [works(CAROL, THURSDAY, 14, 16)]))
    assert offered(plan) == [
        (first.client_id, CAROL, local(12, 14)),
        (second.client_id, CAROL, local(12, 15)),
    ]


def test_skips_are_counted_per_reason() -> None:
    fits, opted, no_room = make_history(9), make_history(6), make_history(3)
    salon = make_salon(
        [fits, opted, no_room], [works(CAROL, THURSDAY, 14, 15)], opted_out=[opted.client_id]
    )
    plan = prazo(salon)
    assert [s.client_id for s in plan.suggestions] == [fits.client_id]
    assert plan.skip_counts() == {"opted_out": 1, "no_slot": 1}
    assert plan.total_clients_found == 3


def test_prazo_certo_stops_at_max_suggestions_most_overdue_first() -> None:
    clients = [make_history(overdue_days=d) for d in (2, 8, 5)]
    plan = prazo(make_salon(clients, [works(CAROL, THURSDAY, 9, 18)]), max_suggestions=1)
    assert [s.client_id for s in plan.suggestions] == [clients[1].client_id]


def test_clients_beyond_max_suggestions_are_not_reported_as_no_slot() -> None:
    clients = [make_history(overdue_days=d) for d in (2, 8, 5)]
    plan = prazo(make_salon(clients, [works(CAROL, THURSDAY, 9, 18)]), max_suggestions=1)
    assert "no_slot" not in plan.skip_counts()


# --- Encher Agenda --------------------------------------------------------------------------
def test_encher_agenda_offers_a_slot_to_the_most_overdue_regulars() -> None:
    regulars = [make_history(overdue_days=d) for d in (2, 8, 5)]
    plan = encher(make_salon(regulars, [works(CAROL, TUESDAY, 10, 11)]), offers_per_slot=2)
    assert offered(plan) == [
        (regulars[1].client_id, CAROL, local(10, 10)),
        (regulars[2].client_id, CAROL, local(10, 10)),
    ]


def test_encher_agenda_offers_each_client_at_most_once_per_run() -> None:
    regulars = [make_history(overdue_days=d) for d in (2, 8)]
    hours = [works(CAROL, TUESDAY, 10, 11), works(CAROL, WEDNESDAY, 10, 11)]
    plan = encher(make_salon(regulars, hours), offers_per_slot=3)
    assert offered(plan) == [
        (regulars[1].client_id, CAROL, local(10, 10)),
        (regulars[0].client_id, CAROL, local(10, 10)),
    ]


def test_encher_agenda_does_not_offer_a_service_longer_than_the_gap() -> None:
    coloracao = make_service(name="Coloração", duration_min=120, return_cycle_days=45)
    long_one = make_history(overdue_days=9, service_id=coloracao.id)
    short_one = make_history(overdue_days=1)
    salon = make_salon(
        [long_one, short_one], [works(CAROL, TUESDAY, 10, 11)], services=[CORTE, coloracao]
    )
    assert offered(encher(salon)) == [(short_one.client_id, CAROL, local(10, 10))]


def test_encher_agenda_skips_opted_out_regulars() -> None:
    opted, willing = make_history(overdue_days=9), make_history(overdue_days=1)
    salon = make_salon(
        [opted, willing], [works(CAROL, TUESDAY, 10, 11)], opted_out=[opted.client_id]
    )
    plan = encher(salon)
    assert offered(plan) == [(willing.client_id, CAROL, local(10, 10))]
    assert plan.skip_counts() == {"opted_out": 1}


def test_encher_agenda_offers_only_regulars_of_that_professional() -> None:
    rafaels = make_history(overdue_days=9, usual_professional_id=RAFAEL)
    carols = make_history(overdue_days=1)
    plan = encher(make_salon([rafaels, carols], [works(CAROL, TUESDAY, 10, 11)]))
    assert offered(plan) == [(carols.client_id, CAROL, local(10, 10))]


# --- send window ----------------------------------------------------------------------------
def send_time(now: datetime, time_zone: str = SAO_PAULO) -> datetime:
    return next_send_time(now, time_zone=time_zone, opens=time(9), closes=time(20))


def test_inside_the_send_window_messages_leave_now() -> None:
    now = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)  # 12:00 in São Paulo
    assert send_time(now) == now


def test_before_the_window_messages_wait_for_todays_opening() -> None:
    assert send_time(datetime(2026, 3, 10, 10, 0, tzinfo=UTC)) == local(10, 9)


def test_after_the_window_messages_wait_for_tomorrows_opening() -> None:
    assert send_time(local(10, 20)) == local(11, 9)


def test_local_evening_after_midnight_utc_waits_for_the_next_local_morning() -> None:
    # 01:00 UTC on the 11th is 22:00 on the 10th in São Paulo: next opening is the 11th.
    assert send_time(datetime(2026, 3, 11, 1, 0, tzinfo=UTC)) == local(11, 9)


def test_send_window_opens_in_the_salon_zone() -> None:
    # 12:00 UTC is 08:00 in Manaus (UTC-4): the window opens at 13:00 UTC.
    opening = send_time(datetime(2026, 3, 10, 12, 0, tzinfo=UTC), "America/Manaus")
    assert opening == datetime(2026, 3, 10, 13, 0, tzinfo=UTC)


# --- offer text -----------------------------------------------------------------------------
def make_offer_data(**overrides: Any) -> AppointmentData:
    values: dict[str, Any] = {
        "client_id": uuid4(),
        "client_name": "Maria Souza",
        "service_id": CORTE.id,
        "service_name": "Corte feminino",
        "professional_id": CAROL,
        "professional_name": "Carol",
        "date": "2026-03-12",
        "time": "14:00",
        "starts_at": local(12, 14),
        "ends_at": local(12, 15),
        "duration_min": 60,
        "price_cents": 12000,
        "final_price_cents": 10800,
        "offer": Offer(type="percent", value=10),
    }
    return AppointmentData(**(values | overrides))


def offer_text(campaign: str = "prazo_certo", **overrides: Any) -> str:
    return campaign_offer_text(
        make_offer_data(**overrides),
        salon_name="Salão Bela",
        campaign=campaign,
        last_visit_date="2026-01-10",
    ).text


def test_offer_text_names_the_day_date_and_time_in_portuguese() -> None:
    assert "quinta, 12/03, às 14:00" in offer_text()


def test_offer_text_shows_percent_discount_in_reais() -> None:
    assert "10% de desconto: de R$\u00a0120,00 por R$\u00a0108,00" in offer_text()


def test_offer_text_shows_fixed_discount_in_reais() -> None:
    amount_off = Offer(type="amount", value=2000)
    text = offer_text("encher_agenda", offer=amount_off, final_price_cents=10000)
    assert "com R$\u00a020,00 de desconto: R$\u00a0100,00" in text


def test_offer_text_without_offer_shows_the_full_price() -> None:
    assert "às 14:00 por R$\u00a0120,00." in offer_text(offer=None, final_price_cents=12000)


def test_prazo_certo_text_greets_and_recalls_the_last_visit() -> None:
    assert offer_text().startswith(
        "Oi, Maria! Está na hora de agendar Corte feminino de novo (a última visita foi em"
        " 10/01/2026)."
    )


def test_encher_agenda_text_names_the_salon() -> None:
    assert offer_text("encher_agenda").startswith("Oi, Maria! Abriu um horário no Salão Bela:")


def test_offer_text_tells_how_to_opt_out() -> None:
    assert offer_text().endswith(
        "Responda SIM para pedir esse horário ou SAIR para não receber mais ofertas."
    )
