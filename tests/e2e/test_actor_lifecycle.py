"""Salon actors in a real Ray cluster: rebuilt after a crash, retired when idle, back on demand."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import ray

from tests.e2e.conftest import Api, LiveSalon, actor_alive, open_salon

RETIRE_WAIT_S = 90.0


async def test_crashed_host_is_restarted_and_rebuilt(
    live_salon: LiveSalon, http: httpx.AsyncClient
) -> None:
    created = await live_salon.propose()
    name = live_salon.api.directory.actor_name(live_salon.ids.tenant)
    ray.kill(ray.get_actor(name, namespace=live_salon.api.settings.ray_namespace), no_restart=False)
    response = None
    for _ in range(60):  # bounded: Ray restarts the process, the salon reloads from PostgreSQL
        response = await http.post(
            f"/api/v1/sync/confirm-auth-request/{created.auth_request_id}",
            json={"decision": "approve"},
            headers=live_salon.auth,
        )
        if response.status_code != 503:
            break
        await asyncio.sleep(1.0)
    assert response is not None
    assert response.status_code == 200, response.text


async def test_idle_salon_actor_retires_and_comes_back(default_api: Api, pool: object) -> None:
    salon = await open_salon(pool, default_api)  # type: ignore[arg-type]
    await salon.propose()
    name = default_api.directory.actor_name(salon.ids.tenant)
    assert actor_alive(default_api, name)
    waited = 0.0
    while actor_alive(default_api, name) and waited < RETIRE_WAIT_S:
        await asyncio.sleep(1.0)
        waited += 1.0
    if actor_alive(default_api, name):
        pytest.fail(f"{name} still alive after {RETIRE_WAIT_S:.0f} s idle")
    created = await salon.propose(client="c2", hour=15)
    assert created.created
    assert actor_alive(default_api, name)
