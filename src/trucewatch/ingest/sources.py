"""Turn what the analyst points at (files, folders, stdin, JSONL, WARC, feeds, URLs) into Documents.

Every refusal is a `Skipped(reason)` value so a batch goes on past one bad input. Reason
codes: not-found, unreadable, empty, binary, too-large, undecodable, bad-jsonl,
truncated-warc, malformed-feed, fetch-disabled, fetch-refused, fetch-timeout, fetch-failed.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from trucewatch.config import Settings
from trucewatch.errors import InputError
from trucewatch.ingest.decode import SNIFF_BYTES, DecodeRefusal, Kind, decode_bytes, sniff_kind
from trucewatch.ingest.feed import read_feed
from trucewatch.ingest.fetch import AddressPolicy, fetch_url, skip_reason
from trucewatch.ingest.warc import read_warc, read_warc_file
from trucewatch.model import Document, Skipped

Item = Document | Skipped

_HTML_EXT = {".html", ".htm", ".xhtml"}
_FEED_EXT = {".xml", ".rss", ".atom"}
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


@dataclass(frozen=True)
class _Context:
    """What every reader needs: limits, defaults from the caller, and the fetch policy."""

    settings: Settings
    published: date | None
    source_name: str | None
    policy: AddressPolicy


def read_sources(
    sources: Sequence[str],
    settings: Settings,
    *,
    published: date | None = None,
    source_name: str | None = None,
    stdin: BinaryIO | None = None,
    policy: AddressPolicy | None = None,
) -> Iterator[Document | Skipped]:
    """Yield one Document (or Skipped) per report found in `sources`, in order.

    A source is a file path, a folder (read recursively, sorted, hidden files skipped),
    `-` for `stdin`, or an http(s) URL (fetched only when settings.fetch_enabled).
    `published` and `source_name` fill in what a report's own metadata does not give.
    """
    ctx = _Context(settings, published, source_name, policy or AddressPolicy())
    for source in sources:
        if source == "-":
            yield from _read_stdin(stdin, ctx)
        elif source.startswith(("http://", "https://")):
            yield from _read_url(source, ctx, source_id=source)
        elif os.path.isdir(source):
            yield from _read_folder(source, ctx)
        else:
            yield from _read_path(source, ctx)


def _read_folder(folder: str, ctx: _Context) -> Iterator[Item]:
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                path = os.path.join(root, name)
                found.append((Path(os.path.relpath(path, folder)).parts, path))
    for _parts, path in sorted(found):
        yield from _read_path(path, ctx)


def _kind_from_name(path: str) -> Kind | str | None:
    name = path.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if name.endswith(".jsonl"):
        return "jsonl"
    suffix = Path(name).suffix
    if suffix in _HTML_EXT:
        return "html"
    if suffix in _FEED_EXT:
        return "feed"
    if suffix in {".txt", ".md", ".text"}:
        return "text"
    return None


def _read_path(path: str, ctx: _Context) -> Iterator[Item]:
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        yield Skipped(source_id=path, reason="not-found", detail=f"no such file: {path}")
        return
    except OSError as error:
        yield Skipped(source_id=path, reason="unreadable", detail=str(error))
        return
    kind = _kind_from_name(path)
    try:
        if kind == "warc":
            yield from read_warc_file(path, ctx.settings.max_document_bytes, source=ctx.source_name)
            return
        if kind == "jsonl":
            yield from _read_jsonl(path, ctx)
            return
        if size > ctx.settings.max_document_bytes:
            yield _too_large(path, ctx.settings.max_document_bytes, size)
            return
        with open(path, "rb") as handle:
            data = handle.read(ctx.settings.max_document_bytes + 1)
    except OSError as error:
        yield Skipped(source_id=path, reason="unreadable", detail=str(error))
        return
    yield from _read_blob(data, path, kind, ctx, origin="file")


def _too_large(source_id: str, limit: int, size: int | None = None) -> Skipped:
    shown = f"{size} bytes" if size is not None else f"more than {limit} bytes"
    detail = f"{shown} (limit max_document_bytes={limit})"
    return Skipped(source_id=source_id, reason="too-large", detail=detail)


def _read_stdin(stdin: BinaryIO | None, ctx: _Context) -> Iterator[Item]:
    if stdin is None:
        yield Skipped(source_id="-", reason="unreadable", detail="no standard input given")
        return
    limit = ctx.settings.max_document_bytes
    data = stdin.read(limit + 1)
    if len(data) > limit:
        yield _too_large("-", limit)
        return
    yield from _read_blob(data, "-", None, ctx, origin="stdin")


def _read_blob(
    data: bytes,
    source_id: str,
    kind: Kind | str | None,
    ctx: _Context,
    *,
    origin: str,
    header_charset: str | None = None,
    url: str | None = None,
) -> Iterator[Item]:
    """Bytes already in hand: dispatch on the known or sniffed kind."""
    if kind is None or (kind == "text" and data[:SNIFF_BYTES].lstrip().startswith(b"<")):
        kind = sniff_kind(data) if data.strip() else "text"
    if kind == "warc":
        yield from read_warc(
            io.BytesIO(data),
            source_id,
            ctx.settings.max_document_bytes,
            total_size=len(data),
            source=ctx.source_name,
        )
        return
    if kind == "feed":
        yield from read_feed(data, source_id, source=ctx.source_name, published=ctx.published)
        return
    try:
        decoded = decode_bytes(data, header_charset)
    except DecodeRefusal as refusal:
        yield Skipped(source_id=source_id, reason=refusal.reason, detail=refusal.detail)
        return
    yield Document(
        source_id=source_id,
        content=decoded.text,
        media_type="text/html" if kind == "html" else "text/plain",
        url=url,
        source=ctx.source_name,
        published=ctx.published,
        published_from="flag" if ctx.published else None,
        origin=origin,
    )


def _read_url(url: str, ctx: _Context, *, source_id: str) -> Iterator[Item]:
    if not ctx.settings.fetch_enabled:
        yield Skipped(
            source_id=source_id,
            reason="fetch-disabled",
            detail=f"{url} not fetched: fetching is off (enable with --fetch)",
        )
        return
    try:
        page = fetch_url(url, ctx.settings, policy=ctx.policy)
    except InputError as error:
        yield Skipped(source_id=source_id, reason=skip_reason(error), detail=str(error))
        return
    content_type = page.content_type.split(";")[0].strip().lower()
    kind: Kind | None = None
    markup = content_type in {"text/html", "application/xhtml+xml"}
    if markup or content_type in _FEED_TYPES or content_type.endswith("+xml"):
        # servers label feeds as text/html and pages as XML: trust the bytes
        kind = "feed" if sniff_kind(page.body) == "feed" else "html"
    elif content_type == "text/plain":
        kind = "text"
    yield from _read_blob(
        page.body,
        source_id,
        kind,
        ctx,
        origin="url",
        header_charset=page.content_type,
        url=page.final_url,
    )


def _read_jsonl(path: str, ctx: _Context) -> Iterator[Item]:
    """One report per line; a bad line is a Skipped naming the line, and reading goes on."""
    limit = ctx.settings.max_document_bytes
    with open(path, "rb") as handle:
        number = 0
        while True:
            line = handle.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith(b"\n"):
                while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # drop the rest of the oversized line without holding it
                yield _too_large(f"{path}#line-{number}", limit)
                continue
            if not line.strip():
                continue
            yield from _jsonl_line(line, path, number, ctx)


def _bad_line(path: str, number: int, why: str, record_id: str | None = None) -> Skipped:
    return Skipped(
        source_id=record_id or f"{path}#line-{number}",
        reason="bad-jsonl",
        detail=f"{path} line {number}: {why}",
    )


def _jsonl_line(line: bytes, path: str, number: int, ctx: _Context) -> Iterator[Item]:
    try:
        record: Any = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        yield _bad_line(path, number, f"not JSON ({error})")
        return
    if not isinstance(record, dict):
        yield _bad_line(path, number, "not a JSON object")
        return
    record_id = record.get("id")
    source_id = str(record_id) if record_id not in (None, "") else f"{path}#line-{number}"
    try:
        line_date = _parse_date(record.get("published"))
    except ValueError as error:
        yield _bad_line(path, number, str(error), source_id)
        return
    fields = {key: record.get(key) for key in ("text", "html", "url", "path", "source", "title")}
    wrong = [k for k, value in fields.items() if value is not None and not isinstance(value, str)]
    if wrong:
        yield _bad_line(path, number, f"field {wrong[0]!r} must be a string", source_id)
        return
    line_ctx = _Context(
        ctx.settings, line_date or ctx.published, fields["source"] or ctx.source_name, ctx.policy
    )
    items: Iterator[Item]
    if fields["text"] is not None or fields["html"] is not None:
        body = fields["html"] if fields["html"] is not None else fields["text"] or ""
        kind = "html" if fields["html"] is not None else "text"
        items = _read_blob(body.encode("utf-8"), source_id, kind, line_ctx, origin="jsonl")
    elif fields["path"]:
        items = _read_path(_relative_to(fields["path"], path), line_ctx)
    elif fields["url"]:
        items = _read_url(fields["url"], line_ctx, source_id=source_id)
    else:
        yield _bad_line(path, number, "needs one of 'text', 'html', 'path' or 'url'", source_id)
        return
    for item in items:
        if isinstance(item, Document):
            item = item.model_copy(
                update={
                    "source_id": source_id,
                    "url": fields["url"] or item.url,
                    "title": fields["title"] or item.title,
                    "origin": "jsonl",
                    "published_from": "metadata" if line_date else item.published_from,
                }
            )
        yield item


def _relative_to(target: str, jsonl_path: str) -> str:
    """A relative `path` in a JSONL line is read next to the JSONL file if not found as given."""
    if os.path.isabs(target) or os.path.exists(target):
        return target
    return os.path.join(os.path.dirname(jsonl_path), target)


def _parse_date(value: object) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"'published' must be a YYYY-MM-DD string, got {value!r}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"'published' must be YYYY-MM-DD, got {value!r}") from None


__all__ = ["read_sources"]
