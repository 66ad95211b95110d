"""The sides of an event read off the parse: who the other side was (actor2), who stands
accused, and which victims are armed men named by their role.

These functions only read the dependency parse and return candidate phrases with the
reason a coder would give; events.py resolves them through the knowledge base.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from spacy.tokens import Doc, Token

from trucewatch.model.event import ActorRef
from trucewatch.nlp.syntax import (
    FORCE_HEADS,
    WEAPON_HEADS,
    actor_text,
    clean,
    is_pronoun,
    kills_someone,
    np_span,
    proper_np,
    token_at,
)

# v2: a sentence's other words for its violence may name the perpetrator
# v3: conjunct chains, losers misparsed or driven out
# v4: "between the two forces" counts parties told before and names no first party
# v5: an "as ..."/"while ..."/"where ..." clause around an attack named on its own lends it
# no author
# v6: "took X after a battle with Y": Y lost the ground
SIDES_VERSION = "trucewatch.nlp.sides.v6"

Candidate = tuple[str, str, Token]

# Places and units that belong to one side, so an attack on them is an attack on that side:
# "shelled Gondorian positions", "a camp of the Host", "a police checkpoint".
SITE_NOUNS = frozenset(
    {
        *("position", "positions", "outpost", "outposts", "base", "bases", "garrison"),
        *("patrol", "patrols", "convoy", "convoys", "checkpoint", "checkpoints", "station"),
        *("camp", "camps", "post", "posts", "barracks", "headquarters", "hideout", "hideouts"),
        *("stronghold", "strongholds", "trench", "trenches", "vehicle", "vehicles", "unit"),
        *("ambulance", "tank", "tanks", "column", "columns", "lines", "bunker", "bunkers"),
    }
)
# Armed men named by their role: the victims belong to the state's police or military.
ROLE_VICTIMS = {
    **dict.fromkeys(("officers", "officer", "policemen", "policeman", "policemen"), "police"),
    **dict.fromkeys(("soldiers", "soldier", "troops", "servicemen", "conscripts"), "soldiers"),
}
# Verbs whose subject lost ground: the other side of a territory change.
LOSER_VERBS = frozenset(
    {
        *("withdrew", "withdraw", "withdrawn", "retreated", "retreat", "fled", "surrendered"),
        *("pulled", "abandoned", "evacuated", "collapsed"),
    }
)
# Verbs that with "out" push a side off the ground ("driving out the militants").
OUSTER_VERBS = frozenset(
    {
        *("drive", "drives", "driving", "drove", "driven", "push", "pushes", "pushing"),
        *("pushed", "force", "forcing", "forced", "kick", "kicking", "kicked", "chase"),
        *("chasing", "chased", "flush", "flushing", "flushed"),
    }
)
# Nouns for the fight in which ground changed hands ("after a battle with Y").
FIGHTS = frozenset({"battle", "battles", "fight", "fighting", "clash", "clashes", "siege"})
HOLD_VERBS = frozenset({"held", "hold", "holds", "controlled", "control", "occupied"})
ACCUSE_VERBS = frozenset({"accuse", "accused", "accuses", "accusing", "blame", "blamed", "blames"})
_TARGET_PREPS = frozenset({"on", "at", "against", "through", "targeting", "with"})


def name_of(head: Token) -> str | None:
    """The actor a noun phrase names: the owner of a force ("gunmen from the Host"), a
    proper name with its "of" chain ("Corsairs of Umbar"), else the phrase's actor text."""
    if head.tag_ in {"NNP", "NNPS"}:
        return proper_np(head) or None
    return of_owner_any(head) or actor_text(head)


def of_owner_any(head: Token) -> str | None:
    """ "a camp of the Host of Mordor", "fighters from X": the named owner after of/from."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "from", "loyal"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (pobj.tag_ in {"NNP", "NNPS"} or pobj.ent_type_):
                    if pobj.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"}:
                        continue
                    return proper_np(pobj)
    return None


def site_owner(noun: Token) -> Candidate | None:
    """Who owns an attacked site or unit: its "of" owner, else its modifiers
    ("Gondorian positions" -> "Gondorian", "an army ambulance" -> "army")."""
    owner = of_owner_any(noun)
    if owner:
        return owner, f"owner of the {noun.text!r} attacked", noun
    mods = [
        c
        for c in noun.lefts
        if c.dep_ in {"amod", "compound", "nmod", "poss"}
        and (c.tag_ in {"NNP", "NNPS"} or c.ent_type_ or c.lower_ in FORCE_HEADS or _proper(c))
    ]
    if not mods:
        return None
    span = noun.doc[min(m.left_edge.i for m in mods) : max(m.i for m in mods) + 1]
    text = clean(span.text)
    return (text, f"owner of the {noun.text!r} attacked", mods[-1]) if text else None


def _proper(token: Token) -> bool:
    """A capitalised word inside the sentence that the tagger took for an adjective ("a
    Dunlending hideout"): a proper adjective, the name of a people or a group."""
    return token.text[:1].isupper() and token.i > token.sent.start and token.is_alpha


def _attacked_nouns(trigger: Token) -> list[Token]:
    """Objects of the trigger (or of the verb it hangs on): what was hit. A fight named as
    the result of an attack ("opened fire on an army post, setting off a gunbattle") was
    fought with the side whose post was attacked: the attack verb is searched too."""
    out: list[Token] = []
    verbs = [trigger, trigger.head]
    if trigger.head.dep_ in {"advcl", "xcomp"} and trigger.dep_ in {"dobj", "nsubj"}:
        verbs.append(trigger.head.head)
    for t in verbs:
        for child in t.children:
            if child.dep_ in {"dobj", "nsubjpass"} and t.tag_.startswith("VB"):
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                out += [p for p in child.children if p.dep_ == "pobj"]
    if trigger.dep_ == "nsubjpass":
        out.append(trigger)
    return out


def attacked_sides(trigger: Token) -> list[Candidate]:
    """Sites or units of a side that the trigger hit ("shelled Gondorian positions",
    "positions of the Host were shelled", "fired on an army ambulance")."""
    out: list[Candidate] = []
    for noun in _attacked_nouns(trigger):
        if noun.lower_ in SITE_NOUNS or any(
            c.lower_ in FORCE_HEADS and c.dep_ in {"compound", "amod", "nmod"} for c in noun.lefts
        ):
            found = site_owner(noun)
            if found is not None:
                out.append(found)
    return out


def fought_with(trigger: Token, verb: Token | None) -> list[Candidate]:
    """The other side of a fight: the second of two subjects ("troops and Host fighters
    fought"), the second party of "clashes between X and Y"."""
    out: list[Candidate] = []
    for child in _betweens(trigger):
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            # the second party may hang lower: "between the Riders of Rohan and Dunlending
            # militiamen" is often parsed with "and Dunlending" joined to "Rohan"
            for conj in pobj.subtree:
                if conj.dep_ == "conj" and not is_pronoun(conj):
                    name = name_of(conj)
                    if name:
                        out.append((name, f"second party of 'between' {name!r}", conj))
    if verb is not None:
        for subj in verb.children:
            if subj.dep_ != "nsubj":
                continue
            # the whole chain of conjuncts, last first: "In X, troops and Host fighters
            # fought" is often parsed X <- troops <- fighters, and the last is the other side
            for conj in reversed(_conjuncts(subj)):
                if not is_pronoun(conj):
                    name = name_of(conj)
                    if name:
                        out.append((name, f"second subject {conj.text!r} of {verb.text!r}", conj))
    return out


def _conjuncts(head: Token) -> list[Token]:
    """Conjuncts of a noun, and theirs in turn, in text order."""
    out: list[Token] = []
    frontier = [head]
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ == "conj"]
        out += frontier
    return sorted(out, key=lambda t: t.i)


def first_of_between(trigger: Token) -> Candidate | None:
    """ "clashes between X and Y": X, the first party, as actor1."""
    for child in _betweens(trigger):
        for pobj in child.children:
            if pobj.dep_ == "pobj" and not is_pronoun(pobj) and not _counted_back(pobj):
                name = name_of(pobj)
                if name:
                    return name, f"first party of 'between' {name!r}", pobj
    return None


def _counted_back(noun: Token) -> bool:
    """ "between the two forces", "between the three groups": a count of parties the
    report named before, no name of its own."""
    return noun.tag_ == "NNS" and any(
        c.dep_ == "nummod" or c.lower_ == "both" for c in noun.children
    )


def _betweens(trigger: Token) -> list[Token]:
    """ "between" phrases on the trigger, the word it hangs on, or a noun the trigger
    governs ("killed in clashes between X and Y")."""
    nouns = [trigger, trigger.head]
    frontier = [trigger]
    for _ in range(2):  # "killed in two days of clashes between X and Y"
        frontier = [
            p
            for t in frontier
            for child in t.children
            if child.dep_ == "prep" and child.lower_ != "between"
            for p in child.children
            if p.dep_ == "pobj"
        ]
        nouns += frontier
    return [c for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "between"]


def territory_loser(trigger: Token, doc: Doc) -> list[Candidate]:
    """Who lost ground: "seized the town from Y", "after the Y garrison withdrew",
    "retook the district, which Y had held"."""
    verb = trigger if trigger.tag_.startswith("VB") else trigger.head
    out: list[Candidate] = []
    # "from" on the verb, or on the ground taken ("seized the mill from Y")
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *[g for o in objects for g in o.children]]:
        if child.dep_ == "prep" and child.lower_ == "from":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in {"GPE", "LOC", "FAC"}:
                    name = name_of(pobj)
                    if name:
                        out.append((name, f"'from {name}': the side that lost ground", pobj))
        if child.dep_ == "dobj":
            for rel in child.subtree:
                if rel.dep_ == "relcl" and rel.lower_ in HOLD_VERBS:
                    out += _subjects(rel, "had held the ground taken")
    for child in verb.children:
        # "captured the island after a day-long battle with its Gondorian garrison": the
        # side the ground was fought from lost it
        if child.dep_ != "prep" or child.lower_ not in {"after", "following", "in", "during"}:
            continue
        for fight in (p for p in child.children if p.dep_ == "pobj" and p.lower_ in FIGHTS):
            for prep in fight.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"with", "against"}:
                    continue
                for side in prep.children:
                    if side.dep_ != "pobj" or side.ent_type_ in {"GPE", "LOC", "FAC"}:
                        continue
                    owned = site_owner(side) if side.lower_ in SITE_NOUNS else None
                    name = owned[0] if owned else _owner_of_members(name_of(side))
                    if name:
                        why = f"'{fight.text} {prep.text} {name}': the side that lost ground"
                        out.append((name, why, side))
    for t in doc:
        if t.lower_ in OUSTER_VERBS and any(
            c.dep_ == "prt" and c.lower_ == "out" for c in t.children
        ):
            # "driving out Islamic State fighters": the object was pushed off the ground
            for obj in (c for c in t.children if c.dep_ == "dobj" and not is_pronoun(c)):
                name = _owner_of_members(name_of(obj))
                if name:
                    out.append((name, f"driven out: {name!r}, the side that lost ground", obj))
        if t.lower_ in LOSER_VERBS and t.tag_.startswith("VB") and t.i != verb.i:
            why = f"subject of {t.text!r}: the side that lost ground"
            out += _subjects(t, why) or _misparsed_subject(t, why)
    return out


_MEMBER_NOUNS = frozenset({"fighters", "militants", "militiamen", "gunmen", "jihadists", "members"})


def _owner_of_members(name: str | None) -> str | None:
    """ "Islamic State fighters" -> "Islamic State": the group its members belong to (the
    bare phrase would be read word by word, and "State" taken for the state)."""
    if not name:
        return None
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _MEMBER_NOUNS and words[0][:1].isupper():
        return " ".join(words[:-1])
    return name


def _misparsed_subject(verb: Token, why: str) -> list[Candidate]:
    """ "after the garrison surrendered" is often parsed as "after the garrison" (a
    preposition) plus a clause with no subject: the preposition's object is the subject."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return []
    for t in reversed(list(verb.doc[max(verb.sent.start, verb.i - 8) : verb.i])):
        if t.dep_ == "pobj" and t.head.lower_ in {"after", "before", "when", "until", "as"}:
            name = None if is_pronoun(t) else name_of(t)
            return [(name, f"{why} ({t.text!r})", t)] if name else []
    return []


def _subjects(verb: Token, why: str) -> list[Candidate]:
    out: list[Candidate] = []
    for subj in verb.children:
        if subj.dep_ == "nsubj" and not is_pronoun(subj) and subj.lower_ not in {"which", "that"}:
            name = name_of(subj)
            if name:
                out.append((name, f"{why} ({subj.text!r})", subj))
    return out


def role_victims(trigger: Token, doc: Doc) -> list[Candidate]:
    """Victims named by an armed role ("wounding two officers", "soldiers were killed"):
    the role's institution, resolved later with the report's country."""
    out: list[Candidate] = []
    for t in doc:
        role = ROLE_VICTIMS.get(t.lower_)
        if role is None or t.dep_ not in {"dobj", "nsubjpass", "nsubj", "conj", "pobj"}:
            continue
        if t.dep_ == "nsubj" and t.head.lower_ not in {"died", "killed", "wounded", "injured"}:
            continue
        mods = [c for c in t.lefts if c.dep_ in {"amod", "compound", "nmod", "poss"}]
        named = [m for m in mods if m.tag_ in {"NNP", "NNPS"} or m.ent_type_ in {"NORP", "GPE"}]
        if named:
            text = clean(np_span(t).text)
            out.append((text, f"victims named by their role {text!r}", t))
        out.append((role, f"victims named by their role {t.text!r}", t))
    return out


def accused(trigger: Token) -> Candidate | None:
    """ "Rohan accused Gondor of an air strike": the accused is the alleged author."""
    path = [trigger, *list(trigger.ancestors)[:4]]
    for below, t in itertools.pairwise(path):
        if t.lower_ not in ACCUSE_VERBS:
            continue
        if below.dep_ != "prep" or below.lower_ not in {"of", "for"}:
            continue
        for child in t.children:
            if child.dep_ == "dobj" and not is_pronoun(child):
                name = name_of(child)
                if name:
                    return name, f"accused by {t.text!r}: {name!r}", child
    return None


def led_by(token: Token) -> Token | None:
    """ "US-led" / "Saudi-led": the named leader of a led force, if the modifier is one."""
    if token.lower_ != "led":
        return None
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        lead = doc[token.i - 2]
        if lead.text[:1].isupper():
            return lead
    for child in token.lefts:
        if child.text[:1].isupper() and child.dep_ in {"npadvmod", "compound", "nmod", "amod"}:
            return child
    return None


def city_before_attack(head: Token, ref: ActorRef) -> bool:
    """ "Beirut air strikes", "Aleppo shelling": a city named before the attack word says
    where it happened; read as its country (a capital's metonym), it would be the author.
    A state's own name or demonym ("Syrian strikes") is no metonym and still counts."""
    return (
        head.dep_ in {"compound", "nmod"}
        and head.ent_type_ in {"GPE", "LOC", "FAC"}
        and "metonym" in (ref.reason or "")
    )


# Marks of a clause that tells what went on around the news ("as X pressed its campaign")
_BACKGROUND_MARKS = frozenset({"as", "while", "since", "until", "before", "after", "amid"})
_TOLL_WORDS = frozenset({"killed", "died", "dead", "wounded", "injured", "kills", "kill"})


def _background_clause(other: Token, lead: Token) -> bool:
    """Is `other` told in an "as ..."/"while ..."/"where ..." clause the lead's attack word
    is not in
    ("A mortar attack killed two as regime forces pressed a campaign against rebels")?
    Such a clause tells the war going on around the news, not who fired the mortar; a
    lead that only counts the dead ("two were killed as jets struck") is the clause's."""
    if lead.lower_ in _TOLL_WORDS:
        return False
    for t in [other, *other.ancestors]:
        if t.i == lead.i:
            return False
        scene = t.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in t.children
        )
        # "... in Homs province, where the group is fighting X": what goes on at the place
        where = t.dep_ == "relcl" and any(c.lower_ == "where" for c in t.children)
        if scene or where:
            return lead.i not in {d.i for d in t.subtree}
    return False


def agent_of_mentions(
    doc: Doc,
    spans: list[tuple[int, int]],
    lead: Token,
    agent: Callable[[Token], ActorRef | None],
) -> ActorRef | None:
    """The perpetrator a sentence names on another word for its violence, when the lead
    word names none: "Air strikes hit the town in raids by X", "At least 25 were killed in
    X and Y strikes", "airstrikes, purportedly carried out by X jets, killed 28". A
    sentence tells one act of violence (events.py keeps one violent event per sentence),
    so who did one of its words did the act."""
    others = [token_at(doc, start, end) for start, end in spans]
    # attack words the trigger lexicon leaves to context ("in heavy X and Y strikes")
    others += [t for t in doc if t.lower_ in WEAPON_HEADS and t.tag_.startswith("NN")]
    # ... and who killed ("X killed 20 members of Y in clashes")
    others += [t for t in doc if kills_someone(t)]
    tried = {lead.i}
    for other in others:
        if other is None or other.i in tried:
            continue
        tried.add(other.i)
        if _background_clause(other, lead):
            continue
        found = agent(other)
        if found is not None and found.id is not None:  # a known actor, not a stray name
            return found
    return None


__all__ = [
    "SIDES_VERSION",
    "accused",
    "agent_of_mentions",
    "attacked_sides",
    "city_before_attack",
    "first_of_between",
    "fought_with",
    "led_by",
    "name_of",
    "role_victims",
    "site_owner",
    "territory_loser",
]
