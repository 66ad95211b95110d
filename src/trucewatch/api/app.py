"""The server: `create_app(settings, store)` builds the REST API under /api and mounts the
dashboard at /. All state lives on `app.state` (settings, store, catalogue, rate buckets)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from trucewatch.api import errors
from trucewatch.api.limits import LimitsMiddleware, TokenBucket
from trucewatch.api.routes import build_router
from trucewatch.api.writes import build_write_router
from trucewatch.config import Settings
from trucewatch.model import Document, KnowledgeBase
from trucewatch.store.base import Store
from trucewatch.web import STATIC_DIR, Catalogue, make_templates
from trucewatch.web import build_router as build_pages

ProcessReports = Callable[[Sequence[Document]], dict[str, Any]]


class PipelineRunner:
    """Runs posted reports through `trucewatch.pipeline`, one batch at a time (the store
    has one writer); the pipeline and its models load on the first post."""

    def __init__(self, settings: Settings, store: Store, catalogue: Catalogue) -> None:
        self.settings = settings
        self.store = store
        self.catalogue = catalogue
        self._pipeline: Any = None
        self._lock = threading.Lock()

    def __call__(self, documents: Sequence[Document]) -> dict[str, Any]:
        from trucewatch.pipeline import Pipeline

        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(
                    self.settings, store=self.store, kb=self.catalogue.knowledge_base()
                )
            pipeline = self._pipeline
            agreements = [a for a, _ in self.catalogue.agreements().values()]
            report = pipeline.ingest_and_process(list(documents), agreements)
            return {
                "run_id": report.run_id,
                "read": report.read,
                "stored": report.stored,
                "duplicates": report.duplicates,
                "skipped": dict(report.skipped),
                "article_ids": list(report.article_ids),
                "incidents": self.store.count_incidents(),
            }


def create_app(
    settings: Settings,
    store: Store,
    *,
    kb: KnowledgeBase | None = None,
    process_reports: ProcessReports | None = None,
) -> FastAPI:
    """The API and the dashboard over one store. `kb` defaults to the shipped knowledge
    base (loaded on first use); `process_reports` to the full pipeline."""
    app = FastAPI(
        title="TruceWatch",
        version="1",
        description=(
            "Ceasefire monitoring from open-source reporting. Reads need no token; writes "
            "need a bearer token with the write scope. Every error has the shape "
            '{"error": {"code", "message", "detail"}}.'
        ),
    )
    catalogue = Catalogue(settings=settings, store=store, kb=kb)
    app.state.settings = settings
    app.state.store = store
    app.state.catalogue = catalogue
    app.state.rate = TokenBucket(settings.api_rate_per_minute)
    app.state.process_reports = process_reports or PipelineRunner(settings, store, catalogue)
    errors.install(app)
    app.add_middleware(
        LimitsMiddleware, max_body_bytes=settings.api_max_body_bytes, bucket=app.state.rate
    )
    app.include_router(build_router(settings))
    app.include_router(build_write_router())
    app.include_router(build_pages(make_templates()))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


__all__ = ["PipelineRunner", "create_app"]
