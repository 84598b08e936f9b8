"""WhatsApp message templates, pure: each purpose a message can have (an offer, a confirmation, a
reminder…) with its category and named parameters, the definitions Meta approves (positional
`{{1}}` bodies), a salon's own names and texts (named `{{first_name}}` placeholders), and the
template call a message becomes outside the 24 h window.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from domain.errors import TemplateError

TemplateKey = Literal[
    "prazo_certo_offer",
    "encher_agenda_offer",
    "booking_confirmed",
    "booking_rejected",
    "reschedule_approved",
    "reschedule_rejected",
    "appointment_cancelled",
    "appointment_moved",
    "offer_filled",
    "reminder",
    "salon_message",
]
TEMPLATE_KEYS: tuple[TemplateKey, ...] = get_args(TemplateKey)
Category = Literal["MARKETING", "UTILITY"]
LANGUAGE = "pt_BR"
NAME_PREFIX = "agenda_cheia_"
MARKETING: frozenset[TemplateKey] = frozenset({"prazo_certo_offer", "encher_agenda_offer"})
# The named values each purpose's message carries; a template uses any of them, in any order.
PARAMETERS: dict[TemplateKey, tuple[str, ...]] = {
    "prazo_certo_offer": ("first_name", "service", "professional", "when", "offer", "salon"),
    "encher_agenda_offer": (
        "first_name",
        "at_salon",
        "service",
        "professional",
        "when",
        "offer",
        "salon",
    ),
    "booking_confirmed": (
        "first_name",
        "at_salon",
        "service",
        "professional",
        "date",
        "time",
        "price",
        "salon",
    ),
    "booking_rejected": ("first_name", "service", "date", "time", "next_step", "salon"),
    "reschedule_approved": ("first_name", "service", "date", "time", "professional", "salon"),
    "reschedule_rejected": ("first_name", "service", "date", "time", "next_step", "salon"),
    "appointment_cancelled": (
        "first_name",
        "service",
        "professional",
        "date",
        "time",
        "next_step",
        "salon",
    ),
    "appointment_moved": ("first_name", "service", "date", "time", "professional", "salon"),
    "offer_filled": ("first_name", "service", "date", "time", "professional", "next_step", "salon"),
    "reminder": ("first_name", "of_salon", "service", "when", "salon"),
    "salon_message": ("first_name", "of_salon", "message", "salon"),
}
# Sample values Meta asks for with each template submitted for approval.
EXAMPLES: dict[str, str] = {
    "first_name": "Ana",
    "salon": "Barbearia Rio Negro",
    "at_salon": "na Barbearia Rio Negro",
    "of_salon": "da Barbearia Rio Negro",
    "service": "Corte feminino",
    "professional": "Carol",
    "date": "10/12/2026",
    "time": "15:00",
    "when": "quinta, 10/12, às 15:00",
    "price": "R$ 72,00",
    "offer": "com 10% de desconto: de R$ 80,00 por R$ 72,00",
    "next_step": "Tenho um horário de Corte feminino amanhã às 16:00. Responda SIM para pedir esse"
    " horário.",
    "message": "Oi, Ana! Aqui é a Carol. Consegue vir às 16h em vez das 15h?",
}
NAME = re.compile(r"^[a-z0-9_]{1,512}$")  # Meta's rule for template names
POSITIONAL = re.compile(r"\{\{\s*(\d+)\s*\}\}")
NAMED = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
ANY_PLACEHOLDER = re.compile(r"\{\{([^{}]*)\}\}")
MAX_BODY_CHARS = 1024  # Meta's limit on a template body
MAX_PARAM_CHARS = 700  # a long owner message is cut so the body stays within Meta's limit
_BREAKS = re.compile(r"\s*[\r\n\t]+\s*")  # new lines and tabs, with the spaces around them
_SPACES = re.compile(r" {2,}")
FALLBACK_NAME = "cliente"


def category_of(key: TemplateKey) -> Category:
    return "MARKETING" if key in MARKETING else "UTILITY"


def default_name(key: TemplateKey) -> str:
    return f"{NAME_PREFIX}{key}"


@dataclass(frozen=True)
class TemplateCall:
    """What a message needs to go out as a template: its purpose and named values."""

    key: TemplateKey
    params: tuple[tuple[str, str], ...]

    def value(self, name: str) -> str:
        return dict(self.params)[name]


def template_call(key: TemplateKey, **values: str) -> TemplateCall:
    """A purpose's call with every one of its parameters (a missing one is a bug, not input)."""
    expected = PARAMETERS[key]
    if set(values) != set(expected):
        raise ValueError(f"{key} takes {expected}, got {sorted(values)}")
    return TemplateCall(key, tuple((name, parameter_text(values[name])) for name in expected))


def parameter_text(value: str) -> str:
    """Meta refuses empty parameters, new lines, tabs and runs of spaces in them."""
    if "\n" in value or "\r" in value or "\t" in value or "  " in value:
        flat = _SPACES.sub(" ", _BREAKS.sub(" ", value)).strip()
    else:  # nothing to replace (most values): the same as the substitutions, without them
        flat = value.strip()
    if len(flat) > MAX_PARAM_CHARS:
        flat = flat[: MAX_PARAM_CHARS - 1].rstrip() + "…"
    return flat or "-"


@dataclass(frozen=True)
class TemplateDefinition:
    """One template as Meta has it: `body` with `{{1}}`…`{{n}}`, filled from `params` in order."""

    key: TemplateKey
    name: str
    category: Category
    body: str
    params: tuple[str, ...]
    language: str = LANGUAGE

    def components(self, call: TemplateCall) -> list[dict[str, Any]]:
        """The Cloud API's `components` of a template message."""
        values = dict(call.params)
        return [
            {
                "type": "body",
                "parameters": [{"type": "text", "text": values[name]} for name in self.params],
            }
        ]

    def render(self, call: TemplateCall) -> str:
        """The text the client reads (for logs, tests and the console)."""
        values = dict(call.params)
        return POSITIONAL.sub(lambda m: values[self.params[int(m.group(1)) - 1]], self.body)

    def meta_json(self, examples: Mapping[str, str]) -> dict[str, Any]:
        """The body of Meta's `POST /<WABA_ID>/message_templates` for this template."""
        return {
            "name": self.name,
            "language": self.language,
            "category": self.category,
            "components": [
                {
                    "type": "BODY",
                    "text": self.body,
                    "example": {"body_text": [[examples[name] for name in self.params]]},
                }
            ],
        }


def _check_body(key: TemplateKey, body: str) -> None:
    if not body.strip():
        raise TemplateError(f"template {key}: the text is empty")
    if len(body) > MAX_BODY_CHARS:
        raise TemplateError(f"template {key}: the text has more than {MAX_BODY_CHARS} characters")
    stripped = body.strip()
    if stripped.startswith("{{") or stripped.endswith("}}"):
        raise TemplateError(f"template {key}: Meta refuses a text that starts or ends with a value")


def definition_from_meta(
    key: TemplateKey, meta: Mapping[str, Any], params: list[str]
) -> TemplateDefinition:
    """A shipped definition: Meta's JSON plus the parameter names of its `{{1}}`…`{{n}}`."""
    try:
        body = next(c["text"] for c in meta["components"] if c["type"] == "BODY")
        name, language, category = meta["name"], meta["language"], meta["category"]
    except (KeyError, StopIteration, TypeError) as error:
        raise TemplateError(f"template {key}: not in Meta's template form ({error})") from None
    if category != category_of(key):
        raise TemplateError(f"template {key}: category {category}, expected {category_of(key)}")
    if language != LANGUAGE or not NAME.match(name):
        raise TemplateError(f"template {key}: name {name!r} or language {language!r} refused")
    _check_body(key, body)
    numbers = [int(n) for n in POSITIONAL.findall(body)]
    if sorted(set(numbers)) != list(range(1, len(params) + 1)):
        raise TemplateError(
            f"template {key}: its text uses {{{{{sorted(set(numbers))}}}}} for {len(params)}"
            " parameters"
        )
    _check_known(key, params)
    return TemplateDefinition(key, name, category, body, tuple(params), language)


def _check_known(key: TemplateKey, names: list[str]) -> None:
    unknown = [n for n in names if n not in PARAMETERS[key]]
    if unknown:
        raise TemplateError(
            f"template {key}: unknown parameter(s) {', '.join(unknown)};"
            f" known: {', '.join(PARAMETERS[key])}"
        )


def salon_definition(key: TemplateKey, *, name: str, text: str) -> TemplateDefinition:
    """A salon's own template: `text` names its values (`{{first_name}}`), which become Meta's
    `{{1}}`, `{{2}}`… in their first-appearance order."""
    if key not in PARAMETERS:
        raise TemplateError(f"no template purpose {key!r}; known: {', '.join(TEMPLATE_KEYS)}")
    if not NAME.match(name):
        raise TemplateError(
            f"template {key}: name {name!r} must be lower-case letters, digits and _"
        )
    _check_body(key, text)
    inside = [m.strip() for m in ANY_PLACEHOLDER.findall(text)]
    malformed = [p for p in inside if not NAMED.fullmatch("{{" + p + "}}")]
    if malformed:
        raise TemplateError(
            f"template {key}: write values by name, as {{{{first_name}}}},"
            f" not {{{{{malformed[0]}}}}}"
        )
    order: list[str] = []
    for placeholder in inside:
        if placeholder not in order:
            order.append(placeholder)
    _check_known(key, order)
    body = NAMED.sub(lambda m: "{{" + str(order.index(m.group(1)) + 1) + "}}", text)
    return TemplateDefinition(key, name, category_of(key), body, tuple(order))


def named_text(definition: TemplateDefinition) -> str:
    """A definition's text with its values by name (as a salon edits it)."""
    return POSITIONAL.sub(
        lambda m: "{{" + definition.params[int(m.group(1)) - 1] + "}}", definition.body
    )


def missing_purposes(keys: set[str]) -> list[TemplateKey]:
    return [key for key in TEMPLATE_KEYS if key not in keys]


def resolve(
    key: TemplateKey,
    defaults: Mapping[TemplateKey, TemplateDefinition],
    salon_templates: Mapping[str, Any],
) -> TemplateDefinition:
    """The salon's own template for `key` when it has a valid one, else the shipped one."""
    own = salon_templates.get(key)
    if isinstance(own, dict):
        try:
            return salon_definition(key, name=str(own["name"]), text=str(own["text"]))
        except (TemplateError, KeyError):
            pass  # checked when the salon saved it; a rule tightened since falls back
    return defaults[key]
