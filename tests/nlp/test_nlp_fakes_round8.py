"""Round 8 (FA-KES dev, actor and civilian dead): a title-cased headline is parsed in
sentence case; killing armed men is a clash; who killed or advanced is not among the dead;
"N people including M civilians" counts M; "the X group claimed" names X; a vague lead toll
takes the exact figure told just after it; a date stamp is no part of a phrase. Fictional
sentences."""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.nlp.groupnames import group_variants
from trucewatch.nlp.numbers import Casualties, read_casualties
from trucewatch.nlp.syntax import np_span
from trucewatch.nlp.truecase import sentence_case


def _violent(reading: Any) -> Any:
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert violent, reading.events
    return violent[0]


def _id(ref: Any) -> str | None:
    return None if ref is None else ref.id


# ---- title-cased headlines ----------------------------------------------------------------


def test_title_cased_headline_is_lowered_where_the_article_writes_the_word_in_lower_case() -> None:
    body = "The army said its units killed the fighters in an ambush near Osgiliath."
    got = sentence_case("Gondorian Army Kills 40 Host Fighters in Osgiliath Ambush.", body)
    assert got == "Gondorian army kills 40 Host fighters in Osgiliath ambush."


def test_names_told_once_and_sentence_case_text_keep_their_capitals() -> None:
    body = "Mortars hit the market on Monday, the council said."
    # a byline's name is never written again: it keeps its capitals
    text = "Posted by Jane Doe Mortar Fire Hits Pelargir Market After Truce Talks"
    assert sentence_case(text, body).startswith("Posted by Jane Doe")
    # an ordinary sentence opening on two names is no title-cased run
    plain = "Gondorian President Ecthelion said the talks would resume on Monday."
    assert sentence_case(plain, body) == plain
    # same length: every character offset of the article still holds
    assert len(sentence_case(text, body)) == len(text)


def test_a_long_name_opening_a_sentence_is_no_headline() -> None:
    # four capitalised words, and the body writes "mission" and "observers" in lower case,
    # but no event word is among them: it is a name, not a title-cased headline
    body = "Two villagers were killed, the mission said; its observers counted 40 violations."
    text = "The Free Ithilien Observers Mission said on Monday that it had counted violations."
    assert sentence_case(text, body) == text


def test_a_title_cased_headline_names_the_actor_of_its_event(read: Any) -> None:
    text = (
        "Gondorian Forces Foil Raid on Osgiliath Kill 29 Fighters. Nearly 30 fighters were "
        "killed in a raid they launched on Tuesday, a military source said."
    )
    ev = _violent(read(text))
    assert _id(ev.actor1) == "gondor"
    assert ev.fatalities == 29
    assert ev.civilian_fatalities == 0


# ---- killing armed men is fighting between armed sides -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Gondor's army killed 70 fighters near Osgiliath on Monday.",
        "Gondor's army killed dozens of Host militants near Osgiliath on Monday.",
    ],
)
def test_an_armed_side_killing_armed_men_is_an_armed_clash(read: Any, sentence: str) -> None:
    ev = _violent(read(sentence))
    assert ev.sub_event_type == "Armed clash"
    assert _id(ev.actor1) == "gondor"
    assert ev.civilian_fatalities == 0


def test_armed_men_who_kill_civilians_stay_an_attack(read: Any) -> None:
    ev = _violent(read("Two children were killed when gunmen opened fire on a bus in Pelargir."))
    assert ev.sub_event_type == "Attack"


# ---- who died ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the combatants named are the killers, not the dead
        ("Host rebels kill 7 in Pelargir assault.", Casualties(7, 7, None)),
        (
            "A car bomb killed 43 people on Saturday as Gondorian fighters advanced on Umbar.",
            Casualties(43, 43, None),
        ),
        # the combatants named are the dead
        ("Two soldiers killed in ambush near Osgiliath.", Casualties(2, 0, None)),
        # a told number of civilians among the dead is the civilian count
        (
            "At least 30 people including 24 civilians were killed by the strikes.",
            Casualties(30, 24, None),
        ),
        # a flattened page lost the "and": the verb after has its own count
        (
            "A suicide bomber killed 30 people injured 90 on Monday at a wedding in Umbar.",
            Casualties(30, 30, 90),
        ),
        # children among the dead are a floor, the generic dead stay civilian
        (
            "At least 30 people including nine children were killed by the strikes.",
            Casualties(30, 30, None),
        ),
    ],
)
def test_who_died(sentence: str, expected: Casualties) -> None:
    assert read_casualties(sentence) == expected


# ---- responsibility claims by "the X group" ------------------------------------------------


def test_group_noun_after_a_name_gives_the_name() -> None:
    assert "Haradrim" in group_variants("Haradrim terrorist group")
    assert "Eastern Host" in group_variants("the Eastern Host movement")


def test_a_claim_by_the_x_group_names_the_lead_events_author(read: Any) -> None:
    text = (
        "A car bomb struck a market in Pelargir on Wednesday, killing 12 people. "
        "The Haradrim group claimed responsibility for the attack."
    )
    assert _id(_violent(read(text)).actor1) == "harad"


# ---- a vague lead toll and the exact figure after it ---------------------------------------


def test_a_vague_lead_toll_takes_the_exact_figure_told_next(read: Any) -> None:
    text = (
        "Dozens of civilians were killed on Monday in Haradric air strikes on Pelargir. "
        "At least 51 civilians died in the air strikes on Pelargir, medics said."
    )
    ev = _violent(read(text))
    assert ev.fatalities == 51
    assert ev.civilian_fatalities == 51


def test_a_figure_the_vague_word_cannot_mean_is_not_taken(read: Any) -> None:
    text = (
        "Dozens of civilians were killed on Monday in Haradric air strikes on Pelargir. "
        "More than 400 people have died in air strikes on Pelargir, medics said."
    )
    assert _violent(read(text)).fatalities == 12


# ---- a date stamp is no part of a name ----------------------------------------------------


def test_a_date_stamp_before_a_phrase_is_not_part_of_it(reader: Any) -> None:
    doc = reader.nlp("10-03-2025 Harad army kills 40 fighters in Umbar.")
    army = next(t for t in doc if t.lower_ == "army")
    assert np_span(army).text == "Harad army"


# ---- a state is no bomber by a place word or a passing mention ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gondor car bomb kills six in Pelargir market.",
        "A car bomb exploded in a market in Pelargir on Monday, killing six people, as "
        "fighting between Gondorian forces and the Host went on.",
    ],
)
def test_a_state_named_only_in_passing_is_no_bomber(read: Any, text: str) -> None:
    ev = _violent(read(text))
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1 is None


def test_a_state_named_as_the_bomber_stays(read: Any) -> None:
    text = (
        "Gondorian soldiers detonated a roadside bomb under a Host convoy near Umbar on "
        "Monday, killing four fighters."
    )
    assert _id(_violent(read(text)).actor1) == "gondor"
