"""Quotes and designations, round 2: attribution shapes, descriptions, channels, labels.

Sentences are made up (fictional people; Gondor and Harad from the fictional KB fixture).
"""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.nlp.quotes import channel_in, find_quote_marks


def _by_text(reading: Any, fragment: str) -> Any:
    return next(q for q in reading.quotes if fragment in q.text)


@pytest.mark.parametrize(
    ("attribution", "channel"),
    [
        ("she told a news briefing in Calder:", "briefing"),
        ("he said in an address broadcast on Vesper TV", "Vesper TV"),
        ("the minister said on Lantern Radio", "Lantern Radio"),
        ("he said in an interview with the Harbour Gazette", "interview with Harbour Gazette"),
        ("she told the weekly newspaper Morning Lark", "Morning Lark"),
        ("he wrote on Telegram", "Telegram"),
    ],
)
def test_channel_round2(attribution: str, channel: str) -> None:
    assert channel_in(attribution) == channel


def test_curly_single_and_paragraph_spanning_marks() -> None:
    text = (
        "‘We will hold the bridge until the monitors arrive,’ the colonel said.\n\n"
        "“Nobody crosses the river tonight and nobody fires first.\n\n"
        "“That is the order I gave this morning,” he said."
    )
    marks = find_quote_marks(text)
    assert [m.continues for m in marks] == [False, True, False]
    assert marks[0].text.startswith("We will hold")


def test_apposed_speaker_and_description(read: Any) -> None:
    r = read(
        "Gondor's defence minister, Taryn Vollmark, told Vesper TV: "
        '"Our units will not leave the ridge before the truce is signed."\n\n'
        "Harad's envoy in Calder, Oskar Pellimoor, dismissed the claim.\n\n"
        '"The ridge was never theirs to leave," the envoy said.'
    )
    first = _by_text(r, "Our units will not leave")
    assert first.speaker == "Taryn Vollmark"
    assert first.channel == "Vesper TV"
    assert first.affiliation is not None and first.affiliation.name == "Gondor"
    assert _by_text(r, "never theirs").speaker == "Oskar Pellimoor"


def test_name_inside_quote_is_not_the_speaker(read: Any) -> None:
    r = read(
        "Gondor's foreign minister, Mira Quenlan, spoke after the talks. "
        '"Pellimoor says peace and sends more guns to the border," Quenlan said.'
    )
    assert _by_text(r, "says peace").speaker == "Mira Quenlan"


def test_reported_speech_keeps_both_that_clauses(read: Any) -> None:
    r = read(
        "Gondor's army chief, General Brannoc Ashdown, said on Monday that his units had "
        "pulled back from the east bank and that no shot had been fired."
    )
    q = next(q for q in r.quotes if not q.direct)
    assert q.speaker == "Brannoc Ashdown"
    assert q.text.startswith("his units had pulled back from the east bank")
    assert q.text.endswith("no shot had been fired")


def test_described_as_is_reported_speech(read: Any) -> None:
    r = read(
        "Gondor's president, Elara Moonvale, described the truce as a fragile first step, "
        "her office said."
    )
    q = next(q for q in r.quotes if not q.direct)
    assert q.speaker == "Elara Moonvale"
    assert q.text == "a fragile first step"


def test_an_organisation_is_not_a_person(read: Any) -> None:
    r = read("The Joint Monitoring Mission said it had not yet been able to check either claim.")
    assert not [q for q in r.quotes if q.speaker and q.speaker.endswith("Mission")]


@pytest.mark.parametrize(
    ("text", "by", "subject"),
    [
        (
            "Harad's foreign ministry said it regarded the Eastern Host as a terrorist "
            "organisation.",
            "Harad",
            "Eastern Host",
        ),
        (
            "The Host, the armed group that Harad designated a terrorist organisation in 2019, "
            "said it had shelled the depot.",
            "Harad",
            "Host",
        ),
    ],
)
def test_designation_shapes(read: Any, text: str, by: str, subject: str) -> None:
    r = read(text)
    assert any(by in d.by.name and subject in d.subject for d in r.designations), r.designations


def test_legitimate_resistance_is_not_a_designation(read: Any) -> None:
    r = read(
        "Harad's foreign ministry said it regarded the Eastern Host as a terrorist "
        "organisation but saw the Riverfolk as a legitimate resistance movement."
    )
    assert not [d for d in r.designations if "Riverfolk" in d.subject]
