"""Trigger matching: which phrases of a sentence name an event, minus references,
background, tests and disruptions. The cheap text-level half of event reading (no parse);
events.py turns the surviving hits into events.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from trucewatch.nlp.lexicon import (
    ATTRIBUTION_BEFORE_RE,
    BACKGROUND_LOCAL_RE,
    BACKGROUND_RE,
    CASUALTY_VERBS,
    DISRUPTED_BEFORE_RE,
    EARLIER_EVENT_RE,
    FORCEFUL_TAKEOVER_RE,
    NOT_USED_AFTER_RE,
    NOT_USED_BEFORE_RE,
    PERMITTED_RE,
    REFERENCE_BEFORE_RE,
    RELEASED_AFTER_RE,
    REPELLED_RE,
    RESCUE_BEFORE_RE,
    SUPPORT_BEFORE_RE,
    SUPPRESS_BEFORE_RE,
    TALLY_BEFORE_RE,
    TRIGGERS,
    UNDER_FIRE_RE,
    UNOPPOSED_RE,
)

# v2: non-violent transfers, repelled attempts; v3: tallies, released hostages, repelled
# attempts said before the trigger; v4: recent "since" spans, support fire
# v6: "..., just days after X were killed" is background once the sentence told its dead
MATCHING_VERSION = "trucewatch.nlp.matching.v6"  # v5: permitted, justified, lulls, deliveries


# Added to the rank of a trigger named as support ("backed by air strikes"): past every
# table rank (the highest is 24), so any other trigger of the sentence leads.
SUPPORT_RANK = 30.0


@dataclass(frozen=True)
class Hit:
    sub_event_type: str
    rank: float
    start: int
    end: int


# Sentences whose trigger hits are remembered: the reader asks for one sentence's hits up to
# four times (events, figures, follow-ups, merging). On the 402 real articles of FA-KES dev
# 43% of the look-ups were repeats, and reading took 44.0 instead of 46.4 ms per article.
# A few thousand short tuples are well under a MB.
TRIGGER_CACHE_SENTENCES = 4096


def find_triggers(text: str, ignore: tuple[int, int] | None = None) -> list[Hit]:
    """Every trigger phrase in a sentence, minus those asked to stop, in background, or
    named only as the object of a responsibility claim, a rescue or a reaction; weapons
    named as tested or owned ("a missile test") are not used on anyone."""
    return list(_triggers_in(text, ignore))


@functools.lru_cache(maxsize=TRIGGER_CACHE_SENTENCES)
def _triggers_in(text: str, ignore: tuple[int, int] | None) -> tuple[Hit, ...]:
    """find_triggers, remembered: a pure function of the text (Hits are frozen)."""
    hits: list[Hit] = []
    lower = text.lower()
    for trig in TRIGGERS:
        for m in trig.finditer(text, lower):
            if ignore and ignore[0] <= m.start() < ignore[1]:
                continue
            before = text[max(0, m.start() - 60) : m.start()]
            if SUPPRESS_BEFORE_RE.search(before) or ATTRIBUTION_BEFORE_RE.search(before):
                continue
            if PERMITTED_RE.match(text[m.start() : m.start() + 100]):
                continue
            if REFERENCE_BEFORE_RE.search(before):
                continue
            if trig.sub_event_type in _WEAPON_SUBS and (
                NOT_USED_AFTER_RE.match(text[m.end() : m.end() + 40])
                or NOT_USED_BEFORE_RE.search(before)
                or DISRUPTED_BEFORE_RE.search(before)
            ):
                continue
            if trig.sub_event_type == "Abduction/forced disappearance" and (
                RESCUE_BEFORE_RE.search(before)
                or RELEASED_AFTER_RE.match(text[m.end() : m.end() + 50])
            ):
                continue
            if TALLY_BEFORE_RE.search(text[max(0, m.start() - 180) : m.start()]):
                continue  # "recorded 143 violations, including about 60 explosions"
            # support fire yields the lead to the operation it backs, if one is named
            rank = trig.rank + (SUPPORT_RANK if SUPPORT_BEFORE_RE.search(before) else 0)
            hits.append(Hit(trig.sub_event_type, rank, m.start(), m.end()))
    return tuple(_unopposed(text, hits))


_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
_TRANSFER = "Non-violent transfer of territory"
# Sub-types that mean no shot was fired: ground taken alongside them changed hands quietly.
_QUIET = frozenset({_TRANSFER, "Agreement", "Headquarters or base established"})


def _unopposed(text: str, hits: list[Hit]) -> list[Hit]:
    """ACLED: territory acquired "without armed interaction" is a non-violent transfer, not a
    takeover. A takeover named beside a withdrawal or handover ("took control after the
    rebels withdrew") or said to be unopposed is read as one, unless the sentence also
    names fighting, a weapon or the dead, or the takeover verb is itself forceful."""
    taken = [h for h in hits if h.sub_event_type in _TERRITORY]
    if not taken:
        return hits
    # the repelled phrase may begin before the trigger it contains ("were driven back")
    first = min(h.start for h in taken)
    beaten = next((b for b in REPELLED_RE.finditer(text) if b.end() > first), None)
    if beaten is not None:
        # "stormed an outpost and were driven off": the attempt failed, the fight remains
        return [
            Hit("Armed clash", h.rank, h.start, h.end)
            if h in taken and h.end <= beaten.start()
            else h
            for h in hits
            if not (h in taken and h.start >= beaten.start())
        ]
    violent = any(h.sub_event_type not in _TERRITORY | _QUIET for h in hits)
    if violent or CASUALTY_VERBS.search(text) or UNDER_FIRE_RE.search(text):
        return hits
    quiet = any(h.sub_event_type == _TRANSFER for h in hits) or UNOPPOSED_RE.search(text)
    if not quiet or any(FORCEFUL_TAKEOVER_RE.match(text[h.start : h.end]) for h in taken):
        return hits
    return [Hit(_TRANSFER, h.rank, h.start, h.end) if h in taken else h for h in hits]


_TEMPORAL_MARKS = frozenset({"after", "before", "since", "until", "once"})


def temporal_reference(token: Token) -> bool:
    """ "Hours after the truce took effect, ...", "before the truce was agreed": an agreement
    named in a temporal clause dates the news, it is not itself the news."""
    for t in [token, *list(token.ancestors)[:3]]:
        if t.lower_ in _TEMPORAL_MARKS and t.dep_ in {"prep", "mark"}:
            return True
        if any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in t.children):
            return True
    return False


# Words that put the start of a "since" span within the last day or so: "have arrested 233
# since Wednesday evening" reports this week's news, "since 2019" sums up a history.
_RECENT_WORDS = frozenset(
    {
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("yesterday", "overnight", "dawn", "midnight", "today", "tonight"),
    }
)


def recent_since(verb: Token) -> bool:
    """Does a "since ..." on the verb start within the last days (a weekday, yesterday,
    dawn)? A perfect tense over such a span reports news, not a running summary."""
    for child in verb.children:
        if child.lower_ == "since" and child.dep_ in {"prep", "advmod", "mark"}:
            words = {t.lower_ for t in child.subtree}
            if words & _RECENT_WORDS or {"last", "night"} <= words:
                return True
    return False


# Sub-types named by a weapon: a test or an arsenal of that weapon is no event.
_WEAPON_SUBS = frozenset(
    {
        "Chemical weapon",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    }
)


def _clause_end(text: str, start: int) -> int:
    ends = [i for i in (text.find(",", start), text.find(";", start)) if i > 0]
    return min(ends) if ends else len(text)


def background_span(text: str) -> tuple[int, int] | None:
    """The clause that gives cumulative or background figures, if any."""
    m = BACKGROUND_RE.search(text)
    local = BACKGROUND_LOCAL_RE.search(text)
    if local is None:
        earlier = EARLIER_EVENT_RE.search(text)
        if earlier is not None and CASUALTY_VERBS.search(text, 0, earlier.start()):
            local = earlier  # "killed four, just days after ...": the earlier event
    if m is None:
        if local is None:
            return None
        # "a 63-year conflict that has claimed ...": only the phrase and what follows it
        return (local.start(), _clause_end(text, local.end()))
    start = max(
        text.rfind(",", 0, m.start()),
        text.rfind(";", 0, m.start()),
        text.rfind("—", 0, m.start()),
        text.rfind(" -- ", 0, m.start()),
        text.rfind(" which ", 0, m.start()),
        text.rfind(" that ", 0, m.start()),
        0,
    )
    if start and text[start] == " " and text[start + 1 : start + 5] in {"whic", "that"}:
        # "a five-year war that has killed" -> start at the noun phrase before "that"
        start = max(
            text.rfind(",", 0, start),
            text.rfind(" in a ", 0, start),
            text.rfind(" a ", 0, start),
            0,
        )
    if local is not None and local.start() < start:
        start = local.start()
    # "talks to end a 63-year conflict that has claimed ...": the noun phrase, not the clause
    article = max(text.rfind(w, 0, m.start()) for w in (" a ", " an ", " the "))
    if article > start and m.start() - article <= 30:
        start = article
    return (start, _clause_end(text, m.end()))


def is_candidate(text: str) -> bool:
    """Cheap test: could this sentence hold an event?"""
    lower = text.lower()
    return any(next(t.finditer(text, lower), None) for t in TRIGGERS) or bool(
        CASUALTY_VERBS.search(text)
    )


__all__ = [
    "MATCHING_VERSION",
    "Hit",
    "background_span",
    "find_triggers",
    "is_candidate",
    "recent_since",
    "temporal_reference",
]
