"""The OpenAPI document as a client developer reads it: every error answer with its JSON body
(`{code, detail}`; a 422 lists each field), the webhooks' bodies and signature headers (read
raw, so FastAPI cannot see them), examples, and operation ids that are the route functions' names
(stable: `confirm_auth_request`, not a name built from the path).

`docs/openapi.json` is this document as committed; tests/unit/test_openapi_document.py fails when
it is stale (`python -m scripts.export_schemas --out docs` writes it again).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel, Field

from deployments.auth import require_owner
from deployments.inbound import MessageReceivedBody
from deployments.rate_limits import UNLIMITED_PREFIXES
from deployments.routes_statuses import MessageStatusBody

REF = "#/components/schemas/{model}"


class ErrorBody(BaseModel):
    """Every refusal: a stable `code` to branch on and a `detail` to show or log."""

    code: str = Field(examples=["slot_taken"])
    detail: str = Field(examples=["that time was just taken; pick another"])


class FieldError(BaseModel):
    loc: list[str | int] = Field(examples=[["body", "decision"]])
    msg: str = Field(examples=["Input should be 'approve' or 'reject'"])
    type: str = Field(examples=["literal_error"])


class ValidationErrorBody(BaseModel):
    """A request that does not fit its schema: what is wrong, field by field."""

    code: Literal["validation_error"]
    detail: list[FieldError]


# Answers any operation may give, beside those its route names.
COMMON_ERRORS: dict[str, tuple[str, str, str]] = {
    "401": (
        "no credentials, or a bad, expired or foreign token",
        "unauthorized",
        "invalid token: Signature has expired",
    ),
    "429": (
        "over a rate limit (per address, salon or webhook); `Retry-After` says when to try again",
        "rate_limited",
        "too many requests: salon; try again later",
    ),
    "503": (
        "a store or the salon's agenda is briefly unavailable; `Retry-After` says when to retry",
        "store_unavailable",
        "the database or Redis is unreachable; try again",
    ),
    "500": ("a bug: nothing was changed by halves; it was logged", "internal_error", ""),
}
# The codes of the answers routes name (their `detail` varies with the case).
CODES = {
    "400": "bad_request",
    "401": "unauthorized",
    "403": "forbidden",
    "404": "not_found",
    "409": "slot_taken",
    "413": "body_too_large",
}
WEBHOOKS: dict[str, type[BaseModel]] = {
    "/api/v1/webhooks/n8n/message-received": MessageReceivedBody,
    "/api/v1/webhooks/n8n/message-status": MessageStatusBody,
}
WEBHOOK_EXAMPLES: dict[str, dict[str, Any]] = {
    "/api/v1/webhooks/n8n/message-received": {
        "tenant_id": "0b3c6f1e-5d2a-4c8e-9f10-2a4b6c8d0e1f",
        "client_name": "João Pereira",
        "phone": "+5511988887777",
        "message": "Oi, quero marcar um corte amanhã às 15h",
        "channel": "whatsapp",
        "timestamp": "2026-12-07T12:30:00-03:00",
        "message_id": "wamid.HBgLNTUxMTk4ODg4Nzc3NxUCABIYFjNFQjBDMDY",
    },
    "/api/v1/webhooks/n8n/message-status": {
        "kind": "status",
        "tenant_id": "0b3c6f1e-5d2a-4c8e-9f10-2a4b6c8d0e1f",
        "whatsapp_message_id": "wamid.HBgLNTUxMTk4ODg4Nzc3NxUCABIYFjNFQjBDMDY",
        "status": "failed",
        "timestamp": "2026-12-07T12:31:00-03:00",
        "errors": [{"code": 131047, "title": "Re-engagement message"}],
    },
}
SIGNATURE_HEADERS = (
    ("webhook-id", "the delivery's id (a repeat with the same id is answered once)"),
    ("webhook-timestamp", "seconds since the epoch; more than 5 minutes off is refused"),
    ("webhook-signature", "`v1,<base64 HMAC-SHA256 of id.timestamp.body>` (Standard Webhooks)"),
)


def operation_id(route: APIRoute) -> str:
    """The route function's name: what a generated client calls the operation."""
    return route.name


def install_openapi(app: FastAPI) -> None:
    """Serve (and export) the document below instead of FastAPI's bare one."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            routes = (context.original_route for context in iter_route_contexts(app.routes))
            owner_only = {r.name for r in routes if isinstance(r, APIRoute) and _owner(r)}
            app.openapi_schema = described(document, owner_only)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def described(document: dict[str, Any], owner_only: set[str]) -> dict[str, Any]:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    models: list[type[BaseModel]] = [ErrorBody, ValidationErrorBody, *WEBHOOKS.values()]
    for model in models:
        add_schema(schemas, model)
    for path, operations in document.get("paths", {}).items():
        for operation in operations.values():
            if path in WEBHOOKS:
                _describe_webhook(path, operation, WEBHOOKS[path])
            if operation["operationId"] in owner_only:
                operation["responses"]["403"] = _error(
                    "a staff token: only the salon's owner may do this",
                    "forbidden",
                    "only the salon owner can do this",
                )
            _describe_errors(path, operation)
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    return document


def add_schema(schemas: dict[str, Any], model: type[BaseModel]) -> None:
    schema = model.model_json_schema(ref_template=REF)
    schemas.update(schema.pop("$defs", {}))
    schemas[model.__name__] = schema


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__)}


def _error(description: str, code: str, detail: str) -> dict[str, Any]:
    example = {"code": code, "detail": detail or description}
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref(ErrorBody), "example": example}},
    }


def _owner(route: APIRoute) -> bool:
    """Whether the route takes the owner's token only (depends on `require_owner`)."""
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        if dependant.call is require_owner:
            return True
        pending += dependant.dependencies
    return False


def _describe_errors(path: str, operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    for status_code, response in responses.items():
        if status_code == "422":
            # A NUL character anywhere in the request (PostgreSQL's text refuses it) is
            # refused before any schema: `invalid_request`, its detail a sentence.
            schema = {"oneOf": [_ref(ValidationErrorBody), _ref(ErrorBody)]}
            responses["422"] = {
                "description": "the request does not fit its schema (`validation_error`: "
                "`detail` lists each field) or holds a NUL character (`invalid_request`)",
                "content": {"application/json": {"schema": schema}},
            }
        elif status_code[0] == "4" and "content" not in response:
            code = CODES.get(status_code, "http_error")
            responses[status_code] = _error(response["description"], code, response["description"])
    probe = path.startswith(UNLIMITED_PREFIXES)  # health and probes: no auth, no limit
    for status_code, (description, code, detail) in COMMON_ERRORS.items():
        if status_code in responses or (probe and status_code in ("401", "429", "503")):
            continue
        responses[status_code] = _error(description, code, detail)
    if "requestBody" in operation:
        responses["413"] = _error(
            "the body is larger than the deployment reads (AGENDA_MAX_BODY_BYTES)",
            "body_too_large",
            "the request body is over 4194304 bytes",
        )


def _describe_webhook(path: str, operation: dict[str, Any], body: type[BaseModel]) -> None:
    operation["requestBody"] = {
        "required": True,
        "content": {"application/json": {"schema": _ref(body), "example": WEBHOOK_EXAMPLES[path]}},
    }
    operation["parameters"] = [
        *operation.get("parameters", []),
        *(
            {"name": name, "in": "header", "required": False, "description": meaning}
            | {"schema": {"type": "string"}}
            for name, meaning in SIGNATURE_HEADERS
        ),
    ]
    operation["responses"]["404"] = _error(
        "no salon has this `tenant_id`", "not_found", "salon not found"
    )
    operation["responses"]["422"] = {}  # described as every 422 (the body is checked by hand)
    operation["description"] = (
        "Signed by n8n with the salon's secret (or the deployment's): the three `webhook-*` "
        "headers. Outside production the salon owner may try it with a bearer token instead."
    )
