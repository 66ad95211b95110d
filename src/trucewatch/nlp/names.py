"""Knowledge-base names as entities, set ahead of the statistical NER.

Why not spaCy's EntityRuler: it builds one Doc per phrase pattern, and when it sits before
"ner" it runs tok2vec, tagger and parser over every pattern. The knowledge base has ~54k
names (52k of them place names), so that cost ~30 s per load (~2.5 s CPU even with the
ruler first in the pipeline, for tokenizing alone). This matcher keeps the names in a dict
of lower-cased, space-normalized phrases and matches spans that start and end on the
doc's own token boundaries, so building it takes ~0.1 s and matching ~1 ms per report.

Semantics follow the EntityRuler with `phrase_matcher_attr="LOWER"` and
`overwrite_ents=True`: longest match first, then leftmost; a kept match replaces any
overlapping entity. One difference, on purpose: when a phrase has two labels (a country
that is also an actor), the ACTOR label wins, where the ruler picked by hash order. Event
places are read off GPE/LOC entities, so "struck the station in Kramatorsk, in eastern
Ukraine" then keeps the town; `is_place` still lets the reader count "Ukraine" towards the
report's country. On tests/fixtures/gold, against the ruler's hash order: event.actor1
29 -> 30, location 51 -> 52, country 61 -> 64 of 50/63/72, no field lower. (Place label
winning instead: country 65, but location 50 and one case fewer passed.)
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

NAMES_VERSION = "trucewatch.nlp.names.v1"
COMPONENT = "trucewatch_names"
PREFERRED_LABELS = ("ACTOR",)  # a phrase with two labels keeps this one
PLACE_LABELS = frozenset({"GPE", "LOC"})


def _capitalised(key: str, text: str, start: int) -> bool:
    """Does the span's first letter (after any leading apostrophe or ayn) stand upper-case?"""
    for offset, char in enumerate(key):
        if char.isalpha():
            return text[start + offset].isupper()
    return False


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


class NameMatcher:
    """Callable pipeline component: marks known names as entities with their label."""

    def __init__(self, patterns: Iterable[tuple[str, str]] = ()) -> None:
        self._labels: dict[str, str] = {}
        self._places: set[str] = set()  # phrases with a place label, whatever label won
        # Every whole-word prefix of a phrase ("islamic republic" of "islamic republic of
        # pakistan"): lets the scan stop at the first word that starts no known phrase.
        self._prefixes: set[str] = set()
        self._firsts: set[str] = set()  # first characters of phrases: skips punctuation
        self._max_chars = 0
        self.add(patterns)

    def add(self, patterns: Iterable[tuple[str, str]]) -> None:
        """Add (label, phrase) pairs; a PREFERRED_LABELS label wins, else the first is kept."""
        labels, prefixes = self._labels, self._prefixes
        for label, phrase in patterns:
            key = _normal(phrase)
            if not key:
                continue
            if label in PLACE_LABELS:
                self._places.add(key)
            if key in labels:
                if label in PREFERRED_LABELS and labels[key] not in PREFERRED_LABELS:
                    labels[key] = label
                continue
            labels[key] = label
            self._firsts.add(key[0])
            self._max_chars = max(self._max_chars, len(key))
            cut = key.find(" ")
            while cut > 0:
                prefixes.add(key[:cut])
                cut = key.find(" ", cut + 1)

    def is_place(self, text: str) -> bool:
        """Is this a place name of the knowledge base (even when it is labelled ACTOR)?"""
        return _normal(text) in self._places

    def __len__(self) -> int:
        return len(self._labels)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted(set(self._labels.values())))

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start, end) token spans of known names, overlapping ones included."""
        labels, prefixes, firsts = self._labels, self._prefixes, self._firsts
        max_chars = self._max_chars
        if not labels:
            return []
        text = doc.text
        tokens = [(t.idx, t.idx + len(t), t.whitespace_) for t in doc]
        n = len(tokens)
        found: list[tuple[str, int, int]] = []
        for i, (first, _, _) in enumerate(tokens):
            if text[first].lower() not in firsts:
                continue
            for j in range(i, n):
                _, end, space = tokens[j]
                if end - first > max_chars:
                    break
                key = text[first:end].lower()
                label = labels.get(key)
                # English writes place names capitalised; a lower-case "say", "progress" or
                # "central" is a word, not the village of that name in the gazetteer.
                if label is not None and (
                    label not in PLACE_LABELS or _capitalised(key, text, first)
                ):
                    found.append((label, i, j + 1))
                if space and key not in prefixes:
                    break
        return found

    def __call__(self, doc: Doc) -> Doc:
        found = self.matches(doc)
        if not found:
            return doc
        found.sort(key=lambda m: (m[1] - m[2], m[1]))  # longest first, then leftmost
        taken: set[int] = set()
        entities = list(doc.ents)
        new: list[Span] = []
        for label, start, end in found:
            if start in taken or end - 1 in taken:
                continue
            new.append(Span(doc, start, end, label=label))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            taken.update(range(start, end))
        doc.ents = entities + new
        return doc


@Language.factory(COMPONENT, default_config={})
def make_name_matcher(nlp: Language, name: str) -> NameMatcher:
    """Registered so `nlp.add_pipe(COMPONENT)` works; patterns are added afterwards."""
    return NameMatcher()


__all__ = ["COMPONENT", "NAMES_VERSION", "PLACE_LABELS", "PREFERRED_LABELS", "NameMatcher"]
