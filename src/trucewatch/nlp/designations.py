"""Who calls whom "terrorists": the heart of exemption disputes in ceasefires.

Two shapes are read from the parse:
  X said/insisted that SUBJECT are "terrorists"    (copula under a speech verb)
  X calls/labels/brands/considers SUBJECT (as) terrorists
  the group that X designated a terrorist organisation   (relative clause: the antecedent)
  X said it regarded SUBJECT as a terrorist organisation  ("it" is the speaker)
A label with no one saying it ("recognized terrorist groups") is not a designation.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from trucewatch.model.event import Affiliation, Designation
from trucewatch.model.kb import ActorMatch
from trucewatch.nlp.context import ArticleContext, person_in
from trucewatch.nlp.lexicon import DESIGNATION_RE, SPEECH_VERBS
from trucewatch.nlp.quotes import PERSON_NOUNS, resolve_speaker
from trucewatch.nlp.syntax import antecedent, clean, subject_of
from trucewatch.nlp.text import Sentence

# v3: "its ministry" speaks for the state named before; "began what X called anti-terrorist
# measures in Y" labels those the operation targets
# v4: "X, which calls Y terrorists" -> X designates (relative pronoun); "declared Y a ...";
# a possessive inside the labelled name stays ("the People's Defence Force")
DESIGNATIONS_VERSION = "trucewatch.nlp.designations.v4"
_LABEL_VERBS = frozenset(
    [
        "call",
        "calls",
        "called",
        "calling",
        "label",
        "labels",
        "labelled",
        "labeled",
        "brand",
        "brands",
        "branded",
        "designate",
        "designates",
        "designated",
        "consider",
        "considers",
        "considered",
        "describe",
        "describes",
        "described",
        "deem",
        "deems",
        "deemed",
        "list",
        "lists",
        "listed",
        "regard",
        "regards",
        "regarded",
        "classify",
        "classified",
        "declare",
        "declares",
        "declared",
    ]
)


def _label(token: Token) -> str:
    low = token.lower_
    if low.startswith("extremist"):
        return "extremist"
    if low.startswith("jihadist"):
        return "jihadist"
    return "terrorist"


def _by(
    subj: Token, ctx: ArticleContext, on: dt.date | None
) -> list[tuple[Affiliation, str | None]]:
    """The designating parties (one per conjunct: "Russia and Syria")."""
    subj = _climb_pronoun(subj)
    heads = [subj, *[c for c in subj.conjuncts]]
    out: list[tuple[Affiliation, str | None]] = []
    for head in heads:
        name, role = person_in(head.doc, head)
        person = ctx.people.add(name, role) if name else ctx.people.lookup(head.text)
        if person is None and (head.lower_ in PERSON_NOUNS or head.tag_ in {"PRP", "NNP"}):
            speaker = resolve_speaker(head, ctx)
            person = ctx.people.lookup(speaker.name) if speaker.name else None
        if person is not None:
            aff = ctx.affiliation(person.role, on)
            if aff is not None:
                out.append((aff, _actor_id(aff.name, ctx, on)))
            else:
                out.append((Affiliation(name=person.name), None))
            continue
        text = clean(head.doc[_left(head) : head.i + 1].text)
        text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
        if not text:
            continue
        owner = next((antecedent(c) for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            # "Rohan began what its defence ministry called ...": the ministry speaks for Rohan
            text = clean(owner.doc[_left(owner) : owner.i + 1].text)
            text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
        ref = ctx.actor(text, on, "designating party")
        out.append((Affiliation(name=ref.name, country=ref.country), ref.id))
    return out


def _climb_pronoun(subj: Token) -> Token:
    """ "X said it regarded ..." -> X: a pronoun under a speech verb is the speaker; "X,
    which calls Y terrorists, ..." -> X: a relative pronoun stands for the noun its clause
    describes."""
    if subj.lower_ in {"which", "who", "that"} and subj.head.dep_ == "relcl":
        return subj.head.head
    if subj.lower_ not in {"it", "they", "we"}:
        return subj
    for anc in subj.head.ancestors:
        if anc.lower_ in SPEECH_VERBS:
            up = subject_of(anc)
            if up is not None and up.lower_ not in {"it", "they", "we"}:
                return up
            break
    return subj


def _left(head: Token) -> int:
    start = head.i
    for c in head.lefts:
        if c.dep_ in {"compound", "amod", "det", "poss", "nmod"}:
            start = min(start, c.left_edge.i)
    return start


def _actor_id(name: str, ctx: ArticleContext, on: dt.date | None) -> str | None:
    if ctx.kb is None:
        return None
    match = ctx.kb.resolve_actor(name, on=on)
    return match.actor.id if isinstance(match, ActorMatch) else None


def designations_in(
    sent: Sentence, doc: Doc, ctx: ArticleContext, on: dt.date | None
) -> list[Designation]:
    """Designations a parsed sentence makes."""
    if not DESIGNATION_RE.search(sent.text):
        return []
    out: list[Designation] = []
    for token in doc:
        if not DESIGNATION_RE.fullmatch(token.text):
            continue
        found = _copular(token) or _labelling(token)
        if found is None:
            continue
        speaker_subj, subject = found
        if speaker_subj is None:
            continue
        subject_text = _subject_text(subject)
        for by, by_id in _by(speaker_subj, ctx, on):
            subj_ids = _subject_ids(subject_text, ctx, on)
            out.append(
                Designation(
                    by=by,
                    subject=subject_text,
                    label=_label(token),
                    evidence=sent.text,
                    by_actor_id=by_id,
                    subject_actor_ids=subj_ids,
                    date=on,
                    article_id=ctx.article.id,
                )
            )
    return out


def _subject_text(subject: Token) -> str:
    """The labelled phrase without its relative clauses and appositions."""
    end = subject.i + 1
    for c in subject.rights:
        if c.dep_ in {"prep", "compound", "flat", "cc", "conj", "nummod"}:
            end = max(end, _trimmed_right(c) + 1)
        else:
            break
    span = subject.doc[subject.left_edge.i : end]
    text = span.text.replace('"', "").replace("“", "").replace("”", "")
    # a possessive inside a name stays ("the People's Defence Force"); a final one goes
    return re.sub(r"['’]s$", "", text).strip(" '’,.")


def _trimmed_right(token: Token) -> int:
    end = token.i
    for c in token.rights:
        if c.dep_ in {"relcl", "appos", "acl", "punct", "advcl"}:
            break
        end = max(end, _trimmed_right(c))
    return end


def _subject_ids(text: str, ctx: ArticleContext, on: dt.date | None) -> tuple[str, ...]:
    if ctx.kb is None:
        return ()
    match = ctx.kb.resolve_actor(text, on=on)
    return (match.actor.id,) if isinstance(match, ActorMatch) else ()


def _copular(label: Token) -> tuple[Token | None, Token] | None:
    """SUBJECT are "terrorists" under X said/insisted -> (X, SUBJECT)."""
    cop = label.head if label.dep_ in {"attr", "acomp", "conj", "appos"} else None
    if label.dep_ == "conj" and cop is not None:
        cop = cop.head
    if cop is None:
        return None
    subject = next((c for c in cop.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    speaker: Token | None = None
    for anc in cop.ancestors:
        if anc.lower_ in SPEECH_VERBS or anc.lower_ in _LABEL_VERBS:
            speaker = subject_of(anc)
            break
    if speaker is None:
        # '... was "a terrorist", the king said' parses the attribution as parataxis
        said = next(
            (c for c in cop.children if c.dep_ == "parataxis" and c.lower_ in SPEECH_VERBS), None
        )
        speaker = subject_of(said) if said is not None else None
    return speaker, subject


def _labelling(label: Token) -> tuple[Token | None, Token] | None:
    """X calls/brands SUBJECT (as) terrorists -> (X, SUBJECT)."""
    head = label.head
    if label.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    if label.dep_ in {"amod", "compound"}:
        # "X designated Y a terrorist group", "regarded Y as a terrorist organisation"
        noun = label.head
        head = noun.head
        label = noun
        if label.dep_ == "pobj" and head.lower_ == "as":
            head = head.head
    if head.lower_ not in _LABEL_VERBS:
        return None
    if head.tag_.startswith("NN"):
        return _misread_relative(head)
    subject = next(
        (c for c in head.children if c.dep_ in {"dobj", "nsubjpass"} and c.i != label.i), None
    )
    if subject is not None and subject.lower_ in {"that", "which", "who", "whom"}:
        subject = None
    if subject is not None and subject.lower_ == "what":
        # "began what X called an anti-terrorist operation in Y": those it targets in Y
        target = _operation_target(label, head)
        return (subject_of(head), target) if target is not None else None
    if subject is None and head.dep_ == "relcl":
        # "the group that the United States designated a terrorist organisation"
        subject = head.head.head if head.head.dep_ == "appos" else head.head
        return subject_of(head), subject
    if subject is None and label.dep_ == "ccomp":
        # "declared the Host a terrorist group" parsed as a small clause: its subject
        subject = next((c for c in label.children if c.dep_ == "nsubj"), None)
    if subject is None and label.dep_ in {"oprd", "dobj"}:
        # "called all the Rohan riders terrorists" parses the riders as the label's compound
        subject = next((c for c in label.lefts if c.dep_ == "compound"), None)
    if subject is None:
        return None
    if subject.dep_ == "nsubjpass":
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return by, subject
    return subject_of(head), subject


_QUANTIFIERS = frozenset({"both", "all", "each", "either", "one", "some", "most", "many"})


def _misread_relative(verb: Token) -> tuple[Token | None, Token] | None:
    """ "X and Y, both of which the council lists as terrorist groups": the tagger may read
    the verb after a name as a plural noun ("lists", "designates") with the name as its
    compound. The speaker is that name; the labelled are what "which" stands for."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].dep_ != "compound" or doc[verb.i - 1].head.i != verb.i:
        return None
    speaker = doc[verb.i - 1]
    start = speaker.left_edge.i
    which = next(
        (doc[k] for k in range(max(0, start - 2), start) if doc[k].lower_ in {"which", "whom"}),
        None,
    )
    if which is None:
        return None
    up = which.head  # "of" in "both of which", or the noun itself
    if up.lower_ == "of" and up.head.lower_ in _QUANTIFIERS:
        up = up.head
    if up.lower_ in _QUANTIFIERS and up.dep_ == "appos":
        up = up.head
    while up.dep_ == "conj" and up.head.i < up.i:
        up = up.head  # "X or Y, both of which": the whole list
    if not up.tag_.startswith("NN"):
        return None
    return speaker, up


def _operation_target(noun: Token, verb: Token) -> Token | None:
    """Whom an "anti-terrorist operation" (measures, campaign) is aimed at: the object of
    "against", else the place it is carried out "in" (the fighters there), on the noun or
    on the verb that names it ("called ... operations in X")."""
    if not any(t.lower_ == "anti" for t in noun.lefts):
        return None
    preps = [c for c in [*noun.children, *verb.children] if c.dep_ == "prep"]
    for word in ("against", "in"):
        for prep in preps:
            if prep.lower_ == word:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


__all__ = ["DESIGNATIONS_VERSION", "designations_in"]
