"""Places, round 2: Syrian governorate spellings and foreign matches under country context."""

from __future__ import annotations

import pytest

from trucewatch.model.kb import PlaceMatch
from trucewatch.resolve import KB


@pytest.mark.parametrize(
    ("text", "admin1", "precision"),
    [
        ("Hassakeh", "Al-Hasakah Governorate", "city"),
        ("Hasakeh province", "Al-Hasakah Governorate", "admin1"),
        ("Deir Ezzor", "Deir ez-Zor Governorate", "city"),
        ("Deir al-Zor", "Deir ez-Zor Governorate", "city"),
        ("Idleb", "Idlib Governorate", "city"),
        ("Idleb province", "Idlib Governorate", "admin1"),
        ("Deraa", "Daraa Governorate", "city"),
        ("Raqqah", "Raqqa Governorate", "city"),
        ("Sweida", "Suwayda Governorate", "city"),
        ("Lattakia", "Latakia Governorate", "city"),
        ("Tartous", "Tartus Governorate", "city"),
        ("Quneitra", "Quneitra Governorate", "city"),
        ("Rural Damascus", "Rif-dimashq Governorate", "admin1"),
        ("Damascus countryside", "Rif-dimashq Governorate", "admin1"),
        ("Rif Dimashq", "Rif-dimashq Governorate", "admin1"),
        ("Eastern Ghouta", "Rif-dimashq Governorate", "admin1"),
        ("Aleppo countryside", "Aleppo Governorate", "admin1"),
        ("Damascus", "Damascus Governorate", "city"),
    ],
)
def test_syrian_governorate_spellings(kb: KB, text: str, admin1: str, precision: str) -> None:
    result = kb.resolve_place(text, context={"country": "SY"})
    assert isinstance(result, PlaceMatch), result.reason
    assert (result.place.country, result.place.admin1, result.place.precision) == (
        "SY",
        admin1,
        precision,
    ), result.reason


@pytest.mark.parametrize("text", ["US", "New York", "Kadi"])
def test_obscure_foreign_matches_do_not_leave_the_country_context(kb: KB, text: str) -> None:
    result = kb.resolve_place(text, context={"country": "SY"})
    assert not isinstance(result, PlaceMatch), result.reason
    assert "country context" in result.reason or "in SY" in result.reason


@pytest.mark.parametrize(("text", "country"), [("Jordan", "JO"), ("Lebanon", "LB")])
def test_foreign_countries_still_resolve_under_context(kb: KB, text: str, country: str) -> None:
    result = kb.resolve_place(text, context={"country": "SY"})
    assert isinstance(result, PlaceMatch) and result.place.country == country
