"""Round 9 on our own fictional sentences: accidents told again ("the explosion"), protest
wording (captions in the present tense, things thrown into the air, clashes at a
demonstration, a rally that descends into violence), history dated only by a year when no
publication date is known, a toll shared "between them", and an attack verb that only
says what a rule is being used for.
"""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.evaluate.gold import event_field_ok
from trucewatch.model.kb import PlaceMatch, Unresolved
from trucewatch.resolve import KB, load_kb

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _subs(reading: Any) -> list[str]:
    return [e.sub_event_type for e in reading.events]


def _violent(reading: Any) -> list[Any]:
    return [e for e in reading.events if e.event_type in VIOLENT]


# ---- accidents ------------------------------------------------------------------------------


def test_the_explosion_after_an_accident_is_the_accident(read: Any) -> None:
    reading = read(
        "A boiler exploded at a textile mill in Osgiliath on Monday, injuring nine workers. "
        "The explosion happened in the dyeing hall at the back of the mill, the fire "
        "service said."
    )
    assert _violent(reading) == [], _subs(reading)
    # after a bombing, "the explosion" is still the bombing
    bombing = read(
        "Fighters of the Eastern Host planted a bomb at the market in Pelargir on Monday. "
        "The explosion killed four traders, police said."
    )
    assert _violent(bombing), _subs(bombing)


def test_a_storage_container_exploding_is_an_accident(read: Any) -> None:
    reading = read(
        "Two warehouses were damaged after a refrigerated storage container exploded at the "
        "port of Pelargir on Monday morning."
    )
    assert _violent(reading) == [], _subs(reading)


# ---- protests -------------------------------------------------------------------------------


def test_a_caption_in_the_present_tense_tells_a_riot(read: Any) -> None:
    reading = read(
        "Protesters tear down the metal fence around the parliament in Osgiliath during a "
        "march against the king on Monday."
    )
    assert _subs(reading)[:1] == ["Violent demonstration"], _subs(reading)


def test_paper_thrown_into_the_air_is_no_riot(read: Any) -> None:
    reading = read(
        "Protesters in Pelargir are throwing hundreds of paper streamers into the air to show "
        "their anger over the new salt tax."
    )
    assert "Violent demonstration" not in _subs(reading), _subs(reading)
    assert "Peaceful protest" in _subs(reading)


def test_a_rally_that_descends_into_violence_is_a_riot(read: Any) -> None:
    reading = read(
        "Police in Osgiliath on Monday fired tear gas at hundreds of marchers as a rally "
        "against the king descended into one of the worst bouts of violence in a decade."
    )
    assert _subs(reading)[:1] == ["Violent demonstration"], _subs(reading)


def test_clashes_at_a_demonstration_are_the_demonstration(read: Any) -> None:
    reading = read(
        "Three more protesters have been killed during anti-government demonstrations and "
        "clashes in Osgiliath, a security official said on Monday."
    )
    assert _subs(reading) == ["Violent demonstration"], _subs(reading)
    assert reading.events[0].fatalities == 3


# ---- dates without a publication date ----------------------------------------------------


def test_without_a_publication_date_a_year_dated_capture_is_history(read: Any) -> None:
    reading = read(
        "Fighters of the Eastern Host seized Osgiliath in 2019 and held the town for two years.",
        published=None,
    )
    assert reading.events == (), _subs(reading)
    # a year in a clause about a noun dates the noun, not the event
    reading = read(
        "Fighters of the Eastern Host looted the old library of Osgiliath, which was built in "
        "1890.",
        published=None,
    )
    assert "Looting/property destruction" in _subs(reading), _subs(reading)


# ---- figures ------------------------------------------------------------------------------


def test_a_toll_shared_between_two_bombings_is_no_one_events(read: Any) -> None:
    reading = read(
        "Car bombs struck a market in Osgiliath and a bus station in Pelargir on Monday, "
        "killing more than 60 people between them, the ministry said."
    )
    assert _violent(reading), _subs(reading)
    assert all(e.fatalities != 60 for e in reading.events)


# ---- a rule's use is no attack -------------------------------------------------------------


def test_an_exemption_being_used_to_strike_is_no_strike(read: Any) -> None:
    reading = read(
        "Rebel leaders in Gondor say the loophole is being used to bomb villages near Osgiliath."
    )
    assert _violent(reading) == [], _subs(reading)
    # a past use of a weapon to strike narrates a strike
    reading = read("The Eastern Host used helicopters to bomb a village near Osgiliath on Monday.")
    assert _violent(reading), _subs(reading)


# ---- places (shipped knowledge base) --------------------------------------------------------


@pytest.fixture(scope="module")
def kb() -> KB:
    return load_kb()


def test_a_short_name_close_to_a_far_town_is_no_match(kb: KB) -> None:
    # a temple's name near Jammu is one letter off a town 1,270 km away
    near = {"country": "IN", "near": "Jammu"}
    assert isinstance(kb.resolve_place("Asan", context=near), Unresolved)
    # a misspelt city a reader knows still resolves
    hit = kb.resolve_place("Hassak", context={"country": "SY", "near": "Al Bab"})
    assert isinstance(hit, PlaceMatch) and hit.place.admin1 == "Al-Hasakah Governorate"


def test_abu_dhabi_resolves_abroad(kb: KB) -> None:
    hit = kb.resolve_place("Abu Dhabi", context={"country": "YE"})
    assert isinstance(hit, PlaceMatch) and hit.place.country == "AE"


# ---- scoring: the record's ACLED name -----------------------------------------------------


def test_gold_actor_matches_the_records_acled_name() -> None:
    event = {
        "actor1": {
            "name": "Syrian Arab Army",
            "text": "Syrian government forces",
            "acled_name": "Military Forces of Syria (2000-)",
        }
    }
    assert event_field_ok("actor1", ["Military Forces of Syria"], event)
    assert not event_field_ok("actor1", ["Islamic State"], event)
