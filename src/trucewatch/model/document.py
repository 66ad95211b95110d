"""Documents as read from a source, and the clean articles extracted from them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MediaType = Literal["text/plain", "text/html", "application/xhtml+xml"]


class Document(BaseModel):
    """One report as read from a source, before any cleaning.

    `source_id` is how the analyst knows it: the JSONL `id`, else the file path or URL
    (with `#record-N` inside a WARC or feed).
    """

    model_config = ConfigDict(frozen=True)

    source_id: str
    content: str
    media_type: MediaType = "text/plain"
    url: str | None = None
    source: str | None = None  # outlet name, e.g. "RFE/RL"
    published: date | None = None  # from the source's metadata or the --published flag
    title: str | None = None  # from a feed entry or JSONL, when given
    origin: str = "file"  # file | stdin | jsonl | warc | rss | url
    # where `published` came from: the source's own metadata or the caller's --published flag
    published_from: Literal["metadata", "flag"] | None = None


class Article(BaseModel):
    """A clean, dated, credited article: what every later stage reads."""

    model_config = ConfigDict(frozen=True)

    id: str  # sha256 of the normalised text
    source_id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: Literal["metadata", "flag", "dateline", "none"] = "none"
    credits: tuple[str, ...] = ()
    author: str | None = None
    language: str = "en"
    text: str
    extractor: str = "trucewatch.extract.v1"


class Skipped(BaseModel):
    """A document a stage refused, with a reason code counted in run reports."""

    model_config = ConfigDict(frozen=True)

    source_id: str
    reason: str  # short code: empty, binary, too-large, no-article-body, truncated-warc, ...
    detail: str = ""


class RunReport(BaseModel):
    """What one run did: counts that a script can check."""

    run_id: str
    command: str
    started: datetime
    finished: datetime | None = None
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: dict[str, int] = Field(default_factory=dict)
    article_ids: list[str] = Field(default_factory=list)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form an article's identity is computed on: NFC, collapsed spaces, casefolded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(text: str) -> str:
    """Stable id of an article: sha256 of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


__all__ = [
    "Article",
    "Document",
    "MediaType",
    "RunReport",
    "Skipped",
    "article_id",
    "normalise_text",
]
