"""The Store protocol: what the pipeline and the faces need from a database.

`DuckDBStore` (embedded, the default) implements it; a PostgreSQL backend implements the
same methods. Writes are batched; every write is idempotent (articles are keyed by the hash
of their normalised text, readings and incidents are replaced whole).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from trucewatch.model import (
    Article,
    Decision,
    Designation,
    EventReport,
    Incident,
    Quote,
    Reading,
    RunReport,
)


class ArticleSource(BaseModel):
    """One way an article was ingested: the same text may arrive from several sources."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    source_id: str
    outlet: str | None = None
    url: str | None = None


class StoredEvent(BaseModel):
    """An event with the article facts the faces show beside it."""

    model_config = ConfigDict(frozen=True)

    event: EventReport
    article_id: str
    source_id: str
    outlet: str | None = None
    published: dt.date | None = None
    credits: tuple[str, ...] = ()


class IncidentFilter(BaseModel):
    """Filters shared by the CLI, the API and the dashboard."""

    model_config = ConfigDict(frozen=True)

    agreement: str | None = None
    verdict: str | None = None
    actor: str | None = None  # actor id or name, either side
    grade: str | None = None
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat


class IncidentRow(BaseModel):
    """The columns a map, a timeline or a count needs, read without parsing whole incidents."""

    model_config = ConfigDict(frozen=True)

    id: str
    date_start: dt.date | None = None
    sub_event_type: str = ""
    location_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    actor1_name: str | None = None
    verdicts: tuple[tuple[str, str, str | None], ...] = ()  # (agreement, verdict, party)


class Page(BaseModel):
    items: list
    next: str | None = None


@runtime_checkable
class Store(Protocol):
    # runs
    def record_run(self, report: RunReport) -> None: ...
    def list_runs(self, limit: int = 20) -> list[RunReport]: ...

    # articles
    def put_articles(
        self, articles: Sequence[Article], sources: Sequence[ArticleSource]
    ) -> tuple[list[str], list[str]]:
        """Store new articles; return (stored ids, duplicate ids). Sources are always linked."""
        ...

    def get_article(self, article_id: str) -> Article | None: ...
    def list_articles(self, limit: int = 100, offset: int = 0) -> list[Article]: ...
    def count_articles(self) -> int: ...
    def article_sources(self, article_id: str) -> list[ArticleSource]: ...
    def iter_articles(self) -> Iterator[Article]: ...

    # readings
    def put_readings(self, readings: Sequence[tuple[str, Reading]]) -> None:
        """Replace what was read from each article (article_id, reading)."""
        ...

    def unread_article_ids(self, extractor: str) -> list[str]: ...
    def iter_events(self) -> Iterator[StoredEvent]: ...
    def list_quotes(self, article_ids: Sequence[str] | None = None) -> list[Quote]: ...
    def list_designations(self, article_ids: Sequence[str] | None = None) -> list[Designation]: ...

    # incidents
    def put_incidents(self, incidents: Sequence[Incident]) -> None:
        """Replace the stored incidents with these (the fusion result of a run)."""
        ...

    def list_incidents(
        self, flt: IncidentFilter | None = None, cursor: str | None = None, limit: int = 100
    ) -> Page: ...
    def iter_incidents(self, flt: IncidentFilter | None = None) -> Iterator[Incident]: ...
    def get_incident(self, incident_id: str) -> Incident | None: ...
    def count_incidents(self, flt: IncidentFilter | None = None) -> int: ...
    def count_events(self) -> int: ...
    def fingerprints(self, article_ids: Sequence[str]) -> dict[str, str]: ...
    def put_fingerprints(self, fingerprints: dict[str, str]) -> None: ...
    def incident_rows(self, flt: IncidentFilter | None = None) -> list[IncidentRow]: ...
    def table_counts(self) -> dict[str, int]: ...

    # analyst decisions (merge/split) replayed by fusion
    def put_decision(self, decision: Decision) -> None: ...
    def list_decisions(self) -> list[Decision]: ...

    # API tokens, stored hashed
    def create_token(self, name: str, scope: str) -> str: ...
    def revoke_token(self, name: str) -> bool: ...
    def token_scope(self, token: str) -> str | None: ...

    # agreements posted through the API (YAML text, validated by the caller)
    def put_agreement_text(self, agreement_id: str, yaml_text: str) -> None: ...
    def list_agreement_texts(self) -> dict[str, str]: ...

    def close(self) -> None: ...


__all__ = ["ArticleSource", "IncidentFilter", "IncidentRow", "Page", "Store", "StoredEvent"]
