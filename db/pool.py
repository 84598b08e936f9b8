"""Connection pool with JSON codecs; the caller owns transactions."""

from __future__ import annotations

import json
from urllib.parse import urlsplit, urlunsplit

import asyncpg


async def _init_connection(conn: asyncpg.Connection) -> None:
    for type_name in ("json", "jsonb"):
        await conn.set_type_codec(
            type_name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
        )


async def create_pool(
    dsn: str, *, max_size: int = 10, min_size: int = 1, read_only: bool = False
) -> asyncpg.Pool:
    """`read_only`: PostgreSQL refuses any write made through this pool (the ingress's)."""
    settings = {"default_transaction_read_only": "on"} if read_only else {}
    pool: asyncpg.Pool = await asyncpg.create_pool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        init=_init_connection,
        command_timeout=30,
        server_settings=settings,
    )
    return pool


async def connect(dsn: str) -> asyncpg.Connection:
    conn: asyncpg.Connection = await asyncpg.connect(dsn)
    await _init_connection(conn)
    return conn


def with_database(url: str, database: str) -> str:
    """The same server URL (TCP or Unix socket) pointing at another database."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))
