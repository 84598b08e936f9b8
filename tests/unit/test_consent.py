"""Consent to marketing, pure: campaigns skip clients without an active opt-in where the salon
requires one, the owner's record of a consent or revocation, and the import format's consent."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest
from pydantic import ValidationError

from domain.agenda import ConsentChange
from domain.client_rights import record_consent
from domain.commands import RecordConsent
from domain.errors import NotFoundError
from domain.events import ClientOptedInData, ClientOptedOutData
from domain.models import Client
from domain.outcome import Outcome
from domain.salon_import import ClientPart
from tests.unit.domain_factories import make_salon_agenda
from tests.unit.test_campaign_planning import (
    CAROL,
    THURSDAY,
    make_history,
    make_salon,
    prazo,
    works,
)

OWNER = uuid4()


def test_without_an_active_opt_in_a_salon_that_requires_one_offers_nothing() -> None:
    consented, silent = make_history(9), make_history(6)
    agenda, facts = make_salon([consented, silent], [works(CAROL, THURSDAY, 14, 18)])
    agenda.clients[consented.client_id] = agenda.clients[consented.client_id].model_copy(
        update={"marketing_consent": True}
    )
    agenda.settings = agenda.settings.model_copy(update={"require_marketing_consent": True})
    plan = prazo((agenda, facts))
    assert [s.client_id for s in plan.suggestions] == [consented.client_id]
    assert plan.skip_counts() == {"no_consent": 1}


def test_a_salon_that_does_not_require_consent_offers_to_anyone_not_opted_out() -> None:
    first, second = make_history(9), make_history(6)
    salon = make_salon([first, second], [works(CAROL, THURSDAY, 14, 18)])
    assert len(prazo(salon).suggestions) == 2


def record(salon_client_update: dict[str, bool], granted: bool) -> tuple[Client, Outcome[Any]]:
    salon = make_salon_agenda()
    client = salon.client.model_copy(update=salon_client_update)
    salon.agenda.clients[client.id] = client
    command = RecordConsent(
        client_id=client.id, granted=granted, text="Autorizou na ficha", recorded_by=OWNER
    )
    return client, record_consent(salon.agenda, command)


def test_the_owner_records_a_consent_with_its_words() -> None:
    client, outcome = record({}, granted=True)
    assert outcome.events == (ClientOptedInData(client_id=client.id, source="owner"),)
    assert outcome.change.consents == (
        ConsentChange(
            client.id, granted=True, source="owner", text="Autorizou na ficha", recorded_by=OWNER
        ),
    )
    assert (outcome.result.marketing_consent, outcome.result.marketing_opt_out) == (True, False)


def test_the_owner_records_a_revocation() -> None:
    client, outcome = record({"marketing_consent": True}, granted=False)
    assert outcome.events == (ClientOptedOutData(client_id=client.id, source="owner"),)
    assert outcome.change.clients_opted_out == (client.id,)


@pytest.mark.parametrize(
    ("state", "granted"),
    [({"marketing_consent": True}, True), ({"marketing_opt_out": True}, False)],
)
def test_recording_the_state_the_client_is_in_changes_nothing(
    state: dict[str, bool], granted: bool
) -> None:
    _client, outcome = record(state, granted=granted)
    assert outcome.changes_nothing


def test_consent_of_an_unknown_client_is_not_found() -> None:
    salon = make_salon_agenda()
    command = RecordConsent(client_id=uuid4(), granted=True, text="ok", recorded_by=OWNER)
    with pytest.raises(NotFoundError):
        record_consent(salon.agenda, command)


def test_the_import_format_carries_a_consent_with_its_date_source_and_words() -> None:
    part = ClientPart.model_validate(
        {
            "key": "ana",
            "name": "Ana",
            "phone": "+5511987654321",
            "marketing_consent": {
                "granted_at": "2026-03-01T10:00:00-03:00",
                "source": "owner",
                "text": "Aceitou ofertas por WhatsApp",
            },
        }
    )
    assert part.marketing_consent is not None
    assert part.marketing_consent.granted_at == datetime(2026, 3, 1, 13, 0, tzinfo=UTC)
    with pytest.raises(ValidationError):
        ClientPart.model_validate(
            {
                "key": "ana",
                "name": "Ana",
                "phone": "+5511987654321",
                "marketing_consent": {"granted_at": "2026-03-01T10:00:00", "text": "ok"},
            }
        )
