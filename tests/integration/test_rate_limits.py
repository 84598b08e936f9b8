"""Rate limits and caps on real Redis: per client address before anything is read, per salon
after the token (shared by replicas), never on health checks, the webhooks counted per salon
instead; each refusal a 429 with Retry-After; Redis away: allowed; per-salon places released."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from uuid import uuid4

import httpx
import pytest
from fastapi import FastAPI

from config.settings import Settings
from deployments.auth import CurrentUser, TokenVerifier, mint_token
from deployments.errors import install_error_handlers
from deployments.rate_limits import RateGuard, RateLimitedError, RateLimits
from domain.models import Role


def limited(settings: Settings, **rates: object) -> Settings:
    values: dict[str, object] = {
        "redis_prefix": f"{settings.redis_prefix}-{uuid4().hex[:8]}",
        "rate_limit_ip": "3/minute",
        "rate_limit_salon": "4/minute",
        "rate_limit_webhook": "2/minute",
    }
    return settings.model_copy(update=values | rates)


MakeLimits = Callable[[Settings], RateLimits]


@pytest.fixture
async def make_limits() -> AsyncIterator[MakeLimits]:
    made: list[RateLimits] = []

    def make(settings: Settings) -> RateLimits:
        made.append(RateLimits(settings, TokenVerifier(settings)))
        return made[-1]

    yield make
    for limits in made:
        await limits.close()


def app_with(settings: Settings, limits: RateLimits) -> FastAPI:
    app = FastAPI()
    app.state.settings = settings
    app.state.tokens = TokenVerifier(settings)
    app.state.rate_limits = limits
    install_error_handlers(app)
    app.add_middleware(RateGuard, limits=limits)

    @app.get("/api/v1/open")
    async def open_route() -> dict[str, bool]:
        return {"ok": True}

    @app.get("/api/v1/health")
    async def health() -> dict[str, bool]:
        return {"ok": True}

    @app.post("/api/v1/webhooks/n8n/message-received")
    async def webhook() -> dict[str, bool]:
        return {"ok": True}

    @app.get("/api/v1/mine")
    async def mine(user: CurrentUser) -> dict[str, str]:
        return {"tenant": str(user.tenant_id)}

    return app


def client(app: FastAPI, address: str = "10.0.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def test_each_client_address_is_counted_before_anything_reads_the_request(
    settings: Settings, make_limits: MakeLimits
) -> None:
    own = limited(settings)
    app = app_with(own, make_limits(own))
    async with client(app) as first, client(app, "10.0.0.2") as second:
        answers = [await first.get("/api/v1/open") for _ in range(4)]
        other = await second.get("/api/v1/open")
        health = [await first.get("/api/v1/health") for _ in range(5)]
        hooks = [await first.post("/api/v1/webhooks/n8n/message-received") for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused.json()["code"] == "rate_limited"
    assert "client address" in refused.json()["detail"]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert other.status_code == 200  # another address has its own count
    assert {h.status_code for h in health} == {200}
    assert {h.status_code for h in hooks} == {200}  # counted per salon after the signature


async def test_a_salons_requests_are_counted_over_its_users_and_replicas(
    settings: Settings, make_limits: MakeLimits
) -> None:
    own = limited(settings, rate_limit_ip="1000/minute")
    tenant, other_tenant = uuid4(), uuid4()
    owner = mint_token(own, user_id=uuid4(), tenant_id=tenant, role=Role.OWNER)
    staff = mint_token(own, user_id=uuid4(), tenant_id=tenant, role=Role.STAFF)
    other = mint_token(own, user_id=uuid4(), tenant_id=other_tenant, role=Role.OWNER)
    replica_a, replica_b = app_with(own, make_limits(own)), app_with(own, make_limits(own))
    async with client(replica_a) as a, client(replica_b) as b:
        codes = [
            (await a.get("/api/v1/mine", headers={"Authorization": f"Bearer {token}"})).status_code
            for token in (owner, staff)
        ] + [
            (await b.get("/api/v1/mine", headers={"Authorization": f"Bearer {token}"})).status_code
            for token in (owner, staff, owner)
        ]
        elsewhere = await b.get("/api/v1/mine", headers={"Authorization": f"Bearer {other}"})
    assert codes == [200, 200, 200, 200, 429]
    assert elsewhere.status_code == 200


async def test_the_webhooks_are_counted_per_salon(
    settings: Settings, make_limits: MakeLimits
) -> None:
    limits = make_limits(limited(settings))
    salon, other = str(uuid4()), str(uuid4())
    await limits.hit("webhook", salon)
    await limits.hit("webhook", salon)
    with pytest.raises(RateLimitedError, match="webhook"):
        await limits.hit("webhook", salon)
    await limits.hit("webhook", other)


async def test_with_redis_away_requests_are_allowed(
    settings: Settings, make_limits: MakeLimits
) -> None:
    away = limited(settings, redis_url="redis://127.0.0.1:1/0", rate_limit_ip="1/minute")
    app = app_with(away, make_limits(away))
    async with client(app) as http:
        codes = {(await http.get("/api/v1/open")).status_code for _ in range(3)}
    assert codes == {200}


async def test_a_salons_places_are_capped_and_given_back(
    settings: Settings, make_limits: MakeLimits
) -> None:
    limits = make_limits(limited(settings, calls_in_flight_per_salon=2, sockets_per_salon=1))
    tenant = uuid4()
    release = asyncio.Event()

    async def call() -> None:
        async with limits.call(tenant):
            await release.wait()

    held = [asyncio.create_task(call()) for _ in range(2)]
    await asyncio.sleep(0)
    with pytest.raises(RateLimitedError, match="2 calls in flight per salon"):
        async with limits.call(tenant):
            pass
    async with limits.call(uuid4()):  # another salon is not held back
        pass
    release.set()
    await asyncio.gather(*held)
    async with limits.call(tenant):  # given back
        pass
    async with limits.socket(tenant):
        with pytest.raises(RateLimitedError, match="1 open sockets per salon"):
            async with limits.socket(tenant):
                pass


async def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(
    settings: Settings, make_limits: MakeLimits
) -> None:
    own = limited(settings, rate_limit_ip="2/minute", trusted_proxies="10.9.0.0/16")
    app = app_with(own, make_limits(own))
    async with client(app, "10.9.0.5") as proxy, client(app, "203.0.113.7") as direct:

        async def via_proxy(forwarded: str) -> int:
            answer = await proxy.get("/api/v1/open", headers={"x-forwarded-for": forwarded})
            return answer.status_code

        alice = [await via_proxy("198.51.100.1") for _ in range(3)]
        bob = await via_proxy("198.51.100.2")  # another client behind the same proxy
        forged = await via_proxy("198.51.100.99, 198.51.100.1")  # the proxy's hop is the last
        spoofing = [
            (await direct.get("/api/v1/open", headers={"x-forwarded-for": f"192.0.2.{n}"}))
            for n in range(3)
        ]
    assert alice == [200, 200, 429]
    assert bob == 200
    assert forged == 429  # still alice: a client cannot choose the counted address
    assert [s.status_code for s in spoofing] == [200, 200, 429]  # not a proxy: its own address


async def test_requests_arriving_together_are_counted_in_order_and_refusals_count_nothing(
    settings: Settings, make_limits: MakeLimits
) -> None:
    limits = make_limits(limited(settings, rate_limit_ip="5/minute", rate_limit_salon="3/minute"))
    salon = str(uuid4())

    async def attempt(address: str) -> bool:
        try:
            await limits.hit_all(("ip", address), ("salon", salon))
        except RateLimitedError:
            return False
        return True

    # Ten requests in one turn of the loop (one Redis call): the salon's first three pass.
    together = await asyncio.gather(*(attempt(f"10.1.0.{i}") for i in range(10)))
    assert together == [True] * 3 + [False] * 7
    # The refused ones counted against no address: 10.1.0.9 still has its whole allowance.
    for _ in range(5):
        await limits.hit("ip", "10.1.0.9")
    with pytest.raises(RateLimitedError, match="client address"):
        await limits.hit("ip", "10.1.0.9")
