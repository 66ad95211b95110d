"""Event detection, round 2: codebook rules on our own fictional sentences (Gondor/Harad).

Pure trigger/background rules first (no model), then the reader end to end.
"""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.nlp.events import background_span, find_triggers


def _subs(text: str) -> set[str]:
    return {h.sub_event_type for h in find_triggers(text, background_span(text))}


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Guards opened fire on the crowd of marchers in Pelargir.", "Excessive force"),
        ("Police used tear gas to disperse the rally in Osgiliath.", "Protest with intervention"),
        ("Youths threw stones at police during the protest.", "Violent demonstration"),
        ("Protesters hurled molotov cocktails at the barracks gate.", "Violent demonstration"),
        ("Thousands took to the streets of Pelargir on Friday.", "Peaceful protest"),
        ("Forty Host fighters surrendered to Gondorian forces.", "Agreement"),
        ("Harad and Gondor agreed a 48-hour ceasefire around Umbar.", "Agreement"),
        ("The truce between the two armies took effect at midnight.", "Agreement"),
        ("Gondorian troops set up a new observation post near Umbar.", "Headquarters or base"),
        ("Police seized eight pistols and 500 rounds in a raid.", "Disrupted weapons use"),
        ("Harad deployed more troops along the Umbar border.", "Change to group/activity"),
        ("Gondorian drones struck a depot east of Osgiliath.", "Air/drone strike"),
        ("Host fighters attacked an army outpost near Pelargir.", "Armed clash"),
        ("A suicide vehicle-borne explosive device hit the gate.", "Suicide bomb"),
    ],
)
def test_codebook_triggers(text: str, sub: str) -> None:
    assert any(s.startswith(sub) for s in _subs(text)), _subs(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Host claimed responsibility for the bombing of the bridge.",
        "Gondorian commandos rescued four hostages held in Umbar.",
        "Troops took the town, which was the scene of a chemical attack.",
        "Talks began to end a 30-year conflict that has claimed many lives.",
    ],
)
def test_references_to_earlier_events_are_not_triggers(text: str) -> None:
    subs = _subs(text)
    assert not subs - {"Agreement"}, subs


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # history dated long before the report
        "The Eastern Host seized Pelargir in 2019 and held it for two years.",
        # narrated past perfect
        "The villagers had been abducted from Osgiliath by the Eastern Host.",
        # ongoing state
        "Gondor has been fighting the Eastern Host since April.",
        # negated
        "No group has said it threw the grenade in Pelargir.",
        # accident
        "A gas cylinder exploded in a bakery in Osgiliath, killing three people.",
        # disaster toll
        "Floods swept through villages near Pelargir on Monday, killing twelve villagers.",
    ],
)
def test_background_negation_and_accidents_are_not_events(read: Any, text: str) -> None:
    assert read(text).events == ()


@pytest.mark.model
def test_follow_up_sentence_adds_figures_to_the_event(read: Any) -> None:
    text = (
        "Haradric warplanes struck a market in Osgiliath on Tuesday.\n"
        "Doctors said at least 14 civilians were killed."
    )
    events = read(text).events
    assert len(events) == 1
    ev = events[0]
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 is not None and ev.actor1.name == "Harad"
    assert ev.fatalities == 14


@pytest.mark.model
def test_separate_event_is_not_folded(read: Any) -> None:
    text = (
        "Haradric warplanes struck a market in Osgiliath on Tuesday.\n"
        "Separately, gunmen shot dead five villagers in Pelargir."
    )
    assert len(read(text).events) == 2


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Fighters of the Eastern Host shelled Pelargir on Tuesday.", "Free Host of the East"),
        ("Haradric jets bombed a bridge in Osgiliath on Tuesday.", "Harad"),
        ("A roadside bomb hit a convoy near Pelargir on Tuesday.", None),
        ("An air strike hit a school in Osgiliath on Tuesday.", None),
    ],
)
def test_actor1_is_a_name_or_nothing(read: Any, text: str, actor1: str | None) -> None:
    events = read(text).events
    assert events
    got = events[0].actor1
    assert (got.name if got else None) == actor1


@pytest.mark.model
def test_weekday_is_never_a_target(read: Any) -> None:
    ev = read("Haradric artillery shelled Pelargir on Tuesday.").events[0]
    assert ev.actor2 is None or ev.actor2.name.lower() != "tuesday"
