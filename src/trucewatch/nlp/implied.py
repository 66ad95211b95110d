"""Actors and tolls a coder reads from the rest of the report, not from one sentence.

A report tells one side's campaign in its lead and its other sites in later sentences that
name no perpetrator ("Air strikes by the coalition hit Saada ... In Hodeidah, a strike on a
telecoms building killed three children"); it gives a toll for one more city with no
weapon at all ("In the city of X, ten people were killed"); it says that both sides of a
fight "blamed each other". A coder codes the later strikes to the campaign's author, the
city's dead to the barrage, and the fight to the two sides; and does not code a
nationwide total ("Across the country, the day's attacks killed 40") as one more event.

The rules read only events (and, for mutual blame, one parsed sentence): totals and
blamed sides after the reader's follow-ups and before merging, authors after merging, so
that a retelling or a toll sentence folds into its event first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from trucewatch.model.event import SUB_TO_TYPE, ActorRef, EventReport
from trucewatch.nlp.certainty import claimant
from trucewatch.nlp.context import ArticleContext
from trucewatch.nlp.matching import background_span, find_triggers
from trucewatch.nlp.syntax import subject_of
from trucewatch.nlp.triggers import FACILITY_STRUCK_RANK

# v2: a hospital told only as destroyed takes the weapon of the report's strikes that day
IMPLIED_VERSION = "trucewatch.nlp.implied.v2"

# Weapons a campaign uses from afar: a report's later strikes with no author named are the
# campaign's. (Close-range violence names its author where it happens.)
REMOTE_SUBS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_NO_AUTHOR_KINDS = frozenset({"unidentified", "civilians", "monitor", "protesters"})
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_TOLD = frozenset({"asserted", "reported"})  # what a coder takes as the report's account
DISRUPTED = "Disrupted weapons use"
_ARMED_KINDS = frozenset(
    {"state", "government", "external", "rebel", "militia", "identity-militia"}
)

# A toll summed over many places: no one event's.
AGGREGATE_RE = re.compile(
    r"^\W*(?:across the (?:country|region|\w+ region)|nationwide|throughout the "
    r"(?:country|region)|in all|in total|all told|altogether)\b",
    re.IGNORECASE,
)
_REFERENCE_RE = re.compile(
    r"\b(?:the|these|those|its|their|the day's|the night's|\w+'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:strikes?|attacks?|bombings?|shelling|raids?|barrage|bombardment|assaults?)\b",
    re.IGNORECASE,
)


def _bare_toll(ev: EventReport) -> bool:
    """Was the event read off a casualty verb alone ("ten people were killed"), with no
    weapon or attack word in its sentence?"""
    text = ev.evidence
    return ev.sub_event_type == "Attack" and not find_triggers(text, background_span(text))


def _struck_facility(ev: EventReport) -> bool:
    """Was the event read off a building told only as hit or destroyed ("a hospital was
    destroyed"), with no weapon word in its sentence?"""
    if ev.sub_event_type != "Attack":
        return False
    hits = find_triggers(ev.evidence, background_span(ev.evidence))
    return any(h.rank == FACILITY_STRUCK_RANK for h in hits) and all(
        h.sub_event_type == "Attack" for h in hits
    )


def _weapon_that_day(events: list[EventReport], j: int) -> str | None:
    """The remote-strike sub-type of the report's first other event on event j's day (its
    lead tells the weapon; a later "blamed warplanes" only says who)."""
    ev = events[j]
    if ev.date is None:
        return None
    for k, other in enumerate(events):
        if (
            k != j
            and other.sub_event_type in REMOTE_SUBS
            and other.certainty != "denied"
            and other.date == ev.date
        ):
            return other.sub_event_type
    return None


def _aggregate(ev: EventReport) -> bool:
    """ "Across the country, the day's attacks killed more than 40 people": a total."""
    text = ev.evidence
    return bool(AGGREGATE_RE.match(text)) and (bool(_REFERENCE_RE.search(text)) or _bare_toll(ev))


def _known_author(ev: EventReport) -> bool:
    a = ev.actor1
    return a is not None and a.id is not None and a.kind not in _NO_AUTHOR_KINDS


def _campaign(events: list[EventReport], j: int, subs: frozenset[str]) -> EventReport | None:
    """The first event, told before event `j` on its day, of the one known author of the
    report's remote strikes of these sub-types that day. None when the report names two
    authors that day, or an unknown one ("terrorist groups fired shells"): then a strike
    with no author could be anyone's. A perpetrator named only later is merge.py's to give."""
    ev = events[j]
    first: dict[str, int] = {}
    for k, other in enumerate(events):
        if k == j or other.sub_event_type not in subs or other.certainty == "denied":
            continue  # a denial's other account ("caused by their own missile") names no one
        if other.actor1 is None or (ev.date is not None and other.date != ev.date):
            continue
        if not _known_author(other) or other.certainty not in _TOLD:
            return None  # an unknown author, or one only alleged ("blamed the coalition")
        first.setdefault(other.actor1.id or "", k)
    if len(first) != 1:
        return None
    k = next(iter(first.values()))
    return events[k] if k < j else None


def _credited(source: EventReport, why: str) -> ActorRef:
    assert source.actor1 is not None
    reason = f"{why} ({source.actor1.name}, {source.sub_event_type.lower()} that day)"
    return source.actor1.model_copy(update={"reason": reason})


@dataclass(frozen=True)
class MutualBlame:
    """ "X and Y blamed each other": the two sides of the fight told before `position`
    (-1: the report's two sides, from "the truce between X and Y")."""

    position: int
    sides: tuple[ActorRef, ActorRef]
    evidence: str


_BLAME_VERBS = frozenset(
    {"blamed", "blame", "blames", "accused", "accuse", "accuses", "traded", "trade"}
)


def _each_other(verb: Token) -> bool:
    """ "blamed each other", "each blamed the other", "traded accusations"."""
    words = {t.lower_ for t in verb.subtree}
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        if child.lower_ == "other" and "each" in words:
            return True
        traded = verb.lower_ in {"traded", "trade"}
        if traded and child.lower_ in {"blame", "accusations", "charges"}:
            return True
    return False


def mutual_blame(
    doc: Doc, ctx: ArticleContext, on: dt.date | None, position: int
) -> MutualBlame | None:
    """Two known sides named as blaming each other, for the fight told before."""
    for verb in doc:
        if verb.lower_ not in _BLAME_VERBS or not verb.tag_.startswith("VB"):
            continue
        if not _each_other(verb):
            continue
        subj = subject_of(verb)
        if subj is None:
            continue
        parties = [subj, *(c for c in subj.children if c.dep_ == "conj")]
        pair = _two_sides(parties, ctx, on, "blamed each other")
        if pair is not None:
            return MutualBlame(position, pair, doc.text)
    return None


def _two_sides(
    parties: list[Token], ctx: ArticleContext, on: dt.date | None, how: str
) -> tuple[ActorRef, ActorRef] | None:
    """Two different known actors that can fight (no civilians, monitors, unknowns)."""
    if len(parties) != 2:
        return None
    refs: list[ActorRef] = []
    for party in parties:
        name = claimant(party, ctx)
        ref = ctx.actor(name, on, f"{how}: {name!r}") if name else None
        if ref is None or ref.id is None or ref.kind in _NO_AUTHOR_KINDS | {None}:
            return None
        refs.append(ref)
    return (refs[0], refs[1]) if refs[0].id != refs[1].id else None


# Nouns whose "between X and Y" names the two sides of the report's conflict.
_CONFLICT_NOUNS = frozenset(
    {
        *("ceasefire", "cease-fire", "truce", "armistice", "war", "conflict", "fighting"),
        *("clashes", "hostilities", "talks", "negotiations", "agreement", "deal", "accord"),
        *("border", "front", "frontline", "front line", "escalation"),
    }
)
# A fight told only by its two sides, not by name ("the two armies fought for days").
TWO_SIDES_RE = re.compile(
    r"\b(?:the two|both|the rival|the warring|the opposing)\s+(?:sides|armies|parties"
    r"|forces|belligerents)\b",
    re.IGNORECASE,
)


def sides_between(doc: Doc, ctx: ArticleContext, on: dt.date | None) -> MutualBlame | None:
    """ "The ceasefire between X and Y": the report's two sides, when both are known."""
    for prep in doc:
        if prep.lower_ != "between" or prep.head.lower_ not in _CONFLICT_NOUNS:
            continue
        first = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if first is None:
            continue
        second = next((c for c in first.children if c.dep_ == "conj"), None)
        if second is None:
            continue
        pair = _two_sides([first, second], ctx, on, f"a side of the {prep.head.lower_}")
        if pair is not None:
            return MutualBlame(-1, pair, doc.text)
    return None


# How far back a mutual blame reaches: the fight is told in the sentences just before.
BLAME_LOOKBACK_EVENTS = 3  # as merge.CLAIM_MAX_EVENTS, the few events of one paragraph


def imply_sides(
    events: list[EventReport], blames: list[MutualBlame], sides: MutualBlame | None = None
) -> list[EventReport]:
    """Before merging: drop nationwide totals, and give actor-less fights the two sides
    that blamed each other for them, or, told as "the two armies", the report's two sides
    (the first "truce between X and Y")."""
    out = list(events)
    if sides is not None:
        for j, ev in enumerate(out):
            told = TWO_SIDES_RE.search(ev.evidence)
            if told and ev.sub_event_type == "Armed clash" and not (ev.actor1 or ev.actor2):
                first, second = (
                    side.model_copy(update={"reason": f"{side.reason}; told as {told.group(0)!r}"})
                    for side in sides.sides
                )
                out[j] = ev.model_copy(update={"actor1": first, "actor2": second})
    for blame in blames:
        start = min(blame.position, len(out)) - 1
        for j in range(start, max(-1, start - BLAME_LOOKBACK_EVENTS), -1):
            ev = out[j]
            if ev.sub_event_type != "Armed clash" or ev.actor1 or ev.actor2:
                continue
            first, second = (
                side.model_copy(update={"reason": f"{side.reason}; sides that blamed each other"})
                for side in blame.sides
            )
            out[j] = ev.model_copy(update={"actor1": first, "actor2": second})
            break
    return [ev for ev in out if not (SUB_TO_TYPE[ev.sub_event_type] in _VIOLENT and _aggregate(ev))]


def imply_authors(
    events: list[EventReport], ctx: ArticleContext | None = None
) -> list[EventReport]:
    """After merging (retellings and follow-ups already folded): a later remote strike with
    no author takes the campaign's, a bare city toll the barrage's, and weapons said to be
    intercepted or defused the armed side that says so."""
    out = list(events)
    for j, ev in enumerate(out):
        weapon = _weapon_that_day(out, j) if _struck_facility(ev) else None
        if weapon is not None:
            # "In X, missiles hit a school ... In Y, a hospital was destroyed": the same weapon
            ev = out[j] = ev.model_copy(
                update={"sub_event_type": weapon, "event_type": SUB_TO_TYPE[weapon]}
            )
        if ev.actor1 is not None or ev.certainty == "denied":
            continue
        if ev.sub_event_type == DISRUPTED and ev.claimed_by and ctx is not None:
            # "The military said most were intercepted": the side that stopped them says so
            ref = ctx.actor(ev.claimed_by, ev.date, f"says it stopped them: {ev.claimed_by!r}")
            if ref.id is not None and ref.kind in _ARMED_KINDS:
                out[j] = ev.model_copy(update={"actor1": ref})
        elif ev.sub_event_type in REMOTE_SUBS:
            source = _campaign(out, j, frozenset({ev.sub_event_type}))
            if source is not None:
                actor = _credited(source, "the report's other strike that day was by")
                out[j] = ev.model_copy(update={"actor1": actor})
        elif _bare_toll(ev):
            source = _campaign(out, j, REMOTE_SUBS)
            if source is not None:
                sub = source.sub_event_type
                actor = _credited(source, "a toll in a report of the strikes by")
                out[j] = ev.model_copy(
                    update={"actor1": actor, "sub_event_type": sub, "event_type": SUB_TO_TYPE[sub]}
                )
    return out


__all__ = [
    "IMPLIED_VERSION",
    "MutualBlame",
    "imply_authors",
    "imply_sides",
    "mutual_blame",
    "sides_between",
]
