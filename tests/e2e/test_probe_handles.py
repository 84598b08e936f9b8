"""/readyz asks the cluster loops' actors through handles it keeps: it looks an actor up again
only when the one it holds has gone (replaced at a deploy, restarted), and then in the same probe
— a replaced loop is never reported down."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from uuid import uuid4

import ray

from deployments.routes_health import _progress


@ray.remote
class Loop:
    def __init__(self, generation: int) -> None:
        self._generation = generation

    def progress(self) -> dict[str, Any]:
        return {"generation": self._generation}


async def test_a_replaced_loop_actor_is_found_again_in_the_same_probe(
    serve_port: int, session_tag: str
) -> None:
    del serve_port  # the session's cluster (its fixture connects this process)
    name = f"probe-loop-{uuid4().hex[:8]}"
    deps: Any = SimpleNamespace(settings=SimpleNamespace(ray_namespace=session_tag), loop_actors={})
    first = Loop.options(name=name, namespace=session_tag, lifetime="detached").remote(1)
    try:
        assert await _progress(deps, name) == {"generation": 1}
        held = deps.loop_actors[name]
        assert await _progress(deps, name) == {"generation": 1}
        assert deps.loop_actors[name] is held  # no lookup while it lives
        ray.kill(first)
        second = Loop.options(name=name, namespace=session_tag, lifetime="detached").remote(2)
        assert await _progress(deps, name) == {"generation": 2}
        assert deps.loop_actors[name] is not held
    finally:
        for actor in (first, locals().get("second")):
            if actor is not None:
                ray.kill(actor)
