"""Time under an agreement: when it binds (periods, lapses) and what an event's date can mean.

An event dated by day is read as that whole day in the agreement's local time zone; a week
or month is the whole span. A span that straddles a boundary cannot be placed on either
side, so it is insufficient evidence rather than a guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from trucewatch.model.agreement import Agreement, Instrument, TimePoint

_COVERING = frozenset({"renewal", "recommitment"})


@dataclass(frozen=True)
class Span:
    """A half-open span of time [start, end) and how it was described."""

    start: dt.datetime
    end: dt.datetime
    text: str  # e.g. "2016-02-12", "the week of 2016-02-08", "2016-02"


@dataclass(frozen=True)
class Period:
    """A stretch during which the truce binds, opened by `opened_by`."""

    start: TimePoint
    opened_by: Instrument
    end: TimePoint | None
    closed_by: str  # e.g. "Yemen truce, 2 Apr 2022 lapsed", "expiry", "" when open-ended


def event_span(first: dt.date, last: dt.date | None, precision: str, zone_name: str) -> Span:
    """The span of local time an event's date (or date range) may fall in."""
    zone = ZoneInfo(zone_name)
    last = last or first
    if precision == "week":
        begin = first - dt.timedelta(days=first.weekday())
        stop = last - dt.timedelta(days=last.weekday()) + dt.timedelta(days=7)
        text = f"the week of {begin.isoformat()}"
    elif precision == "month":
        begin = first.replace(day=1)
        stop = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        text = f"{first:%Y-%m}"
    elif precision == "year":
        begin = first.replace(month=1, day=1)
        stop = dt.date(last.year + 1, 1, 1)
        text = f"{first:%Y}"
    else:
        begin, stop = first, last + dt.timedelta(days=1)
        text = first.isoformat() if last == first else f"{first} to {last}"
    if precision in {"week", "month", "year"} and last != first:
        text = f"{text} to {last.isoformat()}"
    return Span(
        dt.datetime.combine(begin, dt.time(), zone),
        dt.datetime.combine(stop, dt.time(), zone),
        text,
    )


def periods(agreement: Agreement) -> list[Period]:
    """The periods during which the agreement binds, in order, with lapses between them.

    The instrument named by `effect` opens the first period; renewals and recommitments open
    later ones. A period runs to its instrument's `until`, else to the next period, else to
    the agreement's end (or indefinitely).
    """
    first = agreement.effect_instrument
    openers = [first] + [
        i
        for i in agreement.instruments
        if i.kind in _COVERING and i.effect is not None and i.id != first.id
    ]
    openers.sort(key=lambda i: i.effect.at)  # type: ignore[union-attr]
    end = agreement.end
    result: list[Period] = []
    for n, inst in enumerate(openers):
        start = inst.effect
        assert start is not None
        if end is not None and start.at >= end.at.at:
            break
        stop: TimePoint | None = inst.until
        closed_by = f"{inst.label()} lapsed" if stop is not None else ""
        following = openers[n + 1].effect if n + 1 < len(openers) else None
        if stop is None and following is not None:
            stop, closed_by = following, f"succeeded by {openers[n + 1].label()}"
        if stop is not None and following is not None and following.at <= stop.at:
            stop, closed_by = following, f"succeeded by {openers[n + 1].label()}"
        if end is not None and (stop is None or end.at.at <= stop.at):
            stop, closed_by = end.at, _end_label(agreement)
        result.append(Period(start, inst, stop, closed_by))
    return _merge(result)


def _end_label(agreement: Agreement) -> str:
    end = agreement.end
    assert end is not None
    label: str = end.kind
    if end.instrument is not None:
        label += f" ({agreement.instrument(end.instrument).label()})"
    return label


def _merge(items: list[Period]) -> list[Period]:
    """Join periods where one renewal picks up exactly where the last left off."""
    merged: list[Period] = []
    for period in items:
        last = merged[-1] if merged else None
        if last is not None and last.end is not None and period.start.at <= last.end.at:
            merged[-1] = Period(last.start, last.opened_by, period.end, period.closed_by)
        else:
            merged.append(period)
    return merged


Placement = Literal["before", "inside", "lapse", "after", "straddles"]


@dataclass(frozen=True)
class Placed:
    """Where a span falls against the periods, and the reason in words."""

    where: Placement
    reason: str
    period: Period | None = None


def place(span: Span, agreement: Agreement) -> Placed:
    """Place an event's span before, inside, between or after the agreement's periods."""
    spans = periods(agreement)
    first = spans[0]
    effect = f"effect at {first.start.iso()} ({first.opened_by.label()})"
    if first.start.approximate:
        effect += ", an approximate time"
    if span.end <= first.start.at:
        return Placed("before", f"event on {span.text} precedes {effect}")
    for n, period in enumerate(spans):
        if span.start >= period.start.at and (period.end is None or span.end <= period.end.at):
            return Placed("inside", _inside(span, period), period)
        nxt = spans[n + 1] if n + 1 < len(spans) else None
        if period.end is None:
            continue
        gap_end = nxt.start.at if nxt is not None else None
        if span.start >= period.end.at and (gap_end is None or span.end <= gap_end):
            if nxt is None:
                return Placed(
                    "after",
                    f"event on {span.text} follows the end at {period.end.iso()} "
                    f"({period.closed_by})",
                )
            return Placed(
                "lapse",
                f"event on {span.text} falls in a lapse: the truce ended at "
                f"{period.end.iso()} ({period.closed_by}) and was recommitted at "
                f"{nxt.start.iso()} ({nxt.opened_by.label()})",
            )
    bounds = (
        [first.start.iso()]
        + [p.end.iso() for p in spans if p.end is not None]
        + [p.start.iso() for p in spans[1:]]
    )
    return Placed(
        "straddles",
        f"event dated only to {span.text} ({span.start:%Y-%m-%d %H:%M} to "
        f"{span.end:%Y-%m-%d %H:%M} local) straddles a boundary of the truce "
        f"({', '.join(sorted(set(bounds)))}); cannot tell which side it fell on",
    )


def _inside(span: Span, period: Period) -> str:
    until = f" until {period.end.iso()}" if period.end is not None else ""
    return (
        f"event on {span.text} falls within the truce, in force from {period.start.iso()} "
        f"({period.opened_by.label()}){until}"
    )


def status(agreement: Agreement, now: dt.datetime) -> str:
    """'pending', 'in force', 'lapsed' or 'ended' at `now` (aware)."""
    spans = periods(agreement)
    if now < spans[0].start.at:
        return "pending"
    for period in spans:
        if now >= period.start.at and (period.end is None or now < period.end.at):
            return "in force"
    return "ended" if spans[-1].end is not None and now >= spans[-1].end.at else "lapsed"


__all__ = ["Period", "Placed", "Span", "event_span", "periods", "place", "status"]
