"""Round 10 (FA-KES dev, civilian dead): a lead with no toll takes the toll the body gives
for its scene; fighters later counted among a generic total leave the rest civilian; a low
bound ("more than 30") takes the exact figure told after it; a lead whose dead were unknown
takes a retelling's civilians; and figures inside one sentence: the source of a figure, the
kin of the victims, executions, a toll that governs its count, blame, a place's war record.
Fictional sentences."""

from __future__ import annotations

from typing import Any

from trucewatch.nlp.numbers import read_casualties
from trucewatch.nlp.sides import first_of_between


def _violent(reading: Any) -> Any:
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert violent, reading.events
    return violent[0]


def _counts(sentence: str) -> tuple[int | None, int | None]:
    got = read_casualties(sentence)
    return got.fatalities, got.civilian_fatalities


# ---- one sentence ---------------------------------------------------------------------------


def test_who_gives_a_figure_is_not_among_the_dead() -> None:
    assert _counts("A rescue worker said at least 12 people were killed in the market.") == (
        12,
        12,
    )
    # a victim "reported killed" stays a victim
    assert _counts("Two soldiers reported killed near the bridge.") == (2, 0)


def test_the_kin_of_fighters_are_no_count_of_fighters() -> None:
    sentence = (
        "Six boys were among at least 40 people killed in a hill village as troops "
        "executed the families of four alleged rebels."
    )
    assert _counts(sentence) == (40, 40)


def test_fighters_who_kill_a_two_digit_number_are_the_killers() -> None:
    # "kill 15": the number after the verb has two digits
    assert _counts("Rebels kill 15 people in a crowded market near the barracks.") == (15, 15)
    assert _counts("Soldiers executed 11 men in the square, witnesses said.") == (11, 11)


def test_a_toll_governs_the_count_after_it() -> None:
    sentence = (
        "Several more died of their wounds, bringing the toll to 30 people including four "
        "children and three policemen."
    )
    assert _counts(sentence) == (30, 27)
    sentence = (
        "The death toll from the strikes on the western districts of the old port city "
        "has risen to 50 people including 35 civilians."
    )
    assert _counts(sentence) == (50, 35)


def test_forces_an_attack_is_blamed_on_are_the_attackers() -> None:
    sentence = (
        "At least 20 people including six children died in the gas attack that the council "
        "blames on the southern king's forces."
    )
    assert _counts(sentence) == (20, 20)


def test_a_place_known_for_its_battles_names_no_fighters_among_the_dead() -> None:
    sentence = (
        "Shells killed 12 people in the old city, the scene of some of the fiercest "
        "fighting of the war."
    )
    assert _counts(sentence) == (12, 12)
    # fighting that killed them still names fighters who may be among them
    assert _counts("The fiercest fighting in months killed 12 people in the old city.") == (
        12,
        None,
    )


def test_civilians_counted_only_by_default_are_flagged() -> None:
    assert read_casualties("Air raids killed 20 people.").civilians_by_default
    assert not read_casualties("Air raids killed 20 civilians.").civilians_by_default
    assert read_casualties("Air raids killed 20 people including 4 boys.").civilians_by_default


# ---- across sentences -----------------------------------------------------------------------


_LEAD = "Haradric jets pounded Pelargir for a second day on Tuesday. "


def test_a_lead_with_no_toll_takes_the_toll_the_body_gives(read: Any) -> None:
    # another kind of attack, told for the day before: the body's count of the scene
    text = (
        _LEAD + "The bombing forced hundreds of families to flee the eastern districts. "
        "Shelling of the port in Pelargir killed 14 civilians on Monday, medics said."
    )
    ev = _violent(read(text))
    assert (ev.fatalities, ev.civilian_fatalities) == (14, 14)
    # a sentence that says it tells a new occurrence, another province, another week
    for other in (
        "Separately, shelling of the port in Pelargir killed 14 civilians on Monday.",
        "Shelling of the port in Osgiliath killed 14 civilians on Monday, medics said.",
        "Shelling of the port in Pelargir killed 14 civilians on 2 March, medics said.",
    ):
        ev = _violent(read(_LEAD + other))
        assert ev.fatalities is None, other


def test_a_reply_to_the_lead_lends_it_no_toll(read: Any) -> None:
    # the other side's reply is its own occurrence, however near: its dead are its own
    text = (
        "Umbar militia fired at a Gondorian army post near Pelargir on Monday. "
        "Gondor answered with strikes on the hills that killed 9 people, medics said."
    )
    lead = _violent(read(text))
    assert lead.actor1 is not None and "Umbar" in (lead.actor1.name or lead.actor1.text)
    assert lead.fatalities is None


def test_fighters_among_a_generic_total_are_counted_out(read: Any) -> None:
    text = (
        "Haradric air strikes killed at least 40 people in Pelargir on Tuesday. "
        "The raids hit the port district, and nine children and 6 fighters were among the "
        "dead, the monitor said."
    )
    ev = _violent(read(text))
    assert (ev.fatalities, ev.civilian_fatalities) == (40, 34)
    # an armed toll that neither says it is among the dead nor adds up to them
    text = (
        "Haradric air strikes killed 20 people in Pelargir on Tuesday. "
        "Five soldiers were killed in an ambush on the coast road near Pelargir."
    )
    ev = _violent(read(text))
    assert (ev.fatalities, ev.civilian_fatalities) == (20, 20)


def test_parts_that_add_up_to_the_total_split_it(read: Any) -> None:
    text = (
        "At least nine people were killed in Pelargir on Tuesday as the Host attacked the "
        "port. Four civilians were killed in the assault by the Host, the monitor said. "
        "Another five Host fighters were killed in clashes with the Gondorian army."
    )
    ev = _violent(read(text))
    assert (ev.fatalities, ev.civilian_fatalities) == (9, 4)


def test_a_low_bound_takes_the_exact_figure_told_after_it(read: Any) -> None:
    text = (
        "Haradric air raids killed more than 30 people in Pelargir on Friday. "
        "At least 34 people have been killed by the raids on Pelargir, rescuers said."
    )
    ev = _violent(read(text))
    assert ev.fatalities == 34
    # a figure the bound cannot stand for is another toll
    text = (
        "Haradric air raids killed more than 30 people in Pelargir on Friday. "
        "At least 52 people have been killed by the raids on Pelargir, rescuers said."
    )
    ev = _violent(read(text))
    assert ev.fatalities == 30


_RETOLD = "Two people were killed by a mortar round that hit the opera house, state media said."


def test_a_lead_with_unknown_dead_takes_a_retellings_civilians(read: Any) -> None:
    text = (
        "A mortar attack on the opera house in Osgiliath killed two people on Sunday amid "
        "fighting between Gondorian troops and the Host. " + _RETOLD
    )
    ev = _violent(read(text))
    assert (ev.fatalities, ev.civilian_fatalities) == (2, 2)
    # a battle's dead retold with no role stay a battle's dead
    text = (
        "Fighting between Gondorian troops and the Host killed two people in Osgiliath on "
        "Sunday. " + _RETOLD
    )
    ev = _violent(read(text))
    assert (ev.fatalities, ev.civilian_fatalities) == (2, None)


def test_the_two_forces_name_no_first_party(reader: Any) -> None:
    doc = reader.nlp("Clashes between the two forces rocked the city on Tuesday.")
    assert first_of_between(doc[0]) is None
    doc = reader.nlp("Clashes between Gondorian troops and the Host rocked the city on Tuesday.")
    found = first_of_between(doc[0])
    assert found is not None and found[0].startswith("Gondorian")
