"""Precision, round 5: sentences that name an event without reporting a new one, and
sub-types a codebook settles, on our own fictional sentences.

Running summaries ("since then ... has fought"), agreements named by a participle
("truces brokered by X have failed"), monitor tallies, hostages named as released,
attackers driven back (no ground changed hands), property set alight, a bare "strike on"
a building, and disaster words that are part of a name.
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
        ("Haradric jets carried out a strike on a grain depot near Umbar.", "Air/drone strike"),
        ("A strike on the power station in Osgiliath killed two guards.", "Air/drone strike"),
        ("Raiders set three barns alight outside Pelargir.", "Looting/property destruction"),
        (
            "A cessation of hostilities between Gondor and Harad came into force at dawn.",
            "Agreement",
        ),
    ],
)
def test_codebook_triggers_round5(text: str, sub: str) -> None:
    assert sub in _subs(text), _subs(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Dock workers began a strike on Monday over unpaid wages.", "Air/drone strike"),
        ("Teachers held a strike against the pension reform in Pelargir.", "Air/drone strike"),
        (
            "The mission said it had recorded 90 violations over the past day, including about"
            " 40 explosions.",
            "Remote explosive/landmine/IED",
        ),
        (
            "The truce began after the two sides swapped the names of hostages to be released.",
            "Abduction/forced disappearance",
        ),
        (
            "The Host fighters burned a barn before they were driven back to their boats.",
            "Government regains territory",
        ),
        (
            "The Host fighters burned a barn before they were driven back to their boats.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_no_trigger_round5(text: str, absent: str) -> None:
    assert absent not in _subs(text), _subs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Since then the Host has mostly fought in small raids along the river.",
        "Several truces brokered by Rohan have failed to hold.",
    ],
)
def test_no_event_round5(read: Any, text: str) -> None:
    assert read(text).events == (), read(text).events


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # "Storm" in a unit's name is not weather: the blast stays an explosion
        ("A member of the Storm Brigade was killed in a blast near Pelargir.", "Remote explosive"),
        ("The Harad Typhoon squadron lost a pilot when a bomb exploded at its base.", "Remote"),
    ],
)
def test_named_disaster_word_is_no_accident(read: Any, text: str, sub: str) -> None:
    subs = [e.sub_event_type for e in read(text).events]
    assert any(s.startswith(sub) for s in subs), subs


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Rohan accused Gondor of shelling the village of Aldburg on Monday.", "alleged"),
        ("Gondor denied that its artillery shelled Aldburg on Monday.", "denied"),
        ("Gondorian artillery shelled Aldburg on Monday, villagers said.", "reported"),
        ("Gondorian artillery shelled Aldburg on Monday.", "asserted"),
    ],
)
def test_certainty_round5(read: Any, text: str, certainty: str) -> None:
    events = read(text).events
    assert events and events[0].certainty == certainty, events


def test_storm_still_an_accident(read: Any) -> None:
    """A storm at the start of a sentence is weather: its dead are no attack."""
    assert read("Storms killed four people when a wall collapsed in Pelargir.").events == ()
