"""Round 12, from a second held-out test of eight new reports (tests/fixtures/gold/heldout2-*):
on our own sentences with fictional parties (and one real-KB check). Relatives counted in the
plural after one victim ("a woman and her two daughters"); "two days earlier" dates an event
by the one told before it; the victims' side of a passive killing told in a conjunct ("two
guards were killed and three were wounded when ..."); the side a battle for ground was fought
with lost it; a nationality word ("Somali security forces") is no place.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trucewatch.resolve import load_kb

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _violent(reading: Any) -> list[Any]:
    return [e for e in reading.events if e.event_type in VIOLENT]


# ---- casualty counts -----------------------------------------------------------------------


def test_relatives_counted_in_the_plural_add_that_many_dead() -> None:
    from trucewatch.nlp.numbers import read_casualties

    found = read_casualties(
        "Artillery shelled the outskirts of the town, killing a man and his three sons "
        "and wounding four other people."
    )
    assert (found.fatalities, found.civilian_fatalities, found.injured) == (4, 4, 4)
    # a relative told singly still counts once, even with a wounding after it
    found = read_casualties("A rocket killed a teacher and her son and wounded two neighbours.")
    assert (found.fatalities, found.injured) == (2, 2)
    # "and his sons" says no number: the relatives add none
    assert read_casualties("A rocket killed a farmer and his sons.").fatalities == 1


def test_a_woman_and_her_two_daughters_are_three_dead_civilians(read: Any) -> None:
    reading = read(
        "Harad's artillery shelled Pelargir on Monday, killing a woman and her two daughters "
        "and wounding six other people, officials said."
    )
    violent = _violent(reading)
    assert violent and violent[0].fatalities == 3, reading.events
    assert violent[0].civilian_fatalities == 3
    assert violent[0].injured == 6


# ---- dates ---------------------------------------------------------------------------------


def test_days_apart_counts_from_the_previous_event() -> None:
    from trucewatch.nlp.dates import days_apart

    assert days_apart("Three days earlier, police had arrested two men in the port.") == -3
    assert days_apart("A day later the raiders struck again.") == 1
    assert days_apart("The day before, soldiers searched the village.") == -1
    # "after the truce" measures from the truce, not from the event told before
    assert days_apart("Two days after the truce took effect, shelling resumed.") is None
    assert days_apart("Talks will resume next week.") is None


def test_two_days_earlier_is_two_days_before_the_event_told_before(read: Any) -> None:
    # published Wednesday 10 September 2025: the ambush was on Tuesday the 9th
    reading = read(
        "Host fighters ambushed a Gondorian convoy near Osgiliath on Tuesday, killing four "
        "soldiers. Two days earlier, Gondorian troops arrested six men in Pelargir.",
        published=dt.date(2025, 9, 10),
    )
    arrests = [e for e in reading.events if e.sub_event_type == "Arrests"]
    assert arrests, reading.events
    assert arrests[0].date == dt.date(2025, 9, 7)


# ---- sides ---------------------------------------------------------------------------------


def test_the_killed_conjunct_names_the_victims_side(read: Any) -> None:
    reading = read(
        "Two Gondorian guards were killed and three were wounded on Monday when their patrol "
        "was ambushed near Osgiliath, officials said."
    )
    violent = _violent(reading)
    assert violent, reading.events
    assert violent[0].actor2 is not None and violent[0].actor2.id == "gondor", violent[0]


def test_a_battle_for_ground_was_fought_with_the_side_that_lost_it(read: Any) -> None:
    reading = read(
        "The Host captured Osgiliath on Sunday after a day-long battle with Gondorian forces, "
        "monitors said."
    )
    taken = [e for e in reading.events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert taken, reading.events
    assert taken[0].actor1 is not None and taken[0].actor1.id == "host"
    assert taken[0].actor2 is not None and taken[0].actor2.id == "gondor", taken[0]


# ---- places (shipped knowledge base) ---------------------------------------------------------


def test_a_nationality_word_is_no_place_pattern() -> None:
    kb = load_kb()
    demonyms = {"Somali", "Syrian", "Ukrainian", "Yemeni"}
    places = {phrase for label, phrase in kb.entity_patterns() if label in {"GPE", "LOC"}}
    assert not demonyms & places, demonyms & places


@pytest.fixture(scope="module")
def read_real(make_read: Any) -> Any:
    return make_read(load_kb(), published=dt.date(2024, 5, 8))


def test_somali_forces_fighting_in_mogadishu_are_placed_in_mogadishu(read_real: Any) -> None:
    reading = read_real(
        "Somali security forces ended a militant attack on a hotel in Mogadishu on Tuesday, "
        "and at least nine people were killed, officials said."
    )
    violent = _violent(reading)
    assert violent and violent[0].location is not None, reading.events
    assert violent[0].location.name == "Mogadishu", violent[0].location
    assert violent[0].location.country == "SO"
