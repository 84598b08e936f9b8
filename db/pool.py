"""Connection pool with JSON codecs; the caller owns transactions.

Nothing waits on PostgreSQL without a bound: connecting gives up after `CONNECT_TIMEOUT_S`,
waiting for a pooled connection after `ACQUIRE_TIMEOUT_S`, a statement after
`COMMAND_TIMEOUT_S` — each a `TimeoutError`, which the API answers 503 with `Retry-After`.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlsplit, urlunsplit

import asyncpg

logger = logging.getLogger(__name__)


async def _init_connection(conn: asyncpg.Connection) -> None:
    for type_name in ("json", "jsonb"):
        await conn.set_type_codec(
            type_name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
        )


# The arrays the set-based writes send (`unnest($n::uuid[])`…): asyncpg learns each one's codec
# with an introspection query on a connection's first use of it.
ARRAY_TYPES = ("uuid", "date", "timestamptz", "text", "int4", "int8", "bool", "jsonb", "time")
# Warming never waits long behind a lock (a migration's): it stops, tables read on first use.
WARM_LOCK_TIMEOUT_MS = 100


async def _init_warm_connection(conn: asyncpg.Connection) -> None:
    """A new connection that has done its first-use work before any caller waits on it: the
    backend has read the catalog entries of the tables it may read and their indexes (a new
    PostgreSQL backend reads them on first use: ~30 ms over a salon's activation) and asyncpg
    knows the array codecs (~10 ms an introspection). Measured on a new connection: a salon's
    first activation 21–44 ms, 9.6 ms once warmed (the warming itself ~14 ms). Warming the tables
    is best effort: a table locked by a migration, or anything else refused, leaves the
    connection as it would have been without it."""
    await _init_connection(conn)
    try:
        async with conn.transaction():
            await conn.execute(f"SET LOCAL lock_timeout = '{WARM_LOCK_TIMEOUT_MS}ms'")
            tables = await conn.fetch(
                """SELECT c.oid::regclass::text FROM pg_class c
                   JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (current_schemas(false))
                     AND has_table_privilege(c.oid, 'SELECT')"""
            )
            if tables:  # planning each statement opens its table and the table's indexes
                await conn.execute(";".join(f"SELECT * FROM {t} LIMIT 0" for (t,) in tables))
    except asyncpg.PostgresError as error:
        logger.warning("warming a new connection's tables stopped: %r", error)
    await conn.fetch("SELECT " + ", ".join(f"NULL::{name}[]" for name in ARRAY_TYPES))


# PostgreSQL out of reach or restarting: the connection, not the request, is at fault.
CONNECTION_LOST: tuple[type[Exception], ...] = (
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.AdminShutdownError,
    ConnectionError,  # refused, reset, aborted; asyncpg's "unexpected connection_lost() call"
    TimeoutError,  # a bounded wait ran out (connect, a pooled connection, a statement)
)

CONNECT_TIMEOUT_S = 5.0
ACQUIRE_TIMEOUT_S = 5.0
COMMAND_TIMEOUT_S = 30.0


class BoundedPool(asyncpg.Pool):  # type: ignore[misc]
    """asyncpg's pool whose `acquire()` waits at most `ACQUIRE_TIMEOUT_S` unless told."""

    def acquire(self, *, timeout: float | None = None) -> asyncpg.pool.PoolAcquireContext:
        return super().acquire(timeout=ACQUIRE_TIMEOUT_S if timeout is None else timeout)


async def _keep_session(conn: asyncpg.Connection) -> None:
    """A connection goes back to the pool as it is: asyncpg has already rolled back any open
    transaction. Its default reset (`pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *;
    RESET ALL`) cost a round trip on every release — a one-query read made two — and undoes
    nothing here: pooled connections hold no session state (no session `SET`, `LISTEN`,
    session advisory lock or cursor outside a transaction; tests/unit/test_pool_session.py
    keeps it so)."""


async def create_pool(
    dsn: str,
    *,
    max_size: int = 10,
    min_size: int = 1,
    read_only: bool = False,
    warm: bool = False,
) -> asyncpg.Pool:
    """`read_only`: PostgreSQL refuses any write made through this pool (the ingress's);
    `warm`: each new connection does its first-use work when it opens, not on a caller's time
    (`_init_warm_connection`)."""
    settings = {"default_transaction_read_only": "on"} if read_only else {}
    # As asyncpg.create_pool builds its pool (asyncpg 0.30–0.32), with the bounded acquire.
    pool: asyncpg.Pool = await BoundedPool(
        dsn,
        connection_class=asyncpg.Connection,
        record_class=asyncpg.Record,
        min_size=min_size,
        max_size=max_size,
        max_queries=50_000,
        max_inactive_connection_lifetime=300.0,
        loop=None,
        init=_init_warm_connection if warm else _init_connection,
        reset=_keep_session,
        command_timeout=COMMAND_TIMEOUT_S,
        timeout=CONNECT_TIMEOUT_S,
        server_settings=settings,
    )
    return pool


async def connect(dsn: str) -> asyncpg.Connection:
    conn: asyncpg.Connection = await asyncpg.connect(dsn, timeout=CONNECT_TIMEOUT_S)
    await _init_connection(conn)
    return conn


def with_database(url: str, database: str) -> str:
    """The same server URL (TCP or Unix socket) pointing at another database."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))
