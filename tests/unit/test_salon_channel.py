"""A salon's own channel, pure: which n8n URLs a salon may use (https, an allowed host, never an
address nobody listed), its secrets sealed and opened only with the deployment's key, and each
salon's daily budget of clients reached by templates."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from actors.sender_channel import over_budget
from config.secret_box import SecretBox, SecretsKeyMissingError
from db.outbox import ChannelRow, ClaimedMessage
from domain.salon_channel import url_problem
from tests.channel import TEST_SECRETS_KEY

HOSTS = ("n8n.salao.com.br", ".hooks.example", "127.0.0.1")


@pytest.mark.parametrize(
    "url",
    [
        "https://n8n.salao.com.br/webhook/x",
        "https://a.hooks.example/webhook",
        "https://hooks.example/webhook",
        "https://127.0.0.1/webhook",
        "https://n8n.salao.com.br:443/webhook",
    ],
)
def test_an_allowed_https_url_is_taken(url: str) -> None:
    assert url_problem(url, HOSTS) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://n8n.salao.com.br/webhook", "must be https"),
        ("https://evil.example/webhook", "not one the deployment allows"),
        ("https://n8n.salao.com.br.evil.example/x", "not one the deployment allows"),
        ("https://169.254.169.254/latest", "not an address"),
        ("https://[::1]/x", "not an address"),
        ("https://user:pw@n8n.salao.com.br/x", "credentials"),
        ("https://n8n.salao.com.br:99999/x", "not a URL"),
        ("file:///etc/passwd", "must be https"),
        ("https://n8n.salao.com.br:22/x", "port"),
    ],
)
def test_a_url_that_could_reach_anywhere_is_refused(url: str, problem: str) -> None:
    assert problem in (url_problem(url, HOSTS) or "")


def test_plain_http_only_where_allowed() -> None:
    assert url_problem("http://127.0.0.1:5678/x", HOSTS, plain_http=True) is None


def test_a_secret_is_sealed_and_opened_only_with_the_key() -> None:
    box = SecretBox(TEST_SECRETS_KEY)
    sealed = box.seal("whsec_abc")
    assert b"whsec_abc" not in sealed and box.open(sealed) == "whsec_abc"
    with pytest.raises(SecretsKeyMissingError, match="another"):
        SecretBox(SecretBox.new_key()).open(sealed)
    with pytest.raises(SecretsKeyMissingError, match="not set"):
        SecretBox("").seal("whsec_abc")


def claimed(tenant: object, client: object, quota: int | None) -> ClaimedMessage:
    now = datetime(2026, 3, 10, tzinfo=UTC)
    return ClaimedMessage(
        tenant_id=tenant,  # type: ignore[arg-type]
        message_id=uuid4(),
        client_id=client,  # type: ignore[arg-type]
        kind="marketing",
        body="",
        attempts=1,
        created_at=now,
        claimed_until=now,
        client_name="",
        phone_e164="+5511987654321",
        whatsapp_id=None,
        marketing_opt_out=False,
        webhook_url="https://n8n.salao.com.br/x",
        channel=ChannelRow(daily_quota=quota),
    )


def test_each_salon_reaches_at_most_its_budget_and_a_client_reached_costs_nothing() -> None:
    one, two, known = uuid4(), uuid4(), uuid4()
    first = [claimed(one, c, 2) for c in (uuid4(), uuid4(), uuid4())]
    again = claimed(one, known, 2)
    second = [claimed(two, uuid4(), None) for _ in range(3)]
    held = over_budget([again, *first, *second], {one: {known}}, default_quota=1000)
    assert held == {first[1].message_id, first[2].message_id}


def test_a_salon_without_a_budget_of_its_own_has_the_deployments() -> None:
    salon = uuid4()
    messages = [claimed(salon, uuid4(), None) for _ in range(4)]
    held = over_budget(messages, {}, default_quota=3)
    assert held == {messages[3].message_id}
