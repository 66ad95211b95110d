"""Every source form reads into Documents, and every bad input is a specific Skipped."""

from __future__ import annotations

import gzip
import io
import json
import time
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from trucewatch.config import Settings
from trucewatch.ingest import read_sources
from trucewatch.model import Document, Skipped

STORY = (
    "Monitors counted fourteen explosions near the southern checkpoint overnight, "
    "the observer mission said in its daily report on Thursday."
)
PAGE = f"<html><head><title>Night of explosions</title></head><body><p>{STORY}</p></body></html>"


def _read(sources: list[str], **kwargs: object) -> list[Document | Skipped]:
    settings = kwargs.pop("settings", Settings())
    return list(read_sources(sources, settings, **kwargs))  # type: ignore[arg-type]


def _reasons(items: list[Document | Skipped]) -> list[str]:
    return [i.reason if isinstance(i, Skipped) else "document" for i in items]


def _warc(path: Path, bodies: list[tuple[str, bytes, str]], *, compress: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
    for uri, body, content_type in bodies:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


WARC_PAGES = [
    ("http://lantern.example/a", PAGE.encode(), "text/html; charset=utf-8"),
    ("http://lantern.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
    ("http://lantern.example/b.txt", STORY.encode(), "text/plain"),
    ("http://lantern.example/c", PAGE.replace("fourteen", "nine").encode(), "text/html"),
]


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_records_become_documents(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(_warc(path, WARC_PAGES, compress=compress))
    items = _read([str(path)])
    assert _reasons(items) == ["document", "document", "document"]  # the PNG is not a report
    assert [d.url for d in items] == [  # type: ignore[union-attr]
        "http://lantern.example/a",
        "http://lantern.example/b.txt",
        "http://lantern.example/c",
    ]
    first = items[0]
    assert isinstance(first, Document)
    assert first.media_type == "text/html" and first.origin == "warc"
    assert first.source_id.startswith(f"{path}#record-")
    assert STORY in first.content


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_keeps_what_was_read(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    data = _warc(path, WARC_PAGES, compress=compress)
    path.write_bytes(data[: len(data) - 60])
    items = _read([str(path), str(path)])  # the batch goes on past the damage
    reasons = _reasons(items)
    assert reasons[:3] == ["document", "document", "truncated-warc"]
    assert reasons[3:] == reasons[:3]


def _rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>The Morning Lantern</title><link>http://lantern.example/</link>{items}"
        "</channel></rss>"
    )


def test_feed_entries_become_documents(tmp_path: Path) -> None:
    entry = (
        "<item><title>Explosions near checkpoint</title><link>http://lantern.example/a</link>"
        "<pubDate>Thu, 07 Mar 2024 08:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>"
        "<item><title>No body</title><link>http://lantern.example/b</link></item>"
    )
    path = tmp_path / "lantern.rss"
    path.write_text(_rss(entry), encoding="utf-8")
    items = _read([str(path)], published=date(2000, 1, 1))
    assert _reasons(items) == ["document", "empty"]
    doc = items[0]
    assert isinstance(doc, Document)
    assert (doc.title, doc.url, doc.source) == (
        "Explosions near checkpoint",
        "http://lantern.example/a",
        "The Morning Lantern",
    )
    assert (doc.published, doc.published_from) == (date(2024, 3, 7), "metadata")
    assert doc.media_type == "text/html" and STORY in doc.content


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            _rss("<item><title>Broken &#xD800; entity</title><description>x</description></item>"),
            ["malformed-feed"],  # feedparser raises on this one
        ),
        (  # cut off mid-entry: the entry read so far has no body, then the damage is reported
            '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Unclosed',
            ["empty", "malformed-feed"],
        ),
        ('<?xml version="1.0"?><rss version="2.0"></rss>', ["malformed-feed"]),
    ],
    ids=["surrogate-entity", "unclosed", "no-entries"],
)
def test_malformed_feed_is_skipped(tmp_path: Path, body: str, expected: list[str]) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(body, encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text(STORY, encoding="utf-8")
    assert _reasons(_read([str(path), str(ok)])) == [*expected, "document"]


def test_feed_without_entries_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "empty.atom"
    path.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>', "utf-8")
    assert _reasons(_read([str(path)])) == ["malformed-feed"]


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    side = tmp_path / "side.txt"
    side.write_text(STORY, encoding="utf-8")
    lines = [
        json.dumps({"id": "r1", "text": STORY, "published": "2024-03-07", "source": "Lantern"}),
        "{not json",
        json.dumps({"id": "r3", "html": PAGE, "url": "http://lantern.example/a"}),
        json.dumps({"id": "r4", "url": "http://lantern.example/b"}),
        json.dumps({"id": "r5", "text": STORY, "published": "7 March"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "r7"}),
        json.dumps({"id": "r8", "path": "side.txt"}),
        json.dumps({"id": "r9", "text": ""}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read([str(path)], published=date(2024, 1, 1), source_name="Fallback")
    assert _reasons(items) == [
        "document",
        "bad-jsonl",
        "document",
        "fetch-disabled",
        "bad-jsonl",
        "bad-jsonl",
        "bad-jsonl",
        "document",
        "empty",
    ]
    first, bad, html = items[0], items[1], items[2]
    assert isinstance(first, Document) and isinstance(html, Document)
    assert (first.source_id, first.source, first.published) == ("r1", "Lantern", date(2024, 3, 7))
    assert first.published_from == "metadata"
    assert (html.media_type, html.url, html.source, html.published_from) == (
        "text/html",
        "http://lantern.example/a",
        "Fallback",
        "flag",
    )
    assert isinstance(bad, Skipped) and "line 2" in bad.detail
    assert [i.source_id for i in items[3:5]] == ["r4", "r5"]
    assert items[7].source_id == "r8" and isinstance(items[7], Document)


def test_folder_is_read_recursively_sorted_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "c.report").write_text(PAGE, encoding="utf-8")  # unknown extension: sniffed
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".git" / "config.txt").write_text(STORY, encoding="utf-8")
    items = _read([str(tmp_path)], published=date(2024, 3, 7), source_name="Lantern")
    assert [Path(i.source_id).relative_to(tmp_path).as_posix() for i in items] == [
        "a.txt",
        "b/two.html",
        "c.report",
    ]
    assert [d.media_type for d in items] == ["text/plain", "text/html", "text/html"]  # type: ignore[union-attr]
    assert all(d.published_from == "flag" and d.source == "Lantern" for d in items)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "media_type"),
    [(PAGE.encode(), "text/html"), (STORY.encode(), "text/plain")],
)
def test_stdin_is_sniffed(data: bytes, media_type: str) -> None:
    (doc,) = _read(["-"], stdin=io.BytesIO(data))
    assert isinstance(doc, Document)
    assert (doc.source_id, doc.media_type, doc.origin) == ("-", media_type, "stdin")


def test_fifty_megabyte_page_is_too_large_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse file: 50 MB on paper, nothing on disk
    ok = tmp_path / "ok.txt"
    ok.write_text(STORY, encoding="utf-8")
    started = time.perf_counter()
    items = _read([str(path), str(ok)])
    assert _reasons(items) == ["too-large", "document"]
    assert time.perf_counter() - started < 0.5


def test_too_large_stdin_and_jsonl_line(tmp_path: Path) -> None:
    settings = Settings(max_document_bytes=1_000)
    assert _reasons(_read(["-"], stdin=io.BytesIO(b"x" * 5_000), settings=settings)) == [
        "too-large"
    ]
    path = tmp_path / "big.jsonl"
    path.write_text(
        json.dumps({"id": "big", "text": "y" * 5_000})
        + "\n"
        + json.dumps({"id": "small", "text": STORY})
        + "\n",
        encoding="utf-8",
    )
    assert _reasons(_read([str(path)], settings=settings)) == ["too-large", "document"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.html", b"\n\n   \n", "empty"),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8, "binary"),
        ("zipped.html", gzip.compress(PAGE.encode() * 10), "binary"),
    ],
)
def test_bad_files_are_skipped_and_the_batch_goes_on(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    ok = tmp_path / "ok.txt"
    ok.write_text(STORY, encoding="utf-8")
    assert _reasons(_read([str(bad), str(ok), str(tmp_path / "missing.txt")])) == [
        reason,
        "document",
        "not-found",
    ]


def test_wrong_declared_charset_still_reads(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="utf-8"></head><body><p>{STORY} Café “Nord”.</p></body>'
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("cp1252"))
    (doc,) = _read([str(path)])
    assert isinstance(doc, Document)
    assert "Café “Nord”" in doc.content


@pytest.mark.parametrize(
    "url", ["http://lantern.example/story", "https://192.0.2.1/a", "http://127.0.0.1/"]
)
def test_urls_are_not_fetched_unless_enabled(url: str) -> None:
    (item,) = _read([url])
    assert isinstance(item, Skipped)
    assert (item.reason, item.source_id) == ("fetch-disabled", url)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "fetch-refused"),
        ("http://[::ffff:127.0.0.1]/", "fetch-refused"),
        ("http://2130706433/", "fetch-refused"),
        ("http://10.0.0.8/", "fetch-refused"),
    ],
)
def test_forbidden_urls_are_refused_when_fetching_is_on(url: str, reason: str) -> None:
    (item,) = _read([url], settings=Settings(fetch_enabled=True))
    assert isinstance(item, Skipped)
    assert item.reason == reason
    assert item.detail.startswith("refused:")
