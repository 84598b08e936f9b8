"""The salon's WhatsApp templates over HTTP: every kind of message has one (offers MARKETING, the
rest UTILITY) with the JSON to submit to Meta; the owner states the salon's own names and texts;
an unknown value or a text Meta would refuse is a clear 422 that changes nothing."""

from __future__ import annotations

import httpx

from tests.e2e.conftest import LiveSalon

PATH = "/api/v1/salon/whatsapp-templates"
OWN = {
    "reminder": {"name": "lembrete_bela", "text": "Oi {{first_name}}! Seu {{service}} é {{when}}."}
}


async def test_every_kind_of_message_has_a_template_to_submit_to_meta(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    staff = {"Authorization": f"Bearer {live_salon.staff_token}"}
    listed = await http.get(PATH, headers=staff)
    assert listed.status_code == 200
    templates = {t["purpose"]: t for t in listed.json()["templates"]}
    assert {k: t["category"] for k, t in templates.items() if t["category"] == "MARKETING"} == {
        "prazo_certo_offer": "MARKETING",
        "encher_agenda_offer": "MARKETING",
    }
    assert len(templates) == 11 and not any(t["own"] for t in templates.values())
    confirmed = templates["booking_confirmed"]
    assert confirmed["text"].startswith("Olá, {{first_name}}! Seu horário {{at_salon}}")
    assert confirmed["meta"]["name"] == confirmed["name"] == "agenda_cheia_booking_confirmed"
    assert confirmed["meta"]["components"][0]["text"].startswith("Olá, {{1}}! Seu horário {{2}}")
    assert (await http.get(PATH)).status_code == 401


async def test_the_owner_states_the_salons_own_templates(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    staff = {"Authorization": f"Bearer {live_salon.staff_token}"}
    refused = await http.put(PATH, json={"templates": OWN}, headers=staff)
    stated = await http.put(PATH, json={"templates": OWN}, headers=live_salon.auth)
    assert refused.status_code == 403
    assert stated.status_code == 200
    reminder = next(t for t in stated.json()["templates"] if t["purpose"] == "reminder")
    assert (reminder["own"], reminder["name"], reminder["category"]) == (
        True,
        "lembrete_bela",
        "UTILITY",
    )
    assert reminder["meta"]["components"][0]["text"] == "Oi {{1}}! Seu {{2}} é {{3}}."
    assert reminder["meta"]["components"][0]["example"]["body_text"][0][0] == "Ana"
    back = await http.put(PATH, json={"templates": {}}, headers=live_salon.auth)
    assert not any(t["own"] for t in back.json()["templates"])


async def test_a_template_meta_would_refuse_is_a_clear_422_that_changes_nothing(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    unknown = {"reminder": {"name": "lembrete", "text": "Oi {{apelido}}, até {{when}}."}}
    first_value = {"reminder": {"name": "lembrete", "text": "{{first_name}}, até amanhã."}}
    no_purpose = {"aniversario": {"name": "parabens", "text": "Parabéns, {{first_name}}!"}}
    answers = [
        await http.put(PATH, json={"templates": body}, headers=live_salon.auth)
        for body in (unknown, first_value, no_purpose)
    ]
    assert [a.status_code for a in answers] == [422, 422, 422]
    assert answers[0].json()["code"] == "invalid_template"
    assert "apelido" in answers[0].json()["detail"] and "first_name" in answers[0].json()["detail"]
    assert "starts or ends with a value" in answers[1].json()["detail"]
    assert "aniversario" in str(answers[2].json()["detail"])
    listed = await http.get(PATH, headers=live_salon.auth)
    assert not any(t["own"] for t in listed.json()["templates"])
