"""Places v3: words that are no place names on their own, on a small fictional gazetteer.

- a compass or ordinal word alone ("Northern", "Central", "First") names no place, even
  where a gazetteer lists it as an alternate name of a district abroad;
- a short all-caps word ("ORC", "UMB") is an acronym unless it is a place's name in the
  report's own country, or a country/region spelt exactly so; a town's airport code
  (an alternate spelt in capitals) never makes an acronym a place.
"""

from __future__ import annotations

import pytest

from trucewatch.model.kb import PlaceMatch, Unresolved
from trucewatch.resolve.places import Gazetteer, is_acronym


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    g = Gazetteer()
    rows = [
        # id, name, country, admin1, lat, lon, population, feature, alternates
        ("gn:1", "Orc", "XR", "Mordor", 47.0, 40.0, 900, "P", ()),
        ("gn:2", "Northern District", "XR", "Northern District", 47.5, 40.5, 0, "A", ("Northern",)),
        ("gn:3", "Central Province", "XH", "Central Province", 38.0, 28.0, 0, "A", ("Central",)),
        ("gn:4", "Firstholm", "XH", "Central Province", 38.1, 28.1, 1200, "P", ("First",)),
        ("gn:5", "Pelargir", "XG", "Lebennin", 43.1, 31.9, 80_000, "P", ()),
        ("gn:6", "Umbar", "XH", "Umbar", 38.0, 28.0, 300_000, "P", ("UMB",)),
        ("gn:7", "Rhun", "XR", "", 48.0, 45.0, 0, "C", ("RHN",)),
    ]
    for row in rows:
        g.add_row(*row)  # type: ignore[arg-type]
    g.index()
    return g


@pytest.mark.parametrize("word", ["Northern", "Central", "First", "Southern City", "Eastern"])
def test_a_compass_or_ordinal_word_alone_is_no_place(gaz: Gazetteer, word: str) -> None:
    for context in (None, {"country": "XG"}, {"country": "XH"}):
        result = gaz.resolve(word, context=context)
        assert isinstance(result, Unresolved), result
        assert "compass or ordinal" in result.reason


def test_a_region_named_with_a_compass_word_still_resolves_whole(gaz: Gazetteer) -> None:
    result = gaz.resolve("Northern District")
    assert isinstance(result, PlaceMatch)
    assert result.place.id == "gn:2"


def test_a_short_all_caps_word_is_an_acronym_not_a_hamlet_abroad(gaz: Gazetteer) -> None:
    # "ORC" (an organisation's initials) against the hamlet "Orc" in another country
    for context in (None, {"country": "XG"}):
        result = gaz.resolve("ORC", context=context)
        assert isinstance(result, Unresolved), result
        assert "acronym" in result.reason
    # the same word written as a name is still the hamlet
    assert isinstance(gaz.resolve("Orc"), PlaceMatch)


def test_an_all_caps_name_at_home_resolves(gaz: Gazetteer) -> None:
    # a dateline or headline in capitals naming a place of the report's country
    result = gaz.resolve("ORC", context={"country": "XR"})
    assert isinstance(result, PlaceMatch)
    assert result.place.id == "gn:1"


def test_an_airport_code_alternate_does_not_make_an_acronym_a_town(gaz: Gazetteer) -> None:
    assert isinstance(gaz.resolve("UMB", context={"country": "XG"}), Unresolved)
    # a country spelt so by the gazetteer is that country
    result = gaz.resolve("RHN", context={"country": "XG"})
    assert isinstance(result, PlaceMatch)
    assert result.place.id == "gn:7"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("US", True), ("SANA", True), ("U.S.", True), ("HOMS", True), ("PELARGIR", False)],
)
def test_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected
