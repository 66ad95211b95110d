"""Attack words that name no attack: rules about attacks, lulls in them, weapons handed
over; and what "seized" took: ground, or goods."""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.nlp.matching import find_triggers


def _subs(text: str) -> set[str]:
    return {h.sub_event_type for h in find_triggers(text)}


@pytest.mark.parametrize(
    "text",
    [
        # a rule about attacks, said of no attack in particular
        "Gondor says strikes on the Host are permitted under the terms of the truce.",
        "Harad insists that raids against smugglers were lawful.",
        # a party's justification of attacks
        "The elders say the exemption is cited to justify strikes on villages.",
        # a lull or fall in attacks
        "Since the truce brought a lull in air strikes, markets have reopened in Pelargir.",
        "Monitors recorded a sharp drop in shelling along the river.",
        # weapons handed over are owned, not fired
        "The Rangers, who have received Gondorian-made anti-tank missiles, joined the truce.",
        "The brigade is armed with heavy mortars and rockets.",
    ],
)
def test_attack_words_that_name_no_attack(text: str) -> None:
    violent = {"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Attack"}
    assert not (_subs(text) & violent), _subs(text)


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("The Host seized the headquarters and weapons depots of the Rangers.", True),
        ("Rebels seized control of the weapons depot at Osgiliath.", True),
        ("Police seized a large cache of weapons in the port of Umbar.", False),
        ("Customs officers seized over 3,200 boxes of counterfeit perfume.", False),
        ("Guards seized 40 kilograms of heroin at the bridge.", False),
    ],
)
def test_seized_ground_or_goods(text: str, taken: bool) -> None:
    assert ("Non-state actor overtakes territory" in _subs(text)) is taken


@pytest.fixture(scope="module")
def read_real(make_read: Any) -> Any:
    from trucewatch.resolve import load_kb

    return make_read(load_kb())


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of villagers demonstrated in Saraqib on Friday, holding up banners that "
        "Hayat Tahrir al-Sham condemns.",
        "Students protested outside the university in Idlib on Friday over fees, a demand "
        "that Hayat Tahrir al-Sham opposes.",
    ],
)
def test_a_peaceful_protest_is_the_crowds_even_beside_an_armed_group(
    read_real: Any, text: str
) -> None:
    protests = [e for e in read_real(text).events if e.sub_event_type == "Peaceful protest"]
    assert protests
    assert all(e.actor1 is not None and e.actor1.kind == "protesters" for e in protests)
