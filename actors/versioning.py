"""Which release a detached actor runs, and when it gives way to a newer deploy.

A detached actor (salon host, scheduler, sender) outlives the deploy that created it: without a
check it would go on running the old code after `serve deploy`. Each one knows its *release*: a
digest of the source of the packages it runs (`actors`, `config`, `db`, `domain`,
`integrations`; their Ray options are in that code), prefixed by `AGENDA_RELEASE` when the
deployment names its releases (an image tag, a commit).

A deploy publishes its release in Ray's key-value store (`publish_release`, from the Serve
application's builder). A process of the published release that meets an actor of another one
retires it and creates it anew (`replace`); a process of an older release, still serving while
Serve replaces replicas, uses what it finds and retires nothing, so two releases never take turns
killing each other's actors. Where no release was published (a bare Ray cluster, a benchmark),
nothing is ever retired.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ray
from ray.exceptions import ActorDiedError, ActorUnavailableError, RayTaskError

from actors.errors import TenantUnavailableError

logger = logging.getLogger(__name__)

PACKAGES = ("actors", "config", "db", "domain", "integrations")
RELEASE_KEY = b"agenda-release"
GONE_WAIT_S = 30.0  # how long a retired actor may take to give back its name
RETIRE_TIMEOUT_S = 60.0  # a retiring actor finishes what it runs first


def code_digest(root: Path | None = None) -> str:
    """A digest of every file of the actors' packages under `root` (default: where they are
    installed), path and content; 16 hex digits."""
    base = root if root is not None else Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for package in PACKAGES:
        for path in sorted((base / package).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(path.relative_to(base).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@functools.cache
def running_release() -> str:
    """This process's release: `<AGENDA_RELEASE>+<code digest>`, or the digest alone."""
    label = os.environ.get("AGENDA_RELEASE", "").strip()
    digest = code_digest()
    return f"{label}+{digest}" if label else digest


running_release()  # at import: the code this process loaded, not what is on disk later


def publish_release(namespace: str, release: str | None = None) -> None:
    """Declare `release` (default: this process's) the one a deploy of `namespace` runs."""
    from ray.experimental import internal_kv

    value = (release or running_release()).encode()
    internal_kv._internal_kv_put(RELEASE_KEY, value, overwrite=True, namespace=namespace)


def published_release(namespace: str) -> str | None:
    from ray.experimental import internal_kv

    value = internal_kv._internal_kv_get(RELEASE_KEY, namespace=namespace)
    return value.decode() if value else None


async def may_replace(namespace: str) -> bool:
    """Whether this process runs the published release (and so may retire other versions)."""
    published = await asyncio.to_thread(published_release, namespace)
    return published is not None and published == running_release()


async def replace(
    name: str, namespace: str, handle: Any, running: str, create: Callable[[], Any]
) -> Any:
    """The actor `name` of this release: `handle` (running `running`) is retired, then created
    anew; a retirement another process began already, or an actor it created meanwhile, is
    fine. Returns the new handle."""
    mine = running_release()
    logger.warning("actor %s runs release %s, not %s: retiring it", name, running, mine)
    try:
        await asyncio.wait_for(handle.retire.remote(), RETIRE_TIMEOUT_S)
    except TimeoutError:  # a retirement that hangs is cut short
        ray.kill(handle, no_restart=True)
    except (ActorDiedError, ActorUnavailableError, RayTaskError):
        pass  # exiting ends the call this way, and so does a retirement begun elsewhere
    await wait_until_gone(name, namespace, handle)
    return create()


async def wait_until_gone(name: str, namespace: str, handle: Any) -> None:
    """Until `name` is free or names another actor than `handle` (bounded: past GONE_WAIT_S the
    actor is killed, past twice that it is an error)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + GONE_WAIT_S
    killed = False
    while True:
        try:
            current = await asyncio.to_thread(ray.get_actor, name, namespace)
        except ValueError:
            return
        if current._actor_id != handle._actor_id:
            return
        if loop.time() > deadline:
            if killed:
                raise TenantUnavailableError(f"actor {name} did not go away")
            ray.kill(handle, no_restart=True)  # take it down without its own help
            killed, deadline = True, loop.time() + GONE_WAIT_S
        await asyncio.sleep(0.1)


async def ensure_current(name: str, namespace: str, create: Callable[[], Any]) -> Any:
    """The actor `create()` names (created if missing), replaced first when it runs another
    release and this process runs the deployed one."""
    handle = create()
    try:
        running = await asyncio.wait_for(handle.version.remote(), RETIRE_TIMEOUT_S)
    except (ActorDiedError, ActorUnavailableError, TimeoutError):
        return handle  # restarting or stuck: Ray's own restarts deal with it
    if running == running_release() or not await may_replace(namespace):
        return handle
    return await replace(name, namespace, handle, running, create)


async def drain(tasks: set[asyncio.Task[Any]], seconds: float) -> None:
    """Let `tasks` finish for up to `seconds`, then cancel what is left."""
    if tasks:
        _, late = await asyncio.wait(set(tasks), timeout=seconds)
        for task in late:
            task.cancel()
