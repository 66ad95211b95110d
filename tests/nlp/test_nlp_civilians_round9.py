"""Round 9 (FA-KES dev, civilian dead): parts of a toll told with "were among", list items
after "including", fighters told apart from a generic total, bare tolls and "others" under
the generic rule, a round multiple retold as an exact figure, an earlier event dated
against this one ("just days after ..."), and a later sentence's civilian share of the
lead's toll. Fictional sentences."""

from __future__ import annotations

from typing import Any

from trucewatch.nlp.matching import background_span
from trucewatch.nlp.numbers import Casualties, read_casualties


def _read_with_background(text: str) -> Casualties:
    return read_casualties(text, background_span(text))


def _violent(reading: Any) -> Any:
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert violent, reading.events
    return violent[0]


# ---- parts of a toll ------------------------------------------------------------------------


def test_victims_among_a_toll_are_part_of_it() -> None:
    cases = [
        # the parts are among the toll, not added to it
        ("Three girls were among the 21 dead after shells hit the harbour.", 21, 21),
        ("Five boys were among 16 civilians killed on Monday in the shelling.", 16, 16),
        ("Seven villagers were among at least 40 people killed in the raid.", 40, 40),
        # a headline drops the verb
        ("5 children among 14 dead in Pelargir shelling.", 14, 14),
        # on its own, a part still tells that many dead
        ("Three girls were among the dead.", 3, 3),
        # the wounded are no part of the dead
        ("Four guards were killed and two shepherds were among the injured.", 4, 0),
    ]
    got = [read_casualties(sentence) for sentence, _, _ in cases]
    assert [(c.fatalities, c.civilian_fatalities) for c in got] == [(d, c) for _, d, c in cases]


def test_every_item_of_an_including_list_is_a_part() -> None:
    got = read_casualties(
        "A drone strike killed 11 people including four boys and three women in Umbar."
    )
    assert (got.fatalities, got.civilian_fatalities) == (11, 11)
    # a clause with its own verb after the list is no item of it
    got = read_casualties("Shells killed 30 people, four of them boys, and dozens more wounded.")
    assert (got.fatalities, got.injured) == (30, 12)


def test_the_rebel_stronghold_names_the_ground_not_the_dead() -> None:
    got = read_casualties("Jets killed 9 people including two children in the rebel stronghold.")
    assert got.civilian_fatalities == 9


# ---- fighters told apart from a generic total ----------------------------------------------


def test_fighters_told_apart_leave_the_rest_of_a_generic_toll_civilian() -> None:
    got = read_casualties("The blast killed 50 people including 30 fighters in the market.")
    assert (got.fatalities, got.civilian_fatalities) == (50, 20)
    got = read_casualties("At least 17 people died in the bombing, among them 13 police officers.")
    assert (got.fatalities, got.civilian_fatalities) == (17, 4)
    # in a battle the fighters told apart are not all the armed dead it may have
    got = read_casualties("Clashes killed 50 people including 30 fighters near the ford.")
    assert got.civilian_fatalities is None


def test_listed_parts_with_fighters_before_among() -> None:
    got = read_casualties("Nine boys and 12 guards were among 40 people killed by the raiders.")
    assert (got.fatalities, got.civilian_fatalities) == (40, 28)


# ---- the generic rule for bare tolls and "others" -------------------------------------------


def test_a_bare_death_toll_with_no_combatants_named_is_civilian() -> None:
    got = read_casualties("Health officials put the death toll at at least 64.")
    assert (got.fatalities, got.civilian_fatalities) == (64, 64)
    got = read_casualties("The army put the death toll at 12 soldiers.")
    assert got.civilian_fatalities != 12


def test_others_killed_are_the_same_kind_of_dead_as_the_group_before() -> None:
    got = read_casualties(
        "The lorry bomb killed 20 people and a second blast killed seven others nearby."
    )
    assert (got.fatalities, got.civilian_fatalities) == (27, 27)


def test_a_count_followed_by_a_participle_is_no_noun_phrase() -> None:
    got = read_casualties("Two boys were killed and 15 injured in rebel rocket fire on Pelargir.")
    assert (got.fatalities, got.civilian_fatalities, got.injured) == (2, 2, 15)


# ---- a round multiple retold as an exact figure -------------------------------------------


def test_dozens_and_the_exact_figure_it_covers_are_one_toll() -> None:
    got = read_casualties(
        "Air raids kill dozens in Umbar Air raids on the besieged town killed 37 people on Monday."
    )
    assert (got.fatalities, got.civilian_fatalities) == (37, 37)


def test_a_vague_total_the_parts_exceed_becomes_their_sum() -> None:
    got = read_casualties(
        "Dozens of people were killed in the raids, including at least 31 people in one district."
    )
    assert got.fatalities == 31


def test_repeated_parts_do_not_raise_an_exact_total() -> None:
    got = read_casualties(
        "4 girls among 12 dead in Umbar 4 girls among 12 dead as shells hit a school Shells "
        "killed 12 people including four girls."
    )
    assert got.fatalities == 12


# ---- an earlier event dated against this one -----------------------------------------------


def test_an_earlier_event_dated_against_this_one_is_background() -> None:
    got = _read_with_background(
        "Three nurses were killed when a shell hit the clinic just days after dozens of "
        "herders were killed in the hills."
    )
    assert (got.fatalities, got.civilian_fatalities) == (3, 3)
    # fronted, the clause is followed by the sentence's own event
    got = _read_with_background(
        "Two days after the ceasefire ended a farmer was killed by a mine near Umbar."
    )
    assert got.fatalities == 1


# ---- the lead's toll and a later sentence's civilian share ---------------------------------


def test_a_later_breakdown_of_the_same_toll_gives_the_civilian_share(read: Any) -> None:
    text = (
        "A car bomb killed six people in Pelargir on Tuesday. "
        "Four shepherds and two soldiers were killed in the attack, the council said."
    )
    ev = _violent(read(text))
    assert (ev.fatalities, ev.civilian_fatalities) == (6, 4)
    # a later floor ("three people including a woman", fighters named) says not who the
    # rest were: the lead's count stands
    text = (
        "Rockets killed three people in Pelargir on Tuesday. "
        "Gunmen hiding in the hills fired the rockets, killing three people including a woman."
    )
    ev = _violent(read(text))
    assert (ev.fatalities, ev.civilian_fatalities) == (3, 3)
