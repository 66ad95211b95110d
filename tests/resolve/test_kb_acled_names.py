"""ACLED names: armed branches without their own take their state's military forces'."""

from __future__ import annotations

import pytest

from trucewatch.model import ActorMatch
from trucewatch.resolve import load_kb


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_kb(None)


@pytest.mark.parametrize(
    ("phrase", "country", "acled"),
    [
        ("Russian warplanes", "SY", "Military Forces of Russia (2000-)"),
        ("Russian forces", "SY", "Military Forces of Russia (2000-)"),
        ("Syrian army", "SY", "Military Forces of Syria (2000-)"),
    ],
)
def test_armed_branches_carry_acled_military_names(
    kb, phrase: str, country: str, acled: str
) -> None:  # type: ignore[no-untyped-def]
    match = kb.resolve_actor(phrase, context={"country": country})
    assert isinstance(match, ActorMatch), match
    assert match.actor.acled_name == acled


def test_every_armed_branch_with_a_military_sibling_has_an_acled_name(kb) -> None:  # type: ignore[no-untyped-def]
    actors = [kb.actor(i) for i in kb.actor_ids()]
    assert len(actors) > 100
    militaries = {a.parent for a in actors if a and a.branch == "military" and a.acled_name}
    missing = [
        a.id
        for a in actors
        if a and a.branch in {"air", "army", "navy"} and a.parent in militaries and not a.acled_name
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("phrase", "acled"),
    [
        # the air force sits under the army in the knowledge base: it inherits from it
        ("Syrian warplanes", "Military Forces of Syria (2000-)"),
        ("Russian warships", "Military Forces of Russia (2000-)"),
    ],
)
def test_units_under_a_military_branch_inherit_its_acled_name(kb, phrase: str, acled: str) -> None:  # type: ignore[no-untyped-def]
    match = kb.resolve_actor(phrase, context={"country": "SY"})
    assert isinstance(match, ActorMatch), match
    parent = kb.actor(match.actor.parent)
    assert parent is not None and parent.branch == "military"  # a unit under the army
    assert match.actor.acled_name == acled


@pytest.mark.parametrize(
    ("state", "branch", "unit"),
    [
        ("russia", "air", "russia-aerospace"),
        ("russia", "military", "russia-military"),
        ("syria", "air", "syria-air-force"),  # found under the army, breadth first
        ("syria", "military", "syria-military"),
    ],
)
def test_branch_names_a_states_own_unit(kb, state: str, branch: str, unit: str) -> None:  # type: ignore[no-untyped-def]
    found = kb.branch(state, branch)
    assert found is not None and found.id == unit


@pytest.mark.parametrize(
    ("actor_id", "branch"),
    [("isis", "military"), ("no-such-actor", "air"), ("russia", "no-such-branch")],
)
def test_branch_is_none_when_there_is_no_such_unit(kb, actor_id: str, branch: str) -> None:  # type: ignore[no-untyped-def]
    assert kb.branch(actor_id, branch) is None
