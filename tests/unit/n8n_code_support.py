"""Shared by the tests of the n8n Code nodes' JavaScript: the ids and texts they use, and the
harness that runs a Code node under `node` with n8n's environment."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from tests.unit.n8n_exports import (
    SECRET,
    SECRET_ENV,
)
from tests.unit.n8n_exports import run_code as run_js

TENANT_ID = UUID("7b0e6c1e-2d7a-4a51-9a3e-5a1c0de0c001")
PHONE_NUMBER_ID = "109876543210"
PHONE = "551187654321"  # an older WhatsApp id, without the ninth digit
WAMID = "wamid.HBgMNTUxMTg3NjU0MzIxFQIAEhgUM0VCMDdBQjlFRjA5QzE0NjdFNDAA"
TEXT = "Oi, quero agendar um corte amanhã às 15h"
AUDIO_ID = "1384953712409876"
MAX_AUDIO_BYTES = 2 * 1024 * 1024
N8N_ENV = {SECRET_ENV: SECRET, "AGENDA_TENANT_MAP": json.dumps({PHONE_NUMBER_ID: str(TENANT_ID)})}


def run_code(
    code: str,
    items: list[dict[str, Any]],
    *,
    env: dict[str, str] = N8N_ENV,
    static_data: dict[str, Any] | None = None,
    nodes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return run_js(code, items, env=env, static_data=static_data, nodes=nodes)
