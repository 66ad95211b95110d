"""Reads shared by every SQL backend: articles and incidents, one filter, one order.

The backends differ only in their parameter mark (`?` for DuckDB, `%s` for psycopg) and in
how a case-blind actor name is stored, so the read semantics cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Self

from trucewatch.model import Article, Designation, EventReport, Incident, Quote
from trucewatch.store.base import (
    ArticleSource,
    IncidentFilter,
    IncidentRow,
    Page,
    StoredEvent,
)
from trucewatch.store.cursor import decode_cursor, encode_cursor

PAGE_FOR_ITERATION = 500
ARTICLE_FIELDS = (
    "id",
    "source_id",
    "title",
    "source",
    "url",
    "published",
    "published_from",
    "credits",
    "author",
    "language",
    "text",
    "extractor",
)
ARTICLE_COLS = ", ".join(ARTICLE_FIELDS)


class Closing:
    """Mixin: close the backend's one connection under its lock; usable as a context."""

    _lock: Any
    _con: Any

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ArticleReads:
    """Mixin: a backend sets `_mark` and provides `_query`."""

    _mark = "?"

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    @staticmethod
    def _article(row: tuple[Any, ...]) -> Article:
        data = dict(zip(ARTICLE_FIELDS, row, strict=True))
        data["credits"] = tuple(data["credits"] or ())
        return Article(**{k: v for k, v in data.items() if v is not None or k == "published"})

    def get_article(self, article_id: str) -> Article | None:
        """By full id, or by a unique prefix (what the CLI prints is shortened)."""
        m = self._mark
        rows = self._query(f"SELECT {ARTICLE_COLS} FROM articles WHERE id = {m}", [article_id])
        if not rows and all(c in "0123456789abcdef" for c in article_id):
            rows = self._query(
                f"SELECT {ARTICLE_COLS} FROM articles WHERE id LIKE {m} LIMIT 2",
                [article_id + "%"],
            )
            if len(rows) != 1:
                return None
        return self._article(rows[0]) if rows else None

    def list_articles(self, limit: int = 100, offset: int = 0) -> list[Article]:
        m = self._mark
        rows = self._query(
            f"SELECT {ARTICLE_COLS} FROM articles ORDER BY seq LIMIT {m} OFFSET {m}",
            [limit, offset],
        )
        return [self._article(r) for r in rows]

    def iter_articles(self) -> Iterator[Article]:
        offset = 0
        while True:
            batch = self.list_articles(limit=PAGE_FOR_ITERATION, offset=offset)
            if not batch:
                return
            yield from batch
            offset += len(batch)

    def count_articles(self) -> int:
        return int(self._query("SELECT count(*) FROM articles")[0][0])

    def article_sources(self, article_id: str) -> list[ArticleSource]:
        rows = self._query(
            "SELECT article_id, source_id, outlet, url FROM article_sources "
            f"WHERE article_id = {self._mark} ORDER BY source_id",
            [article_id],
        )
        return [ArticleSource(article_id=r[0], source_id=r[1], outlet=r[2], url=r[3]) for r in rows]


class ReadingReads:
    """Mixin: events, quotes and designations as stored per article. A backend sets `_mark`
    and `_any_article` (its SQL for "article_id is in this list parameter")."""

    _mark = "?"
    _any_article = "list_contains(?, article_id)"

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def unread_article_ids(self, extractor: str) -> list[str]:
        rows = self._query(
            "SELECT a.id FROM articles a LEFT JOIN readings r ON r.article_id = a.id "
            f"WHERE r.article_id IS NULL OR r.extractor <> {self._mark} ORDER BY a.seq",
            [extractor],
        )
        return [r[0] for r in rows]

    def iter_events(self) -> Iterator[StoredEvent]:
        rows = self._query(
            "SELECT e.article_id, e.idx, e.body, a.source_id, a.source, a.published, a.credits "
            "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.seq, e.idx"
        )
        for article_id, idx, body, source_id, outlet, published, credits in rows:
            event = EventReport.model_validate_json(body)
            if event.index is None or event.article_id is None:
                event = event.model_copy(update={"index": idx, "article_id": article_id})
            yield StoredEvent(
                event=event,
                article_id=article_id,
                source_id=source_id,
                outlet=outlet,
                published=published,
                credits=tuple(credits or ()),
            )

    def count_events(self) -> int:
        return int(self._query("SELECT count(*) FROM events")[0][0])

    def fingerprints(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Stored text fingerprints of these articles (fusion's near-duplicate test)."""
        if not article_ids:
            return {}
        rows = self._query(
            f"SELECT article_id, fingerprint FROM fingerprints WHERE {self._any_article}",
            [list(article_ids)],
        )
        return {r[0]: r[1] for r in rows}

    def _bodies(self, table: str, article_ids: Sequence[str] | None) -> list[tuple[Any, ...]]:
        if article_ids is None:
            return self._query(f"SELECT body, article_id FROM {table} ORDER BY article_id, idx")
        return self._query(
            f"SELECT body, article_id FROM {table} WHERE {self._any_article} "
            "ORDER BY article_id, idx",
            [list(article_ids)],
        )

    def list_quotes(self, article_ids: Sequence[str] | None = None) -> list[Quote]:
        return [
            Quote.model_validate_json(b).model_copy(update={"article_id": a})
            for b, a in self._bodies("quotes", article_ids)
        ]

    def list_designations(self, article_ids: Sequence[str] | None = None) -> list[Designation]:
        return [
            Designation.model_validate_json(b).model_copy(update={"article_id": a})
            for b, a in self._bodies("designations", article_ids)
        ]


class IncidentReads:
    """Mixin: a backend sets `_mark` and `_actor_name_columns` and provides `_query`."""

    _mark = "?"
    # Columns that hold each side's actor name already lower-cased (or an SQL expression).
    _actor_name_columns: tuple[str, str] = ("lower(actor1_name)", "lower(actor2_name)")

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _incident_where(self, flt: IncidentFilter | None) -> tuple[str, list[Any]]:
        m = self._mark
        clauses: list[str] = []
        params: list[Any] = []
        if flt is None:
            return "", params
        if flt.agreement or flt.verdict:
            sub = "SELECT incident_id FROM incident_verdicts WHERE true"
            if flt.agreement:
                sub += f" AND agreement = {m}"
                params.append(flt.agreement)
            if flt.verdict:
                sub += f" AND verdict = {m}"
                params.append(flt.verdict)
            clauses.append(f"id IN ({sub})")
        if flt.actor:
            name1, name2 = self._actor_name_columns
            clauses.append(
                f"(actor1_id = {m} OR actor2_id = {m} OR {name1} = {m} OR {name2} = {m})"
            )
            params += [flt.actor, flt.actor, flt.actor.lower(), flt.actor.lower()]
        if flt.grade:
            clauses.append(f"grade = {m}")
            params.append(flt.grade)
        if flt.country:
            clauses.append(f"upper(country) = upper({m})")
            params.append(flt.country)
        if flt.since:
            clauses.append(f"coalesce(date_end, date_start) >= {m}")
            params.append(flt.since)
        if flt.until:
            clauses.append(f"date_start <= {m}")
            params.append(flt.until)
        if flt.bbox:
            min_lon, min_lat, max_lon, max_lat = flt.bbox
            clauses.append(f"lon BETWEEN {m} AND {m} AND lat BETWEEN {m} AND {m}")
            params += [min_lon, max_lon, min_lat, max_lat]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def list_incidents(
        self, flt: IncidentFilter | None = None, cursor: str | None = None, limit: int = 100
    ) -> Page:
        """Newest first, ties by id; `next` is an opaque cursor or None on the last page."""
        offset = decode_cursor(cursor)
        where, params = self._incident_where(flt)
        m = self._mark
        rows = self._query(
            f"SELECT body FROM incidents{where} "
            f"ORDER BY date_start DESC NULLS LAST, id LIMIT {m} OFFSET {m}",
            [*params, limit + 1, offset],
        )
        items = [Incident.model_validate_json(r[0]) for r in rows[:limit]]
        nxt = encode_cursor(offset + limit) if len(rows) > limit else None
        return Page(items=items, next=nxt)

    def iter_incidents(self, flt: IncidentFilter | None = None) -> Iterator[Incident]:
        cursor: str | None = None
        while True:
            page = self.list_incidents(flt, cursor=cursor, limit=PAGE_FOR_ITERATION)
            yield from page.items
            if page.next is None:
                return
            cursor = page.next

    def incident_rows(self, flt: IncidentFilter | None = None) -> list[IncidentRow]:
        """Every matching incident as a light row (newest first): two column queries, so
        counts and maps over 10k incidents never parse 10k JSON bodies."""
        where, params = self._incident_where(flt)
        rows = self._query(
            "SELECT id, date_start, sub_event_type, location_name, lat, lon, actor1_name "
            f"FROM incidents{where} ORDER BY date_start DESC NULLS LAST, id",
            params,
        )
        verdicts: dict[str, list[tuple[str, str, str | None]]] = {}
        for incident_id, agreement, verdict, party in self._query(
            "SELECT incident_id, agreement, verdict, party FROM incident_verdicts "
            f"WHERE incident_id IN (SELECT id FROM incidents{where})",
            params,
        ):
            verdicts.setdefault(incident_id, []).append((agreement, verdict, party))
        return [
            IncidentRow(
                id=r[0],
                date_start=r[1],
                sub_event_type=r[2] or "",
                location_name=r[3],
                lat=r[4],
                lon=r[5],
                actor1_name=r[6],
                verdicts=tuple(verdicts.get(r[0], ())),
            )
            for r in rows
        ]

    def get_incident(self, incident_id: str) -> Incident | None:
        rows = self._query(f"SELECT body FROM incidents WHERE id = {self._mark}", [incident_id])
        return Incident.model_validate_json(rows[0][0]) if rows else None

    def count_incidents(self, flt: IncidentFilter | None = None) -> int:
        where, params = self._incident_where(flt)
        return int(self._query(f"SELECT count(*) FROM incidents{where}", params)[0][0])


__all__ = [
    "ARTICLE_COLS",
    "ARTICLE_FIELDS",
    "ArticleReads",
    "Closing",
    "IncidentReads",
    "ReadingReads",
]
