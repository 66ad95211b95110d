"""Names, round 12 (names.v5, reader.v12), with the shipped knowledge base now that its
gazetteer lists Nigeria, DR Congo, Cameroon and their neighbours' towns:

- a known town that ends a name joined by a particle ("Numan", a town in Nigeria, ending
  "Maarat al-Numan") runs back to the whole name when the knowledge base resolves it, and
  otherwise waits for the NER rather than splitting a person's or place's name;
- an English function word ("But", "More") is no place pattern, though GeoNames spells
  Buta and Mora so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trucewatch.model import Article, article_id
from trucewatch.resolve import load_kb


@pytest.fixture(scope="module")
def reader() -> Any:
    from trucewatch.errors import ModelMissingError
    from trucewatch.nlp import load_reader

    try:
        return load_reader(load_kb())
    except ModelMissingError as error:
        pytest.skip(str(error))


def _places(reader: Any, text: str) -> list[str]:
    return [e.text for e in reader.nlp(text).ents if e.label_ in {"GPE", "LOC"}]


@pytest.mark.parametrize(
    "text",
    [
        "Warplanes struck Maarat al-Numan before dawn on Tuesday.",
        "Warplanes struck Maarat al Numan before dawn on Tuesday.",
    ],
)
def test_a_town_ending_a_longer_name_reads_the_whole_name(reader: Any, text: str) -> None:
    assert "Numan" not in _places(reader, text)
    assert any(p.startswith("Maarat al") for p in _places(reader, text))


def test_the_town_standing_alone_is_still_a_place(reader: Any) -> None:
    assert "Numan" in _places(reader, "Gunmen attacked a market in Numan on Friday.")


def test_a_function_word_is_no_place(reader: Any) -> None:
    text = "But the convoy turned back. More shells fell on Homs overnight."
    assert _places(reader, text) == ["Homs"]


def test_a_syrian_towns_event_stays_in_syria(reader: Any) -> None:
    text = (
        "Air strikes on a hospital in Maarat al-Numan killed nine civilians on Monday, "
        "a medical charity said."
    )
    art = Article(id=article_id(text), source_id="t", text=text, published=dt.date(2024, 5, 8))
    events = [e for e in reader.read(art).events if e.location is not None]
    assert events
    assert all(e.location.country == "SY" for e in events), [e.location for e in events]
