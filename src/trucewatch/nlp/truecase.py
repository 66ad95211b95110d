"""Reading a title-cased headline in sentence case.

Headlines are often title-cased ("Army Kills 40 Rebels in Border Ambush"). spaCy's small
English model reads a run of capitalised words as one name: "Army Kills" became an ORG,
"Kills" a proper noun, and the headline lost its verb, its subject and so its actor (FA-KES
dev: 12 of the 28 government actors read as unknown had such a headline). The parser is
handed the headline in sentence case instead, with the same length so every offset still
holds: a capitalised word is lowered when the article itself writes that word in lower
case elsewhere (the body says "killed", "ambush", "army"), or when the event lexicon knows
it as a trigger, casualty or victim word; known actor names of two words or more ("Free
Army"), all-capital acronyms, the headline's first word (after any date stamp) and any
word the article never writes in lower case keep their capitals. Only the head of an
article is read so: a title-cased run deeper in the body is a name or a link list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from trucewatch.nlp.lexicon import CASUALTY_VERBS, COMBATANT_NOUNS, VICTIM_NOUNS
from trucewatch.nlp.matching import is_candidate

TRUECASE_VERSION = "trucewatch.nlp.truecase.v2"  # v2: a run with no event word is a name
# Sentences of an article that may hold its headline: the headline itself, or a date or
# credit line split off ahead of it.
HEAD_SENTENCES = 2
# Capitalised content words a run needs to be a title-cased headline rather than a name
# or two opening a sentence ("Syrian President Bashar al-Assad said"); tuned on FA-KES dev,
# whose title-cased headlines have 4-9.
MIN_TITLE_WORDS = 4
# Words that title case capitalises and sentence case never does.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "into",
        "onto",
        "over",
        "after",
        "before",
        "amid",
        "against",
        "near",
        "during",
        "since",
        "until",
        "via",
        "per",
        "than",
        "under",
        "about",
    ]
)
# Capitalised in sentence case too: never counted as title case, never lowered.
CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A year or a clock time ends a date stamp: the word after it opens the headline.
_STAMP_END = re.compile(r"(?:\b\d{4}|\d:\d\d|\))\W*$")
_BREAK = re.compile(r"[.!?:;\"“”()|]")  # between two words: a new sentence or phrase
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "s", "d")


def _stem(word: str) -> str:
    """A crude stem, enough to see "Kills" and "killed" as one word."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


class Casing(NamedTuple):
    """How an article writes its words: stems seen in lower case, and stems seen
    capitalised inside a sentence (a name's sign)."""

    lower: frozenset[str]
    capital: frozenset[str]


def casing(text: str) -> Casing:
    """The article's own casing of its words, to tell common words from names; a word
    counts as capitalised only right after a lower-case word of the same sentence."""
    lower: set[str] = set()
    capital: set[str] = set()
    prev: re.Match[str] | None = None
    for m in _WORD.finditer(text):
        word = m.group()
        if word.islower():
            lower.add(_stem(word))
        elif (
            prev is not None
            and prev.group().islower()
            and word[1:].islower()
            and not _BREAK.search(text, prev.end(), m.start())
        ):
            capital.add(_stem(word.lower()))
        prev = m
    return Casing(frozenset(lower), frozenset(capital))


def _lexical(lower: str, after: str = "") -> bool:
    """Does the event lexicon know this word, alone or with the next ("Chemical Weapons"),
    as a common word?"""
    return (
        lower in VICTIM_NOUNS
        or lower in COMBATANT_NOUNS
        or bool(CASUALTY_VERBS.fullmatch(lower))
        or is_candidate(lower)
        or (bool(after) and is_candidate(f"{lower} {after}") and not is_candidate(after))
    )


def _title_run(text: str) -> list[re.Match[str]]:
    """The words of the title-cased run the text opens with: up to the first lower-case
    content word ("Army Kills 40 Rebels in Ambush. The army said" stops at "said")."""
    run: list[re.Match[str]] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if word[:1].islower() and word.lower() not in FUNCTION_WORDS and "-" not in word:
            break
        run.append(m)
    return run


def sentence_case(
    text: str,
    body: str,
    actor_spans: Callable[[str], Iterable[tuple[int, int]]] | None = None,
) -> str:
    """The text with a title-cased opening run in sentence case, same length; else as is.

    `body` is the rest of the article, whose casing tells common words from names;
    `actor_spans` gives character spans of known actor names, which keep their capitals.
    """
    if text.startswith("Tags "):
        return text  # a pasted keyword list (text.py) is names, not a headline
    run = _title_run(text)
    capitals = [
        m
        for m in run
        if m.group()[:1].isupper()
        and not m.group().isupper()
        and m.group().lower() not in FUNCTION_WORDS | CALENDAR_WORDS
    ]
    if len(capitals) < MIN_TITLE_WORDS:
        return text
    if not any(_lexical(m.group().lower()) for m in capitals):
        # "The Free Ithilien Observers Mission said ...": a long name opening a sentence;
        # a title-cased headline capitalises its event words too ("Army Kills 40 Rebels")
        return text
    common = casing(body)
    kept = [span for span in actor_spans(text)] if actor_spans is not None else []
    chars = list(text)
    for k, m in enumerate(run[1:], start=1):
        word = m.group()
        if not word[:1].isupper() or word.isupper() or "-" in word:
            continue
        if word.lower() in CALENDAR_WORDS or _STAMP_END.search(text, 0, m.start()):
            continue
        if any(a <= m.start() < b for a, b in kept):
            continue
        lower = word.lower()
        if not word[1:].islower() and len(word) > 1:
            continue  # "McDonald", "al-Nusra": a name's own capitals
        stem = _stem(lower)
        # lowered: a function word, a word the event lexicon knows, or one the article
        # writes in lower case elsewhere; a word seen only capitalised, or never seen
        # again (a name told once: "by Jane Doe"), keeps its capital
        after = run[k + 1].group().lower() if k + 1 < len(run) else ""
        if lower in FUNCTION_WORDS or _lexical(lower, after) or stem in common.lower:
            chars[m.start()] = lower[0]
    return "".join(chars)


__all__ = [
    "HEAD_SENTENCES",
    "MIN_TITLE_WORDS",
    "TRUECASE_VERSION",
    "Casing",
    "casing",
    "sentence_case",
]
