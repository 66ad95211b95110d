"""The dashboard: server-rendered pages that read without JavaScript (plain GET forms,
real links), with a Leaflet map drawn from vendored files only."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from trucewatch.errors import StoreError
from trucewatch.export.report import (
    GRADE_ORDER,
    SEVERITY,
    VERDICT_COLOURS,
    primary_verdict,
    verdict_label,
)
from trucewatch.model.verdict import VERDICT_KINDS
from trucewatch.store.base import IncidentFilter, IncidentRow
from trucewatch.web.queries import (
    Catalogue,
    actor_view,
    agreement_summary,
    row_verdict,
    verdicts_over_time,
)

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
MAX_MAP_POINTS = 1000  # markers embedded in the overview; beyond this, narrow the filters
TABLE_PAGE = 50
TIMELINE_DAYS = 120  # bars drawn at most; older days are summed into the first bar's note
_FILTERS = ("agreement", "party", "verdict", "grade", "country", "since", "until")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def highlight(text: str, sentences: list[str]) -> Markup:
    """Escape `text` and wrap each evidence sentence found in it in <mark>."""
    spans: list[tuple[int, int]] = []
    for sentence in sorted({s for s in sentences if s}, key=len, reverse=True):
        start = text.find(sentence)
        if start >= 0 and not any(a < start + len(sentence) and start < b for a, b in spans):
            spans.append((start, start + len(sentence)))
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(html.escape(text[last:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return Markup("".join(out))


def timeline_svg(by_day: dict[str, int], query: dict[str, str]) -> Markup:
    """A bar per day (linked to that day's filter), drawn on the server."""
    if not by_day:
        return Markup('<p class="empty">No dated incidents match these filters.</p>')
    last = dt.date.fromisoformat(max(by_day))
    first = max(dt.date.fromisoformat(min(by_day)), last - dt.timedelta(days=TIMELINE_DAYS - 1))
    days = [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    by_day = {d: by_day.get(d, 0) for d in days}
    peak = max(by_day.values())
    width, height = 760, 140
    bar = width / len(days)
    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height + 20}" role="img" '
        f'aria-label="Incidents per day, {days[0]} to {days[-1]}">'
    ]
    for n, day in enumerate(days):
        if not by_day[day]:
            continue
        h = max(1.0, by_day[day] / peak * height)
        link = "?" + urlencode({**query, "since": day, "until": day})
        parts.append(
            f'<a href="{html.escape(link)}"><rect x="{n * bar:.1f}" y="{height - h:.1f}" '
            f'width="{bar * 0.85:.1f}" height="{h:.1f}" class="bar">'
            f"<title>{day}: {by_day[day]} incidents</title></rect></a>"
        )
    parts.append(
        f'<text x="0" y="{height + 15}" class="axis">{days[0]}</text>'
        f'<text x="{width}" y="{height + 15}" text-anchor="end" class="axis">{days[-1]}</text>'
        "</svg>"
    )
    return Markup("".join(parts))


def _filters(request: Request) -> tuple[IncidentFilter, dict[str, str], list[str]]:
    """The overview's filters from the query string; bad values are dropped with a note."""
    raw = {k: request.query_params.get(k, "").strip() for k in _FILTERS}
    notes: list[str] = []
    dates: dict[str, dt.date | None] = {}
    for key in ("since", "until"):
        value = raw[key]
        dates[key] = None
        if value:
            try:
                if not _DATE.match(value):
                    raise ValueError(value)
                dates[key] = dt.date.fromisoformat(value)
            except ValueError:
                notes.append(f"ignored {key}={value!r}: use YYYY-MM-DD")
                raw[key] = ""
    if raw["verdict"] and raw["verdict"] not in VERDICT_KINDS:
        notes.append(f"ignored unknown verdict {raw['verdict']!r}")
        raw["verdict"] = ""
    if raw["grade"] and raw["grade"] not in GRADE_ORDER:
        notes.append(f"ignored unknown grade {raw['grade']!r}")
        raw["grade"] = ""
    flt = IncidentFilter(
        agreement=raw["agreement"] or None,
        verdict=raw["verdict"] or None,
        actor=raw["party"] or None,
        grade=raw["grade"] or None,
        country=raw["country"] or None,
        since=dates["since"],
        until=dates["until"],
    )
    return flt, {k: v for k, v in raw.items() if v}, notes


def _marker(row: IncidentRow, verdict: str) -> dict[str, Any] | None:
    if row.lat is None or row.lon is None:
        return None
    return {
        "id": row.id,
        "lat": row.lat,
        "lon": row.lon,
        "verdict": verdict,
        "colour": VERDICT_COLOURS[verdict],
        "label": f"{row.date_start or '?'} · {row.sub_event_type} at {row.location_name or '?'}",
    }


def build_router(templates: Jinja2Templates) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("title", "TruceWatch")
        context["tile_url"] = request.app.state.settings.map_tile_url
        return templates.TemplateResponse(request, template, context, status_code=status)

    def not_found(request: Request, what: str) -> HTMLResponse:
        return render(request, "error.html", 404, title="Not found", message=what)

    @router.get("/", response_class=HTMLResponse)
    def overview(request: Request) -> HTMLResponse:
        store = request.app.state.store
        catalogue: Catalogue = request.app.state.catalogue
        flt, query, notes = _filters(request)
        counts: dict[str, int] = {}
        by_day: dict[str, int] = {}
        markers: list[dict[str, Any]] = []
        total = 0
        for row in store.incident_rows(flt):
            total += 1
            verdict, _ = row_verdict(row, flt.agreement)
            counts[verdict] = counts.get(verdict, 0) + 1
            if row.date_start is not None:
                day = row.date_start.isoformat()
                by_day[day] = by_day.get(day, 0) + 1
            if len(markers) < MAX_MAP_POINTS:
                marker = _marker(row, verdict)
                if marker is not None:
                    markers.append(marker)
        cursor = request.query_params.get("cursor") or None
        try:
            page = store.list_incidents(flt, cursor=cursor, limit=TABLE_PAGE)
        except StoreError:
            notes.append("ignored an invalid page cursor")
            page = store.list_incidents(flt, limit=TABLE_PAGE)
        next_link = "?" + urlencode({**query, "cursor": page.next}) if page.next else None
        agreements = catalogue.agreements()
        return render(
            request,
            "overview.html",
            query=query,
            notes=notes,
            total=total,
            counts=sorted(counts.items(), key=lambda kv: SEVERITY.index(kv[0])),
            timeline=timeline_svg(by_day, query),
            markers_json=Markup(json.dumps(markers).replace("</", "<\\/")),
            markers_shown=len(markers),
            max_points=MAX_MAP_POINTS,
            incidents=page.items,
            first_page=cursor is None,
            next_link=next_link,
            first_link="?" + urlencode(query),
            agreements=[(a.id, a.name) for a, _ in agreements.values()],
            verdicts=VERDICT_KINDS,
            grades=GRADE_ORDER,
            colours=VERDICT_COLOURS,
            verdict_of=lambda i: verdict_label(i, flt.agreement),
        )

    @router.get("/incidents/{incident_id}", response_class=HTMLResponse)
    def incident_page(request: Request, incident_id: str) -> HTMLResponse:
        store = request.app.state.store
        incident = store.get_incident(incident_id)
        if incident is None:
            return not_found(request, f"No incident {incident_id!r}.")
        evidence = [m.evidence for m in incident.members] + [
            e for v in incident.verdicts for e in v.evidence
        ]
        reports = []
        for member in incident.members:
            article = store.get_article(member.key.article_id)
            reports.append(
                {
                    "member": member,
                    "title": article.title if article else None,
                    "url": article.url if article else None,
                    "published": article.published if article else None,
                    "text": highlight(article.text, evidence) if article else None,
                    "evidence": highlight(member.evidence, [member.evidence]),
                }
            )
        return render(
            request,
            "incident.html",
            title=f"Incident {incident.id}",
            incident=incident,
            reports=reports,
            primary=primary_verdict(incident),
            colours=VERDICT_COLOURS,
        )

    @router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
    def agreement_page(request: Request, agreement_id: str) -> HTMLResponse:
        catalogue: Catalogue = request.app.state.catalogue
        found = catalogue.agreement(agreement_id)
        if found is None:
            return not_found(request, f"No agreement {agreement_id!r}.")
        agreement, origin = found
        rows = verdicts_over_time(catalogue.store, agreement_id)
        parties = sorted({r["party"] for r in rows})
        days = sorted({r["day"] for r in rows})
        grid: dict[tuple[Any, Any], list[Any]] = {(r["day"], r["party"]): [] for r in rows}
        for r in rows:
            grid[(r["day"], r["party"])].append(r)
        return render(
            request,
            "agreement.html",
            title=agreement.name,
            agreement=agreement,
            summary=agreement_summary(agreement, origin),
            parties=parties,
            days=days,
            grid=grid,
            colours=VERDICT_COLOURS,
        )

    @router.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor_page(request: Request, actor_id: str) -> HTMLResponse:
        view = actor_view(request.app.state.catalogue, actor_id)
        if view is None:
            return not_found(request, f"No actor {actor_id!r}.")
        name = view.actor.name if view.actor else actor_id
        return render(
            request,
            "actor.html",
            title=name,
            view=view,
            name=name,
            verdict_of=verdict_label,
            colours=VERDICT_COLOURS,
        )

    @router.get("/claims", response_class=HTMLResponse)
    def claims_page(request: Request) -> HTMLResponse:
        store = request.app.state.store
        flt, query, notes = _filters(request)
        cursor = request.query_params.get("cursor") or None
        try:
            page = store.list_incidents(flt, cursor=cursor, limit=TABLE_PAGE)
        except StoreError:
            notes.append("ignored an invalid page cursor")
            page = store.list_incidents(flt, limit=TABLE_PAGE)
        rows = [(incident, claim) for incident in page.items for claim in incident.claims]
        next_link = "?" + urlencode({**query, "cursor": page.next}) if page.next else None
        return render(
            request,
            "claims.html",
            title="Claims ledger",
            rows=rows,
            notes=notes,
            next_link=next_link,
        )

    return router


def make_templates() -> Jinja2Templates:
    return Jinja2Templates(directory=str(HERE / "templates"))


__all__ = [
    "MAX_MAP_POINTS",
    "STATIC_DIR",
    "build_router",
    "highlight",
    "make_templates",
    "timeline_svg",
]
