"""The daily situation report: counts with day-on-day change, notable incidents, the map."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

from trucewatch.export import build_report, outlines, render_html, render_markdown
from trucewatch.export.geo import MapPoint, svg_map

DAY = dt.date(2016, 3, 1)


def _countries():  # type: ignore[no-untyped-def]
    path = resources.files("trucewatch.web") / "static" / "countries-50m.json"
    return outlines(json.loads(path.read_text(encoding="utf-8")))


def test_outlines_decode_world_atlas() -> None:
    countries = _countries()
    syria = next(c for c in countries if c.id == "760")
    assert syria.name == "Syria"
    lons = [p[0] for ring in syria.rings for p in ring]
    lats = [p[1] for ring in syria.rings for p in ring]
    assert 35 < min(lons) < 36.5 and 41.5 < max(lons) < 43
    assert 32 < min(lats) < 33 and 37 < max(lats) < 37.6


def test_counts_by_verdict_party_and_region_with_change(incidents) -> None:
    report = build_report(DAY, incidents, countries=_countries())
    assert len(report.today) == 3 and len(report.previous) == 1
    verdicts = {c.key: (c.today, c.previous, c.delta) for c in report.by_verdict}
    assert verdicts["violation"] == (1, 0, "+1")
    assert verdicts["contested"] == (0, 1, "-1")
    parties = {c.key: c.delta for c in report.by_party}
    assert parties["Syrian Arab Army"] == "±0"
    assert report.notable[0].id == "inc-aleppo-0301"  # the violation ranks first


def test_markdown_and_html_carry_evidence_sources_and_method(incidents) -> None:
    report = build_report(DAY, incidents, agreement="syria-coh-2016", countries=_countries())
    markdown = render_markdown(report)
    assert "| violation | 1 | 0 | +1 |" in markdown
    assert "> Monitors said warplanes hit a bakery queue" in markdown
    assert "Northern Wire, Valley Courier" in markdown
    assert "GeoNames (CC BY 4.0" in markdown and "Natural Earth" in markdown
    assert '"alleged"' in markdown
    html = render_html(report)
    assert html.count('<circle class="incident"') == 2  # the unlocated incident has no point
    assert html.count('<path class="country"') > 3  # Syria and its neighbours
    assert "http" not in report.map_svg.replace("http://www.w3.org/2000/svg", "")


def test_empty_day_says_so() -> None:
    report = build_report(DAY, [])
    assert "No incidents were reported for this day." in render_markdown(report)
    assert report.notes  # no outlines given: the map note says so


def test_svg_map_projects_points_inside_the_frame() -> None:
    svg = svg_map([], [MapPoint(lon=36.0, lat=34.0, colour="#c0392b", label="a <b>")])
    assert 'cx="360.0"' in svg and "a &lt;b&gt;" in svg
