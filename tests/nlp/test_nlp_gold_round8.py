"""Round 8 on our own fictional sentences: words that name no event (fighting that stopped,
aircraft flying home, a truce that only dates the news, a weapon's model), whole
organisation names as claimants, and what a coder reads from the rest of the report
(a campaign's later strikes, a city's toll in a barrage, sides that blamed each other, a
nationwide total).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import spacy

from trucewatch.model import Actor, Article, article_id
from trucewatch.nlp.names import NameMatcher

from .conftest import FIXTURES, FictionalKB


def _subs(reading: Any) -> list[str]:
    return [e.sub_event_type for e in reading.events]


def _violent(reading: Any) -> list[Any]:
    return [
        e
        for e in reading.events
        if e.event_type in {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    ]


# ---- names ------------------------------------------------------------------------------


def _ents(matcher: NameMatcher, text: str) -> list[tuple[str, str]]:
    doc = matcher(spacy.blank("en")(text))
    return [(e.text, e.label_) for e in doc.ents]


def test_capitalised_common_noun_inside_a_name_is_no_class() -> None:
    matcher = NameMatcher([("ACTOR", "children"), ("ACTOR", "Harad")])
    ents = _ents(matcher, "A shell killed two children, Shelter the Children of Harad said.")
    assert ("children", "ACTOR") in ents
    assert ("Children", "ACTOR") not in ents, ents
    assert ("Harad", "ACTOR") in ents


def test_common_noun_at_a_sentence_start_or_in_a_headline_still_matches() -> None:
    matcher = NameMatcher([("ACTOR", "children")])
    assert ("Children", "ACTOR") in _ents(matcher, "Children were among the dead.")
    headline = "Rocket Strike Kills Four Children Near Border Crossing"
    assert ("Children", "ACTOR") in _ents(matcher, headline)


def test_a_proper_alias_is_not_a_common_noun() -> None:
    matcher = NameMatcher([("ACTOR", "the Host"), ("ACTOR", "host")])
    assert ("Host", "ACTOR") in _ents(matcher, "Raiders of the Eastern Host attacked.")


def test_claimant_keeps_the_adjective_that_opens_its_name(read: Any) -> None:
    reading = read(
        "The Free Ithilien Observers Mission said on Monday that it had counted 40 "
        "violations. Two villagers were killed by shelling in Osgiliath on Monday, "
        "the mission said."
    )
    claimed = {e.claimed_by for e in reading.events}
    assert "Free Ithilien Observers Mission" in claimed, claimed


# ---- words that name no event -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Residents said fighting between Gondorian troops and the Host had stopped on most "
        "fronts by Sunday.",
        "Under the accord, offensive operations in Gondor are to stop for a month.",
        "Clashes around Osgiliath subsided on Sunday, residents said.",
    ],
)
def test_violence_said_to_stop_is_no_event(read: Any, text: str) -> None:
    assert not _violent(read(text)), _subs(read(text))


def test_violence_that_goes_on_is_still_an_event(read: Any) -> None:
    assert "Armed clash" in _subs(read("Fighting broke out in Osgiliath on Sunday."))


@pytest.mark.parametrize(
    "text",
    [
        "The first squadron of Haradric warplanes flew home from Gondor on Tuesday.",
        "Television showed Haradric bombers leaving the air base at Umbar on Tuesday.",
        "Haradric jets returned to their bases on Tuesday, the ministry said.",
    ],
)
def test_aircraft_going_home_are_no_air_strike(read: Any, text: str) -> None:
    assert "Air/drone strike" not in _subs(read(text))


def test_aircraft_that_bomb_are_an_air_strike(read: Any) -> None:
    assert "Air/drone strike" in _subs(read("Haradric warplanes bombed Osgiliath on Tuesday."))


def test_truce_in_a_since_clause_only_dates_the_attack(read: Any) -> None:
    reading = read(
        "The Host shelled the outskirts of Osgiliath on Monday, its first claimed attack since "
        "a truce with Gondor took effect last week."
    )
    assert "Agreement" not in _subs(reading)


def test_truce_with_long_named_parties_takes_effect(read: Any) -> None:
    reading = read(
        "A truce between the alliance backing Gondor's government and the Eastern Host's "
        "northern command took effect at noon on Monday."
    )
    assert "Agreement" in _subs(reading)


def test_weapon_model_is_no_actor(read: Any) -> None:
    reading = read("Kx-27 bombers struck a bridge in Pelargir on Monday, killing three people.")
    actors = [e.actor1 for e in reading.events if e.sub_event_type == "Air/drone strike"]
    assert actors and all(a is None or "Kx-27" not in (a.text or "") for a in actors), actors


class _CrowdKB(FictionalKB):
    """The fictional KB with a generic protester class (lower-case aliases, as ours)."""

    def __init__(self) -> None:
        super().__init__(json.loads((FIXTURES / "fictional_kb.json").read_text()))
        self.actors.append(
            Actor(
                id="generic-protesters",
                name="Protesters",
                kind="protesters",
                aliases=("protesters", "crowds", "crowd"),
            )
        )

    def entity_patterns(self) -> list[tuple[str, str]]:
        return [*super().entity_patterns(), ("ACTOR", "crowds"), ("ACTOR", "crowd")]


def test_crowds_of_civilians_are_no_side() -> None:
    from trucewatch.errors import ModelMissingError
    from trucewatch.nlp import load_reader

    try:
        reader = load_reader(_CrowdKB())
    except ModelMissingError as error:
        pytest.skip(str(error))
    text = (
        "A rocket hit the bus station in Pelargir on Monday as crowds of villagers waited "
        "for buses to leave the town."
    )
    art = Article(id=article_id(text), source_id="t", text=text, published=dt.date(2025, 3, 12))
    events = reader.read(art).events
    assert events
    assert all(e.actor1 is None or e.actor1.kind != "protesters" for e in events), events


# ---- what the rest of the report says ---------------------------------------------------


def test_later_strike_of_the_campaign_takes_its_author(read: Any) -> None:
    reading = read(
        "Haradric warplanes struck a fuel depot in Pelargir on Monday, killing four people, "
        "medics said.\n\nIn the town of Osgiliath, an air strike on a bridge killed two "
        "children, residents said."
    )
    strikes = [e for e in reading.events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 2, _subs(reading)
    assert all(e.actor1 is not None and e.actor1.name == "Harad" for e in strikes), strikes


def test_campaign_author_is_not_given_when_two_sides_strike(read: Any) -> None:
    reading = read(
        "Haradric warplanes struck a fuel depot in Pelargir on Monday, killing four people. "
        "Gondorian warplanes bombed a camp in Umbar on Monday. In the town of Osgiliath, an "
        "air strike on a bridge killed two children, residents said."
    )
    last = [e for e in reading.events if "Osgiliath" in e.evidence]
    assert last and last[0].actor1 is None, last


def test_city_toll_in_a_barrage_report_is_the_barrage(read: Any) -> None:
    reading = read(
        "Harad fired a volley of rockets at Pelargir and other Gondorian towns on Monday.\n\n"
        "In the town of Osgiliath, six people were killed, officials said."
    )
    osgiliath = [e for e in reading.events if "Osgiliath" in e.evidence]
    assert osgiliath, _subs(reading)
    assert osgiliath[0].sub_event_type == "Shelling/artillery/missile attack"
    assert osgiliath[0].actor1 is not None and osgiliath[0].actor1.name == "Harad"


def test_nationwide_total_is_no_event(read: Any) -> None:
    reading = read(
        "Harad fired a volley of rockets at Pelargir on Monday, killing three people.\n\n"
        "Across the country, the day's strikes killed more than 30 people, officials said."
    )
    assert all(e.fatalities != 30 for e in reading.events), [
        (e.sub_event_type, e.fatalities) for e in reading.events
    ]


def test_sides_that_blamed_each_other_are_the_fight(read: Any) -> None:
    reading = read(
        "Heavy fighting broke out near Osgiliath on Sunday, residents said.\n\n"
        "Gondor and the Host blamed each other for the escalation."
    )
    clashes = [e for e in reading.events if e.sub_event_type == "Armed clash"]
    assert clashes
    sides = {a.id for a in (clashes[0].actor1, clashes[0].actor2) if a is not None}
    assert sides == {"gondor", "host"}, sides


def test_the_two_armies_are_the_sides_of_the_truce(read: Any) -> None:
    reading = read(
        "The truce between Gondor and the Host took effect on Sunday.\n\n"
        "Before the truce, the two armies fought for days over the ford near Osgiliath."
    )
    clashes = [e for e in reading.events if e.sub_event_type == "Armed clash"]
    assert clashes, _subs(reading)
    sides = {a.id for a in (clashes[0].actor1, clashes[0].actor2) if a is not None}
    assert sides == {"gondor", "host"}, sides


def test_more_wounded_without_their_verb_are_counted() -> None:
    from trucewatch.nlp.numbers import read_casualties

    toll = read_casualties(
        "The governor said four people had been killed in Pelargir and 30 more wounded."
    )
    assert (toll.fatalities, toll.injured) == (4, 30), toll


def test_perpetrator_from_a_blame_is_only_alleged(read: Any) -> None:
    reading = read(
        "Missiles struck two schools in Osgiliath on Monday, and officials said six children "
        "had been killed.\n\nGondor blamed Haradric warplanes and missiles."
    )
    for ev in reading.events:
        if ev.actor1 is not None and ev.actor1.id == "harad":
            assert ev.certainty != "asserted", ev
    assert any(e.actor1 is not None and e.actor1.id == "harad" for e in reading.events)


def test_agreement_with_its_own_unknown_subject_borrows_no_fighter(read: Any) -> None:
    reading = read(
        "On Monday, Host fighters entered Osgiliath as Gondorian troops left the town, and the "
        "regional council declared a unilateral ceasefire."
    )
    agreements = [e for e in reading.events if e.sub_event_type == "Agreement"]
    assert agreements, _subs(reading)
    assert all(e.actor1 is None or e.actor1.id != "host" for e in agreements), agreements


def test_armed_group_attacking_a_town_is_an_event_and_the_town_no_actor(read: Any) -> None:
    reading = read("Host fighters attacked Tharbad, a village in Gondor's north, on Monday.")
    attacks = [e for e in reading.events if e.sub_event_type in {"Attack", "Armed clash"}]
    assert attacks, _subs(reading)
    assert attacks[0].actor1 is not None and attacks[0].actor1.id == "host"
    assert attacks[0].actor2 is None or "Tharbad" not in (attacks[0].actor2.text or "")


def test_side_that_says_it_intercepted_is_the_interceptor(read: Any) -> None:
    reading = read(
        "The Host fired a salvo of rockets at Pelargir on Monday. Gondor said most of the "
        "rockets were intercepted."
    )
    stopped = [e for e in reading.events if e.sub_event_type == "Disrupted weapons use"]
    assert stopped, _subs(reading)
    assert stopped[0].actor1 is not None and stopped[0].actor1.id == "gondor", stopped[0]
