"""A report dated only to the month fuses with a dated strike only on strong agreement.

Fictional reports from one town: "Haradric jets struck the Osgiliath grain market on Monday"
(day precision) and a background line from another outlet, "jets have pounded Osgiliath this
month" (month precision). In a war, one town sees many strikes a month; overlap of dates is
no evidence that two reports tell one strike.
"""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.fuse import fuse_events
from trucewatch.fuse.rules import make_item, match
from trucewatch.model import ActorRef, EventKey, EventReport, PlaceRef, ReportedEvent

OSGILIATH = PlaceRef(
    name="Osgiliath",
    id="pl-osg",
    admin1="Ithilien",
    country="GN",
    lat=35.65,
    lon=36.68,
    precision="city",
)
PELARGIR = PlaceRef(
    name="Pelargir",
    id="pl-pel",
    admin1="Ithilien",
    country="GN",
    lat=35.70,
    lon=36.75,
    precision="city",
)
HARAD = ActorRef(name="Harad", id="harad", kind="state")
HOST = ActorRef(name="Eastern Host", id="host", kind="rebel")


def _event(
    precision: str,
    *,
    actor: ActorRef | None,
    place: PlaceRef = OSGILIATH,
    sub: str = "Air/drone strike",
    date: dt.date = dt.date(2016, 2, 15),
) -> EventReport:
    return EventReport(
        event_type="Explosions/Remote violence",
        sub_event_type=sub,
        actor1=actor,
        location=place,
        date=date if precision != "month" else date.replace(day=1),
        date_precision=precision,  # type: ignore[arg-type]
    )


def _item(name: str, event: EventReport):  # type: ignore[no-untyped-def]
    return make_item(
        EventKey(article_id=name, index=0),
        event,
        source_id=name,
        outlet=name,
        credits=(),
        fingerprint=None,
        published=dt.date(2016, 2, 16),
    )


DAY = _event("day", actor=HARAD)


@pytest.mark.parametrize(
    ("other", "fuses"),
    [
        # the month line names no attacker: date overlap and place alone are not enough
        (_event("month", actor=None), False),
        # another attacker, or another weapon, in the same month: not the same strike
        (_event("month", actor=HOST), False),
        (_event("month", actor=HARAD, sub="Shelling/artillery/missile attack"), False),
        # another town 8 km away in the same month
        (_event("month", actor=HARAD, place=PELARGIR), False),
        # same town, same weapon, same attacker: strong enough even at month precision
        (_event("month", actor=HARAD), True),
        # week precision is unchanged: a report "this week" still fuses on place and type
        (_event("week", actor=None, date=dt.date(2016, 2, 16)), True),
    ],
    ids=["no-actor", "other-actor", "other-type", "other-town", "all-agree", "week"],
)
def test_month_precision_needs_type_place_and_actor(other: EventReport, fuses: bool) -> None:
    a, b = _item("late", other), _item("day", DAY)
    assert (match(a, b, {}) is not None) is fuses
    assert (match(b, a, {}) is not None) is fuses


def test_a_background_month_line_stays_out_of_the_dated_incident() -> None:
    reports = [
        ReportedEvent(key=EventKey(article_id=n, index=0), event=e, source_id=n, outlet=n)
        for n, e in [
            ("wire", DAY),
            ("paper", _event("day", actor=None, sub="Shelling/artillery/missile attack")),
            ("profile", _event("month", actor=None)),
        ]
    ]
    incidents = fuse_events(reports)
    groups = sorted(sorted(m.key.article_id for m in i.members) for i in incidents)
    assert groups == [["paper", "wire"], ["profile"]]
