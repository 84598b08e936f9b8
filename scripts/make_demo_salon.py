"""Write a deterministic demo São Paulo salon in the `agenda-cheia/salon@1` import format.

Every visit fits its professional's working hours and no two of one professional's (or one
client's) visits overlap: an occupancy map is kept while the agenda is filled.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.models import Role
from domain.salon_import import (
    FORMAT,
    ClientPart,
    ConsentPart,
    ProfessionalPart,
    SalonFile,
    ServicePart,
    TenantPart,
    UserPart,
    VisitPart,
    WorkingHoursPart,
)
from domain.salon_profile import SalonProfile

TENANT_ID = UUID("7b0e6c1e-2d7a-4a51-9a3e-5a1c0de0c001")
TIME_ZONE = "America/Sao_Paulo"
ZONE = ZoneInfo(TIME_ZONE)
DEFAULT_SEED = 20261129
DEFAULT_AS_OF = date(2026, 11, 29)
DEFAULT_OUT = Path("db/seed/demo_salon.json")
CLIENT_COUNT = 240
CONSENT_TEXT = "Aceitou receber ofertas e lembretes do salão por WhatsApp na ficha de cadastro."
HISTORY_DAYS = 364
BOOKING_DAYS = 7
SLOT_STEP_MIN = 15
MAX_VISITS_PER_CLIENT = 12
EMAIL_DOMAIN = "studiovilamadalena.com.br"

# key, name, duration_min, price_cents, return_cycle_days, popularity among women, among men
SERVICES: tuple[tuple[str, str, int, int, int, int, int], ...] = (
    ("corte-feminino", "Corte feminino", 60, 12000, 45, 6, 0),
    ("corte-masculino", "Corte masculino", 30, 6000, 30, 0, 8),
    ("barba", "Barba", 30, 4500, 15, 0, 5),
    ("escova", "Escova", 45, 7000, 7, 3, 0),
    ("manicure", "Manicure", 45, 4000, 14, 5, 0),
    ("pedicure", "Pedicure", 50, 5000, 21, 3, 0),
    ("coloracao", "Coloração", 120, 25000, 60, 2, 0),
    ("hidratacao", "Hidratação", 45, 9000, 30, 2, 0),
    ("sobrancelha", "Sobrancelha", 20, 3500, 21, 2, 1),
    ("luzes", "Luzes", 180, 40000, 90, 1, 0),
)
# key, name, services, Tuesday–Friday intervals, Saturday intervals (hours; a gap is lunch)
Hours = tuple[tuple[int, int], ...]
PROFESSIONALS: tuple[tuple[str, str, tuple[str, ...], Hours, Hours], ...] = (
    (
        "carol",
        "Carol Andrade",
        ("corte-feminino", "escova", "coloracao", "hidratacao", "luzes"),
        ((9, 12), (13, 19)),
        ((8, 12), (13, 15)),
    ),
    (
        "rafael",
        "Rafael Souza",
        ("corte-masculino", "barba", "sobrancelha"),
        ((10, 13), (14, 20)),
        ((9, 13), (14, 17)),
    ),
    (
        "juliana",
        "Juliana Prado",
        ("manicure", "pedicure", "sobrancelha", "escova"),
        ((9, 12), (13, 18)),
        ((8, 12), (13, 16)),
    ),
    (
        "marcos",
        "Marcos Oliveira",
        ("corte-feminino", "corte-masculino", "barba", "coloracao", "hidratacao", "luzes"),
        ((11, 14), (15, 20)),
        ((9, 12), (13, 16)),
    ),
)
WORKDAYS = (1, 2, 3, 4, 5)  # Tuesday … Saturday (0 = Monday)
WORKDAY_WEIGHTS = (10, 12, 13, 16, 22)  # Saturday is the busiest day
SATURDAY = 5
FEMALE_NAMES = """Ana Beatriz Camila Fernanda Juliana Mariana Larissa Gabriela Amanda Letícia Bruna
Patrícia Aline Renata Vanessa Tatiane Priscila Carla Daniela Débora Eduarda Isabela Jéssica Luana
Natália Paula Raquel Sabrina Simone Thaís Vitória Yasmin Bianca Cristina Elaine Flávia Giovana
Helena Lívia Luciana Marina Mônica Sandra Sônia Valéria Adriana Rosana Márcia Silvia""".split()
MALE_NAMES = """João Pedro Lucas Gabriel Rafael Bruno Felipe Gustavo Thiago Rodrigo Diego Leonardo
Matheus André Carlos Eduardo Fábio Marcelo Ricardo Vinícius Caio Daniel Henrique Igor Leandro
Murilo Otávio Paulo Renato Sérgio Tiago Victor Wesley Alexandre Fernando""".split()
SURNAMES = """Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro
Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade
Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Araújo
Pinto Correia Cavalcanti Monteiro Moura Batista Campos Rezende Siqueira Tavares Prado Bezerra
Macedo Fonseca Queiroz Castro Borges Mello Sampaio""".split()
SERVICE_ROWS = {row[0]: row for row in SERVICES}


@dataclass(frozen=True)
class Habit:
    """How one client uses the salon: who, which day, what time, which services, how often."""

    weekday: int
    preferred_min: int
    pattern: str  # "regular", "lapsed" or "single"
    professional_of: dict[str, str]  # service key -> professional key; first key is the main one


class Agenda:
    """Occupancy of professionals and clients per local day, in minutes after midnight."""

    def __init__(self) -> None:
        self._hours = {key: working_minutes(week, sat) for key, _, _, week, sat in PROFESSIONALS}
        self._busy: dict[tuple[str, date], list[tuple[int, int]]] = {}

    def place(
        self,
        professional: str,
        client: str,
        days: Sequence[date],
        preferred_min: int,
        duration: int,
    ) -> datetime | None:
        """Book the free start nearest `preferred_min` on the first day that has one."""
        for day in days:
            for start in self._starts(professional, day.weekday(), duration, preferred_min):
                span = (start, start + duration)
                owners = ((professional, day), (client, day))
                if any(self._clashes(owner, span) for owner in owners):
                    continue
                for owner in owners:
                    self._busy.setdefault(owner, []).append(span)
                return datetime.combine(day, time(start // 60, start % 60), tzinfo=ZONE)
        return None

    def _starts(self, professional: str, weekday: int, duration: int, preferred: int) -> list[int]:
        starts = [
            start
            for first, last in self._hours[professional].get(weekday, ())
            for start in range(first, last - duration + 1, SLOT_STEP_MIN)
        ]
        return sorted(starts, key=lambda start: (abs(start - preferred), start))

    def _clashes(self, owner: tuple[str, date], span: tuple[int, int]) -> bool:
        # Half-open intervals: back-to-back visits do not clash.
        return any(span[0] < end and start < span[1] for start, end in self._busy.get(owner, ()))


def working_minutes(weekdays: Hours, saturday: Hours) -> dict[int, Hours]:
    return {
        day: tuple((a * 60, b * 60) for a, b in (saturday if day == SATURDAY else weekdays))
        for day in WORKDAYS
    }


def services() -> list[ServicePart]:
    return [
        ServicePart(key=key, name=name, duration_min=dur, price_cents=price, return_cycle_days=cyc)
        for key, name, dur, price, cyc, _, _ in SERVICES
    ]


def professionals() -> list[ProfessionalPart]:
    return [
        ProfessionalPart(
            key=key,
            name=name,
            services=list(keys),
            working_hours=[
                WorkingHoursPart(weekday=day, start=time(a), end=time(b))
                for day in WORKDAYS
                for a, b in (saturday if day == SATURDAY else weekdays)
            ],
        )
        for key, name, keys, weekdays, saturday in PROFESSIONALS
    ]


def users() -> list[UserPart]:
    return [
        UserPart(
            key="owner", name="Patrícia Moreira", email=f"dono@{EMAIL_DOMAIN}", role=Role.OWNER
        ),
        UserPart(
            key="recepcao", name="Bianca Lima", email=f"recepcao@{EMAIL_DOMAIN}", role=Role.STAFF
        ),
    ]


def draw_phone(rng: random.Random, used: set[str]) -> str:
    """A unique São Paulo mobile in E.164: +55 11 9 and eight digits, the first 5–9."""
    while True:
        phone = f"+55119{rng.randint(5, 9)}{rng.randint(0, 9_999_999):07d}"
        if phone not in used:
            used.add(phone)
            return phone


def whatsapp_id_of(rng: random.Random, phone: str) -> str:
    """As WhatsApp sends it: digits without '+', sometimes the older form without the ninth 9."""
    digits = phone.removeprefix("+")
    return digits[:4] + digits[5:] if rng.random() < 0.2 else digits


def draw_habit(rng: random.Random, female: bool) -> Habit:
    weights = [row[5] if female else row[6] for row in SERVICES]
    wanted = rng.choices((1, 2, 3), weights=(5, 3, 2) if female else (4, 5, 1))[0]
    chosen: list[str] = []
    while len(chosen) < min(wanted, sum(1 for w in weights if w)):
        key = rng.choices([row[0] for row in SERVICES], weights=weights)[0]
        if key not in chosen:
            chosen.append(key)
    performers = {s: [p[0] for p in PROFESSIONALS if s in p[2]] for s in chosen}
    usual = rng.choice(performers[chosen[0]])
    professional_of = {
        s: usual if usual in performers[s] else rng.choice(performers[s]) for s in chosen
    }
    part_of_day = rng.choices(((9, 11), (13, 16), (17, 18)), weights=(4, 4, 3))[0]
    preferred_min = rng.randint(part_of_day[0] * 4, part_of_day[1] * 4) * SLOT_STEP_MIN
    pattern = rng.choices(("regular", "lapsed", "single"), weights=(55, 27, 18))[0]
    weekday = rng.choices(WORKDAYS, weights=WORKDAY_WEIGHTS)[0]
    return Habit(weekday, preferred_min, pattern, professional_of)


def plan_dates(
    rng: random.Random, habit: Habit, cycle_days: int, count: int, as_of: date
) -> list[date]:
    """Wished-for dates of one service, walking back from the last visit by the return cycle."""
    first_day = as_of - timedelta(days=HISTORY_DAYS)
    if habit.pattern == "single":
        return [first_day + timedelta(days=rng.randint(0, HISTORY_DAYS - 1))]
    if habit.pattern == "regular":
        gap_days = rng.randint(1, cycle_days + cycle_days // 3 + 2)
    else:  # lapsed: the last visit is well past two return cycles ago
        gap_days = min(rng.randint(2 * cycle_days + 10, 2 * cycle_days + 150), HISTORY_DAYS - 1)
    day = as_of - timedelta(days=gap_days)
    dates = [day]
    while len(dates) < count:
        day -= timedelta(days=max(1, round(cycle_days * rng.uniform(0.85, 1.4))))
        if day < first_day:
            break
        dates.append(day)
    return dates[::-1]


def candidate_days(target: date, weekday: int, first: date, last: date) -> list[date]:
    """The usual weekday nearest `target`, then the weeks around it, then neighbouring days."""
    anchor = target + timedelta(days=(weekday - target.weekday() + 3) % 7 - 3)
    offsets = (0, -7, 7, 1, -1, 2, -2, 3, -3, -14, 14)
    days = [anchor + timedelta(days=offset) for offset in offsets]
    return [day for day in days if first <= day <= last]


def draw_status(rng: random.Random) -> str:
    roll = rng.random()
    return "no_show" if roll < 0.04 else "cancelled" if roll < 0.08 else "completed"


def past_visits(
    rng: random.Random, agenda: Agenda, client: str, habit: Habit, as_of: date
) -> list[VisitPart]:
    """1–12 visits over the year before `as_of`, shared out among the client's services."""
    total = 1 if habit.pattern == "single" else rng.randint(2, MAX_VISITS_PER_CLIENT)
    keys = list(habit.professional_of)[:total]
    first_day, last_day = as_of - timedelta(days=HISTORY_DAYS), as_of - timedelta(days=1)
    visits: list[VisitPart] = []
    for index, service in enumerate(keys):
        count = total // len(keys) + (1 if index < total % len(keys) else 0)
        _, _, duration, price, cycle, _, _ = SERVICE_ROWS[service]
        professional = habit.professional_of[service]
        for wished in plan_dates(rng, habit, cycle, count, as_of):
            days = candidate_days(wished, habit.weekday, first_day, last_day)
            preferred = habit.preferred_min + rng.choice((-30, -15, 0, 0, 0, 15, 30))
            starts_at = agenda.place(professional, client, days, preferred, duration)
            if starts_at is None:
                continue  # the week is full around the wished date: drop the visit
            visit = VisitPart(
                service=service,
                professional=professional,
                starts_at=starts_at,
                status=draw_status(rng),
                price_cents=price,
            )
            visits.append(visit)
    return visits


def booked_visit(
    rng: random.Random, agenda: Agenda, client: str, habit: Habit, as_of: date
) -> VisitPart | None:
    """The client's main service, booked on the usual weekday of the week after `as_of`."""
    service = next(iter(habit.professional_of))
    professional = habit.professional_of[service]
    _, _, duration, price, _, _, _ = SERVICE_ROWS[service]
    first_day, last_day = as_of + timedelta(days=1), as_of + timedelta(days=BOOKING_DAYS)
    usual_day = first_day + timedelta(days=(habit.weekday - first_day.weekday()) % 7)
    days = candidate_days(usual_day, habit.weekday, first_day, last_day)
    preferred = habit.preferred_min + rng.choice((-15, 0, 15))
    starts_at = agenda.place(professional, client, days, preferred, duration)
    if starts_at is None:
        return None
    return VisitPart(
        service=service,
        professional=professional,
        starts_at=starts_at,
        status="booked",
        price_cents=price,
    )


def draw_client(rng: random.Random, number: int, phones: set[str]) -> tuple[ClientPart, bool]:
    """A client without visits yet, and whether she is a woman (it steers her services)."""
    female = rng.random() < 0.68
    first_name = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    phone = draw_phone(rng, phones)
    client = ClientPart(
        key=f"c{number:03d}",
        name=f"{first_name} {rng.choice(SURNAMES)}",
        phone=phone,
        whatsapp_id=whatsapp_id_of(rng, phone),
        marketing_opt_out=rng.random() < 0.05,
    )
    return client, female


def build_clients(rng: random.Random, as_of: date) -> list[ClientPart]:
    agenda = Agenda()
    phones: set[str] = set()
    clients: list[ClientPart] = []
    habits: list[Habit] = []
    visits: dict[str, list[VisitPart]] = {}
    for number in range(1, CLIENT_COUNT + 1):
        client, female = draw_client(rng, number, phones)
        habit = draw_habit(rng, female)
        clients.append(client)
        habits.append(habit)
        visits[client.key] = past_visits(rng, agenda, client.key, habit, as_of)
    regulars = [(c, h) for c, h in zip(clients, habits, strict=True) if h.pattern == "regular"]
    wanted = rng.randint(12, 18)
    for client, habit in rng.sample(regulars, len(regulars)):
        if wanted == 0:
            break
        visit = booked_visit(rng, agenda, client.key, habit, as_of)
        if visit is not None:
            visits[client.key].append(visit)
            wanted -= 1
    return [
        client.model_copy(
            update={
                "visits": sorted(visits[client.key], key=lambda v: v.starts_at),
                "marketing_consent": consent_of(client, visits[client.key], as_of),
            }
        )
        for client in clients
    ]


def consent_of(client: ClientPart, visits: list[VisitPart], as_of: date) -> ConsentPart | None:
    """Most clients agreed to offers at their first visit; one in ten never said (the salon,
    which requires consent, offers them nothing), and those who opted out did not."""
    if client.marketing_opt_out or int(client.key[1:]) % 10 == 0:
        return None
    first = min((v.starts_at for v in visits), default=None)
    granted_at = first or datetime.combine(as_of - timedelta(days=30), time(10), ZONE)
    return ConsentPart(granted_at=granted_at, source="import", text=CONSENT_TEXT)


def profile() -> SalonProfile:
    """What the demo salon's chat tells clients (opening hours: the professionals')."""
    return SalonProfile(
        address="Rua Harmonia, 321 – Vila Madalena, São Paulo – SP",
        maps_url="https://maps.google.com/?q=Rua+Harmonia+321+Sao+Paulo",
        payment_methods=("pix", "credit_card", "debit_card", "cash"),
        payment_notes="Parcelamos em até 3x sem juros no cartão de crédito.",
        parking="Não temos estacionamento próprio; há um estacionamento conveniado na Rua"
        " Fradique Coutinho, a 50 metros.",
        cancellation_policy="Cancelamentos com menos de 24 horas de antecedência podem ser"
        " cobrados em 50% do valor do serviço.",
        cancellation_window_h=24,
        about="O Studio Vila Madalena atende na Vila Madalena desde 2015: cabelo, unhas e"
        " sobrancelhas.",
    )


def build_salon(seed: int = DEFAULT_SEED, as_of: date = DEFAULT_AS_OF) -> SalonFile:
    """The whole demo salon; the same seed and `as_of` always give the same salon."""
    rng = random.Random(seed)
    salon = SalonFile(
        format=FORMAT,
        as_of=as_of,
        tenant=TenantPart(
            id=TENANT_ID,
            name="Studio Vila Madalena",
            slug="demo-vila-madalena",
            time_zone=TIME_ZONE,
        ),
        users=users(),
        services=services(),
        professionals=professionals(),
        clients=build_clients(rng, as_of),
        profile=profile(),
    )
    # model_copy skips validation: validate the whole file once, as an importer would.
    return SalonFile.model_validate(salon.model_dump())


def render(salon: SalonFile) -> str:
    return json.dumps(salon.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=DEFAULT_AS_OF,
        help="the day the file is written (YYYY-MM-DD); history is the year before it",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    salon = build_salon(args.seed, args.as_of)
    text = render(salon)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    visits = [visit for client in salon.clients for visit in client.visits]
    booked = sum(1 for visit in visits if visit.status == "booked")
    print(
        f"wrote {args.out}: {len(salon.clients)} clients, {len(visits)} visits "
        f"({booked} booked), {len(text.encode())} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
