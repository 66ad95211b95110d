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

Two codebook rules for a place name that runs on into more capitalised words (v2):
- the longest known name wins: the knowledge base resolves many names only as spelling
  variants ("Tal Rifaat" -> "Tall Rif'at"), which are no patterns here, so the bare
  prefix "Tal" (a town in India) used to win and, preset ahead of the NER, kept the NER
  from reading the whole name. With a `resolves` check, a place match is first tried
  extended over the next capitalised words (up to EXTEND_WORDS), longest first.
- a place word inside a person's name is not a place ("Vladimir Putin", "Sergei Ivanov"):
  with `defer` on, a place match next to a capitalised word (not a sentence's first) is
  held back until the NER has run (SETTLE_COMPONENT); a PERSON over it, or a longer place
  entity containing it, wins; else it is set as before.

v3: a class the knowledge base writes in lower case ("children", "crowd", "residents")
is a common noun; written capitalised in mid-sentence it is a word of a proper name ("Save
the Children said", "the Crowd Safety Trust"), not that class: the NER reads the whole
name. A sentence written in title case (a headline) keeps its matches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

# v2: longer resolvable names; deferred places; v3: common nouns capitalised inside names
# v4: a PERSON entity made only of known place names that goes on to another place ("Homs
# Hama and Idlib") is a list of places
# v5: a place match at the end of a name joined by a particle ("Maarat al-Numan") runs back to
# the whole name when it resolves, else waits for the NER; function words are no place patterns
NAMES_VERSION = "trucewatch.nlp.names.v5"
COMPONENT = "trucewatch_names"
SETTLE_COMPONENT = "trucewatch_names_settle"  # runs after "ner": places held back above
DEFERRED_KEY = "trucewatch_deferred_places"  # Doc.user_data: (label, start, end) held back
EXTEND_WORDS = 3  # capitalised words a place name may run on by ("Deir al-Zor", "Tal Abyad")
_CONNECTORS = frozenset({"al", "el", "ad", "ar", "as", "an", "-"})
# Arabic article spellings that join a name's words ("Maarat al-Numan", "Deir ez-Zor"); the
# English words among them join names only with a hyphen ("Ras al-Ain" but "such as Goma").
_PARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "ez", "es", "ed", "er"}
)
_ENGLISH_PARTICLES = frozenset({"as", "an", "at", "ed", "er", "es"})
PREFERRED_LABELS = ("ACTOR",)  # a phrase with two labels keeps this one
PLACE_LABELS = frozenset({"GPE", "LOC"})


def function_word(nlp: Language, label: str, phrase: str) -> bool:
    """A place pattern that is an English stop word ("But" for Buta, "More" for Mora) would
    tag every sentence it opens; such names are left to the statistical NER."""
    return label in PLACE_LABELS and " " not in phrase and nlp.vocab[phrase.lower()].is_stop


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
        # Actor phrases the knowledge base writes only in lower case: common nouns.
        self._common: set[str] = set()
        self._proper: set[str] = set()
        # Every whole-word prefix of a phrase ("islamic republic" of "islamic republic of
        # pakistan"): lets the scan stop at the first word that starts no known phrase.
        self._prefixes: set[str] = set()
        self._firsts: set[str] = set()  # first characters of phrases: skips punctuation
        self._max_chars = 0
        # Does the knowledge base resolve this text as a place (spelling variants too)?
        self.resolves: Callable[[str], bool] | None = None
        # Hold back a place followed by a capitalised word until the NER has run: set only
        # when SETTLE_COMPONENT follows the NER in the pipeline.
        self.defer = False
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
            elif phrase.strip() == key and key not in self._proper:
                self._common.add(key)
            else:
                self._proper.add(key)
                self._common.discard(key)
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
        headline: bool | None = None
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
                    if key in self._common and _mid_sentence_capital(doc, i, key, text):
                        if headline is None:
                            headline = _title_case(doc)
                        if not headline:
                            continue  # "Save the Children": a word of a name, not a class
                    found.append((label, i, j + 1))
                if space and key not in prefixes:
                    break
        return found

    def longer(self, doc: Doc, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Place matches run on over the next capitalised words when the knowledge base
        resolves the longer text ("Tal" + "Rifaat"); longest first, one per match."""
        if self.resolves is None:
            return []
        known = {(start, end) for _, start, end in found}
        out: list[tuple[str, int, int]] = []
        for label, start, end in found:
            if label not in PLACE_LABELS:
                continue
            stop = end
            words = 0
            while stop < len(doc) and words < EXTEND_WORDS:
                token = doc[stop]
                if token.lower_ in _CONNECTORS:
                    stop += 1  # "al" / "-" inside "Deir al-Zor"
                    continue
                if not _capital_word(token.text):
                    break
                stop += 1
                words += 1
            for j in range(stop, end, -1):
                if not _capital_word(doc[j - 1].text) or (start, j) in known:
                    continue
                if self.resolves(doc[start:j].text):
                    out.append((label, start, j))
                    break
            # ... and back over a name particle: "Numan" (a town in Nigeria) ends "Maarat
            # al-Numan"; the whole name is the place when the knowledge base resolves it.
            first = _particle_head(doc, start)
            for k in range(first, start):
                whole = _capital_word(doc[k].text) and (k, end) not in known
                if whole and self.resolves(doc[k:end].text):
                    out.append((label, k, end))
                    break
        return out

    def __call__(self, doc: Doc) -> Doc:
        found = self.matches(doc)
        if not found:
            return doc
        found += self.longer(doc, found)
        found.sort(key=lambda m: (m[1] - m[2], m[1]))  # longest first, then leftmost
        taken: set[int] = set()
        kept: list[tuple[str, int, int]] = []
        for label, start, end in found:
            if start in taken or end - 1 in taken:
                continue
            kept.append((label, start, end))
            taken.update(range(start, end))
        deferred: list[tuple[str, int, int]] = []
        if self.defer:
            # a place next to another place may be a name too ("Vardan Kostel")
            others = taken - {
                i for label, a, b in kept if label in PLACE_LABELS for i in range(a, b)
            }
            for match in kept:
                label, start, end = match
                if label in PLACE_LABELS and (
                    _name_after(doc, end, others) or _name_before(doc, start, others)
                ):
                    deferred.append(match)
            if deferred:
                doc.user_data[DEFERRED_KEY] = deferred
        entities = list(doc.ents)
        new: list[Span] = []
        for label, start, end in kept:
            if (label, start, end) in deferred:
                continue
            new.append(Span(doc, start, end, label=label))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
        doc.ents = entities + new
        return doc


def _capital_word(text: str) -> bool:
    return text[:1].isupper() and text[:1].isalpha()


def _mid_sentence_capital(doc: Doc, i: int, key: str, text: str) -> bool:
    """Is a common noun written capitalised where English would not (not a sentence's or a
    quotation's first word)?"""
    if not _capitalised(key, text, doc[i].idx) or i == 0:
        return False
    before = doc[i - 1]
    return not (before.is_space or before.text in _OPENERS or "\n" in before.whitespace_)


# Share of capitalised words (of four letters or more) above which a line is in title case
# (a judgment, not tuned: running text capitalises well under a third of such words).
TITLE_CASE_SHARE = 0.6


def _title_case(doc: Doc) -> bool:
    """A headline in title case capitalises common nouns too ("Air Strike Kills Children")."""
    words = [t.text for t in doc if t.is_alpha and len(t.text) >= 4]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= TITLE_CASE_SHARE


_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "‘", "'", "-", "—", "–", "("})


def _name_after(doc: Doc, end: int, taken: set[int]) -> bool:
    """Is the match followed by a capitalised word of no known name ("Vladimir Putin")?"""
    return end < len(doc) and end not in taken and _capital_word(doc[end].text)


def _particle_head(doc: Doc, start: int) -> int:
    """Where a name runs back to over a particle ("Maarat al-Numan", "Ras al Ain"): the
    capitalised word before "al-" / "el" / "ez-"; `start` itself when there is none."""
    i = start
    words = 0
    while i > 0 and words < EXTEND_WORDS:
        j = i - 1
        if doc[j].text == "-" and j > 0 and doc[j - 1].lower_ in _PARTICLES:
            j -= 1  # "al" "-" before the match
        elif doc[j].lower_ not in _PARTICLES or doc[j].lower_ in _ENGLISH_PARTICLES:
            break
        if j == 0 or not _capital_word(doc[j - 1].text):
            break
        i = j - 1
        words += 1
    return i


def _name_before(doc: Doc, start: int, taken: set[int]) -> bool:
    """Is the match preceded by a capitalised word that no sentence start explains
    ("Sergei Ivanov", not "In Azaz"), or the end of a name joined by a particle ("Maarat
    al-Numan": held back for the NER, which may read the whole name)?"""
    if _particle_head(doc, start) < start:
        return True
    i = start - 1
    if i < 0 or i in taken or not _capital_word(doc[i].text) or doc[i].is_stop:
        return False  # "In Azaz", "The Hague": a function word, capitalised as an opener
    if i == 0:
        return True
    before = doc[i - 1]
    return not (before.is_space or before.text in _OPENERS or "\n" in before.whitespace_)


def settle_deferred(doc: Doc) -> Doc:
    """Set the places the matcher held back, now the NER has read the words after them: a
    PERSON entity over one ("Vladimir Putin") means a name, not a place; a longer place
    entity containing it ("Tal Abyad" read whole) is the place; else the known name wins
    over whatever the NER put there."""
    deferred = doc.user_data.pop(DEFERRED_KEY, None)
    if not deferred:
        return doc
    entities = list(doc.ents)
    covered = {i for _, start, end in deferred for i in range(start, end)}
    for label, start, end in deferred:
        over = [e for e in entities if e.start < end and e.end > start]
        if any(e.label_ == "PERSON" and not _place_run(e, covered) for e in over):
            continue
        if any(
            e.label_ in _NER_PLACES and e.start <= start and e.end >= end and len(e) > end - start
            for e in over
        ):
            continue
        entities = [e for e in entities if not (e.start < end and e.end > start)]
        entities.append(Span(doc, start, end, label=label))
    doc.ents = entities
    return doc


_NER_PLACES = frozenset({"GPE", "LOC", "FAC"})


_LIST_LINKS = frozenset({",", "and", "&"})


def _place_run(person: Span, covered: set[int]) -> bool:
    """Is a PERSON entity a list of known place names run together ("attacks in Homs Hama
    and Idlib", flattened without commas)? Every word is a held-back place and the list goes
    on to another place ("... and Idlib"); a person's two names that are also places
    ("President Vardan Kostel ordered", "Vardan Kostel, the minister") go on to no place."""
    if len(person) < 2 or not all(i in covered for i in range(person.start, person.end)):
        return False
    doc = person.doc
    i = person.end
    while i < len(doc) and i - person.end < 2 and doc[i].lower_ in _LIST_LINKS:
        i += 1
    if i >= len(doc) or not doc[i].text[:1].isupper():
        return False
    return i in covered or doc[i].ent_type_ in _NER_PLACES


@Language.factory(COMPONENT, default_config={})
def make_name_matcher(nlp: Language, name: str) -> NameMatcher:
    """Registered so `nlp.add_pipe(COMPONENT)` works; patterns are added afterwards."""
    return NameMatcher()


@Language.component(SETTLE_COMPONENT)
def settle_component(doc: Doc) -> Doc:
    """Registered so `nlp.add_pipe(SETTLE_COMPONENT, after="ner")` works."""
    return settle_deferred(doc)


__all__ = [
    "COMPONENT",
    "DEFERRED_KEY",
    "NAMES_VERSION",
    "PLACE_LABELS",
    "PREFERRED_LABELS",
    "SETTLE_COMPONENT",
    "NameMatcher",
    "settle_deferred",
]
