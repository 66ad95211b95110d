"""Storage: the Store protocol and its backends (DuckDB embedded; PostgreSQL server)."""

from trucewatch.store.base import ArticleSource, IncidentFilter, Page, Store, StoredEvent
from trucewatch.store.duckdb import DuckDBStore

__all__ = ["ArticleSource", "DuckDBStore", "IncidentFilter", "Page", "Store", "StoredEvent"]
