"""WARC and WARC.gz archives: each HTML or plain-text response/resource record is a report.

warcio does not raise on a cut-off archive: a truncated gzip member is silently dropped and
an uncompressed record simply ends early. So truncation is detected by hand: a record whose
stream still owes bytes, or an archive whose iterator stopped before the end of the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from trucewatch.ingest.decode import DecodeRefusal, decode_bytes
from trucewatch.model import Document, Skipped

_TEXT_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
}


def _media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return _TEXT_TYPES.get(content_type.split(";")[0].strip().lower())


def read_warc(
    stream: BinaryIO,
    name: str,
    max_bytes: int,
    *,
    total_size: int | None = None,
    source: str | None = None,
) -> Iterator[Document | Skipped]:
    """Yield a Document per text record of the archive `stream`; `name` prefixes source ids."""
    iterator = ArchiveIterator(stream)
    index = 0
    try:
        for record in iterator:
            index += 1
            if record.rec_type not in {"response", "resource"}:
                continue
            source_id = f"{name}#record-{index}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response":
                if record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type")
            else:
                content_type = record.rec_headers.get_header("Content-Type")
            media_type = _media_type(content_type)
            if media_type is None:
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield Skipped(
                    source_id=source_id,
                    reason="too-large",
                    detail=f"record is larger than {max_bytes} bytes",
                )
                continue
            if record.raw_stream.limit > 0:
                yield Skipped(
                    source_id=source_id,
                    reason="truncated-warc",
                    detail=f"record {index} ends early: the archive is cut off",
                )
                return
            try:
                decoded = decode_bytes(body, content_type)
            except DecodeRefusal as refusal:
                yield Skipped(source_id=source_id, reason=refusal.reason, detail=refusal.detail)
                continue
            yield Document(
                source_id=source_id,
                content=decoded.text,
                media_type=media_type,  # type: ignore[arg-type]
                url=uri,
                source=source,
                origin="warc",
            )
    except Exception as error:  # warcio raises assorted errors on damaged archives
        yield Skipped(
            source_id=f"{name}#record-{index}",
            reason="truncated-warc",
            detail=f"archive unreadable after record {index - 1}: {type(error).__name__}",
        )
        return
    if total_size is not None and iterator.offset < total_size:
        yield Skipped(
            source_id=f"{name}#record-{index + 1}",
            reason="truncated-warc",
            detail=f"archive stops at byte {iterator.offset} of {total_size}: it is cut off",
        )


def read_warc_file(
    path: str, max_bytes: int, *, source: str | None = None
) -> Iterator[Document | Skipped]:
    """Stream a WARC file from disk: the archive itself may be far larger than one report."""
    size = os.path.getsize(path)
    with open(path, "rb") as stream:
        yield from read_warc(stream, path, max_bytes, total_size=size, source=source)


__all__ = ["read_warc", "read_warc_file"]
