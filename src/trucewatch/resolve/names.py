"""Name normalisation shared by actor and place lookup.

Reports spell the same name many ways ("Ma'arrat an-Nu'man", "Maarat al-Numan",
"Maaret al Numan"). Two keys absorb most of it before any fuzzy matching:

- `name_key`: case, diacritics, apostrophes/backticks/ayn signs, hyphens and the Arabic
  article in its assimilated forms (al-, el-, ar-, as-, an-, ...) are folded away;
- `skeleton`: `name_key` plus transliteration noise (q/k, y/i, e/i, ou/oo/u, doubled
  letters), so "Saraqeb" and "Saraqib", "Avdiyivka" and "Avdiivka" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic article forms (incl. sun-letter assimilation) and Persian/Urdu "ul"; dropped only
# when other tokens remain, so a name that *is* one of these still has a key.
ARTICLES = frozenset("al el ar as ash at ad az an adh ath ed en er es et ez ul il l".split())  # noqa: SIM905
_APOSTROPHES = re.compile(r"['’‘`´ʿʾʻʼ′]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"(.)\1+")
_SKELETON_RULES = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("y", "i"), ("e", "i"))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, no apostrophes, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("ı", "i").replace("ə", "a").replace("ø", "o").replace("ł", "l")
    plain = _APOSTROPHES.sub("", plain)
    return _NON_WORD.sub(" ", plain).strip()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """`fold` without Arabic articles: "Deir ez-Zor" and "Deir al Zor" share a key."""
    tokens = fold(text).split()
    kept = [t for t in tokens if t not in ARTICLES]
    return " ".join(kept or tokens)


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """`name_key` with common transliteration variants merged (for recall, then fuzzy)."""
    key = name_key(text)
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key)


__all__ = ["ARTICLES", "fold", "name_key", "skeleton"]
