"""The WhatsApp templates shipped in `integrations/whatsapp_templates/`: each `<name>.json` is the
body Meta's `POST /<WABA_ID>/message_templates` takes; `parameters.json` names, per template, its
purpose and the values of its `{{1}}`…`{{n}}`. Read once at start-up: a purpose without a
template, or a template that does not fit its purpose, stops the start with a clear error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from domain.errors import TemplateError
from domain.whatsapp_templates import (
    TEMPLATE_KEYS,
    TemplateDefinition,
    TemplateKey,
    definition_from_meta,
    missing_purposes,
)

TEMPLATE_DIR = Path(__file__).resolve().parent / "whatsapp_templates"
PARAMETERS_FILE = "parameters.json"


def load_templates(directory: Path = TEMPLATE_DIR) -> dict[TemplateKey, TemplateDefinition]:
    """Every purpose's shipped template; raises TemplateError naming what is wrong."""
    index = _read(directory / PARAMETERS_FILE)
    found: dict[TemplateKey, TemplateDefinition] = {}
    for name, entry in index.items():
        purpose = entry.get("purpose") if isinstance(entry, dict) else None
        if purpose not in TEMPLATE_KEYS:
            raise TemplateError(f"{PARAMETERS_FILE}: {name} has no known purpose ({purpose!r})")
        key = cast(TemplateKey, purpose)
        if key in found:
            raise TemplateError(f"{PARAMETERS_FILE}: two templates for {key}")
        meta = _read(directory / f"{name}.json")
        if meta.get("name") != name:
            raise TemplateError(f"{name}.json: its name is {meta.get('name')!r}")
        found[key] = definition_from_meta(key, meta, list(entry.get("parameters", [])))
    unlisted = sorted(
        p.stem
        for p in directory.glob("*.json")
        if p.name != PARAMETERS_FILE and p.stem not in index
    )
    if unlisted:
        raise TemplateError(f"{PARAMETERS_FILE} does not list {', '.join(unlisted)}")
    missing = missing_purposes(set(found))
    if missing:
        raise TemplateError(
            f"no WhatsApp template for {', '.join(missing)} in {directory}: every message the"
            " salon sends needs one for outside the 24 h window"
        )
    return found


def _read(path: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"{path.name} is missing from {path.parent}") from None
    except json.JSONDecodeError as error:
        raise TemplateError(f"{path.name} is not JSON: {error}") from None
    if not isinstance(loaded, dict):
        raise TemplateError(f"{path.name} is not a JSON object")
    return loaded
