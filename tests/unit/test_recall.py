"""Prazo Certo's recall rule, skip reasons and visit summaries, with hand-computed dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from domain.client_book import ClientBook
from domain.history import ServiceHistory, Visit, summarize_visits
from domain.models import Service
from domain.recall import DueClient, Reach, due_clients, return_cycle
from tests.factories import make_client, make_service

SAO_PAULO = "America/Sao_Paulo"
SP = ZoneInfo(SAO_PAULO)
CAROL = uuid4()
RAFAEL = uuid4()
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def make_history(**overrides: Any) -> ServiceHistory:
    values: dict[str, Any] = {
        "client_id": uuid4(),
        "service_id": uuid4(),
        "visit_count": 1,
        "last_visit_at": datetime(2026, 1, 10, 10, 0, tzinfo=SP),
        "typical_interval_days": None,
        "usual_professional_id": CAROL,
        "usual_weekday": 5,
        "usual_minute": 600,
    }
    return ServiceHistory(**(values | overrides))


def due(
    histories: list[ServiceHistory],
    services: list[Service],
    today: date,
    service_id: UUID | None = None,
) -> list[DueClient]:
    return due_clients(
        histories,
        {s.id: s for s in services},
        time_zone=SAO_PAULO,
        today=today,
        service_id=service_id,
    )


def history_of(service: Service, starts: list[datetime], **kw: Any) -> ServiceHistory:
    professional: UUID = kw.pop("professional_id", CAROL)
    visits = [Visit(starts_at=s, professional_id=professional) for s in starts]
    return summarize_visits(kw.pop("client_id", uuid4()), service.id, visits, SAO_PAULO)


def due_on_day(service: Service, history: ServiceHistory, today: date) -> list[tuple[UUID, int]]:
    return [(d.client_id, d.overdue_days) for d in due([history], [service], today)]


def every(days: int, count: int) -> list[datetime]:
    first = datetime(2026, 1, 1, 10, 0, tzinfo=SP)
    return [first + timedelta(days=days * i) for i in range(count)]


# --- return cycle and due dates -------------------------------------------------------------


def test_one_visit_client_is_due_on_last_visit_plus_service_cycle() -> None:
    service = make_service(return_cycle_days=45)
    history = history_of(service, [datetime(2026, 1, 10, 10, 0, tzinfo=SP)])
    # 2026-01-10 + 45 days = 2026-02-24
    assert due_on_day(service, history, date(2026, 2, 24)) == [(history.client_id, 0)]


def test_one_visit_client_is_not_due_the_day_before() -> None:
    service = make_service(return_cycle_days=45)
    history = history_of(service, [datetime(2026, 1, 10, 10, 0, tzinfo=SP)])
    assert due_on_day(service, history, date(2026, 2, 23)) == []


def test_late_evening_visit_counts_from_its_local_day() -> None:
    service = make_service(return_cycle_days=45)
    # 22:30 in São Paulo on 2026-01-10 is already 2026-01-11 in UTC.
    history = history_of(service, [datetime(2026, 1, 10, 22, 30, tzinfo=SP)])
    assert due_on_day(service, history, date(2026, 2, 24)) == [(history.client_id, 0)]


def test_five_visits_every_20_days_follow_their_own_rhythm() -> None:
    service = make_service(return_cycle_days=45)
    history = history_of(service, every(20, 5))
    # Last visit 2026-03-22, + 20 days = 2026-04-11 (the service cycle would say 2026-05-06).
    assert return_cycle(history, service) == (20, "client")
    assert due_on_day(service, history, date(2026, 4, 11)) == [(history.client_id, 0)]


def test_five_visits_every_20_days_are_not_due_on_day_19() -> None:
    service = make_service(return_cycle_days=45)
    assert due_on_day(service, history_of(service, every(20, 5)), date(2026, 4, 10)) == []


def test_own_cycle_is_the_median_gap_not_the_mean() -> None:
    service = make_service(return_cycle_days=45)
    first = datetime(2026, 1, 1, 10, 0, tzinfo=SP)
    offsets = [0, 18, 38, 60, 120]  # gaps 18, 20, 22, 60: median 21, mean 30
    history = history_of(service, [first + timedelta(days=d) for d in offsets])
    assert history.typical_interval_days == 21
    assert return_cycle(history, service) == (21, "client")


def test_two_visits_still_use_the_service_cycle() -> None:
    service = make_service(return_cycle_days=45)
    history = history_of(service, every(20, 2))
    assert history.typical_interval_days is None
    assert return_cycle(history, service) == (45, "service")


def test_own_rhythm_needs_no_service_cycle() -> None:
    service = make_service(return_cycle_days=None)
    assert return_cycle(history_of(service, every(30, 3)), service) == (30, "client")


def test_service_without_cycle_and_too_few_visits_is_never_due() -> None:
    service = make_service(return_cycle_days=None)
    history = history_of(service, every(20, 2))
    assert return_cycle(history, service) is None
    assert due_on_day(service, history, date(2030, 1, 1)) == []


def test_one_entry_per_client_for_their_most_urgent_service() -> None:
    corte = make_service(return_cycle_days=45)
    barba = make_service(name="Barba", return_cycle_days=15)
    client = uuid4()
    last = datetime(2026, 1, 10, 10, 0, tzinfo=SP)
    # On 2026-03-10: corte due 02-24 (14 days over, 59/45); barba due 01-25 (44 over, 59/15).
    histories = [
        make_history(client_id=client, service_id=corte.id, last_visit_at=last),
        make_history(client_id=client, service_id=barba.id, last_visit_at=last),
    ]
    found = due(histories, [corte, barba], date(2026, 3, 10))
    assert [(d.client_id, d.service_id, d.overdue_days) for d in found] == [(client, barba.id, 44)]


def test_most_overdue_by_urgency_comes_first() -> None:
    corte = make_service(return_cycle_days=45)
    barba = make_service(name="Barba", return_cycle_days=10)
    # On 2026-03-10: corte client 20 days over a 45-day cycle (urgency 65/45 = 1.44);
    # barba client 6 days over a 10-day cycle (16/10 = 1.6) comes first despite fewer days.
    corte_history = make_history(
        service_id=corte.id, last_visit_at=datetime(2026, 1, 4, 10, 0, tzinfo=SP)
    )
    barba_history = make_history(
        service_id=barba.id, last_visit_at=datetime(2026, 2, 22, 10, 0, tzinfo=SP)
    )
    found = due([corte_history, barba_history], [corte, barba], date(2026, 3, 10))
    assert [(d.client_id, d.overdue_days) for d in found] == [
        (barba_history.client_id, 6),
        (corte_history.client_id, 20),
    ]


def test_service_filter_keeps_only_that_service() -> None:
    corte = make_service(return_cycle_days=45)
    barba = make_service(name="Barba", return_cycle_days=15)
    histories = [make_history(service_id=corte.id), make_history(service_id=barba.id)]
    found = due(histories, [corte, barba], date(2026, 3, 10), service_id=corte.id)
    assert [d.client_id for d in found] == [histories[0].client_id]


# --- skip reasons ---------------------------------------------------------------------------


def reason_for(**overrides: Any) -> str | None:
    client = make_client(marketing_opt_out=overrides.pop("opted_out", False))
    reach = Reach(
        clients=ClientBook([client]),
        booked_client_ids=frozenset([client.id]) if overrides.pop("booked", False) else frozenset(),
        pending_client_ids=frozenset([client.id])
        if overrides.pop("pending", False)
        else frozenset(),
        last_marketing_at={client.id: overrides.pop("last_at")} if "last_at" in overrides else {},
    )
    return reach.skip_reason(client.id, now=NOW, frequency_cap_days=7)


def test_opted_out_client_is_skipped() -> None:
    assert reason_for(opted_out=True) == "opted_out"


def test_client_with_a_booking_is_skipped() -> None:
    assert reason_for(booked=True) == "already_booked"


def test_client_with_a_pending_suggestion_is_skipped() -> None:
    assert reason_for(pending=True) == "pending_suggestion"


def test_client_messaged_inside_the_frequency_cap_is_skipped() -> None:
    assert reason_for(last_at=NOW - timedelta(days=7) + timedelta(minutes=1)) == "frequency_cap"


def test_client_messaged_exactly_at_the_cap_boundary_is_not_skipped() -> None:
    assert reason_for(last_at=NOW - timedelta(days=7)) is None


def test_client_with_nothing_against_them_is_not_skipped() -> None:
    assert reason_for() is None


# --- visit summaries ------------------------------------------------------------------------


def summary(visits: list[tuple[datetime, UUID]]) -> ServiceHistory:
    parts = [Visit(starts_at=at, professional_id=who) for at, who in visits]
    return summarize_visits(uuid4(), uuid4(), parts, SAO_PAULO)


def test_usual_professional_is_the_most_frequent() -> None:
    days = every(20, 3)
    history = summary([(days[0], CAROL), (days[1], CAROL), (days[2], RAFAEL)])
    assert history.usual_professional_id == CAROL


def test_usual_professional_tie_goes_to_the_most_recent() -> None:
    days = every(20, 4)
    # Rafael, Carol, Rafael, Carol in time order, given shuffled: two each, Carol came last.
    visits = [(days[3], CAROL), (days[0], RAFAEL), (days[2], RAFAEL), (days[1], CAROL)]
    assert summary(visits).usual_professional_id == CAROL


def test_usual_weekday_and_minute_are_local_to_the_salon() -> None:
    # Tuesdays at 22:30 in São Paulo are Wednesdays at 01:30 in UTC.
    tuesdays = [datetime(2026, 3, d, 22, 30, tzinfo=SP).astimezone(UTC) for d in (3, 10, 17)]
    history = summary([(at, CAROL) for at in tuesdays])
    assert (history.usual_weekday, history.usual_minute) == (1, 22 * 60 + 30)


def test_visits_in_any_order_give_the_latest_as_last_visit() -> None:
    days = every(20, 3)
    history = summary([(days[2], CAROL), (days[0], CAROL), (days[1], CAROL)])
    assert (history.last_visit_at, history.visit_count) == (days[2], 3)
