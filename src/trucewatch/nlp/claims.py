"""Who claims or is named as the author of an attack: claims of responsibility ("X
claimed the bombing", "X said its fighters carried it out"), blame ("officials blamed X
for the shelling") and a speaker naming who struck ("the spokesman said the air force had
targeted ..."). The reader folds what these find into the events merge.py keeps. Split
from reader.py, which decides which sentences to read and in what order.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from trucewatch.nlp.certainty import claimant
from trucewatch.nlp.context import ArticleContext
from trucewatch.nlp.groupnames import group_variants
from trucewatch.nlp.merge import CLAIM_MAX_EVENTS, Claim
from trucewatch.nlp.syntax import is_pronoun, speech_verb_over, subject_of
from trucewatch.nlp.text import Sentence

# A claim of responsibility: "X claimed responsibility for ...", "X said its fighters
# (had) carried out the bombing", "bombings claimed by X". Cheap text test first; the parse
# then names the claimant.
_CLAIM_RE = re.compile(
    r"\bclaim(?:ed|s|ing)? (?:responsib\w+|credit)\b|\bclaimed by\b"
    r"|\b(?:said|says|announced|admitted|stated)\b[^.;]{0,80}?\b(?:it|they|its|their)"
    r"(?: own)?(?: [\w-]+){0,2}? (?:had |has |have )?(?:carried out|conducted|staged"
    r"|perpetrated|was behind|were behind)\b"
    # "X said (one of) its fighters had blown himself up / detonated his vest": the group
    # owns its member's suicide attack ("responsibilty": a common misspelling, above)
    r"|\b(?:said|says|announced|stated)\b[^.;]{0,80}?\b(?:its|their) (?:[\w-]+ )?"
    r"(?:fighters?|members?|militants?|bombers?|men)\b[^.;]{0,80}?\b(?:blew|blowing|blown)"
    r" (?:himself|herself|themselves) up\b",
    re.IGNORECASE,
)
_PLURAL_REFERENCE = re.compile(
    r"\b(?:both|all|the|these|those|its|their)(?: [\w-]+){0,2}? (?:attacks|bombings|blasts"
    r"|explosions|strikes|raids|assaults|killings)\b",
    re.IGNORECASE,
)


def claim_in(
    sent: Sentence,
    doc: Doc,
    ctx: ArticleContext,
    on: dt.date | None,
    position: int,
    new_events: int,
) -> Claim | None:
    """A responsibility claim in a sentence, with the known actor who makes it.

    "bombings claimed by X" names the perpetrator of the sentence's own events; "X claimed
    responsibility for the attack" / "X said its fighters carried out both attacks" that of
    earlier ones (one, two for "both", a few for a plural). A claimant the knowledge base
    does not know, or a civilian one, fills nothing."""
    text = sent.text
    if not _CLAIM_RE.search(text):
        if new_events:
            return None
        return _blame_in(doc, ctx, on, position) or _author_said(doc, ctx, on, position)
    who: str | None = None
    names: list[str] = []
    same_sentence = False
    for t in doc:
        if t.lower_ == "claimed" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "by":
            for pobj in doc[t.i + 1].children:
                if pobj.dep_ == "pobj":
                    who, same_sentence = claimant(pobj, ctx), True
            if who:
                break
        if t.lower_ in {
            "claimed",
            "claims",
            "claim",
            "claiming",
            "said",
            "says",
            "announced",
            "admitted",
            "stated",
        } and t.tag_.startswith("VB"):
            subj = subject_of(t) or _acronym_subject(t)
            if subj is not None and not subj.tag_.startswith("PRP"):
                who = claimant(subj, ctx)
                if who:
                    # "Al-Shabaab, the group that ..., said": the head, before its appositive
                    names.append(doc[subj.left_edge.i : subj.i + 1].text)
                    break
    if not who:
        return None
    ref = ctx.actor(who, on, f"claimant {who!r}")
    for name in names:
        if ref.id is not None:
            break
        who, ref = name, ctx.actor(name, on, f"claimant {name!r}")
    for variant in group_variants(who) if ref.id is None else []:
        # "The Harad group claimed ...": the name the group is told with
        alt = ctx.actor(variant, on, f"claimant {who!r}; group name {variant!r}")
        if alt.id is not None:
            who, ref = variant, alt
            break
    if ref.id is None or ref.kind in {"civilians", None}:
        return None
    if same_sentence:
        if not new_events:
            return None
        return Claim(position + new_events, ref, who, new_events, text)
    count = 2 if re.search(r"\bboth\b", text, re.IGNORECASE) else 1
    if count == 1 and _PLURAL_REFERENCE.search(text):
        count = CLAIM_MAX_EVENTS
    return Claim(position, ref, who, count, text)


_BLAME_VERBS = frozenset({"blamed", "blames", "blame", "blaming"})
# What a blame "for ..." may name to refer back to the violence just told.
_VIOLENCE_NOUNS = frozenset(
    {
        *("attack", "attacks", "strike", "strikes", "bombing", "bombings", "blast", "blasts"),
        *("explosion", "explosions", "shelling", "raid", "raids", "killing", "killings"),
        *("massacre", "deaths", "death", "violence", "assault", "ambush", "incident"),
    }
)


def _blame_in(doc: Doc, ctx: ArticleContext, on: dt.date | None, position: int) -> Claim | None:
    """ "Local officials blamed the X": a sentence that reports no event of its own and
    blames a known armed actor names the alleged perpetrator of the event before it."""
    for t in doc:
        if t.lower_ not in _BLAME_VERBS or not t.tag_.startswith("VB"):
            continue
        accused = next((c for c in t.children if c.dep_ == "dobj"), None)
        if accused is None or accused.tag_.startswith("PRP"):
            continue
        named = next((c for c in accused.children if c.dep_ == "appos" and c.tag_ == "NNP"), None)
        accused = named or accused  # "the Lebanese armed group Hezbollah": the name
        reasons = [g for c in t.children if c.lower_ == "for" for g in c.children]
        if any(g.lower_ not in _VIOLENCE_NOUNS for g in reasons):
            continue  # "blamed X for the collapse of the talks": not for the violence
        name = claimant(accused, ctx)
        ref = ctx.actor(name, on, f"blamed {name!r}") if name else None
        if ref is None or ref.id is None or ref.kind in {"civilians", "monitor", None}:
            continue
        subj = subject_of(t)
        who = (claimant(subj, ctx) if subj is not None else None) or ""
        return Claim(position, ref, who, 1, doc.text, blame=True)
    return None


# Verbs by which a speaker names who struck: "the spokesman said the air force had targeted
# fighters", "officials said army jets hit the town".
_STRUCK_VERBS = frozenset(
    {
        *("targeted", "struck", "hit", "bombed", "shelled", "attacked", "raided", "pounded"),
        *("targets", "strikes", "hits", "bombs", "shells", "attacks"),
    }
)
ARMED_KINDS = frozenset({"state", "government", "external", "rebel", "militia", "identity-militia"})


def _author_said(doc: Doc, ctx: ArticleContext, on: dt.date | None, position: int) -> Claim | None:
    """ "A spokesman said the air force had targeted fighters gathered there": a sentence
    that reports no event of its own and has a speaker name the armed actor that struck
    names the author of the violent event before it (one event; merge.py fills it only if
    it names no perpetrator)."""
    for verb in doc:
        if verb.lower_ not in _STRUCK_VERBS or not verb.tag_.startswith("VB"):
            continue
        said = speech_verb_over(verb)
        subj = subject_of(verb)
        if said is None or subj is None or subj.dep_ != "nsubj" or is_pronoun(subj):
            continue
        name = claimant(subj, ctx)
        ref = ctx.actor(name, on, f"named as the striker: {name!r}") if name else None
        if ref is None or ref.id is None or ref.kind not in ARMED_KINDS:
            continue
        speaker = subject_of(said)
        who = (claimant(speaker, ctx) if speaker is not None else None) or ""
        return Claim(position, ref, who, 1, doc.text)
    return None


def _acronym_subject(verb: Token) -> Token | None:
    """ "IS said ...": an upper-case acronym right before a speech verb that the tagger read
    as a verb ("is") is the verb's subject."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.is_upper and before.is_alpha and len(before) > 1 and before.dep_ != "nsubj":
        return before
    return None
