"""Our log lines reach Ray's files as JSON with the salon they belong to, and no line anywhere in
the session's logs holds a client's phone or name, a token or a secret (R10, on this session)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import ray
from websockets.asyncio.client import connect

from tests.e2e.chat_helpers import WEBHOOK, signed, whatsapp
from tests.e2e.conftest import LiveSalon
from tests.e2e.sockets import until

NAME = "Quitéria Valadares"
PHONE = "+5511912345678"


def session_logs() -> list[Path]:
    node = ray._private.worker.global_worker.node
    return [p for p in Path(node.get_logs_dir_path()).rglob("*") if p.is_file()]


def text_of(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


async def test_log_lines_are_json_with_their_salon_and_hold_no_client_or_secret(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    api = live_salon.api
    async with connect(live_salon.ws()) as ws:
        await until(ws, "sync_started")
        body = whatsapp(
            live_salon, "Oi, quero cortar o cabelo amanhã", client_name=NAME, phone=PHONE
        )
        raw, headers = signed(api, body)
        assert (await http.post(WEBHOOK, content=raw, headers=headers)).status_code == 202
        await until(ws, "ai_response")
    tenant = str(live_salon.ids.tenant)
    ours: list[dict[str, object]] = []
    for _ in range(50):  # Ray flushes worker output to its files within a moment
        ours = [
            line
            for path in session_logs()
            for raw_line in text_of(path).splitlines()
            if raw_line.startswith("{") and f'"salon": "{tenant}"' in raw_line
            for line in [json.loads(raw_line)]
        ]
        if any(line["message"] == f"tenant {tenant} activated" for line in ours):
            break
        await asyncio.sleep(0.2)
    assert any(line["message"] == f"tenant {tenant} activated" for line in ours)
    assert all({"ts", "level", "logger", "work"} <= set(line) for line in ours)

    secrets = {
        "phone": PHONE.removeprefix("+"),
        "national phone": "912345678",
        "name": "Valadares",
        "owner token": live_salon.owner_token,
        "JWT secret": api.settings.jwt_secret.get_secret_value(),
        "n8n secret": api.settings.n8n_webhook_secret.get_secret_value(),
    }
    found = {
        what: str(path)
        for path in session_logs()
        for what, secret in secrets.items()
        if secret in text_of(path)
    }
    assert found == {}
