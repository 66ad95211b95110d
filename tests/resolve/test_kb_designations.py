"""Who designates whom, when: dated queries, renames, and the parent/sub-unit rule."""

from __future__ import annotations

from datetime import date

import pytest

from trucewatch.errors import KnowledgeBaseError
from trucewatch.resolve import KB


@pytest.mark.parametrize(
    ("actor_id", "authority", "on", "expected"),
    [
        ("houthis", "US-FTO", date(2020, 12, 31), False),
        ("houthis", "US-FTO", date(2021, 1, 20), True),
        ("houthis", "US-FTO", date(2021, 2, 16), False),
        ("houthis", "US-FTO", date(2023, 6, 1), False),
        ("houthis", "US-SDGT", date(2024, 3, 1), True),
        ("houthis", "US-FTO", date(2025, 3, 5), True),
        ("hts", "US-FTO", date(2016, 2, 12), True),  # as al-Nusra, same id
        ("hts", "US-FTO", date(2018, 6, 1), True),
        ("hts", "US-FTO", date(2025, 7, 9), False),
        ("hts", "UNSC", date(2016, 2, 12), True),
        ("hts", "UNSC", date(2012, 1, 1), False),
        ("islamic-state", "UNSC", date(2016, 2, 12), True),
        ("islamic-state", "RU", date(2015, 1, 1), True),
        ("azov", "RU", date(2022, 1, 1), False),
        ("azov", "RU", date(2022, 8, 3), True),
        ("hamas", "UK", date(2020, 1, 1), False),
        ("hamas", "UK", date(2022, 1, 1), True),
        ("qassam-brigades", "UK", date(2020, 1, 1), True),
        ("qassam-brigades", "UK", date(2022, 1, 1), True),  # via Hamas, covers sub-units
        ("al-shabaab", "US-FTO", date(2010, 1, 1), True),
        ("tplf", "ET", date(2022, 1, 1), True),
        ("tplf", "ET", date(2024, 1, 1), False),
        ("fsa", "syria", date(2016, 2, 12), True),  # party claim reaches factions
        ("ypg", "TR", date(2019, 10, 9), True),
        ("syria-military", "UNSC", date(2016, 2, 12), False),
    ],
)
def test_is_designated_on_date(
    kb: KB, actor_id: str, authority: str, on: date, expected: bool
) -> None:
    answer = kb.is_designated(actor_id, by=authority, on=on)
    assert answer.designated is expected, answer.reason
    assert answer.reason
    if expected:
        assert all(e.source for e in answer.entries)


def test_party_claim_is_marked(kb: KB) -> None:
    answer = kb.is_designated("jaysh-al-islam", by="syria", on=date(2016, 2, 12))
    assert answer.designated and answer.entries[0].kind == "party-claim"
    assert "covers sub-units" in answer.reason


def test_parent_designation_does_not_reach_subunits_unless_marked(kb: KB) -> None:
    # EU lists Hezbollah's military wing on the Hezbollah id without covers_subunits:
    # the Hezbollah-in-Syria sub-unit is not thereby designated by the EU.
    assert kb.is_designated("hezbollah", by="EU", on=date(2020, 1, 1))
    assert not kb.is_designated("hezbollah-syria", by="EU", on=date(2020, 1, 1))
    assert kb.is_designated("hezbollah-syria", by="UK", on=date(2020, 1, 1))


def test_designations_listing(kb: KB) -> None:
    everything = kb.designations("houthis")
    assert {e.authority for e in everything} >= {"US-FTO", "US-SDGT", "UNSC"}
    assert kb.designations("houthis", on=date(2021, 1, 25), authority="US-FTO")
    assert kb.designations("houthis", on=date(2022, 1, 1), authority="us-fto") == []


def test_unknown_actor_raises(kb: KB) -> None:
    with pytest.raises(KnowledgeBaseError, match="unknown actor"):
        kb.is_designated("no-such-group", by="UNSC")
