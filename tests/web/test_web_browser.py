"""The dashboard in Debian's chromium (system browser, never `playwright install`): the map
draws countries and markers with no request leaving localhost; filters work; screenshots."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]
ARTIFACTS = Path(__file__).parents[1] / "artifacts"
FIXTURE = Path(__file__).parents[1] / "fixtures" / "faces" / "incidents.json"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def server(tmp_path_factory):  # type: ignore[no-untyped-def]
    """One uvicorn server per session over a real DuckDBStore."""
    import uvicorn

    from trucewatch.api import create_app
    from trucewatch.config import Settings
    from trucewatch.model import Incident
    from trucewatch.store import DuckDBStore

    store = DuckDBStore(tmp_path_factory.mktemp("web") / "web.duckdb")
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    store.put_incidents([Incident.model_validate(r) for r in rows])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(
        create_app(Settings(), store), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.requests_seen = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests_seen.append(r.url))  # type: ignore[attr-defined]
    yield pg
    context.close()


def _local_only(urls: list[str]) -> None:
    hosts = {urlparse(u).hostname for u in urls if not u.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1", "localhost"}, hosts


def test_overview_draws_countries_and_markers_offline(server, page) -> None:
    page.goto(server + "/")
    page.wait_for_selector("#map[data-countries]", timeout=15_000)
    assert page.locator("#map path.country").count() > 100
    assert page.locator("#map path.incident-marker").count() == 4
    assert page.locator("#map path.verdict-violation").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    _local_only(page.requests_seen)
    assert any(u.endswith("/static/countries-50m.json") for u in page.requests_seen)


def test_filter_changes_what_is_shown(server, page) -> None:
    page.goto(server + "/")
    page.select_option("select[name=verdict]", "exempt")
    page.click("button[type=submit]")
    page.wait_for_selector("#map[data-markers]")
    assert "verdict=exempt" in page.url
    assert page.locator("table.incidents tbody tr").count() == 1
    assert page.locator("#map path.incident-marker").count() == 1
    page.screenshot(path=str(ARTIFACTS / "overview-filtered.png"), full_page=True)
    _local_only(page.requests_seen)


def test_incident_page_shows_evidence_and_reasons(server, page) -> None:
    page.goto(server + "/")
    page.click("a[href='/incidents/inc-aleppo-0301']")
    assert page.locator("mark").first.inner_text().startswith("Monitors said warplanes")
    assert page.locator("ul.reasons li").first.inner_text().startswith("air strike on civilians")
    page.keyboard.press("Tab")  # the skip link is the first stop
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.screenshot(path=str(ARTIFACTS / "incident.png"), full_page=True)
    _local_only(page.requests_seen)
