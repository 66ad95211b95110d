"""Al-Qaeda's core organisation is an actor of its own, beside its regional branches."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.model.kb import ActorMatch
from trucewatch.resolve import KB


@pytest.mark.parametrize("text", ["al-Qaeda", "Al Qaeda", "al-Qaida", "al Qaeda militants"])
def test_al_qaeda_resolves_to_its_core(kb: KB, text: str) -> None:
    match = kb.resolve_actor(text)
    assert isinstance(match, ActorMatch) and match.actor.id == "al-qaeda"
    assert match.actor.acled_name == "Al Qaeda"


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("al-Qaeda in the Arabian Peninsula", "aqap"),
        ("al-Qaeda in Iraq", "islamic-state"),
        ("al-Qaida in Syria", "hts"),
        ("AQIM", "aqim"),
    ],
)
def test_a_branch_keeps_its_own_entry(kb: KB, text: str, actor_id: str) -> None:
    match = kb.resolve_actor(text)
    assert isinstance(match, ActorMatch) and match.actor.id == actor_id


def test_a_group_only_linked_to_al_qaeda_is_not_its_core(kb: KB) -> None:
    match = kb.resolve_actor("al Qaeda-linked group")
    assert not (isinstance(match, ActorMatch) and match.actor.id == "al-qaeda")


def test_al_qaeda_is_on_the_un_list_from_october_2001(kb: KB) -> None:
    on_list = kb.designations("al-qaeda", on=dt.date(2016, 2, 27), authority="UNSC")
    assert [d.valid_from for d in on_list] == [dt.date(2001, 10, 6)]
    assert not kb.designations("al-qaeda", on=dt.date(2001, 9, 1), authority="UNSC")
