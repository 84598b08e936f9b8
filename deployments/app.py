"""The Serve application: `serve_config.yaml` imports `deployments.app:app`.

Non-secret options may come as application args (`args:` in serve_config.yaml); secrets come only
from the environment of the Ray cluster's processes.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from ray import serve
from ray.serve import Application

from config import logs
from config.settings import Settings
from deployments.api import create_api

# Any option but those that come only from the environment (config/settings.py FROM_ENVIRONMENT).
ALLOWED_ARGS = Settings.plain_fields()


# Every open /ws/sync socket holds one of a replica's ongoing requests for its whole life, and
# handlers are async: Serve's default of 5 would stall HTTP behind five dashboards.
@serve.deployment(ray_actor_options={"num_cpus": 0}, max_ongoing_requests=2000)
@serve.ingress()
class ApiIngress:
    def __init__(self, overrides: dict[str, Any]) -> None:
        self._settings = Settings(**overrides)
        logs.configure(self._settings.log_level)

    def __serve_build_asgi_app__(self) -> FastAPI:
        return create_api(self._settings)


def build_app(args: dict[str, Any]) -> Application:
    unknown = set(args) - ALLOWED_ARGS
    if unknown:
        raise ValueError(
            f"unknown or environment-only application args {sorted(unknown)};"
            f" allowed: {sorted(ALLOWED_ARGS)}"
        )
    return ApiIngress.bind(dict(args))  # type: ignore[attr-defined,no-any-return]


app = build_app({})
