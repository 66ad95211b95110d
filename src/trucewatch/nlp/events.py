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
from trucewatch.nlp.context import ArticleContext, care_place, most_specific, reference_point
from trucewatch.nlp.context import dateline_end as _dateline_end
from trucewatch.nlp.crowds import protest_sides
from trucewatch.nlp.dates import resolve_date
from trucewatch.nlp.groupnames import group_variants
from trucewatch.nlp.lexicon import (
    ACCIDENT_RE,
    CASUALTY_VERBS,
    COMBATANT_NOUNS,
    CYBER_RE,
    SPEECH_VERBS,
    VENUE_WORDS,
    VICTIM_NOUNS,
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
    of_victims,
    town_by_apposition,
    weapon_model,
)
from trucewatch.nlp.numbers import read_casualties
from trucewatch.nlp.sides import (
    accused,
    agent_of_mentions,
    attacked_sides,
    city_before_attack,
    first_of_between,
    fought_with,
    led_by,
    name_of,
    role_victims,
    territory_loser,
)
from trucewatch.nlp.syntax import (
    FORCE_HEADS,
    WEAPON_HEADS,
    actor_text,
    clean,
    concessive,
    headline_capital,
    is_hypothetical,
    is_pronoun,
    kills_someone,
    named_compound,
    np_span,
    place_as_actor,
    proper_np,
    speech_verb_over,
    subject_of,
    token_at,
)
from trucewatch.nlp.text import Sentence

# v4: sub-types round 3; v5: merge.py, date words; v7: round 5 precision (described
# agreements, running summaries); v8: issue #4 (group name variants, scene-setting clauses
# lead last, recent "since" spans); v9: non-events (nonevents.py), weapon models and towns
# no actors, a state attacking a town fights for it, a clause's own subject is its author
EVENTS_VERSION = "trucewatch.nlp.events.v9"

_STATE_KINDS = {"state", "government", "external"}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
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


_DATE_WORDS = frozenset(
    {
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "today", "yesterday", "tonight"),
        *("morning", "afternoon", "evening", "night", "overnight", "dawn", "week", "weekend"),
        *("month", "year", "day"),
        # abbreviations, as page date lines print them ("AFP Friday 22 Jul 2016")
        *("jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat"),
    }
)
_NAMED_ENTS = frozenset({"ORG", "NORP", "GPE", "PERSON", "ACTOR"})
# Verbs whose subject suffered the event: "two policemen died", "soldiers were wounded".
_SUFFER_VERBS = frozenset(
    {"died", "die", "dies", "dying", "perished", "killed", "wounded", "injured", "hurt", "dead"}
)
_FORCE_NOUNS = COMBATANT_NOUNS | FORCE_HEADS | {"raiders", "units", "elements", "loyalists"}
_UNKNOWN_RE = re.compile(r"\b(?:unidentified|unknown|unnamed)\b", re.I)


def _named(tokens: list[Token]) -> bool:
    """Does an actor phrase name someone (a proper noun or entity), not just a common noun?"""
    for t in tokens:
        if t.lower_ in _DATE_WORDS or t.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
            continue
        if t.ent_type_ in _NAMED_ENTS or (t.tag_ in {"NNP", "NNPS"} and not t.ent_type_):
            return True
        # an unknown capitalised name the tagger took for a common noun ("Blackroot
        # raiders"); at the start of a sentence only when it names a fighting force
        if t.dep_ == "compound" and t.text[:1].isupper() and not t.ent_type_:
            first = t.i == t.sent.start
            if not first or t.head.lower_ in _FORCE_NOUNS:
                return True
    return False


def _resolve(
    ctx: ArticleContext, text: str, head: Token, on: dt.date | None, how: str
) -> ActorRef | None:
    """An actor phrase through the knowledge base; a common-noun phrase the KB does not know
    ("the director-general", "its units", "blasts") is no actor at all."""
    if head.lower_ in _DATE_WORDS or head.ent_type_ in {"DATE", "TIME"}:
        return None
    ref = ctx.actor(text, on, how)
    if ref.id is not None or ctx.kb is None:
        return ref
    words = set(text.split())
    span_tokens = [t for t in head.subtree if t.text in words] or [head]
    # "Syria's Nusra Front" -> the name the phrase ends in, before any modifier of it
    names = sorted(span_tokens, key=lambda t: t.i)
    for k in range(1, len(names) - 1):
        if names[k].tag_ in {"NNP", "NNPS"}:
            tail = head.doc[names[k].i : names[-1].i + 1].text
            alt = ctx.actor(tail, on, f"{how}; name {tail!r} the phrase ends in")
            if alt.id is not None and alt.kind not in _NEVER_ACTORS:
                return alt.model_copy(update={"text": text})
    # "Israeli special forces" -> try the demonym or name that modifies the phrase
    for t in span_tokens:
        if t.i != head.i and (
            t.ent_type_ in {"NORP", "GPE", "ORG", "ACTOR"}
            or t.tag_ == "NNP"
            or t.lower_ in FORCE_HEADS
        ):
            alt = ctx.actor(t.text, on, f"{how}; modifier {t.text!r}")
            if alt.id is not None:
                return alt.model_copy(update={"text": text})
    if head.lower_ in _FORCE_NOUNS and len(text.split()) > 1:
        # "Islamic State fighters", "Dunlending militiamen": the name before the force noun
        owner = text.rsplit(" ", 1)[0]
        alt = ctx.actor(owner, on, f"{how}; owner {owner!r}")
        if alt.id is not None and alt.kind not in _NEVER_ACTORS:
            return alt.model_copy(update={"text": text})
    for variant in group_variants(text):  # "Dunlending militiamen" -> "... militia"
        alt = ctx.actor(variant, on, f"{how}; group name {variant!r}")
        if alt.id is not None and alt.kind not in _NEVER_ACTORS:
            return alt.model_copy(update={"text": text})
    if _UNKNOWN_RE.search(text):
        return ref
    if not _named(span_tokens):
        return None
    if weapon_model(text) or town_by_apposition(head):
        return None  # "Su-34 bombers", "Barsalogho, a town": an aircraft, a place
    place = ctx.place(text)
    return None if place.id is not None else ref  # a known place is not an actor


def _agent(trigger: Token, doc: Doc, ctx: ArticleContext, on: dt.date | None) -> ActorRef | None:
    skip_before = _dateline_end(doc.text)
    named: ActorRef | None = None
    for text, how, head in _agent_text(trigger, doc, skip_before):
        ref = _resolve(ctx, text, head, on, how)
        if ref is not None and ref.kind not in _NEVER_ACTORS and not city_before_attack(head, ref):
            if ref.id is not None:
                return ref
            if not headline_capital(head):  # "Air Strikes": no name
                named = named or ref  # an unknown name, unless a known actor follows
    if named is not None:
        return named
    verb = trigger if trigger.tag_.startswith("VB") else trigger.head
    if any(c.dep_ == "nsubj" and c.tag_ in {"NN", "NNP"} for c in verb.children):
        return None  # "the federal government declared a truce": an author, if unknown
    # Fallback: an armed actor that is the subject of another clause of the sentence
    # ("Fighters of the Host attacked a police station, and two policemen died in the
    # gunfight"), never a speaker, a victim or a place in the dateline.
    for t in doc:
        if t.dep_ != "nsubj" or t.idx < skip_before or is_pronoun(t):
            continue
        verb = t.head
        if verb.lower_ in SPEECH_VERBS or verb.lower_ in _SUFFER_VERBS:
            continue
        if t.lower_ in VICTIM_NOUNS or t.ent_type_ in _PLACE_LABELS or of_victims(t):
            continue  # "crowds of civilians waited": bystanders, not a side
        if verb.dep_ in {"ccomp"} and speech_verb_over(verb) is None:
            continue
        name = _of_owner(t) or actor_text(t)
        if not name:
            continue
        ref = ctx.actor(name, on, f"subject {t.text!r} of {verb.text!r} in the same sentence")
        if ref.id is not None and ref.kind not in {*_NEVER_ACTORS, None}:
            return ref
    return None


# Who reports violence is never its author: victims, and monitors who count and claim.
_NEVER_ACTORS = frozenset({"civilians", "monitor"})


def _armed_forces(ref: ActorRef, ctx: ArticleContext, sub: str) -> ActorRef:
    """A state named as the author of violence acted through its armed forces, and ACLED
    codes it so ("Military Forces of Russia (2000-)"): the actor stays as the report names
    it ("Russia"), its ACLED name becomes its armed forces'. Sub-units and non-state actors
    keep their own."""
    if ref.id is None or ref.kind != "state" or ctx.kb is None:
        return ref
    state = ctx.kb.actor(ref.id)
    if state is None or state.parent is not None:
        return ref
    forces = ctx.kb.branch(state.id, "air" if sub == "Air/drone strike" else "military")
    if forces is None or not forces.acled_name:
        return ref
    return ref.model_copy(
        update={
            "acled_name": forces.acled_name,
            "reason": f"{ref.reason}; ACLED codes a state's violence to {forces.name}",
        }
    )


def _of_owner(head: Token) -> str | None:
    """ "Fighters of the Host of Mordor", "gunmen from the X" -> the named owner."""
    if head.lower_ not in COMBATANT_NOUNS | FORCE_HEADS | _ATTACKER_NOUNS | {
        "members",
        "units",
        "raiders",
        "elements",
    }:
        return None
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "from", "loyal"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (pobj.tag_ in {"NNP", "NNPS"} or pobj.ent_type_):
                    return proper_np(pobj)
                if pobj.dep_ == "pobj" and named_compound(pobj):  # "of the X terrorist group"
                    return clean(np_span(pobj).text)
    return None


def _agent_text(trigger: Token, doc: Doc, skip_before: int) -> list[tuple[str, str, Token]]:
    # 0. "Rohan accused Gondor of an air strike": the accused is the alleged author
    blamed = accused(trigger)
    if blamed is not None:
        return [blamed]
    # 1. "by X", also down a passive chain the trigger is subject of ("the strike was
    # suspected to have been carried out by X")
    chain = [trigger, trigger.head]
    if trigger.dep_ in {"nsubj", "nsubjpass"}:
        for _ in range(3):
            chain += [c for c in chain[-1].children if c.dep_ in {"xcomp", "ccomp"}][:1]
    for t in chain:
        for child in t.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not is_pronoun(pobj):
                        name = _of_owner(pobj) or name_of(pobj)
                        if name:
                            return [(name, f"agent 'by {name}'", pobj)]
    # 2. modifiers of the trigger noun or of the noun it modifies ("Russian bombing campaign")
    nouns = [trigger]
    if trigger.dep_ in {"compound", "amod"}:
        nouns.append(trigger.head)
    modifiers: list[tuple[str, str, Token]] = []
    for noun in nouns:
        if noun.tag_.startswith("NN"):
            for child in noun.lefts:
                if child.dep_ in {"amod", "compound", "poss", "nmod"} and not child.is_stop:
                    if child.lower_ in WEAPON_HEADS or child.i == trigger.i:
                        continue
                    if child.idx < skip_before or child.lower_ in _DATE_WORDS:
                        continue
                    leader = led_by(child)
                    if leader is not None:
                        # "US-led strikes", "Saudi-led coalition": the leader acted
                        modifiers.append((leader.text, f"leader {leader.text!r}", leader))
                        continue
                    if (
                        child.tag_ in {"NNP", "NNPS"}
                        or child.ent_type_ in _NAMED_ENTS
                        or child.lower_ in _ACTOR_MODIFIERS
                    ):
                        span = np_span(child)
                        how = f"modifier {span.text!r} of {noun.text!r}"
                        modifiers.append((clean(span.text), how, child))
                        # "Suspected Russian strikes": each word may be the actor
                        modifiers += [
                            (t.text, f"modifier {t.text!r} of {noun.text!r}", t)
                            for t in span
                            if (t.i != child.i and (t.ent_type_ in _NAMED_ENTS or t.tag_ == "NNP"))
                            or (t.i == child.i and len(span) > 1)  # "Fierce government"
                        ]
    if modifiers:
        return modifiers
    # 2b. "clashes between X and Y": X
    first = first_of_between(trigger)
    if first is not None:
        return [first]
    # 3. subject of the trigger verb, or of the verb the trigger noun depends on
    verb = trigger if trigger.tag_.startswith("VB") else None
    if verb is None and trigger.dep_ in {"nsubj", "nsubjpass"}:
        name = name_of(trigger)
        if name and trigger.lower_ not in WEAPON_HEADS:
            return [(name, f"subject {trigger.text!r}", trigger)]
        return []
    if verb is None:
        anc = trigger.head
        for _ in range(3):
            if anc.tag_.startswith("VB"):
                verb = anc
                break
            if anc.head is anc:
                break
            anc = anc.head
    if verb is None or (verb.lower_ in _SUFFER_VERBS and not kills_someone(verb)):
        return []
    subj = subject_of(verb)
    if subj is None or subj.dep_ == "nsubjpass":
        return []
    speaker = False
    if is_pronoun(subj):
        root_subj = subject_of(doc[subj.i].sent.root) if doc.has_annotation("DEP") else None
        if root_subj is None or is_pronoun(root_subj) or root_subj.i == subj.i:
            return []
        # "Rohan's army said it had answered with a drone strike": the speaker acted
        speaker = root_subj.head.lower_ in SPEECH_VERBS
        subj = root_subj
    if subj.lower_ in VICTIM_NOUNS or (subj.head.lower_ in SPEECH_VERBS and not speaker):
        return []
    # the subject, then what the parser hung on it: an apposition after a dateline
    # ("PELARGIR - Corsairs ... fought"), conjuncts ("troops and Host fighters fought")
    heads = [subj, *[c for c in subj.children if c.dep_ in {"appos", "conj"}]]
    heads += [g for c in heads[1:] for g in c.children if g.dep_ == "conj"]
    out = []
    for head in heads:
        if head.idx < skip_before or head.lower_ in VICTIM_NOUNS or is_pronoun(head):
            continue
        name = _of_owner(head) or name_of(head)
        if name and name.lower() not in {"who", "that", "which"}:
            out.append((name, f"subject {head.text!r} of {verb.text!r}", head))
    return out


# Who carried out an attack, named by what they did: "a suicide bomber from X" -> X.
_ATTACKER_NOUNS = frozenset(
    {"bomber", "bombers", "attacker", "attackers", "gunman", "assailant", "assailants"}
)
# Common adjectives that name a side ("regime barrel bombs", "rebel shelling").
_ACTOR_MODIFIERS = frozenset(
    {"regime", "government", "rebel", "jihadist", "coalition", "militant", "insurgent", "army"}
)


def _target(
    trigger: Token, doc: Doc, ctx: ArticleContext, on: dt.date | None, sub: str
) -> ActorRef | None:
    victims = [
        t
        for t in doc
        if t.lower_ in VICTIM_NOUNS
        and t.dep_ in {"dobj", "nsubjpass", "pobj", "conj", "nsubj", "appos"}
        and not (
            t.dep_ == "nsubj"
            and t.head.lower_ not in {"killed", "died", "wounded", "injured", "dead"}
        )
    ]
    if victims and sub not in {"Armed clash", "Agreement"}:
        v = victims[0]
        return ctx.civilians(np_span(v).text, on)
    side = _other_side(trigger, doc, ctx, on, sub)
    if side is not None:
        return side
    for t in (trigger, trigger.head):
        for child in t.children:
            if child.dep_ in {"dobj", "nsubjpass"} and t.tag_.startswith("VB"):
                if child.ent_type_ in _PLACE_LABELS or child.lower_ in WEAPON_HEADS:
                    continue
                if (
                    child.lower_ in COMBATANT_NOUNS
                    or child.tag_ in {"NNP", "NNPS"}
                    or (child.lower_ in FORCE_HEADS)
                ):
                    name = _of_owner(child) or actor_text(child)
                    if name:
                        ref = _resolve(ctx, name, child, on, f"target {child.text!r} of {t.text!r}")
                        if ref is not None:
                            return ref
            if child.dep_ == "prep" and child.lower_ in {"against", "on", "with", "targeting"}:
                for pobj in child.children:
                    if pobj.dep_ != "pobj" or pobj.ent_type_ in _PLACE_LABELS:
                        continue
                    if pobj.tag_ in {"NNP", "NNPS"} or pobj.lower_ in FORCE_HEADS | COMBATANT_NOUNS:
                        name = _of_owner(pobj) or actor_text(pobj)
                        if name:
                            ref = _resolve(ctx, name, pobj, on, f"'{child.text} {name}'")
                            if ref is not None:
                                return ref
    if sub not in {"Agreement", *_TERRITORY} and SUB_TO_TYPE[sub] != "Protests":
        for text, how, _head in role_victims(trigger, doc):
            ref = ctx.actor(text, on, how)
            if ref.id is not None and ref.kind not in _NEVER_ACTORS:
                return ref
    return None


def _other_side(
    trigger: Token, doc: Doc, ctx: ArticleContext, on: dt.date | None, sub: str
) -> ActorRef | None:
    """The side fought, hit or pushed out: the second party of a fight, the loser of
    ground, the owner of positions or units attacked (sides.py reads the parse)."""
    if sub == "Agreement" or SUB_TO_TYPE[sub] == "Protests":
        return None
    verb = trigger if trigger.tag_.startswith("VB") else None
    if verb is None and trigger.head.tag_.startswith("VB"):
        verb = trigger.head
    found = []
    if SUB_TO_TYPE[sub] == "Battles":
        found += fought_with(trigger, verb)
    if sub in _TERRITORY:
        found += territory_loser(trigger, doc)
    found += attacked_sides(trigger)
    for text, how, head in found:
        ref = _resolve(ctx, text, head, on, how)
        if ref is not None and ref.kind not in _NEVER_ACTORS:
            return ref
    return None


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
    named = [e for e in doc.ents if e.label_ in _PLACE_LABELS and e.text[:1].isupper()]
    # talks; the wounded; a person's name ("Abu al-Hassan")
    named = [e for e in named if not (_venue(e.root) or care_place(e) or ctx.not_a_place(e))]
    # no datelines, speakers' capitals; "the Idlib town of X" puts X first
    ents = ctx.told_places(named, _dateline_end(doc.text))
    # "north of X", "15 km from X": a reference point; any other place named is the event's
    anchors = {e.start for e in ents if reference_point(e)}
    here = [ctx.place(e.text) for e in ents if e.start not in anchors]
    # attached to the trigger ("shelling in X", "killed ... in the town of X")
    for t in [trigger, *list(trigger.ancestors)[:2]]:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for e in ents:
                    up = {a.i for a in list(e.root.ancestors)[:3]}  # "in the town of X"
                    if e.start not in anchors and child.i in up:
                        ref = ctx.place(e.text)
                        if _specific(ref):
                            return most_specific(ref, here)

    def rank(e: Span) -> tuple[bool, bool, int]:
        # places inside the report's country first, reference points last, then the nearest
        ref = ctx.place(e.text)
        abroad = bool(ctx.country and ref.country and ref.country != ctx.country)
        return abroad, e.start in anchors, min(abs(e.start - trigger.i), abs(e.end - trigger.i))

    ents.sort(key=rank)
    for e in ents:
        ref = ctx.place(e.text)
        if _specific(ref):
            return most_specific(ref, here)
    ents = ents or [e for e in named if not place_as_actor(e.root)] or named
    lead = ctx.article_place()
    if lead is not None:
        return lead
    if ents:
        return ctx.place(ents[0].text)
    if ctx.country_place is not None:
        return ctx.country_place.model_copy(update={"reason": "report's dominant country"})
    return None


def _specific(ref: PlaceRef) -> bool:
    """A resolved place below country level (a country or an unknown name says too little
    to code the event's admin area)."""
    return ref.id is not None and ref.precision not in {"country", "unknown"}


def _with_country_precision(place: PlaceRef | None) -> PlaceRef | None:
    return place


_GENERIC_BLAST = re.compile(r"(?i)(?:blast|explosion|explod|detonat)")
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
        hits = [
            h
            for h in hits
            if not (
                h.sub_event_type == "Remote explosive/landmine/IED"
                and _GENERIC_BLAST.match(text[h.start : h.end])
            )
            and not (h.sub_event_type == "Attack" and text[h.start : h.end].startswith("kill"))
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
    by_family: dict[str, tuple[Hit, Token]] = {}
    for hit in sorted(hits, key=lambda h: (h.rank, h.start)):
        family = _family(hit.sub_event_type)
        if family in by_family:
            continue
        token = token_at(doc, hit.start, hit.end)
        if token is None or is_hypothetical(token):
            continue
        if hit.sub_event_type == "Agreement" and (
            concessive(token) or temporal_reference(token) or dating_clause(text, hit.start)
        ):
            continue
        if ceased(token) or aircraft_moving(token):
            continue  # "fighting had stopped", "warplanes flew home": no event
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
        if hit.sub_event_type in {"Armed clash", "Agreement"} and token.dep_ == "acl":
            # "rebel groups fighting Assad", "ceasefires brokered by Qatar": a participle
            # describing a noun names it, it does not report a new event
            continue
        by_family[family] = (hit, token)
    _drop_parts(by_family, casualties.fatalities)
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
        by_family.values(),
        key=lambda p: (temporal_reference(p[1]), _lead_rank(p[0], blast_dead)),
    )
    for hit, token in ordered:
        sub = hit.sub_event_type
        actor1 = _agent(token, doc, ctx, date)
        if actor1 is None and _family(sub) == "violent":
            spans = [(h.start, h.end) for h in hits if _family(h.sub_event_type) == "violent"]
            actor1 = agent_of_mentions(doc, spans, token, lambda t: _agent(t, doc, ctx, date))
        actor2 = _target(token, doc, ctx, date, sub)
        if actor2 is not None and actor1 is not None and _name(actor1) == _name(actor2):
            actor2 = None
        sub = _refine(sub, actor1, text[hit.start : hit.end], text[: hit.start])
        if sub in _TERRITORY and actor1 is None:
            sub = _by_loser(sub, token, ctx, date)
        certainty, claimed_by = read_certainty(token, doc, sent, ctx)
        violent = SUB_TO_TYPE[sub] in _VIOLENT
        if violent and actor1 is not None:
            actor1 = _armed_forces(actor1, ctx, sub)
        if SUB_TO_TYPE[sub] == "Protests":
            actor1, actor2 = protest_sides(sub, actor1, actor2, ctx, date)
        events.append(
            EventReport(
                event_type=SUB_TO_TYPE[sub],
                sub_event_type=sub,
                actor1=actor1,
                actor2=actor2,
                location=_place(token, doc, ctx),
                date=date,
                date_precision=precision,  # type: ignore[arg-type]
                fatalities=casualties.fatalities if violent or not events else None,
                civilian_fatalities=casualties.civilian_fatalities if violent else None,
                injured=casualties.injured if violent else None,
                certainty=certainty,
                claimed_by=claimed_by,
                evidence=text,
                article_id=ctx.article.id,
                extractor=EVENTS_VERSION,
            )
        )
        if violent:
            casualties = type(casualties)()  # figures belong to the lead violent event
    return events


_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


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
        if depth > 0 and t.lower_ in _SUFFER_VERBS:
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
