"""Request traces over OTLP (HTTP), when AGENDA_OTLP_ENDPOINT names a collector: one server span
per HTTP request or socket of the Serve applications, named by its route (`GET
/api/v1/professionals`, not its ids), continuing the caller's trace (`traceparent`), with the
status code, the salon (once its token was read) and the request id that the logs carry.

Off by default; nothing is exported anywhere else. Ray's own tracing hook is alpha and unmaintained;
this is ours, at the ingress, where a dashboard's or n8n's call enters.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.propagate import extract
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config import logs
from config.settings import Settings


def install_tracing(app: FastAPI, settings: Settings) -> None:
    """Trace every request when a collector is configured (outermost: added last)."""
    provider = tracer_provider(settings)
    if provider is not None:
        app.add_middleware(RequestTracing, provider=provider)
        app.state.tracer_provider = provider  # the lifespan flushes and shuts it down


def tracer_provider(settings: Settings) -> TracerProvider | None:
    """The process's provider exporting to the collector, or None when tracing is off."""
    endpoint = settings.otlp_endpoint.rstrip("/")
    if not endpoint:
        return None
    provider = TracerProvider(
        resource=Resource.create({"service.name": settings.otlp_service_name}),
        sampler=ParentBased(TraceIdRatioBased(settings.otlp_sample_ratio)),
    )
    provider.add_span_processor(
        BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{endpoint}/v1/traces", timeout=5))
    )
    return provider


class RequestTracing:
    """ASGI middleware: a server span around each request (outermost, so refusals count too)."""

    def __init__(self, app: ASGIApp, provider: TracerProvider) -> None:
        self._app = app
        self._tracer = provider.get_tracer("agenda-cheia")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self._app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        method = scope.get("method", "WEBSOCKET")
        with self._tracer.start_as_current_span(
            f"{method} {scope['path']}",
            context=extract(headers),
            kind=trace.SpanKind.SERVER,
            attributes={"http.request.method": method, "url.path": scope["path"]},
        ) as span:
            status: list[int] = []
            await self._app(scope, receive, _recording(send, status))
            route = scope.get("route")
            if route is not None and hasattr(route, "path"):  # the template, not the ids
                span.update_name(f"{method} {route.path}")
                span.set_attribute("http.route", route.path)
            if status:
                span.set_attribute("http.response.status_code", status[0])
                if status[0] >= 500:
                    span.set_status(trace.StatusCode.ERROR)
            salon = logs.SALON.get()  # set once the request's token was read
            if salon:
                span.set_attribute("agenda.salon", salon)


def _recording(send: Send, status: list[int]) -> Callable[[Message], Awaitable[None]]:
    async def recording(message: Message) -> None:
        if message["type"] == "http.response.start":
            status.append(int(message["status"]))
        await send(message)

    return recording
