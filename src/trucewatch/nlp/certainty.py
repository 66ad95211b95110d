"""How sure the report is that an event happened, and on whose word.

asserted      the report narrates it as fact
reported      attributed to a claimant: "according to X", "X said/told/reported", a quote
alleged       "allegedly", "accused", "blamed"
denied        the claimant denies it
hypothetical  (never emitted by the event reader: threats and conditions are skipped)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from trucewatch.model.event import Certainty
from trucewatch.nlp.context import ArticleContext, person_in
from trucewatch.nlp.lexicon import ALLEGED_RE, DENIED_RE
from trucewatch.nlp.syntax import clean, np_span, speech_verb_over, subject_of
from trucewatch.nlp.text import Sentence

CERTAINTY_VERSION = "trucewatch.nlp.certainty.v2"  # v2: dateline and whole-entity claimants
_REPORTEDLY = re.compile(r"\b(?:reportedly|were reported|was reported|reports said)\b", re.I)


_DASHES = frozenset({"—", "–", "-", "--"})
_NAME_ENTS = frozenset({"ORG", "GPE", "NORP", "ACTOR"})


def _past_dateline(subj: Token) -> Token:
    """ "EDORAS — Rohan accused ...": the parser may make the dateline the subject and the
    real speaker its apposition; the dateline names where the story was filed, not who said."""
    for child in subj.rights:
        between = subj.doc[subj.i + 1 : child.i]
        if child.dep_ == "appos" and any(t.text in _DASHES for t in between):
            return child
    return subj


def _entity_name(subj: Token) -> str | None:
    """The whole named entity a subject sits in: "Save the Children" is not "Save", and
    "the Gondor Human Rights Watch" is not "Watch"."""
    for ent in subj.doc.ents:
        if ent.start <= subj.i < ent.end and ent.label_ in _NAME_ENTS and len(ent) > 1:
            return re.sub(r"^(?:the|a|an)\s+", "", clean(ent.text), flags=re.I) or None
    return None


def claimant(subj: Token, ctx: ArticleContext) -> str | None:
    """The name behind a speech verb's subject: a person's full name, or the phrase."""
    subj = _past_dateline(subj)
    entity = _entity_name(subj)
    if entity:
        return entity  # an organisation, state or known actor, never a person's name
    name, role = person_in(subj.doc, subj)
    if name:
        return ctx.people.add(name, role).name
    text = clean(np_span(subj).text)
    person = ctx.people.lookup(text) or ctx.people.lookup(subj.text)
    if person:
        return person.name
    if subj.tag_ in {"PRP", "PRP$"}:
        return None
    # an organisation or state ("the Syrian Observatory", "Russia")
    full = clean(subj.doc[subj.left_edge.i : subj.i + 1].text)
    return re.sub(r"^(?:the|a|an)\s+", "", full, flags=re.I) or None


def read_certainty(
    trigger: Token, doc: Doc, sent: Sentence, ctx: ArticleContext
) -> tuple[Certainty, str | None]:
    """(certainty, claimed_by) for the event a trigger names."""
    text = sent.text
    absolute = sent.start + trigger.idx
    for start, end, speaker in ctx.quote_spans:
        if start <= absolute < end:
            return "reported", speaker
    who: str | None = None
    verb = speech_verb_over(trigger)
    if verb is not None:
        subj = subject_of(verb)
        if subj is not None:
            who = claimant(subj, ctx)
    if who is None:
        for t in doc:
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                for pobj in doc[t.i + 1].children:
                    if pobj.dep_ == "pobj":
                        who = claimant(pobj, ctx)
    if DENIED_RE.search(text):
        return "denied", who
    if ALLEGED_RE.search(text):
        return "alleged", who
    if who is not None or verb is not None:
        return "reported", who
    if _REPORTEDLY.search(text):
        return "reported", None
    return "asserted", None


__all__ = ["CERTAINTY_VERSION", "claimant", "read_certainty"]
