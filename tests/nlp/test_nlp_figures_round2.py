"""Casualty figures, round 2: who is a civilian, partial and cumulative counts, dates in text."""

from __future__ import annotations

import pytest

from trucewatch.evaluate.datasets import main_event
from trucewatch.evaluate.runner import leading_published
from trucewatch.nlp.context import is_proper_name
from trucewatch.nlp.numbers import Casualties, is_cumulative, read_casualties


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the verb right before the count governs it, not the next one
        (
            "Shells struck the Vennor market killing at least 30 people and wounding 12 more.",
            Casualties(30, 30, 12),
        ),
        # a partial count says who the dead were; it does not add to them
        ("At least 9 civilians including four children died in the raid.", Casualties(9, 9, None)),
        ("The barrage killed 6 people, two of them children.", Casualties(6, 6, None)),
        # an explicit civilian share of a generic total in a battle sentence
        (
            "At least 20 people including 8 civilians were killed in clashes near Osgil.",
            Casualties(20, 8, None),
        ),
        # combatants named: generic and bare counts are not civilians
        ("Fighting near Calembel killed 14 on Friday.", Casualties(14, None, None)),
        ("Seven fighters and two women were killed.", Casualties(9, 2, None)),
        # a family, summed women and children
        ("A drone killed a family of five near Tharbad.", Casualties(5, 5, None)),
        ("Three women and four children were killed in the shelling.", Casualties(7, 7, None)),
        # headline style: each count takes the verb right after it
        ("3 persons killed 40 others injured in rocket attacks on Pelargir", Casualties(3, 3, 40)),
        # a date inside the sentence is no count
        ("14 Mar 2024 Twelve civilians were killed in the strikes.", Casualties(12, 12, None)),
    ],
)
def test_casualties_round2(text: str, want: Casualties) -> None:
    assert read_casualties(text) == want


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        ("More than 9,000 people have been killed since the war began in 2019.", True),
        ("Since Monday at least 40 civilians have been killed in the town.", True),
        ("The toll has risen to 43 since the attack on Saturday.", False),
        ("Some 200 fighters have died so far in the offensive.", True),
        ("A car bomb killed 12 people in Osgil on Sunday.", False),
    ],
)
def test_cumulative_tolls_are_background(text: str, cumulative: bool) -> None:
    assert is_cumulative(text) is cumulative
    if cumulative:
        assert read_casualties(text) == Casualties()


@pytest.mark.parametrize(
    ("text", "proper"),
    [("Osgil", True), ("northern", False), ("the first", False), ("northern Ithilien", True)],
)
def test_place_mentions_must_be_proper_names(text: str, proper: bool) -> None:
    assert is_proper_name(text) is proper


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Date of publication 5 March 2024 Strikes hit Osgil.", "2024-03-05"),
        ("14.03.2024 A blast in Osgil killed two.", "2024-03-14"),
        ("Blast kills two in Osgil Monitor AFP Thursday 14 Mar 2024 A blast ...", "2024-03-14"),
        ("Blast kills two in Osgil. Witnesses said the town burned.", None),
    ],
)
def test_leading_published(text: str, want: str | None) -> None:
    got = leading_published(text)
    assert (got.isoformat() if got else None) == want


def test_main_event_is_the_first_violent_event() -> None:
    events = [
        {"event_type": "Strategic developments", "fatalities": None},
        {"event_type": "Explosions/Remote violence", "fatalities": 4, "date": "2024-03-14"},
        {"event_type": "Violence against civilians", "fatalities": 9000, "date": "2019-01-01"},
    ]
    assert main_event(events) == events[1]
