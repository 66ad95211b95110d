"""Casualty figures: who died, who was hurt, and how many of them were civilians.

Vague counts follow a conservative table in the spirit of ACLED's coding rules (the lowest
plausible number, so totals never inflate):

| phrase                       | count |
|------------------------------|-------|
| "a", "an", "one", "a man"    | 1     |
| "a couple of", "two"         | 2     |
| "a few", "several", "some"   | 3     |
| "a number of", "many"        | 3     |
| "a dozen", "dozens"          | 12    |
| "scores"                     | 20    |
| "hundreds"                   | 100   |
| "thousands"                  | 1000  |

"at least 19", "more than 19", "up to 19", "some 19" all give 19.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trucewatch.nlp.lexicon import COMBATANT_NOUNS, VICTIM_NOUNS

NUMBERS_VERSION = "trucewatch.nlp.numbers.v1"

_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a couple of": 2,
    "a few": 3,
    "several": 3,
    "some": 3,
    "a number of": 3,
    "many": 3,
    "a dozen": 12,
    "dozens of": 12,
    "dozens": 12,
    "scores of": 20,
    "hundreds of": 100,
    "thousands of": 1000,
}
_VAGUE = "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
_COUNT = (
    rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"[- ](?:one|two|three|four|five|six|seven|eight|nine)|{_VAGUE})"
)
_NOUNS = sorted(
    VICTIM_NOUNS | COMBATANT_NOUNS | {"others", "persons", "individuals"}, key=len, reverse=True
)
_GROUP = re.compile(
    rf"\b(?:at least |more than |over |nearly |almost |around |about |some |up to |as many as )?"
    rf"{_COUNT}\s+(?P<mods>(?:[a-z-]+\s+){{0,2}}?)(?P<noun>{'|'.join(_NOUNS)})\b",
    re.IGNORECASE,
)
_BARE = re.compile(
    rf"\b(?:at least |more than |over |nearly |some |up to |as many as )?{_COUNT}\s+"
    r"(?P<verb>killed|dead|died|wounded|injured|hurt)\b",
    re.IGNORECASE,
)
_AFTER_VERB = re.compile(
    rf"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing))\s+(?:at least |more than |some )?"
    rf"{_COUNT}\b(?!\s*(?:km|kilomet|miles|metres|meters|%|percent|years))",
    re.IGNORECASE,
)
_TOLL = re.compile(
    rf"\b(?:death toll|toll)\b[^.]{{0,30}}?\b(?:rose|risen|climbed|reached|stood|stands|is|was"
    rf"|to|at)\s+(?:at least |more than |some )?{_COUNT}\b",
    re.IGNORECASE,
)
_KILL = re.compile(
    r"\b(?:kill\w*|dead|died|die|death|deaths|lives|bodies|massacred|executed"
    r"|slain|shot dead|perished|lost their lives)\b",
    re.IGNORECASE,
)
_HURT = re.compile(r"\b(?:wound\w*|injur\w*|hurt|casualties)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Casualties:
    fatalities: int | None = None
    civilian_fatalities: int | None = None
    injured: int | None = None


def _value(raw: str) -> int:
    raw = raw.lower().replace(",", "")
    if raw.isdigit():
        return int(raw)
    if raw in _WORDS:
        return _WORDS[raw]
    tens, _, unit = raw.replace("-", " ").partition(" ")
    return _WORDS.get(tens, 0) + _WORDS.get(unit, 0)


def _kind(text: str, start: int, end: int) -> str | None:
    """'kill' or 'hurt' for the casualty verb nearest a count (after it first, then before)."""
    after = text[end : end + 70]
    before = text[max(0, start - 60) : start]
    kill_after = _KILL.search(after)
    hurt_after = _HURT.search(after)
    first_after = min(
        (m for m in (kill_after, hurt_after) if m), key=lambda m: m.start(), default=None
    )
    if first_after is not None and first_after.start() < 40:
        return "kill" if first_after is kill_after else "hurt"
    kills_before = list(_KILL.finditer(before))
    hurts_before = list(_HURT.finditer(before))
    last_kill = kills_before[-1].end() if kills_before else -1
    last_hurt = hurts_before[-1].end() if hurts_before else -1
    if last_kill < 0 and last_hurt < 0:
        if first_after is not None:
            return "kill" if first_after is kill_after else "hurt"
        return None
    return "kill" if last_kill > last_hurt else "hurt"


def read_casualties(text: str, ignore: tuple[int, int] | None = None) -> Casualties:
    """Killed / civilian killed / injured counts in one sentence (None when not given).

    `ignore` is a character span (background clause) whose figures do not count.
    """
    killed = civilians = hurt = 0
    found_kill = found_civ = found_hurt = False
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        if ignore and ignore[0] <= start < ignore[1]:
            return False
        return all(end <= s or start >= e for s, e in taken)

    for match in _GROUP.finditer(text):
        if not free(match.start(), match.end()):
            continue
        noun = match.group("noun").lower()
        mods = match.group("mods").lower()
        if re.search(r"\b(?:years?|km|kilomet|of the|from|who)\b", mods):
            continue
        kind = _kind(text, match.start(), match.end())
        if kind is None:
            continue
        n = _value(match.group("n"))
        taken.append((match.start(), match.end()))
        civilian = noun in VICTIM_NOUNS or "civilian" in mods
        if noun == "others":
            civilian = found_civ and not found_kill
        if kind == "kill":
            killed += n
            found_kill = True
            if civilian:
                civilians += n
                found_civ = True
        else:
            hurt += n
            found_hurt = True
    for pattern in (_BARE, _AFTER_VERB, _TOLL):
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            n = _value(match.group("n"))
            verb = match.group("verb") if pattern is _BARE else ""
            kind = "hurt" if verb in {"wounded", "injured", "hurt"} else None
            if kind is None:
                kind = "hurt" if re.match(r"(?i)wound|injur", match.group()) else "kill"
            taken.append((match.start(), match.end()))
            if kind == "kill":
                if pattern is _TOLL:
                    killed = max(killed, n)
                else:
                    killed += n
                found_kill = True
            else:
                hurt += n
                found_hurt = True
    return Casualties(
        fatalities=killed if found_kill else None,
        civilian_fatalities=civilians if found_civ else None,
        injured=hurt if found_hurt else None,
    )


__all__ = ["NUMBERS_VERSION", "Casualties", "read_casualties"]
