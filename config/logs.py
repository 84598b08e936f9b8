"""Our processes' logs: one JSON object a line on stderr, which Ray keeps in each worker's log
files and shows on its dashboard (a Serve replica, a salon host, the sender, the scheduler).

Each line carries the salon and the piece of work it belongs to (a command's id, or the HTTP
request's `X-Request-ID`), set in context variables where the work starts. Nothing a client or a
secret could be recognised by is written: phone numbers, e-mail addresses, JWTs, bearer tokens
and `whsec_` secrets are masked in the message and in tracebacks alike (names are never logged by
our code: log ids, not names).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar
from datetime import UTC, datetime

SALON: ContextVar[str | None] = ContextVar("salon", default=None)
WORK: ContextVar[str | None] = ContextVar("work", default=None)

_MASKS = (
    (re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*"), "[token]"),
    (re.compile(r"(?i)\bbearer\s+\S+"), "Bearer [token]"),
    (re.compile(r"whsec_[A-Za-z0-9+/=]+"), "[secret]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # A phone: 10 or more digits, with the separators people write (+55 (11) 98765-4321).
    (re.compile(r"(?<![\w-])\+?\d(?:[\s().-]*\d){9,14}(?![\w-])"), "[phone]"),
)
_QUIET = {"httpx": logging.WARNING, "httpcore": logging.WARNING, "asyncio": logging.WARNING}
_MARK = "_agenda_json_handler"


def redact(text: str) -> str:
    for pattern, mask in _MASKS:
        text = pattern.sub(mask, text)
    return text


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "salon": SALON.get(),
            "work": WORK.get(),
            "pid": record.process,
        }
        if record.exc_info:
            line["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False)


class _OursOnly(logging.Filter):
    """Ray's own loggers keep their own files: only ours (and libraries') come here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.name.startswith("ray")


def configure(level: str = "INFO") -> None:
    """Send this process's logs as JSON lines to stderr (once per process; safe to repeat)."""
    root = logging.getLogger()
    if not any(getattr(handler, _MARK, False) for handler in root.handlers):
        # The process's own stderr, not whatever `sys.stderr` is now: a Serve replica in
        # throughput-optimized mode (scripts/up's) replaces it with a stream into the
        # `ray.serve` logger, whose level dropped every line of ours, errors included.
        handler = logging.StreamHandler(sys.__stderr__ or sys.stderr)
        handler.setFormatter(JsonFormatter())
        handler.addFilter(_OursOnly())
        setattr(handler, _MARK, True)
        root.addHandler(handler)
    root.setLevel(level)
    for name, quiet in _QUIET.items():
        logging.getLogger(name).setLevel(quiet)
