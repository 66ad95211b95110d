"""Open a store from what the user typed: a PostgreSQL URL or a DuckDB file path."""

from __future__ import annotations

from trucewatch.store.base import Store
from trucewatch.store.duckdb import DuckDBStore

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_target(target: str) -> bool:
    """URLs only: a key=value DSN would be ambiguous with a file name."""
    return target.lower().startswith(POSTGRES_SCHEMES)


def open_store_target(target: str, *, read_only: bool = False) -> Store:
    """One `--db` option for both backends; psycopg is imported only for a PostgreSQL URL."""
    if is_postgres_target(target):
        from trucewatch.store.postgres import PostgresStore

        return PostgresStore(target, read_only=read_only)
    return DuckDBStore(target, read_only=read_only)


__all__ = ["POSTGRES_SCHEMES", "is_postgres_target", "open_store_target"]
