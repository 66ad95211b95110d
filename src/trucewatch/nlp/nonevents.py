"""Trigger words that name no event: fighting said to stop, aircraft going home, a truce
named only to date the news, a weapon's model taken for its user.

Ceasefire news is full of these: "fighting had stopped on most fronts", "offensive
operations are to stop for two months", "the first warplanes flew home", "bombers leaving
the air base", "its first attack since a truce took effect". A coder codes none of them as
an event. Each rule reads the parse around one trigger token (or the text just before it),
so it holds for any report, not for one wording.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from trucewatch.nlp.lexicon import VICTIM_NOUNS

# v2: an attack verb as the purpose of a present "is being used to" / "uses ... to" (a
# complaint about a rule's use or a habit) is no event
# v3: a standing charge in the present tense ("X accuses Y of sending troops") is no event
# v4: what an act is said to avenge, or what a suspect is held on suspicion of, is no event;
# an event named again only to say what it was ("the rocket was a Falaq-1") is no new one
NONEVENTS_VERSION = "trucewatch.nlp.nonevents.v4"

_CHARGE_VERBS = frozenset({"accuse", "accuses", "blame", "blames", "charge", "charges"})

# Verbs saying that violence ended or is to end ("fighting stopped", "clashes subsided").
STOP_VERBS = frozenset(
    {
        *("stop", "stops", "stopped", "stopping", "end", "ends", "ended", "ending"),
        *("cease", "ceases", "ceased", "ceasing", "halt", "halts", "halted", "halting"),
        *("subside", "subsides", "subsided", "subsiding", "abate", "abated", "abating"),
        *("pause", "paused", "pausing", "die", "died", "dies"),  # "died down"
    }
)
# Nouns under which a trigger word only modifies the subject ("offensive military
# operations", "the fighting around the town").
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def ceased(token: Token) -> bool:
    """Is the trigger the subject of a verb saying violence stopped or is to stop?
    "Fighting had stopped on most fronts" reports calm, not a clash; "operations are to
    stop" states a term of a truce."""
    t = token
    while t.dep_ in _MODIFIER_DEPS and t.head.i != t.i:
        t = t.head
    if t.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = t.head
    if verb.lower_ in STOP_VERBS:
        return verb.lower_ not in {"die", "died", "dies"} or any(
            c.lower_ == "down" for c in verb.children
        )
    # "are to stop", "were expected to end": the stop verb is the copula's complement
    return any(c.dep_ == "xcomp" and c.lower_ in STOP_VERBS for c in verb.children)


# Aircraft nouns, and verbs that move an aircraft without striking anything.
AIRCRAFT_NOUNS = frozenset(
    {
        *("warplane", "warplanes", "plane", "planes", "jet", "jets", "aircraft", "bomber"),
        *("bombers", "helicopter", "helicopters", "drone", "drones", "gunship", "gunships"),
    }
)
MOVE_VERBS = frozenset(
    {
        *("leave", "leaves", "left", "leaving", "return", "returns", "returned", "returning"),
        *("land", "landed", "landing", "lands", "depart", "departed", "departing"),
        *("withdraw", "withdrew", "withdrawn", "withdrawing", "arrive", "arrived", "arriving"),
        *("redeploy", "redeployed", "relocate", "relocated", "head", "headed", "heading"),
    }
)
_FLY_VERBS = frozenset({"fly", "flew", "flown", "flying", "flies"})
_AWAY_WORDS = frozenset({"home", "back", "away", "out"})


def _moves(verb: Token) -> bool:
    if verb.lower_ in MOVE_VERBS:
        return True
    if verb.lower_ in _FLY_VERBS:
        # "flew home", "flew back to Russia", "flew out of Syria"; not "flew sorties over"
        return any(c.lower_ in _AWAY_WORDS for c in verb.children)
    return False


def aircraft_moving(token: Token) -> bool:
    """Is an aircraft trigger ("warplanes", "bombers") only moving: flying home, leaving
    or returning to a base? A withdrawal or redeployment is no air strike."""
    noun = token
    while noun.dep_ in _MODIFIER_DEPS and noun.head.i != noun.i:
        noun = noun.head  # "Su-34 bombers", "Russian warplanes"
    if noun.lower_ not in AIRCRAFT_NOUNS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.tag_.startswith("NN"):
        noun = noun.head.head  # "the first group of Russian warplanes flew home"
    if noun.dep_ in {"nsubj", "nsubjpass"} and _moves(noun.head):
        return True
    # "showed bombers leaving the base": a participle on the noun
    return any(c.dep_ in {"acl", "relcl"} and _moves(c) for c in noun.children)


# "since a ceasefire ... took effect", "after the truce was agreed": the agreement dates the
# news. The parse often hangs such a clause off the wrong word, so the words right before
# the trigger are read too.
_DATING_BEFORE_RE = re.compile(
    r"\b(?:since|after|before|until|following)\s+(?:(?:the|a|an|its|their|last|this)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def dating_clause(text: str, start: int) -> bool:
    """Is the trigger at `start` the subject of a "since/after ..." clause?"""
    return bool(_DATING_BEFORE_RE.search(text[max(0, start - 40) : start]))


# A weapon's model designation ("Su-34", "MiG-29", "F-16", "Tu-22M3", "Mi-24"): the
# aircraft or missile, never the party that used it.
# Hyphenated only: "M23" is an armed group's name.
_MODEL_RE = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d{1,3}[A-Z]{0,2}\d{0,2}(?:\s+[a-z]+)?$")


def weapon_model(text: str) -> bool:
    """Does an actor phrase name a weapon's model rather than a party?"""
    return bool(_MODEL_RE.match(text.strip()))


_SETTLEMENT_NOUNS = frozenset(
    {"town", "village", "city", "locality", "commune", "settlement", "hamlet", "district"}
)


def town_by_apposition(head: Token) -> bool:
    """ "attacked Barsalogho, a town in ...": a name its apposition calls a town is a
    place, even one the gazetteer does not know."""
    return any(c.dep_ == "appos" and c.lower_ in _SETTLEMENT_NOUNS for c in head.children)


def of_victims(noun: Token) -> bool:
    """ "crowds of civilians", "a group of children": a collective of victims is victims."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(c.dep_ == "pobj" and c.lower_ in VICTIM_NOUNS for c in prep.children)
        for prep in noun.children
    )


_USE_VERBS = frozenset({"use", "uses", "used", "using"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})


def standing_charge(token: Token) -> bool:
    """ "Kiev accuses Moscow of sending troops to the rebels": an accusation in the present
    tense about what the accused does (a gerund, no day) is a standing charge in a
    long dispute, not a report of one event. A past accusation ("accused X of Monday's
    strike") reports one."""
    for below, t in zip([token, *token.ancestors], token.ancestors, strict=False):
        if t.lower_ in _CHARGE_VERBS and t.tag_ in {"VBP", "VBZ"}:
            return (
                below.dep_ == "prep"
                and below.lower_ in {"of", "for"}
                and (token.tag_ == "VBG" or any(c.tag_ == "VBG" for c in below.children))
            )
    return False


def general_use(token: Token) -> bool:
    """Is the trigger the purpose of something said, in the present, to be used for it?
    "The exemption is being used to hit civilians", "the militia uses the truce to attack
    farmers": a complaint about a rule or habit, not one attack told. A past use ("the army
    used helicopters to bomb the village") narrates an event and stays."""
    if token.dep_ not in {"xcomp", "advcl"} or not any(c.lower_ == "to" for c in token.children):
        return False
    use = token.head
    if use.lower_ not in _USE_VERBS:
        return False
    if use.tag_ in {"VBZ", "VBP"}:
        return True
    auxes = {c.lower_ for c in use.children if c.dep_ in {"aux", "auxpass"}}
    return use.tag_ in {"VBN", "VBG"} and bool(auxes & _PRESENT_AUX)


_COPULAS = frozenset({"is", "was", "are", "were"})


def described(token: Token) -> bool:
    """ "the rocket was an Iranian-made Falaq-1", "the attack was the deadliest in months":
    an event already told, named again ("the"/"this") only to say what it was."""
    head = token.head
    return (
        token.dep_ == "nsubj"
        and head.lower_ in _COPULAS
        and any(c.dep_ == "attr" for c in head.children)
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children)
    )


_MOTIVE_NOUNS = frozenset({"revenge", "vengeance", "suspicion"})


def motive_or_suspicion(token: Token) -> bool:
    """ "the bombing was revenge for the arrest of its commanders", "arrested on suspicion of
    helping to build the bomb": what an act avenges or what a suspect is suspected of is
    named as a motive or a charge, not told as an event of this report."""
    for below, t in zip([token, *token.ancestors], token.ancestors, strict=False):
        if t.lower_ in _MOTIVE_NOUNS:
            return below.dep_ == "prep" and below.lower_ in {"for", "of"}
        if t.dep_ == "ROOT":
            break
    return False


__all__ = [
    "NONEVENTS_VERSION",
    "aircraft_moving",
    "ceased",
    "dating_clause",
    "described",
    "general_use",
    "motive_or_suspicion",
    "of_victims",
    "standing_charge",
    "town_by_apposition",
    "weapon_model",
]
