"""Who acted in an event and against whom: the agent and target phrases read off a
sentence's parse, resolved through the knowledge base to actors.

sides.py finds candidate phrases with a coder's reason; this module picks among them, asks
the knowledge base who they are and falls back on the article's context (its country,
the state whose forces it names). Split from events.py, which decides what happened.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from trucewatch.model.event import SUB_TO_TYPE, ActorRef
from trucewatch.nlp.context import ArticleContext
from trucewatch.nlp.context import dateline_end as _dateline_end
from trucewatch.nlp.groupnames import group_variants
from trucewatch.nlp.lexicon import (
    COMBATANT_NOUNS,
    SPEECH_VERBS,
    VICTIM_NOUNS,
)
from trucewatch.nlp.matching import find_triggers
from trucewatch.nlp.nonevents import (
    AIRCRAFT_NOUNS,
    of_victims,
    town_by_apposition,
    weapon_model,
)
from trucewatch.nlp.sides import (
    accused,
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
    antecedent,
    clean,
    headline_capital,
    is_pronoun,
    kills_someone,
    named_compound,
    np_span,
    proper_np,
    speech_verb_over,
    subject_of,
)

TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
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
SUFFER_VERBS = frozenset(
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


_WORD_RE = re.compile(r"\w+|[^\w\s]")


def _home_country(modifier: Token, last: Token, ref: ActorRef) -> bool:
    """ "Syria's al Qaeda offshoot", "Yemen's Houthis": a country's own name on another
    group's proper name (the word the phrase ends in) says where the group fights; the
    state is no author. Its demonym on a force ("Israeli special forces") is its own."""
    name = (ref.name or "").lower()
    return (
        ref.kind == "state"
        # the name itself or its possessive, the apostrophe lost or not ("Syrias")
        and modifier.lower_ in {name, f"{name}s", f"{name}'s"}
        and modifier.i < last.i
        and last.tag_ in {"NNP", "NNPS"}
        and last.lower_ not in _FORCE_NOUNS
    )


def _backer(modifier: Token) -> bool:
    """ "the Iran-backed group", "a Gondor-supported militia": the backer is not the group."""
    doc = modifier.doc
    after = doc[modifier.i + 1 : modifier.i + 3]
    return any(t.lower_ in _SUPPORT_VERBS for t in after) and (
        modifier.head.lower_ in _SUPPORT_VERBS or any(t.text == "-" for t in after)
    )


def _owns_a_thing(modifier: Token, head: Token) -> bool:
    """ "a Syrian weapons depot blast", "the Gondorian capital's market": a demonym or name
    on a common noun for a thing or place inside the phrase says whose the thing is or
    where, not who attacked; on the phrase's head or a force ("Israeli special forces",
    "Russian jets") it names the side."""
    owner = modifier.head
    return (
        modifier.i != head.i
        and owner.i != head.i
        and owner.i != modifier.i
        and owner.tag_ in {"NN", "NNS"}
        and owner.lower_ not in _FORCE_NOUNS | WEAPON_HEADS | AIRCRAFT_NOUNS | _ACTOR_MODIFIERS
    )


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
    # the phrase's words as the tokenizer splits them ("al-Nusra" is three tokens)
    words = set(_WORD_RE.findall(text))
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
            if alt.id is not None and not (
                _home_country(t, names[-1], alt) or _owns_a_thing(t, head) or _backer(t)
            ):
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
    if not _named([t for t in span_tokens if not _owns_a_thing(t, head)]):
        return None
    if weapon_model(text) or town_by_apposition(head):
        return None  # "Su-34 bombers", "Barsalogho, a town": an aircraft, a place
    place = ctx.place(text)
    return None if place.id is not None else ref  # a known place is not an actor


def agent(trigger: Token, doc: Doc, ctx: ArticleContext, on: dt.date | None) -> ActorRef | None:
    skip_before = _dateline_end(doc.text)
    named: ActorRef | None = None
    country_word: ActorRef | None = None
    for text, how, head in _agent_text(trigger, doc, skip_before):
        ref = _resolve(ctx, text, head, on, how)
        if ref is not None and ref.kind not in _NEVER_ACTORS and not city_before_attack(head, ref):
            if ref.id is not None and _where_fighting(head, ref):
                continue  # "Syria fighting kills 20": where, not who
            if ref.id is not None and _country_word(head, ref):
                country_word = country_word or ref  # unless a side is named beside it
            elif ref.id is not None:
                return ref
            elif not headline_capital(head):  # "Air Strikes": no name
                named = named or ref  # an unknown name, unless a known actor follows
    if country_word is not None:
        return country_word
    if named is not None:
        return named
    verb = trigger if trigger.tag_.startswith("VB") else trigger.head
    if any(
        c.dep_ == "nsubj" and c.tag_ in {"NN", "NNP"} and c.i != trigger.i for c in verb.children
    ):
        # "the federal government declared a truce": an author, if unknown; the trigger
        # itself as subject ("fresh fighting shook the city as X battled") is no author
        return None
    # Fallback: an armed actor that is the subject of another clause of the sentence
    # ("Fighters of the Host attacked a police station, and two policemen died in the
    # gunfight"), never a speaker, a victim or a place in the dateline.
    for t in doc:
        if t.dep_ != "nsubj" or t.idx < skip_before or is_pronoun(t):
            continue
        verb = t.head
        if verb.lower_ in SPEECH_VERBS or verb.lower_ in SUFFER_VERBS:
            continue
        if verb.lower_ in _ACCUSING_VERBS:
            continue  # "...; Israel blames Hezbollah": the accuser, not the attacker
        if t.lower_ in VICTIM_NOUNS or t.ent_type_ in PLACE_LABELS or of_victims(t):
            continue  # "crowds of civilians waited": bystanders, not a side
        if any(
            c.dep_ == "acl" and c.lower_ in SUFFER_VERBS and not kills_someone(c)
            for c in t.children
        ):
            continue  # "ten troops killed in clashes ...": the dead, not their killers
        if verb.dep_ in {"ccomp"} and speech_verb_over(verb) is None:
            continue
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            continue  # "the province where X is fighting Y": the war at the place
        if (
            (_sets_the_scene(verb) or verb.lower_ in _HAVE_VERBS | _STANCE_VERBS)
            and not _peaceful(trigger, doc)
            and not _acts_violently(verb, doc)
        ):
            continue  # "as members gathered", "Syria has 8% left", "X believes": not acting
        name = _of_owner(t) or actor_text(t)
        if not name:
            continue
        ref = ctx.actor(name, on, f"subject {t.text!r} of {verb.text!r} in the same sentence")
        if ref.id is not None and ref.kind not in {*_NEVER_ACTORS, None}:
            if _where_fighting(t, ref):
                continue
            return ref
    return None


# Verbs whose subject accuses or condemns: never the author of the violence it speaks of.
_ACCUSING_VERBS = frozenset(
    {
        *("blame", "blames", "blamed", "blaming", "accuse", "accuses", "accused", "accusing"),
        *("condemn", "condemns", "condemned", "condemning", "deny", "denies", "denied"),
    }
)
# An armed side moving in on ground ("troops advanced", "Tigrayan forces entered Mekelle")
# or breaking a truce ("government forces breached the truce with air strikes").
_ADVANCE_VERBS = frozenset(
    {
        *("advance", "advances", "advanced", "advancing", "enter", "enters", "entered"),
        *("entering", "pushed", "pushing", "breached", "breaching", "violated", "violating"),
    }
)
_ACTION_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _acts_violently(verb: Token, doc: Doc) -> bool:
    """Is a word itself one for fighting, attacking or taking ground ("battled",
    "attacked", "seized")? Only such a clause's subject is a side in the sentence's violent
    event."""
    # "the army managed to encircle them", "jets continued to pound the town": the action
    # is the verb's complement
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    if any(v.lower_ in _ADVANCE_VERBS for v in verbs):
        return True  # "the army advances in X, kills 140": an armed side on the move
    for hit in find_triggers(doc.text):
        if any(hit.start <= v.idx < hit.end for v in verbs) and (
            SUB_TO_TYPE[hit.sub_event_type] in _ACTION_TYPES or hit.sub_event_type in TERRITORY
        ):
            return True
    return False


def _peaceful(trigger: Token, doc: Doc) -> bool:
    """Is the event word one for a peaceful development ("declared a truce", "handed
    over")? Its author may be any clause's subject, not only one who fights."""
    hits = [h for h in find_triggers(doc.text) if h.start <= trigger.idx < h.end]
    return bool(hits) and not any(
        SUB_TO_TYPE[h.sub_event_type] in _ACTION_TYPES or h.sub_event_type in TERRITORY
        for h in hits
    )


_HAVE_VERBS = frozenset({"has", "have", "had"})
# Verbs of a stance, not an act: "the United States believes ...", "the Council seeks ...".
_STANCE_VERBS = frozenset(
    {
        *("believe", "believes", "believed", "think", "thinks", "thought", "seek", "seeks"),
        *("sought", "urge", "urges", "urged", "underscore", "underscores", "underscored"),
        *("stress", "stresses", "stressed", "demand", "demands", "demanded", "want", "wants"),
        *("wanted", "hope", "hopes", "hoped", "condemn", "condemns", "condemned", "welcome"),
        *("welcomes", "welcomed", "express", "expressed", "expresses", "fear", "fears"),
        "feared",
    }
)
_SCENE_MARKS = frozenset({"as", "while", "after", "before", "since", "until", "when"})


def _sets_the_scene(verb: Token) -> bool:
    """ "... went off as worshippers gathered", "... as two powers worked on a truce": an
    adverbial clause that tells what went on around the event, not who did it."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _SCENE_MARKS for c in verb.children
    )


def _country_word(head: Token, ref: ActorRef) -> bool:
    """ "Syria rebel rocket", "Iraq army shelling": a country's own name (not its demonym)
    modifying the attack word, as headlines tag the country where it happened. It is the
    author only when no other side is named on the same word."""
    return (
        ref.kind == "state"
        and head.dep_ in {"compound", "nmod"}
        and head.lower_ == (ref.name or "").lower()
    )


def _where_fighting(head: Token, ref: ActorRef) -> bool:
    """ "Syria fighting kills 20", "Yemen clashes": a country's own name on a word for
    fighting between sides names the war's country, not one of its sides."""
    if ref.kind != "state":
        return False
    for word in (head, *head.children):  # the phrase's head, or its modifier
        if word.lower_ != (ref.name or "").lower():
            continue
        near = [*word.children, word.head]
        if any(abs(t.i - word.i) == 1 and t.lower_ in _FIGHT_NOUNS for t in near):
            return True
    return False


# Verbs of leaving ground: in a handover, their subject is the side that gave it up.
_LEAVING = frozenset(
    {
        *("left", "leave", "leaving", "withdrew", "withdrawn", "withdrawing", "pulled"),
        *("pulling", "retreated", "retreating", "departed", "vacated", "abandoned"),
    }
)


def handover_sides(
    trigger: Token, doc: Doc, ctx: ArticleContext, on: dt.date | None, leaver: ActorRef
) -> tuple[ActorRef, ActorRef] | None:
    """ "X's fighters entered the city as Y's troops left": ACLED codes a non-violent transfer
    to the side that takes the ground (actor1) from the side that leaves it (actor2). The
    leaver is the trigger's subject; the taker is a known actor that is another clause's
    subject. None when the trigger is no leaving verb or nobody else is named."""
    verb = trigger if trigger.tag_.startswith("VB") else trigger.head
    if verb.lower_ not in _LEAVING or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    for t in doc:
        if t.dep_ != "nsubj" or t.head.i == verb.i or is_pronoun(t):
            continue
        if t.head.lower_ in SPEECH_VERBS or t.head.lower_ in _LEAVING:
            continue
        name = _of_owner(t) or actor_text(t)
        if not name:
            continue
        ref = ctx.actor(name, on, f"subject {t.text!r} of {t.head.text!r}")
        if ref.id is None or ref.kind in {*_NEVER_ACTORS, None} or ref.id == leaver.id:
            continue
        why = f"{ref.reason}; took the ground the other side left"
        return ref.model_copy(update={"reason": why}), leaver
    return None


def note_withdrawals(doc: Doc, ctx: ArticleContext, on: dt.date | None) -> None:
    """ "Government troops began pulling out of X": remember which known side left which
    place, so a later "the rebels took control of the town" knows whom they took it from."""
    for verb in doc:
        if verb.lower_ not in _LEAVING or not verb.tag_.startswith("VB"):
            continue
        subj = subject_of(verb)
        if subj is None or is_pronoun(subj):
            continue
        name = _of_owner(subj) or actor_text(subj)
        ref = ctx.actor(name, on, f"subject {subj.text!r} of {verb.text!r}") if name else None
        if ref is None or ref.id is None or ref.kind in {*_NEVER_ACTORS, None}:
            continue
        inside = {t.i for t in subj.subtree}
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS and ent.root in verb.subtree and ent.start not in inside:
                place = ctx.place(ent.text)
                if place.id is not None:
                    why = f"{ref.reason}; left {ent.text}, the ground taken"
                    ctx.withdrawals.append((place.id, ref.model_copy(update={"reason": why})))


def ground_left_by(
    place_id: str | None, ctx: ArticleContext, taker: ActorRef | None
) -> ActorRef | None:
    """The side the report told as leaving this place, other than the one taking it."""
    for pid, side in reversed(ctx.withdrawals):
        if place_id is not None and pid == place_id and (taker is None or side.id != taker.id):
            return side
    return None


# Who reports violence is never its author: victims, and monitors who count and claim.
_NEVER_ACTORS = frozenset({"civilians", "monitor"})


def armed_forces(ref: ActorRef, ctx: ArticleContext, sub: str) -> ActorRef:
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
    # ... and down a participle describing the trigger noun ("mines planted by X", "shells
    # fired by X killed ..."): who planted or fired the weapon carried out the attack, but
    # not its backer ("a government offensive backed by Russian air power")
    described = [
        c
        for c in trigger.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ not in _SUPPORT_VERBS
    ]
    for participle in described:
        # "air strikes thought to be by X", "believed to have been carried out by X"
        chain.append(participle)
        for _ in range(2):
            chain += [c for c in chain[-1].children if c.dep_ == "xcomp"][:1]
    for t in chain:
        for child in t.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not is_pronoun(pobj):
                        name = _of_owner(pobj) or name_of(pobj) or _aircraft_owner(pobj)
                        if name:
                            return [(name, f"agent 'by {name}'", pobj)]
    # 1b. "... attacked the field, killing 30 pro-regime gunmen": a trigger noun that is the
    # object of a killing names the dead, and its modifiers their side; the killer is the
    # subject of the killing (or of the clause it completes)
    if trigger.dep_ == "dobj" and kills_someone(trigger.head):
        kill = trigger.head
        subj = subject_of(kill)
        if subj is None and kill.dep_ == "acl" and kill.head.head.tag_.startswith("VB"):
            subj = subject_of(kill.head.head)  # "X attacked the field, killing 30 guards"
        if subj is None or is_pronoun(subj) or subj.dep_ == "nsubjpass":
            return []
        name = _of_owner(subj) or name_of(subj)
        return [(name, f"subject {subj.text!r} of {trigger.head.text!r}", subj)] if name else []
    # 1c. "ten Gondorian troops killed in clashes with X": a trigger noun for fighters told
    # as killed names the dead; their modifiers are their own side, the killer whom they fought
    if trigger.lower_ in _FORCE_NOUNS | COMBATANT_NOUNS:
        dead = [
            c
            for c in trigger.children
            if c.dep_ == "acl" and c.lower_ in SUFFER_VERBS and not kills_someone(c)
        ]
        if trigger.dep_ == "nsubjpass" and trigger.head.lower_ in SUFFER_VERBS:
            dead.append(trigger.head)
        if dead:
            return _fight_of_the_dead(dead[0])
    # 2. modifiers of the trigger noun or of the noun it modifies ("Russian bombing campaign")
    nouns = [trigger]
    if trigger.dep_ in {"compound", "amod"}:
        nouns.append(trigger.head)
    modifiers: list[tuple[str, str, Token]] = []
    for noun in nouns:
        if noun.tag_.startswith("NN"):
            for child in noun.lefts:
                # "US airstrikes": "US" is a stop word ("us") only in lower case
                # ("A rocket" after a dateline is tagged NNP too: one letter is an article)
                stop = child.is_stop and not (
                    child.tag_ == "NNP" and child.text.isupper() and len(child.text) > 1
                )
                if child.dep_ in {"amod", "compound", "poss", "nmod"} and not stop:
                    if child.lower_ in WEAPON_HEADS or child.i == trigger.i:
                        continue
                    if child.idx < skip_before or child.lower_ in _DATE_WORDS:
                        continue
                    if _UNKNOWN_RE.fullmatch(child.text):
                        continue  # "unidentified gunmen": a word saying no one is named
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
    stranded = _stranded_modifier(trigger)
    if stranded is not None:
        span = np_span(stranded)
        how = f"modifier {span.text!r} of {trigger.text!r}"
        modifiers.append((clean(span.text), how, stranded))
    if modifiers:
        return modifiers
    # 2b. "clashes between X and Y": X
    first = first_of_between(trigger)
    if first is not None:
        return [first]
    # 3. subject of the trigger verb, or of the verb the trigger noun depends on
    verb = trigger if trigger.tag_.startswith("VB") else None
    if verb is not None and trigger.lower_ in _FIGHT_NOUNS and trigger.dep_ in {"pcomp", "advcl"}:
        # "nine fighters were killed in fighting against X", "two died fighting X"
        gov = next((a for a in trigger.ancestors if a.tag_.startswith("VB")), None)
        if gov is not None and gov.lower_ in SUFFER_VERBS and not kills_someone(gov):
            return _fought_by_the_dead(trigger, gov)
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
    if verb is not None and verb.lower_ in SUFFER_VERBS and not kills_someone(verb):
        # "ten soldiers were killed in clashes with X": the dead fell to the side they
        # fought, and that side is who the report says did the killing
        return _fought_by_the_dead(trigger, verb)
    if verb is None:
        return []
    subj = subject_of(verb)
    if subj is None or subj.dep_ == "nsubjpass":
        return []
    speaker = False
    if is_pronoun(subj):
        root_subj = subject_of(doc[subj.i].sent.root) if doc.has_annotation("DEP") else None
        if root_subj is None or is_pronoun(root_subj) or root_subj.i == subj.i:
            return []
        if any(t.dep_ == "nsubj" for t in doc[root_subj.i + 1 : subj.i]):
            # "police learned that one of the bombers threw a grenade before he blew
            # himself up": "he" is the nearer subject, not the sentence's
            return []
        # "Rohan's army said it had answered with a drone strike": the speaker acted
        speaker = root_subj.head.lower_ in SPEECH_VERBS
        subj = root_subj
    # a speaker is no author, unless the trigger is the speech ("X declared a ceasefire")
    said = subj.head.lower_ in SPEECH_VERBS and subj.head.i != trigger.i
    if subj.lower_ in VICTIM_NOUNS or (said and not speaker):
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


def _stranded_modifier(trigger: Token) -> Token | None:
    """ "killed in regime shelling", "in Gondorian bombing": the parse may take the word
    before a gerund for the preposition's object and the gerund for a clause of its own;
    the word is the gerund's modifier, the side that shelled or bombed."""
    if trigger.tag_ != "VBG" or trigger.i == 0:
        return None
    before = trigger.doc[trigger.i - 1]
    if before.dep_ != "pobj" or before.head.i != before.i - 1 or before.head.dep_ != "prep":
        return None
    named = before.tag_ in {"NNP", "NNPS"} or before.ent_type_ in _NAMED_ENTS
    return before if named or before.lower_ in _ACTOR_MODIFIERS else None


_FIGHT_NOUNS = frozenset(
    {"clashes", "clash", "fighting", "battles", "battle", "combat", "gunfight", "firefight"}
)


def _fought_by_the_dead(trigger: Token, verb: Token) -> list[tuple[str, str, Token]]:
    """ "N soldiers were killed in clashes with X" / "N died fighting X": X, the side the
    dead fought. Only when the subject is the dead (a passive killing or "died")."""
    subj = subject_of(verb)
    if subj is None or (subj.dep_ != "nsubjpass" and verb.lower_ == "killed"):
        return []
    if trigger.lower_ not in _FIGHT_NOUNS:
        return []
    return _opponent(trigger)


def _opponent(fight: Token) -> list[tuple[str, str, Token]]:
    """X in "clashes with X", "fighting against X"."""
    for child in fight.children:
        if child.dep_ == "prep" and child.lower_ in {"with", "against"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and not is_pronoun(pobj):
                    name = _of_owner(pobj) or name_of(pobj)
                    if name:
                        return [(name, f"'{child.text} {name}', who the dead fought", pobj)]
    return []


def _fight_of_the_dead(verb: Token) -> list[tuple[str, str, Token]]:
    """The side named in "killed in clashes with X" under a killing verb of the dead."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}:
            for fight in prep.children:
                if fight.dep_ == "pobj" and fight.lower_ in _FIGHT_NOUNS:
                    return _opponent(fight)
    return []


def _aircraft_owner(noun: Token) -> str | None:
    """ "by planes from the X coalition", "by jets belonging to X": whose aircraft."""
    if noun.lower_ not in AIRCRAFT_NOUNS:
        return None
    for child in noun.rights:
        if child.dep_ in {"prep", "acl"} and child.lower_ in {"from", "of", "belonging"}:
            for pobj in child.subtree:
                if pobj.dep_ == "pobj" and pobj.tag_.startswith("NN"):
                    return clean(np_span(pobj).text) or None
    return None


# Who helped an act along without doing it: "an offensive backed by X".
_SUPPORT_VERBS = frozenset(
    {"backed", "supported", "aided", "assisted", "helped", "covered", "funded", "armed"}
)
# Who carried out an attack, named by what they did: "a suicide bomber from X" -> X.
_ATTACKER_NOUNS = frozenset(
    {"bomber", "bombers", "attacker", "attackers", "gunman", "assailant", "assailants"}
)
# Common adjectives that name a side ("regime barrel bombs", "rebel shelling").
_ACTOR_MODIFIERS = frozenset(
    {"regime", "government", "rebel", "jihadist", "coalition", "militant", "insurgent", "army"}
)


def target(
    trigger: Token, doc: Doc, ctx: ArticleContext, on: dt.date | None, sub: str
) -> ActorRef | None:
    """Against whom: victims, the other side of a fight, the owner of what was hit."""
    ref = _target(trigger, doc, ctx, on, sub)
    bare = ref is not None and (ref.text or "").lower() in _BARE_TROOPS
    if bare or (ref is None and _hits_bare_troops(trigger)):
        # "its military said militants attacked troops": the speaker's own troops
        return _speakers_troops(trigger, ctx, on) or ref
    return ref


def _hits_bare_troops(trigger: Token) -> bool:
    """Is the trigger's object unowned troops ("attacked troops", "fired on soldiers")?"""
    verb = trigger if trigger.tag_.startswith("VB") else trigger.head
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in _BARE_TROOPS:
            return True
        aimed = child.dep_ == "prep" and child.lower_ in {"on", "at", "against", "upon"}
        if aimed and any(g.dep_ == "pobj" and g.lower_ in _BARE_TROOPS for g in child.children):
            return True
    return False


# Unowned troops: whose they are is the report's to say.
_BARE_TROOPS = frozenset({"troops", "soldiers", "soldier", "servicemen", "forces", "army"})
# Speakers who report for a state's armed forces.
_MILITARY_SPEAKERS = frozenset({"military", "army", "forces", "command", "ministry"})
_STATE_KINDS = frozenset({"state", "government"})


def _speakers_troops(trigger: Token, ctx: ArticleContext, on: dt.date | None) -> ActorRef | None:
    """A state's military that reports an attack on unnamed troops speaks of its own ("Gondor
    struck after its army said raiders had attacked troops"): the troops are that state's,
    not those of the country the report is about."""
    verb = speech_verb_over(trigger)
    subj = subject_of(verb) if verb is not None else None
    if subj is None or subj.lower_ not in _MILITARY_SPEAKERS:
        return None
    for child in subj.children:
        owner: Token | None = None
        if child.dep_ == "poss":
            owner = antecedent(child) if is_pronoun(child) else child
        elif child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE"}:
            owner = child
        if owner is None:
            continue
        name = proper_np(owner) if owner.tag_ in {"NNP", "NNPS"} else owner.text
        ref = ctx.actor(name, on, "speaker's own troops")
        if ref.id is not None and ref.kind in _STATE_KINDS:
            why = f"troops of the speaker '{child.text} {subj.text}' ({name}): {ref.reason}"
            return ref.model_copy(update={"text": name, "reason": why})
    return None


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
    verbs = [trigger, trigger.head]
    if trigger.head.dep_ == "conj" and trigger.head.head.tag_.startswith("VB"):
        # "two guards were killed and three were wounded when their patrol was ambushed":
        # the clause hangs on "wounded", whose first conjunct tells who was killed
        verbs.append(trigger.head.head)
    for t in verbs:
        for child in t.children:
            if child.dep_ in {"dobj", "nsubjpass"} and t.tag_.startswith("VB"):
                if child.ent_type_ in PLACE_LABELS or child.lower_ in WEAPON_HEADS:
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
                    if pobj.dep_ != "pobj" or pobj.ent_type_ in PLACE_LABELS:
                        continue
                    if pobj.tag_ in {"NNP", "NNPS"} or pobj.lower_ in FORCE_HEADS | COMBATANT_NOUNS:
                        name = _of_owner(pobj) or actor_text(pobj)
                        if name:
                            ref = _resolve(ctx, name, pobj, on, f"'{child.text} {name}'")
                            if ref is not None:
                                return ref
    if sub not in {"Agreement", *TERRITORY} and SUB_TO_TYPE[sub] != "Protests":
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
    if sub in TERRITORY:
        found += territory_loser(trigger, doc)
    found += attacked_sides(trigger)
    for text, how, head in found:
        ref = _resolve(ctx, text, head, on, how)
        if ref is not None and ref.kind not in _NEVER_ACTORS:
            return ref
    return None
