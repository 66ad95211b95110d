"""Events from candidate sentences: trigger -> sub-type, then agent, target, place, date,
figures and certainty read off the sentence's dependency parse.

One sentence yields at most one event per ACLED event type (the trigger with the lowest
rank leads). Threats, conditions and demands ("could enter", "if the truce fails",
"stop the air strikes") are not events and are skipped; agreements mentioned in a
concessive aside ("despite agreeing to the truce") are references to an earlier event.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from trucewatch.model.event import SUB_TO_TYPE, ActorRef, Certainty, EventReport, PlaceRef
from trucewatch.nlp.certainty import read_certainty
from trucewatch.nlp.context import (
    ArticleContext,
    care_place,
    most_specific,
    news_start,
    reference_point,
)
from trucewatch.nlp.crowds import protest_sides
from trucewatch.nlp.dates import resolve_date
from trucewatch.nlp.lexicon import (
    ACCIDENT_RE,
    CASUALTY_VERBS,
    CYBER_RE,
    SPEECH_VERBS,
    VENUE_WORDS,
)
from trucewatch.nlp.matching import (
    Hit,
    background_span,
    find_triggers,
    is_candidate,
    recent_since,
    temporal_reference,
)
from trucewatch.nlp.merge import actor_key as _name
from trucewatch.nlp.merge import event_family as _family
from trucewatch.nlp.merge import merge_events
from trucewatch.nlp.nonevents import (
    aircraft_moving,
    ceased,
    dating_clause,
    described,
    general_use,
    motive_or_suspicion,
    standing_charge,
)
from trucewatch.nlp.numbers import read_casualties
from trucewatch.nlp.parties import (
    PLACE_LABELS,
    SUFFER_VERBS,
    TERRITORY,
    agent,
    armed_forces,
    ground_left_by,
    handover_sides,
    target,
)
from trucewatch.nlp.sides import (
    agent_of_mentions,
)
from trucewatch.nlp.syntax import (
    actor_text,
    concessive,
    is_hypothetical,
    place_as_actor,
    speech_verb_over,
    token_at,
)
from trucewatch.nlp.text import Sentence

# v4: sub-types round 3; v5: merge.py, date words; v7: round 5 precision (described
# agreements, running summaries); v8: issue #4 (group name variants, scene-setting clauses
# lead last, recent "since" spans); v9: non-events (nonevents.py), weapon models and towns
# no actors, a state attacking a town fights for it, a clause's own subject is its author
# v10: accidents told before ("the explosion occurred at the plant"), clashes at a protest are
# the protest's, no publication date: month- or year-dated events are history, "is being
# used to hit civilians" (nonevents v2)
# v11: of one family's triggers, one in a clause a span of time apart ("a day after") is
# chosen last
# v12 (parties.py): the dead fell to whom they fought; a killing's object is the dead; "mines
# planted by X"; a country's name tag yields to a side; another clause's subject only acts
# v13: a participle the parse hangs on the noun after it ("fighters battling forces loyal
# to X") reports no clash; a photo caption run into a sentence places no event
# v14 (gold round 10): a violent event told in an "after ..." clause with its own doer is
# its own event (the dead its clause tells are its); agreements told in relative clauses,
# property described as destroyed and standing charges are no events; a handover's taker
# leads; ground taken from a side told as leaving it; places looked up in the country the
# sentence names
# v15: a motive ("revenge for the arrest of ...") or a suspicion is no event, nor an event
# named again to say what it was ("the rocket was a Falaq-1"); a vehicle that "lost control"
# is an accident; (parties.py) "unidentified" names no one, "A" after a dateline is an
# article, and a clause's accuser ("...; X blames Y") is never the attacker
# v16 (parties.py, syntax.py): "killed in X shelling" with the modifier stranded by the
# parse names X; a country's name on fighting ("Syria fighting kills 20") or on another
# group's name ("Syria's al Qaeda offshoot") is where, not who; a demonym on a thing inside
# the phrase ("a Syrian weapons depot blast") and a backer ("Iran-backed") are no author;
# hyphenated names the phrase ends in are found; "troops killed in clashes with X" names X;
# "thought to be by X" under a participle; a pronoun past a nearer subject is not the
# sentence's subject; a "where ..." clause lends no author; a capital after a date line is
# no name
# v17: an event told over a list of places ("blasts hit A, B and C") is coded at the first
# v18 (parties.py): "two guards were killed and three were wounded when their patrol was
# ambushed": the killed conjunct names the victims' side; (sides.py) "took X after a
# battle with Y": Y lost the ground
EVENTS_VERSION = "trucewatch.nlp.events.v18"

_STATE_KINDS = {"state", "government", "external"}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_PLACE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "around",
    "across",
    "inside",
    "on",
    "into",
    "of",
    "from",
    "towards",
    "toward",
}


def _venue(token: Token) -> bool:
    for t in (token, token.head, token.head.head, token.head.head.head):
        if t.lower_ in VENUE_WORDS:
            return True
    return False


def _place(trigger: Token, doc: Doc, ctx: ArticleContext) -> PlaceRef | None:
    """The event's place: a place attached to the trigger ("shelling in X"), else the
    sentence's place nearest the trigger that resolves below country level, else (as a
    coder reads on) the article's lead place, else the nearest place named at all, else
    the report's dominant country."""
    named = [e for e in doc.ents if e.label_ in PLACE_LABELS and e.text[:1].isupper()]
    # talks; the wounded; a person's name ("Abu al-Hassan")
    named = [e for e in named if not (_venue(e.root) or care_place(e) or ctx.not_a_place(e))]
    # no datelines, speakers' capitals; "the Idlib town of X" puts X first
    start = news_start(doc.text)
    ents = ctx.told_places(named, start)
    own = ctx.sentence_country(doc, start)  # "strikes on southern X"
    # "north of X", "15 km from X": a reference point; any other place named is the event's
    anchors = {e.start for e in ents if reference_point(e)}
    here = [ctx.place(e.text, own) for e in ents if e.start not in anchors]
    # attached to the trigger ("shelling in X", "killed ... in the town of X")
    for t in [trigger, *list(trigger.ancestors)[:2]]:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for e in ents:
                    up = {a.i for a in list(e.root.ancestors)[:3]}  # "in the town of X"
                    if e.start not in anchors and child.i in up:
                        ref = _first_listed(e, ents, ctx, own)
                        if _specific(ref):
                            return most_specific(ref, here)

    def rank(e: Span) -> tuple[bool, bool, int]:
        # places inside the report's country first, reference points last, then the nearest
        ref = ctx.place(e.text, own)
        abroad = bool(ctx.country and ref.country and ref.country != ctx.country)
        return abroad, e.start in anchors, min(abs(e.start - trigger.i), abs(e.end - trigger.i))

    ents.sort(key=rank)
    for e in ents:
        ref = _first_listed(e, ents, ctx, own)
        if _specific(ref):
            return most_specific(ref, here)
    ents = ents or [e for e in named if not place_as_actor(e.root)] or named
    lead = ctx.article_place()
    if lead is not None:
        return lead
    if ents:
        return ctx.place(ents[0].text, own)
    if ctx.country_place is not None:
        return ctx.country_place.model_copy(update={"reason": "report's dominant country"})
    return None


_LIST_JOINS = frozenset({",", "and", "&", "or", "as", "well"})


def _first_listed(e: Span, ents: list[Span], ctx: ArticleContext, own: str | None) -> PlaceRef:
    """The place for a mention that is one of a list ("blasts hit A, B and C", a flattened
    "attacks in A B & C"): an event told over several places is coded at the first named,
    as the story's own order puts it; any other mention is itself."""
    ref = ctx.place(e.text, own)
    if not _specific(ref):
        return ref
    by_end = {x.end: x for x in ents}
    first, current = e, e
    while True:
        i = current.start
        while i > 0 and current.doc[i - 1].lower_ in _LIST_JOINS:
            i -= 1
        before = by_end.get(i)
        if before is None or before.start >= current.start:
            break
        current = before
        cand = ctx.place(current.text, own)
        if not _specific(cand) or (ctx.country and cand.country != ctx.country):
            break
        first = current
    return ref if first is e else ctx.place(first.text, own)


def _specific(ref: PlaceRef) -> bool:
    """A resolved place below country level (a country or an unknown name says too little
    to code the event's admin area)."""
    return ref.id is not None and ref.precision not in {"country", "unknown"}


def _with_country_precision(place: PlaceRef | None) -> PlaceRef | None:
    return place


_GENERIC_BLAST = re.compile(r"(?i)(?:blast|explosion|explod|detonat)")
# "the explosion", "this blast": a noun that points back to one already told
_ANAPHORIC = re.compile(r"(?i)\b(?:the|this|that)\s+$")


def _generic_blast(text: str, hit: Hit) -> bool:
    """A blast word naming no weapon ("exploded", "the explosion"): an IED only when an
    attack is told; in a sentence about a furnace or a gas tank it is an accident."""
    return hit.sub_event_type == "Remote explosive/landmine/IED" and bool(
        _GENERIC_BLAST.match(text[hit.start : hit.end])
    )


_EXPLOSIVE_SUBS = {
    "Remote explosive/landmine/IED",
    "Grenade",
    "Shelling/artillery/missile attack",
    "Air/drone strike",
}
# Events this long before the report's date, dated by the sentence itself, are history.
HISTORY_DAYS = 60  # tuned on the gold suite's background sentences; ACLED codes recent events


def _is_background_tense(token: Token) -> bool:
    """Narrated past perfect ("had been abducted") or an ongoing state ("have been fighting
    since ..."): background to the news, not a new event. Reported speech is exempt."""
    verb = token if token.tag_.startswith("VB") else None
    if verb is None:
        return False
    auxes = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    perfect_progressive = (
        verb.tag_ == "VBG" and "been" in auxes and ({"has", "have", "had"} & set(auxes))
    )
    if perfect_progressive:
        return True
    if (
        {"has", "have"} & set(auxes)
        and not recent_since(verb)
        and any(c.lower_ == "since" and c.dep_ in {"prep", "advmod", "mark"} for c in verb.children)
    ):
        return True  # "since then the group has fought in small raids": a running summary
    return "had" in auxes and speech_verb_over(verb) is None


def events_in_sentence(
    sent: Sentence,
    doc: Doc,
    ctx: ArticleContext,
    last_date: tuple[dt.date | None, str] | None,
) -> list[EventReport]:
    """The events one parsed sentence reports (none for threats, demands, background)."""
    text = sent.text
    ignore = background_span(text)
    hits = find_triggers(text, ignore)
    accident = _accident(text)
    if accident:
        # "a boiler exploded", "a gas explosion": accidents, not remote violence
        ctx.accident_told = ctx.accident_told or any(_generic_blast(text, h) for h in hits)
        hits = [
            h
            for h in hits
            if not _generic_blast(text, h)
            and not (h.sub_event_type == "Attack" and text[h.start : h.end].startswith("kill"))
        ]
    elif ctx.accident_told:
        # "The explosion occurred at the plant's ...": the accident told before, again
        hits = [
            h for h in hits if not (_generic_blast(text, h) and _ANAPHORIC.search(text[: h.start]))
        ]
    if CYBER_RE.search(text):
        # "hackers attacked the ministry's website": not an armed attack
        hits = [h for h in hits if not text[h.start : h.end].lower().startswith("attack")]
    casualties = read_casualties(text, ignore)
    if not hits and casualties.fatalities and not accident:
        # "Five people were killed in X": no weapon named; civilians -> Attack; soldiers or
        # police killed in "attacks" -> Armed clash (ACLED: violence between armed sides).
        kill = CASUALTY_VERBS.search(text)
        if kill and not (ignore and ignore[0] <= kill.start() < ignore[1]):
            if casualties.civilian_fatalities:
                hits = [Hit("Attack", 99, kill.start(), kill.end())]
            elif _ARMED_VICTIMS_RE.search(text) and _ATTACK_WORD_RE.search(text):
                hits = [Hit("Armed clash", 99, kill.start(), kill.end())]
    if not hits:
        return []
    found = resolve_date(text, ctx.published)
    if (
        found is not None
        and found[0] is not None
        and ctx.published is not None
        and (ctx.published - found[0]).days > HISTORY_DAYS
    ):
        return []  # "The Host seized Cair Andros in 2019": history, not news
    # no publication date to measure against: a report tells its news by the day or
    # weekday; an event dated only "in 2019" or "in October 2017" is history
    history = (
        found is not None
        and found[0] is not None
        and ctx.published is None
        and found[1] in {"month", "year"}
    )
    by_family: dict[str, tuple[Hit, Token]] = {}
    for hit in sorted(hits, key=lambda h: (_sets_the_scene(doc, h), h.rank, h.start)):
        family = _family(hit.sub_event_type)
        token = token_at(doc, hit.start, hit.end)
        if family in by_family:
            if token is None or family != "violent" or CAUSE in by_family:
                continue
            if _own_clause(token) == _own_clause(by_family[family][1]):
                continue
            family = CAUSE  # "X struck after Y had attacked troops": two sides, two events
        if token is None or is_hypothetical(token):
            continue
        if _state_not_act(doc, hit):
            continue  # "searched the destroyed houses": what was destroyed, not when
        if hit.sub_event_type == "Agreement" and (
            concessive(token) or temporal_reference(token) or dating_clause(text, hit.start)
        ):
            continue
        if ceased(token) or aircraft_moving(token) or general_use(token):
            continue  # "fighting had stopped", "warplanes flew home": no event
        if motive_or_suspicion(token) or described(token):
            continue  # "revenge for the arrest of its leaders": a motive, not an event
        if found is None and standing_charge(token):
            continue  # "Rohan accuses Gondor of arming the rebels": a standing charge
        if history and not _year_elsewhere(token, doc):
            continue
        if _despite(token):
            continue  # "talks began despite the air strikes": background to the news
        if _in_negation(token) or _is_background_tense(token):
            continue
        absolute = sent.start + hit.start
        # a passage in quote marks with nobody saying it (a quoted dateline, a pasted
        # field) is narration, not rhetoric
        quoted = any(s <= absolute < e for s, e, who in ctx.quote_spans if who is not None)
        if quoted and not casualties.fatalities:
            continue  # rhetoric inside a quote ("they bomb our markets") is not a report
        if hit.sub_event_type in {"Armed clash", "Agreement"} and (
            token.dep_ == "acl" or (token.dep_ == "amod" and token.tag_ == "VBG")
        ):
            # "rebel groups fighting Assad", "ceasefires brokered by Qatar": a participle
            # describing a noun names it, it does not report a new event; so does one the
            # parse hangs on the noun after it ("fighters battling forces loyal to X")
            continue
        if hit.sub_event_type == "Agreement" and _in_relative_clause(doc, hit):
            # "the ceasefire that took effect on May 2", "factions that have signed up to
            # the truce": a relative clause says which truce or who is party to it
            continue
        by_family[family] = (hit, token)
    _drop_parts(by_family, casualties.fatalities)
    _clash_at_protest(by_family, hits, text)
    if found is None:
        if last_date is not None:
            date, precision = last_date
        else:
            date, precision = ctx.published, ("week" if ctx.published else "unknown")
    else:
        date, precision = found
    events: list[EventReport] = []
    lead_violent = by_family.get("violent")
    blast_dead = bool(casualties.fatalities) and (
        lead_violent is not None and lead_violent[0].sub_event_type in _EXPLOSIVE_SUBS
    )
    # an event named in an "after"/"before" clause sets the scene for the main clause's one
    ordered = sorted(
        by_family.items(),
        key=lambda p: (temporal_reference(p[1][1]), _lead_rank(p[1][0], blast_dead)),
    )
    # two violent events: the figures go to the one whose clause tells the dead
    owner = _figures_owner(by_family, text) if CAUSE in by_family else None
    for family, (hit, token) in ordered:
        if owner is not None and family != owner and _family(hit.sub_event_type) == "violent":
            casualties_here = type(casualties)()
        else:
            casualties_here = casualties
        sub = hit.sub_event_type
        actor1 = agent(token, doc, ctx, date)
        if actor1 is None and _family(sub) == "violent":
            spans = [(h.start, h.end) for h in hits if _family(h.sub_event_type) == "violent"]
            actor1 = agent_of_mentions(doc, spans, token, lambda t: agent(t, doc, ctx, date))
        actor2 = target(token, doc, ctx, date, sub)
        if family == "violent" and CAUSE in by_family and _told_in(actor2, by_family[CAUSE][1]):
            actor2 = None  # those hit in the "after ..." event were not hit by this one
        if actor2 is not None and actor1 is not None and _name(actor1) == _name(actor2):
            actor2 = None
        if sub == "Non-violent transfer of territory" and actor1 is not None:
            sides = handover_sides(token, doc, ctx, date, actor1)
            if sides is not None:
                actor1, actor2 = sides  # "X entered the town as Y's troops left"
        sub = _refine(sub, actor1, text[hit.start : hit.end], text[: hit.start])
        if sub in TERRITORY and actor1 is None:
            sub = _by_loser(sub, token, ctx, date)
        location = _place(token, doc, ctx)
        if sub in TERRITORY and actor2 is None and location is not None:
            actor2 = ground_left_by(location.id, ctx, actor1)  # "troops pulled out of X"
        certainty, claimed_by = read_certainty(token, doc, sent, ctx)
        violent = SUB_TO_TYPE[sub] in _VIOLENT
        if violent and actor1 is not None:
            actor1 = armed_forces(actor1, ctx, sub)
        if SUB_TO_TYPE[sub] == "Protests":
            actor1, actor2 = protest_sides(sub, actor1, actor2, ctx, date)
        events.append(
            EventReport(
                event_type=SUB_TO_TYPE[sub],
                sub_event_type=sub,
                actor1=actor1,
                actor2=actor2,
                location=location,
                date=date,
                date_precision=precision,  # type: ignore[arg-type]
                fatalities=casualties_here.fatalities if violent or not events else None,
                civilian_fatalities=casualties_here.civilian_fatalities if violent else None,
                injured=casualties_here.injured if violent else None,
                certainty=certainty,
                claimed_by=claimed_by,
                evidence=text,
                article_id=ctx.article.id,
                extractor=EVENTS_VERSION,
            )
        )
        if violent and casualties_here is casualties:
            casualties = type(casualties)()  # figures belong to the lead violent event
    return events


# The family key of a second violent event told in its own "after ..." clause.
CAUSE = "violent-cause"
_CLAUSE_MARKS = frozenset({"after", "before"})


def _own_clause(token: Token) -> Token | None:
    """The verb of the "after ..."/"before ..." clause a trigger sits in, when its own verb
    names a doer ("after militants had attacked troops"); None in the main clause. Such a
    clause tells an earlier event by another side, not part of the main one."""
    verb = token if token.tag_.startswith("VB") else token.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for t in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS for c in t.children):
            if subject is None or subject.tag_.startswith(("PRP", "WDT", "WP")):
                return None  # "after they were hit": the same story told on
            return t
    return None


def _figures_owner(by_family: dict[str, tuple[Hit, Token]], text: str) -> str:
    """Which of two violent events (main clause, "after ..." clause) the sentence's dead
    belong to: the one whose clause holds the casualty verb ("..., killing two soldiers")."""
    _, token = by_family[CAUSE]
    clause = _own_clause(token)
    if clause is None:
        return "violent"
    sub = list(clause.subtree)
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
    kills = [m.start() for m in CASUALTY_VERBS.finditer(text)]
    return CAUSE if kills and all(start <= k < end for k in kills) else "violent"


def _told_in(ref: ActorRef | None, token: Token) -> bool:
    """Is an actor named only inside the "after ..." clause of `token`?"""
    clause = _own_clause(token)
    if ref is None or not ref.text or clause is None:
        return False
    sub = list(clause.subtree)
    text = token.doc.text
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
    return ref.text in text[start:end] and ref.text not in text[:start] + " " + text[end:]


def _state_not_act(doc: Doc, hit: Hit) -> bool:
    """ "The destroyed houses", "a looted shop": a participle before its noun describes a
    state the property is in, told as the scene of other news, not the destruction itself."""
    if hit.sub_event_type != "Looting/property destruction":
        return False
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span is not None and len(span) > 1 and span[0].dep_ == "amod"


def _in_relative_clause(doc: Doc, hit: Hit) -> bool:
    """Is an agreement phrase told in a relative clause ("the truce that took effect",
    "factions that have signed the deal")? That names a truce or its parties."""
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "relcl" for t in span)


def _accident(text: str) -> bool:
    """Does the sentence name an accident or disaster? A capitalised disaster word inside the
    sentence is part of a name ("the Storm Corps", "Operation Desert Storm", "Typhoon
    jets"), not weather."""
    for m in ACCIDENT_RE.finditer(text):
        word = m.group(0)
        if (
            word[:1].isupper()
            and m.start() > 0
            and not text[: m.start()].rstrip().endswith((".", "!", "?", ":", "\n"))
        ):
            continue
        return True
    return False


_SPANS_OF_TIME = frozenset(
    {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months"}
)


def _sets_the_scene(doc: Doc, hit: Hit) -> bool:
    """Is the hit's event named in a clause set a span of time apart ("rebels shelled a
    school a day after air strikes on another killed 22", "hours before")? That earlier
    event dates the sentence's news; the main clause's event, even of a lesser-ranked
    sub-type, is what the sentence reports. A bare "after" often tells the same event's
    cause ("protesters were killed after police fired on them"): that clause stays."""
    token = token_at(doc, hit.start, hit.end)
    if token is None or not temporal_reference(token):
        return False
    for t in [token, *list(token.ancestors)[:3]]:
        marks = [t] if t.lower_ in {"after", "before"} else []
        marks += [c for c in t.children if c.dep_ == "mark" and c.lower_ in {"after", "before"}]
        for mark in marks:
            owner = mark if mark.dep_ == "prep" else mark.head
            if any(
                c.dep_ == "npadvmod" and c.lower_ in _SPANS_OF_TIME and c.i < mark.i
                for c in owner.children
            ):
                return True
    return False


def _lead_rank(hit: Hit, blast_dead: bool) -> float:
    """Which of a sentence's events leads. Weapons found or defused kill no one: when the
    sentence counts the dead of an explosion it also names, the explosion comes first."""
    if hit.sub_event_type == "Disrupted weapons use" and blast_dead:
        return 50.0
    return hit.rank


_ARMED_VICTIMS_RE = re.compile(
    r"\b(?:soldiers?|troops|policemen|police(?:men| officers?)?|security (?:forces|personnel"
    r"|officers)|servicemen|guards|militants|fighters|rebels|insurgents|militiamen)\b",
    re.I,
)
_ATTACK_WORD_RE = re.compile(r"\battack(?:s|ed)?\b", re.I)


def _by_loser(sub: str, token: Token, ctx: ArticleContext, on: dt.date | None) -> str:
    """ "The Nusra terrorists were pushed back from ...": with no winner named, the side
    that lost ground decides which way the territory went."""
    verb = token if token.tag_.startswith("VB") else token.head
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            name = actor_text(child)
            if not name:
                continue
            ref = ctx.actor(name, on, f"passive subject {child.text!r} lost ground")
            if ref.id is None or ref.kind is None:
                continue
            state = ref.kind in _STATE_KINDS
            return (
                "Non-state actor overtakes territory" if state else "Government regains territory"
            )
    return sub


def _drop_parts(by_family: dict[str, tuple[Hit, Token]], fatalities: int | None) -> None:
    """Secondary triggers that describe part of the lead event, as a coder would read them:
    a withdrawal under fire is part of the battle, property burnt in a riot is the riot,
    protesters detained are the intervention, a bomb found and defused did not explode."""
    subs = {hit.sub_event_type for hit, _ in by_family.values()}
    if "violent" in by_family:
        by_family.pop("Non-violent transfer of territory", None)
    if "demo" in by_family:
        looting = by_family.pop("Looting/property destruction", None)
        hit, token = by_family["demo"]
        concrete = looting is not None and not _ABSTRACT_DAMAGE.match(
            looting[1].doc.text[looting[0].start : looting[0].end]
        )
        if concrete and hit.sub_event_type == "Peaceful protest":
            # property burnt or smashed at a protest: ACLED's violent demonstration
            by_family["demo"] = (Hit("Violent demonstration", hit.rank, hit.start, hit.end), token)
        elif fatalities and hit.sub_event_type == "Protest with intervention":
            # people killed when a protest was dispersed: lethal force on protesters
            by_family["demo"] = (
                Hit("Excessive force against protesters", hit.rank, hit.start, hit.end),
                token,
            )
        demo = by_family["demo"][0].sub_event_type
        if (
            demo in {"Violent demonstration", "Mob violence"}
            and "violent" in by_family
            and not fatalities
            and by_family["violent"][0].sub_event_type in _EXPLOSIVE_SUBS
        ):
            by_family.pop("violent")  # rocks, fireworks and projectiles thrown by rioters
        if demo in {"Protest with intervention", "Excessive force against protesters"}:
            by_family.pop("Arrests", None)
    if (
        "Disrupted weapons use" in subs
        and "violent" in by_family
        and not fatalities
        and by_family["violent"][0].sub_event_type in _EXPLOSIVE_SUBS
    ):
        by_family.pop("violent")


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _year_elsewhere(token: Token, doc: Doc) -> bool:
    """Does the sentence's year sit in a clause describing a noun, away from the trigger
    ("stole the railway, which was built in 1913")? Then it dates that noun, not the event."""
    for m in _YEAR.finditer(doc.text):
        year = token_at(doc, m.start(), m.end())
        if year is None:
            continue
        for t in [year, *year.ancestors]:
            if t.i == token.i:
                break
            if t.dep_ in {"relcl", "acl"} and token not in t.subtree:
                return True
    return False


def _clash_at_protest(by_family: dict[str, tuple[Hit, Token]], hits: list[Hit], text: str) -> None:
    """ "Protesters were killed during demonstrations and clashes": the clashes are the
    protesters', not a battle between armed sides; and protesters who clash are no longer
    peaceful, so ACLED codes the whole as a violent demonstration (force used against a
    violent crowd is not excessive force against protesters), unless it says "peaceful"."""
    if "demo" not in by_family or "violent" not in by_family:
        return
    clash, _ = by_family["violent"]
    if clash.sub_event_type != "Armed clash" or not text[clash.start :].lower().startswith("clash"):
        return
    told = [
        h
        for h in hits
        if h.sub_event_type == "Violent demonstration" and h.start <= clash.start < h.end
    ]
    if not told:
        return
    by_family.pop("violent")
    hit, token = by_family["demo"]
    if hit.sub_event_type != "Violent demonstration" and "peaceful" not in text.lower():
        by_family["demo"] = (Hit("Violent demonstration", hit.rank, hit.start, hit.end), token)


def _despite(token: Token) -> bool:
    """The trigger sits in a "despite ..." or "undeterred by ..." adjunct (not "while", which
    is often temporal): the concession names an earlier event as background."""
    return any(
        t.lower_ in {"despite", "notwithstanding", "undeterred", "unbowed", "unfazed"}
        for t in token.ancestors
    )


# "attacks on property", "destruction of property": often what a protest denounces, so
# these nouns alone do not make the protest violent.
_ABSTRACT_DAMAGE = re.compile(r"(?i)(?:attack|destruction|damag|vandalism)")


def _in_negation(token: Token) -> bool:
    """ "no one claimed", "had no knowledge of any clashes", "did not strike": negated.
    A negated casualty ("no one was killed in the strike") does not negate the strike, nor
    a negated main clause its relative clause ("the calm did not reach X, where Y attacked")."""
    chain = [token, *list(token.ancestors)[:3]]
    for depth, t in enumerate(chain):
        if depth > 0 and t.lower_ in SUFFER_VERBS:
            return False
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return True
        if any(
            c.dep_ in {"nsubj", "nsubjpass"}
            and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
            for c in t.children
        ):
            return True
        if t.lower_ in SPEECH_VERBS or t.dep_ == "relcl":
            break
    return False


_GOV_WORDS = re.compile(
    r"\b(?:army|government|regime|troops|soldiers|forces|military|troopers|police|marines"
    r"|command)\b",
    re.I,
)


_REBEL_WORDS = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|terrorists?|militias?|militiamen"
    r"|guerrillas?|separatists?|gunmen)\b",
    re.I,
)


def _refine(sub: str, actor1: ActorRef | None, text: str, before: str = "") -> str:
    """Territory changes: who took it decides the sub-type; a state's bombs fall from the air.

    `text` is the trigger phrase, `before` the sentence up to it (an unresolved subject such
    as "Troopers from the X Command" still says which side it is)."""
    if (
        sub == "Remote explosive/landmine/IED"
        and re.match(r"(?i)bomb", text)
        and (
            actor1 is not None
            and (
                actor1.kind in _STATE_KINDS or (actor1.country is not None and actor1.kind is None)
            )
        )
    ):
        return "Air/drone strike"
    if sub == "Attack" and text.startswith("attacked") and actor1 and actor1.kind in _STATE_KINDS:
        return "Armed clash"  # a state's forces attacking a town fight for it
    if sub in {"Government regains territory", "Non-state actor overtakes territory"}:
        if actor1 is not None and _REBEL_WORDS.search(actor1.text or actor1.name):
            state = False  # "Houthi rebels took control": the phrase says who they are
        elif actor1 is not None and actor1.kind is not None:
            state = actor1.kind in _STATE_KINDS
        else:
            state = actor1 is not None and bool(_GOV_WORDS.search(actor1.text or actor1.name))
        if actor1 is None:
            state = bool(re.search(r"\b(?:recaptur|retook|retak|regain|liberat)", text, re.I))
            near = before[-80:]
            if _GOV_WORDS.search(near) and not _REBEL_WORDS.search(near):
                state = True
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    return sub


__all__ = [
    "EVENTS_VERSION",
    "Certainty",
    "background_span",
    "events_in_sentence",
    "find_triggers",
    "is_candidate",
    "merge_events",
]
