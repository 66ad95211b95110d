"""Merging a report's sentence-level events into one event per real-world occurrence.

The reader finds events sentence by sentence; a news report tells one occurrence several
times (headline, lead, body) and adds its parts in later sentences: the toll ("Health
workers said 51 people were killed"), the perpetrator ("the shells had been fired by ..."),
a claim of responsibility ("X claimed responsibility for the attack"). A coder codes the
occurrence once, with everything the report says about it; this module does that fold.
It reads only the events (their sub-type, actors, place, date, figures and evidence
sentence), never the parse, so it stays independent of spaCy.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from trucewatch.model.event import SUB_TO_TYPE, ActorRef, EventReport, PlaceRef
from trucewatch.nlp.lexicon import CASUALTY_VERBS
from trucewatch.nlp.matching import find_triggers
from trucewatch.nlp.numbers import is_cumulative, read_casualties

# v1: moved from events.py; later sentences fill actor1
# v2: figure-only follow-up sentences and responsibility claims fill earlier events
# v3: perpetrators reach back through retellings, within a day, whatever their part-tolls
# v4: blame from a later sentence, civilians named in a toll sentence (issue #4)
# v5: a vague lead toll ("dozens") takes the exact figure a sentence just after gives; a
# state read off a place word or a passing mention is no bomber
# v6: a perpetrator taken from a blaming sentence leaves the event alleged
# v7: a lead's generic total takes the civilian share a later sentence gives for that toll
# v8: a bombing takes no author from a later air strike, nor an air strike from a bombing
# v9: a toll that names its event ("killed in the strikes") goes to the latest of that kind; a
# follow-up that says what a bare casualty mention was also gives its day; the armed side
# that counts the attackers' dead is the side attacked; two follow-up tolls of one event that
# count different dead (a side's soldiers, the other side's people) add up
# v10: a lead with no toll takes the toll the body next gives for its scene (folded); a
# generic total loses the fighters later sentences count among its dead; a lead whose
# dead were unknown takes the civilians a retelling of the same toll gives; "more than 30"
# takes the exact figure a later sentence gives ("at least 31")
# v11: a reply to the lead ("answered with strikes", "in retaliation") lends it no toll
# v12: a planted bomb (car bomb, suicide attack, IED) takes no author from any later event
# that is no bombing (shelling, a clash); an air strike none from a bombing, as before
MERGE_VERSION = "trucewatch.nlp.merge.v12"

_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_DEMO = {"Protests", "Riots"}


def event_family(sub: str) -> str:
    """One event per family per sentence: violent events share the figures, and a
    demonstration is one event whether it turns violent or meets intervention."""
    event_type = SUB_TO_TYPE[sub]
    if event_type in _VIOLENT:
        return "violent"
    if event_type in _DEMO:
        return "demo"
    return sub


_family = event_family


_ANAPHORA_RE = re.compile(
    r"\b(?:the|this|that|these|those|its|their|the same|the day's)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:strikes?|air ?strikes?|attacks?|bombings?|blasts?|explosions?|shelling|raids?"
    r"|missiles?|shells|rockets?|assault|bombardment|barrage|massacre|ambush|clash(?:es)?"
    r"|fighting|incident|protests?|demonstrations?|rall(?:y|ies))\b",
    re.IGNORECASE,
)
_NEW_EVENT_RE = re.compile(
    r"^\W*(?:separately|elsewhere|in another|in a separate|meanwhile|also on|earlier|later"
    r"|in (?:the )?(?:\w+ ){0,3}(?:city|town|village|province|region) of"
    # an aggregate over many places is no one event's toll
    r"|across the (?:country|region)|nationwide|throughout the (?:country|region))\b",
    re.IGNORECASE,
)

# A side's reply to the lead's attack: another occurrence with its own toll
_RESPONSE_RE = re.compile(
    r"\b(?:answered|responded|replied|retaliated|hit back|struck back)\b"
    r"|\bin (?:response|retaliation|reply)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figures:
    """A sentence that tells only a toll ("Health workers said 51 were killed"), read
    after `position` events; the reader makes sure it names no new occurrence."""

    position: int
    evidence: str
    fatalities: int | None = None
    civilian_fatalities: int | None = None
    injured: int | None = None
    claimed_by: str | None = None
    date: dt.date | None = None  # the sentence's own date, when it gives one
    victims: ActorRef | None = None  # civilians named as the dead ("10 people were killed")
    # the sub-types the toll names its event by ("killed in the strikes"), when it does
    refers_to: frozenset[str] = frozenset()
    # the armed side that counts the attackers' dead ("three attackers were killed,
    # according to the rangers"): the side they attacked
    defender: ActorRef | None = None
    # who the dead are: "armed" (soldiers, an officer), "other" (civilians, a people), or
    # None when the sentence does not say or says only "people"
    dead: str | None = None


@dataclass(frozen=True)
class Claim:
    """A claim of responsibility ("X said its fighters carried out the attack"), read after
    `position` events: it names the perpetrator of up to `count` earlier violent events."""

    position: int
    actor: ActorRef
    claimant: str
    count: int
    evidence: str
    # a blame ("officials blamed X") names an alleged perpetrator, not a self-confessed one
    blame: bool = False


# How many earlier events a plural claim ("the attacks", "the bombings") may cover: a
# report tells a wave of attacks in a few sentences; tuned on the gold suite's twin bombings.
CLAIM_MAX_EVENTS = 4


def apply_follow_ups(
    events: list[EventReport], figures: list[Figures], claims: list[Claim]
) -> list[EventReport]:
    """Fold toll-only sentences and responsibility claims into the events they refer to.

    A toll fills the counts the most recent violent event before it lacks, as a coder
    reading on would ("A strike hit the camp ... The ministry said 45 people were killed");
    a count already given is never overwritten. A claim fills actor1 of the most recent
    violent events with no known perpetrator, and an event the report only asserted
    becomes one reported by the claimant."""
    out = list(events)
    told: dict[int, Figures] = {}  # the follow-up toll each event took
    for fig in figures:
        j = last_violent(out, fig.position, fig.refers_to)
        if j is None:
            continue
        ev = out[j]
        # a toll told "by Tuesday" for fighting that began on Monday is still its toll
        if fig.date is not None and ev.date is not None and abs((fig.date - ev.date).days) > 1:
            continue
        update: dict[str, object] = {}
        first = told.get(j)
        if first is not None and _other_dead(first, fig) and ev.fatalities and fig.fatalities:
            # "One officer was killed in the raid ... the ministry said 274 Palestinians were
            # killed": each side's dead, and ACLED counts all of an event's dead
            out[j] = ev.model_copy(
                update={
                    "fatalities": ev.fatalities + fig.fatalities,
                    "evidence": f"{ev.evidence} {fig.evidence}",
                }
            )
            continue
        told.setdefault(j, fig)
        for name in ("fatalities", "civilian_fatalities", "injured"):
            value = getattr(fig, name)
            if value is not None and getattr(ev, name) is None:
                update[name] = value
        if not update:
            continue
        if fig.victims is not None and ev.actor2 is None and ev.sub_event_type != "Armed clash":
            update["actor2"] = fig.victims  # the toll's civilians were the event's victims
        defender = fig.defender
        if (
            defender is not None
            and ev.actor2 is None
            and ev.sub_event_type == "Armed clash"
            and ev.actor1 is not None
            and _name(ev.actor1) != _name(defender)
        ):
            update["actor2"] = defender  # who counts the attackers' dead was attacked
        if "fatalities" in update and ev.certainty == "asserted" and fig.claimed_by:
            update["certainty"] = "reported"
            update["claimed_by"] = fig.claimed_by
        update["evidence"] = f"{ev.evidence} {fig.evidence}"
        out[j] = ev.model_copy(update=update)
    for claim in claims:
        filled = 0
        first_date = None
        for j in range(min(claim.position, len(out)) - 1, -1, -1):
            ev = out[j]
            if event_family(ev.sub_event_type) != "violent":
                continue
            if first_date is None:
                first_date = ev.date
            elif ev.date != first_date:
                break
            if ev.actor1 is not None and ev.actor1.kind != "unidentified":
                break  # the claim is about the events since the last named perpetrator
            how = "blamed by" if claim.blame else "claim of responsibility by"
            reason = f"{how} {claim.claimant!r}"
            update = {"actor1": claim.actor.model_copy(update={"reason": reason})}
            if ev.certainty == "asserted" or (claim.blame and ev.certainty == "reported"):
                update["certainty"] = "alleged" if claim.blame else "reported"
                update["claimed_by"] = claim.claimant
            out[j] = ev.model_copy(update=update)
            filled += 1
            if filled >= claim.count:
                break
    return out


def _other_dead(a: Figures, b: Figures) -> bool:
    """Do two toll sentences count different dead: one side's armed men, the other's
    civilians or people named as such? ("people" may include the soldiers: no)."""
    return {a.dead, b.dead} == {"armed", "other"}


def last_violent(
    events: list[EventReport], position: int, subs: frozenset[str] = frozenset()
) -> int | None:
    """The violent event before `position` a toll belongs to: the latest of the kind the toll
    names ("killed in the strikes", told after another side's attack), else the latest."""
    latest = None
    for j in range(min(position, len(events)) - 1, -1, -1):
        if event_family(events[j].sub_event_type) == "violent":
            if not subs or events[j].sub_event_type in subs:
                return j
            latest = j if latest is None else latest
    return latest


def merge_events(events: list[EventReport]) -> list[EventReport]:
    """One event per real-world occurrence: fold repeated mentions (same type, actor, date,
    compatible place and figures), and follow-up sentences that only add figures or name the
    perpetrator of the event just told ("Health workers said 51 people were killed";
    "the shells had been fired by ...") into it."""
    kept: list[EventReport] = []
    for ev in map(_no_state_bomber, events):
        for i, other in enumerate(kept):
            if _same(ev, other):
                kept[i] = _richer(other, ev)
                break
        else:
            j = _follow_up_of(ev, kept)
            if j is None:
                j = _retelling_of(ev, kept)
            if j is None:
                kept.append(ev)
            else:
                kept[j] = _fold(kept[j], ev)
    kept = _fill_lead_toll(kept)
    kept = _fill_perpetrators(kept)
    kept = _refine_vague_tolls(kept)
    kept = _refine_civilian_share(kept)
    kept = _count_out_fighters(kept)
    return [ev.model_copy(update={"index": i}) for i, ev in enumerate(kept)]


# How many later events the lead's toll may come from: the headline and lead tell the
# scene, the body counts its dead a few sentences on, past retellings and background.
LEAD_TOLL_LOOKAHEAD_EVENTS = 5
# A report tells what happened a day or two before it (its lead dated by the report, "on
# Saturday" in a Monday story); a toll dated after the lead's day is another day's.
LEAD_TOLL_DAYS_BEFORE = 2
LEAD_TOLL_DAYS_AFTER = 1


def _fill_lead_toll(kept: list[EventReport]) -> list[EventReport]:
    """A lead that tells violence with no toll ("Regime jets pounded the city for a second
    day") takes the toll the body next gives for violence on the same scene ("The strikes
    killed 13 civilians, the monitor said"), as a coder reading the report codes its dead
    once, with the occurrence the report is about: the two tellings are folded.

    Only the first violent event (the report's lead) is filled; the first later toll on
    the lead's scene is taken, and the search ends at a toll elsewhere or a sentence that
    says it tells a new occurrence."""
    lead = next(
        (i for i, ev in enumerate(kept) if event_family(ev.sub_event_type) == "violent"), None
    )
    if lead is None:
        return kept
    ev = kept[lead]
    if ev.fatalities is not None or ev.civilian_fatalities is not None:
        return kept
    if is_cumulative(ev.evidence):
        return kept  # the lead gave its toll over a period ("killed since Wednesday")
    end = min(len(kept), lead + 1 + LEAD_TOLL_LOOKAHEAD_EVENTS)
    for j in range(lead + 1, end):
        later = kept[j]
        if _NEW_EVENT_RE.search(later.evidence) or _RESPONSE_RE.search(later.evidence):
            break  # "Israel answered with strikes that killed 11": a reply is its own event
        if event_family(later.sub_event_type) != "violent":
            continue
        if later.fatalities is None:
            continue
        if _places_differ(ev.location, later.location, within_admin1=True):
            break
        if not _tells_lead_scene(ev, later):
            break
        out = list(kept)
        out[lead] = _fold(ev, later)
        del out[j]
        return out
    return kept


def _tells_lead_scene(lead: EventReport, later: EventReport) -> bool:
    """Could a later toll be the lead's? Dated within the report's reach of the lead's day,
    and by the lead's perpetrator (either side, when the lead is a battle)."""
    if lead.date and later.date:
        days = (lead.date - later.date).days
        if not -LEAD_TOLL_DAYS_AFTER <= days <= LEAD_TOLL_DAYS_BEFORE:
            return False
    if lead.actor1 and later.actor1 and not _same_side(lead.actor1, later.actor1):
        # a battle has two sides: the toll of the other side's fire is still its toll
        battle = SUB_TO_TYPE[lead.sub_event_type] == "Battles"
        return battle and (lead.actor2 is None or _same_side(lead.actor2, later.actor1))
    return True


def _same_side(a: ActorRef, b: ActorRef) -> bool:
    """One actor, or one state told as its country and as its forces ("Syria", "the
    Syrian army")."""
    if _name(a) == _name(b):
        return True
    return a.kind == b.kind == "state" and a.country is not None and a.country == b.country


_BOMBINGS = frozenset({"Remote explosive/landmine/IED", "Suicide bomb"})
# How the reader found an actor that the sentence's grammar names as the bomber
_BOMBER_REASONS = re.compile(r"^(?:agent|subject) |claim|blame|accus")


def _no_state_bomber(ev: EventReport) -> EventReport:
    """A state read as the author of a bombing only from a place word ("Syria car bomb",
    "Capital Car Bomb Kills Four"), a party named in passing ("between regime forces and
    rebels") or another clause's subject is no author: bombs, blasts and suicide attacks
    are an armed group's, and a state's forces there are the target or the context (FA-KES
    dev: 11 of 22 "unknown" bombings coded to the government so). A state the sentence
    names as the one who set off the bomb, claimed or was blamed for it, stays."""
    actor = ev.actor1
    reason = (actor.reason or "") if actor is not None else ""
    if (
        ev.sub_event_type not in _BOMBINGS
        or actor is None
        or actor.kind != "state"
        or (_BOMBER_REASONS.search(reason) and "same sentence" not in reason)
    ):
        return ev
    return ev.model_copy(update={"actor1": None})


# How many later events a perpetrator may be taken from: the lead names the strike, the
# next sentences or paragraph name who flew it ("Air raids killed 10 ... Syrian or Russian
# jets carried out the strikes"); further on, the report has moved to other events.
PERPETRATOR_LOOKAHEAD_EVENTS = 3  # tuned on FA-KES dev 101-402 (aggregate actor accuracy)
_DISPUTED = frozenset({"alleged", "denied"})


def _fill_perpetrators(kept: list[EventReport]) -> list[EventReport]:
    """An event whose sentences name no perpetrator takes the known one a later sentence
    names for a violent event on the same day and in the same area ("Air strikes hit the
    market ... The strikes were carried out by X"), as a coder reading on would; a
    sentence that says it tells a new occurrence ends the search."""
    out = list(kept)
    # last to first, so a perpetrator named three sentences on reaches the lead through the
    # retellings between them that took it ("Air raids killed 10 ... The raids hit a market
    # ... Activists said regime jets carried out the raids")
    for i in range(len(out) - 1, -1, -1):
        ev = out[i]
        if ev.actor1 is not None or event_family(ev.sub_event_type) != "violent":
            continue
        for later in _violence_told_after(out, i):
            if (
                later.actor1 is None
                or later.actor1.id is None
                or not _same_scene(ev, later)
                or _other_weapon(ev, later)
            ):
                continue
            why = f"{later.actor1.reason or ''}; named in a later sentence on the same event"
            actor = later.actor1.model_copy(update={"reason": why.lstrip("; ")})
            update: dict[str, object] = {"actor1": actor}
            if later.certainty in _DISPUTED and ev.certainty not in _DISPUTED:
                # "X blamed Russian warplanes": the author is alleged, not the report's fact
                update.update(certainty="alleged", claimed_by=later.claimed_by)
            out[i] = ev.model_copy(update=update)
            break
    return out


# A vague count read as the least it can mean ("dozens" 12, numbers.py) and the exact
# figures that word covers: "dozens" are 24-99, "scores" 40-199, "hundreds" 200-999.
_VAGUE_RANGES = {
    "tens": (10, 20, 99),
    "dozens": (12, 24, 99),
    "scores": (20, 40, 199),
    "hundreds": (100, 200, 999),
    "thousands": (1000, 2000, 9999),
}
_VAGUE_RE = re.compile(r"\b(" + "|".join(_VAGUE_RANGES) + r")\b", re.IGNORECASE)


# "more than 30", "over 100": a low bound on a round figure, told for one a little above it
_LOW_BOUND = r"\b(?:more than|over|upwards of)\s+{n}\b"


def _vague_span(evidence: str, fatalities: int) -> tuple[int, int] | None:
    """The exact figures a vague toll may stand for: a round multiple read at its least
    ("dozens" 12: 24-99), or a low bound on a round figure ("more than 30": 31-39, the
    next round figure would have been told)."""
    vague = _VAGUE_RE.search(evidence)
    if vague is not None:
        floor, low, high = _VAGUE_RANGES[vague.group(1).lower()]
        if fatalities == floor:
            return low, high
    if fatalities < 10 or fatalities % 5:
        return None
    if not re.search(_LOW_BOUND.format(n=fatalities), evidence, re.IGNORECASE):
        return None
    step = 10 ** (len(str(fatalities)) - 1)
    return fatalities + 1, fatalities + step - 1


def _refine_vague_tolls(kept: list[EventReport]) -> list[EventReport]:
    """A toll told vaguely ("Dozens of civilians were killed in air raids") takes the exact
    figure a sentence just after gives for a violent event on the same day and in the same
    area ("At least 51 civilians were killed in the raids"), when the word covers it: the
    lead summarises, the body counts (FA-KES dev: the lead's "dozens"/"scores"/"hundreds"
    under-counted 6 of 25 under-counts). A figure the word cannot mean, or a sentence
    that says it tells a new occurrence, ends the search."""
    out = list(kept)
    for i, ev in enumerate(out):
        if event_family(ev.sub_event_type) != "violent" or ev.fatalities is None:
            continue
        span = _vague_span(ev.evidence, ev.fatalities)
        if span is None:
            continue
        low, high = span
        for later in _violence_told_after(out, i):
            if (
                later.fatalities is None
                or not low <= later.fatalities <= high
                or not _same_scene(
                    ev,
                    later.model_copy(update={"actor1": ev.actor1}),
                    days_before=LEAD_TOLL_DAYS_BEFORE,
                )
            ):
                continue
            civilians = later.civilian_fatalities
            if civilians is None and ev.civilian_fatalities == ev.fatalities:
                civilians = later.fatalities  # "dozens of civilians" ... "51 were killed"
            out[i] = ev.model_copy(
                update={
                    "fatalities": later.fatalities,
                    "civilian_fatalities": civilians,
                    "evidence": f"{ev.evidence} {later.evidence}",
                }
            )
            break
    return out


def _civilian_share(lead: EventReport, later: EventReport) -> int | None:
    """The civilians a later telling counts among the lead's toll, when the lead's own
    count took all its dead as civilian (the generic rule) and the later one is lower, or
    the lead left who they were unknown (fighting named beside its dead)."""
    total = lead.fatalities
    if not total or later.fatalities != total or later.civilian_fatalities is None:
        return None
    if lead.civilian_fatalities is None:
        if later.civilian_fatalities > total:
            return None
    elif lead.civilian_fatalities != total or later.civilian_fatalities >= total:
        return None
    told = read_casualties(later.evidence)
    if not told.civilians_told:
        return None  # "three people including a woman": a floor, not who the dead were
    battle = SUB_TO_TYPE[lead.sub_event_type] == "Battles"
    if lead.civilian_fatalities is None and told.civilians_by_default and battle:
        return None  # a battle's dead retold with no role are still a battle's dead
    return later.civilian_fatalities


def _refine_civilian_share(kept: list[EventReport]) -> list[EventReport]:
    """A lead that gives only a total ("A bomber killed four people") takes the civilian
    share a sentence just after gives for the same toll on the same scene ("Two women and
    two soldiers were killed in the attack"): the lead's generic dead are civilian only by
    default (numbers.py), the body says who they were. A different total, or a sentence
    that says it tells a new occurrence, ends the search."""
    out = list(kept)
    for i, ev in enumerate(out):
        if event_family(ev.sub_event_type) != "violent" or not ev.fatalities:
            continue
        for later in _violence_told_after(out, i):
            share = _civilian_share(ev, later)
            if share is None or not _same_scene(ev, later.model_copy(update={"actor1": ev.actor1})):
                continue
            out[i] = ev.model_copy(update={"civilian_fatalities": share})
            break
    return out


# A bomb set off on the ground by those who brought it: not a "bombing" or "blast" as
# reports also call air raids and barrel bombs
_PLANTED_RE = re.compile(
    r"\b(?:car|truck|motorbike|motorcycle|roadside|suicide|parcel)[- ]bomb"
    r"|\bbomb-laden|\bbooby[- ]trap|\bexplosive devices?\b|\bieds?\b|\bsuicide\b"
    r"|\bvehicle-borne|\b(?:land)?mines?\b",
    re.IGNORECASE,
)


def _planted(ev: EventReport) -> bool:
    """A bomb its bombers planted, drove in or wore (a car bomb, a suicide attack)?"""
    if ev.sub_event_type == "Suicide bomb":
        return True
    return ev.sub_event_type in _BOMBINGS and bool(_PLANTED_RE.search(ev.evidence))


def _other_weapon(ev: EventReport, later: EventReport) -> bool:
    """Is one a planted bomb and the other no bombing? A bomb is planted or driven in by its
    own bombers: whoever flew strikes, shelled the district or fought in the area did not set
    it off ("A car bomb hit a bus ... The city has seen fighting between X and Y", "...
    a day after air strikes by X killed 26"): the later sentence tells another event."""
    if _planted(ev):
        return later.sub_event_type not in _BOMBINGS
    # an air strike is no bomber's; a fight may open with a bombing by one of its sides
    return ev.sub_event_type == "Air/drone strike" and later.sub_event_type in _BOMBINGS


# A later sentence that says its dead are part of a toll told before ("Twelve children and
# 11 fighters were among the dead", "five of them were soldiers")
_AMONG_THE_DEAD = re.compile(
    r"\bamong (?:the |those )?(?:dead|killed|victims|fatalities|them|those killed)\b"
    r"|\b(?:of|among) (?:them|whom)\b",
    re.IGNORECASE,
)


def _count_out_fighters(kept: list[EventReport]) -> list[EventReport]:
    """A generic total taken as civilian by default ("Air strikes killed 70 people") loses
    the fighters later sentences on the same scene count among those dead ("Twelve
    children and 11 fighters were among the dead": 59 civilians), as numbers.py does within
    one sentence. The parts must say they are among the toll, or add up to it with the
    civilians they count ("four civilians were killed ... another five rebels were
    killed" of nine dead); an armed toll that is neither is another event's."""
    out = list(kept)
    for i, ev in enumerate(out):
        total = ev.fatalities
        if event_family(ev.sub_event_type) != "violent" or not total:
            continue
        if ev.civilian_fatalities != total or not read_casualties(ev.evidence).civilians_by_default:
            continue
        armed = civilians = 0
        among = False
        for later in _violence_told_after(out, i):
            if (
                later.fatalities is None
                or later.civilian_fatalities is None
                or later.fatalities >= total
                or not _same_scene(ev, later.model_copy(update={"actor1": ev.actor1}))
            ):
                continue
            part_armed = later.fatalities - later.civilian_fatalities
            armed += part_armed
            civilians += later.civilian_fatalities
            among = among or (part_armed > 0 and bool(_AMONG_THE_DEAD.search(later.evidence)))
        if 0 < armed < total and (among or armed + civilians == total):
            out[i] = ev.model_copy(update={"civilian_fatalities": total - armed})
    return out


def _violence_told_after(events: list[EventReport], i: int) -> Iterator[EventReport]:
    """The violent events told in the sentences after event `i`, up to the look-ahead; a
    sentence that says it tells a new occurrence ("Separately, ...") ends them."""
    for later in events[i + 1 : i + 1 + PERPETRATOR_LOOKAHEAD_EVENTS]:
        if _NEW_EVENT_RE.search(later.evidence):
            return
        if event_family(later.sub_event_type) == "violent":
            yield later


def _same_scene(ev: EventReport, later: EventReport, days_before: int = 1) -> bool:
    """Could a later sentence's perpetrator be this event's? Same area, within a day (or
    `days_before` when the later sentence dates it earlier: a report tells what happened
    a day or two before it); its own toll may differ, as a later sentence often counts
    part of the dead ("three children and two women were among them") or one site."""
    if ev.date and later.date and not -1 <= (ev.date - later.date).days <= days_before:
        return False
    aligned = later.model_copy(update={"date": ev.date, "fatalities": None})
    return _compatible(ev, aligned)


def _casualty_only(ev: EventReport) -> bool:
    """A sentence that tells only who died ("Two soldiers were killed, the army said")."""
    text = ev.evidence
    return all(CASUALTY_VERBS.search(text[h.start : h.end]) for h in find_triggers(text))


def _follow_up_of(ev: EventReport, kept: list[EventReport]) -> int | None:
    """The earlier event a sentence elaborates, if it names no new occurrence."""
    if not kept or _NEW_EVENT_RE.search(ev.evidence):
        return None
    family = _family(ev.sub_event_type)
    casualty_only = _casualty_only(ev)
    anaphoric = bool(_ANAPHORA_RE.search(ev.evidence))
    if not (casualty_only or anaphoric):
        return None
    for j in range(len(kept) - 1, -1, -1):
        prev = kept[j]
        if _family(prev.sub_event_type) != family:
            continue
        if not casualty_only and prev.sub_event_type != ev.sub_event_type and family != "violent":
            return None
        if not _compatible(prev, ev):
            return None
        return j
    return None


def _retelling_of(ev: EventReport, kept: list[EventReport]) -> int | None:
    """The article's lead event, when a later sentence retells it.

    News states its story in the headline and lead, then retells it in the body with the
    figures and the perpetrator ("Air raids killed 10 ..." -> "Regime warplanes struck
    ... killing at least 10"). A coder codes that once: a later sentence of the same
    sub-type, in the lead's admin1 area, within a day of it, naming no other actor and no
    other toll, completes the lead event. A sentence that says it is a new occurrence
    ("separately", "in another ...") never does."""
    if not kept or _NEW_EVENT_RE.search(ev.evidence):
        return None
    lead = kept[0]
    if lead.sub_event_type != ev.sub_event_type:
        return None
    if lead.date is None or ev.date is None or abs((lead.date - ev.date).days) > 1:
        return None
    pa, pb = lead.location, ev.location
    if pa is None or pb is None or pa.admin1 is None or pa.admin1 != pb.admin1:
        return None
    if not _compatible(lead, ev.model_copy(update={"date": lead.date, "location": pa})):
        return None
    if lead.actor1 is not None and ev.actor1 is None and lead.fatalities is not None:
        return None  # nothing to add
    return 0


def _compatible(a: EventReport, b: EventReport) -> bool:
    if a.actor1 and b.actor1 and _name(a.actor1) != _name(b.actor1):
        return False
    if a.date and b.date and a.date != b.date and "day" == a.date_precision == b.date_precision:
        return False
    if _places_differ(a.location, b.location, within_admin1=True):
        return False
    return not (a.fatalities and b.fatalities and a.fatalities != b.fatalities)


_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3}


def _fold(prev: EventReport, ev: EventReport) -> EventReport:
    """Fill what the earlier mention lacks from the follow-up; the first telling leads."""
    update: dict[str, object] = {"evidence": f"{prev.evidence} {ev.evidence}"}
    for name in ("actor1", "actor2", "fatalities", "civilian_fatalities", "injured"):
        if getattr(prev, name) is None and getattr(ev, name) is not None:
            update[name] = getattr(ev, name)
    if _civilian_share(prev, ev) is not None:
        update["civilian_fatalities"] = ev.civilian_fatalities  # "... two soldiers among them"
    if prev.fatalities is None and ev.fatalities is not None and prev.certainty == "asserted":
        update["certainty"] = ev.certainty
        update["claimed_by"] = ev.claimed_by
    elif prev.claimed_by is None and ev.claimed_by is not None and ev.certainty == prev.certainty:
        update["claimed_by"] = ev.claimed_by
    if (
        prev.certainty == "asserted"
        and ev.certainty in {"alleged", "denied"}
        and "actor1" in update
    ):
        update["certainty"] = ev.certainty
        update["claimed_by"] = ev.claimed_by
    if _casualty_only(prev) and not _casualty_only(ev):
        update["sub_event_type"] = ev.sub_event_type
        update["event_type"] = ev.event_type
        if _PRECISION.get(ev.date_precision, 9) < _PRECISION.get(prev.date_precision, 9):
            # "soldiers were killed" with no day, then the attack told with its day: the
            # telling that says what happened says when
            update.update(date=ev.date, date_precision=ev.date_precision)
    if prev.location is None or (
        prev.location.reason == "report's dominant country"
        and ev.location is not None
        and ev.location.precision not in {"country", "unknown"}
    ):
        update["location"] = ev.location
    return prev.model_copy(update=update)


def _name(a: ActorRef | None) -> str | None:
    return None if a is None else (a.id or a.name.lower())


def _same(a: EventReport, b: EventReport) -> bool:
    if a.sub_event_type != b.sub_event_type or a.date != b.date:
        return False
    if _name(a.actor1) != _name(b.actor1) or a.actor1 is None:
        return False
    if a.actor2 and b.actor2 and _name(a.actor2) != _name(b.actor2):
        return False
    if _places_differ(a.location, b.location, within_admin1=False):
        return False
    return not (a.fatalities and b.fatalities and a.fatalities != b.fatalities)


def _places_differ(pa: PlaceRef | None, pb: PlaceRef | None, *, within_admin1: bool) -> bool:
    """Two named places that cannot be one event's: different names, neither only a
    country nor the report's fallback place (and, `within_admin1`, not in one province)."""
    if pa is None or pb is None or pa.name == pb.name:
        return False
    if "country" in {pa.precision, pb.precision}:
        return False
    if "report's dominant country" in {pa.reason, pb.reason}:
        return False
    return not (within_admin1 and pa.admin1 is not None and pa.admin1 == pb.admin1)


def _score(ev: EventReport) -> int:
    return (
        (ev.fatalities is not None) * 4
        + (ev.actor2 is not None) * 2
        + (ev.location is not None and ev.location.precision not in {"country", "unknown"})
        + (ev.certainty != "asserted")
    )


def _richer(a: EventReport, b: EventReport) -> EventReport:
    best, other = (a, b) if _score(a) >= _score(b) else (b, a)
    update: dict[str, object] = {}
    if best.location is None or (
        best.location.reason == "report's dominant country"
        and other.location is not None
        and other.location.precision not in {"country", "unknown"}
        and other.location.country == best.location.country
    ):
        update["location"] = other.location
    return best.model_copy(update=update) if update else best


actor_key = _name

__all__ = [
    "CLAIM_MAX_EVENTS",
    "MERGE_VERSION",
    "Claim",
    "Figures",
    "actor_key",
    "apply_follow_ups",
    "event_family",
    "last_violent",
    "merge_events",
]
