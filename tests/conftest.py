"""Session-wide fixtures: a fresh PostgreSQL database and a Redis key prefix per test session.

The servers come from AGENDA_DATABASE_URL / AGENDA_REDIS_URL (scripts/test sets them: the given
servers, or embedded ones). Each session creates its own database and drops it at the end.
"""

from __future__ import annotations

import base64
import os
from collections.abc import AsyncIterator, Callable
from typing import Any
from uuid import uuid4

import asyncpg
import pytest
from redis.asyncio import Redis

from config.settings import Environment, Settings
from db.migrate import apply_migrations
from db.pool import create_pool, with_database
from tests.channel import TEST_OUTBOUND_HOSTS, TEST_SECRETS_KEY

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"

TEST_JWT_SECRET = "test-only-secret-that-is-long-enough-0123456789"
# A Standard Webhooks secret: `whsec_` + base64 of the key bytes.
TEST_N8N_SECRET = "whsec_" + base64.b64encode(b"test-only-n8n-signing-key-0123456789").decode()


@pytest.fixture(scope="session")
def session_tag() -> str:
    return f"agenda_test_{uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def server_database_url() -> str:
    return os.environ.get("AGENDA_DATABASE_URL", DEFAULT_DATABASE_URL)


@pytest.fixture(scope="session")
def redis_url() -> str:
    return os.environ.get("AGENDA_REDIS_URL", DEFAULT_REDIS_URL)


@pytest.fixture(scope="session")
async def database_url(server_database_url: str, session_tag: str) -> AsyncIterator[str]:
    """A fresh, migrated database for this session, dropped at the end."""
    admin = await asyncpg.connect(server_database_url)
    try:
        await admin.execute(f'CREATE DATABASE "{session_tag}"')
    finally:
        await admin.close()
    url = with_database(server_database_url, session_tag)
    conn = await asyncpg.connect(url)
    try:
        await apply_migrations(conn)
    finally:
        await conn.close()
    yield url
    admin = await asyncpg.connect(server_database_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{session_tag}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(scope="session")
def settings(database_url: str, redis_url: str, session_tag: str) -> Settings:
    return Settings(
        environment=Environment.TEST,
        database_url=database_url,
        redis_url=redis_url,
        redis_prefix=session_tag,
        jwt_secret=TEST_JWT_SECRET,  # type: ignore[arg-type]
        n8n_webhook_secret=TEST_N8N_SECRET,  # type: ignore[arg-type]
        # Tests drive the scheduler and the sender themselves, on their own clocks.
        scheduler_enabled=False,
        sender_enabled=False,
        # The salons the tests import carry no consent records (most predate them): the tests of
        # consent require it per salon (its setting), as a new salon does by default.
        require_marketing_consent=False,
        secrets_key=TEST_SECRETS_KEY,  # type: ignore[arg-type]
        outbound_url_hosts=TEST_OUTBOUND_HOSTS,
        # The suite's own traffic comes from one address in bursts; the limits' tests set theirs.
        rate_limit_ip="100000/minute",
        rate_limit_salon="100000/minute",
        rate_limit_webhook="100000/minute",
    )


@pytest.fixture(scope="session")
async def pool(settings: Settings) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(settings.database_url, max_size=20)
    yield pool
    await pool.close()


@pytest.fixture(scope="session")
async def redis(settings: Settings) -> AsyncIterator[Redis]:
    client = Redis.from_url(settings.redis_url)
    yield client
    async for key in client.scan_iter(match=f"{settings.redis_prefix}:*"):
        await client.delete(key)
    await client.aclose()


@pytest.fixture(scope="session")
def settings_env(settings: Settings) -> dict[str, str]:
    """The environment a Ray cluster started by the tests gives its workers."""
    return settings.process_environment()


# --- figures the reliability tests measure, printed after the run (the README records them) ---
FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture
def figure(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """`figure("R6: …")`: one line in the run's closing summary."""
    lines = request.config.stash.setdefault(FIGURES, [])
    return lines.append


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    lines = config.stash.get(FIGURES, [])
    if lines:
        terminalreporter.section("reliability figures")
        for line in lines:
            terminalreporter.write_line(line)
