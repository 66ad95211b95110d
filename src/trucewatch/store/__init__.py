"""Storage: the Store protocol and its backends (DuckDB embedded; PostgreSQL server)."""

from trucewatch.store.base import (
    ArticleSource,
    IncidentFilter,
    IncidentRow,
    Page,
    Store,
    StoredEvent,
)
from trucewatch.store.duckdb import DuckDBStore

__all__ = [
    "ArticleSource",
    "DuckDBStore",
    "IncidentFilter",
    "IncidentRow",
    "Page",
    "Store",
    "StoredEvent",
]
