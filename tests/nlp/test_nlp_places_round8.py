"""Places, round 8: where events happen, on our own fictional sentences.

- the tail of a person's name the NER split off ("Abu al-" + "Vardan") is no place, nor is
  a later bare mention of that surname;
- a foreign capital that seats a speaker ("the defence ministry in Umbar said") or dates a
  wire's report ("... Umbar AFP Monday") is not where the news happened, and neither is
  that capital's bare re-mention elsewhere in the article;
- "Gondors Pelargir" (a possessive that lost its apostrophe) is Pelargir;
- a name the NER took for a person or an organisation is a place where the text frames it
  as one ("the town of X", "X province", "in X", "X in <place>") and it resolves at home;
- "the Lebennin town of Ethring" happened in Ethring, and a lead's "Lebennin" that may mean
  the city or its province yields to a town of the lead inside that province.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

from trucewatch.model import Article, Place, PlaceMatch, Unresolved, article_id
from trucewatch.model.event import PlaceRef
from trucewatch.nlp.context import (
    ArticleContext,
    area_modifier,
    container_after,
    name_tail,
    names_its_area,
    place_frame,
)

PUBLISHED = dt.date(2025, 3, 12)

EXTRA_PLACES = [
    {"id": "ethring", "name": "Ethring", "country": "XG", "admin1": "Lebennin"},
    {"id": "lebennin-city", "name": "Lebennin", "country": "XG", "admin1": "Lebennin Province"},
    {"id": "linhir", "name": "Linhir", "country": "XG", "admin1": "Lebennin Province"},
    {"id": "vardan", "name": "Vardan", "country": "XH", "admin1": "Umbar"},
]


class Round8KB:
    """The session's fictional KB plus a few towns (and one abroad named like a person)."""

    def __init__(self, base: Any) -> None:
        self.base = base
        self.places = [
            *base.places,
            *(Place(lat=44.0, lon=30.0, precision="city", **p) for p in EXTRA_PLACES),  # type: ignore[arg-type]
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


@pytest.fixture(scope="module")
def kb8(fictional_kb: Any) -> Round8KB:
    return Round8KB(fictional_kb)


@pytest.fixture(scope="module")
def blank() -> Any:
    return spacy.blank("en")


def _doc(nlp: Any, words: list[str], ents: list[tuple[int, int, str]], **kw: Any) -> Doc:
    spaces = [True] * len(words)
    for i, w in enumerate(words[:-1]):
        if w == "-" or words[i + 1] == "-":
            spaces[i] = False  # "al-Vardan" is written joined
    doc = Doc(nlp.vocab, words=words, spaces=spaces, **kw)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _ctx(kb: Any, docs: dict[int, Doc], country: str | None = "XG") -> ArticleContext:
    text = " ".join(d.text for d in docs.values())
    art = Article(id=article_id(text), source_id="t", text=text, published=PUBLISHED)
    ctx = ArticleContext(article=art, kb=kb, sentences=[], docs=docs)
    ctx.country = country
    return ctx


# ---- people's names ---------------------------------------------------------------------


def test_a_place_glued_to_a_persons_name_is_the_persons(blank: Any, kb8: Any) -> None:
    # "the name Abu al-Vardan said": the NER split the name, Vardan is a town abroad
    words = ["the", "name", "Abu", "al", "-", "Vardan", "said", "."]
    doc = _doc(blank, words, [(2, 5, "PERSON"), (5, 6, "GPE")])
    assert name_tail(doc.ents[1])
    later = _doc(blank, ["Vardan", "said", "the", "town", "was", "hit", "."], [(0, 1, "GPE")])
    ctx = _ctx(kb8, {0: doc, 1: later})
    assert ctx.not_a_place(later.ents[0]), "a bare re-mention of the surname is the person"


def test_a_town_whose_article_the_ner_tagged_person_stays_a_town(blank: Any) -> None:
    # "the towns of Ethring and Al-Vardan": "Al-" alone is no person's name
    words = ["the", "towns", "of", "Ethring", "and", "Al", "-", "Vardan", "."]
    doc = _doc(blank, words, [(3, 4, "GPE"), (5, 7, "PERSON"), (7, 8, "GPE")])
    assert not name_tail(doc.ents[2])


def test_a_place_after_a_person_with_a_space_is_a_place(blank: Any) -> None:
    # "Minister Halbarad Vardan" is a name; "Halbarad visited Vardan" is not glued
    words = ["Halbarad", "visited", "Vardan", "."]
    doc = _doc(blank, words, [(0, 1, "PERSON"), (2, 3, "GPE")])
    assert not name_tail(doc.ents[1])


# ---- possessives -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Gondors Pelargir", "Gondor's Pelargir"])
def test_a_countrys_possessive_before_a_place_is_that_place(kb8: Any, text: str) -> None:
    ref = _ctx(kb8, {}).place(text)
    assert (ref.id, ref.country, ref.name) == ("pel", "XG", "Pelargir")


def test_a_possessive_of_no_country_is_not_dropped(kb8: Any) -> None:
    assert _ctx(kb8, {}).place("Rangers Pelargir").id is None


# ---- framed places -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "span", "framed"),
    [
        (["the", "town", "of", "Ethring", "was", "hit"], (3, 4), True),
        (["Ethring", "province", "was", "hit"], (0, 1), True),
        (["shelling", "in", "northern", "Ethring"], (3, 4), True),
        (["Ethring", "in", "Lebennin", "was", "hit"], (0, 1), True),
        (["Ethring", "said", "the", "town", "was", "hit"], (0, 1), False),
        (["the", "son", "of", "Ethring", "was", "hit"], (3, 4), False),
    ],
)
def test_place_frames(blank: Any, words: list[str], span: tuple[int, int], framed: bool) -> None:
    ents = [(span[0], span[1], "PERSON")]
    if "Lebennin" in words:
        ents.append((words.index("Lebennin"), words.index("Lebennin") + 1, "GPE"))
    doc = _doc(blank, words, ents)
    assert place_frame(doc.ents[0]) is framed
    assert (container_after(doc.ents[0]) is not None) is ("Lebennin" in words)


def test_a_framed_person_or_org_that_resolves_at_home_becomes_a_place(blank: Any, kb8: Any) -> None:
    framed = _doc(blank, ["the", "town", "of", "Ethring", "was", "hit"], [(3, 4, "PERSON")])
    abroad = _doc(blank, ["the", "town", "of", "Vardan", "was", "hit"], [(3, 4, "ORG")])
    unframed = _doc(blank, ["Ethring", "said", "it", "was", "hit"], [(0, 1, "PERSON")])
    ctx = _ctx(kb8, {0: framed, 1: abroad, 2: unframed})
    assert ctx.relabel_framed_places() == 1
    assert [e.label_ for e in framed.ents] == ["GPE"]
    assert [e.label_ for e in abroad.ents] == ["ORG"], "a place abroad keeps the NER's label"
    assert [e.label_ for e in unframed.ents] == ["PERSON"]


def test_a_namesake_in_another_area_is_not_relabelled(blank: Any, kb8: Any) -> None:
    # "the town of Ethring" ... "Ethring in Anorien": the gazetteer's only Ethring lies in
    # Lebennin, so it is a namesake of the town meant, and the NER's label stays
    framed = _doc(blank, ["the", "town", "of", "Ethring", "was", "hit"], [(3, 4, "PERSON")])
    words = ["Ethring", "in", "Osgiliath", "burned"]
    placed = _doc(blank, words, [(0, 1, "PERSON"), (2, 3, "GPE")])
    ctx = _ctx(kb8, {0: framed, 1: placed})
    assert ctx.relabel_framed_places() == 0
    assert [e.label_ for e in framed.ents] == ["PERSON"]


def test_no_relabelling_before_the_country_is_known(blank: Any, kb8: Any) -> None:
    framed = _doc(blank, ["the", "town", "of", "Ethring", "was", "hit"], [(3, 4, "PERSON")])
    assert _ctx(kb8, {0: framed}, country=None).relabel_framed_places() == 0


def test_without_place_names_nationality_words_settle_the_country(blank: Any, kb8: Any) -> None:
    # "Gondorian activists say a missile hit the town of Ethring": no place votes, so the
    # nationality word settles the country and the framed town resolves at home
    words = ["Gondorian", "activists", "say", "a", "missile", "hit", "the", "town", "of"]
    doc = _doc(blank, [*words, "Ethring"], [(0, 1, "NORP"), (9, 10, "ORG")])
    ctx = _ctx(kb8, {0: doc}, country=None)
    ctx.settle_country([])
    assert ctx.country == "XG"
    assert ctx.relabel_framed_places() == 1
    # a place name still outvotes nationality words
    other = _ctx(kb8, {0: doc}, country=None)
    other.settle_country(["Umbar"])
    assert other.country == "XH"


# ---- areas and towns ---------------------------------------------------------------------


def test_a_place_qualifying_a_place_noun_is_an_area_modifier(blank: Any) -> None:
    # "the Lebennin town of Ethring": Lebennin modifies "town"
    words = ["in", "the", "Lebennin", "town", "of", "Ethring"]
    heads = [0, 3, 3, 0, 3, 4]
    deps = ["ROOT", "det", "compound", "pobj", "prep", "pobj"]
    doc = _doc(blank, words, [(2, 3, "GPE"), (5, 6, "GPE")], heads=heads, deps=deps)
    assert area_modifier(doc.ents[0])
    assert not area_modifier(doc.ents[1])


def test_a_city_named_like_its_province_yields_to_a_town_inside() -> None:
    city = PlaceRef(name="Lebennin", admin1="Lebennin Province", country="XG", precision="city")
    town = PlaceRef(name="Linhir", admin1="Lebennin Province", country="XG", precision="city")
    elsewhere = PlaceRef(name="Osgiliath", admin1="Anorien", country="XG", precision="city")
    assert names_its_area(city, town)
    assert not names_its_area(city, elsewhere)
    assert not names_its_area(town, city), "Linhir is not named like its province"


# ---- end to end: speakers' seats and wire datelines ---------------------------------------


@pytest.fixture(scope="module")
def read8(kb8: Any) -> Any:
    from trucewatch.errors import ModelMissingError
    from trucewatch.nlp import load_reader

    try:
        reader = load_reader(kb8)  # type: ignore[arg-type]
    except ModelMissingError as error:
        pytest.skip(str(error))

    def _read(text: str) -> Any:
        art = Article(id=article_id(text), source_id="test", text=text, published=PUBLISHED)
        return reader.read(art)

    return _read


def _killing(reading: Any) -> Any:
    found = [e for e in reading.events if e.fatalities == 5]
    assert found, [e.sub_event_type for e in reading.events]
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a speaker's seat abroad
        "Five fighters were killed in strikes in Gondor over the past day, the defence"
        " ministry in Umbar said on Tuesday. Fighting flared around Pelargir.",
        # a wire's dateline in a scraped page's first line, in mixed case
        "Tuesday 11 March 2025 Umbar AFP Five fighters were killed in strikes in Gondor over"
        " the past day, a monitor said. Fighting flared around Pelargir.",
        # the same after a headline
        "Strikes kill five in Gondor Umbar AFP Tuesday 11 March 2025. Five fighters were"
        " killed in strikes over the past day, a monitor said. Fighting flared around"
        " Pelargir.",
    ],
)
def test_where_the_news_is_told_from_is_not_the_event_place(read8: Any, text: str) -> None:
    event = _killing(read8(text))
    assert event.location is not None
    assert event.location.name == "Pelargir", event.location.reason
