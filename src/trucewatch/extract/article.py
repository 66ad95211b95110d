"""Document -> Article | Skipped: the clean, dated, credited text every later stage reads.

Publication date, in order of trust: the document's own metadata (feed, JSONL, WARC) or the
caller's --published flag (Document.published, with Document.published_from saying which),
then the page's metadata found by trafilatura, then a date line at the top of the page
("Monday 15 February 2016", also "metadata"), then a dateline that names its year. Never
today's date, never a date without its year: an unknown date stays None.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from trucewatch.config import Settings
from trucewatch.extract.boilerplate import Cleaned, clean_paragraphs, split_paragraphs
from trucewatch.extract.dates import dateline_date
from trucewatch.extract.html import HtmlExtraction, extract_html, nesting_depth
from trucewatch.extract.outlet import outlet_from_notices
from trucewatch.extract.timelimit import TimeLimitExceeded, run_with_time_limit
from trucewatch.model import Article, Document, Skipped, article_id

PublishedFrom = Literal["metadata", "flag", "dateline", "none"]

# Bumped whenever a rule change can change an article's text, credits or date.
EXTRACTOR_VERSION = "trucewatch.extract.v3"

# An article body shorter than this is a stub (a headline, a teaser): 40 characters is
# about one short sentence; tuned so teaser-only feed entries still pass.
MIN_BODY_CHARS = 40


def extract_article(doc: Document, settings: Settings) -> Article | Skipped:
    """Clean one document into an article, or say why not (a Skipped reason code).

    Reasons: too-large, too-deep, timeout, no-article-body.
    """
    size = len(doc.content.encode("utf-8", "surrogatepass"))
    if size > settings.max_document_bytes:
        return _skip(doc, "too-large", f"{size} bytes (limit {settings.max_document_bytes})")
    try:
        return run_with_time_limit(lambda: _extract(doc, settings), settings.max_document_seconds)
    except TimeLimitExceeded as error:
        return _skip(doc, "timeout", f"extraction {error} (max_document_seconds)")


def _skip(doc: Document, reason: str, detail: str) -> Skipped:
    return Skipped(source_id=doc.source_id, reason=reason, detail=detail)


def _extract(doc: Document, settings: Settings) -> Article | Skipped:
    page: HtmlExtraction | None = None
    if doc.media_type in {"text/html", "application/xhtml+xml"}:
        raw = doc.content.encode("utf-8", "surrogatepass")
        depth = nesting_depth(raw, settings.max_nesting_depth)
        if depth > settings.max_nesting_depth:
            detail = f"nesting deeper than {settings.max_nesting_depth} (max_nesting_depth)"
            return _skip(doc, "too-deep", detail)
        page = extract_html(doc.content, doc.url)
        if page is None:
            return _skip(doc, "no-article-body", "the page has no main text")
        paragraphs = split_paragraphs(page.text, unwrap=False, layout=True)
    else:
        paragraphs = split_paragraphs(doc.content, layout=True)
    title = doc.title or (page.title if page else None)
    cleaned = clean_paragraphs(paragraphs, outlet=doc.source, title=title)
    text = "\n\n".join(cleaned.paragraphs)
    if len(text) < MIN_BODY_CHARS:
        return _skip(doc, "no-article-body", f"only {len(text)} characters left after cleaning")
    published, published_from = _publication_date(doc, page, cleaned)
    return Article(
        id=article_id(text),
        source_id=doc.source_id,
        title=cleaned.title,
        source=doc.source or (page.sitename if page else None) or outlet_from_notices(paragraphs),
        url=doc.url,
        published=published,
        published_from=published_from,
        credits=cleaned.credits,
        author=cleaned.author or (page.author if page else None),
        text=text,
        extractor=EXTRACTOR_VERSION,
    )


def _publication_date(
    doc: Document, page: HtmlExtraction | None, cleaned: Cleaned
) -> tuple[date | None, PublishedFrom]:
    if doc.published is not None:
        if doc.published_from is not None:
            return doc.published, doc.published_from
        # documents built without the hint: files and stdin only get dates from the caller
        return doc.published, "flag" if doc.origin in {"file", "stdin"} else "metadata"
    if page is not None and page.date is not None:
        return page.date, "metadata"
    if cleaned.published is not None:
        return cleaned.published, "metadata"
    for paragraph in cleaned.paragraphs[:3]:
        found = dateline_date(paragraph)
        if found is not None:
            return found, "dateline"
    return None, "none"


__all__ = ["EXTRACTOR_VERSION", "extract_article"]
