"""Builds the FastAPI application (used by the Serve deployment and by unit tests)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from config.settings import Settings
from deployments import (
    routes_agenda,
    routes_automations,
    routes_chat,
    routes_funnel,
    routes_health,
    routes_salon,
    routes_session,
    routes_statuses,
    routes_sync,
    routes_webhooks,
    routes_whatsapp,
    routes_working_hours,
    websocket,
)
from deployments.api_docs import OPENAPI_URL, mount_api_docs
from deployments.auth import TokenVerifier
from deployments.console import mount_console
from deployments.errors import install_error_handlers
from deployments.openapi_doc import install_openapi, operation_id
from deployments.rate_limits import RateGuard, RateLimits
from deployments.request_context import RequestContext
from deployments.request_guard import RequestGuard
from deployments.resources import open_resources
from deployments.tracing import install_tracing


def create_api(settings: Settings, *, sockets: bool = True) -> FastAPI:
    """Every route; `sockets=False` leaves `/ws/sync` to the live application (create_live_api),
    as serve_config.yaml deploys them."""
    app = FastAPI(
        title="Agenda Cheia",
        version="0.1.0",
        description="Salon agenda back end: tenant actors, owner approvals, live sync.",
        lifespan=open_resources,
        # FastAPI's own pages would load their scripts from a CDN: ours serve them (api_docs.py).
        docs_url=None,
        redoc_url=None,
        openapi_url=OPENAPI_URL if settings.api_docs_enabled else None,
        generate_unique_id_function=operation_id,
    )
    install_openapi(app)
    _guard(app, settings)
    _allow_origins(app, settings)
    install_tracing(app, settings)
    app.include_router(routes_health.router)
    app.include_router(routes_health.probes)
    app.include_router(routes_session.router)
    app.include_router(routes_sync.router)
    app.include_router(routes_agenda.router)
    app.include_router(routes_funnel.router)
    app.include_router(routes_automations.router)
    app.include_router(routes_chat.router)
    app.include_router(routes_salon.router)
    app.include_router(routes_working_hours.router)
    app.include_router(routes_whatsapp.router)
    app.include_router(routes_webhooks.router)
    app.include_router(routes_statuses.router)
    if sockets:
        app.include_router(websocket.router)
    mount_console(app, settings)
    if settings.api_docs_enabled:
        mount_api_docs(app)
    return app


def create_live_api(settings: Settings) -> FastAPI:
    """The live application: only `/ws/sync` (and its health), mounted by Serve at `/ws` with
    replicas of its own, so open dashboards never use up the budget of HTTP calls."""
    app = FastAPI(title="Agenda Cheia live", lifespan=open_resources, openapi_url=None)
    _guard(app, settings)
    install_tracing(app, settings)
    app.include_router(routes_health.router)
    app.include_router(routes_health.probes)
    app.include_router(websocket.live_router)
    return app


# What a browser app on an allowed origin may send and read (besides the CORS-safelisted ones).
CORS_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
CORS_REQUEST_HEADERS = ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-ID"]
CORS_RESPONSE_HEADERS = ["Retry-After", "X-Request-ID"]


def _allow_origins(app: FastAPI, settings: Settings) -> None:
    """CORS for AGENDA_CORS_ORIGINS only (none by default). Outermost, so refusals — 401, 429,
    413 — reach the browser app readable too. Credentials off: calls carry a bearer token."""
    origins = settings.cors_origin_list
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_credentials=False,
            allow_methods=CORS_METHODS,
            allow_headers=CORS_REQUEST_HEADERS,
            expose_headers=CORS_RESPONSE_HEADERS,
            max_age=600,
        )


def _guard(app: FastAPI, settings: Settings) -> None:
    app.state.settings = settings
    app.state.tokens = TokenVerifier(settings)
    app.state.rate_limits = RateLimits(settings, app.state.tokens)
    app.add_middleware(RequestGuard, max_body_bytes=settings.max_body_bytes)
    # Outermost (added last): counted per client address before any body is read.
    app.add_middleware(RateGuard, limits=app.state.rate_limits)
    app.add_middleware(RequestContext)  # outermost: every line of the request carries its id
    install_error_handlers(app)
