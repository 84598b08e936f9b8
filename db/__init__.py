"""PostgreSQL: migrations, pool, and one query module per aggregate returning domain models."""
