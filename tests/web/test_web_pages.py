"""The dashboard renders without JavaScript: filters are GET forms, pages are real links."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_overview_lists_filters_and_embeds_bounded_markers(client) -> None:
    page = client.get("/").text
    assert 'href="#main"' in page and 'id="main"' in page  # skip link
    assert '<form class="filters" method="get"' in page
    assert page.count('href="/incidents/') == 5
    assert '<svg class="timeline"' in page
    assert '"verdict": "violation"' in page
    assert "https://" not in page.split("<footer>")[0]  # nothing fetched from elsewhere


def test_overview_filter_changes_the_table(client) -> None:
    page = client.get("/?verdict=violation").text
    assert page.count('href="/incidents/') == 1
    assert "<strong>1</strong> incidents match" in page
    noted = client.get("/?since=notadate").text
    assert "ignored since=" in noted


def test_overview_paginates(client) -> None:
    from trucewatch.web import pages

    page = client.get("/").text
    assert pages.TABLE_PAGE >= 5 and 'rel="next"' not in page


def test_incident_page_shows_evidence_reasons_views_and_claims(client) -> None:
    page = client.get("/incidents/inc-aleppo-0301").text
    assert "<mark>Monitors said warplanes hit a bakery queue" in page
    assert "air strike on civilians by a party after the effect time" in page
    assert "reports range 9–12" in page
    assert "Our aircraft flew no missions over the city that day." in page
    contested = client.get("/incidents/inc-homs-0229").text
    assert "United States" in contested and "(alleged)" in contested


def test_agreement_actor_and_claims_pages(client) -> None:
    agreement = client.get("/agreements/syria-coh-2016")
    assert agreement.status_code == 200 and "Verdicts over time, per party" in agreement.text
    actor = client.get("/actors/russia")
    assert actor.status_code == 200 and "/incidents/inc-aleppo-0301" in actor.text
    claims = client.get("/claims").text
    assert "The regime shelled our positions despite the truce." in claims
    missing = client.get("/incidents/none")
    assert missing.status_code == 404 and "No incident" in missing.text


def test_static_assets_are_vendored(client) -> None:
    for path in (
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/vendor/topojson-client.min.js",
        "/static/countries-50m.json",
        "/static/NOTICE",
    ):
        assert client.get(path).status_code == 200, path
