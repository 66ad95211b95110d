"""Confirmed means the acting side admitted it: a monitor whose name contains the state's
name (the "Gondorian Observatory") reporting a Gondorian strike is no admission."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.fuse import fuse_events
from trucewatch.model import ActorRef, EventKey, EventReport, PlaceRef, ReportedEvent

OSGILIATH = PlaceRef(
    name="Osgiliath", id="pl-osg", country="GN", lat=35.65, lon=36.68, precision="city"
)
GONDOR = ActorRef(name="Gondor", id="gondor", kind="state")


def _report(article: str, outlet: str, claimed_by: str) -> ReportedEvent:
    event = EventReport(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=GONDOR,
        location=OSGILIATH,
        date=dt.date(2016, 3, 31),
        date_precision="day",
        certainty="reported",
        claimed_by=claimed_by,
        fatalities=12,
    )
    return ReportedEvent(
        key=EventKey(article_id=article, index=0),
        event=event,
        source_id=f"{article}.txt",
        outlet=outlet,
        published=dt.date(2016, 3, 31),
        text_fingerprint=article,
    )


@pytest.mark.parametrize(
    ("claimed_by", "grade"),
    [
        ("Gondorian Observatory for Human Rights", "fair"),  # a monitor, two outlets
        ("Gondor's defence ministry", "confirmed"),  # the acting state itself
        ("Gondor", "confirmed"),
    ],
)
def test_only_the_acting_side_confirms(claimed_by: str, grade: str) -> None:
    reports = [
        _report("a1", "Harad Times", claimed_by),
        _report("a2", "Minas Anor Herald", claimed_by),
    ]
    (incident,) = fuse_events(reports)
    assert incident.grade == grade, incident.grade_reason
