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
