"""Round 9 (FA-KES dev, place and date): a photo caption a flattened page ran into a
sentence neither dates nor places its event; a participle describing fighters is no clash;
a bombing takes no author from a later air strike; a page stamp that lost its comma is
still the page's date. Fictional sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

from trucewatch.evaluate.runner import leading_published
from trucewatch.nlp.dates import caption_spans, resolve_date

SUNDAY = dt.date(2025, 3, 16)


def _violent(reading: Any) -> Any:
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert violent, reading.events
    return violent[0]


# ---- photo captions --------------------------------------------------------------------------


def test_a_caption_stamp_does_not_date_the_sentence_it_ran_into() -> None:
    text = (
        "Soldiers stand by a burnt truck near Pelargir Gondor March 2 2025 (Reuters Photo) "
        "Mortar fire killed six people in the market on Sunday, the council said."
    )
    assert resolve_date(text, SUNDAY) == (SUNDAY, "day")
    # a full date with no credit after it is the sentence's own
    plain = "Mortar fire killed six people in the market on March 2 2025, the council said."
    assert resolve_date(plain, SUNDAY) == (dt.date(2025, 3, 2), "day")


def test_a_caption_starts_after_the_page_date_line_before_it() -> None:
    text = (
        "Shelling kills six in Osgiliath AFP Sunday 16 Mar 2025 A boy walks past rubble in "
        "Pelargir on March 2 2025 (File photo) Six people were killed overnight."
    )
    ((start, end),) = caption_spans(text)
    caption = "A boy walks past rubble in Pelargir on March 2 2025 (File photo)"
    assert text[start:end].strip() == caption
    assert caption_spans("Six people were killed in Pelargir on March 2 2025.") == []


def test_a_caption_run_into_the_lead_does_not_place_its_event(read: Any) -> None:
    text = (
        "A man carries a child past a ruined wall in Osgiliath Gondor March 2 2025 "
        "(TRT World and Agencies) Mortar shells fired by the Eastern Host killed six "
        "civilians on Sunday, the council said. The shells hit the port of Pelargir."
    )
    ev = _violent(read(text, SUNDAY))
    assert ev.location is not None and ev.location.name == "Pelargir"
    assert ev.date == SUNDAY


# ---- who fought ------------------------------------------------------------------------------


def test_fighters_described_as_battling_an_army_are_no_clash(read: Any) -> None:
    # the parse hangs "battling" on "forces": a description of who rode the bus, not a fight
    text = "The monitor said the bus was carrying rebel fighters battling forces loyal to the king."
    reading = read(text, SUNDAY)
    assert not [e for e in reading.events if e.sub_event_type == "Armed clash"], reading.events


def test_a_bombing_takes_no_author_from_a_later_air_strike(read: Any) -> None:
    text = (
        "A suicide bomber blew himself up on a bus near Pelargir on Sunday, killing 15 people. "
        "The bombing came a day after air strikes by Harad warplanes killed 26 people in the "
        "province."
    )
    ev = _violent(read(text, SUNDAY))
    assert ev.sub_event_type == "Suicide bomb"
    assert ev.actor1 is None or ev.actor1.id != "harad", ev.actor1


# ---- page stamps -----------------------------------------------------------------------------


def test_a_page_stamp_that_lost_its_comma_is_the_page_date() -> None:
    assert leading_published("Last updated at Mar 162025 PELARGIR Shelling hit") == SUNDAY
    assert leading_published("Last updated at Mar 092025 Shelling hit the port") == dt.date(
        2025, 3, 9
    )
