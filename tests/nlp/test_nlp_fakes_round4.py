"""Round 4 (FA-KES): page date lines in flattened pages, cross-sentence perpetrators,
date abbreviations that are no actor. Fictional sentences (PETRARCH's Arnor/Gondor habit)."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.evaluate.runner import leading_published
from trucewatch.model.event import ActorRef, EventReport, PlaceRef
from trucewatch.nlp.events import merge_events as merge_from_events
from trucewatch.nlp.merge import event_family, merge_events


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("12 March 2024 Riders struck the ford", dt.date(2024, 3, 12)),
        ("Date of publication 5 May 2024 Orcs raided Osgiliath", dt.date(2024, 5, 5)),
        (
            "Raid on the ford kills five Minas Tirith Herald Corsairs land near the coast after"
            " a week of storms and a long standfirst about the harbour and its ships that runs"
            " on and on PA Friday 9 Aug 2024 Corsairs landed",
            dt.date(2024, 8, 9),
        ),
        ("Raid on the ford kills five 24.08.2023 Corsairs landed", dt.date(2023, 8, 24)),
        ("Raid kills five Herald 08/24/2023 Corsairs landed", dt.date(2023, 8, 24)),
        ("Riders have fought since 15 March 2011 for the ford", None),
        ("Riders struck the ford on Tuesday", None),
    ],
)
def test_leading_published_reads_flattened_date_lines(text: str, want: dt.date | None) -> None:
    assert leading_published(text) == want


_PLACE = PlaceRef(name="Linhir", admin1="Lebennin", country="XG", precision="city")
_HOST = ActorRef(name="Host of Mordor", id="mordor-host", kind="rebel", reason="subject")


def _event(sub: str, actor: ActorRef | None, evidence: str, day: int = 2) -> EventReport:
    from trucewatch.model.event import SUB_TO_TYPE

    return EventReport(
        event_type=SUB_TO_TYPE[sub],
        sub_event_type=sub,
        actor1=actor,
        location=_PLACE,
        date=dt.date(2025, 6, day),
        date_precision="day",
        evidence=evidence,
        article_id="a",
        extractor="test",
    )


def test_later_sentence_names_the_lead_strikes_perpetrator() -> None:
    lead = _event("Air/drone strike", None, "Air raids on the Linhir market killed ten people.")
    later = _event(
        "Shelling/artillery/missile attack",
        _HOST,
        "Host of Mordor catapults had pounded the market all morning.",
    )
    merged = merge_events([lead, later])
    assert merged[0].actor1 is not None and merged[0].actor1.id == "mordor-host"


@pytest.mark.parametrize(
    ("evidence", "day"),
    [
        ("Separately, Host of Mordor catapults pounded the harbour.", 2),  # a new occurrence
        ("Host of Mordor catapults pounded the harbour.", 9),  # another week
    ],
)
def test_perpetrator_not_taken_from_another_occurrence(evidence: str, day: int) -> None:
    lead = _event("Air/drone strike", None, "Air raids on the Linhir market killed ten people.")
    later = _event("Shelling/artillery/missile attack", _HOST, evidence, day=day)
    assert merge_events([lead, later])[0].actor1 is None


def test_merge_is_reexported_from_events() -> None:
    assert merge_from_events is merge_events
    assert event_family("Air/drone strike") == "violent"
    assert event_family("Peaceful protest") == "demo"
