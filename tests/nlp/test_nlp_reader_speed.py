"""What keeps the reader fast, shown as behaviour: the dict-backed name matcher agrees with
spaCy's EntityRuler, unflagged sentences never reach spaCy, forked reading gives the same
Readings in order, and name look-ups are remembered. (Speed itself: bench/bench_extract.py.)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trucewatch.errors import TrucewatchError
from trucewatch.model import Article, article_id

pytestmark = pytest.mark.model

PATTERNS = [
    ("GPE", "Minas Tirith"),
    ("GPE", "Minas"),
    ("GPE", "Ras al-Ain"),
    ("GPE", "Ain"),
    ("ACTOR", "Gondor"),
    ("GPE", "Gondor"),
    ("ACTOR", "Army of Gondor"),
    ("ACTOR", "Free Host of the East"),
    ("GPE", "‘Amrān"),
]
SENTENCES = [
    "The Army of Gondor shelled Minas Tirith on Monday.",
    "Fighters of the free host of the east entered Minas and then Ras al-Ain.",
    "Gondor's envoy flew to Ain, then to ‘Amrān, and on to MINAS TIRITH.",
    "Minas Tirithian traders and the Army of Gondorians met nobody.",
    "Nothing here names a place.",
    "Traders in minas tirith say progress is slow.",
]


@pytest.fixture(scope="module")
def blank() -> Any:
    import spacy

    return spacy.blank("en")


def _article(text: str, n: int = 0) -> Article:
    return Article(id=article_id(text), source_id=str(n), text=text, published=dt.date(2025, 3, 12))


@pytest.mark.parametrize("sentence", SENTENCES)
def test_name_matcher_finds_the_entity_rulers_spans(blank: Any, sentence: str) -> None:
    from trucewatch.nlp.names import NameMatcher

    ruler = blank.add_pipe(
        "entity_ruler",
        name=f"ruler{SENTENCES.index(sentence)}",
        config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"},
    )
    ruler.add_patterns([{"label": label, "pattern": phrase} for label, phrase in PATTERNS])
    # One difference on purpose: a place name written in lower case is a common word
    # ("say", "progress"), so the matcher leaves it to the statistical NER.
    expected = [
        (e.start, e.end, e.text)
        for e in ruler(blank.make_doc(sentence)).ents
        if e.label_ not in {"GPE", "LOC"} or next(c for c in e.text if c.isalpha()).isupper()
    ]
    got = [(e.start, e.end, e.text) for e in NameMatcher(PATTERNS)(blank.make_doc(sentence)).ents]
    assert got == expected


def test_name_matcher_prefers_the_longest_name_and_the_actor_label(blank: Any) -> None:
    from trucewatch.nlp.names import NameMatcher

    matcher = NameMatcher(PATTERNS)
    doc = matcher(blank.make_doc(SENTENCES[0]))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Army of Gondor", "ACTOR"),
        ("Minas Tirith", "GPE"),
    ]
    alone = matcher(blank.make_doc("Gondor said so."))
    assert [(e.text, e.label_) for e in alone.ents] == [("Gondor", "ACTOR")]
    assert matcher.is_place("GONDOR") and not matcher.is_place("Army of Gondor")


def test_a_country_labelled_actor_still_sets_the_reports_country(read: Any) -> None:
    reading = read("Haradric warplanes killed 6 civilians in a village in Gondor on Monday.")
    assert reading.events and reading.events[0].location is not None
    assert reading.events[0].location.country == "XG"


def test_reader_puts_names_first_and_ner_keeps_them(reader: Any) -> None:
    assert reader.nlp.pipe_names[0] == "trucewatch_names"
    doc = reader.nlp("Haradric warplanes struck Osgiliath and Pelargir on Monday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Osgiliath"] == labels["Pelargir"] == "GPE"
    assert labels["Monday"] == "DATE"  # the statistical NER still runs after the names


def test_sentences_without_triggers_never_reach_spacy(
    reader: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trucewatch.nlp.reader import wants_parse

    quiet = "The price of bread in Pelargir has doubled since the border was closed."
    strike = "Haradric warplanes killed 4 civilians in Osgiliath on Monday."
    assert not wants_parse(quiet) and wants_parse(strike)
    seen: list[str] = []
    pipe = reader.nlp.pipe

    def spy(jobs: Any, **kwargs: Any) -> Any:
        if not kwargs.get("as_tuples"):  # spaCy's own inner call
            return pipe(jobs, **kwargs)

        def record() -> Any:
            for text, key in jobs:
                seen.append(text)
                yield text, key

        return pipe(record(), **kwargs)

    monkeypatch.setattr(reader.nlp, "pipe", spy)
    # a quiet sentence of the lead (LEAD_SENTENCES) that names a known place is parsed for
    # it; one naming none, and quiet sentences after the lead, are not
    lead = "The town lies in the hills above Pelargir."
    plain = "The town lies in the hills above the river."
    reading = reader.read(_article(f"{strike} {plain} {lead}\n{quiet}\n{quiet}"))
    assert [t for t in seen if t] == [strike, lead]
    assert reading.events and reading.events[0].fatalities == 4


def test_forked_reading_matches_serial_reading_in_order(reader: Any) -> None:
    texts = [
        f"Haradric warplanes killed {n} civilians in Osgiliath on Monday. "
        f'"We will answer," Halladan Veyr said.'
        for n in range(2, 9)
    ] + ["Nothing happened in Pelargir."]
    arts = [_article(t, i) for i, t in enumerate(texts)]
    serial = list(reader.read_many(arts))
    forked = list(reader.read_many(iter(arts), n_process=2, chunk_articles=3))
    assert forked == serial
    assert [r.events[0].fatalities if r.events else None for r in forked] == [
        *range(2, 9),
        None,
    ]


def test_a_failing_worker_raises_in_the_parent(
    reader: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> Any:
        raise ValueError("rule blew up")

    monkeypatch.setattr(reader, "_extract", broken)  # inherited by the forked workers
    arts = [_article(f"Haradric warplanes killed {n} civilians.", n) for n in range(4)]
    with pytest.raises(TrucewatchError, match="rule blew up"):
        list(reader.read_many(arts, n_process=2, chunk_articles=1))


def test_name_lookups_are_remembered_across_articles(fictional_kb: Any) -> None:
    from trucewatch.nlp.reader import CachedKB

    calls: list[str] = []

    class Counting:
        def resolve_place(self, text: str, context: dict[str, str] | None = None) -> Any:
            calls.append(text)
            return fictional_kb.resolve_place(text, context=context)

    cached = CachedKB(Counting(), entries=2)  # type: ignore[arg-type]
    first = cached.resolve_place("Osgiliath", {"country": "XG"})
    assert cached.resolve_place("Osgiliath", {"country": "XG"}) is first
    assert calls == ["Osgiliath"]
    cached.resolve_place("Osgiliath", {"country": "XH"})  # another context: asked again
    cached.resolve_place("Pelargir")  # the cache is full: cleared, not grown
    cached.resolve_place("Osgiliath", {"country": "XG"})
    assert calls == ["Osgiliath", "Osgiliath", "Pelargir", "Osgiliath"]
    assert first == fictional_kb.resolve_place("Osgiliath", context={"country": "XG"})
