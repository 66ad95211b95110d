"""The only module that knows the stage order: ingest -> extract -> read -> fuse -> assess.

Stages take model objects and return model objects; this module feeds one into the next
and hands the results to a Store. Heavy parts (the knowledge base, the spaCy reader) load
on first use, once, and are held by the Pipeline object, never by a module global.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from trucewatch.config import Settings
from trucewatch.errors import InputError, TrucewatchError
from trucewatch.model import (
    Article,
    Document,
    EventReport,
    Incident,
    KnowledgeBase,
    Reading,
    RunReport,
    Skipped,
    Verdict,
)
from trucewatch.model.record import report_record
from trucewatch.store.base import ArticleSource, Store

Progress = Callable[[int], None]

ARTICLE_BATCH = 200  # articles per store write; Arrow batches make this cheap
PARALLEL_READ_MIN = 32  # articles before read_stored forks workers (2 chunks of 16 each)


@dataclass
class RunSummary:
    """What `trucewatch run` did, stage by stage."""

    ingest: RunReport
    read_articles: int = 0
    events: int = 0
    incidents: int = 0
    verdicts: dict[str, dict[str, int]] = field(default_factory=dict)  # agreement -> counts

    def as_dict(self) -> dict[str, Any]:
        return {
            "ingest": self.ingest.model_dump(mode="json", exclude={"article_ids"}),
            "read_articles": self.read_articles,
            "events": self.events,
            "incidents": self.incidents,
            "verdicts": self.verdicts,
        }


class Pipeline:
    """Wires the stages for one settings object (and, for stored runs, one store)."""

    def __init__(
        self,
        settings: Settings,
        store: Store | None = None,
        *,
        kb: KnowledgeBase | None = None,
        reader: Any = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self._kb = kb
        self._reader = reader

    # ---- heavy parts, loaded on first use -------------------------------------------------

    def knowledge_base(self) -> KnowledgeBase:
        if self._kb is None:
            from trucewatch.resolve import load_kb

            self._kb = load_kb(self.settings.kb_overlay_dir or None)
        return self._kb

    def reader(self) -> Any:
        if self._reader is None:
            from trucewatch.nlp import load_reader

            self._reader = load_reader(self.knowledge_base())
        return self._reader

    # ---- single documents -----------------------------------------------------------------

    def documents(
        self,
        sources: Sequence[str],
        *,
        published: dt.date | None = None,
        source_name: str | None = None,
        stdin: BinaryIO | None = None,
    ) -> Iterator[Document | Skipped]:
        from trucewatch.ingest import read_sources

        return read_sources(
            sources, self.settings, published=published, source_name=source_name, stdin=stdin
        )

    def article(self, document: Document) -> Article | Skipped:
        from trucewatch.extract import extract_article

        return extract_article(document, self.settings)

    def read(self, article: Article) -> Reading:
        return self.reader().read(article)

    def verdicts(
        self, events: Sequence[EventReport], reading: Reading, agreement: Any
    ) -> list[Verdict]:
        from trucewatch.assess import assess_event

        return [
            assess_event(
                event,
                agreement,
                self.knowledge_base(),
                report_designations=reading.designations,
                event_index=i,
            )
            for i, event in enumerate(events)
        ]

    def record(
        self, document: Document, *, agreement: Any = None, read: bool = True
    ) -> dict[str, Any]:
        """The interchange record of one document; a rejected document raises InputError."""
        (result,) = self.records([document], agreement=agreement, read=read)
        if isinstance(result, TrucewatchError):
            raise result
        return result

    def records(
        self, documents: Sequence[Document], *, agreement: Any = None, read: bool = True
    ) -> list[dict[str, Any] | TrucewatchError]:
        """The records of many documents, in order; a rejected document gives its error in
        its place. Their articles are read together, so spaCy batches their sentences
        (one article at a time made `extract --batch` ~10% slower per report)."""
        articles: list[Article | TrucewatchError] = []
        for document in documents:
            try:
                article = self.article(document)
            except TrucewatchError as error:
                articles.append(error)
                continue
            if isinstance(article, Skipped):
                detail = f": {article.detail}" if article.detail else ""
                reason = f"{document.source_id}: skipped ({article.reason}){detail}"
                articles.append(InputError(reason))
            else:
                articles.append(article)
        readable = [a for a in articles if isinstance(a, Article)]
        readings = iter(self.reader().read_many(readable) if read and readable else ())
        out: list[dict[str, Any] | TrucewatchError] = []
        for item in articles:
            if isinstance(item, TrucewatchError):
                out.append(item)
                continue
            reading = next(readings) if read else Reading()
            verdicts = (
                self.verdicts(reading.events, reading, agreement) if agreement is not None else None
            )
            out.append(report_record(item, reading, verdicts))
        return out

    # ---- stored runs ----------------------------------------------------------------------

    def _require_store(self) -> Store:
        if self.store is None:
            raise InputError("this command needs a store (--db)")
        return self.store

    def ingest(
        self,
        sources: Sequence[str] | None = None,
        *,
        documents: Iterable[Document | Skipped] | None = None,
        published: dt.date | None = None,
        source_name: str | None = None,
        stdin: BinaryIO | None = None,
        progress: Progress | None = None,
        command: str = "ingest",
    ) -> RunReport:
        """Read sources, extract articles, store each exactly once; count what happened."""
        store = self._require_store()
        report = RunReport(
            run_id=uuid.uuid4().hex, command=command, started=dt.datetime.now(dt.UTC)
        )
        if documents is None:
            documents = self.documents(
                sources or [], published=published, source_name=source_name, stdin=stdin
            )
        batch: list[Article] = []
        links: list[ArticleSource] = []

        def flush() -> None:
            stored, duplicates = store.put_articles(batch, links)
            report.stored += len(stored)
            report.duplicates += len(duplicates)
            report.article_ids.extend(stored)
            batch.clear()
            links.clear()

        for item in documents:
            report.read += 1
            if isinstance(item, Skipped):
                report.skip(item.reason)
            else:
                article = self.article(item)
                if isinstance(article, Skipped):
                    report.skip(article.reason)
                else:
                    batch.append(article)
                    links.append(
                        ArticleSource(
                            article_id=article.id,
                            source_id=item.source_id,
                            outlet=article.source,
                            url=article.url,
                        )
                    )
                    if len(batch) >= ARTICLE_BATCH:
                        flush()
            if progress:
                progress(1)
        flush()
        report.finished = dt.datetime.now(dt.UTC)
        store.record_run(report)
        return report

    def read_stored(self, progress: Progress | None = None) -> int:
        """Read every stored article not yet read by the current extractor version."""
        store = self._require_store()
        reader = self.reader()
        ids = store.unread_article_ids(getattr(reader, "version", "trucewatch.nlp"))
        order: deque[str] = deque()

        def articles() -> Iterator[Article]:
            for article_id in ids:
                article = store.get_article(article_id)
                if article is not None:
                    order.append(article.id)
                    yield article

        pending: list[tuple[str, Reading]] = []
        done = 0
        # Forking readers pays off once there are a few chunks of articles to share out.
        workers = self.settings.batch_workers if len(ids) >= PARALLEL_READ_MIN else 1
        for reading in reader.read_many(articles(), n_process=workers):
            pending.append((order.popleft(), reading))
            done += 1
            if progress:
                progress(1)
            if len(pending) >= ARTICLE_BATCH:
                store.put_readings(pending)
                pending.clear()
        store.put_readings(pending)
        return done

    def _actor_parents(self, reported: Sequence[Any]) -> dict[str, str]:
        """Actor id -> parent id for every actor named in the events (a unit and its army
        are one attribution, not two competing ones)."""
        kb = self.knowledge_base()
        parents: dict[str, str] = {}
        pending = {
            ref.id
            for r in reported
            for ref in (r.event.actor1, r.event.actor2)
            if ref is not None and ref.id
        }
        while pending:
            actor_id = pending.pop()
            actor = kb.actor(actor_id)
            if actor is not None and actor.parent and actor_id not in parents:
                parents[actor_id] = actor.parent
                pending.add(actor.parent)
        return parents

    def fuse_and_assess(self, agreements: Sequence[Any] = ()) -> list[Incident]:
        """Fuse all stored events into incidents (replaying analyst decisions) and assess."""
        from trucewatch.assess import assess_incident
        from trucewatch.fuse import fingerprint, fuse_events
        from trucewatch.model.incident import EventKey, ReportedEvent

        store = self._require_store()
        events = list(store.iter_events())
        # Fingerprints are computed once per article and kept, not re-read on every run.
        article_ids = sorted({e.article_id for e in events})
        fingerprints = store.fingerprints(article_ids)
        new = {}
        for article_id in article_ids:
            if article_id not in fingerprints:
                article = store.get_article(article_id)
                new[article_id] = fingerprint(article.text if article else "")
        store.put_fingerprints(new)
        fingerprints.update(new)
        reported = []
        for stored in events:
            reported.append(
                ReportedEvent(
                    key=EventKey(article_id=stored.article_id, index=stored.event.index or 0),
                    event=stored.event,
                    source_id=stored.source_id,
                    outlet=stored.outlet,
                    credits=stored.credits,
                    published=stored.published,
                    text_fingerprint=fingerprints[stored.article_id],
                )
            )
        quotes: dict[str, list] = {}
        for quote in store.list_quotes():
            quotes.setdefault(quote.article_id or "", []).append(quote)
        designations: dict[str, list] = {}
        for designation in store.list_designations():
            designations.setdefault(designation.article_id or "", []).append(designation)
        previous = list(store.iter_incidents())
        incidents = fuse_events(
            reported,
            previous=previous,
            decisions=store.list_decisions(),
            quotes=quotes,
            designations=designations,
            parents=self._actor_parents(reported),
        )
        if agreements:
            kb = self.knowledge_base()
            assessed = []
            for incident in incidents:
                member_articles = {m.key.article_id for m in incident.members}
                report_designations = [d for a in member_articles for d in designations.get(a, [])]
                verdicts = tuple(
                    assess_incident(incident, agreement, kb, report_designations)
                    for agreement in agreements
                )
                assessed.append(incident.model_copy(update={"verdicts": verdicts}))
            incidents = assessed
        store.put_incidents(incidents)
        return incidents

    def ingest_and_process(
        self, documents: Sequence[Document], agreements: Sequence[Any] = (), command: str = "api"
    ) -> RunReport:
        """Posted reports through every stage: store, read, then re-fuse and re-assess."""
        report = self.ingest(documents=documents, command=command)
        self.read_stored()
        self.fuse_and_assess(agreements)
        return report

    def run(
        self,
        sources: Sequence[str],
        *,
        agreements: Sequence[Any] = (),
        published: dt.date | None = None,
        source_name: str | None = None,
        progress: Progress | None = None,
    ) -> RunSummary:
        """ingest -> read -> fuse -> assess over the store, in one go."""
        report = self.ingest(
            sources,
            published=published,
            source_name=source_name,
            progress=progress,
            command="run",
        )
        summary = RunSummary(ingest=report)
        summary.read_articles = self.read_stored()
        incidents = self.fuse_and_assess(agreements)
        summary.events = sum(len(i.members) for i in incidents)
        summary.incidents = len(incidents)
        for incident in incidents:
            for verdict in incident.verdicts:
                counts = summary.verdicts.setdefault(verdict.agreement, {})
                counts[verdict.verdict] = counts.get(verdict.verdict, 0) + 1
        return summary


__all__ = ["Pipeline", "RunSummary"]
