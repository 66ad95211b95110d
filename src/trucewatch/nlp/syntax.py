"""Small helpers over spaCy's dependency parse: noun phrases, speech verbs, modality."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from trucewatch.nlp.lexicon import (
    HYPOTHETICAL_HEADS,
    HYPOTHETICAL_MARKS,
    MODALS,
    SPEECH_VERBS,
)

SYNTAX_VERSION = "trucewatch.nlp.syntax.v8"  # v3: place_as_actor; v4: no date stamp in a phrase
# v5: antecedent of a possessive "its"/"their"
# v6: a noun phrase never reaches back into a wire dateline ("GOLAN HEIGHTS - A rocket")
# v7: a capital run into a date line before it ("... 2016 Fresh fighting") is no name
# v8: "Damascus-backed" names the government; a mixed-case filing city after a "Last
# updated" stamp is part of the dateline

# Heads that name a weapon or a formation rather than who used it: "Russian bombs",
# "regime warplanes" -> the actor is the modifier.
WEAPON_HEADS = frozenset(
    [
        "bomb",
        "bombs",
        "bombing",
        "bombings",
        "warplane",
        "warplanes",
        "jet",
        "jets",
        "plane",
        "planes",
        "aircraft",
        "helicopter",
        "helicopters",
        "drone",
        "drones",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "shell",
        "shells",
        "shelling",
        "artillery",
        "mortar",
        "mortars",
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "raid",
        "raids",
        "attack",
        "attacks",
        "fire",
        "gunfire",
        "campaign",
        "bombardment",
        "offensive",
        "assault",
        "operation",
        "operations",
        "barrel",
        "tanks",
        "tank",
        "sniper",
        "snipers",
    ]
)
FORCE_HEADS = frozenset(
    [
        "forces",
        "force",
        "troops",
        "army",
        "soldiers",
        "militia",
        "militias",
        "fighters",
        "militants",
        "rebels",
        "gunmen",
        "police",
        "jihadists",
        "insurgents",
        "units",
        "regime",
        "government",
        "coalition",
        "guards",
        "navy",
        "military",
        "battalion",
        "brigade",
        "division",
    ]
)
_NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat", "nummod", "quantmod"})


# A wire dateline ("PELARGIR, Gondor (Reuters) - ", "JAMMU — ", "UMBAR/PELARGIR, May 2 - ")
# names the filing place: never an actor, and not by itself where the news happened.
_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Z .'’/-]{2,}(?:,[^—–()\n]{0,40}?)?(?:\s*\([^)]{1,40}\))?\s*(?:-{1,2}|—|–)\s"
)


_ARTICLES = frozenset({"a", "an", "the"})


# A page's own stamp, then the filing city in mixed case run straight into the lead ("Last
# updated at Mar 3 2016 Amman Rebel forces ..."): the city is a dateline all the same. One
# capitalised word that is no function word, followed by the lead's capitalised first word.
_STAMP_DATE = (
    r"(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+(?:19|20)\d\d|[0-3]?\d(?:19|20)\d\d)"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d\d)"
)
_STAMP_DATELINE_RE = re.compile(
    r"^\W{0,3}(?:[Ll]ast\s+)?(?:[Uu]pdated|[Pp]ublished|[Pp]osted)(?:\s+(?:at|on))?:?\s+"
    rf"{_STAMP_DATE}(?:\s*,?\s*\d{{1,2}}:\d{{2}}(?:\s*[AaPp][Mm])?)?(?:\s+[A-Z]{{2,4}})??"
    r"\s+(?!(?:The|A|An|In|On|At|As|After|By|For|From|Of|To|With|It|He|She|They|This|That"
    # a count opens the lead, not a city ("Published October 6 2014 Two ISIS bombers")
    r"|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Dozens|Scores"
    r"|Hundreds|Thousands|Several|Some|Many|More|Most|Up|Over|Nearly|About|Around)\b)"
    r"[A-Z][a-z'’-]+(?:\s*,)?\s+(?=[A-Z\"“])"
)


def dateline_end(text: str) -> int:
    """Where a sentence's wire dateline ends (0 when it has none), including a mixed-case
    filing city after the page's "Last updated ..." stamp."""
    m = _DATELINE_RE.match(text) or _STAMP_DATELINE_RE.match(text)
    return m.end() if m else 0


def np_span(head: Token) -> Span:
    """The head noun with its left modifiers (no determiners, clauses or conjuncts)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _NP_DEPS or (child.dep_ == "punct" and child.text == "-"):
            start = min(start, child.left_edge.i)
    doc = head.doc
    # a date stamp the parse hung on the phrase ("10-03-2016 Army Advances ...", "26 November
    # 2014 10:07 air force" in a headline run into its date line) is no part of the name
    dated = False
    while start < head.i and (
        doc[start].dep_ in {"det", "case", "punct"}
        or doc[start].is_punct
        or doc[start].ent_type_ in {"DATE", "TIME"}
        or (dated and doc[start].tag_ == "CD")
    ):
        dated = dated or doc[start].ent_type_ in {"DATE", "TIME"}
        start += 1
    filed = dateline_end(doc.text)
    if filed and start < head.i and doc[start].idx < filed <= head.idx:
        # "MAJDAL SHAMS, Golan Heights - A rocket": the dateline is no part of the phrase,
        # nor the article after it that the tagger read as a name ("A")
        start = next(t.i for t in doc if t.idx >= filed)
        while start < head.i and doc[start].lower_ in _ARTICLES:
            start += 1
    end = head.i + 1
    # "Islamic State of Iraq", "Free Syrian Army" already end at the head in spaCy's English.
    for child in head.rights:
        if child.dep_ in {"flat", "compound"}:
            end = max(end, child.right_edge.i + 1)
    return doc[start:end]


def proper_np(head: Token) -> str:
    """A proper name with its "of" chain: "the Host of Mordor", "Army of Gondor"."""
    span = np_span(head)
    end = span.end
    current = head
    for _ in range(2):
        nxt = None
        for child in current.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.tag_ in {"NNP", "NNPS"}:
                        nxt = pobj
        if nxt is None or current.tag_ not in {"NNP", "NNPS"}:
            break
        end = max(end, np_span(nxt).end)
        current = nxt
    return clean(head.doc[span.start : end].text)


def clean(text: str) -> str:
    """Drop possessive endings and quotes from a phrase."""
    out = text.replace("’s", "").replace("'s", "").strip(" \"“”'’,.")
    return out


def actor_text(head: Token) -> str | None:
    """Who a phrase says acted: "Russian bombs" -> "Russian", "regime forces" -> as is."""
    lower = head.lower_
    if head.tag_ in {"PRP", "PRP$", "WP", "WDT"}:
        return None
    mods = [
        c
        for c in head.lefts
        if c.dep_ in {"amod", "compound", "poss", "nmod"}
        and (c.tag_ in {"NNP", "NNPS", "JJ", "NN", "NNS", "PRP$"} or c.ent_type_)
    ]
    of = [
        gc
        for c in head.rights
        if c.dep_ == "prep" and c.lower_ in {"of", "from"}
        for gc in c.children
        if gc.dep_ == "pobj"
    ]
    if lower in WEAPON_HEADS:
        filed = dateline_end(head.doc.text)
        candidates = [
            m
            for m in mods
            if m.lower_ not in WEAPON_HEADS | _ARTICLES and m.tag_ != "PRP$" and m.idx >= filed
        ]
        if candidates:
            first = min(m.left_edge.i for m in candidates)
            while head.doc[first].idx < filed:
                first += 1  # never into the dateline
            span = head.doc[first : max(m.i for m in candidates) + 1]
            return clean(span.text) or None
        if of and of[0].tag_ in {"NNP", "NNPS"}:
            return clean(np_span(of[0]).text)
        return None
    span = np_span(head)
    return clean(span.text) or None


def is_pronoun(token: Token) -> bool:
    return token.tag_ in {"PRP", "PRP$"} or token.lower_ in {"they", "it", "its", "their"}


_NAME_ENTS = frozenset({"GPE", "ORG", "NORP", "ACTOR"})


def antecedent(pronoun: Token) -> Token | None:
    """The named subject before a possessive "its"/"their" in its sentence ("Gondor said its
    army ...", "Rohan began what its ministry called ..."): the state or group it stands for.
    None when no named subject comes before it."""
    if pronoun.lower_ not in {"its", "their"}:
        return None
    for t in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        named = t.ent_type_ in _NAME_ENTS or t.tag_ in {"NNP", "NNPS"}
        if t.dep_ in {"nsubj", "nsubjpass"} and named:
            return t
    return None


def speech_verb_over(token: Token) -> Token | None:
    """The nearest speech verb that governs `token` ("X said that ... [token]")."""
    for anc in [token, *token.ancestors]:
        if anc is not token and anc.lower_ in SPEECH_VERBS and anc.tag_.startswith("VB"):
            return anc
    root = token.sent.root if token.doc.has_annotation("SENT_START") else None
    if root is not None and root.lower_ in SPEECH_VERBS and root is not token:
        return root
    return None


# Heads that make a place name stand for its government: "Ankara's foreign ministry".
_INSTITUTIONS = frozenset(
    {
        *("government", "ministry", "army", "military", "forces", "officials", "president"),
        *("foreign", "spokesman", "spokeswoman", "embassy", "envoy", "leadership", "regime"),
        *("authorities", "administration", "statement", "troops", "warplanes", "jets"),
    }
)
_BLAME_VERBS = frozenset(
    {
        *("accused", "accuses", "blamed", "blames", "condemned", "condemns", "warned"),
        *("urged", "denied", "denies", "rejected", "rejects", "views", "viewed", "sees"),
    }
)
# "X-backed", "X-allied": the place names its government, the patron of a force
_PATRON_WORDS = frozenset(
    {"backed", "allied", "aligned", "sponsored", "supported", "funded", "armed", "trained"}
)
# Verbs whose subject can be a place as a place ("Aleppo saw heavy fighting").
_PLACE_PREDICATES = frozenset({"saw", "see", "sees", "witnessed", "experienced", "hosted"})


def backs_a_force(token: Token) -> bool:
    """A place written as the patron of a force ("Damascus-backed militias", "Tehran-allied
    fighters"): the word names its government, never where anything happened."""
    nxt = token.i + 1
    doc = token.doc
    return nxt + 1 < len(doc) and doc[nxt].text == "-" and doc[nxt + 1].lower_ in _PATRON_WORDS


def place_as_actor(token: Token) -> bool:
    """A place name used as a metonym for its government, not where anything happened:
    the subject of a speech, blame or transitive verb ("Moscow denied", "Ankara blamed"), or the
    owner of an institution ("Ankara's foreign ministry", "Washington's envoy")."""
    if backs_a_force(token):
        return True
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # "Damascus and Moscow say"
    head = token.head
    if token.dep_ in {"nsubj", "nsubjpass"} and head is not token:
        if head.lower_ in SPEECH_VERBS or head.lower_ in _BLAME_VERBS:
            return True
        # a place that does something to someone is its government ("Ankara views X")
        transitive = any(c.dep_ in {"dobj", "ccomp"} for c in head.children)
        return token.dep_ == "nsubj" and transitive and head.lower_ not in _PLACE_PREDICATES
    if token.dep_ == "poss" or (token.dep_ == "compound" and head.lower_ in _INSTITUTIONS):
        return head.lower_ in _INSTITUTIONS or head.lower_ in SPEECH_VERBS
    return False


def subject_of(verb: Token) -> Token | None:
    """nsubj of a verb, climbing xcomp/conj chains ("have continued to insist")."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            before = [c for c in subjects if c.i < current.i]
            return max(before, key=lambda c: c.i) if before else subjects[0]
        if current.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and current.head is not current:
            current = current.head
        else:
            return None
    return None


def is_hypothetical(token: Token) -> bool:
    """A trigger under a modal, an if-clause or a threat/plan verb did not happen (yet)."""
    chain = [token, *token.ancestors]
    for i, t in enumerate(chain):
        for child in t.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in MODALS:
                if child.lower_ == "will" and t.lower_ in SPEECH_VERBS:
                    continue
                return True
            if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
                return True
        if (
            t.lower_ in HYPOTHETICAL_HEADS
            and i > 0
            and chain[i - 1].dep_ in {"xcomp", "pobj", "dobj", "pcomp"}
        ):
            return True
        if t.lower_ in SPEECH_VERBS and i > 0:
            # A speech verb reports what happened; modality above it is about the speaker.
            return False
    return False


def concessive(token: Token) -> bool:
    """True when the token sits in a "despite ..."/"while ..."/"although ..." adjunct."""
    for t in [token, *token.ancestors]:
        for child in t.children:
            if child.dep_ == "mark" and child.lower_ in {"while", "although", "though", "whereas"}:
                return True
        if t.lower_ in {"despite", "notwithstanding"}:
            return True
    return False


def headline_capital(token: Token) -> bool:
    """Is the token's capital no sign of a name? A word of a title-cased headline that
    modifies a capitalised attack word ("Air Strikes", "Escalating Bombardment", "Major
    Offensive"), or an adjective opening a sentence ("Fierce fighting")."""
    if not token.text[:1].isupper():
        return False
    if token.i == token.sent.start and token.tag_ in {"JJ", "JJR", "JJS"}:
        return True
    head = token.head
    if token.i > token.sent.start and head.i == token.i + 1 and head.text[:1].islower():
        # "... 29 October 2016 Fresh fighting shook the city": a sentence run into the
        # date line before it opens with its capital
        before = token.doc[token.i - 1]
        if before.ent_type_ == "DATE" or before.like_num:
            return True
    return (
        head.i != token.i
        and head.text[:1].isupper()
        and head.lower_ in WEAPON_HEADS | {"weapons", "weapon"}
    )


def kills_someone(verb: Token) -> bool:
    """ "X killed 50 people": an active killing verb with its victims as object, so its
    subject is the killer, not a victim as in "two policemen were killed" or "five died"."""
    return verb.lower_ in {"kill", "kills", "killed", "killing"} and any(
        c.dep_ == "dobj" for c in verb.children
    )


def named_compound(noun: Token) -> bool:
    """A common noun a name modifies ("the ISIS terrorist organization", "the X group")."""
    return any(
        c.dep_ in {"compound", "nmod", "amod"} and c.tag_ in {"NNP", "NNPS"} for c in noun.lefts
    )


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The root token of the character span [start, end) of a parsed sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


__all__ = [
    "FORCE_HEADS",
    "SYNTAX_VERSION",
    "WEAPON_HEADS",
    "actor_text",
    "antecedent",
    "backs_a_force",
    "clean",
    "concessive",
    "headline_capital",
    "is_hypothetical",
    "is_pronoun",
    "kills_someone",
    "named_compound",
    "np_span",
    "place_as_actor",
    "proper_np",
    "speech_verb_over",
    "subject_of",
    "token_at",
]
