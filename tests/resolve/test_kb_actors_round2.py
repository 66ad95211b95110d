"""Actor resolution, round 2: demonyms alone, offices of states and bodies, context words."""

from __future__ import annotations

import pytest

from trucewatch.model.kb import ActorMatch
from trucewatch.resolve import KB


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Turkish", "turkey"),
        ("German", "germany"),
        ("U.S.", "united-states"),
        ("US", "united-states"),
        ("American", "united-states"),
        ("Iranian", "iran"),
        ("Sudanese", "sudan"),
        ("Kurdish", "sdf"),
        ("Turkish Foreign Minister", "turkey"),
        ("German Foreign Ministry spokeswoman", "germany"),
        ("Saudi Foreign Minister", "saudi-arabia"),
        ("U.S. Secretary of State", "united-states"),
        ("White House spokesman", "united-states"),
        ("Kremlin spokesman", "russia"),
        ("State Department spokesman", "united-states"),
        ("a spokesman for the Houthis", "houthis"),
        ("Russia's foreign ministry", "russia"),
        ("UN special envoy", "un"),
    ],
)
def test_demonyms_and_offices_resolve_without_context(kb: KB, text: str, actor_id: str) -> None:
    match = kb.resolve_actor(text)
    assert isinstance(match, ActorMatch), match.reason
    assert match.actor.id == actor_id


@pytest.mark.parametrize(
    ("text", "country", "actor_id"),
    [
        ("coalition", "SY", "us-coalition"),
        ("the coalition", "IQ", "us-coalition"),
        ("coalition", "YE", "saudi-coalition"),
        ("regime", "SY", "syria"),
        ("Kurdish", "IQ", "krg"),
    ],
)
def test_context_words(kb: KB, text: str, country: str, actor_id: str) -> None:
    match = kb.resolve_actor(text, context={"country": country})
    assert isinstance(match, ActorMatch), match.reason
    assert match.actor.id == actor_id


@pytest.mark.parametrize("text", ["President", "the spokesman", "foreign ministry", "coalition"])
def test_an_office_alone_names_no_one(kb: KB, text: str) -> None:
    assert not isinstance(kb.resolve_actor(text), ActorMatch)


def test_backed_is_not_an_office(kb: KB) -> None:
    match = kb.resolve_actor("Iranian-backed fighters")
    assert not (isinstance(match, ActorMatch) and match.actor.id == "iran")


@pytest.mark.parametrize(
    ("phrase", "actor_id"),
    [
        ("Islamic State fighters", "islamic-state"),
        ("Islamic State militants", "islamic-state"),
        ("YPG fighters", "ypg"),
        ("Nusra Front members", "hts"),
    ],
)
def test_members_of_a_named_group_are_the_group(kb: KB, phrase: str, actor_id: str) -> None:
    match = kb.resolve_actor(phrase, context={"country": "SY"})
    assert isinstance(match, ActorMatch), match
    assert match.actor.id == actor_id
    assert "members of the group" in match.reason or "alias" in match.reason


@pytest.mark.parametrize("phrase", ["Russian fighters", "Syria fighters", "Syrian rebels"])
def test_members_of_a_state_or_a_people_are_not_the_state(kb: KB, phrase: str) -> None:
    match = kb.resolve_actor(phrase, context={"country": "SY"})
    assert not (isinstance(match, ActorMatch) and match.actor.kind in {"state", "government"})
