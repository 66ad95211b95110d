"""Read-only routes under /api: incidents, events, quotes, designations, actors,
agreements, stats and exports. No token is needed to read."""

import asyncio
import datetime as dt
import itertools
import tempfile
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel

from trucewatch.api.errors import ApiError, responses
from trucewatch.config import Settings
from trucewatch.export import FORMATS, write_export
from trucewatch.model import Actor, Designation, DesignationEntry, Incident, Quote
from trucewatch.model.agreement import Agreement
from trucewatch.model.verdict import VerdictKind
from trucewatch.store.base import IncidentFilter, StoredEvent
from trucewatch.web.queries import (
    Catalogue,
    actor_view,
    agreement_summary,
    stats,
    verdicts_over_time,
)

T = TypeVar("T")
GradeName = Literal["confirmed", "fair", "weak", "contested", "discounted"]
ExportFormat = Literal["csv", "acled-csv", "geojson", "parquet", "jsonl"]
READ_ERRORS = (400, 413, 422, 429, 500, 504)


class IncidentPage(BaseModel):
    items: list[Incident]
    next: str | None = None


class EventPage(BaseModel):
    items: list[StoredEvent]
    next: str | None = None


class QuotePage(BaseModel):
    items: list[Quote]
    next: str | None = None


class DesignationPage(BaseModel):
    items: list[Designation]
    next: str | None = None


class ActorOut(BaseModel):
    id: str
    actor: Actor | None
    designations: list[DesignationEntry]
    incidents: list[Incident]
    more_incidents: bool
    note: str = ""


class AgreementSummary(BaseModel):
    id: str
    name: str
    summary: str
    origin: Literal["shipped", "posted"]
    effect: str
    end: str | None
    parties: list[str]


class VerdictCount(BaseModel):
    day: str
    party: str
    verdict: str
    count: int


class AgreementOut(BaseModel):
    summary: AgreementSummary
    agreement: Agreement
    verdicts_over_time: list[VerdictCount]


class Stats(BaseModel):
    total: int
    by_verdict: dict[str, int]
    by_party: dict[str, int]
    by_week: dict[str, int]
    by_day: dict[str, int]


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """'min_lon,min_lat,max_lon,max_lat' -> a tuple, or a 400 naming the expected form."""
    if raw is None or raw == "":
        return None
    try:
        parts = tuple(float(p) for p in raw.split(","))
    except ValueError:
        parts = ()
    ok = len(parts) == 4 and all(abs(v) <= 180 for v in parts)
    if not ok or parts[0] > parts[2] or parts[1] > parts[3] or abs(parts[1]) > 90:
        raise ApiError(
            400,
            "invalid_bbox",
            f"bbox {raw!r} is not 'min_lon,min_lat,max_lon,max_lat' with min <= max "
            "(e.g. 35.5,32.0,42.5,37.5)",
        )
    return parts  # type: ignore[return-value]


def _offset(cursor: str | None) -> int:
    """Cursors of the in-memory lists: the decimal offset of the next item."""
    if not cursor:
        return 0
    # ASCII digits only: str.isdigit() also passes "¹" or "٣", which int() rejects or reads
    if not (cursor.isascii() and cursor.isdigit()):
        raise ApiError(400, "invalid_cursor", f"invalid cursor {cursor!r}: pass 'next' back as is")
    return int(cursor)


def _page(items: Iterable[T], cursor: str | None, limit: int) -> tuple[list[T], str | None]:
    start = _offset(cursor)
    window = list(itertools.islice(items, start, start + limit + 1))
    return window[:limit], (str(start + limit) if len(window) > limit else None)


def build_router(settings: Settings) -> APIRouter:
    """The read routes; the page-size maximum comes from settings so the schema states it."""
    router = APIRouter(prefix="/api", tags=["read"])
    max_page = settings.api_max_page_size
    Limit = Annotated[int, Query(ge=1, le=max_page, description=f"page size (at most {max_page})")]
    Cursor = Annotated[str | None, Query(max_length=200, description="the previous page's 'next'")]

    async def timed(request: Request, fn: Callable[[], T]) -> T:
        """Run a store call off the event loop, giving up after api_query_seconds (504)."""
        seconds = request.app.state.settings.api_query_seconds
        try:
            return await asyncio.wait_for(run_in_threadpool(fn), timeout=seconds)
        except TimeoutError:
            raise ApiError(
                504, "query_timeout", f"query took longer than {seconds} s; narrow the filters"
            ) from None

    def incident_filter(
        agreement: str | None = Query(None, max_length=200, description="agreement id"),
        verdict: VerdictKind | None = Query(None),
        party: str | None = Query(
            None, max_length=200, description="actor id or name on either side"
        ),
        actor: str | None = Query(None, max_length=200, description="same as party"),
        grade: GradeName | None = Query(None),
        country: str | None = Query(None, max_length=2, description="ISO 3166-1 alpha-2"),
        since: dt.date | None = Query(None),
        until: dt.date | None = Query(None),
        bbox: str | None = Query(
            None, max_length=200, description="min_lon,min_lat,max_lon,max_lat"
        ),
    ) -> IncidentFilter:
        return IncidentFilter(
            agreement=agreement or None,
            verdict=verdict,
            actor=party or actor or None,
            grade=grade,
            country=country or None,
            since=since,
            until=until,
            bbox=parse_bbox(bbox),
        )

    Filter = Annotated[IncidentFilter, Depends(incident_filter)]

    @router.get("/incidents", response_model=IncidentPage, responses=responses(*READ_ERRORS))
    async def list_incidents(
        request: Request, flt: Filter, cursor: Cursor = None, limit: Limit = 50
    ) -> Any:
        """Incidents, newest first, with cursor pagination: pass `next` back as `cursor`."""
        store = request.app.state.store
        page = await timed(request, lambda: store.list_incidents(flt, cursor=cursor, limit=limit))
        return IncidentPage(items=page.items, next=page.next)

    @router.get(
        "/incidents/{incident_id}",
        response_model=Incident,
        responses=responses(404, *READ_ERRORS),
    )
    async def get_incident(
        request: Request, incident_id: Annotated[str, Path(max_length=200)]
    ) -> Any:
        """One incident: its reports, evidence, figure ranges, grade, claims and verdicts."""
        store = request.app.state.store
        found = await timed(request, lambda: store.get_incident(incident_id))
        if found is None:
            raise ApiError(404, "not_found", f"no incident {incident_id!r}")
        return found

    @router.get("/events", response_model=EventPage, responses=responses(*READ_ERRORS))
    async def list_events(
        request: Request,
        event_type: str | None = Query(None, max_length=100),
        country: str | None = Query(None, max_length=2),
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> Any:
        """Event reports as read from articles (before fusion)."""
        store = request.app.state.store

        def query() -> tuple[list[StoredEvent], str | None]:
            events = (
                e
                for e in store.iter_events()
                if (not event_type or e.event.event_type == event_type)
                and (
                    not country
                    or (e.event.location and (e.event.location.country or "") == country.upper())
                )
            )
            return _page(events, cursor, limit)

        items, nxt = await timed(request, query)
        return EventPage(items=items, next=nxt)

    @router.get("/quotes", response_model=QuotePage, responses=responses(*READ_ERRORS))
    async def list_quotes(
        request: Request,
        article_id: str | None = Query(None, max_length=100),
        speaker: str | None = Query(None, max_length=200),
        stance: str | None = Query(None, max_length=20),
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> Any:
        """Quotes read from the reports: who said what, through which channel."""
        store = request.app.state.store

        def query() -> tuple[list[Quote], str | None]:
            quotes = store.list_quotes([article_id] if article_id else None)
            chosen = (
                q
                for q in quotes
                if (not speaker or (q.speaker or "").casefold() == speaker.casefold())
                and (not stance or q.stance == stance)
            )
            return _page(chosen, cursor, limit)

        items, nxt = await timed(request, query)
        return QuotePage(items=items, next=nxt)

    @router.get("/designations", response_model=DesignationPage, responses=responses(*READ_ERRORS))
    async def list_designations(
        request: Request,
        article_id: str | None = Query(None, max_length=100),
        label: str | None = Query(None, max_length=100),
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> Any:
        """Who called whom what in the reports (e.g. 'terrorist')."""
        store = request.app.state.store

        def query() -> tuple[list[Designation], str | None]:
            found = store.list_designations([article_id] if article_id else None)
            return _page((d for d in found if not label or d.label == label), cursor, limit)

        items, nxt = await timed(request, query)
        return DesignationPage(items=items, next=nxt)

    @router.get(
        "/actors/{actor_id}", response_model=ActorOut, responses=responses(404, *READ_ERRORS)
    )
    async def get_actor(request: Request, actor_id: Annotated[str, Path(max_length=200)]) -> Any:
        """An actor: aliases and designations by authority over time (from the knowledge
        base), and the incidents it is a party to."""
        catalogue: Catalogue = request.app.state.catalogue
        view = await timed(request, lambda: actor_view(catalogue, actor_id))
        if view is None:
            raise ApiError(404, "not_found", f"no actor {actor_id!r} in the knowledge base")
        return ActorOut(
            id=view.id,
            actor=view.actor,
            designations=list(view.designations),
            incidents=list(view.incidents),
            more_incidents=view.more_incidents,
            note=view.note,
        )

    @router.get(
        "/agreements", response_model=list[AgreementSummary], responses=responses(*READ_ERRORS)
    )
    async def list_agreements(request: Request) -> Any:
        """Shipped agreements and those posted through the API."""
        catalogue: Catalogue = request.app.state.catalogue
        found = await timed(request, catalogue.agreements)
        return [agreement_summary(a, origin) for a, origin in found.values()]

    @router.get(
        "/agreements/{agreement_id}",
        response_model=AgreementOut,
        responses=responses(404, *READ_ERRORS),
    )
    async def get_agreement(
        request: Request, agreement_id: Annotated[str, Path(max_length=200)]
    ) -> Any:
        """An agreement's full terms and its verdicts per party over time."""
        catalogue: Catalogue = request.app.state.catalogue
        found = await timed(request, lambda: catalogue.agreement(agreement_id))
        if found is None:
            raise ApiError(404, "not_found", f"no agreement {agreement_id!r}; see /api/agreements")
        agreement, origin = found
        rows = await timed(request, lambda: verdicts_over_time(catalogue.store, agreement_id))
        return AgreementOut(
            summary=AgreementSummary(**agreement_summary(agreement, origin)),
            agreement=agreement,
            verdicts_over_time=[VerdictCount(**r) for r in rows],
        )

    @router.get("/stats", response_model=Stats, responses=responses(*READ_ERRORS))
    async def get_stats(request: Request, flt: Filter) -> Any:
        """Counts of the filtered incidents by verdict, party and ISO week."""
        store = request.app.state.store
        return await timed(request, lambda: stats(store.incident_rows(flt), flt.agreement))

    media: dict[str, dict[str, Any]] = {FORMATS[name][1].split(";")[0]: {} for name in FORMATS}

    @router.get(
        "/export/{fmt}",
        response_class=Response,
        responses={
            200: {"description": "the file", "content": media},
            **responses(*READ_ERRORS),
        },
    )
    async def export(request: Request, fmt: ExportFormat, flt: Filter) -> Response:
        """The filtered incidents as a file: csv, acled-csv (ACLED-compatible columns),
        geojson, parquet or jsonl."""
        store = request.app.state.store

        def build() -> bytes:
            with tempfile.SpooledTemporaryFile(max_size=8_000_000) as buffer:
                write_export(fmt, store.iter_incidents(flt), buffer)
                buffer.seek(0)
                return buffer.read()

        data = await timed(request, build)
        _, media_type, suffix = FORMATS[fmt]
        return Response(
            data,
            media_type=media_type,
            headers={"content-disposition": f'attachment; filename="incidents.{suffix}"'},
        )

    return router


__all__ = ["IncidentPage", "build_router", "parse_bbox"]
