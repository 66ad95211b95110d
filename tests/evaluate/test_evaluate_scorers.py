"""The scorers on hand-made records: pure functions, no model."""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.evaluate import fakes_actor, governorate, score_case, score_case2021
from trucewatch.evaluate.datasets import Case2021Row
from trucewatch.evaluate.gold import event_field_ok

EVENT = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": {"name": "Harad", "text": "Haradric"},
    "actor2": {"name": "Civilians"},
    "location": {"name": "Osgiliath", "country": "XG", "precision": "city"},
    "date": "2025-03-11",
    "fatalities": 11,
    "civilian_fatalities": 11,
    "certainty": "reported",
    "claimed_by": "Halladan Veyr",
}
GOLD: dict[str, Any] = {
    "case": "fic",
    "events": {
        "required": [
            {
                "sub_event_type": "Air/drone strike",
                "actor1": ["Harad"],
                "country": "XG",
                "fatalities": 11,
                "claimed_by": ["Veyr"],
            }
        ],
        "max_false_positives": 0,
        "never": [{"actor1": ["Harad"], "certainty_not": ["reported", "hypothetical"]}],
    },
    "quotes": {
        "required": [
            {
                "speaker": "Veyr",
                "direct": True,
                "channel": "Twitter",
                "text": "They bomb our markets",
            }
        ]
    },
    "designations": {
        "required": [{"by": ["Gondor"], "label": "terrorist", "subject_contains": ["Host"]}]
    },
}
QUOTE = {
    "speaker": "Halladan Veyr",
    "direct": True,
    "channel": "Twitter",
    "text": "They bomb our markets, and call it self-defence",
}
DESIGNATION = {"by": {"name": "Gondor"}, "label": "terrorist", "subject": "all Host fighters"}


def test_a_matching_record_passes() -> None:
    tally = score_case(GOLD, {"events": [EVENT], "quotes": [QUOTE], "designations": [DESIGNATION]})
    assert tally.checks_failed == 0 and tally.accuracy()["case.passed"] == 1.0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"fatalities": 12}, "event.fatalities"),
        ({"claimed_by": "Suladan Kor"}, "event.claimed_by"),
        ({"location": {"name": "Umbar", "country": "XH"}}, "event.country"),
    ],
)
def test_a_wrong_field_is_named(change: dict[str, Any], field: str) -> None:
    tally = score_case(
        GOLD, {"events": [{**EVENT, **change}], "quotes": [QUOTE], "designations": [DESIGNATION]}
    )
    assert tally.accuracy()[field] == 0.0
    assert tally.failures[0]["wrong"] == [field.split(".")[1]]


def test_false_positives_and_never() -> None:
    asserted = {**EVENT, "certainty": "asserted", "fatalities": None}
    tally = score_case(
        GOLD, {"events": [EVENT, asserted], "quotes": [QUOTE], "designations": [DESIGNATION]}
    )
    acc = tally.accuracy()
    assert acc["event.false_positives_within_bound"] == 0.0 and acc["event.never"] == 0.0


@pytest.mark.parametrize(
    ("quote", "ok"),
    [
        (QUOTE, True),
        ({**QUOTE, "channel": None}, False),
        ({**QUOTE, "direct": False}, False),
        ({**QUOTE, "text": "They bomb " + "our markets " * 30}, False),
    ],
)
def test_quote_matching(quote: dict[str, Any], ok: bool) -> None:
    tally = score_case(GOLD, {"events": [EVENT], "quotes": [quote], "designations": [DESIGNATION]})
    assert (tally.accuracy()["quote.found"] == 1.0) is ok


def test_case2021_scoring() -> None:
    rows = [
        Case2021Row("1", "a", "AIR_STRIKE"),
        Case2021Row("2", "b", "NATURAL_DISASTER"),
        Case2021Row("3", "c", "ARREST"),
    ]
    records = [
        {"events": [EVENT]},
        {"events": []},
        {"events": [{"event_type": "Strategic developments", "sub_event_type": "Agreement"}]},
    ]
    acc = score_case2021(rows, records).accuracy()
    assert acc["case2021.sub_event_type"] == 0.5
    assert acc["case2021.no_conflict_event_on_non_acled"] == 1.0


@pytest.mark.parametrize(
    ("actor", "category"),
    [
        (
            {"name": "Syria", "kind": "state", "country": "SY"},
            "syrian government or russian troops",
        ),
        (
            {"name": "Islamic State", "kind": "rebel"},
            "the organization of the islamic state in iraq and the levant - isis",
        ),
        ({"name": "Syrian Democratic Forces", "kind": "rebel"}, "self administration forces"),
        ({"name": "Rebels", "kind": "rebel"}, "armed opposition groups"),
        (None, "unknown"),
    ],
)
def test_fakes_actor(actor: dict[str, Any] | None, category: str) -> None:
    assert fakes_actor(actor) == category


@pytest.mark.parametrize(
    ("location", "gov"),
    [
        ({"name": "Dūmā", "admin1": "Rif-dimashq Governorate"}, "damascus"),
        ({"name": "Aleppo", "admin1": "Aleppo Governorate"}, "aleppo"),
        ({"name": "Deir ez-Zor"}, "deir ezzor"),
        ({"name": "Syria", "precision": "country"}, None),
    ],
)
def test_governorate(location: dict[str, Any], gov: str | None) -> None:
    assert governorate(location) == gov


def test_gold_actor_matches_the_records_acled_name() -> None:
    """A record that names the unit still meets a gold that lists ACLED's name for it."""
    event = {
        "actor1": {"name": "Syrian Arab Army", "acled_name": "Military Forces of Syria (2000-)"}
    }
    assert event_field_ok("actor1", ["Military Forces of Syria"], event)
    assert not event_field_ok("actor1", ["Islamic State"], event)
