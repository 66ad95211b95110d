"""Cheap sentence splitting with offsets, so evidence is always a verbatim slice of the text.

spaCy's parser would split sentences too, but only parsed sentences would get boundaries;
the reader must decide *which* sentences to parse before parsing, so it splits with rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens ending in "." that rarely end a sentence in news copy.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "maj",
        "rep",
        "sen",
        "gov",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "approx",
        "brig",
        "adm",
        "cpl",
        "pvt",
        "prof",
        "rev",
        "hon",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "u.s.a",
        "a.m",
        "p.m",
        "inc",
        "corp",
        "co",
        "ltd",
        "dept",
        "est",
        "fig",
        "mt",
        "ft",
    ]
)
# A "Tags ..." keyword list pasted between a headline or summary and the lead, with no
# punctuation around it (scraped news pages): it starts at "Tags" and ends where a sentence
# opens with a capitalised determiner, "At least" or a figure.
_TAGS = re.compile(r"(?<=[a-z0-9.,\"”’)])\s+Tags\s+(?=[A-Z])")
_LEAD_AFTER_TAGS = re.compile(
    r"\s+(?=(?:A|An|The|At least|More than|Some|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten"
    r"|\d+)\s+[a-z0-9])"
)
TAGS_MAX_CHARS = 200  # a tag list longer than this is not one; seen lists run 30-120
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    """A sentence as offsets into the article text; `paragraph` numbers the source line."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` closes an abbreviation or an initial ("U.S.", "J.")."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '"“(':
        start -= 1
    word = text[start:dot].lower().rstrip(".")
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()


def _tag_cuts(chunk: str) -> list[int]:
    """Boundaries around a "Tags ..." keyword list inside one line."""
    cuts: list[int] = []
    for match in _TAGS.finditer(chunk):
        cuts.append(match.start() + 1)
        window = chunk[match.end() : match.end() + TAGS_MAX_CHARS]
        stop = min(
            (i for i in (window.find("."), window.find("!"), window.find("?")) if i >= 0),
            default=len(window),
        )
        lead = _LEAD_AFTER_TAGS.search(window, 0, stop)
        if lead is not None:
            cuts.append(match.end() + lead.start())
    return cuts


def split_sentences(text: str) -> list[Sentence]:
    """Split on line breaks, then on sentence-final punctuation before a capital (and
    around a pasted "Tags" list)."""
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_LINE.finditer(text)):
        base = line.start()
        chunk = line.group()
        cuts = [
            m.end()
            for m in _END.finditer(chunk)
            if not (chunk[m.start()] == "." and _is_abbreviation(chunk, m.start()))
        ]
        if "Tags " in chunk:
            cuts = sorted(set(cuts) | set(_tag_cuts(chunk)))
        cursor = 0
        for cut in cuts:
            _add(sentences, text, base + cursor, base + cut, paragraph)
            cursor = cut
        _add(sentences, text, base + cursor, base + len(chunk), paragraph)
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))


__all__ = ["Sentence", "split_sentences"]
