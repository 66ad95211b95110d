"""The outlet's own name, read from its copyright notice when no metadata names it.

Plain-text copies of web pages keep the footer line "(c) 2016 Cedar Coast Times. All rights
reserved." long after the site name in the HTML head is gone. That notice is the most
reliable place a page names its publisher; fusion needs the outlet to count sources.
"""

from __future__ import annotations

import re

_MARK = r"(?i:\(c\)|©|copyright(?:\s*\(c\)|\s*©)?)"
_YEAR = r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?"
_NAME = r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|&|for|al-\w+)){0,6})"
_NOTICES = (
    # (c) 2016 Cedar Coast Times. All rights reserved.
    re.compile(rf"(?:^|[.!?]\s)\s*{_MARK}\s*{_YEAR}[,.]?\s+{_NAME}"),
    # (c) Idlib Dispatch 2016.
    re.compile(rf"(?:^|[.!?]\s)\s*{_MARK}\s*{_NAME}\s*[,.]?\s*{_YEAR}"),
    # The Barada Valley Herald (c) 2016.
    re.compile(rf"(?:^|[.!?]\s)\s*{_NAME}\s*{_MARK}\s*{_YEAR}"),
)
_CORPORATE_SUFFIX = re.compile(
    r"[,.]?\s+(?:Ltd|Limited|LLC|Inc|GmbH|S\.?A|plc|Group|Media Group)\.?$", re.IGNORECASE
)
_NOT_A_NAME = re.compile(r"^(?:all|this|by|copyright|rights|reserved)$", re.IGNORECASE)


def outlet_from_notices(lines: list[str]) -> str | None:
    """The publisher named in a copyright line, scanning from the bottom of the page."""
    for line in reversed(lines):
        if len(line) > 300:
            continue
        for pattern in _NOTICES:
            match = pattern.search(line)
            if not match:
                continue
            name = _clean(match.group("name"))
            if name:
                return name
    return None


def _clean(raw: str) -> str | None:
    name = re.split(r"(?<![A-Z])\.\s+|\s+(?:All|Reproduction|No part|Terms|Registered)\b", raw)[0]
    name = _CORPORATE_SUFFIX.sub("", name.strip(" .,;:-"))
    name = re.sub(r"^the\s+", "The ", name, flags=re.IGNORECASE)
    words = name.split()
    if not words or _NOT_A_NAME.match(words[0]) or len(name) < 3:
        return None
    if any(c.isdigit() for c in name):
        return None
    return name


__all__ = ["outlet_from_notices"]
