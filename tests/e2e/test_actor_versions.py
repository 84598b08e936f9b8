"""Detached actors after a deploy: those of another release retire and come back on this one.

Each test has a Ray namespace of its own (the deployed release is published per namespace), so
the session's apps never see these releases. An "old" actor is one started with AGENDA_RELEASE
set, as a deploy that names its releases would: it reports another release than this process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import asyncpg
import pytest
import ray

from actors.directory import TenantDirectory
from actors.host_actor import TenantHost
from actors.scheduler_actor import SCHEDULER_NAME, CampaignScheduler, ensure_scheduler
from actors.versioning import publish_release, running_release
from config.settings import Placement, Settings
from scripts import actor_releases
from tests.e2e.conftest import Api, LiveSalon, open_salon

OLD = {"env_vars": {"AGENDA_RELEASE": "old"}}
GONE_WAIT_S = 60.0


@pytest.fixture
def versioned_api(default_api: Api, session_tag: str) -> Iterator[Api]:
    settings = default_api.settings.model_copy(
        update={
            "ray_namespace": f"{session_tag}-v{uuid4().hex[:6]}",
            "scheduler_enabled": False,
            "upkeep_interval_s": 0.5,
            "release_check_s": 5.0,
        }
    )
    yield Api(
        placement=Placement.PER_TENANT,
        base_url=default_api.base_url,
        ws_url=default_api.ws_url,
        settings=settings,
        directory=TenantDirectory(settings),
    )
    for actor in ray.util.list_named_actors(all_namespaces=True):
        if actor["namespace"] == settings.ray_namespace:
            ray.kill(ray.get_actor(actor["name"], namespace=settings.ray_namespace))


def old_host(settings: Settings, name: str) -> Any:
    """A salon host as an earlier deploy left it: detached, named, another release."""
    return TenantHost.options(  # type: ignore[attr-defined]
        name=name,
        namespace=settings.ray_namespace,
        lifetime="detached",
        runtime_env=OLD,
    ).remote(settings.for_actor(), True)


def actor_id(settings: Settings, name: str) -> str | None:
    try:
        return str(ray.get_actor(name, namespace=settings.ray_namespace)._actor_id.hex())
    except ValueError:
        return None


async def salon_with_old_host(pool: asyncpg.Pool, api: Api) -> tuple[LiveSalon, str]:
    salon = await open_salon(pool, api)
    name = api.directory.actor_name(salon.ids.tenant)
    handle = old_host(api.settings, name)
    assert await handle.version.remote() == f"old+{running_release().split('+')[-1]}"
    return salon, name


async def test_a_host_of_an_older_release_is_replaced_by_the_deployed_one(
    versioned_api: Api, pool: asyncpg.Pool
) -> None:
    salon, name = await salon_with_old_host(pool, versioned_api)
    old_id = actor_id(versioned_api.settings, name)
    publish_release(versioned_api.settings.ray_namespace)  # this code's deploy

    created = await salon.propose()  # the old host runs nothing: the new one does

    assert created.created
    new = ray.get_actor(name, namespace=versioned_api.settings.ray_namespace)
    assert actor_id(versioned_api.settings, name) != old_id
    assert await new.version.remote() == running_release()
    again = await salon.propose(client="c2", hour=15)  # and stays: no second replacement
    assert again.created
    assert actor_id(versioned_api.settings, name) == new._actor_id.hex()


async def test_a_process_of_an_older_release_uses_the_host_it_finds(
    versioned_api: Api, pool: asyncpg.Pool
) -> None:
    salon, name = await salon_with_old_host(pool, versioned_api)
    old_id = actor_id(versioned_api.settings, name)
    # A newer deploy than this process (a replica Serve is about to replace): it retires nothing.
    publish_release(versioned_api.settings.ray_namespace, "newer+0000000000000000")

    created = await salon.propose()

    assert created.created
    assert actor_id(versioned_api.settings, name) == old_id


async def test_an_outdated_host_nobody_calls_retires_by_itself(
    versioned_api: Api, pool: asyncpg.Pool
) -> None:
    salon, name = await salon_with_old_host(pool, versioned_api)
    publish_release(versioned_api.settings.ray_namespace, "newer+0000000000000000")
    await salon.propose()  # accepted as it is (above); its upkeep now runs

    waited = 0.0
    while actor_id(versioned_api.settings, name) is not None and waited < GONE_WAIT_S:
        await asyncio.sleep(0.5)
        waited += 0.5

    assert actor_id(versioned_api.settings, name) is None, "the outdated host is still running"


async def test_the_scheduler_of_an_older_release_is_replaced_on_ensure(
    versioned_api: Api, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = versioned_api.settings
    old = CampaignScheduler.options(  # type: ignore[attr-defined]
        name=SCHEDULER_NAME, namespace=settings.ray_namespace, lifetime="detached", runtime_env=OLD
    ).remote(settings.for_actor())
    assert (await old.version.remote()).startswith("old+")
    publish_release(settings.ray_namespace)

    survey = await actor_releases.survey(settings.ray_namespace, retire=False)
    assert survey == 0
    assert "outdated" in capsys.readouterr().out.split(SCHEDULER_NAME)[1].splitlines()[0]

    handle = await ensure_scheduler(settings)

    assert await handle.version.remote() == running_release()
    assert handle._actor_id != old._actor_id
    assert await (await ensure_scheduler(settings)).version.remote() == running_release()


async def test_the_operator_retires_outdated_hosts_at_once(
    versioned_api: Api, pool: asyncpg.Pool, capsys: pytest.CaptureFixture[str]
) -> None:
    salon, name = await salon_with_old_host(pool, versioned_api)
    publish_release(versioned_api.settings.ray_namespace)

    assert await actor_releases.survey(versioned_api.settings.ray_namespace, retire=True) == 0

    out = capsys.readouterr().out
    assert f"{name} " in out and "retired" in out and "1 outdated" in out
    assert actor_id(versioned_api.settings, name) is None
    assert (await salon.propose()).created  # back on this release at its next command
    host = ray.get_actor(name, namespace=versioned_api.settings.ray_namespace)
    assert await host.version.remote() == running_release()
