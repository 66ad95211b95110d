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
_PLACE = r"[A-Z][A-Za-z'’./ -]{1,40}(?:,\s*[A-Z][A-Za-z'’. -]{1,30})?"
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


# --- header dates: the page's own date line near the top of a plain-text report ---------

_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?"
_LABEL = (
    r"(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+on)?|date|dated)"
    r"\s*:?"
)
_TIME = (
    r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?(?:GMT|UTC|[A-Z]{2,4})(?:\s*[+-]\s*\d{1,2})?\)?)?"
)
# the date itself, in the shapes outlets print: each one names day, month and year
_HEADER_DATE_SHAPES = (
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})", re.I),
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"),  # ISO
    re.compile(r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})"),  # dotted: day first
)
# the same shapes in one pattern, without named groups (a pattern cannot repeat a name)
_DATE_TEXT = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})"
).replace("?P<month>", "?:")
_SEP = r"(?:\s*[|•·,]\s*|\s+(?:[-–—]|at)\s+|\s+)"
# [label] [weekday[,]] DATE [[sep] time [zone]] [| short trailer]
_HEADER_LINE = re.compile(
    rf"^(?:{_LABEL}\s*)?(?:{_WEEKDAY},?\s+)?(?P<date>{_DATE_TEXT})"
    rf"(?:{_SEP}{_TIME})?"
    rf"(?:\s*(?:[|•·]|\s[-–—])\s*(?P<trailer>[^|.!?]{{1,40}}))?\s*$",
    re.I,
)
# "By Jane Doe | February 15, 2016": a byline and the date on one line
_BYLINE_DATE = re.compile(r"^(?P<byline>[Bb]y\s[^|•·]{2,60}?)\s*(?:[|•·,]|\s[-–—])\s*(?P<rest>.+)$")
# A header date line is short: "Monday 15 February 2016 | 14:20 GMT | Border desk" is 8 words.
MAX_HEADER_DATE_WORDS = 10
MAX_TRAILER_WORDS = 4


def _parse_date_text(text: str) -> date | None:
    for shape in _HEADER_DATE_SHAPES:
        match = shape.fullmatch(text.strip())
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("month"):
            name = groups["month"].lower().rstrip(".")
            month = _MONTHS.get(name[:4], _MONTHS.get(name[:3]))
        else:
            month = int(groups["mon"])
        try:
            return date(int(groups["year"]), month or 0, int(groups["day"]))
        except ValueError:
            return None
    return None


def header_date(line: str) -> tuple[date, str | None] | None:
    """The date a standalone header line names, and what is left of the line (a byline).

    Only short lines that are a date (with an optional label, weekday, time and a short
    trailer such as "| Border desk") count, and only full dates with a year:
    "Published: 16 Feb 2016" and "By Ana Ruiz | March 3, 2016" do; "February 12" and a
    story sentence that mentions a date do not. Returns None when the line is no date line.
    """
    text = line.strip()
    if not text or len(text.split()) > MAX_HEADER_DATE_WORDS:
        return None
    rest: str | None = None
    match = _HEADER_LINE.match(text)
    if match is None:
        byline = _BYLINE_DATE.match(text)
        if byline is None:
            return None
        match = _HEADER_LINE.match(byline.group("rest"))
        rest = byline.group("byline").strip()
        if match is None:
            return None
    trailer = match.group("trailer")
    if trailer and len(trailer.split()) > MAX_TRAILER_WORDS:
        return None
    found = _parse_date_text(match.group("date"))
    return (found, rest) if found is not None else None


__all__ = ["dateline_date", "header_date"]
