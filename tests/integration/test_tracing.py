"""Request traces reach an OTLP collector (a fake one on 127.0.0.1 that decodes what the real
OpenTelemetry exporter sends): a server span per request, named by its route, continuing the
caller's trace, with the status code."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from config.settings import Environment, Settings
from deployments.api import create_api

SECRET = "s" * 40
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"


class Collector(BaseHTTPRequestHandler):
    received: list[ExportTraceServiceRequest] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        request = ExportTraceServiceRequest()
        request.ParseFromString(body)
        Collector.received.append(request)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        return


@pytest.fixture
def collector() -> Iterator[str]:
    Collector.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def settings(**extra: Any) -> Settings:
    return Settings(
        environment=Environment.DEVELOPMENT,
        jwt_secret=SECRET,  # type: ignore[arg-type]
        n8n_webhook_secret=SECRET,  # type: ignore[arg-type]
        rate_limits_enabled=False,  # no Redis here
        **extra,
    )


def spans() -> dict[str, dict[str, Any]]:
    found = {}
    for request in Collector.received:
        for resource in request.resource_spans:
            for scope in resource.scope_spans:
                for span in scope.spans:
                    attributes = {a.key: a.value for a in span.attributes}
                    found[span.name] = {"trace_id": span.trace_id.hex(), **attributes}
    return found


def test_each_request_is_a_span_of_its_callers_trace(collector: str) -> None:
    app = create_api(settings(otlp_endpoint=collector))
    app.state.resources = None  # /livez reads nothing; the 401 comes before any store
    http = TestClient(app)
    parent = f"00-{TRACE_ID}-00f067aa0ba902b7-01"
    live = http.get("/livez", headers={"traceparent": parent})
    refused = http.get("/api/v1/professionals")
    app.state.tracer_provider.shutdown()  # exports what is batched, closes the exporter
    found = spans()
    assert (live.status_code, refused.status_code) == (200, 401)
    assert found["GET /livez"]["trace_id"] == TRACE_ID
    assert found["GET /livez"]["http.response.status_code"].int_value == 200
    assert found["GET /api/v1/professionals"]["http.response.status_code"].int_value == 401
    assert found["GET /api/v1/professionals"]["trace_id"] != TRACE_ID  # a trace of its own


def test_nothing_is_traced_without_a_collector() -> None:
    app = create_api(settings())
    assert not hasattr(app.state, "tracer_provider")


def test_the_sample_ratio_is_a_share() -> None:
    with pytest.raises(ValueError, match="otlp_sample_ratio"):
        settings(otlp_sample_ratio=1.5)
