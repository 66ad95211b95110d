"""Opaque page cursors shared by every backend, so a `next` value means the same everywhere."""

from __future__ import annotations

import base64

from trucewatch.errors import StoreError


def encode_cursor(offset: int) -> str:
    """Wrap an offset so clients treat it as opaque (we may switch to keyset paging later)."""
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset inside a cursor; a tampered or foreign cursor is a StoreError, not a 500."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, value = raw.split(":", 1)
        offset = int(value)
        if kind != "o" or offset < 0:
            raise ValueError(raw)
        return offset
    except (ValueError, UnicodeDecodeError):
        raise StoreError(
            f"invalid cursor {cursor!r}: pass back the 'next' value unchanged"
        ) from None


__all__ = ["decode_cursor", "encode_cursor"]
