"""db/schema.prisma describes exactly the tables and columns that the SQL migrations create."""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest

from db.migrate import apply_migrations
from db.pool import with_database

pytestmark = pytest.mark.integration

SCHEMA_PRISMA = Path(__file__).resolve().parents[2] / "db" / "schema.prisma"
DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test"

MODEL_BLOCK = re.compile(r"^model\s+(\w+)\s*\{(.*?)^\}", re.MULTILINE | re.DOTALL)
ENUM_NAME = re.compile(r"^enum\s+(\w+)\s*\{", re.MULTILINE)
# name, type (possibly `Unsupported("...")`), list marker, optional marker, attributes.
FIELD_LINE = re.compile(r'^(\w+)\s+(\w+(?:\("[^"]*"\))?)(\[\])?(\?)?(.*)$')
TABLE_MAP = re.compile(r'@@map\(\s*"([^"]+)"\s*\)')
COLUMN_MAP = re.compile(r'@map\(\s*"([^"]+)"\s*\)')
# A `//` comment, but not inside a string literal (group 1 keeps strings intact).
COMMENT = re.compile(r'("(?:[^"\\]|\\.)*")|//.*$', re.MULTILINE)
PRISMA_SCALARS = {
    "String",
    "Int",
    "BigInt",
    "Float",
    "Decimal",
    "Boolean",
    "DateTime",
    "Json",
    "Bytes",
}
UNSUPPORTED_TYPE = re.compile(r'^Unsupported\("[^"]*"\)$')


# What PostgreSQL calls each type (information_schema.columns.udt_name): Prisma's scalars as
# Prisma maps them when no native type is given, and the native types (`@db.X`) this schema uses.
SCALAR_TYPES = {
    "String": "text",
    "Int": "int4",
    "BigInt": "int8",
    "Float": "float8",
    "Decimal": "numeric",
    "Boolean": "bool",
    "DateTime": "timestamp",
    "Json": "jsonb",
    "Bytes": "bytea",
}
NATIVE_TYPES = {
    "Uuid": "uuid",
    "Timestamptz": "timestamptz",
    "Timestamp": "timestamp",
    "Date": "date",
    "Time": "time",
    "Timetz": "timetz",
    "Text": "text",
    "VarChar": "varchar",
    "Char": "bpchar",
    "SmallInt": "int2",
    "Integer": "int4",
    "BigInt": "int8",
    "DoublePrecision": "float8",
    "Real": "float4",
    "Decimal": "numeric",
    "Boolean": "bool",
    "JsonB": "jsonb",
    "Json": "json",
    "ByteA": "bytea",
    "Inet": "inet",
}
NATIVE = re.compile(r"@db\.(\w+)")


@dataclass(frozen=True)
class PrismaColumn:
    name: str
    optional: bool
    udt: str  # the PostgreSQL type the field means (`_` + element type for a list)


def postgres_type(type_: str, attributes: str, is_list: bool) -> str:
    native = NATIVE.search(attributes)
    unsupported = UNSUPPORTED_TYPE.match(type_)
    if native:
        base = NATIVE_TYPES.get(native.group(1), native.group(1).lower())
    elif unsupported:
        base = type_.split('"')[1]
    else:
        base = SCALAR_TYPES.get(type_, type_)  # an enum: its own name
    return f"_{base}" if is_list else base


def parse_prisma_tables(text: str) -> dict[str, dict[str, PrismaColumn]]:
    """Map each model's table (@@map or model name) to its columns (@map or field name).

    Relation fields (a model type, a list of models, or `@relation`) are not columns and are
    skipped; a list of scalars (`Int[]`) is a PostgreSQL array column.
    """
    text = COMMENT.sub(lambda m: m.group(1) or "", text)
    blocks = MODEL_BLOCK.findall(text)
    models = {name for name, _ in blocks}
    column_types = PRISMA_SCALARS | set(ENUM_NAME.findall(text))
    tables: dict[str, dict[str, PrismaColumn]] = {}
    for model, body in blocks:
        table_map = TABLE_MAP.search(body)
        columns: dict[str, PrismaColumn] = {}
        for raw_line in body.splitlines():
            field = FIELD_LINE.match(raw_line.strip())
            if field is None:
                continue
            name, type_, is_list, optional, attributes = field.groups()
            if type_ in models or "@relation" in attributes:
                continue
            known = type_ in column_types or UNSUPPORTED_TYPE.match(type_)
            assert known, f"{model}.{name}: unknown type {type_}"
            column_map = COLUMN_MAP.search(attributes)
            column = column_map.group(1) if column_map else name
            columns[column] = PrismaColumn(
                name=column,
                optional=optional is not None,
                udt=postgres_type(type_, attributes, is_list is not None),
            )
        tables[table_map.group(1) if table_map else model] = columns
    return tables


@pytest.fixture(scope="module")
async def migrated_columns() -> AsyncIterator[dict[str, dict[str, tuple[bool, str]]]]:
    """Columns of a throwaway database after all migrations: table -> column -> (is nullable,
    PostgreSQL type name)."""
    admin_url = os.environ.get("AGENDA_DATABASE_URL", DEFAULT_DATABASE_URL)
    database = f"agenda_prisma_{secrets.token_hex(6)}"
    admin = await asyncpg.connect(admin_url)
    await admin.execute(f'CREATE DATABASE "{database}"')
    try:
        conn = await asyncpg.connect(with_database(admin_url, database))
        try:
            await apply_migrations(conn)
            rows = await conn.fetch(
                """
                SELECT c.table_name, c.column_name, c.is_nullable = 'YES' AS nullable, c.udt_name
                FROM information_schema.columns AS c
                JOIN information_schema.tables AS t USING (table_schema, table_name)
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                """
            )
        finally:
            await conn.close()
        columns: dict[str, dict[str, tuple[bool, str]]] = {}
        for row in rows:
            column = (row["nullable"], row["udt_name"])
            columns.setdefault(row["table_name"], {})[row["column_name"]] = column
        yield columns
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await admin.close()


@pytest.fixture(scope="module")
def prisma_tables() -> dict[str, dict[str, PrismaColumn]]:
    return parse_prisma_tables(SCHEMA_PRISMA.read_text())


async def test_prisma_models_cover_exactly_the_migrated_tables(
    migrated_columns: dict[str, dict[str, tuple[bool, str]]],
    prisma_tables: dict[str, dict[str, PrismaColumn]],
) -> None:
    only_in_prisma = sorted(set(prisma_tables) - set(migrated_columns))
    only_in_sql = sorted(set(migrated_columns) - set(prisma_tables))
    assert not (only_in_prisma or only_in_sql), (
        f"tables only in prisma: {only_in_prisma}; only in sql: {only_in_sql}"
    )


async def test_prisma_fields_cover_exactly_the_migrated_columns(
    migrated_columns: dict[str, dict[str, tuple[bool, str]]],
    prisma_tables: dict[str, dict[str, PrismaColumn]],
) -> None:
    mismatched = {
        table: {
            "only in prisma": sorted(set(prisma_tables[table]) - set(columns)),
            "only in sql": sorted(set(columns) - set(prisma_tables[table])),
        }
        for table, columns in migrated_columns.items()
        if table in prisma_tables and set(prisma_tables[table]) != set(columns)
    }
    assert not mismatched, f"columns differ: {mismatched}"


async def test_prisma_optional_fields_are_the_nullable_columns(
    migrated_columns: dict[str, dict[str, tuple[bool, str]]],
    prisma_tables: dict[str, dict[str, PrismaColumn]],
) -> None:
    mismatched = sorted(
        f"{table}.{column}: sql nullable={nullable}, prisma optional={prisma.optional}"
        for table, columns in migrated_columns.items()
        for column, (nullable, _) in columns.items()
        if (prisma := prisma_tables.get(table, {}).get(column)) and prisma.optional != nullable
    )
    assert not mismatched, "nullability differs:\n" + "\n".join(mismatched)


async def test_prisma_field_types_are_the_migrated_column_types(
    migrated_columns: dict[str, dict[str, tuple[bool, str]]],
    prisma_tables: dict[str, dict[str, PrismaColumn]],
) -> None:
    mismatched = sorted(
        f"{table}.{column}: sql {udt}, prisma means {prisma.udt}"
        for table, columns in migrated_columns.items()
        for column, (_, udt) in columns.items()
        if (prisma := prisma_tables.get(table, {}).get(column)) and prisma.udt != udt
    )
    assert not mismatched, "types differ:\n" + "\n".join(mismatched)


def test_the_type_check_reads_native_and_default_types() -> None:
    tables = parse_prisma_tables(
        """model T {
  id   String   @id @db.Uuid
  at   DateTime @db.Timestamptz(6)
  when DateTime
  ids  String[] @db.Uuid
  n    BigInt
  @@map("t")
}"""
    )
    assert {c: col.udt for c, col in tables["t"].items()} == {
        "id": "uuid",
        "at": "timestamptz",
        "when": "timestamp",
        "ids": "_uuid",
        "n": "int8",
    }
