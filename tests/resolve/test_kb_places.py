"""Places resolve within 10 km of where they are, under the spellings reports use."""

from __future__ import annotations

import gzip
import random
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from trucewatch.model.kb import PlaceMatch, Unresolved
from trucewatch.resolve import KB, haversine_km

# (text as written, country context or None, true lat, true lon)
CONFLICT_PLACES = [
    ("Aleppo", None, 36.202, 37.134),
    ("Halab", "SY", 36.202, 37.134),
    ("Anadan", None, 36.292, 37.046),
    ("Azaz", None, 36.586, 37.048),
    ("I`zaz", None, 36.586, 37.048),
    ("A'zaz", "SY", 36.586, 37.048),
    ("Tal Rifaat", None, 36.472, 37.097),
    ("Tall Rif`at", None, 36.472, 37.097),
    ("Tel Rifaat", "SY", 36.472, 37.097),
    ("Maarat al-Numan", None, 35.648, 36.674),
    ("Maaret al-Numan", "SY", 35.648, 36.674),
    ("Ma'arrat an-Nu'man", None, 35.648, 36.674),
    ("Maarat al-Nouman", "SY", 35.648, 36.674),
    ("Kafranbel", None, 35.614, 36.562),
    ("Kafr Nabl", "SY", 35.614, 36.562),
    ("Saraqib", None, 35.864, 36.801),
    ("Saraqeb", "SY", 35.864, 36.801),
    ("Mayadin", None, 35.021, 40.452),
    ("al-Mayadeen", "SY", 35.021, 40.452),
    ("Douma", "SY", 33.572, 36.403),
    ("Duma", "SY", 33.572, 36.403),
    ("Debaltseve", None, 48.342, 38.405),
    ("Debaltsevo", "UA", 48.342, 38.405),
    ("Shyrokyne", None, 47.090, 37.720),
    ("Shirokino", "UA", 47.090, 37.720),
    ("Avdiivka", None, 48.139, 37.743),
    ("Avdeyevka", "UA", 48.139, 37.743),
    ("Horlivka", None, 48.300, 38.050),
    ("Gorlovka", "UA", 48.300, 38.050),
    ("Stepanakert", None, 39.815, 46.752),
    ("Khankendi", None, 39.815, 46.752),
    ("Xankendi", "AZ", 39.815, 46.752),
    ("Artsakh", None, 39.815, 46.752),
    ("Ganja", None, 40.683, 46.361),
    ("Gyandzha", "AZ", 40.683, 46.361),
    ("Khan Younis", None, 31.344, 34.306),
    ("Khan Yunis", "PS", 31.344, 34.306),
    ("Rafah", "PS", 31.287, 34.250),
    ("Beit Hanoun", None, 31.535, 34.537),
    ("Beit Hanun", "PS", 31.535, 34.537),
    ("Zeitoun", "PS", 31.490, 34.460),
    ("Hodeidah", None, 14.798, 42.954),
    ("Hudaydah", "YE", 14.798, 42.954),
    ("Marib", "YE", 15.462, 45.325),
    ("Ma'rib", None, 15.462, 45.325),
    ("Omdurman", None, 15.644, 32.477),
    ("Mekelle", None, 13.497, 39.475),
    ("Makale", "ET", 13.497, 39.475),
    ("Laukkai", None, 23.690, 98.760),
    ("Laukkaing", "MM", 23.690, 98.760),
    ("Akhnoor", None, 32.867, 74.733),
    ("Akhnur", "IN", 32.867, 74.733),
]


def data_rows() -> list[list[str]]:
    path = Path(str(resources.files("trucewatch.resolve") / "data" / "gazetteer.tsv.gz"))
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]


@pytest.mark.parametrize(("text", "country", "lat", "lon"), CONFLICT_PLACES)
def test_conflict_place_within_10km(
    kb: KB, text: str, country: str | None, lat: float, lon: float
) -> None:
    result = kb.resolve_place(text, context={"country": country} if country else None)
    assert isinstance(result, PlaceMatch), result
    distance = haversine_km(result.place.lat, result.place.lon, lat, lon)
    assert distance <= 10, f"{text}: {distance:.1f} km off; {result.reason}"
    assert result.reason and result.place.precision in {"point", "city", "admin1"}


def test_long_tail_sampled_from_the_data_file(kb: KB) -> None:
    """300 populated rows (fixed seed), unique by name+country+admin1, each finds itself."""
    rows = [r for r in data_rows() if r[7] == "P"]
    counts = Counter((r[1], r[2], r[3]) for r in rows)
    unique = [r for r in rows if counts[(r[1], r[2], r[3])] == 1]
    sample = random.Random(20160227).sample(unique, 300)
    misses = []
    for row in sample:
        result = kb.resolve_place(row[1], context={"country": row[2], "admin1": row[3]})
        if not isinstance(result, PlaceMatch) or (
            haversine_km(result.place.lat, result.place.lon, float(row[4]), float(row[5])) > 10
        ):
            misses.append((row[1], row[2], getattr(result, "reason", "")))
    assert not misses, misses[:10]


@pytest.mark.parametrize(
    ("text", "context", "country", "precision"),
    [
        ("Donetsk", None, "UA", "city"),
        ("Donetsk", {"country": "UA"}, "UA", "city"),
        ("Donetsk", {"country": "RU"}, "RU", "city"),
        ("Donetsk region", None, "UA", "admin1"),
        ("Donetsk Oblast", {"country": "UA"}, "UA", "admin1"),
        ("Idlib", {"country": "SY"}, "SY", "city"),
        ("Idlib province", {"country": "SY"}, "SY", "admin1"),
        ("Syria", None, "SY", "country"),
        ("Myanmar", None, "MM", "country"),
        ("Burma", None, "MM", "country"),
        ("Bab al-Hawa", None, "SY", "point"),
        ("Rafah crossing", None, "PS", "point"),
        ("Kerem Shalom", None, "IL", "point"),
        ("Jabalia camp", None, "PS", "point"),
        ("Nuseirat camp", None, "PS", "point"),
        ("Nuseirat", None, "PS", "city"),
        ("Ain al-Hilweh", None, "LB", "point"),
        ("Rukban", {"country": "SY"}, "SY", "point"),
        ("al-Hol camp", None, "SY", "point"),
        ("Bab al-Salam", None, "SY", "point"),
        ("Menagh airbase", None, "SY", "point"),
        ("Deir al-Asafir", None, "SY", "city"),
    ],
)
def test_precision_and_country(
    kb: KB, text: str, context: dict[str, str] | None, country: str, precision: str
) -> None:
    result = kb.resolve_place(text, context=context)
    assert isinstance(result, PlaceMatch), result
    assert (result.place.country, result.place.precision) == (country, precision), result.reason


def test_same_name_villages_resolved_by_nearby_places(kb: KB) -> None:
    """Ukraine has many 'Shyroke': the one near Donetsk wins when the report names Donetsk."""
    near_donetsk = kb.resolve_place(
        "Shyroke", context={"country": "UA", "near": "Donetsk, Horlivka"}
    )
    near_kherson = kb.resolve_place("Shyroke", context={"country": "UA", "near": "Skadovsk"})
    assert isinstance(near_donetsk, PlaceMatch) and isinstance(near_kherson, PlaceMatch)
    assert near_donetsk.place.admin1 == "Donetsk Oblast"
    assert near_kherson.place.admin1 == "Kherson Oblast"
    assert "km from named nearby places" in near_donetsk.reason


def test_fuzzy_reason_names_score_and_country(kb: KB) -> None:
    result = kb.resolve_place("Kafrnbel", context={"country": "SY"})
    assert isinstance(result, PlaceMatch)
    assert "fuzzy" in result.reason and "country context SY" in result.reason


@pytest.mark.parametrize("text", ["Qwertyville", "", "Zzyzx-al-Nowhere"])
def test_unknown_place_is_unresolved(kb: KB, text: str) -> None:
    result = kb.resolve_place(text, context={"country": "SY"})
    assert isinstance(result, Unresolved)
    assert result.reason


def test_bad_name_does_not_empty_other_resolutions(kb: KB) -> None:
    names = ["Aleppo", "\x00??", "Qwertyville", "Saraqib", "", "Douma"]
    results = [kb.resolve_place(n, context={"country": "SY"}) for n in names]
    resolved = [r.place.name for r in results if isinstance(r, PlaceMatch)]
    assert resolved == ["Aleppo", "Saraqib", "Dūmā"]
    assert sum(isinstance(r, Unresolved) for r in results) == 3


def test_gazetteer_file_is_compact_and_attributed() -> None:
    path = Path(str(resources.files("trucewatch.resolve") / "data" / "gazetteer.tsv.gz"))
    assert path.stat().st_size < 5_000_000
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = fh.read(400)
    assert "GeoNames" in header and "CC BY 4.0" in header
    notice = (path.parent / "NOTICE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in notice
