"""One Ray cluster and Serve per session; two apps: one salon per Ray actor, and shared hosts.

`/` serves the default placement (one Ray actor per salon); `/shared` the same app with salons
packed onto two host actors. Tests that must hold for both take the `api` fixture. Both answer
chat with the Portuguese rules; `/gemini` (deployed when a test first asks for `gemini_api`) is
the per-salon app whose salons read messages through the real google-genai SDK, pointed at a
fake Gemini on 127.0.0.1 that this process runs (`e2e_gemini`).
"""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import uuid4

import asyncpg
import httpx
import pytest
import ray
from ray import serve

from actors.directory import TenantDirectory
from config.settings import Placement, Settings
from db.salon_import import import_salon
from deployments.app import build_app, build_live_app
from deployments.auth import mint_token
from domain.commands import AuthRequestCreatedResult, CreateAuthRequest
from domain.models import Agent, Role
from domain.salon_import import SalonFile
from tests.factories import SalonIds, make_salon, next_local_slot
from tests.fakes.gemini import ScriptedGemini

RULES_ONLY = {"gemini_enabled": False}
PLACEMENTS = {
    Placement.PER_TENANT: {
        "route_prefix": "/",
        "args": {"passivate_after_s": 6.0} | RULES_ONLY,
    },
    Placement.SHARED: {"route_prefix": "/shared", "args": {"tenant_hosts": 2} | RULES_ONLY},
}


def deploy(args: dict[str, Any], *, name: str, route_prefix: str) -> None:
    """The HTTP application and its live one (the sockets, at `<prefix>/ws`), as
    serve_config.yaml deploys them."""
    serve.run(build_app(args), name=name, route_prefix=route_prefix)
    live_prefix = route_prefix.rstrip("/") + "/ws"
    serve.run(build_live_app(args), name=f"{name}-live", route_prefix=live_prefix)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def serve_port(
    settings_env: dict[str, str], session_tag: str, e2e_gemini: ScriptedGemini
) -> Iterator[int]:
    saved = dict(os.environ)
    # Gemini's key and URL are environment only: the fake's, for the apps that enable Gemini.
    settings_env = settings_env | {
        "AGENDA_GEMINI_API_KEY": "e2e-fake-gemini-key",
        "AGENDA_GEMINI_BASE_URL": e2e_gemini.base_url,
    }
    # Ray's processes inherit this environment: that is how secrets reach the actors (never a
    # runtime_env: Ray's runtime-env agent logs its variables). Only while the cluster starts, so
    # other tests never see it.
    os.environ.update(settings_env)
    temp = Path(os.environ.get("RAY_TMPDIR", "/tmp")) / f"ray_{session_tag[-6:]}"
    try:
        ray.init(
            include_dashboard=False,
            namespace=session_tag,
            log_to_driver=False,
            _temp_dir=str(temp),
        )
    finally:
        os.environ.clear()
        os.environ.update(saved)
    port = free_port()
    serve.start(http_options={"host": "127.0.0.1", "port": port})
    for placement, spec in PLACEMENTS.items():
        args = {"placement": placement.value, "ray_namespace": session_tag} | spec["args"]
        deploy(args, name=placement.value, route_prefix=spec["route_prefix"])
    yield port
    serve.shutdown()
    ray.shutdown()


@dataclass
class Api:
    """One deployed app: its base URL and a directory placed the way the app places salons."""

    placement: Placement
    base_url: str
    ws_url: str
    settings: Settings
    directory: TenantDirectory

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.base_url, timeout=30)


def make_api(
    placement: Placement,
    port: int,
    settings: Settings,
    session_tag: str,
    spec: dict[str, Any] | None = None,
) -> Api:
    spec = spec or PLACEMENTS[placement]
    prefix = str(spec["route_prefix"]).rstrip("/")
    app_settings = settings.model_copy(
        update={"placement": placement, "ray_namespace": session_tag, **spec["args"]}
    )
    return Api(
        placement=placement,
        base_url=f"http://127.0.0.1:{port}{prefix}",
        ws_url=f"ws://127.0.0.1:{port}{prefix}/ws/sync",
        settings=app_settings,
        directory=TenantDirectory(app_settings),
    )


@pytest.fixture(scope="session", params=list(PLACEMENTS), ids=lambda p: p.value)
def api(request: Any, serve_port: int, settings: Settings, session_tag: str) -> Api:
    return make_api(request.param, serve_port, settings, session_tag)


@pytest.fixture(scope="session")
def default_api(serve_port: int, settings: Settings, session_tag: str) -> Api:
    return make_api(Placement.PER_TENANT, serve_port, settings, session_tag)


@pytest.fixture(scope="session")
async def e2e_gemini() -> AsyncIterator[ScriptedGemini]:
    """The fake Gemini `/gemini` salons talk to; each test writes the script it needs."""
    server = ScriptedGemini()
    await server.start()
    yield server
    await server.close()


@pytest.fixture(scope="session")
def gemini_api(serve_port: int, settings: Settings, session_tag: str) -> Api:
    spec: dict[str, Any] = {
        "route_prefix": "/gemini",
        "args": {
            "passivate_after_s": 6.0,
            "gemini_enabled": True,
            "gemini_attempts": 1,
            "gemini_timeout_s": 5.0,
        },
    }
    args = {"placement": Placement.PER_TENANT.value, "ray_namespace": session_tag} | spec["args"]
    deploy(args, name="gemini", route_prefix=spec["route_prefix"])
    return make_api(Placement.PER_TENANT, serve_port, settings, session_tag, spec)


def actor_alive(api: Api, name: str) -> bool:
    try:
        ray.get_actor(name, namespace=api.settings.ray_namespace)
    except ValueError:
        return False
    return True


@dataclass
class LiveSalon:
    ids: SalonIds
    owner_token: str
    staff_token: str
    api: Api

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.owner_token}"}

    def ws(self, token: str | None = None, last_event_id: int | None = None) -> str:
        url = f"{self.api.ws_url}?tenant_id={self.ids.tenant}&token={token or self.owner_token}"
        return url if last_event_id is None else f"{url}&last_event_id={last_event_id}"

    async def propose(
        self, *, client: str = "c1", hour: int = 10, minute: int = 0, service: str = "corte"
    ) -> AuthRequestCreatedResult:
        """What an agent does: ask the salon's actor for an auth request."""
        command = CreateAuthRequest(
            command_id=uuid4().hex,
            created_by_agent=Agent.PRAZO_CERTO,
            client_id=self.ids.of("client", client),
            service_id=self.ids.of("service", service),
            professional_id=self.ids.of("professional", "carol"),
            starts_at=next_local_slot(hour=hour, minute=minute),
        )
        result: AuthRequestCreatedResult = await self.api.directory.send(self.ids.tenant, command)
        return result


async def open_salon(pool: asyncpg.Pool, api: Api, salon: SalonFile | None = None) -> LiveSalon:
    """A salon of its own (a small open one unless given), imported, with owner and staff tokens."""
    salon = salon or make_salon()
    async with pool.acquire() as conn, conn.transaction():
        await import_salon(conn, salon)
    ids = SalonIds(salon)
    return LiveSalon(
        ids=ids,
        owner_token=mint_token(
            api.settings, user_id=ids.owner, tenant_id=ids.tenant, role=Role.OWNER
        ),
        staff_token=mint_token(
            api.settings, user_id=ids.of("user", "staff"), tenant_id=ids.tenant, role=Role.STAFF
        ),
        api=api,
    )


@pytest.fixture
async def live_salon(pool: asyncpg.Pool, api: Api) -> LiveSalon:
    return await open_salon(pool, api)


@pytest.fixture
async def other_salon(pool: asyncpg.Pool, api: Api) -> LiveSalon:
    return await open_salon(pool, api)


@pytest.fixture
async def http(api: Api) -> AsyncIterator[httpx.AsyncClient]:
    async with api.client() as client:
        yield client
