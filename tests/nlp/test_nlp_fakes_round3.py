"""Round 3 (FA-KES-driven) codebook rules, on our own fictional sentences (Gondor/Harad).

Casualty conventions and the FA-KES scorer's mappings first (no model), then the reader
end to end: the lead place fallback, the body retelling the lead, led-force modifiers.
"""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.evaluate.datasets import fakes_actor, score_fakes
from trucewatch.nlp.numbers import read_casualties


@pytest.mark.parametrize(
    ("text", "killed", "civilians"),
    [
        # combatants named as the dead: a conservative coder writes 0 civilians
        ("The raid killed 40 government forces near the dam.", 40, 0),
        ("Nine fighters of the Host died in the ambush.", 9, 0),
        # generic or mixed victims keep their old readings
        ("Shelling killed 7 people in Pelargir.", 7, 7),
        ("The blast killed 3 soldiers and 3 civilians.", 6, 3),
        # a headline run into its lead tells one toll twice
        (
            "12 civilians killed in Pelargir raid at least 12 civilians were killed on Monday.",
            12,
            12,
        ),
        # present-tense headline verbs
        ("Airstrikes kill seven in the besieged quarter.", 7, 7),
    ],
)
def test_round3_casualty_conventions(text: str, killed: int, civilians: int) -> None:
    got = read_casualties(text)
    assert (got.fatalities, got.civilian_fatalities) == (killed, civilians)


@pytest.mark.parametrize(
    ("actor", "category"),
    [
        ({"name": "Syrian armed opposition", "text": "Syrian rebels"}, "armed opposition groups"),
        ({"name": "Free Syrian Army"}, "armed opposition groups"),
        ({"name": "pro-government militias"}, "syrian government or russian troops"),
        ({"name": "Syrian Arab Army"}, "syrian government or russian troops"),
        ({"name": "US-led coalition"}, "international coalition forces"),
        ({"name": "Syrian Democratic Forces"}, "self administration forces"),
        (None, "unknown"),
    ],
)
def test_fakes_actor_categories(actor: dict[str, str] | None, category: str) -> None:
    assert fakes_actor(actor) == category


def test_fakes_null_civilians_count_as_zero_only_for_a_found_event() -> None:
    row = {"unit_id": "1", "actor": "unknown", "location": "aleppo", "date": "1/2/16"}
    row["nb_civilians"] = "0"
    ev = {"event_type": "Battles", "date": "2016-01-02", "location": {"admin1": "Aleppo"}}
    found = score_fakes([row], [{"events": [ev]}]).accuracy()
    missing = score_fakes([row], [{"events": []}]).accuracy()
    assert found["fakes.civilian_deaths"] == 1.0
    assert missing["fakes.civilian_deaths"] == 0.0


def test_event_place_falls_back_to_the_lead_place(read: Any) -> None:
    text = (
        "Gondorian forces shelled the harbour of Pelargir on Monday. "
        "Later the shelling resumed and killed two residents."
    )
    events = read(text).events
    assert events
    assert all(e.location is not None and e.location.admin1 == "Lebennin" for e in events)


def test_body_retelling_completes_the_lead_event(read: Any) -> None:
    text = (
        "Air strikes hit a market in Pelargir on Monday. "
        "Haradric warplanes bombed the market in Pelargir on Monday, killing nine villagers."
    )
    events = [e for e in read(text).events if e.event_type == "Explosions/Remote violence"]
    assert len(events) == 1
    assert events[0].actor1 is not None and events[0].actor1.name == "Harad"
    assert events[0].fatalities == 9


def test_a_led_force_is_coded_to_its_leader(read: Any) -> None:
    ev = read("Haradrim-led air strikes hit Umbar on Monday, killing four villagers.").events[0]
    assert ev.actor1 is not None and ev.actor1.name == "Harad"
