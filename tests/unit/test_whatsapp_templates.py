"""WhatsApp templates: the shipped definitions cover every purpose and fit Meta's rules, a salon's
own text names its values (unknown ones refused with a clear error), and each message's template
call renders a text a client can read."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import TemplateError
from domain.whatsapp_templates import (
    EXAMPLES,
    MARKETING,
    PARAMETERS,
    TEMPLATE_KEYS,
    TemplateDefinition,
    named_text,
    parameter_text,
    resolve,
    salon_definition,
    template_call,
)
from domain.whatsapp_texts import (
    booking_confirmation_text,
    campaign_offer_text,
    reminder_text,
    salon_message_text,
)
from integrations.templates import TEMPLATE_DIR, load_templates
from tests.factories import make_appointment_data

SHIPPED = load_templates()


def test_every_purpose_has_a_shipped_template_of_its_category() -> None:
    assert set(SHIPPED) == set(TEMPLATE_KEYS)
    for key, definition in SHIPPED.items():
        expected = "MARKETING" if key in MARKETING else "UTILITY"
        assert (definition.category, definition.language) == (expected, "pt_BR"), key
        assert definition.name == f"agenda_cheia_{key}"


def test_shipped_files_are_meta_submissions_with_one_example_per_value() -> None:
    for key, definition in SHIPPED.items():
        meta = json.loads((TEMPLATE_DIR / f"{definition.name}.json").read_text())
        assert set(meta) == {"name", "language", "category", "components"}, key
        (body,) = meta["components"]
        assert body["type"] == "BODY"
        (examples,) = body["example"]["body_text"]
        assert examples == [EXAMPLES[name] for name in definition.params], key
        assert meta == definition.meta_json(EXAMPLES)


def test_a_purpose_without_a_template_stops_the_start(tmp_path: Path) -> None:
    copy = tmp_path / "templates"
    shutil.copytree(TEMPLATE_DIR, copy)
    index = json.loads((copy / "parameters.json").read_text())
    del index["agenda_cheia_reminder"]
    (copy / "agenda_cheia_reminder.json").unlink()
    (copy / "parameters.json").write_text(json.dumps(index))
    with pytest.raises(TemplateError, match="no WhatsApp template for reminder"):
        load_templates(copy)


def test_a_template_naming_an_unknown_value_stops_the_start(tmp_path: Path) -> None:
    copy = tmp_path / "templates"
    shutil.copytree(TEMPLATE_DIR, copy)
    index = json.loads((copy / "parameters.json").read_text())
    index["agenda_cheia_reminder"]["parameters"][0] = "nickname"
    (copy / "parameters.json").write_text(json.dumps(index))
    with pytest.raises(TemplateError, match="unknown parameter.*nickname"):
        load_templates(copy)


def test_a_template_of_the_wrong_category_stops_the_start(tmp_path: Path) -> None:
    copy = tmp_path / "templates"
    shutil.copytree(TEMPLATE_DIR, copy)
    path = copy / "agenda_cheia_prazo_certo_offer.json"
    meta = json.loads(path.read_text())
    path.write_text(json.dumps(meta | {"category": "UTILITY"}))
    with pytest.raises(TemplateError, match="category UTILITY, expected MARKETING"):
        load_templates(copy)


def test_a_salon_text_by_name_becomes_meta_positions_in_order_of_appearance() -> None:
    text = "Oi {{first_name}}! Amanhã tem {{service}} {{when}}. Até, {{first_name}}!"
    own = salon_definition("reminder", name="lembrete_bela", text=text)
    assert own.body == "Oi {{1}}! Amanhã tem {{2}} {{3}}. Até, {{1}}!"
    assert own.params == ("first_name", "service", "when")
    assert own.category == "UTILITY"
    assert named_text(own) == text


def test_a_salon_text_with_an_unknown_value_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(TemplateError) as refused:
        salon_definition("reminder", name="lembrete", text="Oi {{apelido}}, até {{when}}.")
    assert "unknown parameter(s) apelido" in refused.value.message
    assert "first_name" in refused.value.message


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Oi {{1}}, até {{when}}.", "write values by name"),
        ("{{first_name}}, seu horário é {{when}}.", "starts or ends with a value"),
        ("Seu horário é {{when}}", "starts or ends with a value"),
        ("   ", "empty"),
        ("x" * 1025, "more than 1024"),
    ],
)
def test_a_salon_text_meta_would_refuse_is_refused(text: str, problem: str) -> None:
    with pytest.raises(TemplateError, match=problem):
        salon_definition("reminder", name="lembrete", text=text)


@pytest.mark.parametrize("name", ["Lembrete", "lembrete bela", "lembrete-bela", ""])
def test_a_template_name_meta_would_refuse_is_refused(name: str) -> None:
    with pytest.raises(TemplateError, match="name"):
        salon_definition("reminder", name=name, text="Oi {{first_name}}, até {{when}}.")


def test_the_salons_own_template_is_used_and_a_broken_one_falls_back() -> None:
    own = {"reminder": {"name": "lembrete_bela", "text": "Oi {{first_name}}! Até {{when}}."}}
    assert resolve("reminder", SHIPPED, own).name == "lembrete_bela"
    broken = {"reminder": {"name": "lembrete_bela", "text": "Oi {{apelido}}! Até logo."}}
    assert resolve("reminder", SHIPPED, broken) == SHIPPED["reminder"]
    assert resolve("booking_confirmed", SHIPPED, own) == SHIPPED["booking_confirmed"]


def test_parameters_are_flattened_and_never_empty() -> None:
    assert parameter_text("Oi!\nTudo\tbem?     Sim") == "Oi! Tudo bem? Sim"
    assert parameter_text("  ") == "-"
    assert len(parameter_text("a" * 2000)) == 700


@given(st.text(alphabet=st.sampled_from("ab \n\r\t\u00a0\u2003é"), max_size=30))
def test_flattening_skips_the_substitutions_only_when_they_change_nothing(value: str) -> None:
    substituted = re.sub(r" {2,}", " ", re.sub(r"\s*[\r\n\t]+\s*", " ", value)).strip()
    assert parameter_text(value) == (substituted or "-")


def test_a_call_must_carry_exactly_its_purposes_values() -> None:
    with pytest.raises(ValueError, match="reminder takes"):
        template_call("reminder", first_name="Ana")


def render(definition: TemplateDefinition, **values: str) -> str:
    return definition.render(template_call(definition.key, **values))


def test_components_fill_the_positions_in_order() -> None:
    data = make_appointment_data(client_name="Ana Souza", service_name="Corte", date="2026-03-10")
    call = booking_confirmation_text(data, "Barbearia Rio Negro").template
    definition = SHIPPED["booking_confirmed"]
    (body,) = definition.components(call)
    texts = [p["text"] for p in body["parameters"]]
    assert texts[:3] == ["Ana", "na Barbearia Rio Negro", "Corte"]
    assert body == {"type": "body", "parameters": [{"type": "text", "text": t} for t in texts]}


def test_a_confirmation_outside_the_window_reads_as_the_text_does() -> None:
    data = make_appointment_data(client_name="Ana Souza", service_name="Corte", date="2026-03-10")
    message = booking_confirmation_text(data, "Barbearia Rio Negro")
    rendered = SHIPPED["booking_confirmed"].render(message.template)
    assert rendered == message.text


def test_an_offer_template_is_marketing_and_keeps_the_slot_and_price() -> None:
    data = make_appointment_data(client_name="", date="2026-03-12", time="14:00")
    offer = campaign_offer_text(
        data, salon_name="Salão Bela", campaign="encher_agenda", last_visit_date=None
    )
    assert offer.template.key == "encher_agenda_offer"
    rendered = SHIPPED["encher_agenda_offer"].render(offer.template)
    assert rendered.startswith("Oi, cliente! Abriu um horário no Salão Bela:")
    assert "quinta, 12/03, às 14:00 por R$" in rendered and "SAIR" in rendered


def test_every_texts_template_renders_without_placeholders() -> None:
    when = "amanhã (10/03) às 15:00 com Carol"
    reminder = reminder_text("Ana", "Corte", when, salon_name="Studio X")
    said = salon_message_text("Pode vir\nàs 16h?", client_name="Ana", salon_name="Barbearia Sol")
    for call in (reminder.template, said.template):
        rendered = SHIPPED[call.key].render(call)
        assert "{{" not in rendered
    assert SHIPPED["salon_message"].render(said.template) == (
        "Olá, Ana! Você tem uma mensagem da Barbearia Sol: Pode vir às 16h? Para continuar a"
        " conversa, é só responder por aqui."
    )


def test_every_purpose_names_the_salon_for_the_salons_own_texts() -> None:
    assert all("salon" in names for names in PARAMETERS.values())
