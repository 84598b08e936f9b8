"""Our log lines: JSON with the salon and the work they belong to, and nothing a client or a
secret could be recognised by — in the message and in tracebacks."""

from __future__ import annotations

import io
import json
import logging
import sys

import pytest

from config import logs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("client +5511987654321 wrote", "client [phone] wrote"),
        ("from 55 (11) 98765-4321 now", "from [phone] now"),
        ("whatsapp id 5511987654321", "whatsapp id [phone]"),
        ("to ana.souza+promo@salao.com.br", "to [email]"),
        ("Authorization: Bearer abc.def-123", "Authorization: Bearer [token]"),
        ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "token [token]"),
        ("secret whsec_c2FsYW8tb25lLXNpZ25pbmc=", "secret [secret]"),
    ],
)
def test_phones_emails_tokens_and_secrets_are_masked(text: str, expected: str) -> None:
    assert logs.redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "tenant 7b0e6c1e-5a2f-4c4e-9d1e-2f5b8c3a9e10 activated",
        "message 4f1c attempt 3: retryable (http 503)",
        "event 1500 published; 12 queued",
        "applied migration 0017_tenant_data_version",
        "WhatsApp 131047 refused",
    ],
)
def test_ids_counts_and_codes_are_kept(text: str) -> None:
    assert logs.redact(text) == text


def line_of(
    emit: logging.Logger, message: str, *args: object, exc: bool = False
) -> dict[str, object]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter())
    emit.addHandler(handler)
    try:
        if exc:
            try:
                raise ValueError("duplicate key (phone_e164)=(+5511987654321)")
            except ValueError:
                emit.exception(message, *args)
        else:
            emit.warning(message, *args)
    finally:
        emit.removeHandler(handler)
    parsed: dict[str, object] = json.loads(stream.getvalue())
    return parsed


def test_a_line_is_json_with_its_salon_and_work() -> None:
    emit = logging.getLogger("agenda.test.json")
    salon, work = logs.SALON.set("7b0e6c1e"), logs.WORK.set("req-42")
    try:
        line = line_of(emit, "tenant %s: message from %s held", "7b0e6c1e", "+5511987654321")
    finally:
        logs.SALON.reset(salon)
        logs.WORK.reset(work)
    assert line["message"] == "tenant 7b0e6c1e: message from [phone] held"
    assert (line["level"], line["logger"], line["salon"], line["work"]) == (
        "WARNING",
        "agenda.test.json",
        "7b0e6c1e",
        "req-42",
    )
    assert str(line["ts"]).endswith("+00:00")


def test_a_traceback_is_masked_too() -> None:
    line = line_of(logging.getLogger("agenda.test.exc"), "store refused", exc=True)
    assert "ValueError" in str(line["exception"])
    assert "5511987654321" not in str(line["exception"])
    assert "[phone]" in str(line["exception"])


def test_configuring_twice_adds_one_handler_and_leaves_rays_loggers_alone() -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    try:
        logs.configure("INFO")
        logs.configure("INFO")
        ours = [h for h in root.handlers if h not in before]
        assert len(ours) == 1
        ray_record = logging.LogRecord("ray.serve", logging.INFO, "x", 1, "m", None, None)
        our_record = logging.LogRecord("actors.sender", logging.INFO, "x", 1, "m", None, None)
        assert [f.filter(ray_record) for f in ours[0].filters] == [False]
        assert [f.filter(our_record) for f in ours[0].filters] == [True]
        assert logging.getLogger("httpx").level == logging.WARNING
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
        root.setLevel(level)


def test_lines_reach_the_processs_stderr_when_sys_stderr_was_replaced(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """As in a Serve replica of scripts/up (throughput-optimized: Ray swaps `sys.stderr` for a
    stream into a logger that drops our lines)."""
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    swallowed = io.StringIO()
    monkeypatch.setattr(sys, "stderr", swallowed)
    try:
        for handler in [h for h in before if getattr(h, logs._MARK, False)]:
            root.removeHandler(handler)
        logs.configure("INFO")
        logging.getLogger("deployments.test").error("message kept in the spool")
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
        for handler in before:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(level)
    assert "message kept in the spool" in capfd.readouterr().err
    assert swallowed.getvalue() == ""
