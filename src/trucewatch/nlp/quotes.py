"""Direct quotes and reported speech, with speaker, role, affiliation, channel and stance.

Direct quotes are found with quote marks over each paragraph (they may span sentences);
the speaker comes from the speech verb next to the quote ("...," Cavusoglu said; X said:
"..."), and a pronoun or description ("he", "the spokesman") is the last named speaker.
Reported speech ("Assad asserted that ...", "Assad described X as Y", "CLAUSE, the police
chief told GPA") is taken from named people (or "he"/"the governor" standing for one) and
from organisations speaking as the sentence's news ("The army said that ..."), never from a
state ("Russia said"), a trailing ", the ministry said" that sources the reporter's own
narration, or a body reporting its own doings ("the mission said it had recorded ...").

Speakers: a name in the subject ("Misri said"), in an apposition ("Rohan's marshal, Elfhelm
Eastfold, told"), a surname known from earlier in the article, or a pronoun/description ("he",
"the envoy") resolved to the last named person whose role fits, else the last speaker. A name
inside the quote is never the speaker: verbs inside the quote's span are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from trucewatch.model.event import Quote, Stance
from trucewatch.model.kb import ActorMatch
from trucewatch.nlp.context import ROLE_WORDS, ArticleContext, Person, person_in
from trucewatch.nlp.lexicon import SPEECH_VERBS
from trucewatch.nlp.syntax import clean, np_span, subject_of
from trucewatch.nlp.text import Sentence

# v3: organisations as speakers ("The army said that ..."), attribution after reported
# speech ("CLAUSE, the police chief told GPA"), "told reporters" -> briefing, pronouns
# fall back to the last person introduced with a role
QUOTES_VERSION = "trucewatch.nlp.quotes.v3"
MIN_QUOTE_WORDS = 4  # shorter quoted fragments are scare quotes ("terrorists")

_PAIRS = re.compile(
    r"\"(?P<a>[^\"\n]+)\"|“(?P<b>[^”\n]+)”|«\s?(?P<c>[^»\n]+?)\s?»"
    r"|(?<![\w’])‘(?P<d>[^‘\n]+?)’(?![\w])"
)
_OPENERS = '"“«‘'


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns for people (a description "the envoy" may stand for one); organisations are not here.
PERSON_NOUNS = _words(
    """minister president spokesman spokeswoman spokesperson envoy ambassador secretary
    diplomat commander general leader chief king queen prince emir sheikh sultan premier
    chancellor official mediator negotiator governor mayor marshal colonel officer cleric
    monarch ruler head director coordinator representative adviser advisor
    analyst activist witness resident doctor"""
)
# Last words that make a capitalised run an organisation, not a person ("... Monitoring Mission").
ORG_WORDS = _words(
    """mission council ministry office army forces force group front committee agency
    observatory movement party government authority authorities command coalition network
    union organisation organization institute commission court bank company corporation
    service services department police brigade brigades battalion division corps guard guards
    militia assembly parliament presidency administration embassy radio tv television news
    agency press herald times post daily"""
)
_MEDIA = (
    r"newspaper|daily|weekly|channel|broadcaster|television|TV station|radio|news agency|agency"
    r"|magazine|outlet|website|network"
)
_OUTLET_WORD = r"(?:[A-Z][\w.&'’-]*|al-\w+|TV|of|de|der|die|the)"
_NAME_RUN = r"[A-Z][\w.&'’-]*(?: (?:of |de |al-)?[A-Z][\w.&'’-]*)*"
_CHANNELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            rf"\binterview (?:with|to) (?:the )?(?:[a-z-]+ ){{0,3}}?(?:{_MEDIA} )?"
            rf"(?P<x>{_NAME_RUN})"
        ),
        "interview with {x}",
    ),
    (
        re.compile(
            rf"\b(?:told|telling|speaking to|spoke to|in comments to|quoted by|said to|"
            rf"according to) (?:the )?(?:[\w-]+ ){{0,2}}?(?:{_MEDIA}) (?P<x>[A-Z][\w.&'’-]*"
            rf"(?: {_OUTLET_WORD})*)"
        ),
        "{x}",
    ),
    (
        re.compile(
            r"\b(?:told|telling|speaking to|spoke to|in comments to|quoted by|said to)"
            r" (?:the )?(?:[A-Z][\w]*-based )?(?P<x>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*)*)"
        ),
        "{x}",
    ),
    (
        # "in an address broadcast on Morgul TV", "speaking on Al Jazeera", "on state TV"
        re.compile(
            r"\b(?:broadcast|aired|televised|shown|speaking|appearing|published|carried) "
            r"(?:live )?(?:on|by|in) (?:the )?(?P<x>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*)*)"
        ),
        "{x}",
    ),
    (
        re.compile(
            r"\bon (?:the )?(?P<x>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*)* "
            r"(?:TV|Television|Radio|News))\b"
        ),
        "{x}",
    ),
    (
        re.compile(
            r"\bon (?P<x>Twitter|X|Facebook|Telegram|Instagram|YouTube|social media"
            r"|(?:his|her|their|its) (?:official )?(?:Twitter|Telegram|Facebook|X) "
            r"(?:account|channel|page))\b"
        ),
        "{x}",
    ),
    (re.compile(r"\b(?P<x>state (?:TV|television|media|news agency|radio))\b", re.I), "{x}"),
    (
        # "told reporters": said to the press, i.e. at a briefing (no outlet named)
        re.compile(
            r"\b(?:told|telling|speaking to|spoke to|in comments to|said to) (?:a group of )?"
            r"(?:reporters|journalists|the press|the media|a news conference)\b"
        ),
        "briefing",
    ),
    (
        re.compile(
            r"\b(?:in|at|during|through|told|to|gave|addressing|issued) (?:an?|the) "
            r"(?:[\w-]+ ){0,2}?(?P<x>statement|briefing|news conference|press conference"
            r"|press release|speech|address|tweet|post|letter|interview|video)\b"
        ),
        "{x}",
    ),
)
_STANCES: tuple[tuple[Stance, re.Pattern[str]], ...] = (
    ("designate", re.compile(r"\bterroris[tm]s?\b", re.I)),
    (
        "deny",
        re.compile(r"\b(?:den(?:y|ied|ies)|not true|baseless|false|fabricat\w+|reject\w*)\b", re.I),
    ),
    (
        "accuse",
        re.compile(
            r"\b(?:accus\w+|blam\w+|responsible for|crimes?|violat\w+|guilty"
            r"|compromised)\b",
            re.I,
        ),
    ),
    (
        "threaten",
        re.compile(
            r"\b(?:warn\w*|threat\w*|will pay|not going to sit|consequences"
            r"|retaliat\w*|increase of activity)\b",
            re.I,
        ),
    ),
    (
        "demand",
        re.compile(
            r"\b(?:must|should|urge\w*|demand\w*|call(?:ed|s)? (?:on|for)"
            r"|it is time|important now|stop\w*|need to)\b",
            re.I,
        ),
    ),
    ("claim", re.compile(r"\b(?:claim\w*|killed|destroyed|targeted|struck|captured)\b", re.I)),
)


@dataclass(frozen=True)
class QuoteMark:
    """A quoted passage as offsets into the article text."""

    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph's end)
    text: str
    continues: bool = False  # unclosed at paragraph end: the next paragraph goes on


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Quoted passages long enough to be speech (not scare quotes), per paragraph.

    A quote running over paragraphs leaves its paragraph unclosed and reopens the next one
    (news convention); each paragraph's part is its own passage, marked `continues`.
    """
    marks = []
    offset = 0
    paragraphs = text.split("\n")
    for n, para in enumerate(paragraphs):
        last_end = 0
        for m in _PAIRS.finditer(para):
            inner = next((g for g in m.groups() if g), "").strip()
            if len(inner.split()) >= MIN_QUOTE_WORDS:
                marks.append(QuoteMark(offset + m.start(), offset + m.end(), inner))
            last_end = m.end()
        rest = para[last_end:]
        following = next((p.strip() for p in paragraphs[n + 1 :] if p.strip()), "")
        opener = re.search(r"(?:^|(?<=[\s(:]))[\"“«](?=\w)", rest)
        if opener and following[:1] in _OPENERS:
            inner = rest[opener.end() :].strip()
            if len(inner.split()) >= MIN_QUOTE_WORDS:
                start = offset + last_end + opener.start()
                marks.append(QuoteMark(start, offset + len(para), inner, continues=True))
        offset += len(para) + 1
    return marks


def channel_in(text: str) -> str | None:
    """Where something was said: "Twitter", "interview with AFP", "Orient TV", ..."""
    for pattern, template in _CHANNELS:
        m = pattern.search(text)
        if m:
            value = template.format(x=m.groupdict().get("x") or "").strip()
            value = re.sub(r"^(?:\w+-based )", "", value).strip(" .,;:")
            if value and not re.fullmatch(r"(?i)reporters|journalists|the|a", value):
                return value
    return None


def stance_of(text: str, verb: str | None) -> Stance:
    """accuse / deny / demand / threaten / claim / designate / other, by cue words."""
    if verb:
        low = verb.lower()
        if low.startswith(("den", "reject")):
            return "deny"
        if low.startswith(("accus", "blam")):
            return "accuse"
        if low.startswith(("warn", "threat")):
            return "threaten"
        if low.startswith(("urg", "demand", "call")):
            return "demand"
    for stance, pattern in _STANCES:
        if pattern.search(text):
            return stance
    return "other"


def _clean_quote(text: str) -> str:
    return text.strip().rstrip(",").strip()


def _speech_verb_outside(doc: Doc, lo: int, hi: int) -> Token | None:
    """The speech verb of an attribution outside the quote's span [lo, hi) in `doc`."""
    best: Token | None = None
    for t in doc:
        outside = t.lower_ in SPEECH_VERBS and t.tag_.startswith("VB") and not lo <= t.idx < hi
        if outside and (best is None or abs(t.idx - hi) < abs(best.idx - hi)):
            best = t
    return best


@dataclass
class Speaker:
    name: str | None
    role: str | None


def _proper_run(head: Token) -> str | None:
    """The capitalised name a proper-noun head ends ("Staffan de Mistura"), if it is one."""
    if head.tag_ not in {"NNP", "NNPS"}:
        return None
    doc = head.doc
    start = head.i
    while start > 0 and (
        doc[start - 1].tag_ == "NNP" or doc[start - 1].lower_ in {"de", "al", "bin", "ibn", "-"}
    ):
        if doc[start - 1].lower_ in ROLE_WORDS:
            break
        start -= 1
    name = doc[start : head.i + 1].text.replace(" - ", "-")
    if not _is_person_name(name):
        return None
    return name


def _is_person_name(name: str, ctx: ArticleContext | None = None) -> bool:
    """Not an organisation: no organisation head word, and not a group or state the
    knowledge base knows by name or alias (a metonym like a leader's name is a person)."""
    words = name.replace("-", " ").split()
    if not words or words[-1].lower() in ORG_WORDS or len(name) < 3:
        return False
    if ctx is not None and ctx.kb is not None:
        match = ctx.kb.resolve_actor(name)
        if isinstance(match, ActorMatch) and match.reason.startswith(("name ", "alias ")):
            return False
    return True


def _with_full_name(name: str, role: str | None, ctx: ArticleContext) -> Person:
    """Register a person; a bare surname takes the full name it was introduced with."""
    if len(name.split()) == 1 and ctx.people.lookup(name) is None:
        full = _full_name(name, ctx)
        if full is not None:
            return ctx.people.add(full[0], role or full[1])
    return ctx.people.add(name, role)


def _split_title(name: str | None, role: str | None) -> tuple[str | None, str | None]:
    """ "President Hassan Sheikh" + "Mohamud": a capitalised non-title word after a title
    starts the name ("Sheikh" is also a title, so the parse cut the name there)."""
    if not name or not role:
        return name, role
    words = role.split()
    for j in range(1, len(words)):
        prev, word = words[j - 1], words[j]
        title = prev.lower().strip(".") in ROLE_WORDS
        if title and word[:1].isupper() and word.lower() not in ROLE_WORDS and "'" not in word:
            return " ".join([*words[j:], name]), " ".join(words[:j])
    return name, role


def _role_text(head: Token) -> str | None:
    """ "Rohan's foreign minister" for the role noun an apposed name hangs on."""
    doc = head.doc
    start = head.i
    for c in head.lefts:
        if c.dep_ in {"poss", "compound", "amod", "nmod"}:
            start = min(start, c.left_edge.i)
    end = head.i + 1
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in {"of", "for", "in"} and c.i < end + 1:
            end = max(end, c.right_edge.i + 1)
    tokens = [t for t in doc[start:end] if t.dep_ != "det" and t.tag_ != ","]
    text = " ".join(t.text for t in tokens)
    return re.sub(r"\s+(['’]s)\b", r"\1", text).replace(" - ", "-").strip() or None


def _role_head(appos: Token) -> Token | None:
    """The role noun an apposed name belongs to, past a misattached place: "the envoy in
    Dol Amroth, Lugdush Orcrest" parses the name as apposed to "Amroth"."""
    head = appos.head
    if head.lower_ in ROLE_WORDS | PERSON_NOUNS:
        return head
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        up = head.head.head
        if up.lower_ in PERSON_NOUNS:
            return up
    return None


def _apposed(subj: Token) -> Speaker | None:
    """A name apposed to a role noun in the subject: "Rohan's marshal, Elfhelm Eastfold"."""
    for t in subj.subtree:
        role_head = _role_head(t) if t.dep_ == "appos" else None
        if role_head is not None:
            name = _proper_run(t)
            if name:
                return Speaker(name, _role_text(role_head))
        if t.dep_ == "appos" and t.tag_ in {"NN", "NNS"} and t.lower_ in PERSON_NOUNS:
            # "Staffan de Mistura, the UN envoy," -> the head is the name
            name = _proper_run(t.head)
            if name:
                return Speaker(name, _role_text(t))
    return None


def note_introductions(doc: Doc, ctx: ArticleContext) -> None:
    """Register people introduced by apposition ("the envoy in Dol Amroth, Lugdush Orcrest,")
    with their roles, so a later "Orcrest said" or "the envoy added" finds them."""
    for t in doc:
        role_head = _role_head(t) if t.dep_ == "appos" else None
        if role_head is not None and role_head.lower_ in PERSON_NOUNS:
            name = _proper_run(t)
            if name and len(name.split()) > 1 and _is_person_name(name, ctx):
                ctx.people.add(name, _role_text(role_head))


def _full_name(surname: str, ctx: ArticleContext) -> tuple[str, str | None] | None:
    """The full name a bare surname was introduced with earlier ("Vikram Misri"), and the
    role apposed to it there ("India's foreign secretary, Vikram Misri,"), from the text:
    the introducing sentence may not have been parsed."""
    pattern = re.compile(
        rf"\b((?:[A-Z][\w’'-]+ )(?:(?:de|al|bin|van|von|da|el) |[A-Z][\w’'-]+ ){{0,2}})"
        rf"{re.escape(surname)}\b"
    )
    text = ctx.article.text
    for m in pattern.finditer(text):
        first = m.group(1).split()[0]
        if first.lower() in ROLE_WORDS or first.lower() in {"the", "a", "an", "in", "on", "and"}:
            continue
        if first[0].isupper() and first.lower() not in _NOT_FIRST_NAMES:
            role = _ROLE_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
            return f"{m.group(1)}{surname}".strip(), role.group("role") if role else None
    return None


_ROLE_BEFORE = re.compile(
    r"(?P<role>(?:[A-Z][\w’'-]*(?:'s|’s) )?(?:[\w-]+ ){0,3}?(?:"
    + "|".join(sorted(PERSON_NOUNS))
    + r")(?: (?:in|of|for|to) (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)?), $"
)


_NOT_FIRST_NAMES = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december but late then when while after
    before as if so yet meanwhile"""
)


def resolve_speaker(subj: Token, ctx: ArticleContext) -> Speaker:
    """Who a subject names: a person (full name as first introduced) or, failing that, a
    description, an organisation's phrase, or nobody for an unresolved pronoun."""
    name, role = _split_title(*person_in(subj.doc, subj))
    if name and not _is_person_name(name, ctx):
        name, role = None, None
    if not name:
        apposed = _apposed(subj)
        if apposed is not None:
            name, role = apposed.name, apposed.role
    if name:
        person = _with_full_name(name, role, ctx)
        ctx.people.last_speaker = person
        return Speaker(person.name, role or person.role)
    phrase = clean(np_span(subj).text)
    low = subj.lower_
    if subj.tag_ in {"PRP", "PRP$"}:
        referent = _pronoun_referent(low, ctx)
        if referent is not None:
            return Speaker(referent.name, referent.role)
        return Speaker(None, None)
    if low in PERSON_NOUNS and subj.tag_ in {"NN", "NNS"}:
        found = _by_role(low, phrase, ctx)
        if found is not None:
            ctx.people.last_speaker = found
            return Speaker(found.name, found.role)
    known = ctx.people.lookup(phrase) or ctx.people.lookup(subj.text)
    if known is None and subj.tag_ == "NNP" and subj.ent_type_ not in {"GPE", "NORP", "ORG"}:
        full = _full_name(subj.text, ctx)
        if full:
            known = ctx.people.add(*full)
    if known is not None:
        ctx.people.last_speaker = known
        return Speaker(known.name, known.role)
    full_text = clean(subj.doc[subj.left_edge.i : subj.i + 1].text)
    return Speaker(re.sub(r"^(?:the|a|an)\s+", "", full_text, flags=re.I) or None, None)


def _pronoun_referent(pronoun: str, ctx: ArticleContext) -> Person | None:
    """ "he"/"she": the last named speaker, else the last named person introduced with a role
    (an official the report presented before quoting: "regional governor Ada Brook visited
    ..., she said"); a person named without a role is more often a victim than a speaker."""
    if pronoun not in {"he", "she"}:
        return None
    if ctx.people.last_speaker is not None:
        return ctx.people.last_speaker
    return next((p for p in reversed(ctx.people.by_surname.values()) if p.role), None)


def _by_role(noun: str, phrase: str, ctx: ArticleContext) -> Person | None:
    """ "the envoy" -> the latest person whose role has that noun, else the last speaker
    (only when no one else's role names the noun's kind either)."""
    people = list(ctx.people.by_surname.values())
    words = set(phrase.lower().split())
    for person in reversed(people):
        role = (person.role or "").lower()
        if noun[:6] in role and words <= set(role.replace("'s", " ").split()) | {noun}:
            return person
    for person in reversed(people):
        if noun[:6] in (person.role or "").lower():
            return person
    return ctx.people.last_speaker


def speaker_of(verb: Token, ctx: ArticleContext) -> Speaker:
    """Who a speech verb's subject names, after pronoun/description/surname resolution."""
    subj = subject_of(verb)
    if subj is None:
        # inverted: "..., said Kerry" / "..., said the minister"
        after = [t for t in verb.rights if t.tag_ in {"NNP", "NNPS"} or t.dep_ == "nsubj"]
        if not after:
            return Speaker(None, None)
        subj = after[0]
    return resolve_speaker(subj, ctx)


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    for s in sentences:
        if s.start <= offset < s.end + 1:
            return s
    return None


def direct_quotes(ctx: ArticleContext, marks: list[QuoteMark], on: dt.date | None) -> list[Quote]:
    """Quotes in quote marks with their attribution."""
    text = ctx.article.text
    quotes: list[Quote] = []
    for mark in marks:
        closing = _sentence_at(ctx.sentences, mark.end - 1)
        opening = _sentence_at(ctx.sentences, mark.start)
        speaker = Speaker(None, None)
        verb_text: str | None = None
        evidence_sents = [s for s in ctx.sentences if s.end > mark.start and s.start < mark.end]
        attribution = ""
        tries = [(closing, mark), (opening, mark)]
        if mark.continues:
            # the attribution may come in a later paragraph of the same quote
            later = [m for m in find_quote_marks(text) if m.start > mark.start][:3]
            tries += [(_sentence_at(ctx.sentences, m.end - 1), m) for m in later]
        for sent, span in tries:
            if sent is None or sent.index not in ctx.docs:
                continue
            doc = ctx.docs[sent.index]
            lo, hi = span.start - sent.start, span.end - sent.start
            verb = _speech_verb_outside(doc, max(lo, 0), hi)
            if verb is None or _inside_other_quote(sent.start + verb.idx, span, ctx):
                continue
            speaker = speaker_of(verb, ctx)
            verb_text = verb.text
            attribution = sent.text[: max(lo, 0)] + " " + sent.text[hi:]
            if speaker.name:
                break
        if speaker.name is None and ctx.people.last_speaker is not None and opening is not None:
            # a quote paragraph right after another one continues the same speaker
            speaker = Speaker(ctx.people.last_speaker.name, ctx.people.last_speaker.role)
        ctx.quote_spans.append((mark.start, mark.end, speaker.name))
        evidence = text[evidence_sents[0].start : evidence_sents[-1].end] if evidence_sents else ""
        quotes.append(
            Quote(
                speaker=speaker.name,
                role=speaker.role,
                affiliation=ctx.affiliation(speaker.role, on),
                text=_clean_quote(mark.text),
                direct=True,
                channel=channel_in(attribution) if attribution else None,
                stance=stance_of(mark.text, verb_text),
                evidence=evidence,
                article_id=ctx.article.id,
            )
        )
    return quotes


def _inside_other_quote(offset: int, mark: QuoteMark, ctx: ArticleContext) -> bool:
    """A verb inside another quoted passage is the quote's words, not an attribution."""
    return any(s <= offset < e for s, e, _ in ctx.quote_spans if (s, e) != (mark.start, mark.end))


_DESCRIBE_VERBS = frozenset({"described", "describes", "describe", "called", "calls", "termed"})


def reported_speech(
    sent: Sentence, doc: Doc, ctx: ArticleContext, on: dt.date | None
) -> list[Quote]:
    """ "X said (that) CLAUSE" / "X described Y as Z" by a named person -> an indirect quote."""
    note_introductions(doc, ctx)
    out: list[Quote] = []
    for verb in doc:
        if not verb.tag_.startswith("VB"):
            continue
        clause_text = _described_as(verb) if verb.lower_ in _DESCRIBE_VERBS else None
        subj: Token | None = None
        fronted_by = itself = False
        if clause_text is None and verb.lower_ in SPEECH_VERBS:
            clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
            clauses = clauses or _content_after_channel(verb)
            if clauses:
                clause_text = _clause_text(doc, clauses[0])
                itself = _about_itself(clauses[0])
            else:
                fronted = _fronted(doc, verb, sent, ctx)
                if fronted is not None:
                    clause_text, subj = fronted
                    fronted_by = True
        if clause_text is None:
            continue
        subj = subj or subject_of(verb)
        if subj is None:
            continue
        absolute = sent.start + verb.idx
        if any(s <= absolute < e for s, e, _ in ctx.quote_spans):
            continue
        if len(clause_text.split()) < (2 if verb.lower_ in _DESCRIBE_VERBS else MIN_QUOTE_WORDS):
            continue
        named = _named_speaker(subj, ctx)
        org = None
        if named is None and not fronted_by and not itself:
            org = _organisation(subj, ctx, sent)
        if named is None and org is None:
            continue
        name: str | None = org
        role: str | None = None
        if named is not None:
            person, role = named
            ctx.people.last_speaker = person
            name, role = person.name, role or person.role
        out.append(
            Quote(
                speaker=name,
                role=role,
                affiliation=ctx.affiliation(role, on),
                text=clause_text,
                direct=False,
                channel=channel_in(sent.text),
                stance=stance_of(clause_text, verb.text),
                evidence=sent.text,
                article_id=ctx.article.id,
            )
        )
    return out


def _content_after_channel(verb: Token) -> list[Token]:
    """ "said in a statement that CLAUSE": the parse hangs the said clause on the channel
    noun as a "that"-clause (acl with the mark "that", not a relative clause)."""
    return [
        acl
        for prep in verb.children
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj"
        for acl in obj.children
        if acl.dep_ in {"acl", "ccomp"}
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in acl.children)
    ]


def _fronted(
    doc: Doc, verb: Token, sent: Sentence, ctx: ArticleContext
) -> tuple[str, Token] | None:
    """ "CLAUSE, the city's police chief, Ada Brook, told the agency." -> the clause before the
    attribution and the attribution's speaker token. The attribution is the run of comma-set
    noun phrases right before the speech verb (no verb among them); the clause before it must
    have a verb of its own and lie outside quote marks (those are direct quotes)."""
    if verb.lower_.startswith("sa") and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "..., he said nothing"
    end = verb.i - 1 if verb.i > 0 and doc[verb.i - 1].text == "," else verb.i
    start = end
    while True:  # comma-set noun phrases back from the verb: ", the police chief, Ada Brook,"
        seg = start
        while seg > 0 and not (doc[seg - 1].text == "," and _is_segment_break(doc, seg)):
            seg -= 1
        tokens = doc[seg:start]
        if seg == 0 or not tokens or any(t.tag_.startswith(("VB", "MD", "W")) for t in tokens):
            break
        if any(t.text in {";", ":", '"', "”", "“"} for t in tokens):
            return None
        start = seg - 1  # the comma before this phrase
    start += 1  # first token of the attribution
    if start >= verb.i or start < 2:
        return None
    clause = doc[: start - 1]
    if not any(t.tag_.startswith("VB") for t in clause) or clause[0].is_punct:
        return None
    lo, hi = sent.start + clause[0].idx, sent.start + clause[-1].idx
    if any(s <= hi and lo < e for s, e, _ in ctx.quote_spans):
        return None
    attribution = doc[start : verb.i]
    subj = next((t for t in attribution if t.dep_ in {"nsubj", "nsubjpass"}), None)
    # a name ends its phrase ("the police chief, Ada Brook, told"; "governor Ada Brook said"),
    # not a modifier ("Rohan's interior ministry"), and takes no article ("the Bree Watch")
    names = [
        t
        for t in attribution
        if t.tag_ in {"NNP", "NNPS"}
        and (doc[t.i + 1].text == "," or t.i + 1 == verb.i)
        and _proper_run(t)
        and not _has_article(t)
    ]
    if names and (subj is None or subj.tag_ not in {"PRP", "NNP", "NNPS"}):
        subj = names[-1]
    if subj is None:
        nouns = [t for t in attribution if t.tag_ in {"PRP", "NN", "NNS", "NNP", "NNPS"}]
        subj = nouns[-1] if nouns else None
    if subj is None:
        return None
    text = clause.text.replace('"', "").replace("“", "").replace("”", "").strip(" ,.")
    return text, subj


def _has_article(name_end: Token) -> bool:
    """ "the Bree Watch": a capitalised run after "the" is a body's name, not a person's."""
    i = name_end.i
    while i > 0 and name_end.doc[i - 1].tag_ in {"NNP", "NNPS"}:
        i -= 1
    return i > 0 and name_end.doc[i - 1].lower_ == "the"


def _is_segment_break(doc: Doc, i: int) -> bool:
    """A comma at i-1 that ends the reported clause (not one inside a number like 1,000)."""
    return not (doc[i - 1].whitespace_ == "" and i < len(doc) and doc[i].like_num)


def _about_itself(clause: Token) -> bool:
    """ "The mission said it had recorded 40 violations": a body reporting its own doings is
    its claim or action (read as such elsewhere), not a statement to quote."""
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return False
    own = any(c.lower_ in {"its", "their", "our"} for c in subj.children)
    return own or subj.lower_ in {"it", "they", "we"}


def _organisation(subj: Token, ctx: ArticleContext, sent: Sentence) -> str | None:
    """An organisation's own voice ("the Rohirric army said", "the interior ministry said in a
    statement that ...") -> its phrase as written. A body, not a state: "Russia said" is how
    reports narrate a government's position, and would make every such sentence a quote. Only
    as the sentence's news ("The army said that ..."): a trailing ", the ministry said" after
    the reporter's own narration is the source of a fact, not a statement."""
    if subj.tag_ not in {"NN", "NNS", "NNP", "NNPS"}:
        return None
    phrase = _org_phrase(subj)
    if not phrase or subj.lower_ not in ORG_WORDS:
        return None
    if phrase.lower() == subj.lower_:
        return _named_earlier(subj, ctx, sent)  # "the ministry": the one the report named
    return phrase


def _org_phrase(head: Token) -> str:
    """ "Russia's defence ministry", "Syrian Observatory for Human Rights": the head with its
    modifiers and a capitalised "of/for" name tail, without the article."""
    doc = head.doc
    start = np_span(head).start
    end = head.i + 1
    prep = doc[end] if end < len(doc) else None
    if head.tag_.startswith("NNP") and prep is not None and prep.lower_ in {"of", "for"}:
        tail = end + 1
        while tail < len(doc) and (doc[tail].tag_.startswith("NNP") or doc[tail].lower_ == "and"):
            tail += 1
        if tail > end + 1 and doc[tail - 1].tag_.startswith("NNP"):
            end = tail
    text = re.sub(r"\s+(['’]s)\b", r"\1", doc[start:end].text)
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I).strip()


def _named_earlier(head: Token, ctx: ArticleContext, sent: Sentence) -> str | None:
    """The fuller phrase a bare "the ministry" took last in the report ("the interior
    ministry"), or nothing: a bare "the group" alone names no one."""
    for earlier in reversed(ctx.sentences[: sent.index + 1]):
        doc = ctx.docs.get(earlier.index)
        if doc is None:  # not parsed: the phrase as written, "(the) X's/Capitalised ... head"
            found = re.findall(
                rf"(?:\b[Tt]he )?((?:[A-Z][\w’'-]*(?:['’]s)? )+(?:[a-z]+ )?|(?<=[Tt]he )[a-z]+ )"
                rf"{re.escape(head.lower_)}\b",
                earlier.text,
            )
            if found:
                return f"{found[-1]}{head.lower_}"
            continue
        index = earlier.index
        for t in reversed(doc):
            if t.lower_ != head.lower_ or (index == sent.index and t.i >= head.i):
                continue
            phrase = _org_phrase(t)
            if len(phrase.split()) > 1:
                return phrase.strip()
    return None


def _named_speaker(subj: Token, ctx: ArticleContext) -> tuple[Person, str | None] | None:
    """A named person (or a pronoun/description standing for one) as the subject."""
    name, role = _split_title(*person_in(subj.doc, subj))
    if name and subj.tag_ in {"NNP", "NNPS"} and _has_article(subj):
        return None  # "the Bree Watch said": a body's name
    if name and _is_person_name(name, ctx):
        return _with_full_name(name, role, ctx), role
    low = subj.lower_
    if subj.tag_ == "PRP":
        referent = _pronoun_referent(low, ctx)
        return (referent, None) if referent is not None else None
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in subj.children) and not _apposed(subj):
        return None  # "his spokesman" with no name: someone else's, unnamed, aide
    speaker = resolve_speaker(subj, ctx)
    if speaker.name is None:
        return None
    person = ctx.people.lookup(speaker.name)
    if person is None or person.name != speaker.name or not _is_person_name(person.name):
        return None  # a body registered as a person by its capitals ("... Monitoring Mission")
    return person, speaker.role


def _clause_text(doc: Doc, clause: Token) -> str | None:
    start = clause.left_edge.i
    if doc[start].lower_ == "that":
        start += 1
    span = doc[start : clause.right_edge.i + 1]
    # "X said A and that B" stays one statement; "but/while ..." starts another voice
    text = re.split(
        r",? (?:and thus|and so|but|while|although|whereas)\b|; |,? adding\b", span.text
    )[0]
    text = text.replace('"', "").replace("“", "").replace("”", "")
    return text.strip(" ,.") or None


def _described_as(verb: Token) -> str | None:
    """ "described the recapture as an important achievement" -> "an important achievement"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                end = obj.i + 1
                for c in obj.rights:
                    if c.dep_ in {"prep", "compound", "amod"}:
                        end = max(end, c.right_edge.i + 1)
                text = verb.doc[obj.left_edge.i : end].text
                return clean(text) or None
    return None


def dedupe_quotes(quotes: list[Quote]) -> list[Quote]:
    """One quote per (speaker, text); the copy that names a channel wins."""
    kept: dict[tuple[str, str], Quote] = {}
    for q in quotes:
        key = (
            (q.speaker or "").split()[-1].lower() if q.speaker else "",
            re.sub(r"\W+", " ", q.text.lower()).strip(),
        )
        old = kept.get(key)
        if old is None or (old.channel is None and q.channel is not None):
            kept[key] = q
    return list(kept.values())


__all__ = [
    "QUOTES_VERSION",
    "QuoteMark",
    "channel_in",
    "dedupe_quotes",
    "direct_quotes",
    "find_quote_marks",
    "note_introductions",
    "reported_speech",
    "resolve_speaker",
    "stance_of",
]
