"""A salon's own WhatsApp channel over HTTP: only the owner reads or states it; its secrets are
stored sealed and never answered; its n8n URL must be https on an allowed host and needs the
salon's own secret; the inbound webhook checks a salon's deliveries with that salon's secret, so
another salon's secret (or the deployment's) is refused."""

from __future__ import annotations

import base64

import httpx

from tests.e2e.chat_helpers import WEBHOOK, signed, whatsapp
from tests.e2e.conftest import LiveSalon

PATH = "/api/v1/salon/whatsapp-channel"
SECRET = "whsec_" + base64.b64encode(b"salon-one-signing-key-0123456789").decode()
OTHER_SECRET = "whsec_" + base64.b64encode(b"salon-two-signing-key-0123456789").decode()
CHANNEL = {
    "phone_number_id": "109876543210",
    "n8n_url": "https://salon.test/webhook/agenda",
    "webhook_secret": SECRET,
    "auth_token": "salon-token-xyz-0123456789",
    "daily_quota": 250,
}


async def test_the_owner_states_the_channel_and_its_secrets_are_never_answered(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    staff = {"Authorization": f"Bearer {live_salon.staff_token}"}
    assert (await http.get(PATH, headers=staff)).status_code == 403
    assert (await http.put(PATH, json=CHANNEL, headers=staff)).status_code == 403
    stated = await http.put(PATH, json=CHANNEL, headers=live_salon.auth)
    read = await http.get(PATH, headers=live_salon.auth)
    assert stated.status_code == 200 and stated.json() == read.json() == {
        "phone_number_id": "109876543210",
        "n8n_url": "https://salon.test/webhook/agenda",
        "has_webhook_secret": True,
        "has_auth_token": True,
        "daily_quota": 250,
        "reached_last_24h": 0,
        "budget": 250,
    }
    assert SECRET not in stated.text and "salon-token" not in read.text
    # Left out, the secrets are kept; null removes the token.
    kept = await http.put(
        PATH,
        json={"n8n_url": CHANNEL["n8n_url"], "auth_token": None},
        headers=live_salon.auth,
    )
    assert (kept.json()["has_webhook_secret"], kept.json()["has_auth_token"]) == (True, False)
    # No budget of its own: the deployment's is in force.
    assert (kept.json()["daily_quota"], kept.json()["budget"]) == (None, 250)


async def test_a_channel_that_would_reach_anywhere_or_unsigned_is_refused(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    bad = [
        CHANNEL | {"n8n_url": "https://evil.example/hook"},
        CHANNEL | {"n8n_url": "https://10.0.0.7/hook"},
        CHANNEL | {"n8n_url": "ftp://salon.test/hook"},
        {"n8n_url": "https://salon.test/hook"},  # no secret of its own
        CHANNEL | {"webhook_secret": "short"},
        CHANNEL | {"phone_number_id": "+55 11"},
        CHANNEL | {"daily_quota": 0},
    ]
    answers = [await http.put(PATH, json=body, headers=live_salon.auth) for body in bad]
    assert [a.status_code for a in answers] == [422] * len(bad)
    assert "not one the deployment allows" in answers[0].json()["detail"]
    assert "needs the salon's own webhook_secret" in answers[3].json()["detail"]
    assert all(SECRET not in a.text for a in answers)
    read = await http.get(PATH, headers=live_salon.auth)
    assert read.json()["n8n_url"] is None and read.json()["has_webhook_secret"] is False


async def test_a_salons_deliveries_are_checked_with_its_own_secret(
    live_salon: LiveSalon, other_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    api = live_salon.api
    for salon, secret in ((live_salon, SECRET), (other_salon, OTHER_SECRET)):
        answer = await http.put(PATH, json=CHANNEL | {"webhook_secret": secret}, headers=salon.auth)
        assert answer.status_code == 200
    body = whatsapp(live_salon, "Oi, tudo bem?")
    own = await http.post(WEBHOOK, content=(s := signed(api, body, secret=SECRET))[0], headers=s[1])
    raw, headers = signed(api, whatsapp(live_salon, "Oi de novo"), secret=OTHER_SECRET)
    cross = await http.post(WEBHOOK, content=raw, headers=headers)
    raw, headers = signed(api, whatsapp(live_salon, "E agora?"))  # the deployment's secret
    deployments = await http.post(WEBHOOK, content=raw, headers=headers)
    assert own.status_code == 202
    assert (cross.status_code, deployments.status_code) == (401, 401)
