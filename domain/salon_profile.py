"""The salon's profile: the facts a client asks about (address, opening hours, payment, parking,
cancellation policy, a short "about"), and how the chat says them in Portuguese.

A fact the owner did not give is unknown, never invented: the chat says it will check with the
salon and flags the owner. Opening hours are the owner's when set, else derived from the
professionals' working hours (the salon is open while anyone works).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time
from typing import Literal, Self
from uuid import UUID

from pydantic import Field, field_validator, model_validator

from domain.models import Value, WorkingHours
from domain.vocabulary import SalonTopic

MAX_FACT = 500
PaymentMethod = Literal["pix", "credit_card", "debit_card", "cash", "meal_voucher"]
PAYMENT_LABELS: dict[PaymentMethod, str] = {
    "pix": "Pix",
    "credit_card": "cartão de crédito",
    "debit_card": "cartão de débito",
    "cash": "dinheiro",
    "meal_voucher": "vale-refeição",
}
WEEKDAY_NAMES = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")
# How a fact the salon did not give is named in "vou confirmar com o salão".
TOPIC_NAMES: dict[SalonTopic, str] = {
    "address": "o endereço",
    "hours": "o horário de funcionamento",
    "payment": "as formas de pagamento",
    "parking": "o estacionamento",
    "cancellation": "a política de cancelamento",
    "about": "o que você perguntou",
}


class OpeningPeriod(Value):
    weekday: int = Field(ge=0, le=6, description="0 = Monday … 6 = Sunday")
    opens: time
    closes: time

    @model_validator(mode="after")
    def check_order(self) -> Self:
        if self.closes <= self.opens:
            raise ValueError("an opening period must close after it opens")
        return self


class SalonProfile(Value):
    """What the salon tells its clients; None (or empty): the owner did not say."""

    address: str | None = Field(default=None, min_length=1, max_length=300)
    maps_url: str | None = Field(
        default=None, max_length=MAX_FACT, pattern=r"^https://\S+$", description="https link"
    )
    opening_hours: tuple[OpeningPeriod, ...] | None = Field(
        default=None,
        max_length=21,
        description="null: derived from the professionals' working hours; []: none given",
    )
    payment_methods: tuple[PaymentMethod, ...] = Field(default=(), max_length=5)
    payment_notes: str | None = Field(
        default=None, min_length=1, max_length=300, description='"parcelamos em até 3x"'
    )
    parking: str | None = Field(default=None, min_length=1, max_length=300)
    cancellation_policy: str | None = Field(default=None, min_length=1, max_length=MAX_FACT)
    cancellation_window_h: int | None = Field(
        default=None,
        ge=1,
        le=168,
        description="the policy applies to cancelling less than this many hours before",
    )
    about: str | None = Field(default=None, min_length=1, max_length=MAX_FACT)

    @field_validator(
        "address",
        "maps_url",
        "payment_notes",
        "parking",
        "cancellation_policy",
        "about",
        mode="before",
    )
    @classmethod
    def blank_is_unknown(cls, value: object) -> object:
        """ "" or spaces: the owner does not say (a form's empty field)."""
        if isinstance(value, str):
            return value.strip() or None
        return value

    @model_validator(mode="after")
    def check_consistent(self) -> Self:
        if len(set(self.payment_methods)) != len(self.payment_methods):
            raise ValueError("payment_methods lists a method twice")
        periods = sorted(self.opening_hours or (), key=lambda p: (p.weekday, p.opens))
        for before, after in zip(periods, periods[1:], strict=False):
            if before.weekday == after.weekday and after.opens < before.closes:
                raise ValueError(f"opening_hours: two periods overlap on weekday {before.weekday}")
        if self.cancellation_window_h is not None and self.cancellation_policy is None:
            raise ValueError("cancellation_window_h needs the cancellation_policy it applies")
        return self

    def within_cancellation_window(self, hours_before: float) -> bool:
        """Cancelling this many hours before the visit falls under the policy."""
        window = self.cancellation_window_h
        return self.cancellation_policy is not None and (window is None or hours_before < window)


def opening_hours(
    profile: SalonProfile, working_hours: Iterable[WorkingHours], active: Iterable[UUID]
) -> tuple[OpeningPeriod, ...]:
    """The owner's opening hours, else each weekday from the first professional's start to the
    last one's end (`active`: the ids of the professionals who work here now)."""
    if profile.opening_hours is not None:
        return tuple(sorted(profile.opening_hours, key=lambda p: (p.weekday, p.opens)))
    working = set(active)
    days: dict[int, tuple[time, time]] = {}
    for hours in working_hours:
        if hours.professional_id not in working:
            continue
        opens, closes = days.get(hours.weekday, (hours.start, hours.end))
        days[hours.weekday] = (min(opens, hours.start), max(closes, hours.end))
    return tuple(
        OpeningPeriod(weekday=day, opens=opens, closes=closes)
        for day, (opens, closes) in sorted(days.items())
    )


def sentence(text: str) -> str:
    """The owner's words as one sentence: capitalised, ending in a period (never two)."""
    words = text.strip().rstrip(".")
    if not words:
        return ""
    return words[:1].upper() + words[1:] + ("" if words.endswith(("!", "?")) else ".")


def _hhmm(moment: time) -> str:
    """9h, 13h30 — as Brazilians write opening hours."""
    return f"{moment.hour}h{moment.minute:02d}" if moment.minute else f"{moment.hour}h"


def _day_hours(periods: Sequence[OpeningPeriod]) -> str:
    in_order = sorted(periods, key=lambda p: p.opens)
    return " e ".join(f"das {_hhmm(p.opens)} às {_hhmm(p.closes)}" for p in in_order)


def week_hours_text(hours: Sequence[OpeningPeriod]) -> str:
    """'de segunda a sexta, das 9h às 19h; sábado, das 9h às 14h; domingo, fechado'."""
    by_day = {day: _day_hours([p for p in hours if p.weekday == day]) for day in range(7)}
    parts: list[str] = []
    day = 0
    while day < 7:
        last = day
        while last + 1 < 7 and by_day[last + 1] == by_day[day]:
            last += 1
        if (day, last) == (0, 6):
            names = "todos os dias"
        elif last == day:
            names = WEEKDAY_NAMES[day]
        elif last == day + 1:
            names = f"{WEEKDAY_NAMES[day]} e {WEEKDAY_NAMES[last]}"
        else:
            names = f"de {WEEKDAY_NAMES[day]} a {WEEKDAY_NAMES[last]}"
        parts.append(f"{names}, {by_day[day] or 'fechado'}")
        day = last + 1
    return "; ".join(parts)


def day_hours_text(
    hours: Sequence[OpeningPeriod], day: date, *, closed_days: Sequence[date], today: date
) -> str:
    """'No sábado (14/03) abrimos das 9h às 14h.' or that the salon is closed that day."""
    offset = (day - today).days
    name = {0: "Hoje", 1: "Amanhã"}.get(offset)
    label = f"{name} ({day:%d/%m})" if name else f"{_on_weekday(day.weekday())} ({day:%d/%m})"
    periods = [p for p in hours if p.weekday == day.weekday()]
    if day in closed_days or not periods:
        return f"{label} estamos fechados."
    return f"{label} abrimos {_day_hours(periods)}."


def _on_weekday(weekday: int) -> str:
    name = WEEKDAY_NAMES[weekday]
    return f"No {name}" if weekday >= 5 else f"Na {name}"


def payment_text(profile: SalonProfile) -> str:
    methods = profile.payment_methods
    both_cards = "credit_card" in methods and "debit_card" in methods
    labels = [
        "cartão de crédito e de débito" if both_cards and m == "credit_card" else PAYMENT_LABELS[m]
        for m in methods
        if not (both_cards and m == "debit_card")
    ]
    said = ""
    if labels:
        said = "Aceitamos " + (
            labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " e " + labels[-1]
        )
        said += "."
    if profile.payment_notes:
        said = f"{said} {sentence(profile.payment_notes)}".strip()
    return said


class FactsAnswer(Value):
    """What the profile says to the topics asked, and the topics it cannot answer."""

    text: str
    missing: tuple[SalonTopic, ...]


def facts_answer(
    profile: SalonProfile,
    hours: Sequence[OpeningPeriod],
    topics: Sequence[SalonTopic],
    *,
    day: date | None,
    closed_days: Sequence[date],
    today: date,
) -> FactsAnswer:
    """The answer to `topics` from the profile (`day`: the day a question about hours names)."""
    said: list[str] = []
    missing: list[SalonTopic] = []
    # "about" last: "sobre o endereço e o que você perguntou"
    for topic in sorted(dict.fromkeys(topics), key=lambda t: t == "about"):
        fact = _fact(profile, hours, topic, day=day, closed_days=closed_days, today=today)
        if fact:
            said.append(fact)
        else:
            missing.append(topic)
    if missing:
        names = [TOPIC_NAMES[t] for t in missing]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " e " + names[-1]
        said.append(
            f"Sobre {joined}, vou confirmar com o salão e te respondo por aqui assim que souber."
        )
    return FactsAnswer(text=" ".join(said), missing=tuple(missing))


def _fact(
    profile: SalonProfile,
    hours: Sequence[OpeningPeriod],
    topic: SalonTopic,
    *,
    day: date | None,
    closed_days: Sequence[date],
    today: date,
) -> str:
    if topic == "address":
        if profile.address is None:
            return ""
        link = f" Como chegar: {profile.maps_url}" if profile.maps_url else ""
        return f"Nosso endereço: {sentence(profile.address)}{link}"
    if topic == "hours":
        if not hours:
            return ""
        if day is not None:
            return day_hours_text(hours, day, closed_days=closed_days, today=today)
        return f"Nosso horário: {week_hours_text(hours)}."
    if topic == "payment":
        return payment_text(profile)
    if topic == "parking":
        return f"Estacionamento: {sentence(profile.parking)}" if profile.parking else ""
    if topic == "cancellation":
        if profile.cancellation_policy is None:
            return ""
        return f"Nossa política de cancelamento: {sentence(profile.cancellation_policy)}"
    return sentence(profile.about or "")
