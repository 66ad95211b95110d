"""A hospital or school told only as hit or destroyed, with no weapon or author, is an attack
(2026-11-27, fusion round 2). Our own fictional sentences."""

from __future__ import annotations

from typing import Any

_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _violent(reading: Any) -> list[Any]:
    return [e for e in reading.events if e.event_type in _VIOLENT]


def test_hospital_told_as_destroyed_is_an_event_with_the_next_sentences_toll(read: Any) -> None:
    reading = read(
        "Rockets hit a depot in Pelargir on Monday, killing two guards.\n\n"
        "Further north, in Osgiliath, a clinic run by a relief charity was destroyed on Monday. "
        "The charity said at least five people were killed."
    )
    clinic = [e for e in _violent(reading) if "clinic" in e.evidence]
    assert len(clinic) == 1, [(e.sub_event_type, e.evidence) for e in reading.events]
    assert clinic[0].location is not None and clinic[0].location.name == "Osgiliath"
    assert clinic[0].fatalities == 5, clinic[0]
    # the report's strikes that day were rockets: the clinic's weapon is theirs
    assert clinic[0].sub_event_type == "Shelling/artillery/missile attack", clinic[0]


def test_a_hospital_destroyed_in_a_report_with_no_strike_stays_an_attack(read: Any) -> None:
    reading = read("In Osgiliath, a hospital run by the Red Lamp was destroyed on Monday.")
    subs = [e.sub_event_type for e in _violent(reading)]
    assert subs == ["Attack"], subs


def test_many_schools_hit_are_a_total_not_one_struck_building(read: Any) -> None:
    reading = read("Across the region, five schools were hit on Monday.")
    assert not _violent(reading), [(e.sub_event_type, e.evidence) for e in reading.events]


def test_a_school_that_was_closed_or_built_is_no_event(read: Any) -> None:
    for text in (
        "A school in Osgiliath was closed on Monday for the holidays.",
        "A new hospital in Pelargir was opened by the governor on Monday.",
        "A school in Osgiliath was destroyed by an earthquake on Monday.",
    ):
        assert not _violent(read(text)), [(e.sub_event_type, e.evidence) for e in read(text).events]


def test_a_hospital_hit_by_a_weapon_keeps_the_weapon(read: Any) -> None:
    reading = read("A hospital in Osgiliath was hit by shells on Monday, killing three people.")
    subs = [e.sub_event_type for e in _violent(reading)]
    assert subs == ["Shelling/artillery/missile attack"], subs
