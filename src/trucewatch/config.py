"""Every setting, declared once: name, default, unit in the name, help.

Settings are loaded at the edge (CLI flags, environment `TRUCEWATCH_<NAME>`) into a frozen
`Settings` object and passed down; no module reads configuration at import time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

from trucewatch.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db_path", "trucewatch.duckdb", "DuckDB file the embedded store writes to."),
    Setting("max_document_bytes", 5_000_000, "Largest document read; bigger ones are skipped."),
    Setting("max_document_seconds", 20.0, "Longest time spent extracting one document."),
    Setting("max_nesting_depth", 2_000, "Deepest HTML element nesting accepted."),
    Setting("fetch_enabled", False, "Allow fetching URLs (opt-in: --fetch)."),
    Setting("fetch_timeout_seconds", 15.0, "Total time allowed for one URL fetch."),
    Setting("fetch_max_bytes", 5_000_000, "Largest response body read from a URL."),
    Setting("fetch_max_redirects", 5, "Redirect hops followed for one URL."),
    Setting("batch_workers", 2, "Worker processes for extract --batch (the machine's cores)."),
    Setting("batch_chunk_lines", 64, "Lines a batch worker takes at a time."),
    Setting(
        "spark_master",
        "local[2,3]",
        "Spark master for --runner spark (local[N,retries] or a cluster URL).",
    ),
    Setting("kb_overlay_dir", "", "Directory of the user's own knowledge-base YAML files."),
    Setting("api_max_body_bytes", 10_000_000, "Largest request body the API accepts."),
    Setting("api_max_page_size", 500, "Largest page the API returns."),
    Setting("api_query_seconds", 10.0, "Longest time the API spends on one query."),
    Setting("api_rate_per_minute", 600, "Requests one client may make per minute."),
    Setting("map_tile_url", "", "Optional tile layer URL for the dashboard map (empty: offline)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    db_path: str = "trucewatch.duckdb"
    max_document_bytes: int = 5_000_000
    max_document_seconds: float = 20.0
    max_nesting_depth: int = 2_000
    fetch_enabled: bool = False
    fetch_timeout_seconds: float = 15.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    batch_workers: int = 2
    batch_chunk_lines: int = 64
    spark_master: str = "local[2,3]"
    kb_overlay_dir: str = ""
    api_max_body_bytes: int = 10_000_000
    api_max_page_size: int = 500
    api_query_seconds: float = 10.0
    api_rate_per_minute: int = 600
    map_tile_url: str = ""

    def with_overrides(self, **overrides: Any) -> Settings:
        """Return a copy with the given non-None values applied."""
        clean = {k: v for k, v in overrides.items() if v is not None}
        unknown = sorted(set(clean) - set(_BY_NAME))
        if unknown:
            raise ConfigError(
                f"unknown setting {unknown[0]!r}; valid: {', '.join(sorted(_BY_NAME))}"
            )
        return replace(self, **clean)


def _coerce(name: str, raw: str, kind: type) -> Any:
    try:
        if kind is bool:
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        return kind(raw)
    except ValueError:
        raise ConfigError(
            f"setting TRUCEWATCH_{name.upper()}={raw!r} is not a valid {kind.__name__}"
        ) from None


def load_settings(environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Settings from defaults, then `TRUCEWATCH_*` environment variables, then overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for f in fields(Settings):
        key = f"TRUCEWATCH_{f.name.upper()}"
        if key in env:
            values[f.name] = _coerce(f.name, env[key], type(_BY_NAME[f.name].default))
    return Settings().with_overrides(**values).with_overrides(**overrides)


__all__ = ["SETTINGS", "Setting", "Settings", "load_settings"]
