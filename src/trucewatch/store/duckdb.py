"""The embedded store: one DuckDB file, batched writes, idempotent by content hash.

DuckDB allows one writer process per file (field notes), so one process owns the store:
the CLI for a run, or the API server while it is up. Calls are serialised with a lock so
the API's worker threads can share the connection.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from trucewatch.errors import StoreError
from trucewatch.model import (
    Article,
    Decision,
    Incident,
    Reading,
    RunReport,
)
from trucewatch.store.base import ArticleSource
from trucewatch.store.reads import ArticleReads, Closing, IncidentReads, ReadingReads

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR PRIMARY KEY, command VARCHAR, started TIMESTAMP, finished TIMESTAMP,
  read INTEGER, stored INTEGER, duplicates INTEGER, skipped VARCHAR, article_ids VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
  id VARCHAR PRIMARY KEY, source_id VARCHAR, title VARCHAR, source VARCHAR, url VARCHAR,
  published DATE, published_from VARCHAR, credits VARCHAR[], author VARCHAR,
  language VARCHAR, text VARCHAR, extractor VARCHAR, seq BIGINT);
CREATE TABLE IF NOT EXISTS article_sources (
  article_id VARCHAR, source_id VARCHAR, outlet VARCHAR, url VARCHAR,
  PRIMARY KEY (article_id, source_id));
CREATE TABLE IF NOT EXISTS readings (article_id VARCHAR PRIMARY KEY, extractor VARCHAR);
CREATE TABLE IF NOT EXISTS events (
  article_id VARCHAR, idx INTEGER, event_type VARCHAR, sub_event_type VARCHAR,
  event_date DATE, country VARCHAR, body VARCHAR, PRIMARY KEY (article_id, idx));
CREATE TABLE IF NOT EXISTS quotes (
  article_id VARCHAR, idx INTEGER, speaker VARCHAR, body VARCHAR, PRIMARY KEY (article_id, idx));
CREATE TABLE IF NOT EXISTS designations (
  article_id VARCHAR, idx INTEGER, body VARCHAR, PRIMARY KEY (article_id, idx));
CREATE TABLE IF NOT EXISTS incidents (
  id VARCHAR PRIMARY KEY, date_start DATE, date_end DATE, event_type VARCHAR,
  sub_event_type VARCHAR, grade VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE,
  lon DOUBLE, actor1_id VARCHAR, actor1_name VARCHAR, actor2_id VARCHAR,
  actor2_name VARCHAR, body VARCHAR);
CREATE TABLE IF NOT EXISTS incident_verdicts (
  incident_id VARCHAR, agreement VARCHAR, verdict VARCHAR, party VARCHAR, alleged BOOLEAN);
CREATE TABLE IF NOT EXISTS decisions (seq BIGINT, body VARCHAR);
CREATE TABLE IF NOT EXISTS tokens (
  name VARCHAR PRIMARY KEY, token_hash VARCHAR, scope VARCHAR, created TIMESTAMP);
CREATE TABLE IF NOT EXISTS agreements (id VARCHAR PRIMARY KEY, yaml_text VARCHAR);
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS location_name VARCHAR;
CREATE TABLE IF NOT EXISTS fingerprints (article_id VARCHAR PRIMARY KEY, fingerprint VARCHAR);
"""


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _naive_utc(moment: dt.datetime | None) -> dt.datetime | None:
    """TIMESTAMP columns hold naive UTC; an aware time is converted, never shifted locally."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


class DuckDBStore(Closing, ArticleReads, ReadingReads, IncidentReads):
    """The default store. `path` ':memory:' gives a throwaway database for tests."""

    def __init__(self, path: str | Path = "trucewatch.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as error:
            first = str(error).splitlines()[0]
            raise StoreError(
                f"cannot open store {self.path}: {first} "
                "(is another trucewatch process, e.g. `trucewatch serve`, holding it?)"
            ) from None
        if not read_only:
            with self._lock:
                self._con.execute(_SCHEMA)
                self._con.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
                )

    # ---- plumbing -------------------------------------------------------------------------

    def _insert(self, table: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
        """Batch insert through Arrow (row-at-a-time inserts are ~100x slower)."""
        if not rows:
            return
        arrow = pa.Table.from_pylist(rows, schema=schema)
        self._con.register("_batch", arrow)
        try:
            cols = ", ".join(schema.names)
            self._con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch")
        finally:
            self._con.unregister("_batch")

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._con.execute(sql, list(params)).fetchall()

    # ---- runs -----------------------------------------------------------------------------

    def record_run(self, report: RunReport) -> None:
        with self._lock:
            self._con.execute(
                "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    report.run_id,
                    report.command,
                    _naive_utc(report.started),
                    _naive_utc(report.finished),
                    report.read,
                    report.stored,
                    report.duplicates,
                    json.dumps(report.skipped, sort_keys=True),
                    json.dumps(report.article_ids),
                ],
            )

    def list_runs(self, limit: int = 20) -> list[RunReport]:
        rows = self._query("SELECT * FROM runs ORDER BY started DESC LIMIT ?", [limit])
        return [
            RunReport(
                run_id=r[0],
                command=r[1],
                started=r[2],
                finished=r[3],
                read=r[4],
                stored=r[5],
                duplicates=r[6],
                skipped=json.loads(r[7] or "{}"),
                article_ids=json.loads(r[8] or "[]"),
            )
            for r in rows
        ]

    # ---- articles -------------------------------------------------------------------------

    _ARTICLE_SCHEMA = pa.schema(
        [
            ("id", pa.string()),
            ("source_id", pa.string()),
            ("title", pa.string()),
            ("source", pa.string()),
            ("url", pa.string()),
            ("published", pa.date32()),
            ("published_from", pa.string()),
            ("credits", pa.list_(pa.string())),
            ("author", pa.string()),
            ("language", pa.string()),
            ("text", pa.string()),
            ("extractor", pa.string()),
            ("seq", pa.int64()),
        ]
    )
    _SOURCE_SCHEMA = pa.schema(
        [
            ("article_id", pa.string()),
            ("source_id", pa.string()),
            ("outlet", pa.string()),
            ("url", pa.string()),
        ]
    )

    def put_articles(
        self, articles: Sequence[Article], sources: Sequence[ArticleSource]
    ) -> tuple[list[str], list[str]]:
        with self._lock:
            ids = [a.id for a in articles]
            existing: set[str] = set()
            if ids:
                existing = {
                    r[0]
                    for r in self._con.execute(
                        "SELECT id FROM articles WHERE list_contains(?, id)", [ids]
                    ).fetchall()
                }
            (next_seq,) = self._con.execute(
                "SELECT coalesce(max(seq), 0) + 1 FROM articles"
            ).fetchone() or (1,)
            new_rows: list[dict[str, Any]] = []
            stored: list[str] = []
            duplicates: list[str] = []
            seen: set[str] = set()
            for article in articles:
                if article.id in existing or article.id in seen:
                    duplicates.append(article.id)
                    continue
                seen.add(article.id)
                stored.append(article.id)
                row = article.model_dump(exclude={"credits"})
                row["credits"] = list(article.credits)
                row["seq"] = next_seq + len(new_rows)
                new_rows.append(row)
            source_rows = [s.model_dump() for s in sources]
            self._con.execute("BEGIN TRANSACTION")
            try:
                self._insert("articles", new_rows, self._ARTICLE_SCHEMA)
                if source_rows:
                    arrow = pa.Table.from_pylist(source_rows, schema=self._SOURCE_SCHEMA)
                    self._con.register("_src", arrow)
                    try:
                        self._con.execute(
                            "INSERT INTO article_sources SELECT DISTINCT s.* FROM _src s "
                            "WHERE NOT EXISTS (SELECT 1 FROM article_sources a "
                            "WHERE a.article_id = s.article_id AND a.source_id = s.source_id)"
                        )
                    finally:
                        self._con.unregister("_src")
                self._con.execute("COMMIT")
            except duckdb.Error as error:
                self._con.execute("ROLLBACK")
                raise StoreError(f"could not store articles: {error}") from None
            return stored, duplicates

    # ---- readings -------------------------------------------------------------------------

    _EVENT_SCHEMA = pa.schema(
        [
            ("article_id", pa.string()),
            ("idx", pa.int32()),
            ("event_type", pa.string()),
            ("sub_event_type", pa.string()),
            ("event_date", pa.date32()),
            ("country", pa.string()),
            ("body", pa.string()),
        ]
    )
    _QUOTE_SCHEMA = pa.schema(
        [
            ("article_id", pa.string()),
            ("idx", pa.int32()),
            ("speaker", pa.string()),
            ("body", pa.string()),
        ]
    )
    _DESIGNATION_SCHEMA = pa.schema(
        [("article_id", pa.string()), ("idx", pa.int32()), ("body", pa.string())]
    )
    _READING_SCHEMA = pa.schema([("article_id", pa.string()), ("extractor", pa.string())])

    def put_readings(self, readings: Sequence[tuple[str, Reading]]) -> None:
        if not readings:
            return
        ids = [article_id for article_id, _ in readings]
        events, quotes, designations, marks = [], [], [], []
        for article_id, reading in readings:
            extractor = reading.events[0].extractor if reading.events else "trucewatch.nlp"
            marks.append({"article_id": article_id, "extractor": extractor})
            for i, event in enumerate(reading.events):
                events.append(
                    {
                        "article_id": article_id,
                        "idx": i,
                        "event_type": event.event_type,
                        "sub_event_type": event.sub_event_type,
                        "event_date": event.date,
                        "country": event.location.country if event.location else None,
                        "body": event.model_dump_json(),
                    }
                )
            for i, quote in enumerate(reading.quotes):
                quotes.append(
                    {
                        "article_id": article_id,
                        "idx": i,
                        "speaker": quote.speaker,
                        "body": quote.model_dump_json(),
                    }
                )
            for i, designation in enumerate(reading.designations):
                designations.append(
                    {"article_id": article_id, "idx": i, "body": designation.model_dump_json()}
                )
        with self._lock:
            self._con.execute("BEGIN TRANSACTION")
            try:
                for table in ("events", "quotes", "designations", "readings"):
                    self._con.execute(
                        f"DELETE FROM {table} WHERE list_contains(?, article_id)", [ids]
                    )
                self._insert("events", events, self._EVENT_SCHEMA)
                self._insert("quotes", quotes, self._QUOTE_SCHEMA)
                self._insert("designations", designations, self._DESIGNATION_SCHEMA)
                self._insert("readings", marks, self._READING_SCHEMA)
                self._con.execute("COMMIT")
            except duckdb.Error as error:
                self._con.execute("ROLLBACK")
                raise StoreError(f"could not store readings: {error}") from None

    def put_fingerprints(self, fingerprints: dict[str, str]) -> None:
        """Keep each article's fingerprint once; a known article keeps its first one."""
        if not fingerprints:
            return
        with self._lock:
            self._con.executemany(
                "INSERT OR IGNORE INTO fingerprints VALUES (?, ?)", list(fingerprints.items())
            )

    # ---- incidents ------------------------------------------------------------------------

    _INCIDENT_SCHEMA = pa.schema(
        [
            ("id", pa.string()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("event_type", pa.string()),
            ("sub_event_type", pa.string()),
            ("grade", pa.string()),
            ("country", pa.string()),
            ("admin1", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("actor1_id", pa.string()),
            ("actor1_name", pa.string()),
            ("actor2_id", pa.string()),
            ("actor2_name", pa.string()),
            ("body", pa.string()),
            ("location_name", pa.string()),
        ]
    )
    _VERDICT_SCHEMA = pa.schema(
        [
            ("incident_id", pa.string()),
            ("agreement", pa.string()),
            ("verdict", pa.string()),
            ("party", pa.string()),
            ("alleged", pa.bool_()),
        ]
    )

    def put_incidents(self, incidents: Sequence[Incident]) -> None:
        rows, verdicts = [], []
        for inc in incidents:
            loc = inc.location
            rows.append(
                {
                    "id": inc.id,
                    "date_start": inc.date_start,
                    "date_end": inc.date_end,
                    "event_type": inc.event_type,
                    "sub_event_type": inc.sub_event_type,
                    "grade": inc.grade,
                    "country": loc.country if loc else None,
                    "admin1": loc.admin1 if loc else None,
                    "lat": loc.lat if loc else None,
                    "lon": loc.lon if loc else None,
                    "actor1_id": inc.actor1.id if inc.actor1 else None,
                    "actor1_name": inc.actor1.name if inc.actor1 else None,
                    "actor2_id": inc.actor2.id if inc.actor2 else None,
                    "actor2_name": inc.actor2.name if inc.actor2 else None,
                    "body": inc.model_dump_json(),
                    "location_name": loc.name if loc else None,
                }
            )
            for v in inc.verdicts:
                verdicts.append(
                    {
                        "incident_id": inc.id,
                        "agreement": v.agreement,
                        "verdict": v.verdict,
                        "party": v.party,
                        "alleged": v.alleged,
                    }
                )
        with self._lock:
            self._con.execute("BEGIN TRANSACTION")
            try:
                self._con.execute("DELETE FROM incidents")
                self._con.execute("DELETE FROM incident_verdicts")
                self._insert("incidents", rows, self._INCIDENT_SCHEMA)
                self._insert("incident_verdicts", verdicts, self._VERDICT_SCHEMA)
                self._con.execute("COMMIT")
            except duckdb.Error as error:
                self._con.execute("ROLLBACK")
                raise StoreError(f"could not store incidents: {error}") from None

    # ---- decisions ------------------------------------------------------------------------

    def put_decision(self, decision: Decision) -> None:
        if decision.created is None:
            decision = decision.model_copy(update={"created": dt.datetime.now(dt.UTC)})
        with self._lock:
            self._con.execute(
                "INSERT INTO decisions SELECT coalesce(max(seq), 0) + 1, ? FROM decisions",
                [decision.model_dump_json()],
            )

    def list_decisions(self) -> list[Decision]:
        rows = self._query("SELECT body FROM decisions ORDER BY seq")
        return [Decision.model_validate_json(r[0]) for r in rows]

    # ---- tokens ---------------------------------------------------------------------------

    def create_token(self, name: str, scope: str) -> str:
        if scope not in {"read", "write"}:
            raise StoreError(f"unknown token scope {scope!r}; valid: read, write")
        token = "tw_" + secrets.token_urlsafe(32)
        with self._lock:
            if self._con.execute("SELECT 1 FROM tokens WHERE name = ?", [name]).fetchall():
                raise StoreError(f"a token named {name!r} exists; revoke it first")
            self._con.execute(
                "INSERT INTO tokens VALUES (?, ?, ?, ?)",
                [name, _hash_token(token), scope, dt.datetime.now(dt.UTC).replace(tzinfo=None)],
            )
        return token

    def revoke_token(self, name: str) -> bool:
        with self._lock:
            found = self._con.execute("SELECT 1 FROM tokens WHERE name = ?", [name]).fetchall()
            self._con.execute("DELETE FROM tokens WHERE name = ?", [name])
        return bool(found)

    def token_scope(self, token: str) -> str | None:
        rows = self._query("SELECT scope FROM tokens WHERE token_hash = ?", [_hash_token(token)])
        return rows[0][0] if rows else None

    def list_tokens(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self._query("SELECT name, scope FROM tokens ORDER BY name")]

    # ---- agreements -----------------------------------------------------------------------

    def put_agreement_text(self, agreement_id: str, yaml_text: str) -> None:
        with self._lock:
            self._con.execute(
                "INSERT OR REPLACE INTO agreements VALUES (?, ?)", [agreement_id, yaml_text]
            )

    def list_agreement_texts(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self._query("SELECT id, yaml_text FROM agreements")}

    # ---- stats ----------------------------------------------------------------------------

    def table_counts(self) -> dict[str, int]:
        tables = ("articles", "article_sources", "events", "quotes", "designations", "incidents")
        return {t: int(self._query(f"SELECT count(*) FROM {t}")[0][0]) for t in tables}


__all__ = ["DuckDBStore"]
