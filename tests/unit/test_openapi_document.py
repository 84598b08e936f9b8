"""The OpenAPI document a client developer generates a client from: every error answer with its
body, the webhooks' bodies, stable operation ids — and committed as docs/openapi.json."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from uuid import uuid4

import jsonschema
import pytest
from fastapi.testclient import TestClient

from config.settings import Environment, Settings
from deployments.api import create_api
from deployments.auth import mint_token
from domain.models import Role
from scripts.export_schemas import openapi_document, socket_schema

ROOT = Path(__file__).resolve().parents[2]
SECRET = "s" * 40
PROBES = {"/api/v1/health", "/livez", "/readyz"}
REGENERATE = "stale: run `python -m scripts.export_schemas --out docs` and commit docs/"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return openapi_document()


def operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(path, op) for path, item in document["paths"].items() for op in item.values()]


def schema_of(document: dict[str, Any], name: str) -> dict[str, Any]:
    """A component schema, with the document's components for its references."""
    return {"$ref": f"#/components/schemas/{name}", "components": document["components"]}


@pytest.mark.parametrize(
    ("committed", "generate"),
    [("docs/openapi.json", openapi_document), ("docs/socket.json", socket_schema)],
)
def test_the_committed_documents_are_current(committed: str, generate: Any) -> None:
    current = json.dumps(generate(), indent=2, sort_keys=True) + "\n"
    assert (ROOT / committed).read_text() == current, f"{committed} {REGENERATE}"


def test_operation_ids_are_the_route_functions_names(document: dict[str, Any]) -> None:
    ids = [op["operationId"] for _, op in operations(document)]
    assert len(ids) == len(set(ids))
    assert {"confirm_auth_request", "message_received", "pending_auth_requests"} <= set(ids)
    assert all(i.isidentifier() and "api_v1" not in i for i in ids), ids


def test_every_error_answer_has_a_json_body(document: dict[str, Any]) -> None:
    for path, operation in operations(document):
        responses = operation["responses"]
        expected = {"500"} | (set() if path in PROBES else {"401", "429", "503"})
        assert expected <= set(responses), (operation["operationId"], sorted(responses))
        for status_code, response in responses.items():
            if status_code >= "400":
                assert "application/json" in response.get("content", {}), (path, status_code)
        if "requestBody" in operation:
            assert "413" in responses, path
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_the_webhooks_document_their_bodies_and_signature(document: dict[str, Any]) -> None:
    for path, model in (
        ("/api/v1/webhooks/n8n/message-received", "MessageReceivedBody"),
        ("/api/v1/webhooks/n8n/message-status", "MessageStatusBody"),
    ):
        operation = document["paths"][path]["post"]
        content = operation["requestBody"]["content"]["application/json"]
        assert content["schema"] == {"$ref": f"#/components/schemas/{model}"}
        jsonschema.validate(content["example"], schema_of(document, model))
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert {"webhook-id", "webhook-timestamp", "webhook-signature"} <= headers


def test_real_error_answers_match_what_the_document_says(document: dict[str, Any]) -> None:
    settings = Settings(
        environment=Environment.DEVELOPMENT,
        jwt_secret=SECRET,  # type: ignore[arg-type]
        n8n_webhook_secret=SECRET,  # type: ignore[arg-type]
        rate_limits_enabled=False,  # no Redis here
    )
    app = create_api(settings)
    # Both answers come before any store is used: resources with the settings alone.
    app.state.resources = SimpleNamespace(settings=settings)
    http = TestClient(app)  # no `with`: no lifespan, no stores
    unauthorized = http.get("/api/v1/professionals")
    token = mint_token(settings, user_id=uuid4(), tenant_id=uuid4(), role=Role.OWNER)
    invalid = http.post(
        "/api/v1/webhooks/n8n/message-received",
        content=b'{"tenant_id": "not a uuid"}',
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert (unauthorized.status_code, invalid.status_code) == (401, 422)
    responses = document["paths"]["/api/v1/webhooks/n8n/message-received"]["post"]["responses"]
    jsonschema.validate(unauthorized.json(), schema_of(document, "ErrorBody"))
    jsonschema.validate(invalid.json(), responses["422"]["content"]["application/json"]["schema"]
                        | {"components": document["components"]})  # fmt: skip
    assert invalid.json()["code"] == "validation_error"
