"""The Serve applications: `serve_config.yaml` imports `deployments.app:build_app` (HTTP, at `/`)
and `deployments.app:build_live_app` (the dashboards' sockets, at `/ws`).

Non-secret options may come as application args (`args:` in serve_config.yaml); secrets come only
from the environment of the Ray cluster's processes.
"""

from __future__ import annotations

import os
from typing import Any

import ray
from fastapi import FastAPI
from ray import serve
from ray.serve import Application

from actors.versioning import publish_release
from config import logs
from config.gc_tuning import tune_gc
from config.settings import Settings
from deployments.api import create_api, create_live_api

# Any option but those that come only from the environment (config/settings.py FROM_ENVIRONMENT).
ALLOWED_ARGS = Settings.plain_fields()


# HTTP only: the sockets are the live application's (below). Handlers are async; what a replica
# cannot take at once waits in Serve's queue (max_queued_requests in serve_config.yaml).
@serve.deployment(ray_actor_options={"num_cpus": 0}, max_ongoing_requests=100)
@serve.ingress()
class ApiIngress:
    def __init__(self, overrides: dict[str, Any]) -> None:
        self._settings = Settings(**overrides)
        logs.configure(self._settings.log_level)
        tune_gc(freeze=False)

    def __serve_build_asgi_app__(self) -> FastAPI:
        return create_api(self._settings, sockets=False)


# Every open /ws/sync socket holds one of a replica's ongoing requests for its whole life: the
# live replicas hold thousands each, and autoscale on them (serve_config.yaml).
@serve.deployment(ray_actor_options={"num_cpus": 0}, max_ongoing_requests=5000)
@serve.ingress()
class LiveIngress:
    def __init__(self, overrides: dict[str, Any]) -> None:
        self._settings = Settings(**overrides)
        logs.configure(self._settings.log_level)
        tune_gc(freeze=False)

    def __serve_build_asgi_app__(self) -> FastAPI:
        return create_live_api(self._settings)


def _checked(args: dict[str, Any]) -> dict[str, Any]:
    unknown = set(args) - ALLOWED_ARGS
    if unknown:
        raise ValueError(
            f"unknown or environment-only application args {sorted(unknown)};"
            f" allowed: {sorted(ALLOWED_ARGS)}"
        )
    return dict(args)


def _namespace(args: dict[str, Any]) -> str:
    """The Ray namespace the replicas will use (without building all the settings, whose
    secrets the process that builds the application may not have)."""
    default = Settings.model_fields["ray_namespace"].default
    return str(args.get("ray_namespace") or os.environ.get("AGENDA_RAY_NAMESPACE") or default)


def build_app(args: dict[str, Any]) -> Application:
    """The HTTP application (serve_config.yaml: `agenda`, at `/`). Building it is a deploy:
    this code's release becomes the one detached actors must run (actors/versioning.py)."""
    checked = _checked(args)
    if ray.is_initialized():  # not when a config is only rendered offline (`serve build`)
        publish_release(_namespace(checked))
    return ApiIngress.bind(checked)  # type: ignore[attr-defined,no-any-return]


def build_live_app(args: dict[str, Any]) -> Application:
    """The live application (serve_config.yaml: `live`, at `/ws`): the dashboards' sockets."""
    return LiveIngress.bind(_checked(args))  # type: ignore[attr-defined,no-any-return]


# `serve run deployments.app:app`: for trying the API; declares no release.
app = ApiIngress.bind({})  # type: ignore[attr-defined]
