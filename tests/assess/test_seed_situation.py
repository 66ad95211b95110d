"""The first real report (RFE/RL, 12 Feb 2016), built by hand, against syria-coh-2016."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.assess import assess_event, load_agreement
from trucewatch.model.event import ActorRef, Affiliation, Designation, EventReport, PlaceRef

STRIKE = EventReport(
    event_type="Explosions/Remote violence",
    sub_event_type="Air/drone strike",
    actor1=ActorRef(name="Russia", id="russia", country="RU", kind="state"),
    actor2=ActorRef(name="Civilians", country="SY", kind="civilians"),
    location=PlaceRef(name="Syria", country="SY", precision="country"),
    date=dt.date(2016, 2, 12),
    date_precision="day",
    fatalities=16,
    civilian_fatalities=16,
    certainty="reported",
    claimed_by="Mevlut Cavusoglu",
    evidence="Russian bombs killed 16 civilians in Syria hours after world powers agreed "
    "to cease hostilities within a week, Turkish Foreign Minister Mevlut Cavusoglu told "
    "world leaders gathered in Munich.",
)
ASSAD = Designation(
    by=Affiliation(name="Syria", country="SY"),
    subject="all opposition groups that have taken up arms against the government",
    label="terrorist",
    evidence="In an interview with AFP released on February 12, Assad asserted that all "
    'opposition groups that have taken up arms against the government are "terrorists,"',
)


def test_seed_strike_precedes_the_terms() -> None:
    verdict = assess_event(STRIKE, load_agreement("syria-coh-2016"), None, event_index=0)
    assert verdict.verdict == "before-effect"
    assert verdict.rule == "time.before-effect"
    assert any("2016-02-27T00:00+02:00" in r and "Terms, 22 Feb 2016" in r for r in verdict.reasons)
    assert STRIKE.evidence in verdict.evidence


def test_seed_designation_puts_syria_among_the_views() -> None:
    verdict = assess_event(
        STRIKE, load_agreement("syria-coh-2016"), None, report_designations=[ASSAD]
    )
    assert verdict.verdict == "before-effect"
    assert verdict.views.get("Syria") == "exempt"
    assert ASSAD.evidence in verdict.evidence


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        (ActorRef(name="Free Syrian Army", kind="rebel", country="SY"), "contested"),
        (ActorRef(name="Islamic State", id="islamic-state", kind="rebel"), "exempt"),
        (ActorRef(name="Civilians", kind="civilians"), "violation"),
    ],
)
def test_same_strike_after_effect(target: ActorRef, kind: str) -> None:
    later = STRIKE.model_copy(
        update={
            "date": dt.date(2016, 3, 2),
            "actor2": target,
            "certainty": "asserted",
            "location": PlaceRef(name="Aleppo", admin1="Aleppo", country="SY", precision="city"),
        }
    )
    verdict = assess_event(later, load_agreement("syria-coh-2016"), None)
    assert verdict.verdict == kind
    if kind == "contested":
        assert verdict.views["Syria"] == "exempt"
        assert verdict.views["United States"] == "violation"
