"""Gemini's service and professional names resolve to the salon's ids as the rules read them."""

from __future__ import annotations

from itertools import product
from uuid import UUID, uuid5

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.chat_names import resolve_names
from domain.chat_rules import understand
from domain.models import Professional, Service
from tests.unit.chat_case import TODAY
from tests.unit.test_chat_rules import NAMESPACE, PROFESSIONALS, SERVICES, key_of

# Two people sharing a first name, a combined service and one named only by a symbol: the
# corners of the name rules, added to the salon `test_chat_rules` builds.
CROWDED_PROFESSIONALS = [
    *PROFESSIONALS,
    *(Professional(id=uuid5(NAMESPACE, name), name=name) for name in ("Ana Souza", "Ana Lima")),
]
CROWDED_SERVICES = [
    *SERVICES,
    *(
        Service(id=uuid5(NAMESPACE, name), name=name, duration_min=45, price_cents=7000)
        for name in ("Corte + Barba", "+")
    ),
]
SALONS = [(SERVICES, PROFESSIONALS), (CROWDED_SERVICES, CROWDED_PROFESSIONALS)]

# Names as Gemini might send them (accents, case, first, full and short names, unknown ones).
# fmt: off
SERVICE_SPELLINGS = [
    None, "", "Coloração", "coloracao", "COLORAÇÃO", "Corte", "Corte feminino", "corte masculino",
    "Corte + Barba", "corte e barba", "Barba", "unha", "Manicure e pedicure", "pé e mão",
    "Design de sobrancelha", "sombrancelha", "Hidratação", "Progressiva", "escova progressiva",
    "Massagem", "corte pro meu filho", "Escova, Carol",
]
PROFESSIONAL_SPELLINGS = [
    None, "", "Carol", "carol andrade", "CAROL ANDRADE", "Carol Andrade!", "Rafael", "Rafa",
    "rafael costa", "Ju", "a Ju", "Juliana Prado", "Marcos", "marcos lima", "Fernanda", "Ana",
    "Ana Lima", "ana souza", "Barba", "aqui é a Juliana", "qualquer uma",
]
# fmt: on
NAME_PIECES = sorted(
    {
        word
        for spelling in SERVICE_SPELLINGS + PROFESSIONAL_SPELLINGS
        for word in (spelling or "").split()
    }
    | {"com", "e", "mas", "não", "o", "a", "pro", "?", ",", "|", "😊"}
)


def read_named(
    service: str | None,
    professional: str | None,
    services: list[Service],
    professionals: list[Professional],
) -> tuple[UUID | None, UUID | None]:
    """The ids the Gemini path took from `understand` before `resolve_names` existed."""
    found = understand(
        f"{service or ''} com {professional or ''}",
        services=services,
        professionals=professionals,
        today=TODAY,
    )
    return found.service_id, found.professional_id


def resolve_keys(service: str | None, professional: str | None) -> tuple[str | None, str | None]:
    service_id, professional_id = resolve_names(
        service, professional, services=SERVICES, professionals=PROFESSIONALS
    )
    return key_of(service_id), key_of(professional_id)


@pytest.mark.parametrize(
    ("service", "professional", "expected"),
    [
        ("Coloração", "Carol", ("coloracao", "carol")),
        ("coloracao", "carol andrade", ("coloracao", "carol")),
        ("CORTE MASCULINO", "Rafael Costa", ("corte_m", "rafael")),
        ("Corte", None, ("corte_f", None)),
        ("corte pro meu filho", None, ("corte_m", None)),
        ("Barba", "Rafa", ("barba", "rafael")),
        ("unha", "Juliana", ("manicure", "juliana")),
        ("Escova", "Marcos Lima", ("escova", "marcos")),
        ("Hidratação", "Fernanda", ("hidratacao", None)),
        ("Progressiva", None, (None, None)),
        (None, "Ju", (None, None)),
        (None, "a Ju", (None, "juliana")),
        (None, None, (None, None)),
    ],
)
def test_names_resolve_to_the_salons_ids(
    service: str | None, professional: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert resolve_keys(service, professional) == expected


def test_first_name_two_professionals_share_resolves_to_nobody() -> None:
    service_id, professional_id = resolve_names(
        None, "Ana", services=[], professionals=CROWDED_PROFESSIONALS
    )
    assert (service_id, professional_id) == (None, None)


def test_spellings_resolve_as_understand_reads_them() -> None:
    mismatches = [
        (service, professional, len(services))
        for services, professionals in SALONS
        for service, professional in product(SERVICE_SPELLINGS, PROFESSIONAL_SPELLINGS)
        if resolve_names(service, professional, services=services, professionals=professionals)
        != read_named(service, professional, services, professionals)
    ]
    assert mismatches == []


def test_the_spelling_table_resolves_something() -> None:
    # Guards the equality test above against passing only because everything reads as None.
    resolved = [resolve_keys(s, p) for s, p in product(SERVICE_SPELLINGS, PROFESSIONAL_SPELLINGS)]
    assert {key for pair in resolved for key in pair} >= {"coloracao", "corte_m", "carol", "rafael"}


names = st.none() | st.lists(st.sampled_from(NAME_PIECES), max_size=5).map(" ".join)


@settings(max_examples=200, deadline=None, database=None)
@given(
    service=names | st.text(max_size=30),
    professional=names | st.text(max_size=30),
    crowded=st.booleans(),
)
def test_any_names_resolve_as_understand_reads_them(
    service: str | None, professional: str | None, crowded: bool
) -> None:
    services, professionals = SALONS[1] if crowded else SALONS[0]
    resolved = resolve_names(service, professional, services=services, professionals=professionals)
    assert resolved == read_named(service, professional, services, professionals)
