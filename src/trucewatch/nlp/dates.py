"""Event dates from a sentence, relative to the report's publication date.

dateparser reads explicit dates well but returns nothing for "hours after" and reads
"within a week" as a week ago (field notes), so relative phrases follow our own table:

| phrase                                   | date                                 | precision |
|------------------------------------------|--------------------------------------|-----------|
| "February 12", "12 Feb 2015", "Feb. 12"  | that day; no year: publication year,  | day       |
|                                          | previous year if the month is later  |           |
| "on Tuesday"                             | latest Tuesday on or before publication | day    |
|                                          | (two weekdays: the earlier, the event  |           |
|                                          | precedes the statement about it)      |           |
| "the same day", "later that day",        | no date of its own: the previous      | (inherited) |
| "hours after/later/earlier"              | event's (publication day if none)     |           |
| "two days earlier", "a day later"        | the previous event's day, shifted     | day       |
| "today", "hours ago", "this morning"     | publication day                      | day       |
| "yesterday", "last night", "overnight"   | day before publication (night events | day       |
|                                          | are dated to the evening they began) |           |
| "two days ago" (two to six)              | publication - that many days         | day       |
| "last week", "this week", "days ago"     | publication - 7 / publication        | week      |
| "last month", "earlier this month"       | first day of that month              | month     |
| "in March"                               | that month (year as above)           | month     |
| "in 2015"                                | that year                            | year      |

A date that dates another event is not the sentence's: "the deadliest attack since the
truce began on 27 February", "its air campaign, which began on Sept. 30", "since
Saturday" name when a reference event (a truce, a campaign, a period) started, so they
are read past (`reference_spans`) before the table applies.

With no publication date, only phrases that carry their own year yield a date: the reader
never invents a year.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from trucewatch.model.event import DatePrecision

# v2: "the same day"/"hours after" inherit; earliest of two weekdays; "January 10 and 11"
# v3: dates of a reference event ("since the truce began on 27 February") are read past
# v4: a page's own date line heading the first sentence ("Posted on 2 April 2017 by X ...")
#     yields to a day and month the sentence writes out; "two days ago" is two days before
#     publication (it read as a week)
# v5: a photo caption run into a sentence ("... in Aleppo, Syria June 18 2016 (Reuters)")
#     dates the photo, not the sentence's event
# v6: "over the weekend" is its Saturday; a wire dateline's filing date ("KYIV, Oct 6 -")
#     yields to the lead's own weekday
# v7: "two days earlier", "a day later", "the day before," shift the previous event's day
DATES_VERSION = "trucewatch.nlp.dates.v7"

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?:\s*(?:and|to|-|–)\s*(?P<d3>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:people|km|%)))?)"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(
    rf"\b(?:in|since|during|early|late|mid-?)\s+(?P<m>{_MONTH})"
    r"(?:\s+(?P<y>(?:19|20)\d\d))?\b(?!\s*\d)",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"\bin\s+((?:19|20)\d\d)\b")
_RELATIVE: tuple[tuple[re.Pattern[str], int, DatePrecision], ...] = (
    (re.compile(r"\b(?:day before yesterday)\b", re.I), -2, "day"),
    (
        re.compile(r"\b(?:yesterday|last night|overnight|late on the previous day)\b", re.I),
        -1,
        "day",
    ),
    (
        re.compile(
            r"\b(?:today|tonight|this (?:morning|afternoon|evening)|hours ago"
            r"|earlier in the day)\b",
            re.I,
        ),
        0,
        "day",
    ),
    (
        re.compile(
            r"\b(?:last week|a week ago|(?:a few |several )?days ago|past few days"
            r"|recent days)\b",
            re.I,
        ),
        -7,
        "week",
    ),
    (re.compile(r"\b(?:this week|earlier this week)\b", re.I), 0, "week"),
)
# "two days ago": a counted number of days names the day itself ("days ago" alone, a week)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS.update({str(n): n for n in range(2, 7)})
_DAYS_AGO = re.compile(r"\b(two|three|four|five|six|[2-6]) days ago\b", re.IGNORECASE)
# Phrases that date an event by the one told before it: no date of their own.
_REFERS_BACK = re.compile(
    r"\b(?:(?:on )?the same day|(?:later|earlier) (?:that|the same) (?:day|night|evening|morning)"
    r"|that same (?:day|night)|(?:hours|minutes) (?:after|before|earlier|later))\b",
    re.IGNORECASE,
)
# When a reference event started: after "since", or in a clause whose verb says something
# began ("the truce began on", "which came into force on", "since it was declared on").
_WHEN = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?"
    r"|(?:last\s+)?(?:" + "|".join(_WEEKDAYS) + r")|(?:19|20)\d\d)(?:,?\s+(?:19|20)\d\d)?"
)
_STARTED = (
    r"(?:began|begun|begins|started|starts|came into (?:force|effect)|took effect"
    r"|went into (?:force|effect)|(?:was|were) (?:declared|agreed|signed|announced|brokered"
    r"|launched)|launched|declared|signed)"
)
_REFERENCE = re.compile(
    rf"\b(?:since|which|that|after|before|when|until)\s+(?:[\w'’.-]+,?\s+){{0,6}}?"
    rf"{_STARTED}\s+(?:on\s+|in\s+)?{_WHEN}"
    rf"|\bsince\s+(?:early\s+|late\s+|mid-?)?{_WHEN}",
    re.IGNORECASE,
)
# A full date ("2 April 2017", "April 2, 2017")
_FULL = rf"(?i:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+(?:19|20)\d\d"
# The page's own date line heading the first sentence: "Posted on April 2 2017 by X",
# "Published July 20 2015", "8 July 2015 Regime forces ..."
_PAGE_DATE = re.compile(
    rf"^\W{{0,3}}(?:(?:posted|published|updated)(?:\s+on)?\s+|date of publication\s+"
    rf"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<date>{_FULL})\b",
    re.IGNORECASE,
)
_FULL_RE = re.compile(rf"(?<![\w-]){_FULL}")
# A photo caption ends in its stamp and credit: a full date with its year, then a short
# parenthesised credit naming an agency, a photo or a file picture ("Syria June 18 2016
# (TRT World and Agencies)", "on July 1 2016. (AFP Photo)", "April 18 2017 (File photo)").
# A flattened page runs the caption into the lead, so the stamp must not date the lead.
_CREDIT = (
    r"\((?=[^()]{0,40}\b(?:agenc(?:y|ies)|photo|file|pictures?|images?|reuters|afp|ap|getty"
    r"|anadolu|epa|xinhua|sana)\b)[^()]{1,40}\)"
)
_CAPTION_STAMP = re.compile(rf"(?<![\w-])(?:on\s+)?{_FULL}\.?\s*(?:{_CREDIT}\s*)+", re.IGNORECASE)
_MONTH_REL = re.compile(r"\b(last month|earlier this month|this month)\b", re.IGNORECASE)
# "over the weekend": the Saturday it began, like a weekday before the statement's day
_WEEKEND = re.compile(r"\b(?:over|at|during|on) the weekend\b", re.IGNORECASE)
# A wire dateline's filing date ("KYIV, Oct 6 -", "BEIRUT, March 3 (Reuters) -") is when the
# report was filed, not when its event happened: a weekday or date in the lead wins over it.
_DATELINE_DATE = re.compile(
    rf"^\W{{0,3}}[A-Z][A-Z .'’-]{{1,40}},(?:\s+[A-Z][\w .'’-]{{1,40}},)?\s+"
    rf"(?P<date>(?:{_MONTH})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH}))"
    r"(?:,?\s+(?:19|20)\d\d)?\s*(?:\([^()]{1,30}\)\s*)?[-—–]",
    re.IGNORECASE,
)


def _month_year(month: int, year: int | None, published: dt.date | None) -> int | None:
    if year is not None:
        return year
    if published is None:
        return None
    return published.year - 1 if month > published.month else published.year


def _explicit(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    # a span of days ("talks on January 10 and 11") is dated at its end, when it was done
    day = match.group("d1") or match.group("d3") or match.group("d2")
    month_name = (match.group("m1") or match.group("m2")).lower().rstrip(".")
    month = _MONTHS[month_name]
    year = _month_year(month, int(match.group("y")) if match.group("y") else None, published)
    if year is None:
        return None
    phrase = f"{int(day)} {month_name} {year}"
    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={"STRICT_PARSING": True, "DATE_ORDER": "DMY"},
    )
    if parsed is None:
        return None
    return parsed.date()


def resolve_date(
    text: str, published: dt.date | None
) -> tuple[dt.date | None, DatePrecision] | None:
    """The date a sentence gives its event, or None when it names no time at all.

    A page date line heading the sentence (the publication date) yields to a day and month
    the sentence writes out ("Posted on April 2 2017 ... accused the army of bombing Hama
    on March 25" is March 25). Not to a weekday or "yesterday", nor to a date with its year:
    in a page flattened to one line, headline, date line, photo caption and lead run
    together, and those may be the date line's own ("AFP Monday 2 Feb 2015") or a caption's
    ("... in Aleppo, July 1 2016 (AFP Photo)")."""
    text = _read_past_references(text)
    filed = _DATELINE_DATE.match(text)
    if filed is not None:
        start, end = filed.span("date")
        found = resolve_date(text[:start] + " " * (end - start) + text[end:], published)
        if found is not None and found[0] is not None:
            return found
    page = _PAGE_DATE.match(text)
    if page is not None and published is not None:
        on = _explicit(_DAY_MONTH.search(page.group("date")), published)  # type: ignore[arg-type]
        rest = text[page.end() :]
        written = _DAY_MONTH.search(rest)
        if on == published and written is not None and not written.group("y"):
            found = resolve_date(" " * page.end() + rest, published)
            if found is not None and found[0] is not None:
                return found
    iso = _ISO.search(text)
    if iso:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))), "day"
        except ValueError:
            pass
    explicit = _DAY_MONTH.search(text)
    if explicit:
        return _explicit(explicit, published), "day" if published or explicit.group("y") else (
            "unknown"
        )
    weekdays = _WEEKDAY.findall(text) + (["saturday"] if _WEEKEND.search(text) else [])
    if weekdays:
        if published is None:
            return None, "unknown"
        # "X on Monday accused Y of a strike on Sunday": the event is the earlier day
        back = max((published.weekday() - _WEEKDAYS.index(w.lower())) % 7 for w in weekdays)
        return published - dt.timedelta(days=back), "day"
    if _REFERS_BACK.search(text):
        return None
    counted = _DAYS_AGO.search(text)
    if counted:
        if published is None:
            return None, "unknown"
        return published - dt.timedelta(days=_COUNTS[counted.group(1).lower()]), "day"
    for pattern, offset, precision in _RELATIVE:
        if pattern.search(text):
            if published is None:
                return None, "unknown"
            return published + dt.timedelta(days=offset), precision
    month_rel = _MONTH_REL.search(text)
    if month_rel:
        if published is None:
            return None, "unknown"
        first = published.replace(day=1)
        if month_rel.group(1).lower() == "last month":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return first, "month"
    month_only = _MONTH_ONLY.search(text)
    if month_only:
        month = _MONTHS[month_only.group("m").lower().rstrip(".")]
        year = _month_year(
            month, int(month_only.group("y")) if month_only.group("y") else None, published
        )
        if year is None:
            return None, "unknown"
        return dt.date(year, month, 1), "month"
    year_only = _YEAR_ONLY.search(text)
    if year_only:
        return dt.date(int(year_only.group(1)), 1, 1), "year"
    return None


def caption_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of photo captions run into a sentence: from the sentence's start to the
    caption's stamp and credit ("A boy walks past rubble in Aleppo Syria May 2 2016 (AFP
    Photo)"), or from the page's date line before it. The caption's date and place are
    the photo's, not the event's."""
    stamps = list(_CAPTION_STAMP.finditer(text))
    if not stamps:
        return []
    # a full date before the caption is the page's date line ("AP Saturday 9 Jul 2016"):
    # headline and date line stay the sentence's, the caption starts after them
    before = [m.end() for m in _FULL_RE.finditer(text, 0, stamps[-1].start())]
    return [(before[-1] if before else 0, stamps[-1].end())]


def reference_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of phrases dating a reference event, not the sentence's own: "since the
    truce began on 27 February", "which began on Sept. 30", "since Saturday"."""
    return [m.span() for m in _REFERENCE.finditer(text)]


def _read_past_references(text: str) -> str:
    for start, end in [*reference_spans(text), *caption_spans(text)]:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# "Two days earlier, troops raided ...": counted days from the event told before. "before"
# and "after" count only when they end the phrase ("the day before,"): "two days after the
# truce" measures from the truce, not from the previous event.
_DAYS_APART = re.compile(
    r"\b(?:(?P<n>two|three|four|five|six|[2-6]) days|(?:a|one|the) day)\s+"
    r"(?:(?P<dir>earlier|later)\b|(?P<prep>before|after)(?=\s*[,.;]))",
    re.IGNORECASE,
)


def days_apart(text: str) -> int | None:
    """Days from the previous event's day that the sentence dates its own by ("two days
    earlier" -2, "a day later" +1), or None when it counts none."""
    match = _DAYS_APART.search(_read_past_references(text))
    if match is None:
        return None
    n = _COUNTS[match.group("n").lower()] if match.group("n") else 1
    back = (match.group("dir") or match.group("prep")).lower() in {"earlier", "before"}
    return -n if back else n


def refers_back(text: str) -> bool:
    """Does the sentence date its event by the one told before it ("on the same day",
    "hours after the truce")? The reader then inherits the previous date."""
    return bool(_REFERS_BACK.search(text))


def leading_date(text: str) -> dt.date | None:
    """A dateline's date ("12 February 2015 ..." at the top of a report), if it has a year."""
    head = text[:80]
    match = _DAY_MONTH.search(head)
    if match and match.group("y") and match.start() < 25:
        return _explicit(match, None)
    iso = _ISO.search(head)
    if iso and iso.start() < 25:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    return None


__all__ = [
    "DATES_VERSION",
    "caption_spans",
    "days_apart",
    "leading_date",
    "reference_spans",
    "refers_back",
    "resolve_date",
]
