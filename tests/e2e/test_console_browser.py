"""The owner console in a real browser (playwright-core driving Debian's Chromium, headless).

Each test runs one scenario of `clients/react/e2e/console.e2e.mjs` (the pages, on a desktop
screen) or `phone.e2e.mjs` (the way in and a 375 px phone) against this session's Ray cluster and
Serve app: the console as Serve serves it at /console/, through a proxy the test can cut, with a
control endpoint for what happens on the server side. Screenshots go to
`test-artifacts/console/`. Skipped, with the reason, when the console is not built, Node.js or
playwright-core is missing, or Chromium is not installed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import pytest
import uvicorn
from pydantic import SecretStr

from config.settings import Placement, Settings
from db.salon_import import import_salon
from deployments.auth import decode_token, mint_token
from deployments.console import BUILT_CONSOLE
from domain.models import Role
from tests.channel import route_salon
from tests.e2e.conftest import Api, LiveSalon, deploy, free_port, make_api
from tests.e2e.console_harness import CutProxy, Stage, control_app, host_page
from tests.factories import SalonIds, make_recall_salon
from tests.fakes.n8n import FakeN8n

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT / "clients" / "react"
CHROMIUM = os.environ.get("AGENDA_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("AGENDA_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "console"
SCENARIO_TIMEOUT_S = 240.0
PAGES = "e2e/console.e2e.mjs"
PHONE = "e2e/phone.e2e.mjs"
# The documented way for the customer's server to mint an owner token (docs/console-embed.md).
MINT_SNIPPET = KIT / "examples" / "mint-owner-token.mjs"
EMBED_PREFIX = "/embed"


def missing_requirement() -> str | None:
    if not (BUILT_CONSOLE / "index.html").is_file():
        return "owner console not built (scripts/test builds it when Node.js is installed)"
    if shutil.which("node") is None:
        return "Node.js not installed"
    if not (KIT / "node_modules" / "playwright-core").is_dir():
        return "playwright-core not installed (npm ci in clients/react)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    return None


pytestmark = pytest.mark.skipif(
    missing_requirement() is not None, reason=f"browser tests skipped: {missing_requirement()}"
)


@pytest.fixture
async def stage(pool: asyncpg.Pool, default_api: Api) -> AsyncIterator[Stage]:
    salon_file = make_recall_salon()
    async with pool.acquire() as conn, conn.transaction():
        await import_salon(conn, salon_file)
    ids = SalonIds(salon_file)
    owner = mint_token(
        default_api.settings, user_id=ids.owner, tenant_id=ids.tenant, role=Role.OWNER
    )
    salon = LiveSalon(ids=ids, owner_token=owner, staff_token="", api=default_api)
    n8n = FakeN8n(
        secret=default_api.settings.n8n_webhook_secret.get_secret_value(),
        auth_header=default_api.settings.n8n_auth_header,
        auth_token="console-e2e-token",
    )
    await n8n.start()
    await route_salon(pool, ids.tenant, n8n.url, secret=n8n.secret, token=n8n.auth_token)
    proxy = CutProxy(target_port=urlsplit(default_api.base_url).port or 80)
    await proxy.start()
    async with default_api.client() as http:
        yield Stage(salon=salon, pool=pool, http=http, proxy=proxy, n8n=n8n)
    await proxy.close()
    await n8n.close()


async def run_scenario(
    stage: Stage,
    scenario: str,
    script: str = PAGES,
    extra_env: dict[str, str] | None = None,
    port: int | None = None,
) -> None:
    port = port or free_port()
    config = uvicorn.Config(
        control_app(stage),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        ws="none",
    )
    control = uvicorn.Server(config)
    serving = asyncio.create_task(control.serve())
    env = (
        os.environ
        | {
            "CONSOLE_URL": f"http://127.0.0.1:{stage.proxy.port}/console/",
            "OWNER_TOKEN": stage.salon.owner_token,
            "CONTROL_URL": f"http://127.0.0.1:{port}",
            "ARTIFACTS_DIR": str(ARTIFACTS),
            "CHROMIUM_PATH": CHROMIUM,
        }
        | (extra_env or {})
    )
    try:
        while not control.started:  # noqa: ASYNC110 (uvicorn offers no event to wait on)
            await asyncio.sleep(0.05)
        process = await asyncio.create_subprocess_exec(
            "node",
            script,
            scenario,
            cwd=KIT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            output, _ = await asyncio.wait_for(process.communicate(), SCENARIO_TIMEOUT_S)
        except TimeoutError:
            process.kill()
            output, _ = await process.communicate()
        text = output.decode(errors="replace")
        logger.info("browser scenario %s:\n%s", scenario, text)
        assert process.returncode == 0, f"browser scenario {scenario} failed:\n{text}"
    finally:
        control.should_exit = True
        await serving


async def test_login_refuses_a_bad_token_and_accepts_the_owners(stage: Stage) -> None:
    await run_scenario(stage, "login")
    assert (ARTIFACTS / "login-refused.png").is_file()


async def test_chat_page_shows_a_client_message_and_the_ai_reply_live(stage: Stage) -> None:
    await run_scenario(stage, "chat")
    assert (ARTIFACTS / "chat.png").is_file()


async def test_a_client_asks_for_a_person_and_the_owner_gives_the_chat_back(stage: Stage) -> None:
    await run_scenario(stage, "handoff")
    assert (ARTIFACTS / "chat-handoff.png").is_file()
    rows = await stage.pool.fetch(
        "SELECT m.body, m.status, c.paused_until FROM chat_message m JOIN conversation c"
        " ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id"
        " WHERE m.tenant_id = $1 AND m.author = 'client' ORDER BY m.created_at",
        stage.salon.ids.tenant,
    )
    held = [row["body"] for row in rows if row["status"] == "held"]
    assert held == ["Alô? Quero marcar um corte amanhã"]
    assert all(row["paused_until"] is None for row in rows)  # given back


async def test_the_chat_page_shows_media_by_kind_and_the_clients_notices(stage: Stage) -> None:
    await run_scenario(stage, "notices")
    assert (ARTIFACTS / "chat-notices.png").is_file()
    kinds = await stage.pool.fetch(
        "SELECT kind FROM chat_message WHERE tenant_id = $1 AND author = 'client'"
        " ORDER BY created_at",
        stage.salon.ids.tenant,
    )
    assert [row["kind"] for row in kinds] == ["text", "audio", "location"]


async def test_owner_approves_a_chat_booking_and_n8n_gets_the_confirmation(stage: Stage) -> None:
    await run_scenario(stage, "approve")
    assert (ARTIFACTS / "dashboard.png").is_file() and (ARTIFACTS / "calendar.png").is_file()
    assert await stage.pending() == 0


async def test_events_sent_while_the_socket_is_cut_arrive_once_after_it_returns(
    stage: Stage,
) -> None:
    await run_scenario(stage, "reconnect")
    assert len(stage.proxy.upgrades) >= 2
    assert "last_event_id=" in stage.proxy.upgrades[-1]
    # The console opens its sockets with one-use tickets: the token never shows in a URL.
    assert all("ticket=" in line and "token=" not in line for line in stage.proxy.upgrades)


async def test_prazo_certo_from_the_recall_page_shows_preview_then_results(stage: Stage) -> None:
    await run_scenario(stage, "recall")
    assert (ARTIFACTS / "recall-preview.png").is_file()
    assert await stage.pending() == 2


async def test_the_agenda_marks_a_visit_done_and_cancels_a_booking(stage: Stage) -> None:
    await run_scenario(stage, "visits")
    assert (ARTIFACTS / "calendar-marked.png").is_file()


async def test_the_owner_changes_a_default_discount_and_closes_a_day(stage: Stage) -> None:
    await run_scenario(stage, "settings")
    assert (ARTIFACTS / "settings-saved.png").is_file()
    row = await stage.pool.fetchrow(
        "SELECT encher_agenda_discount_pct, closed_days, offer_expiry_h FROM salon_settings"
        " WHERE tenant_id = $1",
        stage.salon.ids.tenant,
    )
    assert row is not None
    # Only what the owner changed is stored: the rest keeps following the defaults.
    assert (row["encher_agenda_discount_pct"], row["offer_expiry_h"]) == (15, None)
    assert [d.isoformat() for d in row["closed_days"]] == ["2026-12-25"]


async def test_the_owner_fills_the_salon_profile(stage: Stage) -> None:
    await run_scenario(stage, "profile")
    assert (ARTIFACTS / "profile-saved.png").is_file()
    row = await stage.pool.fetchrow(
        "SELECT address, maps_url, opening_hours, payment_methods, parking, cancellation_policy,"
        " cancellation_window_h, about FROM salon_profile WHERE tenant_id = $1",
        stage.salon.ids.tenant,
    )
    assert row is not None
    assert row["address"] == "Rua Augusta, 1500 - Consolação, São Paulo"
    assert row["maps_url"] == "https://maps.app.goo.gl/salao"
    assert list(row["payment_methods"]) == ["pix", "cash"]
    assert row["parking"] == "Estacionamento conveniado ao lado, 1 h grátis"
    assert row["cancellation_window_h"] == 24
    assert row["about"] is None  # left blank: unknown to the chat, never ""
    hours = row["opening_hours"]
    hours = json.loads(hours) if isinstance(hours, str) else hours
    assert {"weekday": 5, "opens": "09:00:00", "closes": "14:00:00"} in hours


async def test_the_owner_edits_a_professionals_week(stage: Stage) -> None:
    await run_scenario(stage, "hours")
    assert (ARTIFACTS / "working-hours-saved.png").is_file()
    ids = stage.salon.ids
    rows = await stage.pool.fetch(
        "SELECT weekday, to_char(start_time, 'HH24:MI') AS start, to_char(end_time, 'HH24:MI')"
        " AS end FROM working_hours WHERE tenant_id = $1 AND professional_id = $2"
        " ORDER BY weekday, start_time",
        ids.tenant,
        ids.of("professional", "carol"),
    )
    week = [tuple(row) for row in rows]
    assert [p for p in week if p[0] == 1] == [(1, "09:00", "12:00"), (1, "13:00", "19:00")]
    assert [p for p in week if p[0] == 6] == []  # Sunday: a day off
    assert [p for p in week if p[0] not in (1, 6)] == [
        (d, "00:00", "23:59") for d in (0, 2, 3, 4, 5)
    ]
    events = await stage.pool.fetchval(
        "SELECT count(*) FROM event WHERE tenant_id = $1 AND event_type = 'working_hours_updated'",
        ids.tenant,
    )
    assert events == 1  # the refused week was never sent


@dataclass(frozen=True)
class Embedding:
    api: Api
    host_port: int  # the salon system's page is served here (the control app's port)

    @property
    def host(self) -> str:
        return f"http://127.0.0.1:{self.host_port}"


@pytest.fixture(scope="module")
def embedding(serve_port: int, settings: Settings, session_tag: str) -> Embedding:
    """The app whose console the salon system's page (on 127.0.0.1:<host_port>) may frame."""
    host_port = free_port()
    spec: dict[str, Any] = {
        "route_prefix": EMBED_PREFIX,
        "args": {
            "gemini_enabled": False,
            "console_embed_origins": f"http://127.0.0.1:{host_port}",
        },
    }
    args = {"placement": Placement.PER_TENANT.value, "ray_namespace": session_tag} | spec["args"]
    deploy(args, name="embed", route_prefix=EMBED_PREFIX)
    api = make_api(Placement.PER_TENANT, serve_port, settings, session_tag, spec)
    return Embedding(api=api, host_port=host_port)


async def mint_with_snippet(settings: Settings, tenant_id: str, user_id: str) -> str:
    """What the customer's server runs: the doc's Node snippet, given the shared secret."""
    process = await asyncio.create_subprocess_exec(
        "node",
        str(MINT_SNIPPET),
        tenant_id,
        user_id,
        env=os.environ
        | {
            "AGENDA_JWT_SECRET": settings.jwt_secret.get_secret_value(),
            "AGENDA_JWT_ISSUER": settings.jwt_issuer,
            "AGENDA_JWT_AUDIENCE": settings.jwt_audience,
        },
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    output, errors = await process.communicate()
    assert process.returncode == 0, errors.decode()
    return output.decode().strip()


async def test_the_salons_system_opens_the_console_with_a_token_it_minted(stage: Stage) -> None:
    ids = stage.salon.ids
    settings = stage.salon.api.settings
    token = await mint_with_snippet(settings, str(ids.tenant), str(ids.owner))
    claims = decode_token(settings, token)  # the checks the API runs on every call
    assert (claims.tenant_id, claims.sub, claims.role) == (ids.tenant, ids.owner, Role.OWNER)
    await run_scenario(stage, "embed", PHONE, {"EMBED_TOKEN": token})
    assert (ARTIFACTS / "embed-entry.png").is_file()


async def test_an_expired_token_in_the_address_is_refused_in_portuguese(stage: Stage) -> None:
    ids = stage.salon.ids
    expired = mint_token(
        stage.salon.api.settings,
        user_id=ids.owner,
        tenant_id=ids.tenant,
        role=Role.OWNER,
        ttl_s=-60,
    )
    await run_scenario(stage, "embed-refused", PHONE, {"EXPIRED_TOKEN": expired})
    assert (ARTIFACTS / "embed-refused.png").is_file()


async def test_a_framing_page_on_the_list_hands_tokens_over_and_no_other_can(
    stage: Stage, embedding: Embedding
) -> None:
    ids = stage.salon.ids
    settings = embedding.api.settings

    def owner_token(ttl_s: int, secret: SecretStr | None = None) -> str:
        signer = settings if secret is None else settings.model_copy(update={"jwt_secret": secret})
        return mint_token(
            signer, user_id=ids.owner, tenant_id=ids.tenant, role=Role.OWNER, ttl_s=ttl_s
        )

    # The first expires a minute and 5 s from now: the console asks for the next one soon.
    tokens = [owner_token(65), owner_token(3600, SecretStr("x" * 40)), owner_token(3600)]
    console_url = f"http://127.0.0.1:{stage.proxy.port}{EMBED_PREFIX}/console/"
    stage.host_page = host_page(console_url, tokens)
    await run_scenario(
        stage,
        "iframe",
        PHONE,
        {
            "EMBED_CONSOLE_URL": console_url,
            "EMBED_HOST": embedding.host,
            # The same page on another origin (localhost is not 127.0.0.1): not on the list.
            "HOSTILE_HOST": f"http://localhost:{embedding.host_port}",
            "HOST_TOKENS": json.dumps(tokens),
        },
        port=embedding.host_port,
    )
    assert (ARTIFACTS / "iframe-refused.png").is_file()


async def test_every_page_fits_a_375_px_phone_and_says_a_failure_in_portuguese(
    stage: Stage,
) -> None:
    await run_scenario(stage, "phone", PHONE)
    shots = {path.name for path in ARTIFACTS.glob("phone-*.png")}
    assert {"phone-dashboard.png", "phone-calendar.png", "phone-chat.png"} <= shots
    failed = await stage.pool.fetchval(
        "SELECT count(*) FROM event WHERE tenant_id = $1 AND event_type = 'notification_failed'",
        stage.salon.ids.tenant,
    )
    assert failed == 1
