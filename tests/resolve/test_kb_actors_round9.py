"""Actor resolution, round 9: close spellings never cross an acronym or a leader's name."""

from __future__ import annotations

import pytest

from trucewatch.model.kb import ActorMatch
from trucewatch.resolve import KB


def test_a_place_name_is_no_misspelt_acronym(kb: KB) -> None:
    # a possessive place name scored close to a peacekeeping mission's acronym
    match = kb.resolve_actor("Atmehs")
    assert not (isinstance(match, ActorMatch) and match.actor.id == "atmis")
    # a close spelling of a full name still resolves
    match = kb.resolve_actor("Hezbolla")
    assert isinstance(match, ActorMatch) and match.actor.id == "hezbollah"


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("U.S.-led military coalition", "us-coalition"),
        ("US-led international coalition", "us-coalition"),
    ],
)
def test_a_led_force_is_told_by_its_leader(kb: KB, text: str, actor_id: str) -> None:
    match = kb.resolve_actor(text, context={"country": "SY"})
    assert isinstance(match, ActorMatch)
    assert match.actor.id == actor_id
