"""Counts of verdicts by kind, by party charged and by ISO week, for reports and dashboards."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from trucewatch.model.verdict import VERDICT_KINDS, Verdict

NO_PARTY = "(no party)"
NO_WEEK = "(undated)"


def iso_week(day: dt.date | None) -> str:
    """'2016-W09' style ISO week of a date; undated verdicts share one bucket."""
    if day is None:
        return NO_WEEK
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def summarise(verdicts_with_meta: Iterable[tuple[Verdict, dt.date | None]]) -> dict[str, object]:
    """Summarise (verdict, event date) pairs: totals by verdict, by party and by ISO week.

    Alleged violations are counted apart as well, so a dashboard never shows an allegation
    as an established breach.
    """
    by_verdict: Counter[str] = Counter({kind: 0 for kind in VERDICT_KINDS})
    by_party: dict[str, Counter[str]] = {}
    by_week: dict[str, Counter[str]] = {}
    by_agreement: Counter[str] = Counter()
    alleged = 0
    total = 0
    for verdict, day in verdicts_with_meta:
        total += 1
        by_verdict[verdict.verdict] += 1
        by_agreement[verdict.agreement] += 1
        by_party.setdefault(verdict.party or NO_PARTY, Counter())[verdict.verdict] += 1
        by_week.setdefault(iso_week(day), Counter())[verdict.verdict] += 1
        alleged += int(verdict.alleged and verdict.verdict == "violation")
    return {
        "total": total,
        "by_verdict": dict(by_verdict),
        "alleged_violations": alleged,
        "by_party": {p: dict(c) for p, c in sorted(by_party.items())},
        "by_week": {w: dict(c) for w, c in sorted(by_week.items())},
        "by_agreement": dict(sorted(by_agreement.items())),
    }


__all__ = ["iso_week", "summarise"]
