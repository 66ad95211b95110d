"""Sub-event types, round 3: ACLED codebook distinctions on our own fictional sentences.

Protests (road blocks and property burnt by demonstrators are violent; lethal force at a
dispersal is excessive force), mobs, crime and cyber attacks, weapon tests, reactions to
events told elsewhere, and which of a sentence's events leads.
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
        ("Protesters blocked the main highway out of Pelargir with burning tyres.", "Violent"),
        ("Hundreds of farmers blocked roads into Osgiliath for a second day.", "Violent"),
        ("A mob chased down and lynched two traders in Umbar.", "Mob violence"),
        ("Villagers clashed with iron rods and sticks over a grazing dispute.", "Mob violence"),
        ("Police used live bullets to disperse the marchers in Pelargir.", "Excessive force"),
        ("An officer was filmed beating protesters with a baton.", "Excessive force"),
        ("Students held up placards outside the ministry in Osgiliath.", "Peaceful protest"),
        ("Guards dragged activists away from the sit-in at the palace.", "Protest with"),
        ("Rebels gained control of the hill after a night of fighting.", "Non-state actor"),
        ("Gondorian troops were hit by tank fire near the river crossing.", "Shelling"),
        ("Three missiles were fired by Haradric jets at a depot.", "Air/drone strike"),
        ("Guards abused women held at the camp near Umbar.", "Sexual violence"),
        ("A gun attack on a cafe in Pelargir left four people dead.", "Attack"),
        ("Gondor declared a unilateral ceasefire in the southern hills.", "Agreement"),
        ("Unexploded shells were found by farmers near Osgiliath.", "Disrupted weapons use"),
        ("Haradric troops were seen establishing a new military post.", "Headquarters"),
        ("Rioters caused widespread destruction of public property.", "Looting"),
        ("Host fighters and their families began leaving the besieged town.", "Non-violent"),
        ("Investigators exhumed a mass grave outside Pelargir.", "Other"),
    ],
)
def test_codebook_triggers_round3(text: str, sub: str) -> None:
    assert any(s.startswith(sub) for s in _subs(text)), _subs(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # weapons tested or owned, not used
        ("Gondor condemned Harad's latest missile test over the sea.", "Shelling"),
        ("The council imposed sanctions after the test of a hydrogen bomb.", "Air/drone strike"),
        ("Harad expanded its rocket programme last year.", "Shelling"),
        # reactions and reasons refer to events told elsewhere
        ("Envoys were expelled for taking part in protests in Umbar.", "Peaceful protest"),
        ("The sanctions came in response to the nerve gas attack in Pelargir.", "Chemical"),
        ("Thirty people were killed, according to vigilantes in the area.", "Mob violence"),
        ("Talks began in Pelargir despite the air strikes on the hills.", "Air/drone strike"),
        # a weapon named as the object of its disruption did not go off
        ("Sappers defused hundreds of landmines south of Osgiliath.", "Remote explosive"),
        # crime seizures are not territory
        ("Customs officers seized counterfeit goods worth millions.", "Non-state actor"),
        # an organisation's name is not a liberation
        ("The Southern Liberation Front held a congress in Umbar.", "Government regains"),
        # a vigil is not vigilantism and vice versa
        ("Rising vigilantism worries the elders of Pelargir.", "Peaceful protest"),
    ],
)
def test_references_tests_and_crime_are_not_triggers(text: str, absent: str) -> None:
    assert not any(s.startswith(absent) for s in _subs(text)), _subs(text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Protesters in Pelargir torched two banks and looted shops on Tuesday.",
            "Violent demonstration",
        ),
        (
            "Two marchers were killed in Osgiliath on Tuesday when police used tear gas to "
            "disperse the protest.",
            "Excessive force against protesters",
        ),
        (
            "Gunmen stormed a college in Pelargir on Tuesday, killing nine students.",
            "Attack",
        ),
        (
            "Gunmen attacked an army patrol near Pelargir on Tuesday, wounding two soldiers.",
            "Armed clash",
        ),
        (
            "Eleven soldiers were killed in attacks by the Eastern Host near Umbar on Tuesday.",
            "Armed clash",
        ),
        (
            "Troopers of the Southern Command captured two Host camps near Umbar on Tuesday.",
            "Government regains territory",
        ),
        (
            "Four children died in an explosion near Pelargir on Tuesday, and two more "
            "devices were found nearby.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Haradric forces continue to fortify their positions along the Umbar front.",
            "Change to group/activity",
        ),
    ],
)
def test_lead_sub_type(read: Any, text: str, sub: str) -> None:
    events = read(text).events
    assert events, "no event"
    assert events[0].sub_event_type == sub, [e.sub_event_type for e in events]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Hackers attacked the website of the Gondorian ministry on Tuesday.",
        "Three villagers died after drinking adulterated liquor in Osgiliath on Tuesday.",
        "Harad test-fired two ballistic missiles into the sea on Tuesday.",
    ],
)
def test_no_conflict_event(read: Any, text: str) -> None:
    assert read(text).events == ()


@pytest.mark.model
def test_quoted_dateline_is_narration(read: Any) -> None:
    """A passage opening with a quote mark and no speaker is still read for events."""
    text = '"PELARGIR (Wire) - Thousands of people rallied in Pelargir on Tuesday against the tax.'
    events = read(text).events
    assert events and events[0].sub_event_type == "Peaceful protest"
