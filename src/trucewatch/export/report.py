"""The daily situation report: incidents of one day against the day before, as Markdown and HTML.

Pure: model objects (and optionally country outlines for the map) in, text out. The CLI
fetches the incidents from the store and writes the files.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from trucewatch.export.geo import MapPoint, Outline, svg_map
from trucewatch.model import Incident, Verdict

# Marker and bar colours per verdict, shared by the dashboard and the report.
VERDICT_COLOURS: dict[str, str] = {
    "violation": "#c0392b",
    "contested": "#e67e22",
    "exempt": "#2e86c1",
    "insufficient-evidence": "#7f8c8d",
    "not-covered": "#95a5a6",
    "before-effect": "#8e44ad",
    "after-end": "#6c3483",
    "unassessed": "#34495e",
}
# Most serious first: which verdict an incident is filed under when it has several.
SEVERITY: tuple[str, ...] = (
    "violation",
    "contested",
    "exempt",
    "insufficient-evidence",
    "before-effect",
    "after-end",
    "not-covered",
    "unassessed",
)
GRADE_ORDER: tuple[str, ...] = ("confirmed", "fair", "weak", "contested", "discounted")

METHOD = (
    "TruceWatch reads open-source news reports, extracts events (ACLED's event types), "
    "resolves actors and places, fuses reports of the same event into incidents and assesses "
    "each incident against the text of the truce agreement.",
    "Grades say how well an incident is sourced: confirmed (several independent sources "
    "agree), fair (one credible source or partly corroborated), weak (a single unverified "
    "account), contested (sources disagree on what happened or who did it), discounted "
    "(contradicted or retracted). Wire copies republished by several outlets count once.",
    'An "alleged" incident is one the reports attribute to a claimant rather than state as '
    "fact; its verdict is at most an alleged violation and is marked as such.",
    "Limits: coverage follows what the press reports, which is uneven; fatality figures are "
    "ranges across reports with the lowest as the best estimate; an automated reading can be "
    "wrong, and every verdict lists the sentences and rules it rests on so it can be checked.",
    "Place names are resolved with GeoNames (CC BY 4.0, https://www.geonames.org). Country "
    "outlines: Natural Earth (public domain) via world-atlas. Column names of the "
    "ACLED-compatible export follow ACLED's codebook; the data are TruceWatch's, not ACLED's.",
)


def primary_verdict(incident: Incident, agreement: str | None = None) -> Verdict | None:
    """The verdict an incident is counted under: the agreement's, else the most serious."""
    verdicts = [v for v in incident.verdicts if agreement is None or v.agreement == agreement]
    if not verdicts:
        return None
    return min(verdicts, key=lambda v: SEVERITY.index(v.verdict))


def verdict_label(incident: Incident, agreement: str | None = None) -> str:
    found = primary_verdict(incident, agreement)
    return found.verdict if found else "unassessed"


def party_label(incident: Incident, agreement: str | None = None) -> str:
    """Whom the incident is charged to: the verdict's party, else the acting actor."""
    found = primary_verdict(incident, agreement)
    if found is not None and found.party:
        return found.party
    return incident.actor1.name if incident.actor1 else "unidentified"


def region_label(incident: Incident) -> str:
    place = incident.location
    if place is None:
        return "unknown"
    return place.admin1 or place.country or place.name


@dataclass(frozen=True)
class Change:
    key: str
    today: int
    previous: int

    @property
    def delta(self) -> str:
        diff = self.today - self.previous
        return f"+{diff}" if diff > 0 else str(diff) if diff < 0 else "±0"


@dataclass(frozen=True)
class SituationReport:
    day: dt.date
    agreement: str | None
    today: tuple[Incident, ...]
    previous: tuple[Incident, ...]
    by_verdict: tuple[Change, ...]
    by_party: tuple[Change, ...]
    by_region: tuple[Change, ...]
    notable: tuple[Incident, ...]
    map_svg: str = ""
    notes: tuple[str, ...] = field(default=())


def _changes(today: Iterable[str], previous: Iterable[str]) -> tuple[Change, ...]:
    now, before = Counter(today), Counter(previous)
    keys = sorted(set(now) | set(before), key=lambda k: (-now[k], -before[k], k))
    return tuple(Change(k, now[k], before[k]) for k in keys)


def _notable_key(incident: Incident, agreement: str | None) -> tuple[int, int, int, str]:
    grade = GRADE_ORDER.index(incident.grade) if incident.grade in GRADE_ORDER else 9
    deaths = incident.fatalities.best or 0
    return (SEVERITY.index(verdict_label(incident, agreement)), grade, -deaths, incident.id)


def build_report(
    day: dt.date,
    incidents: Iterable[Incident],
    agreement: str | None = None,
    countries: Sequence[Outline] = (),
    notable_count: int = 5,
) -> SituationReport:
    """Count the day's incidents (and the day before's) by verdict, party and region."""
    before = day - dt.timedelta(days=1)
    today: list[Incident] = []
    previous: list[Incident] = []
    for incident in incidents:
        if agreement and not any(v.agreement == agreement for v in incident.verdicts):
            continue
        if incident.date_start == day:
            today.append(incident)
        elif incident.date_start == before:
            previous.append(incident)
    notable = sorted(today, key=lambda i: _notable_key(i, agreement))[:notable_count]
    points = [
        MapPoint(
            lon=i.location.lon,
            lat=i.location.lat,
            colour=VERDICT_COLOURS[verdict_label(i, agreement)],
            label=f"{i.sub_event_type} at {i.location.name}: {verdict_label(i, agreement)}",
        )
        for i in today
        if i.location is not None and i.location.lat is not None and i.location.lon is not None
    ]
    notes = []
    if not countries:
        notes.append("No country outlines were given, so the map shows points only.")
    map_svg = svg_map(countries, points, title=f"Incidents on {day.isoformat()}")
    return SituationReport(
        day=day,
        agreement=agreement,
        today=tuple(today),
        previous=tuple(previous),
        by_verdict=_changes(
            (verdict_label(i, agreement) for i in today),
            (verdict_label(i, agreement) for i in previous),
        ),
        by_party=_changes(
            (party_label(i, agreement) for i in today),
            (party_label(i, agreement) for i in previous),
        ),
        by_region=_changes((region_label(i) for i in today), (region_label(i) for i in previous)),
        notable=tuple(notable),
        map_svg=map_svg,
        notes=tuple(notes),
    )


def _figure(incident: Incident) -> str:
    rng = incident.fatalities
    if rng.best is None:
        return "not reported"
    if rng.min is not None and rng.max is not None and rng.min != rng.max:
        return f"{rng.best} (reports range {rng.min}–{rng.max})"
    return str(rng.best)


def _title(report: SituationReport) -> str:
    scope = f" — {report.agreement}" if report.agreement else ""
    return f"Daily situation report, {report.day.isoformat()}{scope}"


def _place(incident: Incident) -> str:
    place = incident.location
    if place is None:
        return "unknown place"
    return ", ".join(p for p in (place.name, place.admin1, place.country) if p)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: SituationReport) -> str:
    """The report as Markdown (the map is referenced as map.svg beside it)."""
    lines = [f"# {_title(report)}", ""]
    lines.append(
        f"{len(report.today)} incidents on {report.day.isoformat()}, "
        f"{len(report.previous)} the day before."
    )
    lines.append("")
    for heading, rows in (
        ("By verdict", report.by_verdict),
        ("By party", report.by_party),
        ("By region", report.by_region),
    ):
        lines += [f"## {heading}", "", "| | today | day before | change |", "|---|---:|---:|---:|"]
        lines += [f"| {_md_escape(r.key)} | {r.today} | {r.previous} | {r.delta} |" for r in rows]
        if not rows:
            lines.append("| (none) | 0 | 0 | ±0 |")
        lines.append("")
    lines += ["## Notable incidents", ""]
    if not report.notable:
        lines += ["No incidents were reported for this day.", ""]
    for incident in report.notable:
        verdict = primary_verdict(incident, report.agreement)
        lines.append(
            f"### {incident.sub_event_type} at {_place(incident)} "
            f"({verdict.verdict if verdict else 'unassessed'}"
            f"{', alleged' if verdict and verdict.alleged else ''})"
        )
        lines.append("")
        lines.append(
            f"- Grade: {incident.grade}"
            + (f" — {incident.grade_reason}" if incident.grade_reason else "")
        )
        lines.append(f"- Fatalities: {_figure(incident)}")
        if verdict:
            lines += [f"- Reason: {reason}" for reason in verdict.reasons]
        outlets = sorted({m.outlet or m.source_id for m in incident.members})
        lines.append(f"- Sources: {', '.join(outlets) or 'none recorded'}")
        evidence = [m.evidence for m in incident.members if m.evidence][:2]
        lines += [f"> {_md_escape(text)}" for text in evidence]
        lines.append("")
    lines += ["## Map", "", "![Incidents of the day](map.svg)", ""]
    lines += [f"_{note}_" for note in report.notes]
    lines += ["## Method and its limits", ""]
    lines += [f"{paragraph}\n" for paragraph in METHOD]
    return "\n".join(lines).rstrip() + "\n"


_CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border:1px solid #bbb;padding:.25rem .6rem}
td.n{text-align:right}blockquote{border-left:4px solid #c9c9c9;margin:.5rem 0;padding:.2rem .8rem}
.verdict{font-weight:600}.tables{display:flex;gap:2rem;flex-wrap:wrap}
@media print{body{margin:0}}
"""


def render_html(report: SituationReport) -> str:
    """The report as one self-contained HTML page (map inline, no external resources)."""
    e = escape
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(_title(report))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(_title(report))}</h1>",
        f"<p>{len(report.today)} incidents on {report.day.isoformat()}, "
        f"{len(report.previous)} the day before.</p>",
        '<div class="tables">',
    ]
    for heading, rows in (
        ("By verdict", report.by_verdict),
        ("By party", report.by_party),
        ("By region", report.by_region),
    ):
        out.append(
            f"<section><h2>{heading}</h2><table><thead><tr><th scope='col'></th>"
            "<th scope='col'>today</th><th scope='col'>day before</th>"
            "<th scope='col'>change</th></tr></thead><tbody>"
        )
        for r in rows:
            out.append(
                f"<tr><th scope='row'>{e(r.key)}</th><td class='n'>{r.today}</td>"
                f"<td class='n'>{r.previous}</td><td class='n'>{e(r.delta)}</td></tr>"
            )
        out.append("</tbody></table></section>")
    out.append("</div><h2>Map</h2>")
    out.append(report.map_svg)
    out += [f"<p><em>{e(note)}</em></p>" for note in report.notes]
    out.append("<h2>Notable incidents</h2>")
    if not report.notable:
        out.append("<p>No incidents were reported for this day.</p>")
    for incident in report.notable:
        verdict = primary_verdict(incident, report.agreement)
        label: str = verdict.verdict if verdict else "unassessed"
        if verdict and verdict.alleged:
            label += ", alleged"
        out.append(
            f"<section><h3>{e(incident.sub_event_type)} at {e(_place(incident))} "
            f"(<span class='verdict'>{e(label)}</span>)</h3><ul>"
            f"<li>Grade: {e(incident.grade)}"
            + (f" — {e(incident.grade_reason)}" if incident.grade_reason else "")
            + f"</li><li>Fatalities: {e(_figure(incident))}</li>"
        )
        if verdict:
            out += [f"<li>Reason: {e(reason)}</li>" for reason in verdict.reasons]
        outlets = sorted({m.outlet or m.source_id for m in incident.members})
        out.append(f"<li>Sources: {e(', '.join(outlets) or 'none recorded')}</li></ul>")
        out += [
            f"<blockquote>{e(m.evidence)}</blockquote>"
            for m in [m for m in incident.members if m.evidence][:2]
        ]
        out.append("</section>")
    out.append("<h2>Method and its limits</h2>")
    out += [f"<p>{e(p)}</p>" for p in METHOD]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


__all__ = [
    "GRADE_ORDER",
    "METHOD",
    "SEVERITY",
    "VERDICT_COLOURS",
    "Change",
    "SituationReport",
    "build_report",
    "party_label",
    "primary_verdict",
    "region_label",
    "render_html",
    "render_markdown",
    "verdict_label",
]
