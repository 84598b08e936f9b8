"""A client's LGPD rights over HTTP: only the owner exports or erases, only their own salon's
clients; an erased client leaves the client list and their export says so."""

from __future__ import annotations

import httpx

from tests.e2e.conftest import LiveSalon


async def test_only_the_owner_exports_and_erases_their_own_salons_clients(
    live_salon: LiveSalon, other_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    client_id = live_salon.ids.of("client", "c0")
    path = f"/api/v1/clients/{client_id}"
    staff = {"Authorization": f"Bearer {live_salon.staff_token}"}
    foreign = {"Authorization": f"Bearer {other_salon.owner_token}"}
    by_staff = await http.get(f"{path}/export", headers=staff)
    from_elsewhere = await http.get(f"{path}/export", headers=foreign)
    erase_elsewhere = await http.post(f"{path}/erase", headers=foreign)
    exported = await http.get(f"{path}/export", headers=live_salon.auth)
    erased = await http.post(f"{path}/erase", headers=live_salon.auth)
    again = await http.post(f"{path}/erase", headers=live_salon.auth)
    after = await http.get(f"{path}/export", headers=live_salon.auth)
    listed = await http.get("/api/v1/clients?limit=200", headers=live_salon.auth)
    assert (by_staff.status_code, from_elsewhere.status_code) == (403, 404)
    assert erase_elsewhere.status_code == 404
    assert exported.status_code == 200
    assert exported.json()["client"]["name"] == "Cliente 0"
    assert erased.json() == {
        "client_id": str(client_id),
        "appointments_cancelled": 0,
        "requests_closed": 0,
    }
    assert again.status_code == 404
    assert after.json()["client"]["name"] == "Cliente removido"
    assert after.json()["client"]["phone_e164"] is None
    assert [r["action"] for r in after.json()["data_requests"]] == ["export", "erase"]
    assert str(client_id) not in {c["id"] for c in listed.json()["data"]}


async def test_the_owner_records_a_clients_consent_and_the_export_shows_its_history(
    live_salon: LiveSalon, other_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    client_id = live_salon.ids.of("client", "c1")
    path = f"/api/v1/clients/{client_id}"
    staff = {"Authorization": f"Bearer {live_salon.staff_token}"}
    foreign = {"Authorization": f"Bearer {other_salon.owner_token}"}
    given = {"granted": True, "text": "Autorizou ofertas por WhatsApp na ficha, 05/12"}
    by_staff = await http.post(f"{path}/consent", json=given, headers=staff)
    from_elsewhere = await http.post(f"{path}/consent", json=given, headers=foreign)
    no_words = await http.post(f"{path}/consent", json={"granted": True}, headers=live_salon.auth)
    granted = await http.post(f"{path}/consent", json=given, headers=live_salon.auth)
    again = await http.post(f"{path}/consent", json=given, headers=live_salon.auth)
    revoked = await http.post(
        f"{path}/consent",
        json={"granted": False, "text": "Pediu para parar, por telefone"},
        headers=live_salon.auth,
    )
    exported = await http.get(f"{path}/export", headers=live_salon.auth)
    assert (by_staff.status_code, from_elsewhere.status_code) == (403, 404)
    assert no_words.status_code == 422 and "text" in str(no_words.json()["detail"])
    assert granted.json() == {
        "client_id": str(client_id),
        "marketing_consent": True,
        "marketing_opt_out": False,
    }
    assert again.json() == granted.json()
    assert revoked.json()["marketing_opt_out"] is True
    consent = exported.json()["marketing_consent"]
    assert consent["marketing_opt_out"] is True and consent["opted_in_since"] is None
    assert [(h["granted"], h["source"], h["text"]) for h in consent["history"]] == [
        (True, "owner", "Autorizou ofertas por WhatsApp na ficha, 05/12"),
        (False, "owner", "Pediu para parar, por telefone"),
    ]
