"""Every verdict kind against the fictional Pelennor truce, one row per situation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trucewatch.assess import assess_event, assess_incident
from trucewatch.model.agreement import Agreement
from trucewatch.model.event import ActorRef, Affiliation, Designation, EventReport, PlaceRef
from trucewatch.model.incident import Claim, Incident, Member
from trucewatch.model.kb import KnowledgeBase

ARNOR = ActorRef(name="Arnor", id="arnor")
AIR_WING = ActorRef(name="Arnor Air Wing", id="arnor-air-wing")
GONDOR = ActorRef(name="Gondor", id="gondor")
ROHAN = ActorRef(name="Rohan", id="rohan")
MORDOR = ActorRef(name="Mordor", id="mordor")
CORSAIRS = ActorRef(name="Corsairs", id="corsairs")
RANGERS = ActorRef(name="Rangers of Ithilien", id="rangers")
HARADRIM = ActorRef(name="Haradrim", id="haradrim")
DUNLAND = ActorRef(name="Dunland raiders", id="dunland-raiders")
CIVILIANS = ActorRef(name="Civilians", kind="civilians")
UNKNOWN = ActorRef(name="unidentified gunmen", kind="unidentified")
FORNOST = PlaceRef(name="Fornost", country="AR", precision="city")
MINAS = PlaceRef(name="Minas Tirith", admin1="Anorien", country="GD", precision="city")
OSGILIATH = PlaceRef(name="Osgiliath", country="GD", lat=10.5, lon=10.5, precision="point")
PELARGIR = PlaceRef(
    name="Pelargir", admin1="Lebennin", country="GD", lat=12.5, lon=10.5, precision="point"
)
GONDOR_ONLY = PlaceRef(name="Gondor", country="GD", precision="country")


def event(**changes: Any) -> EventReport:
    base: dict[str, Any] = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": ARNOR,
        "actor2": CORSAIRS,
        "location": FORNOST,
        "date": dt.date(2020, 3, 20),
        "date_precision": "day",
        "evidence": "Arnor's wing struck the camp.",
    }
    base.update(changes)
    base.setdefault("actor2", None)
    return EventReport(**base)


CASES = [
    # name, event changes, verdict, rule, words in a reason
    ("no date", {"date": None}, "insufficient-evidence", "evidence.no-date", "no date"),
    (
        "long before effect",
        {"date": dt.date(2020, 3, 1)},
        "before-effect",
        "time.before-effect",
        "precedes effect at 2020-03-10T00:00+02:00 (Terms, 5 Mar 2020)",
    ),
    # Local day 9 March ends at 22:00 UTC, exactly the effect: read in local time, it precedes.
    (
        "late on the day before effect, local time",
        {"date": dt.date(2020, 3, 9)},
        "before-effect",
        "time.before-effect",
        "event on 2020-03-09 precedes",
    ),
    (
        "first day of effect",
        {"date": dt.date(2020, 3, 10), "actor2": DUNLAND},
        "violation",
        "obligation.cease-attacks",
        "breaches it",
    ),
    (
        "week straddling the effect",
        {"date": dt.date(2020, 3, 9), "date_precision": "week"},
        "insufficient-evidence",
        "time.imprecise",
        "week of 2020-03-09",
    ),
    (
        "month straddling the effect",
        {"date": dt.date(2020, 3, 1), "date_precision": "month"},
        "insufficient-evidence",
        "time.imprecise",
        "cannot tell",
    ),
    ("in the lapse", {"date": dt.date(2020, 4, 15)}, "after-end", "time.lapse", "lapse"),
    (
        "lapse day of recommitment at noon",
        {"date": dt.date(2020, 4, 20)},
        "insufficient-evidence",
        "time.imprecise",
        "straddles",
    ),
    (
        "after recommitment",
        {"date": dt.date(2020, 4, 21), "actor2": DUNLAND},
        "violation",
        "obligation.cease-attacks",
        "Recommitment",
    ),
    ("after the end", {"date": dt.date(2020, 6, 2)}, "after-end", "time.after-end", "expiry"),
    (
        "outside geography",
        {"location": PlaceRef(name="Edoras", country="RH")},
        "not-covered",
        "scope.geography",
        "outside",
    ),
    (
        "admin1 in scope",
        {"location": MINAS, "actor2": GONDOR},
        "violation",
        "obligation.cease-attacks",
        "Anorien",
    ),
    (
        "inside polygon",
        {"location": OSGILIATH, "actor2": GONDOR},
        "violation",
        "obligation.cease-attacks",
        "Ithilien",
    ),
    ("outside polygon", {"location": PELARGIR}, "not-covered", "scope.geography", "outside"),
    (
        "only the country, scope is regional",
        {"location": GONDOR_ONLY},
        "insufficient-evidence",
        "evidence.no-location",
        "cannot be placed",
    ),
    (
        "no location",
        {"location": None},
        "insufficient-evidence",
        "evidence.no-location",
        "no location",
    ),
    (
        "event type no obligation covers",
        {"event_type": "Protests", "sub_event_type": "Peaceful protest"},
        "not-covered",
        "scope.event-type",
        "no obligation",
    ),
    (
        "unidentified actor",
        {"actor1": UNKNOWN},
        "insufficient-evidence",
        "evidence.unidentified-actor",
        "who carried out",
    ),
    (
        "not a party",
        {"actor1": ActorRef(name="Haradrim", id="haradrim")},
        "not-covered",
        "party.not-a-party",
        "not a party",
    ),
    (
        "exempt actor is never in a class party",
        {"actor1": MORDOR, "location": MINAS},
        "not-covered",
        "party.not-a-party",
        "exempt",
    ),
    (
        "invited, never accepted",
        {"actor1": ROHAN},
        "not-covered",
        "party.not-accepted",
        "no acceptance",
    ),
    (
        "late acceptance: before it",
        {"actor1": GONDOR, "date": dt.date(2020, 3, 12)},
        "not-covered",
        "party.not-yet-accepted",
        "late",
    ),
    (
        "late acceptance: after it",
        {"actor1": GONDOR, "date": dt.date(2020, 3, 16), "actor2": DUNLAND},
        "violation",
        "obligation.cease-attacks",
        "Gondor",
    ),
    (
        "unit of a party counts as the party",
        {"actor1": AIR_WING, "actor2": DUNLAND},
        "violation",
        "obligation.cease-attacks",
        "party: Arnor",
    ),
    (
        "class party",
        {"actor1": RANGERS, "location": MINAS, "actor2": ARNOR},
        "violation",
        "obligation.cease-attacks",
        "armed groups of Gondor",
    ),
    ("explicit exemption", {"actor2": MORDOR}, "exempt", "exemption.explicit", "by name"),
    (
        "designation before listing",
        {"actor2": HARADRIM, "date": dt.date(2020, 3, 25)},
        "violation",
        "obligation.cease-attacks",
        "breaches",
    ),
    (
        "designation after listing",
        {"actor2": HARADRIM, "date": dt.date(2020, 5, 1)},
        "exempt",
        "exemption.designation",
        "UNSC since 2020-04-01",
    ),
    (
        "contested by positions",
        {"actor2": CORSAIRS},
        "contested",
        "exemption.contested",
        "disputed",
    ),
    (
        "civilians",
        {
            "event_type": "Violence against civilians",
            "sub_event_type": "Attack",
            "actor2": CIVILIANS,
        },
        "violation",
        "obligation.no-attacks-on-civilians",
        "no attacks on civilians",
    ),
    (
        "territory",
        {
            "event_type": "Battles",
            "sub_event_type": "Government regains territory",
            "actor2": DUNLAND,
        },
        "violation",
        "obligation.no-territorial-gains",
        "no territorial gains",
    ),
    (
        "denied",
        {"certainty": "denied", "actor2": DUNLAND},
        "insufficient-evidence",
        "evidence.denied",
        "never count as a violation",
    ),
    (
        "hypothetical",
        {"certainty": "hypothetical", "actor2": DUNLAND},
        "insufficient-evidence",
        "evidence.hypothetical",
        "never count as a violation",
    ),
]


@pytest.mark.parametrize(
    ("changes", "kind", "rule", "words"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_verdict_table(
    pelennor: Agreement,
    kb: KnowledgeBase,
    changes: dict[str, Any],
    kind: str,
    rule: str,
    words: str,
) -> None:
    verdict = assess_event(event(**changes), pelennor, kb, event_index=3)
    assert (verdict.verdict, verdict.rule) == (kind, rule), verdict.reasons
    assert any(words in reason for reason in verdict.reasons), verdict.reasons
    assert verdict.agreement == "pelennor-truce"
    assert verdict.event == 3
    if changes.get("date", dt.date(2020, 3, 20)) is not None:
        assert "Arnor's wing struck the camp." in verdict.evidence


def test_contested_views_from_positions(pelennor: Agreement, kb: KnowledgeBase) -> None:
    verdict = assess_event(event(actor2=CORSAIRS), pelennor, kb)
    assert verdict.views == {"Arnor": "exempt", "Gondor": "violation"}
    assert "Gondor said the Corsairs are protected by the truce." in verdict.evidence
    assert verdict.party == "Arnor"


def test_contested_views_from_a_report_designation(pelennor: Agreement, kb: KnowledgeBase) -> None:
    said = Designation(
        by=Affiliation(name="Arnor", country="AR"),
        subject="the Dunland raiders",
        label="terrorist",
        evidence="Arnor called the Dunland raiders terrorists.",
    )
    plain = assess_event(event(actor2=DUNLAND), pelennor, kb)
    disputed = assess_event(event(actor2=DUNLAND), pelennor, kb, report_designations=[said])
    assert plain.verdict == "violation"
    assert disputed.verdict == "contested"
    assert disputed.views == {"Arnor": "exempt"}
    assert "Arnor called the Dunland raiders terrorists." in disputed.evidence


@pytest.mark.parametrize(
    ("certainty", "claimed_by", "target", "alleged", "kind"),
    [
        ("alleged", None, DUNLAND, True, "violation"),
        ("reported", "Gondor", DUNLAND, True, "violation"),  # reported by a party
        ("reported", "a shepherd", DUNLAND, False, "violation"),
        ("asserted", None, DUNLAND, False, "violation"),
        ("alleged", None, CORSAIRS, True, "contested"),
    ],
)
def test_alleged_is_at_most_an_alleged_violation(
    pelennor: Agreement,
    kb: KnowledgeBase,
    certainty: str,
    claimed_by: str | None,
    target: ActorRef,
    alleged: bool,
    kind: str,
) -> None:
    verdict = assess_event(
        event(certainty=certainty, claimed_by=claimed_by, actor2=target), pelennor, kb
    )
    assert (verdict.verdict, verdict.alleged) == (kind, alleged)
    assert any("alleged" in r for r in verdict.reasons) is alleged


def test_without_a_knowledge_base_ids_still_decide(pelennor: Agreement) -> None:
    verdict = assess_event(event(actor2=DUNLAND), pelennor, None)
    assert verdict.verdict == "violation"
    assert verdict.party == "Arnor"


def test_incident_lifts_dates_evidence_and_designate_claims(
    pelennor: Agreement, kb: KnowledgeBase
) -> None:
    member = Member(
        key={"article_id": "a1", "index": 0},
        source_id="r1",
        reason="seed",
        evidence="Raiders' camp was bombed.",
    )
    incident = Incident(
        id="inc-1",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date_start=dt.date(2020, 3, 20),
        date_end=dt.date(2020, 3, 21),
        date_precision="day",
        location=FORNOST,
        actor1=ARNOR,
        actor2=DUNLAND,
        members=(member,),
        claims=(
            Claim(
                speaker="envoy",
                affiliation="Arnor",
                stance="designate",
                text="They are terrorists.",
                article_id="a1",
                target="Dunland raiders",
            ),
        ),
    )
    verdict = assess_incident(incident, pelennor, kb)
    assert verdict.incident == "inc-1"
    assert verdict.verdict == "contested"
    assert "Raiders' camp was bombed." in verdict.evidence
    straddling = incident.model_copy(
        update={"date_start": dt.date(2020, 4, 9), "date_end": dt.date(2020, 4, 11)}
    )
    assert assess_incident(straddling, pelennor, kb).verdict == "insufficient-evidence"
