"""Rule tables that need no model: sentences, dates, casualty figures, triggers."""

from __future__ import annotations

import datetime as dt

import pytest

from trucewatch.nlp import read_casualties, resolve_date
from trucewatch.nlp.events import background_span, find_triggers
from trucewatch.nlp.quotes import channel_in, find_quote_marks
from trucewatch.nlp.text import split_sentences

PUB = dt.date(2025, 3, 12)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("Shells fell on February 12.", PUB, (dt.date(2025, 2, 12), "day")),
        ("Shells fell on November 3.", PUB, (dt.date(2024, 11, 3), "day")),
        ("Shells fell on 4 May 2019.", None, (dt.date(2019, 5, 4), "day")),
        ("Shells fell on February 12.", None, (None, "unknown")),
        ("Drones struck on Tuesday.", PUB, (dt.date(2025, 3, 11), "day")),
        ("Drones struck on Wednesday.", PUB, (dt.date(2025, 3, 12), "day")),
        ("Drones struck on Tuesday.", None, (None, "unknown")),
        ("The raid came yesterday.", PUB, (dt.date(2025, 3, 11), "day")),
        ("The town was shelled overnight.", PUB, (dt.date(2025, 3, 11), "day")),
        # dated by what it follows: the reader inherits (publication day if nothing before)
        ("It happened hours after the deal.", PUB, None),
        ("Fighting flared last week.", PUB, (dt.date(2025, 3, 5), "week")),
        ("Clashes resumed earlier this month.", PUB, (dt.date(2025, 3, 1), "month")),
        ("The town fell in 2019.", None, (dt.date(2019, 1, 1), "year")),
        ("Nothing here names a time.", PUB, None),
    ],
)
def test_resolve_date(text: str, published: dt.date | None, want: object) -> None:
    assert resolve_date(text, published) == want


@pytest.mark.parametrize(
    ("text", "killed", "civilians", "injured"),
    [
        ("Shelling killed at least 19 people in the market.", 19, 19, None),
        ("Russian bombs killed 16 civilians.", 16, 16, None),
        ("An air strike killed two children and a woman.", 3, 3, None),
        ("Five soldiers were killed and 12 wounded.", 5, 0, 12),
        ("Dozens of people were killed.", 12, 12, None),  # ACLED: dozens -> 12
        ("The blast wounded 7 people.", None, None, 7),
        ("Hundreds of people marched through the square.", None, None, None),
        # generic dead with no combatants named are civilians (numbers.v10), as "Dozens of
        # people were killed" above
        ("The death toll rose to 41.", 41, 41, None),
    ],
)
def test_read_casualties(
    text: str, killed: int | None, civilians: int | None, injured: int | None
) -> None:
    got = read_casualties(text)
    assert (got.fatalities, got.civilian_fatalities, got.injured) == (killed, civilians, injured)


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Warplanes struck the bakery.", "Air/drone strike"),
        ("Mortar rounds hit the school.", "Shelling/artillery/missile attack"),
        ("A suicide bomber blew himself up at the gate.", "Suicide bomb"),
        ("A car bomb exploded near the bridge.", "Remote explosive/landmine/IED"),
        ("Gunmen abducted three aid workers.", "Abduction/forced disappearance"),
        ("Rebels captured the hill town.", "Non-state actor overtakes territory"),
        ("Hundreds protested outside the ministry.", "Peaceful protest"),
        ("The two sides signed a ceasefire agreement.", "Agreement"),
        ("Police arrested four men.", "Arrests"),
        ("Witnesses described a chlorine attack.", "Chemical weapon"),
    ],
)
def test_lead_trigger(text: str, sub: str) -> None:
    hits = sorted(find_triggers(text), key=lambda h: h.rank)
    assert hits and hits[0].sub_event_type == sub


@pytest.mark.parametrize(
    "text",
    [
        "Ministers called for an end to the air strikes.",
        "He urged both sides to stop the shelling at once.",
        "The deal would exempt air raids on the armed groups.",
    ],
)
def test_demands_are_not_triggers(text: str) -> None:
    assert not [h for h in find_triggers(text) if h.sub_event_type != "Agreement"]


def test_background_clause_is_ignored() -> None:
    text = "A drone hit a truck, in a four-year war that has killed 90,000 people."
    span = background_span(text)
    assert span is not None
    assert read_casualties(text, span).fatalities is None


def test_sentences_are_verbatim_slices() -> None:
    text = 'Gen. Brand spoke.  "We hold the U.S. line," he said.\nNew paragraph here. Yes.'
    sents = split_sentences(text)
    assert [text[s.start : s.end] for s in sents] == [s.text for s in sents]
    assert [s.text for s in sents][:2] == ["Gen. Brand spoke.", '"We hold the U.S. line," he said.']
    assert sents[-1].paragraph == 1


@pytest.mark.parametrize(
    ("attribution", "channel"),
    [
        (" Veyr said later on Twitter.", "Twitter"),
        ("In an interview with AFP released on Monday, Veyr said", "interview with AFP"),
        (" Brand told Dubai-based Orient TV.", "Orient TV"),
        (" Brand told the Gondorian newspaper Minas Herald.", "Minas Herald"),
        (" the ministry said in a statement.", "statement"),
        # quotes.v3: said to the press with no outlet named is a briefing (was None)
        (" Brand told reporters.", "briefing"),
        (" Brand nodded to reporters.", None),
    ],
)
def test_channel(attribution: str, channel: str | None) -> None:
    assert channel_in(attribution) == channel


def test_scare_quotes_are_not_quotes() -> None:
    text = 'They call them "terrorists." "We will not leave our homes again," she said.'
    assert [m.text for m in find_quote_marks(text)] == ["We will not leave our homes again,"]
