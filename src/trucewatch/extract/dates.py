"""Publication dates from a report's dateline, and only when the dateline names the year.

"DAMASCUS, Feb. 27, 2016 (Reuters) -" dates a report; "DAMASCUS, Feb 27 (AP) —" does not:
guessing the year (from today's clock or anything else) would silently misdate old reports.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PLACE = r"[A-Z][A-Za-z'’. -]{1,40}(?:,\s*[A-Z][A-Za-z'’. -]{1,30})?"
# PLACE, Month D, YYYY  |  PLACE, D Month YYYY  — then a credit, a dash or the sentence
_DATELINE = re.compile(
    rf"^\s*{_PLACE},\s*(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}\s+(?P<year2>\d{{4}}))"
    r"\b\s*(?:\([^()]{1,40}\))?\s*(?:-|–|—|--|:|/)",
)


def dateline_date(paragraph: str) -> date | None:
    """The date a dateline at the start of `paragraph` gives, if it names day, month and year."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    month_name = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    year = match.group("year") or match.group("year2")
    month = _MONTHS.get(month_name[:4].lower().rstrip("."), _MONTHS.get(month_name[:3].lower()))
    if month is None:
        return None
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


__all__ = ["dateline_date"]
