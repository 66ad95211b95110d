"""Where it happened, round 9 (fictional sentences, and a few true facts for the gazetteer):

- the lead's sentences are read for the story's place even when they tell no event ("The
  camp lies in X"), before the area the rest of the article names most;
- a mixed-case filing city right after a "Last updated" page stamp is a dateline;
- "in the west of X" is inside X, unlike "west of X";
- a news agency ("told SANA", "Anadolu") is never a place;
- "X-backed forces" names X's government, not where anything happened;
- a bare name prefix ("Tal") or a name shared across governorates ("Shaar") is no one place.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from trucewatch.nlp.context import dateline_end, news_agency, news_start, reference_point
from trucewatch.nlp.syntax import place_as_actor


def _violent(reading: Any) -> Any:
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert violent, reading.events
    return violent[0]


# ---- the lead's place --------------------------------------------------------------------


def test_the_lead_names_the_place_though_it_tells_no_event(read: Any) -> None:
    text = (
        "Gunmen killed nine people near a camp for displaced families on Sunday, a monitor "
        "said.\n\nThe monitor said the attackers slipped into a hamlet that houses the camp.\n\n"
        "The hamlet lies just outside Osgiliath on the river plain.\n\n"
        "Aid workers in Pelargir said supplies were running low.\n\n"
        "Officials said the road to Pelargir was closed.\n\n"
        "Traders in Pelargir said prices had doubled."
    )
    event = _violent(read(text))
    assert event.location is not None
    assert event.location.name == "Osgiliath"


# ---- datelines after a page stamp ------------------------------------------------------------


def test_a_filing_city_after_a_page_stamp_is_a_dateline() -> None:
    text = "Last updated at Mar 162025 Umbar Mortar fire killed six people on Sunday."
    assert text[: dateline_end(text)] == "Last updated at Mar 162025 Umbar "
    spaced = "Updated March 16, 2025 Umbar Rebels said they shelled the port."
    assert spaced[: news_start(spaced)] == "Updated March 16, 2025 Umbar "
    # no city: the lead starts straight after the stamp; a place that begins the lead's own
    # clause ("Osgiliath saw ...") is written before a lower-case word, and stays news
    assert dateline_end("Last updated at Mar 162025 A car bomb killed six people.") == 0
    assert dateline_end("Last updated at Mar 162025 Osgiliath saw heavy shelling.") == 0


def test_the_stamped_dateline_is_not_where_the_event_happened(read: Any) -> None:
    text = (
        "Last updated at Mar 162025 Umbar Mortar fire killed six people in a market in "
        "Osgiliath on Sunday, a monitor said."
    )
    event = _violent(read(text))
    assert event.location is not None and event.location.name == "Osgiliath"


# ---- parts of a place, not bearings from it ---------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> Any:
    from trucewatch.nlp.reader import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no spaCy English model installed")  # pragma: no cover


def _span(nlp: Any, text: str, name: str) -> Any:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label="GPE")
    assert span is not None
    return span


def test_the_west_of_a_city_is_inside_it(nlp: Any) -> None:
    inside = _span(nlp, "Rockets fell on the government-held west of Osgiliath.", "Osgiliath")
    assert not reference_point(inside)
    inside = _span(nlp, "Rockets fell in the west of Osgiliath.", "Osgiliath")
    assert not reference_point(inside)
    outside = _span(nlp, "Rockets fell on a village west of Osgiliath.", "Osgiliath")
    assert reference_point(outside)
    outside = _span(nlp, "Rockets fell on a village 5 km west of Osgiliath.", "Osgiliath")
    assert reference_point(outside)


# ---- agencies and governments are no places ---------------------------------------------------


def test_news_agencies_are_never_places() -> None:
    assert news_agency("SANA") and news_agency("Anadolu") and news_agency("Reuters")
    assert news_agency("Anadolu Agency") and news_agency("Xinhua news agency")
    # Yemen's capital written "Sana" stays a place name; so does an ordinary town
    assert not news_agency("Sana") and not news_agency("Osgiliath")


def test_a_capital_backing_a_force_stands_for_its_government(nlp: Any) -> None:
    span = _span(nlp, "Jets struck a base of the Osgiliath-backed militia on Sunday.", "Osgiliath")
    assert place_as_actor(span.root)
    here = _span(nlp, "Jets struck a base in Osgiliath on Sunday.", "Osgiliath")
    assert not place_as_actor(here.root)


# ---- bare names -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kb() -> Any:
    from trucewatch.resolve import load_kb

    return load_kb(None)


@pytest.mark.parametrize("bare", ["Tal", "Tell", "Shaar"])
def test_a_bare_prefix_or_shared_name_is_no_one_place(kb: Any, bare: str) -> None:
    from trucewatch.model import Unresolved

    assert isinstance(kb.resolve_place(bare, context={"country": "SY"}), Unresolved)


def test_whole_names_with_the_prefix_still_resolve(kb: Any) -> None:
    from trucewatch.model import PlaceMatch

    match = kb.resolve_place("Tal Abyad", context={"country": "SY"})
    assert isinstance(match, PlaceMatch) and match.place.admin1 == "Raqqa Governorate"


# ---- several places in a row ------------------------------------------------------------


def test_place_names_run_together_are_places_not_a_person(read: Any) -> None:
    # a flattened headline that lost its commas: "Pelargir Osgiliath" is no person's name
    text = "Rockets killed five people in attacks on Pelargir Osgiliath and Umbar on Sunday."
    event = _violent(read(text))
    assert event.location is not None and event.location.name == "Pelargir"


def test_an_event_told_over_a_list_of_places_is_coded_at_the_first(read: Any) -> None:
    text = "Osgiliath, Pelargir and Umbar were hit by car bombs that killed 12 people on Sunday."
    event = _violent(read(text))
    assert event.location is not None and event.location.name == "Osgiliath"


def test_a_force_s_patron_is_not_the_lead_place(read: Any) -> None:
    text = (
        "Jets struck a base of the Pelargir-backed militia on Sunday, killing three fighters, "
        "local media said.\n\nThe base lies in the hills near Osgiliath."
    )
    event = _violent(read(text))
    assert event.location is not None and event.location.name == "Osgiliath"


# ---- page furniture ----------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Tags", "Topics", "Related", "Keywords"])
def test_a_labelled_keyword_line_reports_nothing(read: Any, label: str) -> None:
    text = (
        "Residents of Osgiliath reopened the market on Sunday after a week of calm.\n\n"
        f"{label}: Gondor, Osgiliath, air strikes, shelling"
    )
    assert not [e for e in read(text).events if e.event_type != "Strategic developments"]


def test_a_count_after_a_page_stamp_is_no_filing_city() -> None:
    lead = "Posted May 4 2019 Two Umbar gunmen opened fire on the ferry at Pelargir."
    assert dateline_end(lead) == 0
    city = "Last updated at May 4 2019 Pelargir Umbar gunmen opened fire on the ferry."
    assert city[: dateline_end(city)].strip().endswith("Pelargir")
