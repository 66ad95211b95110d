"""Ingest: sources (files, folders, stdin, JSONL, WARC, RSS/Atom, URLs) -> Document | Skipped."""

from trucewatch.ingest.decode import decode_bytes, sniff_kind
from trucewatch.ingest.fetch import (
    AddressPolicy,
    FetchedPage,
    FetchFailed,
    FetchTimeout,
    FetchTooLarge,
    check_url,
    fetch_url,
)
from trucewatch.ingest.sources import read_sources

__all__ = [
    "AddressPolicy",
    "FetchFailed",
    "FetchTimeout",
    "FetchTooLarge",
    "FetchedPage",
    "check_url",
    "decode_bytes",
    "fetch_url",
    "read_sources",
    "sniff_kind",
]
