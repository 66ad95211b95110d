"""Direct quotes and reported speech, with speaker, role, affiliation, channel and stance.

Direct quotes are found with quote marks over each paragraph (they may span sentences);
the speaker comes from the speech verb next to the quote ("...," Cavusoglu said; X said:
"..."), and a pronoun or description ("he", "the spokesman") is the last named speaker.
Reported speech ("Assad asserted that ...") is taken only from named people, so a report's
every "Russia said" does not become a quote.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from trucewatch.model.event import Quote, Stance
from trucewatch.nlp.context import ArticleContext, person_in
from trucewatch.nlp.lexicon import SPEECH_VERBS
from trucewatch.nlp.syntax import clean, np_span, subject_of
from trucewatch.nlp.text import Sentence

QUOTES_VERSION = "trucewatch.nlp.quotes.v1"
MIN_QUOTE_WORDS = 4  # shorter quoted fragments are scare quotes ("terrorists")

_PAIRS = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")
_MEDIA = (
    r"newspaper|daily|weekly|channel|broadcaster|television|TV station|radio|news agency|agency"
    r"|magazine|outlet|website|network"
)
_OUTLET_WORD = r"(?:[A-Z][\w.&'’-]*|al-\w+|TV|of|de|der|die|the)"
_CHANNELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\binterview (?:with|to) (?:the )?(?:[a-z-]+ ){0,3}?(?P<x>[A-Z][\w.&'’-]*"
            r"(?: [A-Z][\w.&'’-]*)*)"
        ),
        "interview with {x}",
    ),
    (
        re.compile(
            rf"\b(?:told|telling|speaking to|spoke to|in comments to|quoted by|said to)"
            rf" (?:the )?(?:[\w-]+ ){{0,2}}?(?:{_MEDIA}) (?P<x>[A-Z][\w.&'’-]*"
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
        re.compile(
            r"\bon (?P<x>Twitter|X|Facebook|Telegram|Instagram|YouTube|social media"
            r"|(?:his|her|their|its) (?:official )?(?:Twitter|Telegram|Facebook|X) "
            r"(?:account|channel|page))\b"
        ),
        "{x}",
    ),
    (re.compile(r"\b(?P<x>state (?:TV|television|media|news agency|radio))\b", re.I), "{x}"),
    (
        re.compile(
            r"\b(?:in|at|during|through) an? (?:\w+ )?(?P<x>statement|briefing"
            r"|news conference|press conference|press release|speech|address|tweet|post"
            r"|letter|interview|video)\b"
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
    end: int  # offset just after the closing mark
    text: str


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Quoted passages long enough to be speech (not scare quotes), per paragraph."""
    marks = []
    for m in _PAIRS.finditer(text):
        inner = (m.group(1) or m.group(2) or "").strip()
        if len(inner.split()) >= MIN_QUOTE_WORDS:
            marks.append(QuoteMark(m.start(), m.end(), inner))
    return marks


def channel_in(text: str) -> str | None:
    """Where something was said: "Twitter", "interview with AFP", "Orient TV", ..."""
    for pattern, template in _CHANNELS:
        m = pattern.search(text)
        if m:
            value = template.format(x=m.group("x")).strip()
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


def speaker_of(verb: Token, ctx: ArticleContext) -> Speaker:
    """Who a speech verb's subject names, after pronoun/description/surname resolution."""
    subj = subject_of(verb)
    if subj is None:
        # inverted: "..., said Kerry"
        after = [t for t in verb.rights if t.tag_ in {"NNP", "NNPS"}]
        if not after:
            return Speaker(None, None)
        subj = after[0]
    name, role = person_in(subj.doc, subj)
    if name:
        person = ctx.people.add(name, role)
        ctx.people.last_speaker = person
        return Speaker(person.name, role or person.role)
    phrase = clean(np_span(subj).text)
    person = ctx.people.lookup(phrase) or ctx.people.lookup(subj.text)
    if person is not None:
        ctx.people.last_speaker = person
        return Speaker(person.name, person.role)
    if subj.tag_ in {"PRP", "PRP$"}:
        return Speaker(None, None)
    full = clean(subj.doc[subj.left_edge.i : subj.i + 1].text)
    return Speaker(re.sub(r"^(?:the|a|an)\s+", "", full, flags=re.I) or None, None)


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
        for sent in (closing, opening):
            if sent is None or sent.index not in ctx.docs:
                continue
            doc = ctx.docs[sent.index]
            lo, hi = mark.start - sent.start, mark.end - sent.start
            verb = _speech_verb_outside(doc, max(lo, 0), hi)
            if verb is None:
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


def reported_speech(
    sent: Sentence, doc: Doc, ctx: ArticleContext, on: dt.date | None
) -> list[Quote]:
    """ "X said (that) CLAUSE" by a named person -> an indirect quote of the clause."""
    out: list[Quote] = []
    for verb in doc:
        if verb.lower_ not in SPEECH_VERBS or not verb.tag_.startswith("VB"):
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        if not clauses:
            continue
        subj = subject_of(verb)
        if subj is None:
            continue
        name, role = person_in(doc, subj)
        person = ctx.people.add(name, role) if name else ctx.people.lookup(subj.text)
        if person is None:
            continue
        clause = clauses[0]
        start = clause.left_edge.i
        if doc[start].lower_ == "that":
            start += 1
        span = doc[start : clause.right_edge.i + 1]
        absolute = sent.start + span.start_char
        if any(s <= absolute < e for s, e, _ in ctx.quote_spans):
            continue
        clause_text = re.split(r",? (?:and thus|and so|but|while|although)\b|; ", span.text)[0]
        clause_text = clause_text.replace('"', "").replace("“", "").replace("”", "")
        clause_text = clause_text.strip(" ,.")
        if len(clause_text.split()) < MIN_QUOTE_WORDS:
            continue
        ctx.people.last_speaker = person
        out.append(
            Quote(
                speaker=person.name,
                role=role or person.role,
                affiliation=ctx.affiliation(role or person.role, on),
                text=clause_text,
                direct=False,
                channel=channel_in(sent.text),
                stance=stance_of(clause_text, verb.text),
                evidence=sent.text,
                article_id=ctx.article.id,
            )
        )
    return out


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
    "reported_speech",
    "stance_of",
]
