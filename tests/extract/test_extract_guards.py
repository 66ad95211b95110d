"""Pathological documents end as specific Skipped reasons, quickly, never as tracebacks."""

from __future__ import annotations

import time

import pytest

from trucewatch.config import Settings
from trucewatch.extract import extract_article
from trucewatch.extract.html import nesting_depth
from trucewatch.extract.timelimit import TimeLimitExceeded, run_with_time_limit
from trucewatch.model import Document, Skipped

PARAGRAPH = "<p>The envoys met again on Tuesday and said the truce was holding in most areas.</p>"


def _html(body: str) -> Document:
    return Document(source_id="page.html", content=body, media_type="text/html")


def test_hundred_thousand_deep_nesting_is_too_deep_and_fast() -> None:
    page = "<html><body>" + "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000 + "</body></html>"
    started = time.perf_counter()
    result = extract_article(_html(page), Settings())
    assert isinstance(result, Skipped)
    assert result.reason == "too-deep"
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize(
    ("markup", "depth"),
    [
        ("<div><div><p>a</div></div>", 2),
        ("<ul><li>a<li>b<li>c</ul>", 1),  # omitted end tags do not deepen
        ("<div><br><img src=x><hr/></div>", 1),
        ("<a<a<a<a<a", 0),  # broken tags neither crash nor count
    ],
)
def test_nesting_depth_counts_real_nesting(markup: str, depth: int) -> None:
    assert nesting_depth(markup.encode(), 100) == depth


def test_page_without_article_is_no_article_body() -> None:
    page = "<html><body><nav><a href='/'>Home</a></nav><footer>Menu</footer></body></html>"
    result = extract_article(_html(page), Settings())
    assert isinstance(result, Skipped)
    assert result.reason == "no-article-body"


def test_text_of_only_boilerplate_is_no_article_body() -> None:
    doc = Document(source_id="x.txt", content="Menu\n\nShare\n\nPrint\n\nAll rights reserved.")
    result = extract_article(doc, Settings())
    assert isinstance(result, Skipped)
    assert result.reason == "no-article-body"


def test_oversized_document_is_too_large() -> None:
    doc = Document(source_id="big.txt", content="word " * 3_000)
    result = extract_article(doc, Settings(max_document_bytes=10_000))
    assert isinstance(result, Skipped)
    assert result.reason == "too-large"


def test_slow_extraction_is_a_timeout() -> None:
    page = "<html><body><article>" + PARAGRAPH * 20_000 + "</article></body></html>"
    result = extract_article(_html(page), Settings(max_document_seconds=0.05))
    assert isinstance(result, Skipped)
    assert result.reason == "timeout"


def _spin(seconds: float) -> str:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass
    return "done"


@pytest.mark.parametrize("in_thread", [False, True], ids=["main-thread-alarm", "worker-thread"])
def test_time_limit_stops_slow_work(in_thread: bool) -> None:
    import threading

    outcome: list[object] = []

    def call() -> None:
        try:
            outcome.append(run_with_time_limit(lambda: _spin(1.5), 0.1))
        except TimeLimitExceeded as error:
            outcome.append(error)

    started = time.perf_counter()
    if in_thread:
        worker = threading.Thread(target=call)
        worker.start()
        worker.join()
    else:
        call()
    assert isinstance(outcome[0], TimeLimitExceeded)
    assert time.perf_counter() - started < 1.0


def test_time_limit_returns_quick_work() -> None:
    assert run_with_time_limit(lambda: _spin(0.01), 2.0) == "done"
