"""RSS and Atom feeds: each entry with content or a summary is a report.

feedparser raises on some malformed input (e.g. a lone surrogate character reference,
upstream issues #591 and #599), so every call is wrapped. It is only ever given bytes we
already hold: it never fetches anything itself.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser  # type: ignore[import-untyped]

from trucewatch.model import Document, Skipped

# feedparser's notes about a feed that still parsed: its declared charset or content type was off
_BENIGN = (
    feedparser.CharacterEncodingOverride,
    feedparser.NonXMLContentType,
)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _entry_body(entry: Any) -> tuple[str, str]:
    """(content, media type): full content if the feed carries it, else the summary."""
    for item in entry.get("content") or ():
        value = (item.get("value") or "").strip()
        if value:
            kind = "text/plain" if item.get("type") == "text/plain" else "text/html"
            return value, kind
    summary = (entry.get("summary") or "").strip()
    detail = entry.get("summary_detail") or {}
    kind = "text/plain" if detail.get("type") == "text/plain" else "text/html"
    return summary, kind


def read_feed(
    data: bytes,
    name: str,
    *,
    source: str | None = None,
    published: date | None = None,
) -> Iterator[Document | Skipped]:
    """Yield a Document per feed entry; a feed that cannot be read is one Skipped."""
    try:
        # a stream, never a str: feedparser fetches strings that look like URLs or file paths
        parsed = feedparser.parse(
            io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as error:  # feedparser raises on some malformed input
        yield Skipped(source_id=name, reason="malformed-feed", detail=f"{type(error).__name__}")
        return
    entries = list(parsed.get("entries") or ())
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f"{type(problem).__name__}: {problem}" if problem else "feed has no entries"
        yield Skipped(source_id=name, reason="malformed-feed", detail=detail[:200])
        return
    feed_title = (parsed.get("feed") or {}).get("title") or None
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, _BENIGN):
        problem = None
    for index, entry in enumerate(entries, start=1):
        source_id = f"{name}#record-{index}"
        content, media_type = _entry_body(entry)
        if not content:
            yield Skipped(source_id=source_id, reason="empty", detail="entry has no content")
            continue
        entry_date = _entry_date(entry)
        yield Document(
            source_id=source_id,
            content=content,
            media_type=media_type,  # type: ignore[arg-type]
            url=entry.get("link") or None,
            source=feed_title or source,
            published=entry_date or published,
            published_from="metadata" if entry_date else ("flag" if published else None),
            title=(entry.get("title") or "").strip() or None,
            origin="rss",
        )
    if problem is not None:
        # a damaged feed still yields the entries read before the damage, then says so
        yield Skipped(
            source_id=name,
            reason="malformed-feed",
            detail=f"{type(problem).__name__}: {problem}"[:200],
        )


__all__ = ["read_feed"]
