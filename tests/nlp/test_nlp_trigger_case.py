"""Triggers matched on lower-cased text find exactly what case-insensitive matching finds."""

from __future__ import annotations

import pytest

from trucewatch.nlp.matching import find_triggers, is_candidate
from trucewatch.nlp.triggers import TRIGGERS, Trigger, _t

SENTENCES = [
    "Warplanes STRUCK a market in Osgiliath, killing 16 civilians.",
    "A Suicide Bomber blew himself up at a checkpoint near the Bridge.",
    "Rangers Recaptured the fort after gunmen Stormed it at dawn.",
    "Protesters chanted outside the ministry; police fired tear gas.",
    "The İstanbul office said shelling hit the İdlib countryside overnight.",
    "Talks on the truce resume next week.",
]


def _reference(text: str) -> list[tuple[str, int, int]]:
    return sorted(
        (t.sub_event_type, m.start(), m.end()) for t in TRIGGERS for m in t.pattern.finditer(text)
    )


@pytest.mark.parametrize("text", SENTENCES)
def test_lowered_matching_equals_case_insensitive(text: str) -> None:
    lower = text.lower()
    got = sorted(
        (t.sub_event_type, m.start(), m.end()) for t in TRIGGERS for m in t.finditer(text, lower)
    )
    assert got == _reference(text)


def test_length_changing_lower_case_falls_back_to_the_original_offsets() -> None:
    text = "İİİ shelling hit the town"  # "İ".lower() is two characters
    assert len(text.lower()) != len(text)
    hits = find_triggers(text)
    assert hits and text[hits[0].start : hits[0].end].lower().startswith("shell")


def test_case_sensitive_parts_keep_their_case() -> None:
    trigger: Trigger = _t("Government regains territory", 14, r"(?-i:liberated)")
    assert trigger.lowered is None
    assert not list(trigger.finditer("The Liberated Front met.", "the liberated front met."))
    assert list(trigger.finditer("Troops liberated the town.", "troops liberated the town."))


@pytest.mark.parametrize(("text", "expected"), [(SENTENCES[0], True), (SENTENCES[-1], False)])
def test_candidate_test_reads_lowered_triggers(text: str, expected: bool) -> None:
    assert is_candidate(text) is expected
