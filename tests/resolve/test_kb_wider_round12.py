"""Round 12: the knowledge base covers Nigeria, DR Congo, Afghanistan, Mozambique, Cameroon
and the Central African Republic (gazetteer places, states with their armed forces, the main
armed groups), without pulling a Syrian report's places abroad; a bare compass word or an
English function word is no place name."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path
from typing import Any

import pytest

from trucewatch.model import Article, article_id
from trucewatch.model.kb import ActorMatch, PlaceMatch
from trucewatch.resolve import KB

GAZETTEER = Path(__file__).resolve().parents[2] / "src/trucewatch/resolve/data/gazetteer.tsv.gz"


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        ("Maiduguri", "NG", "Borno State"),
        ("Borno", "NG", "Borno State"),
        ("Goma", "CD", "Nord-Kivu"),
        ("Bunia", "CD", "Ituri"),
        ("North Kivu", "CD", "Nord-Kivu"),
        ("Kabul", "AF", "Kabul Province"),
        ("Kandahar", "AF", "Kandahār"),
        ("Mocimboa da Praia", "MZ", "Cabo Delgado Province"),
        ("Palma", "MZ", "Cabo Delgado Province"),
        ("Cabo Delgado", "MZ", "Cabo Delgado Province"),
        ("Bangui", "CF", "Bangui"),
        ("Kolofata", "CM", "Far North Region"),
    ],
)
def test_places_in_the_new_countries(kb: KB, text: str, country: str, admin1: str) -> None:
    result = kb.resolve_place(text)
    assert isinstance(result, PlaceMatch), result.reason
    assert (result.place.country, result.place.admin1) == (country, admin1)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Nigeria", "NG"),
        ("DR Congo", "CD"),
        ("Democratic Republic of Congo", "CD"),
        ("Afghanistan", "AF"),
        ("Mozambique", "MZ"),
        ("Cameroon", "CM"),
        ("Central African Republic", "CF"),
    ],
)
def test_the_new_countries_themselves(kb: KB, text: str, country: str) -> None:
    result = kb.resolve_place(text)
    assert isinstance(result, PlaceMatch), result.reason
    assert (result.place.country, result.place.precision) == (country, "country")


@pytest.mark.parametrize(
    ("text", "actor_id", "country"),
    [
        ("Nigerian army", "nigeria-military", "NG"),
        ("Nigerian troops", "nigeria-military", "NG"),
        ("Nigerian government", "nigeria", "NG"),
        ("FARDC", "fardc", "CD"),
        ("Congolese army", "fardc", "CD"),
        ("M23 rebels", "m23", "CD"),
        ("ADF", "adf", "CD"),
        ("CODECO", "codeco", "CD"),
        ("the Taliban", "taliban", "AF"),
        ("ISIS-K", "iskp", "AF"),
        ("Islamic State Khorasan Province", "iskp", "AF"),
        ("Islamic State Mozambique Province", "is-mozambique", "MZ"),
        ("Ahlu Sunna Wal Jamaa", "is-mozambique", "MZ"),
        ("Mozambican troops", "fadm", "MZ"),
        ("Cameroonian army", "cameroon-military", "CM"),
        ("FACA", "faca", "CF"),
        # names already known keep their owners
        ("Pakistani Taliban", "ttp", "PK"),
        ("Nigerien army", "niger-military", "NE"),
    ],
)
def test_actors_in_the_new_countries(kb: KB, text: str, actor_id: str, country: str) -> None:
    result = kb.resolve_actor(text)
    assert isinstance(result, ActorMatch), result.reason
    assert (result.actor.id, result.actor.country) == (actor_id, country)


@pytest.mark.parametrize(
    ("country", "military"),
    [
        ("NG", "nigeria-military"),
        ("CD", "fardc"),
        ("AF", "afghanistan-military"),
        ("MZ", "fadm"),
        ("CM", "cameroon-military"),
        ("CF", "faca"),
    ],
)
def test_the_army_of_a_report_in_a_new_country(kb: KB, country: str, military: str) -> None:
    result = kb.resolve_actor("government forces", context={"country": country})
    assert isinstance(result, ActorMatch), result.reason
    assert result.actor.id == military
    state = kb.actor(military)
    assert state is not None and state.branch == "military" and state.parent is not None
    branch = kb.branch(state.parent, "military")
    assert branch is not None and branch.id == military


def test_acled_names_given_only_where_known(kb: KB) -> None:
    nigeria, adf, m23 = kb.actor("nigeria-military"), kb.actor("adf"), kb.actor("m23")
    assert nigeria is not None and nigeria.acled_name == "Military Forces of Nigeria (2023-)"
    assert adf is not None and adf.acled_name == "ADF: Allied Democratic Forces"
    assert m23 is not None and m23.acled_name is None  # left out rather than guessed


def test_designations_of_the_new_groups(kb: KB) -> None:
    assert kb.is_designated("boko-haram", by="US-FTO", on=dt.date(2015, 1, 1)).designated
    assert not kb.is_designated("boko-haram", by="US-FTO", on=dt.date(2012, 1, 1)).designated
    assert kb.is_designated("iskp", by="US-FTO", on=dt.date(2021, 8, 26)).designated


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Damascus", "Damascus Governorate"),
        ("Aleppo", "Aleppo Governorate"),
        ("Idlib", "Idlib Governorate"),
        ("Homs", "Homs Governorate"),
        ("Raqqa", "Raqqa Governorate"),
        ("Daraa", "Daraa Governorate"),
    ],
)
def test_a_syrian_reports_places_stay_syrian(kb: KB, text: str, admin1: str) -> None:
    result = kb.resolve_place(text, context={"country": "SY"})
    assert isinstance(result, PlaceMatch), result.reason
    assert (result.place.country, result.place.admin1) == ("SY", admin1)


@pytest.mark.parametrize("word", ["Isa", "Gora", "Udi", "Katcha"])
def test_a_small_namesake_abroad_does_not_leave_a_syrian_report(kb: KB, word: str) -> None:
    """Small Nigerian or Cameroonian villages are too obscure to leave the report's country."""
    assert not isinstance(kb.resolve_place(word, context={"country": "SY"}), PlaceMatch)


def test_a_bare_compass_word_is_no_admin1_name() -> None:
    """Cameroon's "East" / "Far North", Israel's "Southern": regions need their full name."""
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if line.startswith("a1:")]
    names = {n for row in rows for n in (row[1], *row[8].split("|")) if n}
    assert not {"East", "West", "North", "South", "Far North", "Southern", "Centre"} & names
    assert {"East Province", "Far North Region", "North-West", "South Governorate"} <= {
        n for row in rows for n in (row[1], *row[8].split("|"))
    }


@pytest.fixture(scope="module")
def real_reader(kb: KB) -> Any:
    from trucewatch.errors import ModelMissingError
    from trucewatch.nlp import load_reader

    try:
        return load_reader(kb)
    except ModelMissingError as error:
        pytest.skip(str(error))


def test_a_function_word_opening_a_sentence_is_no_place(real_reader: Any) -> None:
    """Buta (DR Congo) and Mora (Cameroon) list "But" and "More" as spellings: the reader's
    name patterns skip English stop words, so no sentence opening "But ..." starts at a place."""
    doc = real_reader.nlp("But the shelling went on in Idlib. More families fled Aleppo on Sunday.")
    places = [ent.text for ent in doc.ents if ent.label_ in {"GPE", "LOC"}]
    assert places == ["Idlib", "Aleppo"]
    text = (
        "Government shelling killed four civilians in Idlib on Sunday, a monitor said. "
        "But the monitor said more families fled Aleppo."
    )
    art = Article(id=article_id(text), source_id="t", text=text, published=dt.date(2024, 5, 8))
    reading = real_reader.read(art)
    located = [e.location for e in reading.events if e.location is not None]
    assert located, reading.events
    assert all(place.country == "SY" for place in located)
