"""Small helpers the CLI modules share: settings, the store, dates, output."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from trucewatch.config import Settings, load_settings
from trucewatch.errors import ConfigError
from trucewatch.store import Store
from trucewatch.store.factory import open_store_target

DB_OPTION = typer.Option(
    None,
    "--db",
    help="DuckDB file (default ./trucewatch.duckdb or TRUCEWATCH_DB_PATH), or a postgresql:// URL.",
)
JSON_OPTION = typer.Option(False, "--json", help="Print JSON for scripts.")


def settings_for(db: str | None = None, **overrides: Any) -> Settings:
    return load_settings(db_path=db, **overrides)


@contextmanager
def open_store(settings: Settings, read_only: bool = False) -> Iterator[Store]:
    """The store named by --db: a DuckDB file, or a postgresql:// URL for the server store."""
    store = open_store_target(settings.db_path, read_only=read_only)
    try:
        yield store
    finally:
        store.close()


def parse_date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{flag} {value!r} is not a date; use YYYY-MM-DD") from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def progress_counter(label: str, enabled: bool):  # type: ignore[no-untyped-def]
    """A rich progress display on stderr when it is a terminal; a no-op otherwise."""
    if not enabled or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    return Progress(
        SpinnerColumn(),
        TextColumn(label),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
