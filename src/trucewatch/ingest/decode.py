"""Bytes to text: sniff what a blob is, refuse binaries, decode without ever crashing.

Reports arrive with wrong or missing charset declarations more often than not, so decoding
tries, in order: a byte-order mark; strict UTF-8 (valid multi-byte UTF-8 is almost never an
accident); the declared charset (HTML meta, XML declaration, HTTP header); charset-normalizer's
best guess; strict cp1252. Only when all of those fail is a blob "undecodable".
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["html", "text", "feed", "warc"]

# How many leading bytes the sniffers look at: enough for a doctype, XML declaration,
# <meta charset> and a feed's root element, small enough to be free.
SNIFF_BYTES = 4096

# Control bytes that never occur in text (everything below 0x20 except \t \n \v \f \r
# and ESC, which some terminal-captured text carries).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
# Share of control bytes above which a blob is binary. Text files have none; 5% leaves room
# for a few stray form feeds in plain-text dumps.
_MAX_CONTROL_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_MARK = re.compile(
    rb"<(!doctype\s+html|html|head|body|div|p|article|section|main|meta|title|h1|h2|span|table)"
    rb"[\s>/]",
    re.I,
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the charset that worked (for provenance)."""

    text: str
    charset: str


class DecodeRefusal(Exception):
    """Internal: the blob is not text; `reason` is the Skipped reason code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def bom_charset(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the head mean this is not a text report."""
    if bom_charset(data) in {"utf-16", "utf-32"}:
        return False
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b in _CONTROL)
    return control / len(head) > _MAX_CONTROL_SHARE


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset a document claims: HTTP header first, then XML declaration, then meta."""
    if header:
        found = _HEADER_CHARSET.search(header)
        if found:
            return found.group(1)
    head = data[:SNIFF_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii", "replace")
    return None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, header_charset: str | None = None) -> Decoded:
    """Decode a report's bytes; raise DecodeRefusal("empty"|"binary"|"undecodable")."""
    if not data.strip():
        raise DecodeRefusal("empty", "no content")
    if is_binary(data):
        raise DecodeRefusal("binary", "content has NUL or control bytes: not a text report")
    bom = bom_charset(data)
    if bom:
        try:
            return Decoded(data.decode(bom), bom)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _codec(declared_charset(data, header_charset))
    if declared and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        raise DecodeRefusal(
            "undecodable", f"not UTF-8, not {declared or 'any declared charset'}, no good guess"
        ) from None


def _guess(data: bytes) -> Decoded | None:
    """charset-normalizer's best guess, if it is confident the result is readable text."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # an optional helper: cp1252 below still covers Western text
        return None
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    try:
        return Decoded(data.decode(best.encoding), best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def sniff_kind(data: bytes) -> Kind:
    """Guess what a blob with no telling file name is, from its first bytes."""
    head = data[:SNIFF_BYTES]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    if _FEED_ROOT.search(head) and (stripped.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))):
        return "feed"
    if stripped.startswith(b"<") and _HTML_MARK.search(head):
        return "html"
    if _HTML_MARK.search(head) and head.count(b"<") > 3:
        return "html"
    return "text"


__all__ = [
    "DecodeRefusal",
    "Decoded",
    "Kind",
    "declared_charset",
    "decode_bytes",
    "is_binary",
    "sniff_kind",
]
