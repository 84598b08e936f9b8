"""Errors map to clear JSON 4xx/503 bodies in one place; nothing leaks a stack trace."""

from __future__ import annotations

import pickle

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from redis.exceptions import ConnectionError as RedisConnectionError

from actors.errors import TenantUnavailableError
from deployments.errors import install_error_handlers
from domain.errors import (
    AlreadyDecidedError,
    AppointmentNotStartedError,
    DomainError,
    IllegalTransitionError,
    NotFoundError,
    OutsideWorkingHoursError,
    SlotTakenError,
    StaleAgendaError,
)


def client_raising(error: Exception) -> TestClient:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/boom")
    async def boom() -> None:
        raise error

    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (NotFoundError("x"), 404, "not_found"),
        (SlotTakenError("x"), 409, "slot_taken"),
        (AlreadyDecidedError("x"), 409, "already_decided"),
        (OutsideWorkingHoursError("x"), 422, "outside_working_hours"),
        (IllegalTransitionError("x"), 409, "illegal_transition"),
        (AppointmentNotStartedError("x"), 409, "appointment_not_started"),
    ],
)
def test_domain_error_maps_to_its_status(error: DomainError, status: int, code: str) -> None:
    response = client_raising(error).get("/boom")
    assert (response.status_code, response.json()) == (status, {"code": code, "detail": "x"})


def test_unavailable_actor_is_503_with_retry_after() -> None:
    response = client_raising(TenantUnavailableError("tenant:abc died")).get("/boom")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "2"
    assert response.json()["code"] == "tenant_unavailable"


@pytest.mark.parametrize(
    "error",
    [RedisConnectionError("Error 111 connecting"), ConnectionRefusedError(111, "refused")],
    ids=["redis", "postgres-socket"],
)
def test_unreachable_store_is_503_with_retry_after(error: Exception) -> None:
    response = client_raising(error).get("/boom")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert response.json()["code"] == "store_unavailable"


def test_memory_behind_another_writer_is_503_try_again() -> None:
    response = client_raising(StaleAgendaError("a client was stored meanwhile")).get("/boom")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    assert response.json()["code"] == "stale_agenda"


def test_unexpected_error_is_500_without_details() -> None:
    response = client_raising(RuntimeError("password=hunter2")).get("/boom")
    assert response.status_code == 500
    assert "hunter2" not in response.text
    assert response.json()["code"] == "internal_error"


def test_domain_errors_survive_pickling() -> None:
    error = pickle.loads(pickle.dumps(SlotTakenError("taken at 10:00")))
    assert isinstance(error, SlotTakenError)
    assert error.message == "taken at 10:00"
