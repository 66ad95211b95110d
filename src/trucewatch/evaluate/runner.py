"""Running an extractor over gold inputs. The extractor comes in as a function, so this
module stays at the stage level (the CLI wires `trucewatch.pipeline` into it).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trucewatch.evaluate.datasets import (
    read_acled,
    read_case2021,
    read_fakes,
    score_acled,
    score_case2021,
    score_fakes,
)
from trucewatch.evaluate.gold import Tally, score_case

# text, published, source -> interchange record
RecordFn = Callable[[str, dt.date | None, str | None], dict[str, Any]]

_LEADING = re.compile(
    r"^(?:posted on |published |(?:mon|tue|wed|thu|fri|sat|sun)\w* )?"
    r"(?P<a>\d{1,2} [A-Za-z]+ \d{4}|[A-Za-z]+ \d{1,2},? \d{4})",
    re.IGNORECASE,
)


# FA-KES pages also print "Date of publication 5 August 2016", "24.08.2013", "15-09-2013",
# or the headline then "AFP Friday 22 Jul 2016": a full date (with its year) after a label
# or a weekday near the top is the page's own date line, never a date guessed from today.
# The CSV flattened each page to one line, so the extract stage's line-based header reader
# (extract/dates.py) cannot see that date line; this restores what the flattening lost.
_NUMERIC_LEADING = re.compile(r"^(?:date of publication |published )?(\d{2})[.-](\d{2})[.-](\d{4})")
# A stamp that lost its comma and space runs day and year together ("Last updated at Apr
# 152017"): a month, then two digits of day and four of year.
_FULL_DATE = (
    r"(?P<a>\d{1,2} [A-Za-z]+\.? \d{4}|[A-Za-z]+\.? \d{1,2},? \d{4})"
    r"|(?P<n>\d{1,2}[./-]\d{1,2}[./-]\d{4})"
    r"|(?P<g>[A-Za-z]{3,9}\.? [0-3]\d(?:19|20)\d\d)\b"
)
_LABELLED = re.compile(
    r"\b(?:date of publication|published(?: on)?|posted(?: on)?|updated(?: on)?|(?:mon|tues?|wed"
    r"|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?),?\s+(?:" + _FULL_DATE + ")",
    re.IGNORECASE,
)
# an unlabelled full date in the head ("... Reuters 12 March 2016 ..."), unless it is the
# object of a preposition that makes it history ("since 15 March 2011")
_UNLABELLED = re.compile(r"(?<![\w-])(?:" + _FULL_DATE + ")", re.IGNORECASE)
_HISTORY_PREP = re.compile(r"\b(?:since|until|till|from|between|before|after|in|of)\s*$", re.I)
# Headline + standfirst + credit + date line: the FA-KES dev pages (first 100) put the date
# line up to ~230 characters in; 300 keeps it and stays clear of the body's own dates.
LEADING_WINDOW_CHARS = 300


def _parse_leading(raw: str) -> dt.date | None:
    raw = raw.replace(",", "").replace(".", "")
    for fmt in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def _parse_numeric(raw: str) -> dt.date | None:
    """Day first ("24.08.2013"), as the outlets that print numeric dates do; month first
    only when the first number cannot be a month's day order ("08/24/2013")."""
    first, second, year = (int(g) for g in re.split(r"[./-]", raw))
    for day, month in ((first, second), (second, first)):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _date_of(match: re.Match[str]) -> dt.date | None:
    if match.group("a"):
        return _parse_leading(match.group("a"))
    if match.group("g"):
        glued = match.group("g")
        return _parse_leading(f"{glued[:-6]}{glued[-6:-4]} {glued[-4:]}")
    return _parse_numeric(match.group("n"))


def leading_published(text: str) -> dt.date | None:
    """FA-KES articles open with their publication date ("12 February 2015 ..."), or print
    it after a label, a weekday or the credit near the top of the flattened page."""
    head = text.strip()
    m = _LEADING.match(head)
    if m:
        return _parse_leading(m.group("a"))
    numeric = _NUMERIC_LEADING.match(head.lower())
    if numeric:
        day, month, year = (int(g) for g in numeric.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    window = head[:LEADING_WINDOW_CHARS]
    for pattern in (_LABELLED, _UNLABELLED):
        for found in pattern.finditer(window):
            if pattern is _UNLABELLED and _HISTORY_PREP.search(window[: found.start()]):
                continue
            parsed = _date_of(found)
            if parsed is not None:
                return parsed
    return None


def run_gold_file(path: str | Path, record: RecordFn) -> Tally:
    """Score one gold JSON file: the input path is relative to the gold file."""
    path = Path(path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["input"]).read_text(encoding="utf-8")
    published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
    rec = record(text, published, gold.get("source"))
    undated = record(text, None, gold.get("source")) if "without_published" in gold else None
    return score_case(gold, rec, undated)


def detect_format(path: str | Path) -> str:
    """gold | case2021 | fakes | acled, from the file's name and header."""
    p = Path(path)
    if p.suffix == ".json":
        return "gold"
    with open(p, encoding="utf-8") as handle:
        header = handle.readline()
    if "EventSnippet" in header and "SubType" in header:
        return "case2021"
    if "article_content" in header and "nb_civilians" in header:
        return "fakes"
    if "notes" in header and "sub_event_type" in header:
        return "acled"
    raise ValueError(
        f"{p}: unknown gold format; expected a .gold.json file, a CASE 2021 TSV "
        "(EventSnippet, SubType), an FA-KES CSV (article_content, nb_civilians) or an "
        "ACLED CSV (notes, sub_event_type)"
    )


def run_file(
    path: str | Path,
    record: RecordFn,
    limit: int | None = None,
    country_names: dict[str, str] | None = None,
) -> Tally:
    """Score any supported gold file. `country_names` (ISO alpha-2 -> English name) lets
    ACLED's country column, which holds names, be compared with our codes."""
    kind = detect_format(path)
    if kind == "gold":
        return run_gold_file(path, record)
    if kind == "case2021":
        rows = read_case2021(path)[:limit]
        return score_case2021(rows, [record(r.text, None, None) for r in rows])
    if kind == "fakes":
        frows = read_fakes(path)[:limit]
        recs = [
            record(r["article_content"], leading_published(r["article_content"]), r["source"])
            for r in frows
        ]
        return score_fakes(frows, recs)
    arows = list(read_acled(path))[:limit]
    recs = [record(r.get("notes", ""), None, r.get("source")) for r in arows]
    return score_acled(arows, recs, country_names)


__all__ = ["RecordFn", "detect_format", "leading_published", "run_file", "run_gold_file"]
