"""Round 4 on our own fictional sentences: quiet and repelled takeovers, agreements named
only to date the news, protesters removed by force, whole-name claimants, and dates set by
sentences that name no event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trucewatch.nlp.events import background_span, find_triggers


def _subs(text: str) -> set[str]:
    return {h.sub_event_type for h in find_triggers(text, background_span(text))}


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Riders of the march took control of the ford after the garrison withdrew.",
            "Non-violent",
        ),
        ("The militia took control of the old mill without a fight.", "Non-violent"),
        ("Raiders stormed the watchtower and were driven off by the guards.", "Armed clash"),
        ("Rebels captured the hill after the garrison withdrew under heavy fire.", "Non-state"),
        ("Rebels gained control of the hill after a night of fighting.", "Non-state actor"),
        (
            "Demonstrators sat down outside the palace until police began to drag them away.",
            "Protest with intervention",
        ),
    ],
)
def test_subtype_round4(text: str, sub: str) -> None:
    assert any(s.startswith(sub) for s in _subs(text)), _subs(text)


def test_repelled_takeover_is_not_a_takeover() -> None:
    subs = _subs("Raiders stormed the watchtower and were driven off by the guards.")
    assert not subs & {"Non-state actor overtakes territory", "Government regains territory"}


def test_agreement_in_a_temporal_clause_is_no_event(read: Any) -> None:
    reading = read("Hours after the truce took effect, artillery shelled the river villages.")
    assert "Agreement" not in {e.sub_event_type for e in reading.events}


def test_claimant_is_the_whole_organisation(read: Any) -> None:
    reading = read(
        "Soldiers shot dead three farmers in Linhir on Monday, according to the "
        "Harlond Civil Liberties Union."
    )
    claimed = {e.claimed_by for e in reading.events}
    assert "Harlond Civil Liberties Union" in claimed, claimed


def test_unparsed_sentence_sets_the_date(read: Any) -> None:
    reading = read(
        "Unrest spread across the south on Sunday.\n\n"
        "In Linhir, a bomb exploded outside a bank, wounding five people, police said.",
        published=dt.date(2025, 4, 7),
    )
    assert [e.date for e in reading.events] == [dt.date(2025, 4, 6)]
