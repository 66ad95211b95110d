"""Places and dates, round 6: a coder's codebook on our own fictional sentences.

- a place word inside a person's name is not a place ("President Vardan Kostel");
- the longest name the knowledge base knows wins, even when it only resolves it as a
  spelling variant ("Tal Morwen", not the unrelated town "Tal");
- a date of a reference event ("since the truce began on 27 February") is not the event's;
- the event's place is the most specific one named ("in Osgiliath in Anorien province"),
  and a place named as a bearing ("north of Pelargir") yields to any other place.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trucewatch.model import Place, PlaceMatch, Unresolved
from trucewatch.nlp.dates import reference_spans, resolve_date

PUBLISHED = dt.date(2025, 3, 12)  # a Wednesday

EXTRA_PLACES = [
    # towns named like people, abroad in Harad
    {"id": "vardan", "name": "Vardan", "country": "XH", "admin1": "Umbar", "precision": "city"},
    {"id": "kostel", "name": "Kostel", "country": "XH", "admin1": "Umbar", "precision": "city"},
    # a short town name that starts a longer one
    {"id": "tal", "name": "Tal", "country": "XH", "admin1": "Umbar", "precision": "city"},
    {"id": "talm", "name": "Tal Morwen", "country": "XG", "admin1": "Anorien", "precision": "city"},
    {
        "id": "anorien",
        "name": "Anorien province",
        "country": "XG",
        "admin1": "Anorien",
        "precision": "admin1",
    },
]
# resolved by the knowledge base (as a spelling variant would be) but no entity pattern
VARIANT_ONLY = {"Tal Morwen"}


class Round6KB:
    """The session's fictional KB plus a few places; some resolve only on look-up."""

    def __init__(self, base: Any) -> None:
        self.base = base
        self.places = [
            *base.places,
            *(Place(lat=44.0, lon=30.0, **p) for p in EXTRA_PLACES),  # type: ignore[arg-type]
        ]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)

    def resolve_place(
        self, text: str, context: dict[str, str] | None = None
    ) -> PlaceMatch | Unresolved:
        for place in self.places:
            if place.name.lower() == text.lower().strip():
                return PlaceMatch(place=place, matched=text, reason=f"name {text!r}")
        return Unresolved(text=text, reason="not in the fictional KB")

    def entity_patterns(self) -> list[tuple[str, str]]:
        extra = [("GPE", p["name"]) for p in EXTRA_PLACES if p["name"] not in VARIANT_ONLY]
        return [*self.base.entity_patterns(), *extra]


@pytest.fixture(scope="module")
def read6(fictional_kb: Any, make_read: Any) -> Any:
    return make_read(Round6KB(fictional_kb))


def _places(reading: Any) -> list[str | None]:
    return [e.location.name if e.location else None for e in reading.events]


@pytest.mark.parametrize(
    ("text", "not_place"),
    [
        (
            "Haradric jets bombed a grain depot on Monday, a day after President Vardan Kostel"
            " ordered the offensive.",
            "Vardan",
        ),
        (
            "Vardan Kostel, the Haradric defence minister, said his jets bombed a grain depot"
            " on Monday.",
            "Kostel",
        ),
    ],
)
def test_place_word_in_a_persons_name_is_no_place(read6: Any, text: str, not_place: str) -> None:
    reading = read6(text)
    assert reading.events, "the bombing is still an event"
    assert not_place not in _places(reading)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gondorian troops captured the town of Tal Morwen on Monday.", "Tal Morwen"),
        ("Haradric artillery shelled Tal Morwen on Monday, killing two farmers.", "Tal Morwen"),
    ],
)
def test_longest_known_place_name_wins(read6: Any, text: str, place: str) -> None:
    assert place in _places(read6(text)), _places(read6(text))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Haradric jets bombed Pelargir on Monday, the deadliest attack since the truce"
            " began on 27 February.",
            dt.date(2025, 3, 10),
        ),
        (
            "The raid on Tuesday, March 4, was the worst since the ceasefire came into force"
            " on February 20.",
            dt.date(2025, 3, 4),
        ),
        (
            "Gondor says its air campaign, which began on January 9, hit a depot on Monday.",
            dt.date(2025, 3, 10),
        ),
    ],
)
def test_reference_event_dates_are_not_the_events(text: str, date: dt.date) -> None:
    assert resolve_date(text, PUBLISHED) == (date, "day")


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("It was the deadliest attack since the truce began on 27 February.", "27 February"),
        ("Shelling has gone on since Saturday.", "Saturday"),
        ("The group, which was declared on 3 March, said nothing.", "3 March"),
    ],
)
def test_reference_spans_cover_the_reference_date(text: str, reference: str) -> None:
    spans = [text[a:b] for a, b in reference_spans(text)]
    assert any(reference in s for s in spans), spans
    assert resolve_date(text, PUBLISHED) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Haradric guns shelled a school in Osgiliath in Anorien province on Monday.", "Osgiliath"),
        (
            "Haradric guns shelled a school in the town of Osgiliath, north of Pelargir,"
            " on Monday.",
            "Osgiliath",
        ),
        (
            "Haradric guns shelled a school 15 km from Pelargir in Osgiliath on Monday.",
            "Osgiliath",
        ),
        # a bearing with no other place named: the nearest named place is still the best
        ("A drone struck a car on the road north of Pelargir on Monday.", "Pelargir"),
    ],
)
def test_event_place_is_the_most_specific(read6: Any, text: str, place: str) -> None:
    places = _places(read6(text))
    assert places and places[0] == place, places
