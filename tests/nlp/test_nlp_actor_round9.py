"""Round 9 (FA-KES dev, actor category): who did it, read off the whole sentence.

The dead fell to the side they fought ("killed in clashes with X"); a trigger noun that is
the object of a killing names the dead, not the killer; "mines planted by X" and "planes
from X" name X; a country's bare name tagging an attack word gives way to a side named on
the same word; a clause's subject is a side only when its verb is an act of war; a group
saying its fighter blew himself up claims the bombing. Fictional sentences."""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.nlp.matching import find_triggers


def _violent(reading: Any) -> Any:
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert violent, reading.events
    return violent[0]


def _id(ref: Any) -> str | None:
    return None if ref is None else ref.id


# ---- the dead and whom they fought -----------------------------------------------------------


def test_soldiers_killed_in_clashes_with_a_group_were_killed_by_that_group(read: Any) -> None:
    ev = _violent(
        read("Twelve Gondorian soldiers were killed on Monday in clashes with Host fighters.")
    )
    assert _id(ev.actor1) == "host"
    assert "who the dead fought" in (ev.actor1.reason or "")


def test_the_dead_fought_against_the_named_side_too(read: Any) -> None:
    ev = _violent(
        read("Nine Host fighters were killed on Monday in fighting against Gondor's army.")
    )
    assert _id(ev.actor1) == "gondor"


def test_a_noun_object_of_a_killing_names_the_dead_not_the_killer(read: Any) -> None:
    # "gunmen" is an attack word, but here the Gondorian gunmen are the ones killed
    ev = _violent(
        read(
            "Host jihadists have attacked an oil field near Osgiliath killing at least 30 "
            "Gondorian gunmen and guards, a monitor said."
        )
    )
    assert _id(ev.actor1) != "gondor"


# ---- a weapon's owner -----------------------------------------------------------------------


def test_mines_planted_by_a_group_were_its_attack(read: Any) -> None:
    ev = _violent(read("Mines planted by the Host have killed six villagers near Osgiliath."))
    assert _id(ev.actor1) == "host"


@pytest.fixture(scope="module")
def read_real(make_read: Any) -> Any:
    from trucewatch.resolve import load_kb

    return make_read(load_kb())


def test_planes_from_a_named_force_carried_out_the_strike(read_real: Any) -> None:
    ev = _violent(
        read_real(
            "Air raids thought to be by jets from a US-led military coalition killed nine "
            "people in Raqqa province on Monday."
        )
    )
    assert _id(ev.actor1) == "us-coalition"


# ---- a country's name tagging the attack word --------------------------------------------------


def test_a_side_named_beside_the_country_tag_is_the_author(read_real: Any) -> None:
    ev = _violent(read_real("Syria rebel mortar kills three children in Aleppo on Monday."))
    assert ev.actor1 is not None and ev.actor1.kind == "rebel"
    # with no side beside it, the country's name still names its state
    ev = _violent(read_real("Turkey air strikes kill nine militants in Afrin on Monday."))
    assert _id(ev.actor1) == "turkey"


# ---- the subject of another clause ------------------------------------------------------------


def test_fighting_as_subject_does_not_hide_the_side_that_battled(read: Any) -> None:
    ev = _violent(
        read("Heavy fighting shook Osgiliath on Monday as Host fighters battled to break a siege.")
    )
    assert _id(ev.actor1) == "host"
    # ... but a side only present where it happened is no author
    ev = _violent(
        read(
            "The blast at a mosque in Osgiliath went off on Monday as members of the Host "
            "gathered for prayers."
        )
    )
    assert _id(ev.actor1) is None


def test_a_state_condemning_the_killing_did_not_do_it(read: Any) -> None:
    ev = _violent(
        read(
            "Mortar shells fell on a market in Osgiliath on Monday, killing four villagers, "
            "and Harad has condemned the killing."
        )
    )
    assert _id(ev.actor1) is None


def test_battled_is_a_word_for_fighting() -> None:
    hits = find_triggers("The Host battled Gondorian troops near the bridge.")
    assert [h.sub_event_type for h in hits] == ["Armed clash"]


def test_an_upper_case_country_abbreviation_is_no_stop_word(
    make_read: Any, fictional_kb: Any
) -> None:
    from trucewatch.model import Actor

    kb = fictional_kb.with_actors(
        Actor(id="us", name="United States", kind="state", country="US", aliases=("US",))
    )
    ev = _violent(make_read(kb)("Nine villagers were killed in US airstrikes near Osgiliath."))
    assert _id(ev.actor1) == "us"


# ---- responsibility -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "The Host said in a statement that one of its fighters had blown himself up among "
        "Gondorian troops.",
        "The Host claimed responsibilty for the attack in an online statement.",
    ],
)
def test_a_group_owning_its_bomber_claims_the_bombing(read: Any, claim: str) -> None:
    text = (
        "A suicide bomber killed 20 people at a wedding in Osgiliath on Monday, medics said. "
        + claim
    )
    ev = _violent(read(text))
    assert _id(ev.actor1) == "host"
    assert "claim" in (ev.actor1.reason or "")
