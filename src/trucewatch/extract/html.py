"""HTML pages through trafilatura, behind cheap guards for pathological pages.

trafilatura on a 10 MB page took 11 s and 525 MB, and 100k-deep nesting gives empty output
with no error (field notes), so pages are capped in bytes and checked for nesting depth by a
linear scan of the tags before any parser sees them.
"""

from __future__ import annotations

import re
from configparser import ConfigParser
from dataclasses import dataclass
from datetime import date

import trafilatura
from trafilatura.settings import use_config

# Elements that never nest: void elements, and those whose end tag HTML lets authors omit
# (a page of unclosed <p> or <li> is shallow, not deep).
_NO_DEPTH = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "rb",
        "rt",
        "rp",
        "tbody",
        "thead",
        "tfoot",
        "colgroup",
        "html",
        "head",
        "body",
    }
)
# `[^<>]*` keeps every match attempt from running past the next tag: the scan stays linear
# even on hostile input such as "<a<a<a...". Tags inside scripts and comments are counted
# too; they rarely unbalance, and the cap is far above real pages' depth.
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")


def nesting_depth(html: bytes, stop_at: int) -> int:
    """Deepest element nesting, counted from tags alone; stops counting past `stop_at`."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        name = match.group(2).lower().decode("ascii", "replace")
        if name in _NO_DEPTH or match.group(3):
            continue
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_at:
                    return deepest
    return deepest


@dataclass(frozen=True)
class HtmlExtraction:
    """What trafilatura found: the main text (one paragraph a line) and page metadata."""

    text: str
    title: str | None
    date: date | None
    sitename: str | None
    author: str | None


def _config() -> ConfigParser:
    """trafilatura settings for offline, single-document use (built per call: no globals)."""
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # our own limit applies (timelimit.py)
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    config.set("DEFAULT", "EXTERNAL_URLS", "off")
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "100")
    return config


def _as_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_html(html: str, url: str | None = None) -> HtmlExtraction | None:
    """Run trafilatura with metadata; None when it finds no main text."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        include_tables=True,
        deduplicate=False,
        # the page's own dates only: no guessing from the URL or from today's clock
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_config(),
    )
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        return None
    return HtmlExtraction(
        text=text,
        title=(data.get("title") or "").strip() or None,
        date=_as_date(data.get("date")),
        sitename=(data.get("sitename") or "").strip() or None,
        author=(data.get("author") or "").strip() or None,
    )


__all__ = ["HtmlExtraction", "extract_html", "nesting_depth"]
