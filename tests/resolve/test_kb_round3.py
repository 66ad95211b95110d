"""Round 3 gazetteer rules: an exact country name is that country, even under another
country's context (a fuzzy spelling guess at a village at home must not win)."""

from __future__ import annotations

import pytest

from trucewatch.model import PlaceMatch
from trucewatch.resolve import KB


@pytest.mark.parametrize(("text", "country"), [("Iraq", "IQ"), ("Jordan", "JO"), ("Turkey", "TR")])
def test_exact_country_name_beats_fuzzy_home_match(kb: KB, text: str, country: str) -> None:
    got = kb.resolve_place(text, context={"country": "SY"})
    assert isinstance(got, PlaceMatch)
    assert got.place.country == country
    assert got.place.precision == "country"


def test_syrian_town_resolves_to_its_governorate(kb: KB) -> None:
    got = kb.resolve_place("Manbij", context={"country": "SY"})
    assert isinstance(got, PlaceMatch)
    assert got.place.admin1 == "Aleppo Governorate"
